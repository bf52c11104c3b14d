"""Painting helpers shared by the canvas items: fonts, colours, wrapped text."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QStaticText,
    QTextLayout,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import QWidget

#: Below this level of detail (scene pixels per screen pixel) cards are coloured boxes:
#: their text would be too small to read and costly to lay out.
SIMPLE_DETAIL = 0.3
#: The edge of a coloured badge, marker, tile or face (see ``palette.MARK_EDGE``).
MARK_EDGE_WIDTH = 1.2


@cache
def colour(hex_colour: str) -> QColor:
    return QColor(hex_colour)


def font(pixel_size: int, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(pixel_size)
    result.setBold(bold)
    return result


def wrap(text: str, chosen_font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width``, the last one elided."""
    layout = QTextLayout(text, chosen_font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    # Qt counts UTF-16 code units; Python counts code points.
    units = text.encode("utf-16-le")
    spans = []
    layout.beginLayout()
    while len(spans) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()

    def piece(start: int, end: int | None = None) -> str:
        stop = None if end is None else 2 * end
        return units[2 * start : stop].decode("utf-16-le", "replace").strip()

    lines = [piece(start, start + length) for start, length in spans]
    if spans and sum(spans[-1]) < len(units) // 2:
        rest = piece(spans[-1][0])
        metrics = QFontMetricsF(chosen_font)
        lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


def draw_lines(
    painter: QPainter, lines: list[str], rect: QRectF, line_height: float, flags: int
) -> None:
    for i, line in enumerate(lines):
        row = QRectF(rect.x(), rect.y() + i * line_height, rect.width(), line_height)
        painter.drawText(row, flags, line)


class TextStamps:
    """Fonts, and short texts laid out once and drawn many times (``QStaticText``).

    ``QPainter.drawText`` lays its text out again on every call; a card draws a dozen short
    texts, which made text most of the cost of painting it. One set per scene rather than
    per module, so that no Qt font object outlives the application that made it.
    """

    def __init__(self) -> None:
        self._fonts: dict[tuple[int, bool], QFont] = {}
        self._texts: dict[tuple[str, int, bool], QStaticText] = {}

    def font(self, pixel_size: int, bold: bool = False) -> QFont:
        key = (pixel_size, bold)
        found = self._fonts.get(key)
        if found is None:
            found = self._fonts[key] = font(pixel_size, bold)
        return found

    def text(self, text: str, pixel_size: int, bold: bool = False) -> QStaticText:
        """``text`` laid out in that font: draw it with the painter's font set to it."""
        key = (text, pixel_size, bold)
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = static_text(text, self.font(pixel_size, bold))
        return found


def static_text(text: str, chosen_font: QFont) -> QStaticText:
    result = QStaticText(text)
    result.setTextFormat(Qt.TextFormat.PlainText)  # a title like "<b>" is not markup
    result.prepare(QTransform(), chosen_font)
    return result


def draw_centred(painter: QPainter, rect: QRectF, text: QStaticText) -> None:
    """Like ``drawText(rect, AlignCenter, ...)`` for a one-line static text."""
    size = text.size()
    centre = rect.center()
    top_left = QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2)
    painter.drawStaticText(top_left, text)


def draw_left(painter: QPainter, rect: QRectF, text: QStaticText) -> None:
    """Like ``drawText(rect, AlignLeft | AlignVCenter, ...)`` for a one-line static text."""
    top = rect.y() + (rect.height() - text.size().height()) / 2
    painter.drawStaticText(QPointF(rect.x(), top), text)


#: A view's viewport says which part of the canvas it shows with this dynamic property: the
#: canvas view the cells, the strips laid over its margins the headers. Each part lies
#: under the other's edge by a pixel (scrolling rounds to whole pixels), and would be
#: painted there for nothing, under the opaque headers or outside the strips.
SHOWS = "blueprint_canvas_part"
CELLS, HEADERS = "cells", "headers"


def shows(widget: QWidget | None, part: str) -> bool:
    """False when ``widget`` is a viewport showing only the other part of the canvas."""
    return widget is None or widget.property(SHOWS) in (None, part)
