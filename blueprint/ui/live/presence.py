"""The others' selections on the cards: a ring in the person's colour, and their name.

Never by colour alone: each ring carries a label with the person's name, in the ink that
reads on their colour (``palette.ink_on``). One item draws every ring, over the cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...collab.session import Peer
from ..canvas import palette
from ..canvas.card import CARD_Z
from ..canvas.drawing import colour, font
from ..canvas.scene import BlueprintScene

#: Over the cards and the overlays' marks.
PRESENCE_Z = CARD_Z + 0.8
RING_WIDTH = 4.0
#: How far out of the card the ring is drawn, per person on the same card.
RING_GAP = 5.0
LABEL_FONT = 13
LABEL_PAD = 4.0

#: The colours a person can pick, named (the name is what the join dialog shows). Each has
#: 3:1 against a white card (a ring) and 4.5:1 with its label's ink (tests/ui/live).
PEER_COLOURS: dict[str, str] = {
    "Blue": "#1f5fbf",
    "Green": "#1b7a3a",
    "Purple": "#7b3fa8",
    "Red": "#b3261e",
    "Teal": "#00727a",
    "Brown": "#8a5300",
}
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
FALLBACK = "#595959"


def readable_colour(value: str) -> str:
    """A peer's colour as sent, when it is one; grey otherwise (it comes from the network)."""
    return value.lower() if _HEX.match(value or "") else FALLBACK


@dataclass(frozen=True)
class Ring:
    touchpoint_id: str
    name: str
    colour: str
    rect: QRectF
    label: QRectF


class PresenceItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._rings: list[Ring] = []
        self._bounds = QRectF()
        self.setZValue(PRESENCE_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def rings(self) -> list[Ring]:
        return list(self._rings)

    def show_rings(self, rings: list[Ring]) -> None:
        bounds = QRectF()
        for ring in rings:
            bounds = bounds.united(ring.rect.adjusted(-3, -3, 3, 3)).united(ring.label)
        self.prepareGeometryChange()
        self._rings, self._bounds = rings, bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never takes a click or a hover from the cards

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_font = font(LABEL_FONT, True)
        painter.setFont(label_font)
        for ring in self._rings:
            painter.setPen(QPen(colour(ring.colour), RING_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ring.rect, 8, 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour(ring.colour))
            painter.drawRoundedRect(ring.label, 4, 4)
            painter.setPen(colour(palette.ink_on(ring.colour)))
            painter.drawText(ring.label, int(Qt.AlignmentFlag.AlignCenter), ring.name)


class PresenceLayer:
    """The others' selections in one scene, redrawn when they or the layout change."""

    def __init__(self, scene: BlueprintScene) -> None:
        self._scene = scene
        self._peers: list[Peer] = []
        self.item = PresenceItem()
        scene.addItem(self.item)
        scene.layoutChanged.connect(self.redraw)

    def show_peers(self, peers: list[Peer]) -> None:
        self._peers = list(peers)
        self.redraw()

    def redraw(self) -> None:
        metrics = QFontMetricsF(font(LABEL_FONT, True))
        rings: list[Ring] = []
        on_card: dict[str, int] = {}
        for peer in self._peers:
            name = " ".join(peer.name.split())[:40] or "?"
            for tp_id in peer.selection:
                card = self._scene.card(tp_id)
                if card is None or not card.isVisible():
                    continue
                depth = on_card.get(tp_id, 0)
                on_card[tp_id] = depth + 1
                gap = RING_GAP + depth * (RING_WIDTH + 2)
                rect = card.sceneBoundingRect().adjusted(-gap, -gap, gap, gap)
                width = metrics.horizontalAdvance(name) + 2 * LABEL_PAD
                height = metrics.height() + LABEL_PAD
                # Under the card, not over it: the top row's would hide under the frozen
                # stage headers, and the card's own title stays readable.
                label = QRectF(rect.right() - width, rect.bottom() - RING_WIDTH / 2, width, height)
                rings.append(Ring(tp_id, name, readable_colour(peer.color), rect, label))
        self.item.show_rings(rings)

    def clear(self) -> None:
        self.show_peers([])
