"""The blueprint seen from far away, painted by one item (Qt's chip example, batched).

Zoomed far out, thousands of cards and flows each painting themselves would cost a Python
call apiece, several frames' worth. Instead the scene marks them as having no contents and
this one item paints them all: each card a box in its summary colour, each flow a straight
hairline, each group in one call from shapes built once per change, and in a view from a
picture of them kept at the view's zoom. The cards stay in the scene, so clicking,
selecting, tooltips and dragging work at any zoom.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from . import palette
from .drawing import CELLS, colour, shows
from .flow_item import FLOW_Z
from .layout import CARD_HEIGHT, CARD_WIDTH, GridLayout, Rect

#: Share of a card's height that the selection band covers at the top.
SELECTION_BAND = 0.3
#: Largest picture of the overview kept, in device pixels (4 bytes each).
MAX_PICTURE_PIXELS = 6_000_000


@dataclass(frozen=True)
class OverviewContent:
    """What the overview draws, read from the scene when it is next painted."""

    layout: GridLayout
    #: (card rectangle, summary colour) of every card shown
    cards: Iterable[tuple[Rect, str]]
    #: (start, end, is channel switch) of every flow shown
    flows: Iterable[tuple[tuple[float, float], tuple[float, float], bool]]


class OverviewItem(QGraphicsItem):
    def __init__(
        self,
        content: Callable[[], OverviewContent],
        selected_cards: Callable[[], list[QRectF]],
    ) -> None:
        super().__init__()
        self._content = content
        self._selected_cards = selected_cards
        self._bounds = QRectF()
        self._boxes: dict[str, list[QRectF]] = {}
        self._lines: dict[bool, QPainterPath] = {}
        self._built_for: tuple | None = None
        self._picture: QImage | None = None
        self._picture_key: tuple | None = None
        self._picture_at = QPointF()
        self.setZValue(FLOW_Z)
        self.setVisible(False)

    def invalidate(self, layout: GridLayout) -> None:
        """The cards or flows changed: build the shapes again when next painted."""
        body = layout.body
        bounds = QRectF(body.x, body.y, body.width, body.height)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._built_for = self._picture = self._picture_key = None
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if not shows(widget, CELLS):
            return
        colours = _colours()
        if self._built_for != colours:  # new content, or the theme changed the colours
            self._build(colours)
        if widget is None or not self._paint_picture(painter, colours):
            self._paint_shapes(painter)  # a picture of the scene: vectors, for SVG
        selection = colour(palette.SELECTION)
        for card in self._selected_cards():
            band = QRectF(card.x(), card.y(), card.width(), card.height() * SELECTION_BAND)
            painter.fillRect(band, selection)

    def _paint_shapes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        far = {False: palette.FAR_FLOW, True: palette.FAR_CHANNEL_SWITCH}
        for is_switch, lines in self._lines.items():
            painter.setPen(QPen(colour(far[is_switch]), 0))  # a hairline at any zoom
            painter.drawPath(lines)
        # Each box edged, as a card is near: a pale one still stands out from its cell.
        painter.setPen(QPen(colour(palette.MARK_EDGE), 0))
        for hex_colour, boxes in self._boxes.items():
            painter.setBrush(colour(hex_colour))
            painter.drawRects(boxes)

    def _paint_picture(self, painter: QPainter, colours: tuple) -> bool:
        """Paint from a picture of the shapes kept at this zoom; False when too large.

        Thousands of hairlines across the blueprint cost several milliseconds however they
        are drawn: a view showing the overview repaints it, unchanged, for every selection,
        tooltip or expose, so it is drawn once into a picture and copied after that.
        """
        to_device = painter.deviceTransform()
        if to_device.isRotating() or not to_device.isAffine():
            return False
        area = to_device.mapRect(self._bounds)
        if area.width() * area.height() > MAX_PICTURE_PIXELS:
            return False
        ratio = painter.device().devicePixelRatioF()
        left, top = math.floor(area.x()), math.floor(area.y())
        key = (colours, to_device.m11(), to_device.m22(), area.x() - left, area.y() - top, ratio)
        if self._picture_key != key:
            size = (math.ceil(area.right()) - left, math.ceil(area.bottom()) - top)
            picture = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
            picture.fill(Qt.GlobalColor.transparent)
            shapes = QPainter(picture)
            shapes.setTransform(to_device * QTransform.fromTranslate(-left, -top))
            self._paint_shapes(shapes)
            shapes.end()
            picture.setDevicePixelRatio(ratio)
            self._picture, self._picture_key = picture, key
        painter.save()
        # Back from device pixels to the painter's own coordinates: a widget painted into
        # its window's backing store is offset in it (the viewport sits under the menus
        # and the frozen headers), and the picture went there twice, off its cells.
        painter.resetTransform()
        from_device, _ = painter.deviceTransform().inverted()
        # Worked out at each paint: scrolling by whole pixels keeps the picture, not its place.
        self._picture_at = from_device.map(QPointF(left, top))
        painter.drawImage(self._picture_at, self._picture)
        painter.restore()
        return True

    def _build(self, colours: tuple) -> None:
        content = self._content()
        boxes: dict[str, list[QRectF]] = {}
        for rect, hex_colour in content.cards:
            boxes.setdefault(hex_colour, []).append(QRectF(rect.x, rect.y, CARD_WIDTH, CARD_HEIGHT))
        lines = {False: QPainterPath(), True: QPainterPath()}
        for start, end, is_switch in content.flows:
            path = lines[is_switch]
            path.moveTo(*start)
            path.lineTo(*end)
        self._boxes = boxes
        self._lines = lines  # channel switches drawn last, over plain flows: the finding
        self._built_for = colours
        self._picture = self._picture_key = None


def _colours() -> tuple[str, ...]:
    """The themed colours the overview is drawn in: a change means drawing it again."""
    return (palette.UNSET, palette.FAR_FLOW, palette.FAR_CHANNEL_SWITCH, palette.MARK_EDGE)
