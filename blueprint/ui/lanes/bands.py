"""What runs across the lanes view: the stage bands on top, the lane labels down the left,
and behind the columns the lanes themselves, cut by the three lines of the method."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...model import Touchpoint
from ..canvas import palette
from ..canvas.drawing import SIMPLE_DETAIL, colour, draw_lines, font
from ..canvas.layout import Rect
from .layout import (
    EMPTY_LAYOUT,
    LABEL_WIDTH,
    LANES,
    RULE_HEIGHT,
    RULES,
    STAGE_BAND_HEIGHT,
    LanesLayout,
)
from .text import plain_tooltip, wrapped

BACKDROP_Z = 0.0
HEADER_Z = 20.0
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
EMPTY_STAGE_TEXT = "No touchpoints in this stage"
#: The line of visibility is the one the method is known for: drawn bolder than the others.
VISIBILITY = "Line of visibility"
#: Lanes with a line under them: the line, not a border, separates them from the next.
_ABOVE_RULES = frozenset(rule.above for rule in RULES)


def _far(option: QStyleOptionGraphicsItem, painter: QPainter) -> bool:
    return option.levelOfDetailFromTransform(painter.worldTransform()) < SIMPLE_DETAIL


def _rule_pen(name: str) -> QPen:
    pen = QPen(colour(palette.MUTED_INK), 2.0 if name == VISIBILITY else 1.4)
    pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def visible_part(painter: QPainter, widget: QWidget | None, rect: QRectF) -> QRectF:
    """The part of ``rect`` (item coordinates) that the view painting it shows."""
    if widget is None:
        return rect
    inverted, ok = painter.worldTransform().inverted()
    return inverted.mapRect(QRectF(widget.rect())).intersected(rect) if ok else rect


class _LayoutItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._layout = EMPTY_LAYOUT

    def set_layout(self, layout: LanesLayout) -> None:
        old, self._layout = self._layout, layout
        if (old.width, old.height) != (layout.width, layout.height):
            self.prepareGeometryChange()
        self.update()


class Backdrop(_LayoutItem):
    """The lanes under every stage, the lines between them, and what an empty stage says."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(BACKDROP_Z)
        self._empty_stages: set[str] = set()

    def set_empty_stages(self, stage_ids: set[str]) -> None:
        self._empty_stages = set(stage_ids)

    def boundingRect(self) -> QRectF:
        body = self._layout.body
        return QRectF(body.x, body.y, body.width, body.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout, exposed = self._layout, option.exposedRect
        for stage_id, band in layout.stages.items():
            if band.start > exposed.right() or band.start + band.size < exposed.left():
                continue
            for index, lane in enumerate(layout.lanes.values()):
                shade = palette.CELL_ALTERNATE if index % 2 else palette.CELL
                painter.fillRect(
                    QRectF(band.start, lane.start, band.size, lane.size), colour(shade)
                )
            if stage_id in self._empty_stages and not _far(option, painter):
                first = next(iter(layout.lanes.values()))
                painter.setPen(colour(palette.UNSET_INK))
                hint = font(13)
                hint.setItalic(True)
                painter.setFont(hint)
                area = QRectF(band.start + 10, first.start, band.size - 20, first.size)
                lines = wrapped(EMPTY_STAGE_TEXT, hint, area.width(), 2)
                top = area.center().y() - 9 * len(lines)
                draw_lines(painter, lines, QRectF(area.x(), top, area.width(), 36), 18, _CENTRE)
        left = max(exposed.left(), LABEL_WIDTH)
        for name, y in layout.rules.items():
            painter.setPen(_rule_pen(name))
            painter.drawLine(left, y, exposed.right(), y)


class StageBand(QGraphicsItem):
    """A stage's name over its touchpoints, kept in sight while the band scrolls past."""

    def __init__(self, stage_id: str, name: str, count: int) -> None:
        super().__init__()
        self.stage_id = stage_id
        self.name = name
        self.count = count
        self._size = QRectF()
        self.setZValue(HEADER_Z)
        self.setToolTip(plain_tooltip(f"Stage: {name}"))

    def set_stage(self, name: str, count: int) -> None:
        if (name, count) != (self.name, self.count):
            self.name, self.count = name, count
            self.setToolTip(plain_tooltip(f"Stage: {name}"))
            self.update()

    def set_rect(self, rect: Rect) -> None:
        if self._size.size() != QRectF(0, 0, rect.width, rect.height).size():
            self.prepareGeometryChange()
            self._size = QRectF(0, 0, rect.width, rect.height)
        self.setPos(rect.x, rect.y)

    def boundingRect(self) -> QRectF:
        return self._size

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self._size
        painter.fillRect(rect, colour(palette.STAGE_HEADER))
        if _far(option, painter):
            return
        # A stage of many touchpoints is wider than the window: its name follows the scroll.
        shown = visible_part(painter, widget, rect)
        text = QRectF(shown.x() + 12, 0, max(0.0, shown.width() - 24), rect.height())
        name_font = font(17, True)
        painter.setFont(name_font)
        painter.setPen(colour(palette.STAGE_HEADER_INK))
        metrics = painter.fontMetrics()
        count = f"{self.count} touchpoint{'' if self.count == 1 else 's'}"
        name = metrics.elidedText(self.name, Qt.TextElideMode.ElideRight, int(text.width()))
        painter.drawText(text, _LEFT, name)
        room = text.width() - metrics.horizontalAdvance(name) - 16
        if self.count and room > 0:
            painter.setFont(font(13))
            # The whole words, or the number alone where they do not fit ("1 t…" said none).
            fits = [
                c
                for c in (count, str(self.count))
                if painter.fontMetrics().horizontalAdvance(c) <= room
            ]
            if fits:
                painter.setOpacity(0.75)  # the stage's ink, quieter: legible in both themes
                painter.drawText(text.adjusted(text.width() - room, 0, 0, 0), _LEFT, fits[0])
                painter.setOpacity(1.0)


class LaneLabels(_LayoutItem):
    """Down the left: each lane's name and what belongs in it, and the lines' names."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(HEADER_Z)

    def boundingRect(self) -> QRectF:
        top = STAGE_BAND_HEIGHT
        return QRectF(0, top, LABEL_WIDTH, max(0.0, self._layout.height - top))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout = self._layout
        painter.fillRect(self.boundingRect(), colour(palette.CANVAS))
        far = _far(option, painter)
        for index, lane in enumerate(LANES):
            band = layout.lanes.get(lane.field)
            if band is None:
                continue
            rect = QRectF(0, band.start, LABEL_WIDTH, band.size)
            shade = palette.CHANNEL_HEADER
            painter.fillRect(rect.adjusted(0, 0, -1, 0), colour(shade))
            painter.setPen(QPen(colour(palette.GRID_LINE), 1.0))
            painter.drawLine(rect.topRight(), rect.bottomRight())
            if index and LANES[index - 1].field not in _ABOVE_RULES:
                painter.drawLine(rect.topLeft(), rect.topRight())
            if far:
                continue
            inner = rect.adjusted(14, 10, -10, -8)
            painter.setPen(colour(palette.INK))
            painter.setFont(font(16, True))
            painter.drawText(QRectF(inner.x(), inner.y(), inner.width(), 22), _LEFT, lane.name)
            about = font(13)
            painter.setFont(about)
            painter.setPen(colour(palette.MUTED_INK))
            lines_room = max(0, int((inner.height() - 26) // 17))
            description = Touchpoint.model_fields[lane.field].description or ""
            lines = wrapped(description, about, inner.width(), lines_room) if lines_room else []
            area = QRectF(inner.x(), inner.y() + 26, inner.width(), 17 * len(lines))
            draw_lines(painter, lines, area, 17, _TOP_LEFT)
        for name, y in layout.rules.items():
            band = QRectF(0, y - RULE_HEIGHT / 2, LABEL_WIDTH, RULE_HEIGHT)
            painter.fillRect(band, colour(palette.CANVAS))
            if far:
                continue
            label_font = font(12, True)
            painter.setFont(label_font)
            painter.setPen(colour(palette.MUTED_INK))
            metrics = painter.fontMetrics()
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 22)
            width = metrics.horizontalAdvance(label)
            painter.drawText(band.adjusted(14, 0, 0, 0), _LEFT, label)
            painter.setPen(_rule_pen(name))
            start = 14 + width + 8
            if start < LABEL_WIDTH:
                painter.drawLine(start, y, LABEL_WIDTH, y)
