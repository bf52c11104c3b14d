"""Widgets bound to the fields of one entity: the panel's half of command -> model -> signal.

A user's change to a bound widget becomes one ``FieldEdit`` command; the document's signal
comes back and the form shows the model again. Showing compares first and sets quietly, so
a value the user just typed is never set back into its own widget (no cursor jumps, no
loops). A value the model refuses (a blank title, a name already taken) is not pushed: the
widget is marked, the reason goes to ``problem``, and leaving the field shows the model's
value again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ..commands import CommandError, FieldEdit
from ..commands.fields import read_field
from ..document import Document
from ..tips import set_plain_tip
from .numbers import NumberBox
from .segmented import SegmentedChoice

INVALID_BASE = QColor("#fde2e1")


class Binding:
    """One widget showing one field (a dotted path, as the commands name it)."""

    def __init__(self, form: EntityForm, widget: QWidget, path: str) -> None:
        self.form = form
        self.widget = widget
        self.path = path
        self.invalid = False

    def show(self, value: Any) -> None:
        raise NotImplementedError

    def user_set(self, value: Any, merge: bool = True) -> None:
        self.form.edit(self, value, merge)

    def mark_invalid(self, message: str) -> None:
        self.invalid = True
        palette = self.widget.palette()
        palette.setColor(QPalette.ColorRole.Base, INVALID_BASE)
        self.widget.setPalette(palette)
        set_plain_tip(self.widget, message)  # it may quote what was typed

    def mark_valid(self) -> None:
        if self.invalid:
            self.invalid = False
            self.widget.setPalette(QPalette())
            set_plain_tip(self.widget, "")


class LineBinding(Binding):
    widget: QLineEdit

    def __init__(self, form: EntityForm, widget: QLineEdit, path: str) -> None:
        super().__init__(form, widget, path)
        widget.textEdited.connect(self.user_set)
        widget.editingFinished.connect(self._finished)

    def show(self, value: Any) -> None:
        text = value or ""
        if self.widget.text() != text:
            self.widget.setText(text)
            self.widget.setCursorPosition(0)
        self.mark_valid()

    def _finished(self) -> None:
        if self.invalid:
            self.form.refresh()  # leaving a refused value: show the model's again


class TextBinding(Binding):
    widget: QPlainTextEdit

    def __init__(self, form: EntityForm, widget: QPlainTextEdit, path: str) -> None:
        super().__init__(form, widget, path)
        widget.textChanged.connect(self._changed)

    def _changed(self) -> None:
        self.user_set(self.widget.toPlainText())

    def show(self, value: Any) -> None:
        text = value or ""
        if self.widget.toPlainText() != text:
            blocked = self.widget.blockSignals(True)
            try:
                self.widget.setPlainText(text)
            finally:
                self.widget.blockSignals(blocked)
        self.mark_valid()


class NumberBinding(Binding):
    widget: NumberBox

    def __init__(self, form: EntityForm, widget: NumberBox, path: str) -> None:
        super().__init__(form, widget, path)
        widget.edited.connect(self.user_set)
        widget.editingFinished.connect(self._finished)

    def show(self, value: Any) -> None:
        self.widget.set_number(value)
        self.mark_valid()

    def _finished(self) -> None:
        # Leaving a refused number: show the one the blueprint holds (typing 500 kept the
        # 50 typed on the way, which the plan used while the field still showed 500).
        if self.invalid:
            self.form.refresh()


class ChoiceBinding(Binding):
    widget: SegmentedChoice

    def __init__(self, form: EntityForm, widget: SegmentedChoice, path: str) -> None:
        super().__init__(form, widget, path)
        widget.chosen.connect(self.user_set)

    def show(self, value: Any) -> None:
        self.widget.set_value(value)


class CheckBinding(Binding):
    widget: QCheckBox

    def __init__(self, form: EntityForm, widget: QCheckBox, path: str) -> None:
        super().__init__(form, widget, path)
        widget.clicked.connect(lambda checked: self.user_set(bool(checked), False))

    def show(self, value: Any) -> None:
        if self.widget.isChecked() != bool(value):
            blocked = self.widget.blockSignals(True)
            self.widget.setChecked(bool(value))
            self.widget.blockSignals(blocked)


class ComboBinding(Binding):
    """A combo box of (value, label) choices; each pick is its own undo step."""

    widget: QComboBox

    def __init__(
        self,
        form: EntityForm,
        widget: QComboBox,
        path: str,
        choices: Sequence[tuple[Any, str]] = (),
    ) -> None:
        super().__init__(form, widget, path)
        self._values: list[Any] = []
        self._shown: Any = None
        self.set_choices(choices)
        widget.activated.connect(self._activated)

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        """Offer other choices (channels renamed, reasons added), keeping the shown value."""
        values = [value for value, _label in choices]
        labels = [label for _value, label in choices]
        current = [self.widget.itemText(i) for i in range(self.widget.count())]
        if values == self._values and labels == current:
            return
        blocked = self.widget.blockSignals(True)
        try:
            self.widget.clear()
            self.widget.addItems(labels)
            self._values = values
            self._select(self._shown)
        finally:
            self.widget.blockSignals(blocked)

    def show(self, value: Any) -> None:
        self._shown = value
        blocked = self.widget.blockSignals(True)
        try:
            self._select(value)
        finally:
            self.widget.blockSignals(blocked)

    def _select(self, value: Any) -> None:
        index = self._values.index(value) if value in self._values else -1
        if self.widget.currentIndex() != index:
            self.widget.setCurrentIndex(index)

    def _activated(self, index: int) -> None:
        if 0 <= index < len(self._values) and self._values[index] != self._shown:
            self.user_set(self._values[index], False)


class EntityForm(QObject):
    """Bound widgets for one entity at a time, of the collection of ``command``."""

    #: a change was refused; the message is for the user (status bar)
    #: what is wrong with a value typed (the status line says it); "" once it is mended
    problem = Signal(str)

    def __init__(self, document: Document, command: type[FieldEdit], parent: QObject) -> None:
        super().__init__(parent)
        self._document = document
        self._command = command
        self._entity_id: str | None = None
        self._bindings: list[Binding] = []

    @property
    def entity_id(self) -> str | None:
        return self._entity_id

    @property
    def command(self) -> type[FieldEdit]:
        return self._command

    def set_command(self, command: type[FieldEdit]) -> None:
        """Edit through another kind of field edit (the future view's), showing its values."""
        if command is not self._command:
            self._command = command
            self.refresh()

    def entity(self) -> Any | None:
        if self._entity_id is None:
            return None
        return self._command.target(self._document, self._entity_id)

    def bind(self, widget: QWidget, path: str, choices: Sequence[tuple[Any, str]] = ()):
        """Bind a widget to a field; the kind of binding follows the kind of widget."""
        binding: Binding
        if isinstance(widget, QLineEdit):
            binding = LineBinding(self, widget, path)
        elif isinstance(widget, QPlainTextEdit):
            binding = TextBinding(self, widget, path)
        elif isinstance(widget, NumberBox):
            binding = NumberBinding(self, widget, path)
        elif isinstance(widget, SegmentedChoice):
            binding = ChoiceBinding(self, widget, path)
        elif isinstance(widget, QCheckBox):
            binding = CheckBinding(self, widget, path)
        elif isinstance(widget, QComboBox):
            binding = ComboBinding(self, widget, path, choices)
        else:
            raise TypeError(f"cannot bind a {type(widget).__name__}")
        return self.add_binding(binding)

    def add_binding(self, binding: Binding) -> Binding:
        """Keep a binding made by the caller, for a widget the kinds above do not cover."""
        self._bindings.append(binding)
        return binding

    def first_field(self) -> QWidget | None:
        """The first field bound, where the keys start in a form of its own."""
        return next((b.widget for b in self._bindings if b.widget.isEnabled()), None)

    def show(self, entity_id: str | None) -> None:
        """Show another entity (or none: the widgets are cleared and disabled)."""
        self._entity_id = entity_id
        self.refresh()

    def refresh(self) -> None:
        entity = self.entity()
        for binding in self._bindings:
            binding.widget.setEnabled(entity is not None)
            if entity is not None:
                binding.show(read_field(entity, binding.path))
            else:
                binding.show(None)

    def edit(self, binding: Binding, value: Any, merge: bool) -> None:
        if self.entity() is None:
            return
        try:
            command = self._command(self._document, self._entity_id, binding.path, value, merge)
        except CommandError as error:
            binding.mark_invalid(str(error))
            self.problem.emit(str(error))
            return
        mended = binding.invalid
        binding.mark_valid()
        self._document.push(command)
        if mended:
            self.problem.emit("")  # what was wrong is put right: its message goes too
