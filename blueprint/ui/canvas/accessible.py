"""The canvas as assistive technology sees it: a list of its cards, each with its title,
its stage and channel, its EPIC scores and its friction, following the selection.

Items of a graphics scene are not widgets, so Qt shows a screen reader nothing of them. An
accessibility factory gives the canvas view an interface of its own, whose children are the
cards, in reading order (stage by stage, channel by channel, down each cell); when the
selection moves, the focus event names the card, so a screen reader says it.

Lifetimes: Qt's accessibility cache owns the view's interface and deletes it with the view.
The cards' interfaces are made here, registered with the cache at once and removed from it
when their card goes or the view goes: none is left for the cache to delete at exit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
)
from PySide6.QtWidgets import QAccessibleWidget, QGraphicsView
from shiboken6 import isValid

from .card import CardItem
from .scene import BlueprintScene

Role = QAccessible.Role
Text = QAccessible.Text
Event = QAccessible.Event

#: The view classes that get the interface (the header strips show the same scene, and
#: must not list the cards again).
_view_types: set[type[QGraphicsView]] = set()


def install_canvas_accessibility(view_type: type[QGraphicsView]) -> None:
    """Give every view of this type its accessible interface."""
    if not _view_types:
        QAccessible.installFactory(_factory)
    _view_types.add(view_type)


def announce(source: QObject, message: str) -> None:
    """Have a screen reader say ``message`` about ``source``: the canvas (a place with no
    card in it, which has no child of its own to be focused), or the status bar."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source, message))


def _factory(_class_name: str, candidate: QObject) -> QAccessibleInterface | None:
    if type(candidate) in _view_types and isinstance(candidate.scene(), BlueprintScene):
        return CanvasAccessible(candidate)
    return None


class CardAccessible(QAccessibleInterface):
    """One card, a child of the canvas's interface."""

    def __init__(self, canvas: CanvasAccessible, touchpoint_id: str) -> None:
        super().__init__()
        self._canvas = canvas
        self.touchpoint_id = touchpoint_id

    def _card(self) -> CardItem | None:
        return self._canvas.card(self.touchpoint_id)

    def isValid(self) -> bool:
        return isValid(self._canvas) and self._card() is not None

    def object(self) -> QObject | None:
        return None

    def window(self) -> QAccessibleInterface | None:
        return self._canvas.window()

    def parent(self) -> QAccessibleInterface | None:
        return self._canvas

    def child(self, _index: int) -> QAccessibleInterface | None:
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:
        return None

    def focusChild(self) -> QAccessibleInterface | None:
        return None

    def relations(self, _match=None) -> list:
        return []

    def role(self) -> QAccessible.Role:
        return Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        card = self._card()
        if card is None:
            return ""
        if kind == Text.Name:
            return card.face.title
        if kind == Text.Description:
            return self._canvas.describe(self.touchpoint_id)
        return ""

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:
        """Titles change through the document, never through this."""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = True
        state.focusable = True
        card = self._card()
        if card is None:
            state.invalid = True
            return state
        state.selected = card.isSelected()
        state.focused = card.hasFocus() and self._canvas.view.hasFocus()
        state.offscreen = not self._canvas.shows(card)
        return state

    def rect(self) -> QRect:
        card = self._card()
        if card is None:
            return QRect()
        return self._canvas.screen_rect(card)


class CanvasAccessible(QAccessibleWidget):
    """The canvas view: a list whose children are the cards."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, Role.List)
        self.view = view
        self._scene: BlueprintScene = view.scene()  # type: ignore[assignment]
        #: touchpoint id -> (its interface, its id in Qt's accessibility cache)
        self._cards: dict[str, tuple[CardAccessible, int]] = {}
        self._order: list[str] | None = None
        self._follower = _SelectionFollower(self, view)

    # --- the cards -----------------------------------------------------------------------

    def card(self, touchpoint_id: str) -> CardItem | None:
        return self._scene.card(touchpoint_id) if isValid(self._scene) else None

    def order(self) -> list[str]:
        """The cards in reading order: stage by stage, channel by channel, down each cell."""
        if self._order is None:
            layout = self._scene.grid_layout
            stages = {stage_id: i for i, stage_id in enumerate(layout.columns)}
            channels = {channel_id: i for i, channel_id in enumerate(layout.rows)}
            self._order = sorted(
                layout.slots,
                key=lambda tp: (
                    stages[layout.slots[tp].stage_id],
                    channels[layout.slots[tp].channel_id],
                    layout.slots[tp].index,
                ),
            )
        return self._order

    def forget_order(self) -> None:
        """The cards moved, came or went: the reading order is made again when asked."""
        self._order = None
        gone = [tp for tp in self._cards if self._scene.card(tp) is None]
        for touchpoint_id in gone:
            _interface, unique_id = self._cards.pop(touchpoint_id)
            QAccessible.deleteAccessibleInterface(unique_id)

    def forget_all(self) -> None:
        """The view is going: take every card's interface out of Qt's cache."""
        for _interface, unique_id in self._cards.values():
            QAccessible.deleteAccessibleInterface(unique_id)
        self._cards.clear()

    def card_interface(self, touchpoint_id: str) -> CardAccessible:
        known = self._cards.get(touchpoint_id)
        if known is None:
            interface = CardAccessible(self, touchpoint_id)
            known = self._cards[touchpoint_id] = (
                interface,
                QAccessible.registerAccessibleInterface(interface),
            )
        return known[0]

    def describe(self, touchpoint_id: str) -> str:
        card = self._scene.card(touchpoint_id)
        touchpoint = self._scene.document.get("touchpoints", touchpoint_id)
        if card is None or touchpoint is None:
            return ""
        stage = self._scene.document.get("stages", touchpoint.stage_id)
        channel = self._scene.document.get("channels", touchpoint.channel_id)
        said = card.face.described(stage.name if stage else "?", channel.name if channel else "?")
        emphasis = card.emphasis
        if emphasis.outline is not None:
            said = f"Marked. {said}"  # a search result, or what an improvement addresses
        elif emphasis.opacity < 1:
            # Faded on screen by a filter (or another card's highlight): it read like the
            # others, so a screen reader could not tell which cards the filter kept.
            said = f"Faded. {said}"
        return said

    def shows(self, card: CardItem) -> bool:
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        return shown.intersects(card.sceneBoundingRect())

    def screen_rect(self, card: CardItem) -> QRect:
        port = self.view.viewport()
        on_port = self.view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        return QRect(port.mapToGlobal(on_port.topLeft()), on_port.size())

    # --- the interface -------------------------------------------------------------------

    def childCount(self) -> int:
        return len(self.order())

    def child(self, index: int) -> QAccessibleInterface | None:
        order = self.order()
        if not 0 <= index < len(order):
            return None
        return self.card_interface(order[index])

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if isinstance(child, CardAccessible) and child.touchpoint_id in self.order():
            return self.order().index(child.touchpoint_id)
        return -1

    def focusChild(self) -> QAccessibleInterface | None:
        focused = self._scene.focusItem()
        if isinstance(focused, CardItem) and focused.isSelected():
            return self.card_interface(focused.touchpoint_id)
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        port = self.view.viewport()
        point = self.view.mapToScene(port.mapFromGlobal(QPoint(x, y)))
        for item in self._scene.items(point):
            if isinstance(item, CardItem) and item.isVisible():
                return self.card_interface(item.touchpoint_id)
        return None

    def index_of(self, touchpoint_id: str) -> int:
        order = self.order()
        return order.index(touchpoint_id) if touchpoint_id in order else -1


class _SelectionFollower(QObject):
    """Tells assistive technology what changed on the canvas: the card the keys act on
    (a focus event naming it), the selection, a card's title."""

    def __init__(self, accessible: CanvasAccessible, view: QGraphicsView) -> None:
        super().__init__(view)
        self._accessible = accessible
        self._view = view
        scene: BlueprintScene = view.scene()  # type: ignore[assignment]
        self._scene = scene
        scene.focusItemChanged.connect(self._focus_moved)
        scene.selectionChanged.connect(self._selection_changed)
        scene.layoutChanged.connect(self._layout_changed)
        scene.document.touchpointChanged.connect(self._card_changed)
        view.destroyed.connect(accessible.forget_all)

    def _alive(self) -> bool:
        # The scene and the view announce changes while they are being destroyed.
        return isValid(self._scene) and isValid(self._view)

    def _send(self, kind: QAccessible.Event, touchpoint_id: str) -> None:
        if not self._alive() or not QAccessible.isActive():
            return
        index = self._accessible.index_of(touchpoint_id)
        if index < 0:
            return
        event = QAccessibleEvent(self._view, kind)
        event.setChild(index)
        QAccessible.updateAccessibility(event)

    def _focus_moved(self, new, _old, _reason: Qt.FocusReason) -> None:
        if self._alive() and isinstance(new, CardItem) and self._view.hasFocus():
            self._send(Event.Focus, new.touchpoint_id)

    def _selection_changed(self) -> None:
        if not self._alive():
            return
        chosen = self._scene.selected_touchpoint_ids()
        if len(chosen) == 1:
            self._send(Event.Selection, chosen[0])

    def _layout_changed(self) -> None:
        if self._alive():
            self._accessible.forget_order()

    def _card_changed(self, touchpoint_id: str) -> None:
        self._send(Event.NameChanged, touchpoint_id)
