"""The measures of one touchpoint (or of the whole blueprint): a list, Add and Remove, and
the fields of the one picked."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...model import Measure
from ..commands import AddMeasure, CommandError, RemoveMeasure
from ..document import Document
from .evidence_text import NEW_MEASURE, measure_row, measure_tip
from .forms import caption
from .measure_form import INSPECTOR_LABELS, MeasureForm
from .row_list import Row, RowList

NONE_YET = (
    "No measure yet. Add the numbers you have for this step: NPS, CSAT, contacts a month, "
    "a completion rate, with where each comes from."
)
NONE_YET_BLUEPRINT = (
    "No measure of the whole journey yet: an NPS, contacts a month, a cost to serve. A "
    "friction point's frequency can follow one."
)


class MeasuresPanel(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(
        self,
        document: Document,
        labels: Mapping[str, str] = INSPECTOR_LABELS,
        whole_blueprint: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._whole = whole_blueprint
        #: the touchpoint shown (None: none, or the whole blueprint's measures)
        self._touchpoint_id: str | None = None
        self._enabled = whole_blueprint
        what = "of the whole blueprint" if whole_blueprint else "of the touchpoint"
        self.list = RowList(f"Measures {what}", rows=3)
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.deleteRequested.connect(self.remove_current)
        self.empty_note = caption(NONE_YET_BLUEPRINT if whole_blueprint else NONE_YET)
        self.add_button = QPushButton(labels["add"])
        self.add_button.setToolTip("Add a measure: a number with where it comes from")
        self.add_button.clicked.connect(self.add_measure)
        self.remove_button = QPushButton(labels["remove"])
        self.remove_button.setToolTip("Remove the selected measure (Delete in the list)")
        self.remove_button.clicked.connect(self.remove_current)
        self.editor = MeasureForm(document, labels)
        self.editor.form.problem.connect(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_note)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        self.refresh()

    def measures(self) -> list[Measure]:
        if not self._enabled:
            return []
        owner = None if self._whole else self._touchpoint_id
        return [m for m in self._document.blueprint.measures if m.touchpoint_id == owner]

    def show_touchpoint(self, touchpoint_id: str | None) -> None:
        if touchpoint_id != self._touchpoint_id:
            self.list.forget()
        self._touchpoint_id = touchpoint_id
        self._enabled = self._whole or touchpoint_id is not None
        self.refresh()

    def current_measure_id(self) -> str | None:
        return self.list.current_id()

    def refresh(self) -> None:
        measures = self.measures()
        self.list.show_rows([Row(m.id, measure_row(m), measure_tip(m)) for m in measures])
        self.list.setVisible(bool(measures))
        self.add_button.setEnabled(self._enabled)
        self.remove_button.setEnabled(self.current_measure_id() is not None)
        self.empty_note.setVisible(self._enabled and not measures)
        self.editor.setVisible(bool(measures))
        self.editor.show_measure(self.current_measure_id())

    def select_measure(self, measure_id: str) -> None:
        self.list.select(measure_id)

    # --- the user's actions ------------------------------------------------------------------

    def _current_changed(self, _row: int) -> None:
        self.remove_button.setEnabled(self.current_measure_id() is not None)
        self.editor.show_measure(self.current_measure_id())

    def add_measure(self) -> None:
        if not self._enabled:
            return
        owner = None if self._whole else self._touchpoint_id
        measure = Measure(touchpoint_id=owner, name=NEW_MEASURE, value=0)
        try:
            command = AddMeasure(self._document, measure)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        self.refresh()
        self.select_measure(measure.id)
        # Ready to type (or pick) its real name over the placeholder one.
        self.editor.name.setFocus()
        self.editor.name.lineEdit().selectAll()

    def remove_current(self) -> None:
        measure_id = self.current_measure_id()
        if measure_id is None:
            return
        row = self.list.currentRow()
        try:
            command = RemoveMeasure(self._document, measure_id)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
