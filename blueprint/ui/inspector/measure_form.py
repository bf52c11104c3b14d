"""The fields of one measure, bound to ``EditMeasure``: name (NPS, CSAT… or any), value,
unit, period, date, how it is known and where it comes from."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...model.measures import following
from ..commands import EditMeasure
from ..document import Document
from .bindings import EntityForm
from .entry_bindings import DateBinding, SuggestBinding
from .evidence_text import (
    DATE_HELP,
    MEASURE_NAMES,
    MEASURE_PERIODS,
    MEASURE_SOURCES,
    followers_caption,
)
from .forms import add_row, caption, compact_combo, form_layout
from .numbers import NumberBox
from .warnings import warning_label

MAX_VALUE = 1e12

#: Field -> label, with the Alt+letter each takes in the inspector's Evidence tab.
INSPECTOR_LABELS: Mapping[str, str] = {
    "add": "&Add measure",
    "remove": "Re&move measure",
    "name": "&Name:",
    "value": "Val&ue:",
    "unit": "Un&it:",
    "period": "Peri&od:",
    "date": "&Date:",
    "source": "Sour&ce:",
    "origin": "Ori&gin:",
}
#: ... and in the blueprint's properties window, beside its own fields.
DIALOG_LABELS: Mapping[str, str] = {
    "add": "&Add measure",
    "remove": "Re&move measure",
    "name": "&Name:",
    "value": "&Value:",
    "unit": "Un&it:",
    "period": "&Period:",
    "date": "Dat&e:",
    "source": "&Source:",
    "origin": "Ori&gin:",
}


class MeasureForm(QWidget):
    def __init__(
        self,
        document: Document,
        labels: Mapping[str, str] = INSPECTOR_LABELS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self.form = EntityForm(document, EditMeasure, self)
        form = form_layout()
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QComboBox()
        add_row(form, labels["name"], self.name, "What is measured: pick one or type any name")
        self.form.add_binding(SuggestBinding(self.form, self.name, "name", MEASURE_NAMES))
        for named in (self.name, self.name.lineEdit()):
            named.setAccessibleName("Measure name")
        self.value = NumberBox(-MAX_VALUE, MAX_VALUE, 1, 2)
        add_row(form, labels["value"], self.value, "The number measured (or estimated)")
        self.form.bind(self.value, "value")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("%, points, contacts, EUR…")
        add_row(form, labels["unit"], self.unit, "What the value counts")
        self.form.bind(self.unit, "unit")
        self.period = compact_combo(10)
        add_row(form, labels["period"], self.period, "For a count: per day … per year")
        self.form.bind(self.period, "period", MEASURE_PERIODS)
        self.date = QLineEdit()
        add_row(form, labels["date"], self.date, DATE_HELP)
        self.date_note = warning_label()
        form.addRow(self.date_note)
        self.form.add_binding(DateBinding(self.form, self.date, "date", self.date_note))
        self.source = compact_combo(10)
        add_row(
            form,
            labels["source"],
            self.source,
            "Measured from data, an estimate, or not known?",
        )
        self.form.bind(self.source, "source", MEASURE_SOURCES)
        self.origin = QLineEdit()
        self.origin.setPlaceholderText("A file or a system: Genesys export 2026-10.xlsx")
        add_row(form, labels["origin"], self.origin, "Where it comes from: a file, a system")
        self.form.bind(self.origin, "origin")
        self.followers = caption("")
        form.addRow(self.followers)
        self._layout = form
        self.setLayout(form)

    def show_measure(self, measure_id: str | None) -> None:
        self.form.show(measure_id)
        self._show_followers()

    def refresh(self) -> None:
        self.form.refresh()
        self._show_followers()

    def _show_followers(self) -> None:
        measure_id = self.form.entity_id
        count = len(following(self._document.blueprint, measure_id)) if measure_id else 0
        self.followers.setText(followers_caption(count))
        self._layout.setRowVisible(self.followers, bool(count))
