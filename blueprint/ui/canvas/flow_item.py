"""A flow between two cards; one that changes channel is drawn as a channel switch."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from . import palette
from .drawing import SIMPLE_DETAIL, colour, font
from .layout import Route

FLOW_Z = 1.0
ARROW = 10.0
LABEL_FONT = 12
LABEL_MAX_WIDTH = 190.0


class FlowItem(QGraphicsItem):
    def __init__(self, flow_id: str) -> None:
        super().__init__()
        self.flow_id = flow_id
        self.is_channel_switch = False
        self.label = ""
        self._path = QPainterPath()
        self._head = QPolygonF()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self._ends = (QPointF(), QPointF())
        self._drawn: tuple | None = None
        self.setZValue(FLOW_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    def set_route(self, route: Route, is_channel_switch: bool, label: str) -> None:
        drawn = (route, is_channel_switch, label)
        if drawn == self._drawn:
            return  # most flows stay put when a card elsewhere moves
        self._drawn = drawn
        self.prepareGeometryChange()
        self.is_channel_switch = is_channel_switch
        self.label = label
        path = QPainterPath(QPointF(*route.start))
        path.cubicTo(QPointF(*route.control1), QPointF(*route.control2), QPointF(*route.end))
        self._path = path
        self._ends = (QPointF(*route.start), QPointF(*route.end))
        self._head = _arrow_head(QPointF(*route.control2), QPointF(*route.end))
        # Computed once here: Qt asks for the bounds on every paint of every flow.
        self._label_rect = self._place_label()
        outline = path.boundingRect().united(self._head.boundingRect())
        self._bounds = outline.united(self._label_rect).adjusted(-8, -8, 8, 8)
        self.setToolTip("Channel switch" if is_channel_switch else "")
        self.update()

    def path(self) -> QPainterPath:
        return self._path

    def pen(self) -> QPen:
        if self.is_channel_switch:
            pen = QPen(colour(palette.CHANNEL_SWITCH), 2.0, Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([5.0, 3.0])
        else:
            pen = QPen(colour(palette.FLOW), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen

    def label_rect(self) -> QRectF:
        """Where the label is drawn: on a plate at the middle of the curve."""
        return QRectF(self._label_rect)

    def _place_label(self) -> QRectF:
        if not self.label:
            return QRectF()
        metrics = QFontMetricsF(font(LABEL_FONT))
        width = min(metrics.horizontalAdvance(self.label) + 10, LABEL_MAX_WIDTH)
        middle = self._path.pointAtPercent(0.5)
        return QRectF(middle.x() - width / 2, middle.y() - 10, width, 20)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)  # easy to click, though the line is thin
        return stroker.createStroke(self._path)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < SIMPLE_DETAIL:
            # Far out, a pale straight hairline: thousands of curves would not paint in a
            # frame, and the coloured cards are what a zoomed-out picture is for. Pale by
            # mixing, not by transparency, which costs ten times more to paint.
            far = palette.FAR_CHANNEL_SWITCH if self.is_channel_switch else palette.FAR_FLOW
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(colour(far), 0))
            painter.drawLine(*self._ends)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = self.pen()
        if option.state & QStyle.StateFlag.State_Selected:
            pen.setColor(colour(palette.SELECTION))
            pen.setWidthF(pen.widthF() + 1.5)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        painter.drawPolygon(self._head)
        if self.label:
            plate = self._label_rect
            painter.setBrush(colour(palette.CARD))
            painter.setPen(QPen(pen.color(), 1.0))
            painter.drawRoundedRect(plate, 4, 4)
            painter.setPen(colour(palette.INK))
            painter.setFont(font(LABEL_FONT))
            text = QFontMetricsF(font(LABEL_FONT)).elidedText(
                self.label, Qt.TextElideMode.ElideRight, plate.width() - 8
            )
            painter.drawText(plate, int(Qt.AlignmentFlag.AlignCenter), text)


def _arrow_head(towards: QPointF, tip: QPointF) -> QPolygonF:
    angle = math.atan2(tip.y() - towards.y(), tip.x() - towards.x())
    left = angle + math.radians(155)
    right = angle - math.radians(155)
    return QPolygonF(
        [
            tip,
            QPointF(tip.x() + ARROW * math.cos(left), tip.y() + ARROW * math.sin(left)),
            QPointF(tip.x() + ARROW * math.cos(right), tip.y() + ARROW * math.sin(right)),
        ]
    )
