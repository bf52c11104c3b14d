"""The emotion curve: how customers feel along the journey, stage by stage.

The mean emotion of each stage's touchpoints is a point at the middle of its column, high
for delighted (+2) and low for angry (-2) on a scale at the top of the grid that fits one
screen, joined in stage order; its tooltip tells the
lowest and highest emotion of the stage, since a stage that feels fine on average can still
hold the journey's worst moment. The curve is drawn see-through over the cards, so it reads
across a full grid without hiding what is under it; the guide lines of +2, 0 and -2 run
under the cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from ...analysis import StageEmotion
from ..canvas import palette
from ..canvas.card_face import EMOTION_WORDS
from ..canvas.drawing import CELLS, SIMPLE_DETAIL, colour, font, shows
from ..canvas.layout import GridLayout
from ..tips import plain_tip

#: Over the cards (2), under a dragged card (10) and the headers (20); its guides under
#: the flows (1) and the cards.
CURVE_Z = 5.0
GUIDES_Z = 0.8
LINE_WIDTH = 7.0
LINE_OPACITY = 0.55
POINT_RADIUS = 17.0
LABEL_FONT = 24
LABEL_HEIGHT = 32.0
GUIDE_FONT = 16
#: The room between a guide's words and the grid's edge or a card.
GUIDE_INDENT = 8.0
#: Room above +2 and below -2, so points and labels stay inside the grid.
MARGIN = 48.0
#: The most the scale spans from +2 to -2, at the top of the grid: on a tall grid the whole
#: curve stays in one screen (spread over the grid's height, a projector's 720 lines showed
#: its top half; the points of a sad stage fell out of sight).
SCALE_SPAN = 360.0
GUIDES = ((2, "+2 delighted"), (0, "0 neutral"), (-2, "−2 angry"))


def emotion_text(mean: float) -> str:
    return f"{mean:+.1f}".replace("-", "−") if round(mean, 1) else "0.0"


@dataclass(frozen=True, slots=True)
class CurvePoint:
    x: float
    y: float
    emotion: StageEmotion


class EmotionPointItem(QGraphicsItem):
    """One stage's point: its mean emotion, a face colour, a label and a tooltip."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self._mean = 0.0
        self._text = ""
        self._label = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    @property
    def text(self) -> str:
        return self._text

    @property
    def mean(self) -> float:
        return self._mean

    def show_point(self, point: CurvePoint, tooltip: str, cards: list[QRectF] = ()) -> None:
        self._mean = point.emotion.mean
        self._text = emotion_text(self._mean)
        width = QFontMetricsF(font(LABEL_FONT, True)).horizontalAdvance(self._text) + 16
        label = _label_place(QPointF(point.x, point.y), width, cards)
        if label != self._label:
            self.prepareGeometryChange()
            self._label = label
        self.setPos(point.x, point.y)
        self.setToolTip(plain_tip(tooltip))  # stage names as typed
        self.update()

    def label_rect(self) -> QRectF:
        """Where its label is, in the scene."""
        return self.mapRectToScene(self._label)

    def boundingRect(self) -> QRectF:
        r = POINT_RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r).united(self._label)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, CELLS):
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour(palette.INK), 2.5))
        painter.setBrush(colour(palette.emotion_colour(round(self._mean))))
        painter.drawEllipse(QPointF(0, 0), POINT_RADIUS, POINT_RADIUS)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < SIMPLE_DETAIL:
            return
        painter.setPen(QPen(colour(palette.INK), 1.5))
        painter.setBrush(colour(palette.CARD))
        painter.drawRoundedRect(self._label, 8, 8)
        painter.setPen(colour(palette.INK))
        painter.setFont(font(LABEL_FONT, True))
        painter.drawText(self._label, int(Qt.AlignmentFlag.AlignCenter), self._text)


def _label_place(at: QPointF, width: float, cards: list[QRectF]) -> QRectF:
    """Where a point's label goes: up and to the right of it, or the nearest place beside
    it, above or below, where it covers no card (it wrote "+0.5" over a card's title, the
    point sitting on that card); where every place covers one, the one covering least."""
    gap = POINT_RADIUS + 4
    top = -POINT_RADIUS - LABEL_HEIGHT / 2
    steps = (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5)  # nearest first
    places = [
        QRectF(x, top + step * LABEL_HEIGHT, width, LABEL_HEIGHT)
        for step in steps
        for x in (gap, -gap - width)
    ]

    # Only the cards where a label could go: every card of the grid, for each place of
    # each stage's point, made an edit of a large blueprint wait.
    reach = places[0]
    for place in places[1:]:
        reach = reach.united(place)
    reach.translate(at)
    near = [card for card in cards if card.intersects(reach)]

    def covered(place: QRectF) -> float:
        placed = place.translated(at)
        return sum(_area(placed.intersected(card)) for card in near)

    free = next((place for place in places if not covered(place)), None)
    return free if free is not None else min(places, key=covered)


def _area(rect: QRectF) -> float:
    return max(0.0, rect.width()) * max(0.0, rect.height())


class EmotionGuidesItem(QGraphicsItem):
    """The lines of +2, 0 and -2 across the grid, under the cards: they must not strike
    through a card's title. Each line's words sit above it at the left, or further along
    where a card would cover them."""

    def __init__(self) -> None:
        super().__init__()
        self._body = QRectF()
        self._lines: list[tuple[float, str, QRectF]] = []
        self.setZValue(GUIDES_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_guides(
        self, body: QRectF, heights: list[tuple[float, str]], cards: list[QRectF]
    ) -> None:
        """``heights``: (y, words) of each guide line; ``cards``: where the cards are."""
        if body != self._body:
            self.prepareGeometryChange()
            self._body = body
        metrics = QFontMetricsF(font(GUIDE_FONT, True))
        self._lines = []
        for y, words in heights:
            tall = metrics.height()
            place = QRectF(0, y - tall - 3, metrics.horizontalAdvance(words), tall)
            place.moveLeft(_free_left(place, body, cards))
            self._lines.append((y, words, place))
        self.update()

    def words(self) -> list[tuple[str, QRectF]]:
        """Each line's words and where they are written, in the scene."""
        return [(words, QRectF(place)) for _, words, place in self._lines]

    def boundingRect(self) -> QRectF:
        return self._body

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, CELLS):
            return
        body = self._body
        far = option.levelOfDetailFromTransform(painter.worldTransform()) < SIMPLE_DETAIL
        guide = QPen(colour(palette.MUTED_INK), 0)  # a hairline at any zoom: fast
        painter.setFont(font(GUIDE_FONT, True))
        metrics = QFontMetricsF(painter.font())
        for y, words, place in self._lines:
            painter.setPen(guide)
            painter.drawLine(QPointF(body.left(), y), QPointF(body.right(), y))
            if not far:
                painter.drawText(QPointF(place.left(), place.bottom() - metrics.descent()), words)


def _free_left(words: QRectF, body: QRectF, cards: list[QRectF]) -> float:
    """The leftmost place along the grid where ``words`` (at their height) meet no card;
    the grid's left edge when there is none."""
    left = body.left() + GUIDE_INDENT
    beside = sorted(
        (c for c in cards if c.top() < words.bottom() and c.bottom() > words.top()),
        key=QRectF.left,
    )
    for card in beside:
        if card.left() >= left + words.width() + GUIDE_INDENT:
            break
        left = max(left, card.right() + GUIDE_INDENT)
    return left if left + words.width() <= body.right() else body.left() + GUIDE_INDENT


class EmotionCurveItem(QGraphicsItem):
    """The line through the stages' points: solid for today, dashed for tomorrow."""

    def __init__(self, dashed: bool = False) -> None:
        super().__init__()
        self._dashed = dashed
        self._body = QRectF()
        self._points: list[CurvePoint] = []
        self._items: list[EmotionPointItem] = []
        self.setZValue(CURVE_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.guides = EmotionGuidesItem()

    def points(self) -> list[EmotionPointItem]:
        return list(self._items)

    def show_curve(
        self, emotions: list[StageEmotion], layout: GridLayout, names: dict[str, str]
    ) -> None:
        body = layout.body
        bounds = QRectF(body.x, body.y, body.width, body.height)
        if bounds != self._body:
            self.prepareGeometryChange()
            self._body = bounds
        self._points = [
            CurvePoint(
                layout.columns[e.stage_id].start + layout.columns[e.stage_id].size / 2,
                self.y_of(e.mean),
                e,
            )
            for e in emotions
            if e.stage_id in layout.columns
        ]
        while len(self._items) > len(self._points):
            gone = self._items.pop()
            gone.setParentItem(None)
            if gone.scene() is not None:
                gone.scene().removeItem(gone)
        while len(self._items) < len(self._points):
            self._items.append(EmotionPointItem(self))
        cards = [QRectF(c.x, c.y, c.width, c.height) for c in layout.cards.values()]
        for item, point in zip(self._items, self._points, strict=True):
            item.show_point(point, _tooltip(point.emotion, names), cards)
        self.update()
        self.guides.show_guides(bounds, [(self.y_of(e), w) for e, w in GUIDES], cards)

    def y_of(self, emotion: float) -> float:
        """Where an emotion sits: +2 near the top of the grid, -2 at most ``SCALE_SPAN``
        below it (at the bottom of a short grid)."""
        top = self._body.top() + MARGIN
        height = min(SCALE_SPAN, max(0.0, self._body.height() - 2 * MARGIN))
        return top + (2 - emotion) / 4 * height

    def boundingRect(self) -> QRectF:
        return self._body

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, CELLS) or not self._points:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = QColor(palette.INK)
        ink.setAlphaF(LINE_OPACITY)
        line = QPen(ink, LINE_WIDTH)
        if self._dashed:
            line.setStyle(Qt.PenStyle.DashLine)
        line.setCapStyle(Qt.PenCapStyle.RoundCap)
        line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(self._points[0].x, self._points[0].y))
        for point in self._points[1:]:
            path.lineTo(point.x, point.y)
        painter.drawPath(path)


class EmotionCurve:
    """The curve in a scene: made when first shown, removed when switched off. A dashed
    curve (the future state's, in Compare) draws no guides of its own."""

    def __init__(self, scene: QGraphicsScene, dashed: bool = False) -> None:
        self._scene = scene
        self._dashed = dashed
        self._item: EmotionCurveItem | None = None

    @property
    def item(self) -> EmotionCurveItem | None:
        return self._item

    def show(self, emotions: list[StageEmotion], layout: GridLayout, names: dict[str, str]) -> None:
        if self._item is None:
            self._item = EmotionCurveItem(self._dashed)
            self._scene.addItem(self._item)
            if not self._dashed:
                self._scene.addItem(self._item.guides)
        self._item.show_curve(emotions, layout, names)

    def clear(self) -> None:
        if self._item is not None:
            if self._item.guides.scene() is not None:
                self._scene.removeItem(self._item.guides)
            self._scene.removeItem(self._item)
            self._item = None


def _tooltip(emotion: StageEmotion, names: dict[str, str]) -> str:
    touchpoints = f"{emotion.count} touchpoint{'s' if emotion.count != 1 else ''}"
    spread = ""
    if emotion.lowest != emotion.highest:
        spread = (
            f"\nfrom {emotion.lowest:+d} ({EMOTION_WORDS[emotion.lowest]}) "
            f"to {emotion.highest:+d} ({EMOTION_WORDS[emotion.highest]})"
        )
    return (
        f"{names.get(emotion.stage_id, '?')}: mean emotion {emotion_text(emotion.mean)} "
        f"over {touchpoints}{spread}"
    )
