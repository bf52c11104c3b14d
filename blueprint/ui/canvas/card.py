"""The touchpoint card: title, EPIC at a glance, friction markers, emotion.

The card paints a ``CardFace`` and never touches the model. Dragging it moves only the
item; on release the scene turns the drop point into one move request.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPainterPath, QPen, QPolygonF, QStaticText
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...model import EpicLetter
from ..tips import plain_tip
from . import palette
from .card_face import CardFace, FrictionMark
from .drawing import (
    CELLS,
    MARK_EDGE_WIDTH,
    SIMPLE_DETAIL,
    TextStamps,
    colour,
    draw_centred,
    draw_left,
    font,
    shows,
    static_text,
    wrap,
)
from .emphasis import FADED_OPACITY, PLAIN, CardEmphasis, mix
from .layout import CARD_HEIGHT, CARD_WIDTH

CARD_Z = 2.0
DRAGGED_Z = 10.0
PADDING = 9.0
RADIUS = 7.0
TITLE_FONT = 16
TITLE_LINE = 19.0
TITLE_LINES = 3
BADGE = 20.0  # EPIC boxes' height and friction markers
BADGE_GAP = 4.0
#: An EPIC box holds its letter and its score ("E4"): colour is never the only signal.
EPIC_BADGE_WIDTH = 26.0
EPIC_BADGE_GAP = 3.0
#: Shown for a letter without a score.
UNSCORED = "–"
EMOTION_SIZE = 22.0
MAX_MARKERS = 4
#: After the EPIC boxes, the card's talk: a warning sign while a merge conflict about it is
#: open, a speech bubble with the number of open comment threads. Shapes and a sign or a
#: number, never a colour alone; friction markers give way to them (more go into "+N").
CONFLICT_SIGN_WIDTH = 22.0
BUBBLE_WIDTH = 26.0
BUBBLE_HEIGHT = 16.0
#: More open threads than this show as "9+".
MOST_THREADS_SHOWN = 9
#: Width of the outline that emphasis may draw around a card (highlight, search result).
OUTLINE_WIDTH = 6.0
#: The ring of the card the keys act on: just inside its border, clear of its contents.
FOCUS_RING_INSET = 4.5
FOCUS_RING_WIDTH = 2.0

BADGE_FONT = 12
#: A card takes a few hundred microseconds to paint and rarely changes: a view keeps a
#: picture of it at the view's zoom and copies that (update(), on any change, drops it).
CARD_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
)

# Looked up once: a PySide enum member or a rectangle costs a microsecond or two to make,
# and a card paints dozens of them.
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_LETTERS = tuple(letter.value for letter in EpicLetter)
_FRAME = QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT)
_BOUNDS = QRectF(-2, -2, CARD_WIDTH + 4, CARD_HEIGHT + 4)  # room for the selection pen
_OUTLINE = _FRAME.adjusted(-4, -4, 4, 4)  # the pen's middle: 1 px clear of the frame
_OUTLINED_BOUNDS = _OUTLINE.adjusted(-4, -4, 4, 4)
_FOCUS_RING = _FRAME.adjusted(
    FOCUS_RING_INSET, FOCUS_RING_INSET, -FOCUS_RING_INSET, -FOCUS_RING_INSET
)
_BADGE_TOP = CARD_HEIGHT - PADDING - BADGE
_EPIC_BOXES = tuple(
    QRectF(PADDING + i * (EPIC_BADGE_WIDTH + EPIC_BADGE_GAP), _BADGE_TOP, EPIC_BADGE_WIDTH, BADGE)
    for i in range(4)
)
_EPIC_END = _EPIC_BOXES[-1].right()
_TITLE_ROWS = tuple(
    QRectF(PADDING, PADDING - 2 + i * TITLE_LINE, CARD_WIDTH - 2 * PADDING, TITLE_LINE)
    for i in range(TITLE_LINES)
)
_EMOTION_BOX = QRectF(CARD_WIDTH - PADDING - EMOTION_SIZE, PADDING, EMOTION_SIZE, EMOTION_SIZE)
_EYES = tuple(
    QPointF(_EMOTION_BOX.center().x() + dx, _EMOTION_BOX.center().y() - 3) for dx in (-4.0, 4.0)
)


@cache
def _mouth(emotion: int) -> QPainterPath:
    """A mouth that smiles or frowns with the emotion."""
    centre = _EMOTION_BOX.center()
    mouth = QPainterPath(QPointF(centre.x() - 5.5, centre.y() + 4))
    mouth.quadTo(
        QPointF(centre.x(), centre.y() + 4 + 2.5 * emotion),
        QPointF(centre.x() + 5.5, centre.y() + 4),
    )
    return mouth


@cache
def _diamond(left: float, top: float) -> QPolygonF:
    middle_x, middle_y = left + BADGE / 2, top + BADGE / 2
    return QPolygonF(
        [
            QPointF(middle_x, top),
            QPointF(left + BADGE, middle_y),
            QPointF(middle_x, top + BADGE),
            QPointF(left, middle_y),
        ]
    )


@cache
def _conflict_sign(left: float) -> QPolygonF:
    top = _BADGE_TOP
    return QPolygonF(
        [
            QPointF(left + CONFLICT_SIGN_WIDTH / 2, top),
            QPointF(left + CONFLICT_SIGN_WIDTH, top + BADGE),
            QPointF(left, top + BADGE),
        ]
    )


@cache
def _bubble(left: float) -> QPainterPath:
    """A speech bubble: a rounded box with a tail down to the left."""
    top = _BADGE_TOP
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(left, top, BUBBLE_WIDTH, BUBBLE_HEIGHT), 4, 4)
    tail = QPainterPath(QPointF(left + 5, top + BUBBLE_HEIGHT - 1))
    tail.lineTo(QPointF(left + 4, top + BADGE))
    tail.lineTo(QPointF(left + 12, top + BUBBLE_HEIGHT - 1))
    tail.closeSubpath()
    return bubble.united(tail)


def threads_text(count: int) -> str:
    """What the comment bubble says: the number of open threads, '9+' past nine."""
    return str(count) if count <= MOST_THREADS_SHOWN else f"{MOST_THREADS_SHOWN}+"


@cache
def _badge_strip() -> QPainterPath:
    """The bottom of the card, where its badges are: kept plain on a coloured card, so that
    a badge never vanishes into a card of its own colour."""
    top = _BADGE_TOP - 5
    strip = QPainterPath()
    strip.addRoundedRect(
        QRectF(0.6, top, CARD_WIDTH - 1.2, CARD_HEIGHT - top - 0.6), RADIUS, RADIUS
    )
    square_top = QPainterPath()
    square_top.addRect(QRectF(0.6, top, CARD_WIDTH - 1.2, RADIUS))
    return strip.united(square_top)


def epic_badge_text(letter: str, score: int | None) -> str:
    """What an EPIC box says: its letter and its score, e.g. 'E4', or 'E–' unscored."""
    return f"{letter}{UNSCORED if score is None else score}"


def markers_that_fit(count: int, room: float) -> int:
    """How many of ``count`` friction markers are drawn in ``room``: all when they fit (at
    most ``MAX_MARKERS``), else as many as fit beside the "+N" that counts the others."""
    pitch = BADGE + BADGE_GAP
    if count <= MAX_MARKERS and count * pitch - BADGE_GAP <= room:
        return count
    beside_more = int((room - (BADGE + 4)) // pitch)
    return max(0, min(MAX_MARKERS - 1, beside_more, count))


class CardItem(QGraphicsItem):
    def __init__(
        self, touchpoint_id: str, face: CardFace, stamps: TextStamps | None = None
    ) -> None:
        super().__init__()
        self.touchpoint_id = touchpoint_id
        self._face = face
        self._emphasis = PLAIN
        #: shared by the cards of a scene
        self._stamps = stamps if stamps is not None else TextStamps()
        self._title_lines: list[str] | None = None
        self._title_texts: list[QStaticText] | None = None
        self._press: QPointF | None = None
        self._origin = QPointF()
        self._dragging = False
        self.setFlags(_FLAGS)
        self.setZValue(CARD_Z)
        self.setCacheMode(CARD_CACHE)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(plain_tip(face.tooltip()))

    @property
    def face(self) -> CardFace:
        return self._face

    def set_face(self, face: CardFace) -> None:
        if face == self._face:
            return
        self._face = face
        self._title_lines = self._title_texts = None
        self.setToolTip(plain_tip(face.tooltip()))
        self.update()

    @property
    def emphasis(self) -> CardEmphasis:
        return self._emphasis

    def set_emphasis(self, emphasis: CardEmphasis) -> bool:
        """Show view state laid over the card from outside; False when it was already shown."""
        if emphasis == self._emphasis:
            return False
        if (emphasis.outline is None) != (self._emphasis.outline is None):
            self.prepareGeometryChange()
        self._emphasis = emphasis
        self.setOpacity(emphasis.opacity)
        self.update()
        return True

    @property
    def far_colour(self) -> str:
        """The one colour of the card seen from far away, its emphasis included."""
        emphasis = self._emphasis
        shown = emphasis.outline or emphasis.fill or self._face.summary_colour
        opacity = emphasis.opacity
        return shown if opacity >= 1 else mix(shown, palette.CANVAS, 1 - opacity)

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
        return _BOUNDS if self._emphasis.outline is None else _OUTLINED_BOUNDS

    # The ring lies inside the card, so the card's bounds never change with the focus: a
    # geometry change as the focus leaves a card while its scene is being destroyed crashed.
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if not shows(widget, CELLS):
            return
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()  # not option.state: enum flags cost microseconds
        emphasis = self._emphasis
        if detail < SIMPLE_DETAIL:
            far = emphasis.outline or emphasis.fill or self._face.summary_colour
            painter.fillRect(_FRAME, colour(far))  # faded by the item's opacity
            painter.setPen(QPen(colour(palette.MARK_EDGE), 0))
            painter.setBrush(_NO_BRUSH)
            painter.drawRect(_FRAME)
            if selected:  # a band across the top, visible at any size
                band = _FRAME.adjusted(0, 0, 0, -CARD_HEIGHT * 0.7)
                painter.fillRect(band, colour(palette.SELECTION))
            return
        painter.setRenderHint(_ANTIALIASING)
        border = QPen(colour(palette.SELECTION if selected else palette.CARD_BORDER))
        border.setWidthF(3.0 if selected else 1.2)
        painter.setPen(border)
        painter.setBrush(colour(emphasis.fill or palette.CARD))
        painter.drawRoundedRect(_FRAME, RADIUS, RADIUS)
        if emphasis.fill is not None:
            painter.setPen(_NO_PEN)
            painter.setBrush(colour(palette.CARD))
            painter.drawPath(_badge_strip())
        if emphasis.outline is not None:
            outline = QPen(colour(emphasis.outline), OUTLINE_WIDTH)
            painter.setPen(outline)
            painter.setBrush(_NO_BRUSH)
            painter.drawRoundedRect(_OUTLINE, RADIUS + 3, RADIUS + 3)
        title_ink = palette.INK if emphasis.fill is None else palette.ink_on(emphasis.fill)
        self._paint_title(painter, title_ink)
        self._paint_emotion(painter)
        painter.setFont(self._stamps.font(BADGE_FONT, True))
        self._paint_epic(painter)
        self._paint_frictions(painter, self._paint_talk(painter))
        if self.hasFocus():
            self._paint_focus_ring(painter)

    def _paint_focus_ring(self, painter: QPainter) -> None:
        ring = QPen(colour(palette.FOCUS), FOCUS_RING_WIDTH, Qt.PenStyle.DashLine)
        painter.setPen(ring)
        painter.setBrush(_NO_BRUSH)
        radius = max(1.0, RADIUS - FOCUS_RING_INSET)
        painter.drawRoundedRect(_FOCUS_RING, radius, radius)

    def _paint_title(self, painter: QPainter, ink: str) -> None:
        if self._title_texts is None:
            title_font = self._stamps.font(TITLE_FONT, True)
            self._title_texts = [static_text(line, title_font) for line in self.title_lines()]
        painter.setFont(self._stamps.font(TITLE_FONT, True))
        painter.setPen(colour(ink))
        for row, text in zip(_TITLE_ROWS, self._title_texts, strict=False):
            draw_left(painter, row, text)

    def _paint_emotion(self, painter: QPainter) -> None:
        emotion = self._face.emotion
        if emotion is None:
            return
        fill = palette.emotion_colour(emotion)
        painter.setPen(QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH))
        painter.setBrush(colour(fill))
        painter.drawEllipse(_EMOTION_BOX)
        face = colour(palette.ink_on(fill))
        painter.setBrush(face)
        painter.setPen(_NO_PEN)
        for eye in _EYES:
            painter.drawEllipse(eye, 1.6, 1.6)
        pen = QPen(face, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(_mouth(emotion))

    def _paint_epic(self, painter: QPainter) -> None:
        stamps = self._stamps
        edge = QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH)
        for box, letter, score in zip(_EPIC_BOXES, _LETTERS, self._face.epic, strict=True):
            fill = palette.epic_colour(score)
            painter.setPen(edge)
            painter.setBrush(colour(fill))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(colour(palette.UNSET_INK if score is None else palette.ink_on(fill)))
            text = epic_badge_text(letter, score)
            draw_centred(painter, box, stamps.text(text, BADGE_FONT, True))

    def _paint_talk(self, painter: QPainter) -> float:
        """The conflict sign and the comment bubble; returns where the friction markers
        may start."""
        face = self._face
        left = _EPIC_END + BADGE_GAP
        if face.conflicts:
            painter.setPen(QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH))
            painter.setBrush(colour(palette.CONFLICT))
            painter.drawPolygon(_conflict_sign(left))
            painter.setPen(colour(palette.ink_on(palette.CONFLICT)))
            sign = QRectF(left, _BADGE_TOP + 5, CONFLICT_SIGN_WIDTH, BADGE - 5)
            draw_centred(painter, sign, self._stamps.text("!", BADGE_FONT, True))
            left += CONFLICT_SIGN_WIDTH + BADGE_GAP
        if face.open_threads:
            painter.setPen(QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH))
            painter.setBrush(colour(palette.CARD))
            painter.drawPath(_bubble(left))
            painter.setPen(colour(palette.INK))
            box = QRectF(left, _BADGE_TOP, BUBBLE_WIDTH, BUBBLE_HEIGHT)
            text = threads_text(face.open_threads)
            draw_centred(painter, box, self._stamps.text(text, BADGE_FONT, True))
            left += BUBBLE_WIDTH + BADGE_GAP
        return left

    def _paint_frictions(self, painter: QPainter, left: float) -> None:
        marks = self._face.frictions
        right = CARD_WIDTH - PADDING
        shown = marks[: markers_that_fit(len(marks), right - left)]
        marked = self._emphasis.marked_frictions
        if len(shown) < len(marks):
            more = QRectF(right - BADGE - 4, _BADGE_TOP, BADGE + 4, BADGE)
            painter.setPen(colour(palette.MUTED_INK))
            label = f"+{len(marks) - len(shown)}"
            draw_centred(painter, more, self._stamps.text(label, BADGE_FONT, True))
            if any(m.friction_id in marked for m in marks[len(shown) :]):
                self._paint_ring(painter, more)
            right -= BADGE + 4 + BADGE_GAP
        for i, mark in enumerate(reversed(shown)):
            box = QRectF(right - (i + 1) * BADGE - i * BADGE_GAP, _BADGE_TOP, BADGE, BADGE)
            self._paint_emphasised_marker(painter, box, mark)

    def _paint_emphasised_marker(self, painter: QPainter, box: QRectF, mark: FrictionMark) -> None:
        emphasis = self._emphasis
        if mark.friction_id in emphasis.faded_frictions:
            opacity = painter.opacity()
            painter.setOpacity(opacity * FADED_OPACITY)
            self._paint_marker(painter, box, mark.severity, mark.colour, mark.good)
            painter.setOpacity(opacity)
        else:
            self._paint_marker(painter, box, mark.severity, mark.colour, mark.good)
        if mark.friction_id in emphasis.marked_frictions:
            self._paint_ring(painter, box)

    def _paint_ring(self, painter: QPainter, box: QRectF) -> None:
        painter.setPen(QPen(colour(self._emphasis.outline or palette.SELECTION), 3.0))
        painter.setBrush(_NO_BRUSH)
        painter.drawEllipse(box.adjusted(-4, -4, 4, 4))

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
            painter.setPen(QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH))
            painter.setBrush(colour(fill))
            painter.drawPolygon(_diamond(box.x(), box.y()))
            painter.setPen(colour(palette.ink_on(fill)))
        draw_centred(painter, box, self._stamps.text(str(severity), BADGE_FONT, True))

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
        if not self._dragging:
            # Far out the overview layer paints the cards; the one in hand paints itself.
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, False)
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
