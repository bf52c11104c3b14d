"""The evidence about one touchpoint or friction point: a list, Add quote, Add
observation and Remove, and the fields of the one picked."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QPushButton, QWidget

from ...model import Evidence, EvidenceKind
from ..commands import AddEvidence, RemoveEvidence
from ..document import Document
from .evidence_form import INSPECTOR_LABELS, EvidenceForm
from .evidence_text import NEW_OBSERVATION, NEW_QUOTE, evidence_row
from .list_panel import ListPanel
from .row_list import Row

NONE_YET = (
    "No evidence yet. Add what customers said (a quote) or what someone saw (an "
    "observation), with where it comes from."
)


class EvidencePanel(ListPanel):
    add_command = AddEvidence
    remove_command = RemoveEvidence

    def __init__(
        self,
        document: Document,
        about: str,
        labels: Mapping[str, str] = INSPECTOR_LABELS,
        parent: QWidget | None = None,
    ) -> None:
        """``about``: what the evidence is about, for a screen reader ('the touchpoint')."""
        super().__init__(document, f"Evidence about {about}", NONE_YET, parent)
        self._about_id: str | None = None
        self.add_quote = QPushButton(labels["add_quote"])
        self.add_quote.setToolTip("Add what a customer said, in their words")
        self.add_quote.clicked.connect(lambda: self.add_evidence(EvidenceKind.QUOTE))
        self.add_observation = QPushButton(labels["add_observation"])
        self.add_observation.setToolTip("Add what someone saw: in a call, in the data, on site")
        self.add_observation.clicked.connect(lambda: self.add_evidence(EvidenceKind.OBSERVATION))
        self.remove_button = QPushButton(labels["remove"])
        self.remove_button.setAccessibleName("Remove evidence")
        self.remove_button.setToolTip("Remove the selected evidence (Delete in the list)")
        self.editor = EvidenceForm(document, labels)
        self._lay_out([self.add_quote, self.add_observation])

    def evidence(self) -> list[Evidence]:
        if self._about_id is None:
            return []
        return [e for e in self._document.blueprint.evidence if e.about_id == self._about_id]

    def show_about(self, about_id: str | None) -> None:
        if about_id != self._about_id:
            self.list.forget()
        self._about_id = about_id
        self.refresh()

    def _can_add(self) -> bool:
        return self._about_id is not None

    def _rows(self) -> list[Row]:
        return [Row(e.id, evidence_row(e), e.text) for e in self.evidence()]

    def _show(self, entity_id: str | None) -> None:
        self.editor.show_evidence(entity_id)

    # --- the user's actions ------------------------------------------------------------------

    def add_evidence(self, kind: EvidenceKind) -> None:
        if self._about_id is None:
            return
        text = NEW_QUOTE if kind == EvidenceKind.QUOTE else NEW_OBSERVATION
        if self._add(Evidence(about_id=self._about_id, kind=kind, text=text)):
            # Ready to type the words over the placeholder ones.
            self.editor.text.setFocus()
            self.editor.text.selectAll()
