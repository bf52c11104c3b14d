"""The touchpoint card: title, EPIC at a glance, friction markers, emotion.

The card paints a ``CardFace`` and never touches the model. Dragging it moves only the
item; on release the scene turns the drop point into one move request.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...model import EpicLetter
from . import palette
from .card_face import CardFace
from .drawing import SIMPLE_DETAIL, colour, draw_lines, font, wrap
from .layout import CARD_HEIGHT, CARD_WIDTH

CARD_Z = 2.0
DRAGGED_Z = 10.0
PADDING = 9.0
RADIUS = 7.0
TITLE_FONT = 16
TITLE_LINE = 19.0
TITLE_LINES = 3
BADGE = 20.0  # EPIC boxes and friction markers
BADGE_GAP = 4.0
EMOTION_SIZE = 22.0
MAX_MARKERS = 4

_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


class CardItem(QGraphicsItem):
    def __init__(self, touchpoint_id: str, face: CardFace) -> None:
        super().__init__()
        self.touchpoint_id = touchpoint_id
        self._face = face
        self._title_lines: list[str] | None = None
        self._press: QPointF | None = None
        self._origin = QPointF()
        self._dragging = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setZValue(CARD_Z)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(face.tooltip())

    @property
    def face(self) -> CardFace:
        return self._face

    def set_face(self, face: CardFace) -> None:
        if face == self._face:
            return
        self._face = face
        self._title_lines = None
        self.setToolTip(face.tooltip())
        self.update()

    def title_lines(self) -> list[str]:
        """The title as drawn: wrapped to the card, elided after three lines."""
        if self._title_lines is None:
            width = CARD_WIDTH - 2 * PADDING
            if self._face.emotion is not None:
                width -= EMOTION_SIZE + 2 * BADGE_GAP
            self._title_lines = wrap(self._face.title, font(TITLE_FONT, True), width, TITLE_LINES)
        return self._title_lines

    # --- painting ------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, CARD_WIDTH + 4, CARD_HEIGHT + 4)  # room for the selection pen

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        frame = QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT)
        if detail < SIMPLE_DETAIL:
            painter.fillRect(frame, colour(self._face.summary_colour))
            if selected:  # a band across the top, visible at any size
                band = frame.adjusted(0, 0, 0, -CARD_HEIGHT * 0.7)
                painter.fillRect(band, colour(palette.SELECTION))
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QPen(colour(palette.SELECTION if selected else palette.CARD_BORDER))
        border.setWidthF(3.0 if selected else 1.2)
        painter.setPen(border)
        painter.setBrush(colour(palette.CARD))
        painter.drawRoundedRect(frame, RADIUS, RADIUS)
        self._paint_title(painter)
        self._paint_emotion(painter)
        self._paint_epic(painter)
        self._paint_frictions(painter)

    def _paint_title(self, painter: QPainter) -> None:
        painter.setFont(font(TITLE_FONT, True))
        painter.setPen(colour(palette.INK))
        rect = QRectF(PADDING, PADDING - 2, CARD_WIDTH - 2 * PADDING, TITLE_LINE * TITLE_LINES)
        draw_lines(painter, self.title_lines(), rect, TITLE_LINE, _ALIGN_LEFT)

    def _paint_emotion(self, painter: QPainter) -> None:
        emotion = self._face.emotion
        if emotion is None:
            return
        box = QRectF(CARD_WIDTH - PADDING - EMOTION_SIZE, PADDING, EMOTION_SIZE, EMOTION_SIZE)
        painter.setPen(QPen(colour(palette.INK), 1.0))
        painter.setBrush(colour(palette.emotion_colour(emotion)))
        painter.drawEllipse(box)
        centre = box.center()
        painter.setBrush(colour(palette.INK))
        painter.setPen(Qt.PenStyle.NoPen)
        for dx in (-4.0, 4.0):
            painter.drawEllipse(QPointF(centre.x() + dx, centre.y() - 3), 1.6, 1.6)
        # A mouth that smiles or frowns with the emotion.
        mouth = QPainterPath(QPointF(centre.x() - 5.5, centre.y() + 4))
        mouth.quadTo(
            QPointF(centre.x(), centre.y() + 4 + 2.5 * emotion),
            QPointF(centre.x() + 5.5, centre.y() + 4),
        )
        pen = QPen(colour(palette.INK), 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mouth)

    def _badge_top(self) -> float:
        return CARD_HEIGHT - PADDING - BADGE

    def _paint_epic(self, painter: QPainter) -> None:
        painter.setFont(font(12, True))
        top = self._badge_top()
        for i, (letter, score) in enumerate(zip(EpicLetter, self._face.epic, strict=True)):
            box = QRectF(PADDING + i * (BADGE + BADGE_GAP), top, BADGE, BADGE)
            fill = palette.epic_colour(score)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour(fill))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(colour(palette.UNSET_INK if score is None else palette.ink_on(fill)))
            painter.drawText(box, _CENTRE, letter.value)

    def _paint_frictions(self, painter: QPainter) -> None:
        marks = self._face.frictions
        shown = marks[:MAX_MARKERS] if len(marks) <= MAX_MARKERS else marks[: MAX_MARKERS - 1]
        right = CARD_WIDTH - PADDING
        top = self._badge_top()
        painter.setFont(font(12, True))
        if len(shown) < len(marks):
            more = QRectF(right - BADGE - 4, top, BADGE + 4, BADGE)
            painter.setPen(colour(palette.MUTED_INK))
            painter.drawText(more, _CENTRE, f"+{len(marks) - len(shown)}")
            right -= BADGE + 4 + BADGE_GAP
        for i, mark in enumerate(reversed(shown)):
            box = QRectF(right - (i + 1) * BADGE - i * BADGE_GAP, top, BADGE, BADGE)
            self._paint_marker(painter, box, mark.severity, mark.colour, mark.good)

    def _paint_marker(
        self, painter: QPainter, box: QRectF, severity: int, fill: str, good: bool
    ) -> None:
        # Good friction is deliberate: an outlined marker, never a warning colour.
        if good:
            painter.setPen(QPen(colour(fill), 2.0))
            painter.setBrush(colour(palette.CARD))
            painter.drawEllipse(box.adjusted(1, 1, -1, -1))
            painter.setPen(colour(fill))
        else:
            # A diamond: friction reads as a warning sign even without colour.
            diamond = QPainterPath()
            diamond.moveTo(box.center().x(), box.top())
            diamond.lineTo(box.right(), box.center().y())
            diamond.lineTo(box.center().x(), box.bottom())
            diamond.lineTo(box.left(), box.center().y())
            diamond.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.fillPath(diamond, QBrush(colour(fill)))
            painter.setPen(colour(palette.ink_on(fill)))
        painter.drawText(box, _CENTRE, str(severity))

    # --- dragging ------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.scenePos()
            self._origin = self.pos()
            self._dragging = False

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        delta = event.scenePos() - self._press
        if not self._dragging and delta.manhattanLength() < QApplication.startDragDistance():
            return
        self._dragging = True
        self.setZValue(DRAGGED_Z)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.setPos(self._origin + delta)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        dragged = self._dragging
        self._press, self._dragging = None, False
        super().mouseReleaseEvent(event)
        if not dragged:
            return
        self.setZValue(CARD_Z)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        scene = self.scene()
        if scene is not None:
            scene.card_dropped(self.touchpoint_id, event.scenePos())  # type: ignore[attr-defined]
