"""The evidence about one touchpoint or friction point: a list, Add quote, Add
observation and Remove, and the fields of the one picked."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...model import Evidence, EvidenceKind
from ..commands import AddEvidence, CommandError, RemoveEvidence
from ..document import Document
from .evidence_form import INSPECTOR_LABELS, EvidenceForm
from .evidence_text import NEW_OBSERVATION, NEW_QUOTE, evidence_row
from .forms import caption
from .row_list import Row, RowList

NONE_YET = (
    "No evidence yet. Add what customers said (a quote) or what someone saw (an "
    "observation), with where it comes from."
)


class EvidencePanel(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(
        self,
        document: Document,
        about: str,
        labels: Mapping[str, str] = INSPECTOR_LABELS,
        parent: QWidget | None = None,
    ) -> None:
        """``about``: what the evidence is about, for a screen reader ('the touchpoint')."""
        super().__init__(parent)
        self._document = document
        self._about_id: str | None = None
        self.list = RowList(f"Evidence about {about}", rows=3)
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.deleteRequested.connect(self.remove_current)
        self.empty_note = caption(NONE_YET)
        self.add_quote = QPushButton(labels["add_quote"])
        self.add_quote.setToolTip("Add what a customer said, in their words")
        self.add_quote.clicked.connect(lambda: self.add_evidence(EvidenceKind.QUOTE))
        self.add_observation = QPushButton(labels["add_observation"])
        self.add_observation.setToolTip("Add what someone saw: in a call, in the data, on site")
        self.add_observation.clicked.connect(lambda: self.add_evidence(EvidenceKind.OBSERVATION))
        self.remove_button = QPushButton(labels["remove"])
        self.remove_button.setAccessibleName("Remove evidence")
        self.remove_button.setToolTip("Remove the selected evidence (Delete in the list)")
        self.remove_button.clicked.connect(self.remove_current)
        self.editor = EvidenceForm(document, labels)
        self.editor.form.problem.connect(self.problem)
        buttons = QHBoxLayout()
        for button in (self.add_quote, self.add_observation, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_note)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        self.refresh()

    def evidence(self) -> list[Evidence]:
        if self._about_id is None:
            return []
        return [e for e in self._document.blueprint.evidence if e.about_id == self._about_id]

    def show_about(self, about_id: str | None) -> None:
        if about_id != self._about_id:
            self.list.forget()
        self._about_id = about_id
        self.refresh()

    def current_evidence_id(self) -> str | None:
        return self.list.current_id()

    def refresh(self) -> None:
        items = self.evidence()
        self.list.show_rows([Row(e.id, evidence_row(e), e.text) for e in items])
        self.list.setVisible(bool(items))
        enabled = self._about_id is not None
        self.add_quote.setEnabled(enabled)
        self.add_observation.setEnabled(enabled)
        self.remove_button.setEnabled(self.current_evidence_id() is not None)
        self.empty_note.setVisible(enabled and not items)
        self.editor.setVisible(bool(items))
        self.editor.show_evidence(self.current_evidence_id())

    def select_evidence(self, evidence_id: str) -> None:
        self.list.select(evidence_id)

    # --- the user's actions ------------------------------------------------------------------

    def _current_changed(self, _row: int) -> None:
        self.remove_button.setEnabled(self.current_evidence_id() is not None)
        self.editor.show_evidence(self.current_evidence_id())

    def add_evidence(self, kind: EvidenceKind) -> None:
        if self._about_id is None:
            return
        text = NEW_QUOTE if kind == EvidenceKind.QUOTE else NEW_OBSERVATION
        evidence = Evidence(about_id=self._about_id, kind=kind, text=text)
        try:
            command = AddEvidence(self._document, evidence)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        self.refresh()
        self.select_evidence(evidence.id)
        # Ready to type the words over the placeholder ones.
        self.editor.text.setFocus()
        self.editor.text.selectAll()

    def remove_current(self) -> None:
        evidence_id = self.current_evidence_id()
        if evidence_id is None:
            return
        row = self.list.currentRow()
        try:
            command = RemoveEvidence(self._document, evidence_id)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
