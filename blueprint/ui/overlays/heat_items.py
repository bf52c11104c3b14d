"""The friction heat map on the canvas: each cell tinted by its friction impact.

Two items for the whole grid, one for the tints (over the cells' shading, under the flows
and the cards) and one for the labels with each cell's impact, which sit across the line
between two rows, in the gap between their cards, where no card is. One item each, not one
per cell: a repaint at fit then costs two calls, not hundreds. Hovering a cell's visible
part or its label tells its impact in a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...report import formatting as fmt
from ..canvas import palette
from ..canvas.drawing import CELLS, SIMPLE_DETAIL, colour, font, shows
from ..canvas.layout import GridLayout, Rect
from .colours import heat_colour, heat_tint
from .measures import CellHeat
from .spots import SpotsItem

#: Over the cells' shading, under the flows (1) and the cards (2); labels over every tint.
TINT_Z = 0.5
LABEL_Z = 0.6
LABEL_FONT = 18
#: As tall as the gap between the cards of two rows (two cell paddings).
LABEL_HEIGHT = 24.0
LABEL_INSET = 6.0

#: Tints are mixed when painted (the theme may have changed the cells' shades), and the
#: same few mixes come up on every repaint.
_tinted = cache(heat_tint)


def impact_text(impact: float) -> str:
    """A cell's friction impact as the plan's heat map writes it (the canvas read 38 where
    the PDF read 37.5 for the same cell)."""
    return fmt.compact(impact)


@dataclass(frozen=True, slots=True)
class HeatCellView:
    """One cell of the heat map as drawn: where, in what colour, with what label."""

    stage_id: str
    channel_id: str
    cell: QRectF
    #: the heat scale's colour for the cell, before it is mixed with the cell's shade
    fill: str
    #: of the largest impact: how much of ``fill`` the tint mixes into the cell's shade
    fraction: float
    #: in a row the grid shades (every other one)
    alternate: bool
    text: str
    label: QRectF
    tooltip: str

    @property
    def shown_colour(self) -> str:
        """The tint over the cell's shade, in the current theme."""
        shade = palette.CELL_ALTERNATE if self.alternate else palette.CELL
        return _tinted(shade, self.fraction)


class _HeatItem(SpotsItem[HeatCellView]):
    @staticmethod
    def _tip(cell: HeatCellView) -> str:
        return cell.tooltip


class HeatTintsItem(_HeatItem):
    """The cells, tinted: the hotter, the darker and the more opaque."""

    def __init__(self) -> None:
        super().__init__(TINT_Z)

    @staticmethod
    def _area(cell: HeatCellView) -> QRectF:
        return cell.cell

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, CELLS):
            return
        # Opaque and unsmoothed, mixed here: a see-through or smoothed fill over a whole
        # blueprint would cost a good part of a frame.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        exposed = option.exposedRect
        for cell in self._spots:
            if cell.cell.intersects(exposed):
                painter.fillRect(cell.cell, colour(cell.shown_colour))


class HeatLabelsItem(_HeatItem):
    """Each cell's friction impact, in a pill of its heat colour."""

    def __init__(self) -> None:
        super().__init__(LABEL_Z)

    @staticmethod
    def _area(cell: HeatCellView) -> QRectF:
        return cell.label

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, CELLS):
            return
        # Far out the number is too small to read, but the pill still shows the heat in
        # its colour: the tint under the cards is kept pale, a background.
        legible = option.levelOfDetailFromTransform(painter.worldTransform()) >= SIMPLE_DETAIL
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font(LABEL_FONT, True))
        border = QPen(colour(palette.MARK_EDGE), 1.5 if legible else 0)
        radius = LABEL_HEIGHT / 2
        exposed = option.exposedRect
        for cell in self._spots:
            if not cell.label.intersects(exposed):
                continue
            painter.setPen(border)
            painter.setBrush(colour(cell.fill))
            painter.drawRoundedRect(cell.label.adjusted(0.75, 0.75, -0.75, -0.75), radius, radius)
            if not legible:
                continue
            painter.setPen(colour(palette.ink_on(cell.fill)))
            painter.drawText(cell.label, int(Qt.AlignmentFlag.AlignCenter), cell.text)


class HeatLayer:
    """The heat map in a scene: made when first shown, removed when switched off."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._cells: dict[tuple[str, str], HeatCellView] = {}
        self._items: tuple[HeatTintsItem, HeatLabelsItem] | None = None

    def cells(self) -> dict[tuple[str, str], HeatCellView]:
        """(stage id, channel id) -> the cell as drawn."""
        return dict(self._cells)

    @property
    def items(self) -> tuple[HeatTintsItem, HeatLabelsItem] | None:
        return self._items

    def show(self, cells: list[CellHeat], layout: GridLayout, names: dict[str, str]) -> None:
        rows = list(layout.rows)
        row_of = {channel_id: i for i, channel_id in enumerate(rows)}
        self._cells = {
            (heat.stage_id, heat.channel_id): _view(
                heat, layout.cell(heat.stage_id, heat.channel_id), row_of, rows, names
            )
            for heat in cells
            if heat.stage_id in layout.columns and heat.channel_id in layout.rows
        }
        if self._items is None:
            self._items = (HeatTintsItem(), HeatLabelsItem())
            for item in self._items:
                self._scene.addItem(item)
        for item in self._items:
            item.show_spots(list(self._cells.values()))

    def clear(self) -> None:
        if self._items is not None:
            for item in self._items:
                self._scene.removeItem(item)
            self._items = None
        self._cells = {}


def _view(
    heat: CellHeat, cell: Rect, row_of: dict[str, int], rows: list[str], names: dict[str, str]
) -> HeatCellView:
    text = impact_text(heat.impact)
    return HeatCellView(
        heat.stage_id,
        heat.channel_id,
        QRectF(cell.x, cell.y, cell.width, cell.height),
        heat_colour(heat.fraction),
        heat.fraction,
        row_of[heat.channel_id] % 2 == 1,  # the grid shades every other row
        text,
        _label_box(cell, text, _label_place(rows, heat.channel_id)),
        _tooltip(heat, names),
    )


def _label_place(rows: list[str], channel_id: str) -> str:
    """Across the line under the cell, where the gap between two rows of cards is; the last
    row has none under it, so across the line over it, at the other end from the label of
    the row above."""
    if rows[-1] != channel_id:
        return "below"
    return "inside" if len(rows) == 1 else "above"


def _label_box(cell: Rect, text: str, place: str) -> QRectF:
    width = _text_width(text) + 16
    top = {
        "below": cell.bottom - LABEL_HEIGHT / 2,
        "above": cell.y - LABEL_HEIGHT / 2,
        "inside": cell.bottom - LABEL_HEIGHT - 2,
    }[place]
    left = cell.x + LABEL_INSET if place == "above" else cell.right - LABEL_INSET - width
    return QRectF(left, top, width, LABEL_HEIGHT)


@cache
def _text_width(text: str) -> float:
    return QFontMetricsF(font(LABEL_FONT, True)).horizontalAdvance(text)


def _tooltip(heat: CellHeat, names: dict[str, str]) -> str:
    where = f"{names.get(heat.stage_id, '?')} · {names.get(heat.channel_id, '?')}"
    points = f"{heat.frictions} friction point{'s' if heat.frictions != 1 else ''}"
    return f"{where}\nFriction impact {impact_text(heat.impact)}: the sum of F over {points}"
