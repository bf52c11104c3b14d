"""The inspector for several selected cards: their count, and the scores they can share.

Emotion, each EPIC letter and the personas are set on all the cards at once, as one undo
step (``EditTouchpoints``, ``SetTouchpointsPersona``). A field whose value differs between
the cards shows as mixed: no segment checked, a persona partly ticked. Titles, lanes and
notes tell one card from another, so they are edited one card at a time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..commands import EditTouchpoints, push_checked
from ..commands.fields import read_field
from ..document import Document
from .forms import add_row, caption, form_layout
from .segmented import SegmentedChoice
from .touchpoint_form import EPIC_PATHS, add_score_rows
from .touchpoint_personas import TouchpointPersonas

SHOWN_TITLES = 12
HINT = (
    "A value set here is set on all of them; a field they differ in shows no value. "
    "Titles, lanes and notes are edited one card at a time. Copy, duplicate, delete and "
    "connect (Edit menu) act on all of them."
)


class SeveralTouchpointsForm(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._ids: list[str] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        form = form_layout()
        self.emotion, self.epic = add_score_rows(form)
        self.choices: dict[str, SegmentedChoice] = {"emotion": self.emotion}
        self.choices.update({EPIC_PATHS[letter]: choice for letter, choice in self.epic.items()})
        for path, choice in self.choices.items():
            choice.chosen.connect(
                lambda value, stepped, path=path: self._choose(path, value, stepped)
            )
        self.personas = TouchpointPersonas(document)
        self.personas.problem.connect(self.problem)
        add_row(form, "Perso&nas:", self.personas)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addLayout(form)
        column.addWidget(caption(HINT))
        column.addStretch(1)

    @property
    def touchpoint_ids(self) -> list[str]:
        return list(self._ids)

    def show_touchpoints(self, touchpoint_ids: list[str]) -> None:
        self._ids = list(touchpoint_ids)
        self.refresh()

    def refresh(self) -> None:
        tps = [tp for tp in map(self._touchpoint, self._ids) if tp is not None]
        self._show_summary([tp.title for tp in tps])
        for path, choice in self.choices.items():
            values = {read_field(tp, path) for tp in tps}
            if len(values) == 1:
                choice.set_value(values.pop())
            else:
                choice.set_mixed()
        self.personas.show_touchpoints(self._ids)

    def refresh_personas(self) -> None:
        self.personas.refresh()

    def _touchpoint(self, touchpoint_id: str) -> Any:
        return self._document.get("touchpoints", touchpoint_id)

    def _show_summary(self, titles: list[str]) -> None:
        shown = " · ".join(titles[:SHOWN_TITLES])
        if len(titles) > SHOWN_TITLES:
            shown += f" … and {len(titles) - SHOWN_TITLES} more"
        self.summary.setText(f"{len(titles)} touchpoints selected.\n{shown}")

    def _choose(self, path: str, value: Any, stepped: bool = False) -> None:
        ids = self._ids
        made = push_checked(
            self._document,
            lambda: EditTouchpoints(self._document, ids, path, value, stepped),
            self.problem.emit,
        )
        if made is None:
            self.refresh()  # the cards' values again, not the refused choice
