"""The inspector's Evidence tab: what backs the card (the same verdict as the evidence
overlay), its measures and the quotes and observations about it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...analysis.evidence import Backing, card_backing, evidence_about
from ..document import Document
from .evidence_panel import EvidencePanel
from .forms import caption, heading
from .measures_panel import MeasuresPanel

VERDICTS = {
    Backing.MEASURED: "Backed by measured data or evidence",
    Backing.ESTIMATED: "Backed by estimates only",
    Backing.NOTHING: "Backed by nothing yet: the team is guessing here",
}


def verdict(backing: Backing, facts: list[str]) -> str:
    """'Backed by estimates only: estimated: CSAT; 2 estimated friction frequencies.'"""
    said = VERDICTS[backing]
    return f"{said}: {'; '.join(facts)}." if facts else f"{said}."


class BackingPage(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._touchpoint_id: str | None = None
        self.verdict = caption("", muted=False)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)  # it names measures as typed
        self.measures = MeasuresPanel(document)
        self.evidence = EvidencePanel(document, "the touchpoint")
        for panel in (self.measures, self.evidence):
            panel.problem.connect(self.problem)
        column = QVBoxLayout(self)
        column.addWidget(self.verdict)
        column.addWidget(heading("Measures"))
        column.addWidget(self.measures)
        column.addWidget(heading("Quotes and observations"))
        column.addWidget(self.evidence)
        column.addStretch(1)

    def show_touchpoint(self, touchpoint_id: str | None) -> None:
        self._touchpoint_id = touchpoint_id
        self.measures.show_touchpoint(touchpoint_id)
        self.evidence.show_about(touchpoint_id)
        self._show_verdict()

    def refresh(self) -> None:
        self.measures.refresh()
        self.evidence.refresh()
        self._show_verdict()

    def count(self) -> int:
        """The measures and pieces of evidence on the card itself."""
        return len(self.measures.measures()) + len(self.evidence.evidence())

    def _show_verdict(self) -> None:
        bp = self._document.blueprint
        tp_id = self._touchpoint_id
        if tp_id is None or self._document.get("touchpoints", tp_id) is None:
            self.verdict.setText("")
            return
        frictions = self._document.frictions_of(tp_id)
        about = {tp_id, *(f.id for f in frictions)}
        card = card_backing(
            tp_id,
            (m for m in bp.measures if m.touchpoint_id == tp_id),
            frictions,
            sum(len(items) for i, items in evidence_about(bp).items() if i in about),
        )
        self.verdict.setText(verdict(card.backing, card.facts()))
