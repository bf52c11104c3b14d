"""The Structure menu of the menu bar: the same operations as the headers' menus, on the
stage and channel of the selected card (or of the cell clicked last), for the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from ..menus import describe
from .axes import CHANNELS, STAGES, Axis
from .operations import StructureOperations

#: The cell the user is working in: (stage id, channel id), or None.
CurrentCell = Callable[[], tuple[str, str] | None]
NO_CELL = "Select a card or click in a cell first, or right-click a header."

#: (text, operation, step) for each axis; the tips name the selected card's stage/channel.
STAGE_ENTRIES = (
    ("&Rename Stage", "rename", 0),
    ("Stage &Properties…", "properties", 0),
    ("Move Stage &Left", "move", -1),
    ("Move Stage Righ&t", "move", 1),
    ("Remo&ve Stage…", "remove", 0),
)
CHANNEL_ENTRIES = (
    ("Re&name Channel", "rename", 0),
    ("Channel Pr&operties…", "properties", 0),
    ("Move Channel &Up", "move", -1),
    ("Move Channel &Down", "move", 1),
    ("Remove C&hannel…", "remove", 0),
)
TIPS = {
    "rename": "Rename the {noun} of the selected card in place",
    "properties": "Edit the properties of the {noun} of the selected card",
    "move": "Move the {noun} of the selected card one place {side}",
    "remove": "Remove the {noun} of the selected card, after showing what goes with it",
}


class StructureMenu:
    def __init__(
        self,
        window: QMainWindow,
        operations: StructureOperations,
        current_cell: CurrentCell,
        help_menu: QMenu,
    ) -> None:
        self._window = window
        self._operations = operations
        self._current_cell = current_cell
        self.menu = QMenu("&Structure", window)
        self.menu.setObjectName("structureMenu")
        #: actions on the current stage or channel: action -> (axis, step of a move or 0)
        self._on_cell: dict[QAction, tuple[Axis, int]] = {}
        self.add_stage = self._action(
            "Add &Stage",
            "Add a stage after the stage of the selected card, or at the end",
            lambda: self._add(STAGES),
        )
        self.add_channel = self._action(
            "Add &Channel",
            "Add a channel below the channel of the selected card, or at the end",
            lambda: self._add(CHANNELS),
        )
        for axis, entries in ((STAGES, STAGE_ENTRIES), (CHANNELS, CHANNEL_ENTRIES)):
            self.menu.addSeparator()
            for text, operation, step in entries:
                side = axis.before if step < 0 else axis.after
                tip = TIPS[operation].format(noun=axis.noun, side=side)
                action = self._action(text, tip, self._act(axis, operation, step))
                self._on_cell[action] = (axis, step)
        self.menu.aboutToShow.connect(self.update)
        window.menuBar().insertMenu(help_menu.menuAction(), self.menu)  # Help stays last

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        describe(action, tip)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def actions(self) -> dict[str, QAction]:
        """Every action of the menu by its text without '&'."""
        return {a.text().replace("&", ""): a for a in self.menu.actions() if not a.isSeparator()}

    def update(self) -> None:
        """Enable what applies to the current cell (called as the menu opens)."""
        for action, (axis, step) in self._on_cell.items():
            entity_id = self._current(axis)
            usable = entity_id is not None
            if entity_id is not None and step:
                usable = self._operations.can_move(axis, entity_id, step)
            action.setEnabled(usable)

    def _current(self, axis: Axis) -> str | None:
        cell = self._current_cell()
        if cell is None:
            return None
        return cell[0] if axis is STAGES else cell[1]

    def _add(self, axis: Axis) -> None:
        current = self._current(axis)
        if current is None:
            self._operations.add(axis)
        else:
            self._operations.add_beside(axis, current, True)

    def _act(self, axis: Axis, operation: str, step: int) -> Callable[[], None]:
        def act() -> None:
            ops, entity_id = self._operations, self._current(axis)
            if entity_id is None:
                ops.message.emit(NO_CELL)
            elif operation == "rename":
                ops.start_rename(axis, entity_id)
            elif operation == "properties":
                ops.show_properties(axis, entity_id)
            elif operation == "move":
                ops.move_by(axis, entity_id, step)
            else:
                ops.remove(axis, entity_id)

        return act
