"""The personas of the blueprint: add, edit, remove, and which touchpoints each applies to.

Which touchpoints a persona applies to is the ``PersonaTouchpoints`` list under its fields.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...model import Persona
from ..commands import AddPersona, EditPersona, RemovePersona, push_checked
from ..document import Document
from .bindings import EntityForm
from .forms import DeleteKeyGuard, KeyList, add_row, caption, form_layout, text_area
from .numbers import NumberBox
from .persona_preferences import PreferredChannels
from .persona_touchpoints import PersonaTouchpoints

NEW_PERSONA_NAME = "New persona"
WEIGHT_HELP = "0.5 .. 2.0; 1.0 is a typical customer, higher for those who must be delighted"
PERSONA_ROWS = 4


def _new_name(document: Document) -> str:
    taken = {p.name.casefold() for p in document.blueprint.personas}
    name, n = NEW_PERSONA_NAME, 1
    while name.casefold() in taken:
        n += 1
        name = f"{NEW_PERSONA_NAME} {n}"
    return name


class PersonasPanel(QWidget):
    #: a change was refused, or a removal had consequences; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: list[tuple[str, str]] = []
        self._stale = True
        self._changed: set[str] = set()
        # Filled when first seen: its list of every touchpoint costs a quarter of a second
        # on a large blueprint, and the panel starts as a tab behind the inspector.
        self._seen = False
        self.list = KeyList(self)
        self.list.setAccessibleName("Personas")
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.deleteRequested.connect(self.remove_current)
        self.add_button = QPushButton("&Add persona")
        self.add_button.clicked.connect(self.add_persona)
        self.remove_button = QPushButton("Re&move")
        self.remove_button.setAccessibleName("Remove persona")
        self.remove_button.setToolTip("Remove the selected persona; touchpoints keep the others")
        self.remove_button.clicked.connect(self.remove_current)
        self.editor = self._editor()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.editor, 1)
        DeleteKeyGuard(self)
        document.personasChanged.connect(self._mark_stale)
        document.touchpointAdded.connect(self._mark_stale)
        document.touchpointRemoved.connect(self._mark_stale)
        document.touchpointChanged.connect(self._touchpoint_changed)
        document.touchpointMoved.connect(self._mark_stale)
        document.structureChanged.connect(self._mark_stale)
        document.documentReset.connect(self._mark_stale)
        document.edited.connect(self._catch_up)

    def _editor(self) -> QWidget:
        editor = QWidget()
        form = form_layout()
        form.setContentsMargins(0, 0, 0, 0)
        self.form = EntityForm(self._document, EditPersona, self)
        self.form.problem.connect(self.problem)
        self.name = QLineEdit()
        add_row(form, "&Name:", self.name)
        self.form.bind(self.name, "name")
        self.description = text_area(3, "Description", "Who they are, what they need")
        add_row(form, "&Description:", self.description)
        self.form.bind(self.description, "description")
        self.weight = NumberBox(0.5, 2.0, 0.1, 2)
        add_row(form, "Value &weight:", self.weight, WEIGHT_HELP)
        self.form.bind(self.weight, "value_weight")
        self.share = NumberBox(0, 100, 1, 1, " %", optional=True)
        add_row(form, "Sha&re:", self.share, "Share of the customer base, in percent")
        self.form.bind(self.share, "share")
        self.touchpoints = PersonaTouchpoints(self._document)
        self.touchpoints.problem.connect(self.problem)
        self.preferences = PreferredChannels(self._document)
        self.preferences.problem.connect(self.problem)
        self.preferences.rowsBuilt.connect(self._order_tabs)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(QLabel("<b>Preferred channels</b>"))
        column.addWidget(caption("The channel this persona prefers at each stage, if any."))
        column.addWidget(self.preferences)
        applies = QLabel("<b>Applies to</b>")
        applies.setBuddy(self.touchpoints.list)
        column.addWidget(applies)
        column.addWidget(caption("Ticked touchpoints concern this persona."))
        column.addWidget(self.touchpoints, 1)
        return editor

    def _order_tabs(self) -> None:
        """Tab goes down the panel as it is drawn: the preferred channels come after the
        share (made later, they came last, after the toolbar)."""
        chain = [self.share, *self.preferences.boxes.values(), self.touchpoints.filter]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def current_persona_id(self) -> str | None:
        row = self.list.currentRow()
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    # --- following the document ----------------------------------------------------------------

    def _mark_stale(self, *_args) -> None:
        self._stale = True

    def _touchpoint_changed(self, touchpoint_id: str) -> None:
        self._changed.add(touchpoint_id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.set_seen(True)

    def set_seen(self, seen: bool) -> None:
        """Whether the user can see the panel (its dock may be a tab behind another)."""
        self._seen = seen
        if seen:
            self._catch_up()

    def _catch_up(self) -> None:
        # A blueprint of thousands of touchpoints: the lists follow only when seen.
        if not self._seen:
            return
        if self._stale:
            self.refresh()
        elif self._changed:
            changed, self._changed = self._changed, set()
            self.touchpoints.update_rows(changed)

    def refresh(self) -> None:
        self._stale = False
        self._changed.clear()
        current = self.current_persona_id()
        personas = self._document.blueprint.personas
        rows = [(p.id, self._describe(p)) for p in personas]
        if rows != self._rows:
            blocked = self.list.blockSignals(True)
            try:
                self.list.clear()
                for _pid, text in rows:
                    QListWidgetItem(text, self.list)
                before = {pid for pid, _text in self._rows}
                self._rows = rows
                ids = [pid for pid, _text in rows]
                # One persona back (an undone removal) or new: chosen, as where it was added.
                back = [pid for pid in ids if pid not in before]
                if before and len(back) == 1:
                    current = back[0]
                self.list.setCurrentRow(
                    ids.index(current) if current in ids else (0 if ids else -1)
                )
            finally:
                self.list.blockSignals(blocked)
        row = self.list.sizeHintForRow(0) if self.list.count() else 22
        self.list.setFixedHeight(PERSONA_ROWS * row + 2 * self.list.frameWidth() + 4)
        self.touchpoints.rebuild()
        self._show_current()

    @staticmethod
    def _describe(persona: Persona) -> str:
        share = "" if persona.share is None else f", {persona.share:g} %"
        return f"{persona.name} (weight {persona.value_weight:g}{share})"

    def _show_current(self) -> None:
        persona_id = self.current_persona_id()
        self.remove_button.setEnabled(persona_id is not None)
        self.editor.setEnabled(persona_id is not None)
        self.form.show(persona_id)
        self.touchpoints.show_persona(persona_id)
        self.preferences.show_persona(persona_id)

    # --- the user's actions ------------------------------------------------------------------

    def _current_changed(self, _row: int) -> None:
        self._show_current()

    def _push(self, make) -> bool:
        if push_checked(self._document, make, self.problem.emit) is None:
            return False
        self.refresh()
        return True

    def add_persona(self) -> None:
        persona = Persona(name=_new_name(self._document))
        if self._push(lambda: AddPersona(self._document, persona)):
            ids = [pid for pid, _text in self._rows]
            if persona.id in ids:
                self.list.setCurrentRow(ids.index(persona.id))
            self.name.setFocus()
            self.name.selectAll()

    def remove_current(self) -> None:
        persona_id = self.current_persona_id()
        if persona_id is None:
            return
        consequences = RemovePersona.consequences(self._document, persona_id)
        lines = consequences.describe(self._document.blueprint)
        if self._push(lambda: RemovePersona(self._document, persona_id)) and lines:
            self.problem.emit("Removed persona: " + "; ".join(lines))
