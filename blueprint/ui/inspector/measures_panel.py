"""The measures of one touchpoint (or of the whole blueprint): a list, Add and Remove, and
the fields of the one picked."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QPushButton, QWidget

from ...model import FrequencySource, Measure
from ..commands import AddMeasure, RemoveMeasure
from ..document import Document
from .evidence_text import NEW_MEASURE, measure_row, measure_tip
from .list_panel import ListPanel
from .measure_form import INSPECTOR_LABELS, MeasureForm
from .row_list import Row

UNKNOWN = FrequencySource.UNKNOWN
NONE_YET = (
    "No measure yet. Add the numbers you have for this step: NPS, CSAT, contacts a month, "
    "a completion rate, with where each comes from."
)
NONE_YET_BLUEPRINT = (
    "No measure of the whole journey yet: an NPS, contacts a month, a cost to serve. A "
    "friction point's frequency can follow one."
)


class MeasuresPanel(ListPanel):
    add_command = AddMeasure
    remove_command = RemoveMeasure

    def __init__(
        self,
        document: Document,
        labels: Mapping[str, str] = INSPECTOR_LABELS,
        whole_blueprint: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        what = "of the whole blueprint" if whole_blueprint else "of the touchpoint"
        none_yet = NONE_YET_BLUEPRINT if whole_blueprint else NONE_YET
        super().__init__(document, f"Measures {what}", none_yet, parent)
        self._whole = whole_blueprint
        #: the touchpoint shown (None: none, or the whole blueprint's measures)
        self._touchpoint_id: str | None = None
        self._enabled = whole_blueprint
        self.add_button = QPushButton(labels["add"])
        self.add_button.setToolTip("Add a measure: a number with where it comes from")
        self.add_button.clicked.connect(self.add_measure)
        self.remove_button = QPushButton(labels["remove"])
        self.remove_button.setToolTip("Remove the selected measure (Delete in the list)")
        self.editor = MeasureForm(document, labels)
        self._lay_out([self.add_button])

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

    def _can_add(self) -> bool:
        return self._enabled

    def _rows(self) -> list[Row]:
        return [Row(m.id, measure_row(m), measure_tip(m)) for m in self.measures()]

    def _show(self, entity_id: str | None) -> None:
        self.editor.show_measure(entity_id)

    # --- the user's actions ------------------------------------------------------------------

    def add_measure(self) -> None:
        if not self._enabled:
            return
        owner = None if self._whole else self._touchpoint_id
        # Not known until the team says how: a new measure backs nothing yet (it would make
        # the card "backed by measured data" before any number is in).
        new = Measure(touchpoint_id=owner, name=NEW_MEASURE, value=0, source=UNKNOWN)
        if self._add(new):
            # Ready to type (or pick) its real name over the placeholder one.
            self.editor.name.setFocus()
            self.editor.name.lineEdit().selectAll()
