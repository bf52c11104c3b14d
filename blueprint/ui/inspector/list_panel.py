"""What the inspector's short lists share (a card's measures, the evidence about it): the
list, a note while it is empty, the buttons that add and Remove, the form of the one picked,
and adding and removing through the undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...model import Identified
from ..commands import push_checked
from ..document import Document
from .forms import caption
from .row_list import Row, RowList


class ListPanel(QWidget):
    """A subclass makes its add buttons, ``remove_button`` and ``editor`` (a form with a
    ``form.problem`` signal), calls ``_lay_out`` and says what the list shows."""

    #: a change was refused; the message is for the user
    problem = Signal(str)

    #: the command that adds an entity, and the one that removes one by id
    add_command: ClassVar[Callable[[Document, Any], QUndoCommand]]
    remove_command: ClassVar[Callable[[Document, str], QUndoCommand]]

    remove_button: QPushButton
    editor: Any

    def __init__(
        self, document: Document, accessible_name: str, none_yet: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._document = document
        self.list = RowList(accessible_name, rows=3)
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.deleteRequested.connect(self.remove_current)
        self.empty_note = caption(none_yet)
        self._add_buttons: list[QPushButton] = []

    def _lay_out(self, add_buttons: Sequence[QPushButton]) -> None:
        """The list, its note, the buttons (these, then Remove) and the form; then shown."""
        self._add_buttons = list(add_buttons)
        self.remove_button.clicked.connect(self.remove_current)
        self.editor.form.problem.connect(self.problem)
        buttons = QHBoxLayout()
        for button in (*self._add_buttons, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_note)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        self.refresh()

    # --- what a subclass says ----------------------------------------------------------------

    def _can_add(self) -> bool:
        """Whether there is an owner to add to."""
        raise NotImplementedError

    def _rows(self) -> list[Row]:
        raise NotImplementedError

    def _show(self, entity_id: str | None) -> None:
        """Show this entity (None: none) in the form."""
        raise NotImplementedError

    # --- shown -------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        return self.list.current_id()

    def refresh(self) -> None:
        rows = self._rows()
        self.list.show_rows(rows)
        self.list.setVisible(bool(rows))
        can_add = self._can_add()
        for button in self._add_buttons:
            button.setEnabled(can_add)
        self.remove_button.setEnabled(self.current_id() is not None)
        self.empty_note.setVisible(can_add and not rows)
        self.editor.setVisible(bool(rows))
        self._show(self.current_id())

    # --- the user's actions ------------------------------------------------------------------

    def _current_changed(self, _row: int) -> None:
        self.remove_button.setEnabled(self.current_id() is not None)
        self._show(self.current_id())

    def _add(self, entity: Identified) -> bool:
        """Add the entity and pick it; False (and ``problem`` told) if it is refused."""
        make = partial(self.add_command, self._document, entity)
        if push_checked(self._document, make, self.problem.emit) is None:
            return False
        self.refresh()
        self.list.select(entity.id)
        return True

    def remove_current(self) -> None:
        entity_id = self.current_id()
        if entity_id is None:
            return
        row = self.list.currentRow()
        keyboard = self.remove_button.hasFocus() or self.list.hasFocus()
        make = partial(self.remove_command, self._document, entity_id)
        if push_checked(self._document, make, self.problem.emit) is None:
            return
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        elif keyboard and self._add_buttons:  # not out of the panel (to the toolbar)
            self._add_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
