"""The grid of cells and its headers: stage columns, channel rows with their stairway step."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...model import ChannelKind
from ...model.defaults import STEP_NAMES
from ..tips import plain_tip
from . import palette
from .drawing import (
    CELLS,
    HEADERS,
    MARK_EDGE_WIDTH,
    SIMPLE_DETAIL,
    colour,
    draw_lines,
    font,
    shows,
    wrap,
)
from .layout import GridLayout, Rect

GRID_Z = 0.0
HEADER_Z = 20.0
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


#: Far out, a header's name is still drawn, in type this many pixels high on the screen and
#: cut to fit: the overview of a whole journey named no stage and no channel, and told a
#: room on a projector nothing of where it was.
OVERVIEW_NAME_PIXELS = 11


def _far(option: QStyleOptionGraphicsItem, painter: QPainter) -> bool:
    """Too far out for the headers' full text to be read: they show their colours, and
    their names in small type (``_overview_name``)."""
    return option.levelOfDetailFromTransform(painter.worldTransform()) < SIMPLE_DETAIL


def _overview_name(
    painter: QPainter, option: QStyleOptionGraphicsItem, rect: QRectF, name: str, flags: int
) -> None:
    """``name`` in type ``OVERVIEW_NAME_PIXELS`` high on the screen, in as many lines (up to
    three) as ``rect`` holds, the last cut with an ellipsis; left out where not even a line
    of a few letters fits."""
    detail = max(option.levelOfDetailFromTransform(painter.worldTransform()), 0.01)
    chosen = font(max(1, round(OVERVIEW_NAME_PIXELS / detail)), True)
    line = QFontMetricsF(chosen).height()
    room = min(3, int(rect.height() // line))
    if room < 1 or QFontMetricsF(chosen).averageCharWidth() * 3 > rect.width():
        return
    lines = _word_lines(name, QFontMetricsF(chosen), rect.width(), room)
    painter.setFont(chosen)
    top = rect.center().y() - line * len(lines) / 2
    draw_lines(painter, lines, QRectF(rect.x(), top, rect.width(), line * len(lines)), line, flags)


def _word_lines(text: str, metrics: QFontMetricsF, width: float, most: int) -> list[str]:
    """``text`` in at most ``most`` lines broken between words (a word never split: "Websit /
    e" read as two words), each cut with an ellipsis where it is too long, the last too when
    words are left over."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[: most - 1], f"{lines[most - 1]} …"]
    elide = Qt.TextElideMode.ElideRight
    return [metrics.elidedText(line, elide, width) for line in lines]


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


class _BoxItem(QGraphicsItem):
    """An item that fills a rectangle of the layout; its position is its top-left."""

    def __init__(self) -> None:
        super().__init__()
        self._size = QRectF()

    def set_rect(self, rect: Rect) -> None:
        if self._size.size() != _qrect(rect).size():
            self.prepareGeometryChange()
            self._size = QRectF(0, 0, rect.width, rect.height)
        self.setPos(rect.x, rect.y)

    def boundingRect(self) -> QRectF:
        return self._size


class GridItem(QGraphicsItem):
    """The cells: alternate rows shaded so the eye follows a channel across the stages."""

    def __init__(self, layout: GridLayout) -> None:
        super().__init__()
        self._layout = layout
        self.setZValue(GRID_Z)

    def set_layout(self, layout: GridLayout) -> None:
        old, self._layout = self._layout, layout
        if (old.columns, old.rows) != (layout.columns, layout.rows):
            self.prepareGeometryChange()  # and repaints: the cells changed size

    def boundingRect(self) -> QRectF:
        return _qrect(self._layout.body)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, CELLS):
            return
        body = self._layout.body
        exposed = option.exposedRect
        for i, row in enumerate(self._layout.rows.values()):
            if row.end < exposed.top() or row.start > exposed.bottom():
                continue
            shade = palette.CELL_ALTERNATE if i % 2 else palette.CELL
            painter.fillRect(QRectF(body.x, row.start, body.width, row.size), colour(shade))
        painter.setPen(QPen(colour(palette.GRID_LINE), 1.0))
        for column in self._layout.columns.values():
            painter.drawLine(column.end, body.y, column.end, body.bottom)
        for row in self._layout.rows.values():
            painter.drawLine(body.x, row.end, body.right, row.end)


#: How to edit the structure from a header: shown under its tooltip.
HEADER_HINT = "Drag to reorder, double-click to rename, right-click for more"


def _stage_tip(name: str) -> str:
    return f"Stage: {name}\n{HEADER_HINT}"


class StageHeaderItem(_BoxItem):
    def __init__(self, stage_id: str, name: str) -> None:
        super().__init__()
        self.stage_id = stage_id
        self.name = name
        self._lines: tuple[int, list[str]] | None = None  # font size, lines
        self.setZValue(HEADER_Z)
        self.setToolTip(plain_tip(_stage_tip(name)))

    def set_name(self, name: str) -> None:
        if name != self.name:
            self.name = name
            self._lines = None
            self.setToolTip(plain_tip(_stage_tip(name)))
            self.update()

    def set_rect(self, rect: Rect) -> None:
        if rect.width != self._size.width():
            self._lines = None
        super().set_rect(rect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, HEADERS):
            return
        rect = self._size
        painter.fillRect(rect, colour(palette.STAGE_HEADER))
        painter.setPen(QPen(colour(palette.CANVAS), 2.0))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.setPen(colour(palette.STAGE_HEADER_INK))
        if _far(option, painter):
            _overview_name(painter, option, rect.adjusted(4, 0, -4, 0), self.name, _CENTRE)
            return
        text_rect = rect.adjusted(8, 0, -8, 0)
        if self._lines is None:
            self._lines = self._fit_name(text_rect.width())
        size, lines = self._lines
        painter.setFont(font(size, True))
        if size == 19:
            painter.drawText(text_rect, _CENTRE, self.name)
            return
        top = text_rect.center().y() - 9.5 * len(lines)
        area = QRectF(text_rect.x(), top, text_rect.width(), 19 * len(lines))
        draw_lines(painter, lines, area, 19, _CENTRE)

    def _fit_name(self, width: float) -> tuple[int, list[str]]:
        # One line in large type; a long name gets two lines in smaller type, not an ellipsis.
        if QFontMetricsF(font(19, True)).horizontalAdvance(self.name) <= width:
            return 19, [self.name]
        return 15, wrap(self.name, font(15, True), width, 2)


class ChannelHeaderItem(_BoxItem):
    """A channel's name beside a tile with its stairway step: the higher, the better."""

    def __init__(self, channel_id: str, name: str, kind: ChannelKind, step: int) -> None:
        super().__init__()
        self.channel_id = channel_id
        self.name, self.kind, self.step = name, kind, step
        self._name_lines: list[str] | None = None
        self.setZValue(HEADER_Z)
        self._update_tooltip()

    def set_channel(self, name: str, kind: ChannelKind, step: int) -> None:
        if (name, kind, step) != (self.name, self.kind, self.step):
            self.name, self.kind, self.step = name, kind, step
            self._name_lines = None
            self._update_tooltip()
            self.update()

    def _update_tooltip(self) -> None:
        self.setToolTip(
            plain_tip(
                f"Channel: {self.name}\nKind: {self.kind}\n"
                f"Stairway step {self.step}: {STEP_NAMES[self.step]}\n{HEADER_HINT}"
            )
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, HEADERS):
            return
        rect = self._size
        painter.fillRect(rect, colour(palette.CHANNEL_HEADER))
        painter.setPen(QPen(colour(palette.GRID_LINE), 1.0))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tile = QRectF(10, rect.center().y() - 20, 40, 40)
        fill = palette.STEP[self.step]
        painter.setPen(QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH))
        painter.setBrush(colour(fill))
        painter.drawRoundedRect(tile, 5, 5)
        if _far(option, painter):
            painter.setPen(colour(palette.INK))
            beside = QRectF(tile.right() + 8, 0, rect.width() - tile.right() - 12, rect.height())
            _overview_name(painter, option, beside, self.name, _LEFT)
            return
        painter.setPen(colour(palette.ink_on(fill)))
        painter.setFont(font(21, True))
        painter.drawText(tile, _CENTRE, str(self.step))
        text = QRectF(tile.right() + 10, 0, rect.width() - tile.right() - 18, rect.height())
        if self._name_lines is None:  # the row header's width never changes
            self._name_lines = wrap(self.name, font(16, True), text.width(), 2)
        name_lines = self._name_lines
        block = 20 * len(name_lines) + 17
        top = rect.center().y() - block / 2
        painter.setPen(colour(palette.INK))
        painter.setFont(font(16, True))
        draw_lines(painter, name_lines, QRectF(text.x(), top, text.width(), 40), 20, _LEFT)
        painter.setPen(colour(palette.MUTED_INK))
        painter.setFont(font(13))
        kind_row = QRectF(text.x(), top + 20 * len(name_lines), text.width(), 17)
        painter.drawText(kind_row, _LEFT, str(self.kind))


class CornerItem(_BoxItem):
    """Top-left corner: the blueprint's title, so an exported picture says what it is; and,
    while tomorrow's journey is shown (or both), a mark saying so: the grid looks alike in
    every state, and an edit there changes tomorrow."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        #: "Tomorrow", "Today and tomorrow", or None for today's journey
        self.state: str | None = None
        self._lines: list[str] | None = None
        self.setZValue(HEADER_Z)

    def set_title(self, title: str) -> None:
        if title != self.title:
            self.title = title
            self._lines = None
            self.update()

    def set_state(self, state: str | None) -> None:
        if state != self.state:
            self.state = state
            self._lines = None  # one line of title beside the mark, two without
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, HEADERS):
            return
        rect = self._size
        painter.fillRect(rect, colour(palette.STAGE_HEADER))
        if _far(option, painter):
            return
        painter.setPen(colour(palette.STAGE_HEADER_INK))
        text = rect.adjusted(12, 4, -12, -4)
        title_font = font(14, True)
        if self._lines is None:
            self._lines = wrap(self.title, title_font, text.width(), 1 if self.state else 2)
        lines = self._lines
        painter.setFont(title_font)
        if self.state is None:
            top = text.center().y() - 9 * len(lines)
            draw_lines(painter, lines, QRectF(text.x(), top, text.width(), 36), 18, _LEFT)
            return
        draw_lines(painter, lines, QRectF(text.x(), text.y() - 2, text.width(), 18), 18, _LEFT)
        mark_font = font(15, True)
        width = QFontMetricsF(mark_font).horizontalAdvance(self.state) + 16
        mark = QRectF(text.x(), text.bottom() - 25, min(width, text.width()), 26)
        painter.setPen(QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH))
        painter.setBrush(colour(palette.STATE_MARK))
        painter.drawRoundedRect(mark, 5, 5)
        painter.setPen(colour(palette.ink_on(palette.STATE_MARK)))
        painter.setFont(mark_font)
        painter.drawText(mark, int(Qt.AlignmentFlag.AlignCenter), self.state)
