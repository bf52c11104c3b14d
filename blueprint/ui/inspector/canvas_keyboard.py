"""The canvas as a keyboard surface: the arrow keys move the selection from card to card and
cell to cell, Enter edits.

With a card selected, an arrow selects the neighbouring card (see ``canvas.navigation``); an
empty cell gets the cell cursor instead, the outline of the cell where Enter (or Ctrl+Enter,
Edit > Add Touchpoint) puts a new card. Enter on a card edits its title in place; Escape
leaves the editor. Tabbing into the canvas puts the selection, or the cursor, where the keys
start. The card the keys act on has the keyboard focus, and draws its focus ring.

It sits on the view from outside (an event filter), as rename in place does; selection is
view state, never on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from shiboken6 import isValid

from ..canvas.accessible import announce
from ..canvas.card import CardItem
from ..canvas.cell_marker import CellMarker
from ..canvas.navigation import (
    Direction,
    Place,
    first_place,
    nearest_cell,
    place_in,
    place_of,
    position,
    step,
)
from ..canvas.view import CanvasView
from .inline_rename import InlineRename
from .selection import CanvasSelection

#: What the canvas's own keys do (the menus' keys are listed from the menus), for Help >
#: Keyboard Shortcuts: (keys, what they do).
CANVAS_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab", "Into the canvas: the selected card, else the top-left cell"),
    ("Arrow keys", "The next card, or the next cell, in that direction"),
    (
        "Shift+arrow keys",
        "Also choose the next card in that direction (two cards: Ctrl+L connects them)",
    ),
    ("Enter", "On a card: edit its title; on an empty cell: add a card"),
    ("Escape", "Stop editing a title (on a card just added: take the card back)"),
    ("Menu key, Shift+F10", "The selected card's menu (as a right-click opens it)"),
    ("Alt+letter", "The menu, field or button with that letter underlined"),
)

ARROWS = {
    Qt.Key.Key_Left: Direction.LEFT,
    Qt.Key.Key_Right: Direction.RIGHT,
    Qt.Key.Key_Up: Direction.UP,
    Qt.Key.Key_Down: Direction.DOWN,
}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Focus that arrives by the keyboard: the keys must then have somewhere to start.
KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
#: Focus that comes back to the canvas from a menu, a dialog or another window.
RETURNING = (
    Qt.FocusReason.PopupFocusReason,
    Qt.FocusReason.ActiveWindowFocusReason,
    Qt.FocusReason.MenuBarFocusReason,
)
#: Room kept around a card or cell scrolled into sight, in pixels.
MARGIN = 24


class CanvasKeyboard(QObject):
    def __init__(
        self,
        view: CanvasView,
        selection: CanvasSelection,
        rename: InlineRename,
        add_touchpoint: Callable[[], object],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._scene = view.blueprint_scene
        self._selection = selection
        self._rename = rename
        self._add_touchpoint = add_touchpoint
        #: the empty cell the arrows reached, outlined; None when a card is where keys act
        self.cursor = CellMarker(self._scene, self)
        self._cursor_cell: Place | None = None
        #: the card the keys acted on last, and one they acted on when it was removed (an
        #: undo brings it back chosen, while the keys are still on its cell)
        self._last: Place | None = None
        self._removed: Place | None = None
        #: where (column, row) the keys were last: a stage or channel removed under them,
        #: they go on from the cell that takes its place
        self._where: tuple[int, int] | None = None
        #: a card removed under the keys while the focus was away (in the dialog that asked
        #: to remove its channel): its cell is where the keys land once the focus is back
        self._pending: Place | None = None
        #: a blueprint just opened, where the keys have no place yet: they start at the
        #: top-left cell as soon as the canvas has the focus (a file opened from the command
        #: line, the Open dialog or Open Recent left them nowhere until an arrow was pressed)
        self._fresh = False
        self._landing = False  # the keys are being put on a removed card's cell
        self._stepping = False  # the keys are leaving a card for an empty cell
        self._scene.selectionChanged.connect(self._selection_changed)
        self._scene.document.documentReset.connect(self._forget)
        self._scene.document.edited.connect(self._edited)
        self._viewport = view.viewport()
        view.installEventFilter(self)
        self._viewport.installEventFilter(self)

    # --- where the keys act ------------------------------------------------------------------

    def current(self) -> Place | None:
        """The card the keys act on (the focused one among the selected), or the cell."""
        layout = self._scene.grid_layout
        card = self._focus_card()
        if card is not None:
            return place_of(layout, card.touchpoint_id)
        if self._cursor_cell is not None:
            return self._cursor_cell
        cell = self._selection.current_cell()
        return Place(*cell) if cell is not None else None

    def cursor_cell(self) -> tuple[str, str] | None:
        """The cell the cell cursor outlines, None when it is hidden."""
        return None if self._cursor_cell is None else self._cursor_cell.cell

    def move(self, direction: Direction) -> bool:
        """Select the neighbouring card or cell; False at the grid's edge."""
        layout = self._scene.grid_layout
        start = self.current()
        target = first_place(layout) if start is None else step(layout, start, direction)
        if target is None:
            return False
        self.go_to(target)
        return True

    def extend(self, direction: Direction) -> bool:
        """Also choose the next card in that direction, past empty cells, and move the keys
        onto it: cards are connected, or their flow removed, by the keys alone (the arrows
        only ever replaced the selection). False when no card lies that way."""
        layout = self._scene.grid_layout
        start = self.current()
        if start is None or start.touchpoint_id is None:
            return self.move(direction)
        target = step(layout, start, direction)
        while target is not None and target.touchpoint_id is None:
            target = step(layout, target, direction)
        card = self._scene.card(target.touchpoint_id) if target is not None else None
        if card is None:
            return False
        card.setSelected(True)  # added: picked after the others (the flow's direction)
        card.setFocus(Qt.FocusReason.OtherFocusReason)
        self._last = target
        self._keep_in_sight(card.sceneBoundingRect())
        count = len(self._selection.touchpoint_ids())
        announce(self._view, f"{count} cards chosen")
        return True

    def stepping_onto_a_cell(self) -> bool:
        """True while the keys move the selection onto an empty cell (see ``GiveWay``)."""
        return self._stepping

    def go_to(self, place: Place) -> None:
        if place.touchpoint_id is None:
            self._stepping = True
            try:
                self._scene.clearSelection()
            finally:
                self._stepping = False
            self._scene.setFocusItem(None)
            self._selection.choose_cell(place.cell)
            self._show_cursor(place)
            announce(self._view, self._empty_cell_words(place))
            box = self._scene.grid_layout.cell(*place.cell)
            self._keep_in_sight(QRectF(box.x, box.y, box.width, box.height))
            return
        self._scene.select_touchpoints([place.touchpoint_id])  # hides the cursor
        card = self._scene.card(place.touchpoint_id)
        if card is not None:
            card.setFocus(Qt.FocusReason.OtherFocusReason)
            self._keep_in_sight(card.sceneBoundingRect())

    def _empty_cell_words(self, place: Place) -> str:
        document = self._scene.document
        stage = document.get("stages", place.stage_id)
        channel = document.get("channels", place.channel_id)
        where = f"{stage.name if stage else '?'}, {channel.name if channel else '?'}"
        return f"Empty cell: {where}. Enter adds a touchpoint here."

    def _keep_in_sight(self, rect: QRectF) -> None:
        """Scroll ``rect`` into sight, now and once the window has laid itself out again:
        a selection may bring a side panel back, which narrows the canvas."""
        self._view.ensureVisible(rect, MARGIN, MARGIN)
        QTimer.singleShot(0, self, lambda: self._view.ensureVisible(rect, MARGIN, MARGIN))

    def activate(self) -> None:
        """Enter: edit the card's title, or add a card in the cell of the cursor."""
        card = self._focus_card()
        if card is not None:
            self._rename.start(card.touchpoint_id)
        elif self._cursor_cell is not None:
            self._add_touchpoint()

    def _focus_card(self) -> CardItem | None:
        """The selected card with the keyboard focus: the last one picked, if none has it."""
        chosen = self._selection.touchpoint_ids()
        if not chosen:
            return None
        focused = self._scene.focusItem()
        if isinstance(focused, CardItem) and focused.touchpoint_id in chosen:
            return focused
        return self._scene.card(chosen[-1])

    # --- the cell cursor ---------------------------------------------------------------------

    def _show_cursor(self, place: Place) -> None:
        self._cursor_cell = place
        self._fresh = False
        self._where = position(self._scene.grid_layout, place.cell)
        self.cursor.show_cell(place)

    def _hide_cursor(self) -> None:
        self._cursor_cell = None
        self.cursor.hide()

    def _forget(self) -> None:
        """Another blueprint: nothing of where the keys were holds; they start afresh."""
        self._hide_cursor()
        self._last = self._removed = self._pending = None
        self._where = None
        self._fresh = True
        QTimer.singleShot(0, self, self._start_if_nowhere)

    def _selection_changed(self) -> None:
        if not isValid(self._scene):
            return  # the scene announces its emptying while it is being destroyed
        if not self._selection.touchpoint_ids():
            if isinstance(self._scene.focusItem(), CardItem):
                self._scene.setFocusItem(None)  # no ring where the keys do not act
            last, self._last = self._last, None
            if last is not None and self._scene.card(last.touchpoint_id) is None:
                # The card the keys were on was removed (or marked gone tomorrow, in the
                # future state): they stay on its cell (once the scene has laid the change
                # out), not nowhere; at once when they are here, else once they are back.
                self._removed = last
                if self._view.hasFocus():
                    QTimer.singleShot(0, self, lambda: self._land_in(last))
                else:
                    self._pending = last
            return
        self._hide_cursor()
        self._pending = None
        self._fresh = False
        if not self._landing:
            self._removed = None  # chosen elsewhere: an undo no longer chooses it again
        card = self._focus_card()
        if card is None:
            return
        if self._scene.focusItem() is not card:
            self._scene.setFocusItem(card, Qt.FocusReason.OtherFocusReason)
        layout = self._scene.grid_layout
        self._last = place_of(layout, card.touchpoint_id)
        if self._last is not None:
            self._where = position(layout, self._last.cell)

    def _land_in(self, removed: Place) -> None:
        """The keys on the cell of a removed card: its first card left, else the cell; the
        cell that took its place when its stage or channel went with it."""
        if self._selection.touchpoint_ids() or self._cursor_cell is not None:
            return
        layout = self._scene.grid_layout
        cell = self._in_grid(removed.cell)
        if cell is None:
            return
        self._landing = True
        try:
            self.go_to(place_in(layout, cell))
        finally:
            self._landing = False

    def _keep_cursor_in_grid(self) -> None:
        """The cell cursor's stage or channel removed: the cursor on the cell that took its
        place (it stayed on a cell no longer in the grid, and no arrow moved it)."""
        place, layout = self._cursor_cell, self._scene.grid_layout
        if place is None or position(layout, place.cell) is not None:
            return
        cell = self._in_grid(place.cell)
        self._hide_cursor()
        if cell is not None:
            self.go_to(place_in(layout, cell))

    def _in_grid(self, cell: tuple[str, str]) -> tuple[str, str] | None:
        """``cell`` when the grid still has it; else the cell that took its place (from
        where the keys were), None when that is not known."""
        layout = self._scene.grid_layout
        if position(layout, cell) is not None:
            return cell
        return None if self._where is None else nearest_cell(layout, cell, self._where)

    def _edited(self) -> None:
        """An undo of the removal brings the card back: chosen again, where the keys are."""
        if self._cursor_cell is not None:  # once the scene has laid the change out
            QTimer.singleShot(0, self, self._keep_cursor_in_grid)
        removed = self._removed
        here = self.current()
        if (
            removed is None
            or here is None
            or here.cell != removed.cell  # the keys have moved on
            or self._scene.document.get("touchpoints", removed.touchpoint_id) is None
        ):
            return
        self._removed = None
        QTimer.singleShot(0, self, lambda: self._choose_again(removed))

    def _choose_again(self, place: Place) -> None:
        if self._scene.card(place.touchpoint_id) is not None:
            self.go_to(place)

    # --- keys ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The event's type first: the view is asked nothing about events it gets while it
        # is being destroyed.
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            if watched is self._viewport:
                self._hide_cursor()  # the mouse chooses now
                self._fresh = False  # and the keys start where it chose, not top-left
            return False
        if kind == QEvent.Type.MouseButtonRelease and watched is self._viewport:
            if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
                self._clicked(self._view.mapToScene(event.position().toPoint()))
            return False
        if watched is self._viewport:
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            self.cursor.set_resting(False)
            self._focused(event.reason())
        elif kind == QEvent.Type.FocusOut:
            self.cursor.set_resting(True)  # the keys went to a panel: one focus mark there
        return False

    def _clicked(self, point: QPointF) -> None:
        """A click on an empty place of a cell puts the cell cursor there: Enter adds a card
        in it, as when the arrows reach it (the click chose the cell, unseen, and Enter did
        nothing)."""
        cell = self._selection.current_cell()
        if self._selection.touchpoint_ids() or cell is None:
            return
        if self._scene.grid_layout.cell_at(point.x(), point.y()) == cell:
            self._show_cursor(Place(*cell))

    def _focused(self, reason: Qt.FocusReason) -> None:
        """Keyboard focus arrived: somewhere for the keys to start, in sight. Back from a
        menu or a dialog, the selected card takes the focus again (the scene forgot it)."""
        if reason in RETURNING:
            QTimer.singleShot(0, self, self._refocus)
            return
        if reason == Qt.FocusReason.OtherFocusReason and self._nowhere():
            # Given the keys by the window (a file opened, a template picked): they start
            # at the top-left cell, in sight, as Tab into the canvas does.
            QTimer.singleShot(0, self, self._start_if_nowhere)
            return
        if reason not in KEYBOARD_REASONS or self._cursor_cell is not None:
            # Back from elsewhere in the window (workshop mode's capture bar): the scene
            # gives the focus back to the card it had before, which the selection may have
            # left meanwhile (its ring stayed there, on the wrong card).
            QTimer.singleShot(0, self, self._refocus)
            return
        card = self._focus_card()
        if card is not None:  # the selection stays as it is; its card takes the focus
            self._scene.setFocusItem(card, Qt.FocusReason.OtherFocusReason)
            self._keep_in_sight(card.sceneBoundingRect())
            return
        cell = self._selection.current_cell()
        place = Place(*cell) if cell is not None else first_place(self._scene.grid_layout)
        if place is not None:
            self.go_to(place)

    def _nowhere(self) -> bool:
        """Nothing chosen, no cell clicked, no cell cursor: the keys have no place yet."""
        return (
            not self._selection.touchpoint_ids()
            and self._cursor_cell is None
            and self._selection.current_cell() is None
        )

    def _start_if_nowhere(self) -> None:
        """The cell cursor on the top-left cell when it is empty (a new blueprint); a card
        there is chosen by the first arrow instead, so the side panels a narrow screen put
        away do not come back before the user picks anything."""
        if self._view.hasFocus() and self._nowhere():
            self._fresh = False
            place = first_place(self._scene.grid_layout)
            if place is not None and place.touchpoint_id is None:
                self.go_to(place)

    def _refocus(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and self._view.hasFocus():
            self._land_in(pending)
        if self._fresh:
            self._start_if_nowhere()
        card = self._focus_card()
        if card is not None and self._view.hasFocus() and self._scene.focusItem() is not card:
            self._scene.setFocusItem(card, Qt.FocusReason.OtherFocusReason)
        elif card is None and isinstance(self._scene.focusItem(), CardItem):
            self._scene.setFocusItem(None)  # no ring where the keys do not act

    def _key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        direction = ARROWS.get(Qt.Key(event.key()))
        if modifiers == Qt.KeyboardModifier.ShiftModifier and direction is not None:
            self.extend(direction)
            return True
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False  # Ctrl+Enter is Edit > Add Touchpoint; the others scroll
        if direction is not None:
            self.move(direction)
            return True
        if event.key() in ENTER_KEYS and (self._focus_card() or self._cursor_cell):
            self.activate()
            return True
        return False
