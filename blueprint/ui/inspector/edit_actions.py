"""The Edit menu's actions on the canvas selection: add a touchpoint in the current cell,
rename it in place, copy, cut, paste, duplicate, connect two cards, remove flows.

Each action makes one command; a refusal goes to ``message`` in words, never a traceback.
Copy, cut and paste act on the focused text field when there is one, as users expect.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

from ...analysis.journey import channel_switches
from ...model import Presence, Touchpoint
from ..canvas.view import CanvasView
from ..commands import (
    AddFlow,
    AddTouchpoint,
    AddTouchpoints,
    RemoveFlows,
    RemoveTouchpoints,
    push_checked,
)
from ..commands.base import quoted
from ..document import Document
from ..menus import DUPLICATE_KEY, describe
from ..pages import show_page_of
from .clipboard import Clip, clip_from_mime, clip_of, fresh_copy, mime_of
from .inline_rename import InlineRename
from .selection import CanvasSelection

NEW_TOUCHPOINT_TITLE = "New touchpoint"
Keys = QKeySequence.StandardKey


def _text_field() -> QWidget | None:
    """The focused text field, which copy and paste are for while the user types."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QAbstractSpinBox):
        return focus.findChild(QLineEdit)
    return focus if isinstance(focus, QLineEdit | QPlainTextEdit) else None


class EditActions(QObject):
    #: what an action did, or why it was refused: for the status bar
    message = Signal(str)

    def __init__(
        self,
        document: Document,
        view: CanvasView,
        selection: CanvasSelection,
        rename: InlineRename,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._view = view
        self._scene = view.blueprint_scene
        self._selection = selection
        self._rename = rename
        self._pasted: list[str] = []
        window = parent if isinstance(parent, QWidget) else view
        make = self._factory(window)
        self.add_action = make(
            "&Add Touchpoint",
            self.add_touchpoint,
            ["Ctrl+Return", "Insert"],
            "Add a touchpoint after the selected card, or in the cell clicked last",
        )
        self.rename_action = make(
            "Re&name", self.rename_selected, ["F2"], "Rename the selected card in place"
        )
        self.cut_action = make(
            "Cu&t",
            self.cut_selection,
            Keys.Cut,
            "Cut the selected touchpoints with their friction points",
        )
        self.copy_action = make(
            "&Copy",
            self.copy_selection,
            Keys.Copy,
            "Copy the selected touchpoints with their friction points",
        )
        self.paste_action = make(
            "&Paste",
            self.paste_clipboard,
            Keys.Paste,
            "Paste touchpoints into the current cell, or where they came from",
        )
        self.duplicate_action = make(
            "Dupl&icate",
            self.duplicate_selection,
            [DUPLICATE_KEY],
            "Copy the selected touchpoints into their own cells",
        )
        self.connect_action = make(
            "C&onnect Cards",
            self.connect_selected,
            ["Ctrl+L"],
            "Link two selected cards with a flow, in the order they were selected",
        )
        self.remove_flows_action = make(
            "Remove F&low",
            self.remove_flows,
            [],
            "Remove the selected flow arrows, or the flow between the two cards chosen",
        )

    def _factory(self, window: QWidget) -> Callable[..., QAction]:
        def make(text: str, slot, keys: QKeySequence.StandardKey | list[str], tip: str) -> QAction:
            action = QAction(text, window)
            if isinstance(keys, QKeySequence.StandardKey):
                action.setShortcuts(keys)  # every key the platform knows for it
            else:
                action.setShortcuts([QKeySequence(key) for key in keys])
            describe(action, tip)
            action.triggered.connect(slot)
            window.addAction(action)
            return action

        return make

    def actions(self) -> list[QAction | None]:
        """In menu order; None is a separator."""
        return [
            self.add_action,
            self.rename_action,
            None,
            self.cut_action,
            self.copy_action,
            self.paste_action,
            self.duplicate_action,
            None,
            self.connect_action,
            self.remove_flows_action,
        ]

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        for action in self.actions():
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _new_state(self) -> Presence:
        return self._scene.shown.new_presence

    def _push(self, make: Callable[[], QUndoCommand]) -> bool:
        return push_checked(self._document, make, self.message.emit) is not None

    # --- touchpoints -------------------------------------------------------------------------

    def add_touchpoint(self) -> None:
        cell = self._selection.current_cell()
        if cell is None:
            self.message.emit("Select a card or click an empty place of a cell first.")
            return
        stage_id, channel_id = cell
        chosen = self._selection.touchpoint_ids()
        cell_index = None
        if chosen:
            in_cell = [t.id for t in self._document.cell_touchpoints(stage_id, channel_id)]
            cell_index = max(in_cell.index(i) for i in chosen) + 1
        self.add_touchpoint_in(stage_id, channel_id, cell_index)

    def add_touchpoint_in(self, stage_id: str, channel_id: str, cell_index: int | None = None):
        """A new card in this cell, selected, its title open for typing (as in Miro)."""
        touchpoint = Touchpoint(
            title=NEW_TOUCHPOINT_TITLE,
            stage_id=stage_id,
            channel_id=channel_id,
            state=self._new_state(),
        )
        if self._push(lambda: AddTouchpoint(self._document, touchpoint, cell_index)):
            self._scene.select_touchpoints([touchpoint.id])
            self._rename_in_place(touchpoint.id, new_card=True)

    def rename_selected(self) -> None:
        chosen = self._selection.touchpoint_ids()
        if len(chosen) != 1:
            self.message.emit("Select one card to rename it.")
            return
        self._rename_in_place(chosen[0])

    def _rename_in_place(self, touchpoint_id: str, new_card: bool = False) -> None:
        # The title is typed on the grid's card: the grid must be in sight, not behind the
        # lanes tab, or the keys would go to a field nobody sees.
        show_page_of(self._view)
        self._rename.start(touchpoint_id, new_card)

    # --- clipboard ---------------------------------------------------------------------------

    def copy_selection(self) -> bool:
        field = _text_field()
        if field is not None:
            field.copy()
            return False
        chosen = self._selection.touchpoint_ids()
        if not chosen:
            self.message.emit("Select the cards to copy first.")
            return False
        clip = clip_of(self._document.blueprint, chosen)
        QApplication.clipboard().setMimeData(mime_of(clip))
        self.message.emit(f"Copied {_count(len(clip.touchpoints), 'touchpoint')}.")
        return True

    def cut_selection(self) -> None:
        field = _text_field()
        if field is not None:
            field.cut()
            return
        if self.copy_selection():
            chosen = self._selection.touchpoint_ids()

            command = push_checked(
                self._document,
                lambda: RemoveTouchpoints(self._document, chosen, cut=True),
                self.message.emit,
            )
            if isinstance(command, RemoveTouchpoints):
                self.message.emit(command.summary)

    def paste_clipboard(self) -> None:
        field = _text_field()
        if field is not None:
            field.paste()
            return
        clip = clip_from_mime(QApplication.clipboard().mimeData())
        if clip is None:
            self.message.emit("The clipboard holds no touchpoints to paste.")
            return
        self._add_copies(clip, self._selection.current_cell(), "Paste")

    def duplicate_selection(self) -> None:
        chosen = self._selection.touchpoint_ids()
        if not chosen:
            self.message.emit("Select the cards to duplicate first.")
            return
        self._add_copies(clip_of(self._document.blueprint, chosen), None, "Duplicate")

    def _add_copies(self, clip: Clip, cell: tuple[str, str] | None, verb: str) -> None:
        def command() -> QUndoCommand:
            copies = fresh_copy(clip, self._document.blueprint, cell)
            if self._new_state() == Presence.FUTURE:
                for entity in (*copies.touchpoints, *copies.frictions, *copies.flows):
                    entity.state = Presence.FUTURE
                    if hasattr(entity, "future"):
                        entity.future = None
            text = (
                f"{verb} {quoted(copies.touchpoints[0].title)}"
                if len(copies.touchpoints) == 1
                else f"{verb} {len(copies.touchpoints)} touchpoints"
            )
            self._pasted = [t.id for t in copies.touchpoints]
            return AddTouchpoints(
                self._document, copies.touchpoints, copies.frictions, copies.flows, text
            )

        if self._push(command):
            self._scene.select_touchpoints(self._pasted)

    # --- flows -------------------------------------------------------------------------------

    def connect_selected(self) -> None:
        chosen = self._selection.touchpoint_ids()
        if len(chosen) != 2:
            self.message.emit("Select exactly two cards to connect: the first, then the next.")
            return
        self.connect_cards(*chosen)

    def connect_cards(self, from_id: str, to_id: str) -> bool:
        """One flow from this card to that one, said in the status line; True when made."""
        before = len(channel_switches(self._document.blueprint))
        state = self._new_state()
        if not self._push(lambda: AddFlow(self._document, from_id, to_id, state=state)):
            return False
        after = len(channel_switches(self._document.blueprint))
        if after > before:
            switches = _count(after, "channel switch")
            self.message.emit(f"Connected: a channel switch. The journey now has {switches}.")
        else:
            self.message.emit("Connected.")
        return True

    def remove_selected_flows(self) -> None:
        """Delete: the flows chosen (the cards chosen with them go by the window's Delete)."""
        chosen = [i for i in self._selection.flow_ids() if self._document.get("flows", i)]
        if chosen:
            self._push(lambda: RemoveFlows(self._document, chosen))

    def remove_flows(self) -> None:
        """Edit › Remove Flow: the flows chosen, else the flows between the two cards chosen
        (by the keys, which cannot reach an arrow)."""
        chosen = [i for i in self._selection.flow_ids() if self._document.get("flows", i)]
        cards = self._selection.touchpoint_ids()
        if not chosen and len(cards) == 2:
            ends = set(cards)
            flows = self._document.blueprint.flows
            chosen = [f.id for f in flows if {f.from_id, f.to_id} == ends]
        if not chosen:
            self.message.emit("Choose a flow, or the two cards it joins (Shift+arrow).")
            return
        self._push(lambda: RemoveFlows(self._document, chosen))


def _count(n: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("ch") else "s")
    return f"{n} {noun if n == 1 else plural}"
