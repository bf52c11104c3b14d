"""The friction points of the shown touchpoint: a list, Add and Remove, and the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ...model import Friction, Presence
from ...model.states import State, present_in
from ..commands import (
    AddFriction,
    CommandError,
    EditFriction,
    EditFrictionFuture,
    RemoveFrictionFromFuture,
    RemoveFrictions,
)
from ..document import Document
from ..tips import plain_tip
from .choices import SEVERITY_WORDS, friction_spoken, friction_summary
from .evidence_form import FRICTION_LABELS
from .evidence_panel import EvidencePanel
from .forms import KeyList, caption, heading
from .friction_form import FrictionForm

NEW_FRICTION_TITLE = "New friction point"
NONE_YET = (
    "No friction point yet. Add one for anything that makes the customer hesitate, "
    "slows them or disrupts the journey."
)
LIST_ROWS = 4


class FrictionPanel(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._touchpoint_id: str | None = None
        #: the state of the journey shown: today's by default, None for both (Compare)
        self._state: State | None = State.CURRENT
        # None until shown: an empty list of rows is a state the list must be put in too
        self._rows: list[tuple[str, str]] | None = None
        self.list = KeyList(self)
        self.list.setAccessibleName("Friction points")
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.deleteRequested.connect(self.remove_current)
        self.empty_note = caption(NONE_YET)
        self.add_button = QPushButton("&Add friction")
        self.add_button.setToolTip("Add a friction point to this touchpoint")
        self.add_button.clicked.connect(self.add_friction)
        self.remove_button = QPushButton("Re&move")
        self.remove_button.setAccessibleName("Remove friction point")
        self.remove_button.setToolTip("Remove the selected friction point (Delete in the list)")
        self.remove_button.clicked.connect(self.remove_current)
        self.editor = FrictionForm(document)
        self.editor.form.problem.connect(self.problem)
        self.evidence_heading = heading("Evidence about this friction point")
        self.evidence = EvidencePanel(document, "the friction point", FRICTION_LABELS)
        self.evidence.problem.connect(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_note)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        layout.addWidget(self.evidence_heading)
        layout.addWidget(self.evidence)
        layout.addStretch(1)
        row = self.list.sizeHintForRow(0) if self.list.count() else 22
        self.list.setFixedHeight(LIST_ROWS * row + 2 * self.list.frameWidth() + 4)

    def frictions(self) -> list[Friction]:
        """The shown card's friction points in the state shown (both states in Compare)."""
        if self._touchpoint_id is None:
            return []
        frictions = self._document.frictions_of(self._touchpoint_id)
        if self._state is None:
            return frictions
        return [f for f in frictions if present_in(f.state, self._state)]

    def set_state(self, state: State | None) -> None:
        """List the friction points of this state (None: of both), and add to it: a friction
        point added while the future is shown is tomorrow's only."""
        self._state = state
        future = state == State.FUTURE
        self.editor.form.set_command(EditFrictionFuture if future else EditFriction)
        self.refresh()

    def current_friction_id(self) -> str | None:
        row = self.list.currentRow()
        rows = self._rows or []
        return rows[row][0] if 0 <= row < len(rows) else None

    def show_touchpoint(self, touchpoint_id: str | None) -> None:
        if touchpoint_id != self._touchpoint_id:
            self._touchpoint_id = touchpoint_id
            self._rows = None
        self.refresh()

    def refresh(self) -> None:
        """Show the document's friction points, keeping the current one when it stays."""
        current = self.current_friction_id()
        frictions = self.frictions()
        rows = [(f.id, friction_summary(f.title, f.severity, f.nature)) for f in frictions]
        if rows != self._rows:
            blocked = self.list.blockSignals(True)
            try:
                self.list.clear()
                for friction, (_fid, text) in zip(frictions, rows, strict=True):
                    item = QListWidgetItem(text, self.list)
                    words = SEVERITY_WORDS[friction.severity]
                    item.setToolTip(
                        plain_tip(f"{friction.title}\nSeverity {friction.severity}: {words}")
                    )
                    item.setData(Qt.ItemDataRole.UserRole, friction.id)
                    item.setData(
                        Qt.ItemDataRole.AccessibleTextRole,
                        friction_spoken(friction.title, friction.severity, friction.nature),
                    )
                self._rows = rows
                ids = [fid for fid, _text in rows]
                row = ids.index(current) if current in ids else (0 if ids else -1)
                self.list.setCurrentRow(row)
            finally:
                self.list.blockSignals(blocked)
        enabled = self._touchpoint_id is not None
        self.add_button.setEnabled(enabled)
        self.remove_button.setEnabled(self.current_friction_id() is not None)
        self.empty_note.setVisible(enabled and not rows)
        self.editor.setVisible(bool(rows))
        self.editor.show_friction(self.current_friction_id())
        self._show_evidence()

    def refresh_choices(self) -> None:
        self.editor.refresh_choices()
        self.editor.refresh()

    def select_friction(self, friction_id: str) -> None:
        ids = [fid for fid, _text in self._rows or []]
        if friction_id in ids:
            self.list.setCurrentRow(ids.index(friction_id))

    # --- the user's actions ------------------------------------------------------------------

    def _current_changed(self, _row: int) -> None:
        self.remove_button.setEnabled(self.current_friction_id() is not None)
        self.editor.show_friction(self.current_friction_id())
        self._show_evidence()

    def _show_evidence(self) -> None:
        current = self.current_friction_id()
        self.evidence_heading.setVisible(current is not None)
        self.evidence.setVisible(current is not None)
        self.evidence.show_about(current)

    def add_friction(self) -> None:
        if self._touchpoint_id is None:
            return
        friction = Friction(
            title=NEW_FRICTION_TITLE,
            touchpoint_id=self._touchpoint_id,
            state=Presence.FUTURE if self._state == State.FUTURE else Presence.BOTH,
        )
        try:
            command = AddFriction(self._document, friction)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        self.select_friction(friction.id)
        # Ready to type its real title over the placeholder one.
        self.editor.title.setFocus()
        self.editor.title.selectAll()

    def remove_current(self) -> None:
        friction_id = self.current_friction_id()
        if friction_id is None:
            return
        row = self.list.currentRow()
        keyboard = self.remove_button.hasFocus() or self.list.hasFocus()
        friction = self._document.entity("frictions", friction_id)
        tomorrow_only = self._state == State.FUTURE and friction.state == Presence.BOTH
        try:
            if tomorrow_only:  # it stops happening tomorrow; today it stays
                command = RemoveFrictionFromFuture(self._document, friction_id)
            else:
                command = RemoveFrictions(self._document, [friction_id])
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        elif keyboard:  # Remove is disabled and the list hidden: not out of the panel
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
