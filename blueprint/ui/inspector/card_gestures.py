"""Cards at the speed of a workshop: a right-click on a card offers its actions, and a flow
is drawn as in every diagram tool, by dragging from the handle on the selected card's edge
to the next card (or by Connect To…, then a click on the next card).

Like rename in place, it sits on the canvas view from outside (an event filter on its
viewport and one handle item in its scene): the canvas code knows nothing about it. Every
change goes through the Edit actions' commands.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QBrush, QContextMenuEvent, QKeyEvent, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsLineItem, QMenu, QWidget
from shiboken6 import isValid

from ..canvas import palette
from ..canvas.card import CardItem
from ..canvas.drawing import colour
from ..canvas.view import CanvasView
from .edit_actions import EditActions

HANDLE_RADIUS = 8
#: Above the cards and the flows.
HANDLE_Z = 50
HANDLE_HINT = "Drag to another card to draw a flow"
PICK_HINT = "Click the card the customer goes to next (Esc cancels)."


class FlowHandle(QGraphicsEllipseItem):
    """The dot on the right edge of the one selected card: drag it to draw a flow."""

    def __init__(self) -> None:
        r = HANDLE_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.setZValue(HANDLE_Z)
        self.setToolTip(HANDLE_HINT)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the gesture filter takes it
        self.touchpoint_id: str | None = None
        self.restyle()
        self.hide()

    def restyle(self) -> None:
        self.setBrush(QBrush(colour(palette.SELECTION)))
        self.setPen(QPen(colour(palette.CARD), 2))


class CardGestures(QObject):
    def __init__(
        self,
        view: CanvasView,
        actions: EditActions,
        edit: Callable[[str], None],
        add_friction: Callable[[str], None],
        delete: QAction | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._scene = view.blueprint_scene
        self._actions = actions
        self._edit = edit
        self._add_friction = add_friction
        self._delete = delete
        self.menu = QMenu(parent)
        self.menu.setObjectName("cardMenu")
        self.handle = FlowHandle()
        self._scene.addItem(self.handle)
        self._line: QGraphicsLineItem | None = None
        #: the card a flow is being drawn from (by the handle, or by Connect To…)
        self._from: str | None = None
        self._picking = False
        self._scene.selectionChanged.connect(self._place_handle)
        self._scene.layoutChanged.connect(self._place_handle)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)

    # --- the handle ---------------------------------------------------------------------------

    def _place_handle(self) -> None:
        if not isValid(self._scene) or not isValid(self.handle):
            return
        chosen = self._scene.selected_touchpoint_ids()
        card = self._scene.card(chosen[0]) if len(chosen) == 1 else None
        if card is None or not card.isVisible():
            self.handle.hide()
            self.handle.touchpoint_id = None
            return
        edge = card.sceneBoundingRect()
        self.handle.touchpoint_id = card.touchpoint_id
        self.handle.setPos(edge.right(), edge.center().y())
        self.handle.restyle()
        self.handle.show()

    # --- the menu -----------------------------------------------------------------------------

    def fill(self, touchpoint_id: str) -> QMenu:
        """The card's menu: what a right-click on it shows."""
        menu, actions = self.menu, self._actions
        menu.clear()
        title = self._scene.document.touchpoint(touchpoint_id).title
        menu.setTitle(f"Card {title}")
        menu.setAccessibleName(f"Touchpoint {title}")
        menu.addSection(title if len(title) <= 40 else title[:39] + "…")
        self._add("&Edit in Inspector", "Show every field of this card", self._edit, touchpoint_id)
        menu.addAction(actions.rename_action)
        self._add(
            "Add &Friction Point",
            "Add a friction point to this card",
            self._add_friction,
            touchpoint_id,
        )
        self._add(
            "C&onnect To…",
            "Draw a flow from this card to the next card you click",
            self.start_picking,
            touchpoint_id,
        )
        menu.addSeparator()
        for action in (actions.duplicate_action, actions.copy_action, actions.cut_action):
            menu.addAction(action)
        if self._delete is not None:
            menu.addAction(self._delete)
        return menu

    def _add(self, text: str, tip: str, slot: Callable[[str], object], touchpoint_id: str):
        action = self.menu.addAction(text)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda: slot(touchpoint_id))

    # --- drawing a flow -----------------------------------------------------------------------

    def start_picking(self, touchpoint_id: str) -> None:
        """Connect To…: the next card clicked is where the flow goes."""
        self._from = touchpoint_id
        self._picking = True
        self._view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self._actions.message.emit(PICK_HINT)

    def _finish(self, target: CardItem | None) -> None:
        source = self._from
        self._from = None
        self._picking = False
        self._view.viewport().unsetCursor()
        if self._line is not None:
            self._scene.removeItem(self._line)
            self._line = None
        if source is None:
            return
        if target is None or target.touchpoint_id == source:
            self._actions.message.emit("No flow drawn: end it on another card.")
            return
        self._actions.connect_cards(source, target.touchpoint_id)

    def _start_drag(self, point: QPointF) -> None:
        self._from = self.handle.touchpoint_id
        start = self.handle.scenePos()
        self._line = QGraphicsLineItem(QLineF(start, point))
        pen = QPen(colour(palette.SELECTION), 2.5, Qt.PenStyle.DashLine)
        self._line.setPen(pen)
        self._line.setZValue(HANDLE_Z - 1)
        self._scene.addItem(self._line)

    def _card_at(self, viewport_point) -> CardItem | None:
        point = self._view.mapToScene(viewport_point)
        return next(
            (i for i in self._scene.items(point) if isinstance(i, CardItem) and i.isVisible()),
            None,
        )

    # --- events -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._view:
            escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
            if self._from is not None and kind == QEvent.Type.KeyPress and escape:
                self._from = None  # nothing to connect: _finish only tidies up
                self._finish(None)
                self._actions.message.emit("No flow drawn.")
                return True
            if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
                return self._keyboard_menu(event)
            return False
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._context_menu(event)
        if not isinstance(event, QMouseEvent):
            return False
        position = event.position().toPoint()
        left = event.button() == Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonPress and left:
            if self._picking:
                self._finish(self._card_at(position))
                return True
            if self.handle.isVisible() and self._on_handle(position):
                self._start_drag(self._view.mapToScene(position))
                return True
        elif kind == QEvent.Type.MouseMove and self._line is not None:
            line = self._line.line()
            self._line.setLine(QLineF(line.p1(), self._view.mapToScene(position)))
            return True
        elif kind == QEvent.Type.MouseButtonRelease and left and self._line is not None:
            self._finish(self._card_at(position))
            return True
        return False

    def _on_handle(self, viewport_point) -> bool:
        return self.handle in self._view.items(viewport_point)

    def _keyboard_menu(self, event: QContextMenuEvent) -> bool:
        """The Menu key or Shift+F10: the menu of the selected card, under it (a mouse's
        menu is of the card under the pointer, which the keys do not move)."""
        if event.reason() != QContextMenuEvent.Reason.Keyboard:
            return False
        selected = self._scene.selected_touchpoint_ids()
        card = self._scene.card(selected[-1]) if selected else None
        if card is None or not card.isVisible():
            return False
        self.fill(card.touchpoint_id)
        corner = self._view.mapFromScene(card.sceneBoundingRect().bottomLeft())
        self.menu.popup(self._view.viewport().mapToGlobal(corner))
        return True

    def _context_menu(self, event: QContextMenuEvent) -> bool:
        card = self._card_at(event.pos())
        if card is None:
            return False
        if card.touchpoint_id not in self._scene.selected_touchpoint_ids():
            self._scene.select_touchpoints([card.touchpoint_id])
        self.fill(card.touchpoint_id)
        self.menu.popup(event.globalPos())
        return True
