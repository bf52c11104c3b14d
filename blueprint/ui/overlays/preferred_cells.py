"""The channels a persona prefers, on the grid: with a persona chosen in the persona
filter, the cell it prefers at each stage is outlined in the persona's colour, and a stage
where the journey gives it no touchpoint in that channel is flagged in its header with the
fit; the flag's tooltip adds the channels the journey uses there and the reach pushed off.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from ...analysis.persona_channels import PersonaChannelFit, StageFit, persona_channel_fit
from ...model import Blueprint
from ...report import formatting as fmt
from ..canvas import palette
from ..canvas.drawing import CELLS, HEADERS, MARK_EDGE_WIDTH, colour, font, shows
from ..canvas.headers import HEADER_Z
from ..canvas.layout import GridLayout
from ..tips import plain_tip

#: Over the heat map's tints and labels, under the flows (1) and the cards (2).
OUTLINE_Z = 0.8
FLAG_Z = HEADER_Z + 1
BAND = 6.0
INSET = 3.0
FLAG_WIDTH = 48.0
FLAG_HEIGHT = 44.0
FLAG_INSET = 8.0
_SIGN_ROW = QRectF(0, 2, FLAG_WIDTH, 22)
_FIT_ROW = QRectF(0, 24, FLAG_WIDTH, 17)


class PreferredCellOutline(QGraphicsItem):
    """A band in the persona's colour around a cell, edged so it reads on any cell."""

    def __init__(self, stage_id: str, channel_id: str) -> None:
        super().__init__()
        self.stage_id, self.channel_id = stage_id, channel_id
        self.fill = palette.PERSONA[0]
        self._rect = QRectF()
        self.setZValue(OUTLINE_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def place(self, rect: QRectF, fill: str, tip: str) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.fill = fill
        self.setToolTip(plain_tip(tip))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, CELLS):
            return
        outer = self._rect
        middle = outer.adjusted(BAND / 2, BAND / 2, -BAND / 2, -BAND / 2)
        inner = outer.adjusted(BAND, BAND, -BAND, -BAND)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour(self.fill), BAND))
        painter.drawRect(middle)
        painter.setPen(QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH))
        painter.drawRect(outer)
        painter.drawRect(inner)


class StageMismatchFlag(QGraphicsItem):
    """At the left end of a stage header: "!" and the fit (a dash when the journey offers
    the persona nothing there), in the persona's colour."""

    def __init__(self, stage_id: str) -> None:
        super().__init__()
        self.stage_id = stage_id
        self.fill = palette.PERSONA[0]
        self.fit_text = ""
        self.setZValue(FLAG_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_fit(self, header_left: float, header_height: float, fill: str, fit: str, tip: str):
        self.fill, self.fit_text = fill, fit
        self.setPos(header_left + FLAG_INSET, (header_height - FLAG_HEIGHT) / 2)
        self.setToolTip(plain_tip(tip))
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, FLAG_WIDTH, FLAG_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, HEADERS):
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour(palette.STAGE_HEADER_INK), 2.0))
        painter.setBrush(colour(self.fill))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 6, 6)
        painter.setPen(colour(palette.ink_on(self.fill)))
        centre = int(Qt.AlignmentFlag.AlignCenter)
        painter.setFont(font(19, True))
        painter.drawText(_SIGN_ROW, centre, "!")
        painter.setFont(font(13, True))
        painter.drawText(_FIT_ROW, centre, self.fit_text)


def fit_text(stage: StageFit) -> str:
    return "–" if stage.fit is None else fmt.percent(stage.fit)


def describe(persona: str, stage: str, fit: StageFit, names: dict[str, str]) -> str:
    """The tooltip of a stage's preferred cell and of its flag."""
    preferred = names.get(fit.preferred_channel_id, "?")
    used = ", ".join(names.get(c, "?") for c in fit.channel_ids)
    lines = [f"{persona} prefers {preferred} at {stage}."]
    if fit.fit is None:
        lines.append("The journey gives this persona no touchpoint at this stage.")
    else:
        lines.append(
            f"Fit {fmt.percent(fit.fit)}: {fit.in_preferred} of {fit.touchpoints} of its "
            "touchpoints here are in that channel."
        )
        lines.append(f"Channels the journey uses here: {used}.")
    lines.append(f"Pushed off the preferred channel: {fit.pushed_off:,.0f} a month.")
    return "\n".join(lines)


class PreferredCells:
    """The outlines and flags of the chosen persona, kept by stage id."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._outlines: dict[str, PreferredCellOutline] = {}
        self._flags: dict[str, StageMismatchFlag] = {}
        self.fit: PersonaChannelFit | None = None

    def outlines(self) -> dict[str, PreferredCellOutline]:
        return dict(self._outlines)

    def flags(self) -> dict[str, StageMismatchFlag]:
        return dict(self._flags)

    def show(self, blueprint: Blueprint, persona_id: str, layout: GridLayout) -> None:
        index = next((i for i, p in enumerate(blueprint.personas) if p.id == persona_id), None)
        if index is None:
            self.clear()
            return
        persona = blueprint.personas[index]
        fill = palette.persona_colour(index)
        self.fit = fit = persona_channel_fit(blueprint, persona)
        names = {s.id: s.name for s in blueprint.stages} | {
            c.id: c.name for c in blueprint.channels
        }
        shown = [
            s
            for s in fit.stages
            if s.stage_id in layout.columns and s.preferred_channel_id in layout.rows
        ]
        self._keep(self._outlines, {s.stage_id for s in shown})
        self._keep(self._flags, {s.stage_id for s in shown if s.mismatch})
        for stage in shown:
            tip = describe(persona.name, names.get(stage.stage_id, "?"), stage, names)
            box = layout.cell(stage.stage_id, stage.preferred_channel_id)
            outline = self._outlines.get(stage.stage_id)
            if outline is None or outline.channel_id != stage.preferred_channel_id:
                if outline is not None:
                    self._scene.removeItem(outline)
                outline = PreferredCellOutline(stage.stage_id, stage.preferred_channel_id)
                self._outlines[stage.stage_id] = outline
                self._scene.addItem(outline)
            rect = QRectF(box.x, box.y, box.width, box.height).adjusted(
                INSET, INSET, -INSET, -INSET
            )
            outline.place(rect, fill, tip)
            if stage.mismatch:
                flag = self._flags.get(stage.stage_id)
                if flag is None:
                    flag = self._flags[stage.stage_id] = StageMismatchFlag(stage.stage_id)
                    self._scene.addItem(flag)
                header = layout.stage_header(stage.stage_id)
                flag.show_fit(header.x, header.height, fill, fit_text(stage), tip)

    def _keep(self, items: dict, wanted: set[str]) -> None:
        for gone in items.keys() - wanted:
            self._scene.removeItem(items.pop(gone))

    def clear(self) -> None:
        self.fit = None
        self._keep(self._outlines, set())
        self._keep(self._flags, set())
