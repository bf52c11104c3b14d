"""One touchpoint as a column of the lanes view: its title and channel, then its lanes.

The item paints a ``ColumnFace`` and never touches the model. It lays out only the text it
shows, when it first shows it, so building thousands of columns costs almost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...model import Channel, Touchpoint
from ..canvas import palette
from ..canvas.drawing import MARK_EDGE_WIDTH, SIMPLE_DETAIL, colour, draw_lines, font
from ..canvas.layout import Band
from .layout import (
    CELL_PADDING,
    COLUMN_HEADER_HEIGHT,
    COLUMN_WIDTH,
    LANE_FIELDS,
    LINE_HEIGHT,
    STAGE_BAND_HEIGHT,
    TEXT_PIXELS,
    lane_lines,
    text_width,
)
from .text import ELLIPSIS, plain_tooltip, wrapped

COLUMN_Z = 2.0
TITLE_PIXELS = 16
TITLE_LINE = 20
CHANNEL_PIXELS = 13
STEP_TILE = 18.0
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
#: What an empty lane says, faintly: what belongs there, as the model describes the field.
PLACEHOLDERS = {field: Touchpoint.model_fields[field].description or "" for field in LANE_FIELDS}


@dataclass(frozen=True)
class ColumnFace:
    """What a column shows of its touchpoint, taken from the model."""

    title: str
    channel: str
    step: int
    #: the text of each lane, in lane order
    texts: tuple[str, ...]

    @classmethod
    def of(cls, touchpoint: Touchpoint, channel: Channel | None) -> ColumnFace:
        return cls(
            title=touchpoint.title,
            channel=channel.name if channel is not None else "",
            step=channel.step if channel is not None else 0,
            texts=tuple(getattr(touchpoint, field) for field in LANE_FIELDS),
        )

    def text(self, field: str) -> str:
        return self.texts[LANE_FIELDS.index(field)]


class ColumnItem(QGraphicsItem):
    """Placed at (column x, top of the column headers); lanes at their layout's heights."""

    def __init__(self, touchpoint_id: str, face: ColumnFace, lane_lines_: tuple[int, ...]):
        super().__init__()
        self.touchpoint_id = touchpoint_id
        self._face = face
        #: estimated lines of each lane's text (what the lane heights are made from)
        self.lines = lane_lines_
        self._lanes: tuple[Band, ...] = ()
        self._bounds = QRectF(0, 0, COLUMN_WIDTH, COLUMN_HEADER_HEIGHT)
        self._wrapped: dict[str, list[str]] = {}
        self._title_lines: list[str] | None = None
        #: the lane with the keyboard's focus ring, if any
        self._current_lane: str | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(COLUMN_Z)

    @classmethod
    def of(cls, touchpoint: Touchpoint, channel: Channel | None) -> ColumnItem:
        return cls(touchpoint.id, ColumnFace.of(touchpoint, channel), lane_lines(touchpoint))

    @property
    def face(self) -> ColumnFace:
        return self._face

    def set_touchpoint(self, touchpoint: Touchpoint, channel: Channel | None) -> bool:
        """Show the touchpoint as it is now; True when its lanes may need other heights."""
        face = ColumnFace.of(touchpoint, channel)
        if face == self._face:
            return False
        old_lines, self.lines = self.lines, lane_lines(touchpoint)
        self._face = face
        self._wrapped.clear()
        self._title_lines = None
        self.update()
        return old_lines != self.lines

    def set_lanes(self, lanes: tuple[Band, ...]) -> None:
        """The lane rows, in scene y, in lane order."""
        if lanes == self._lanes:
            return
        old_heights = tuple(lane.size for lane in self._lanes)
        self._lanes = lanes
        if tuple(lane.size for lane in lanes) != old_heights:
            self._wrapped.clear()  # a lane of another height holds other lines
        bottom = (
            lanes[-1].start + lanes[-1].size - STAGE_BAND_HEIGHT if lanes else COLUMN_HEADER_HEIGHT
        )
        if bottom != self._bounds.height():
            self.prepareGeometryChange()
            self._bounds = QRectF(0, 0, COLUMN_WIDTH, bottom)
        self.update()

    def set_current_lane(self, field: str | None) -> None:
        if field != self._current_lane:
            self._current_lane = field
            self.update()

    def cell_rect(self, field: str) -> QRectF:
        """A lane cell, in item coordinates."""
        lane = self._lanes[LANE_FIELDS.index(field)]
        return QRectF(0, lane.start - STAGE_BAND_HEIGHT, COLUMN_WIDTH, lane.size)

    def lane_at(self, y: float) -> str | None:
        """The lane at ``y`` in item coordinates; None on the header or between lanes."""
        for field, lane in zip(LANE_FIELDS, self._lanes, strict=False):
            top = lane.start - STAGE_BAND_HEIGHT
            if top <= y < top + lane.size:
                return field
        return None

    def shown_lines(self, field: str) -> list[str]:
        """A lane's text as the cell draws it: wrapped, and elided when it does not fit."""
        found = self._wrapped.get(field)
        if found is None:
            lane = self._lanes[LANE_FIELDS.index(field)]
            capacity = max(1, int((lane.size - 2 * CELL_PADDING) // LINE_HEIGHT))
            text = self._face.text(field)
            found = wrapped(text, font(TEXT_PIXELS), text_width(), capacity) if text else []
            self._wrapped[field] = found
        return found

    def tooltip(self, field: str | None) -> str:
        """The whole text of a cell too small for it; the title and channel on the header.

        Made when asked, not set on every column: thousands of columns are made at once.
        """
        if field is None:
            return plain_tooltip(f"{self._face.title}\n{self._face.channel}")
        return plain_tooltip(self._face.text(field)) if self.is_elided(field) else ""

    def is_elided(self, field: str) -> bool:
        """True when the cell shows only part of the lane's text."""
        lines = self.shown_lines(field)
        return bool(lines) and lines[-1].endswith(ELLIPSIS)

    def title_lines(self) -> list[str]:
        if self._title_lines is None:
            self._title_lines = wrapped(self._face.title, font(TITLE_PIXELS, True), text_width(), 2)
        return self._title_lines

    # --- painting ----------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        far = option.levelOfDetailFromTransform(painter.worldTransform()) < SIMPLE_DETAIL
        exposed = option.exposedRect
        header = QRectF(0, 0, COLUMN_WIDTH, COLUMN_HEADER_HEIGHT)
        if exposed.intersects(header):
            self._paint_header(painter, header, far)
        for index, field in enumerate(LANE_FIELDS):
            cell = self.cell_rect(field)
            if exposed.intersects(cell):
                self._paint_cell(painter, cell, field, index, far)
        if self.isSelected():
            painter.setRenderHint(_ANTIALIASING)
            painter.setPen(QPen(colour(palette.SELECTION), 3.0))
            painter.setBrush(_NO_BRUSH)
            painter.drawRect(self._bounds.adjusted(1.5, 1.5, -1.5, -1.5))

    def _paint_header(self, painter: QPainter, rect: QRectF, far: bool) -> None:
        painter.fillRect(rect, colour(palette.CHANNEL_HEADER))
        painter.setPen(QPen(colour(palette.GRID_LINE), 1.0))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if far:
            return
        inner = rect.adjusted(CELL_PADDING, 8, -CELL_PADDING, -8)
        painter.setPen(colour(palette.INK))
        painter.setFont(font(TITLE_PIXELS, True))
        lines = self.title_lines()
        draw_lines(
            painter, lines, QRectF(inner.x(), inner.y(), inner.width(), 40), TITLE_LINE, _LEFT
        )
        self._paint_channel(painter, inner)

    def _paint_channel(self, painter: QPainter, inner: QRectF) -> None:
        """The channel under the title, beside a tile with its stairway step (as on the grid)."""
        tile = QRectF(inner.x(), inner.bottom() - STEP_TILE, STEP_TILE, STEP_TILE)
        fill = palette.STEP.get(self._face.step, palette.UNSET)
        painter.setRenderHint(_ANTIALIASING)
        painter.setPen(QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH))
        painter.setBrush(colour(fill))
        painter.drawRoundedRect(tile, 3, 3)
        painter.setPen(colour(palette.ink_on(fill)))
        painter.setFont(font(11, True))
        painter.drawText(tile, _CENTRE, str(self._face.step))
        painter.setPen(colour(palette.MUTED_INK))
        channel_font = font(CHANNEL_PIXELS)
        painter.setFont(channel_font)
        name = QRectF(tile.right() + 6, tile.y() - 2, inner.right() - tile.right() - 6, 22)
        elided = painter.fontMetrics().elidedText(
            self._face.channel, Qt.TextElideMode.ElideRight, int(name.width())
        )
        painter.drawText(name, _LEFT, elided)

    def _paint_cell(
        self, painter: QPainter, cell: QRectF, field: str, index: int, far: bool
    ) -> None:
        painter.fillRect(cell, colour(palette.CELL_ALTERNATE if index % 2 else palette.CELL))
        painter.setPen(QPen(colour(palette.GRID_LINE), 1.0))
        painter.drawLine(cell.topRight(), cell.bottomRight())
        if field == self._current_lane and self.isSelected():
            painter.setPen(QPen(colour(palette.SELECTION), 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(_NO_BRUSH)
            painter.drawRect(cell.adjusted(5, 3, -5, -3))
        if far:
            return
        text = cell.adjusted(CELL_PADDING, CELL_PADDING, -CELL_PADDING, -CELL_PADDING)
        lines = self.shown_lines(field)
        if lines:
            painter.setPen(colour(palette.INK))
            painter.setFont(font(TEXT_PIXELS))
            draw_lines(painter, lines, text, LINE_HEIGHT, _LEFT)
        else:
            painter.setPen(colour(palette.UNSET_INK))
            placeholder = font(TEXT_PIXELS - 1)
            placeholder.setItalic(True)
            painter.setFont(placeholder)
            row = QRectF(text.x(), text.y(), text.width(), LINE_HEIGHT)
            hint = painter.fontMetrics().elidedText(
                PLACEHOLDERS[field], Qt.TextElideMode.ElideRight, int(row.width())
            )
            painter.drawText(row, _LEFT, hint)
