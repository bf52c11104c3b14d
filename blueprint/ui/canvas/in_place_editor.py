"""Edit a touchpoint's text in place: an editor over its item, on a frozen-header view.

The editor is a child of the view's viewport, so the view's code knows nothing about it; it
follows the scroll, the zoom and the layout. Closing it commits one ``EditTouchpoint`` (the
inspector's command), never merged with the edit before: each time the editor closes is one
undo step. Opening it on another touchpoint commits the open one first; it closes, keeping
nothing, when its touchpoint is removed or the document replaced. A subclass says which
editor, where it lies, and which keys commit or cancel.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from ..commands import AddTouchpoint, CommandError, EditTouchpoint
from ..commands.fields import read_field
from ..document import Document
from .frozen_view import FrozenHeaderView


class InPlaceEditor(QObject):
    #: an edit was refused; the message is for the user
    problem = Signal(str)

    def __init__(
        self,
        view: FrozenHeaderView,
        document: Document,
        editor: QLineEdit | QPlainTextEdit,
        layout_changed: SignalInstance,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._document = document
        #: (touchpoint id, field) being edited; None when the editor is closed
        self._editing: tuple[str, str] | None = None
        #: the touchpoint edited was just added (see ``_open``)
        self._new_card = False
        self.editor = editor
        #: the edit it makes: the future view's edits change tomorrow's values
        self.command: type[EditTouchpoint] = EditTouchpoint
        editor.hide()
        editor.installEventFilter(self)
        view.zoomChanged.connect(self._place)
        view.horizontalScrollBar().valueChanged.connect(self._place)
        view.verticalScrollBar().valueChanged.connect(self._place)
        layout_changed.connect(self._place)
        document.touchpointRemoved.connect(self._removed)
        document.documentReset.connect(self.cancel)

    def _open(self, touchpoint_id: str, field: str, new_card: bool = False) -> None:
        """Show the editor over this field of this touchpoint, its text selected;
        ``new_card``: the card was just added, and what is typed is part of adding it."""
        if self._editing is not None:
            self.commit()
        self._editing = (touchpoint_id, field)
        self._new_card = new_card
        self._set_text(read_field(self.command.target(self._document, touchpoint_id), field))
        self._place()
        self.editor.show()
        self.editor.raise_()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.selectAll()

    def commit(self) -> None:
        editing, self._editing = self._editing, None
        if editing is None:
            return
        text = self._text()
        self._close()
        touchpoint_id, field = editing
        touchpoint = self.command.target(self._document, touchpoint_id)
        if touchpoint is None or read_field(touchpoint, field) == text:
            return
        try:
            command = self.command(self._document, touchpoint_id, field, text, False)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        command.names_new_card = self._new_card
        self._document.push(command)

    def cancel(self) -> None:
        if self._editing is not None:
            self._editing = None
            self._close()

    def escape(self) -> None:
        """Escape: the edit is dropped; on a card just added, so is the card (Enter on the
        wrong cell left a 'New touchpoint' card behind, to be deleted by hand)."""
        editing, new_card = self._editing, self._new_card
        self.cancel()
        if editing is None or not new_card:
            return
        stack = self._document.undo_stack
        added = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if isinstance(added, AddTouchpoint) and added.touchpoint_id == editing[0]:
            stack.undo()
            self.problem.emit("No card added.")

    def _close(self) -> None:
        if self.editor.hasFocus():
            # The canvas first: a focused editor hidden hands the focus to the next widget
            # of the window for a moment (the toolbar's filter), which a screen reader says.
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.hide()

    def _removed(self, touchpoint_id: str) -> None:
        if self._editing is not None and self._editing[0] == touchpoint_id:
            self.cancel()

    # --- what a subclass says -------------------------------------------------------------

    def _text(self) -> str:
        raise NotImplementedError

    def _set_text(self, text: str) -> None:
        raise NotImplementedError

    def _place(self, *_args) -> None:
        """Lay the editor over what it edits, at the view's zoom (if it is open)."""
        raise NotImplementedError
