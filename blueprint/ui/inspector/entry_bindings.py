"""Two more kinds of bound field: a date typed YYYY-MM-DD, and a name with suggestions.

A date is pushed only once it is one: while the user types "2026-1" nothing is refused, and
leaving the field with something that is not a date says why, beside the field and in the
status bar, and leaves the text there to be put right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit

from .bindings import Binding, EntityForm
from .warnings import set_warning

_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_date(text: str) -> bool:
    """Whether ``text`` is a real date written YYYY-MM-DD, as the file keeps it."""
    if not _DATE_SHAPE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


class DateBinding(Binding):
    """A line field for a date (or none: empty)."""

    widget: QLineEdit

    def __init__(
        self, form: EntityForm, widget: QLineEdit, path: str, note: QLabel | None = None
    ) -> None:
        super().__init__(form, widget, path)
        self.note = note
        widget.setPlaceholderText("YYYY-MM-DD")
        widget.setMaxLength(40)
        widget.textEdited.connect(self._typed)
        widget.editingFinished.connect(self._finished)
        if note is not None:
            set_warning(note, "")

    def show(self, value: Any) -> None:
        text = value or ""
        if self.widget.text() != text:
            self.widget.setText(text)
        self.mark_valid()

    def _typed(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.user_set(None)
        elif is_date(text):
            self.user_set(text)

    def _finished(self) -> None:
        text = self.widget.text().strip()
        if text and not is_date(text):
            self.user_set(text)  # refused by the model, which says why

    def mark_invalid(self, message: str) -> None:
        super().mark_invalid(message)
        if self.note is not None:
            set_warning(self.note, message)

    def mark_valid(self) -> None:
        super().mark_valid()
        if self.note is not None:
            set_warning(self.note, "")


class SuggestBinding(Binding):
    """An editable combo box: type any name, or pick one of the suggestions."""

    widget: QComboBox

    def __init__(
        self, form: EntityForm, widget: QComboBox, path: str, suggestions: Sequence[str]
    ) -> None:
        super().__init__(form, widget, path)
        widget.setEditable(True)
        widget.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        widget.addItems(list(suggestions))
        completer = QCompleter(list(suggestions), widget)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        widget.setCompleter(completer)
        line = widget.lineEdit()
        line.textEdited.connect(self.user_set)
        line.editingFinished.connect(self._finished)
        completer.activated.connect(lambda text: self.user_set(text, False))
        widget.activated.connect(lambda index: self.user_set(widget.itemText(index), False))

    def show(self, value: Any) -> None:
        text = value or ""
        if self.widget.currentText() != text:
            blocked = self.widget.blockSignals(True)
            try:
                self.widget.setCurrentIndex(-1)
                self.widget.setEditText(text)
                self.widget.lineEdit().setCursorPosition(0)
            finally:
                self.widget.blockSignals(blocked)
        self.mark_valid()

    def _finished(self) -> None:
        if self.invalid:
            self.form.refresh()
