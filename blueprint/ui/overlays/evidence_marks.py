"""The evidence overlay: a mark on the top-left corner of every card saying how well the
card is backed (``analysis.evidence``), so a team sees where it is guessing.

Three marks that differ in shape and letter, not in colour alone: a solid disc "M"
(measured data or evidence), a ring "E" (estimates only), a dashed hollow circle "?"
(nothing). One item draws them all, as the heat map's labels are drawn: a repaint at fit
costs one call, not hundreds. Hovering a mark tells what backs its card.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...analysis.evidence import Backing, CardBacking
from ..canvas import palette
from ..canvas.card import CARD_Z
from ..canvas.drawing import CELLS, MARK_EDGE_WIDTH, SIMPLE_DETAIL, colour, font, shows
from ..canvas.layout import GridLayout
from .colours import EVIDENCE_ESTIMATED, EVIDENCE_MEASURED
from .spots import SpotsItem

#: Over the cards, under a card being dragged.
MARK_Z = CARD_Z + 0.5
RADIUS = 12.0
#: The ring of "estimates only": wide enough to read as a ring, not as an edge.
RING = 4.0
LETTER_FONT = 14

LETTERS = {Backing.MEASURED: "M", Backing.ESTIMATED: "E", Backing.NOTHING: "?"}
WORDS = {
    Backing.MEASURED: "measured data or evidence",
    Backing.ESTIMATED: "estimates only",
    Backing.NOTHING: "nothing: a guess",
}


def backing_tooltip(title: str, card: CardBacking) -> str:
    """What a mark says on hover: the card, the verdict, and what it has."""
    facts = card.facts()
    lines = [title, f"Backed by {WORDS[card.backing]} ({LETTERS[card.backing]})"]
    lines += facts or ["No measure, no evidence, no friction frequency"]
    return "\n".join(lines)


def paint_mark(
    painter: QPainter, centre: QPointF, backing: Backing, radius: float = RADIUS, letter=True
) -> None:
    """One mark, centred on ``centre``: also the legend's."""
    edge = QPen(colour(palette.MARK_EDGE), MARK_EDGE_WIDTH)
    disc = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    if backing == Backing.MEASURED:
        painter.setPen(edge)
        painter.setBrush(colour(EVIDENCE_MEASURED))
        painter.drawEllipse(disc)
        ink = palette.ink_on(EVIDENCE_MEASURED)
    elif backing == Backing.ESTIMATED:
        painter.setPen(edge)
        painter.setBrush(colour(EVIDENCE_ESTIMATED))
        painter.drawEllipse(disc)
        ring = radius * RING / RADIUS
        painter.setBrush(colour(palette.CARD))
        painter.drawEllipse(disc.adjusted(ring, ring, -ring, -ring))
        ink = palette.INK
    else:
        dashed = QPen(colour(palette.MARK_EDGE), 1.6, Qt.PenStyle.CustomDashLine)
        dashed.setDashPattern([2.5, 1.8])
        painter.setPen(dashed)
        painter.setBrush(colour(palette.CARD))
        painter.drawEllipse(disc.adjusted(0.8, 0.8, -0.8, -0.8))
        ink = palette.INK
    if letter:
        painter.setPen(colour(ink))
        painter.setFont(font(round(LETTER_FONT * radius / RADIUS), True))
        painter.drawText(disc, int(Qt.AlignmentFlag.AlignCenter), LETTERS[backing])


@dataclass(frozen=True, slots=True)
class BackingMark:
    """One card's mark as drawn."""

    touchpoint_id: str
    backing: Backing
    centre: QPointF
    tooltip: str

    @property
    def area(self) -> QRectF:
        return QRectF(
            self.centre.x() - RADIUS - 1,
            self.centre.y() - RADIUS - 1,
            2 * RADIUS + 2,
            2 * RADIUS + 2,
        )


class BackingMarksItem(SpotsItem[BackingMark]):
    def __init__(self) -> None:
        super().__init__(MARK_Z)

    def marks(self) -> list[BackingMark]:
        return list(self._spots)

    @staticmethod
    def _area(mark: BackingMark) -> QRectF:
        return mark.area

    @staticmethod
    def _tip(mark: BackingMark) -> str:
        return mark.tooltip

    @staticmethod
    def _outline(shape: QPainterPath, area: QRectF) -> None:
        shape.addEllipse(area)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, CELLS):
            return
        legible = option.levelOfDetailFromTransform(painter.worldTransform()) >= SIMPLE_DETAIL
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        exposed = option.exposedRect
        for mark in self._spots:
            if mark.area.intersects(exposed):
                paint_mark(painter, mark.centre, mark.backing, letter=legible)


class BackingMarks:
    """The evidence overlay in a scene: made when first shown, removed when switched off."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._item: BackingMarksItem | None = None

    @property
    def item(self) -> BackingMarksItem | None:
        return self._item

    def marks(self) -> dict[str, BackingMark]:
        """Touchpoint id -> its mark, as drawn."""
        return {} if self._item is None else {m.touchpoint_id: m for m in self._item.marks()}

    def show(self, cards: dict[str, CardBacking], titles: dict[str, str], layout: GridLayout):
        marks = [
            BackingMark(
                tp_id,
                card.backing,
                QPointF(layout.cards[tp_id].x, layout.cards[tp_id].y),
                backing_tooltip(titles.get(tp_id, ""), card),
            )
            for tp_id, card in cards.items()
            if tp_id in layout.cards
        ]
        if self._item is None:
            self._item = BackingMarksItem()
            self._scene.addItem(self._item)
        self._item.show_spots(marks)

    def clear(self) -> None:
        if self._item is not None:
            self._scene.removeItem(self._item)
            self._item = None
