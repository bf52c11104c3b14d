"""The fields of one friction point, every one of DOMAIN.md, bound to ``EditFriction``."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from ...model import FrictionNature
from ..canvas import palette
from ..commands import EditFriction
from ..document import Document
from .bindings import ComboBinding, EntityForm
from .choices import (
    GOOD_FRICTION_HELP,
    KINDS,
    NATURES,
    PERIODS,
    SEVERITIES,
    SOURCES,
    channel_choices,
    contact_reason_choices,
)
from .forms import add_row, caption, compact_combo, form_layout, text_area
from .numbers import NumberBox
from .segmented import SegmentedChoice

MAX_COUNT = 1_000_000_000.0


class FrictionForm(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.form = EntityForm(document, EditFriction, self)
        form = form_layout()
        form.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        add_row(form, "T&itle:", self.title)
        self.form.bind(self.title, "title")
        self.description = text_area(3, "Description", "What happens to the customer")
        add_row(form, "&Description:", self.description)
        self.form.bind(self.description, "description")
        self.kind = compact_combo()
        add_row(form, "&Kind:", self.kind, "Hesitation, slowdown, disruption or failure")
        self.form.bind(self.kind, "kind", KINDS)
        self.nature = compact_combo()
        add_row(form, "&Nature:", self.nature, GOOD_FRICTION_HELP)
        self.form.bind(self.nature, "nature", NATURES)
        self.good_help = caption(GOOD_FRICTION_HELP)
        form.addRow(self.good_help)
        colours = {
            s: (palette.SEVERITY[s], palette.ink_on(palette.SEVERITY[s])) for s in range(1, 5)
        }
        self.severity = SegmentedChoice(SEVERITIES, colours)
        add_row(form, "Severit&y:", self.severity, "1 cosmetic, 2 annoying, 3 serious, 4 blocks")
        self.form.bind(self.severity, "severity")
        self.count = NumberBox(0, MAX_COUNT, 1, 1)
        self.count.setSpecialValueText("unknown")  # 0 is a count nobody has given yet
        self.count.setAccessibleName("Frequency count")
        self.period = compact_combo(8)
        self.period.setAccessibleName("Frequency period")
        frequency = QWidget()
        row = QHBoxLayout(frequency)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count, 1)
        row.addWidget(self.period, 1)
        add_row(form, "Fre&quency:", frequency, "How many times, per day … per year")
        self.count.setAccessibleName("Frequency count")
        self.form.bind(self.count, "frequency.count")
        self.form.bind(self.period, "frequency.per", PERIODS)
        self.source = compact_combo(8)
        add_row(
            form,
            "Freq&uency data:",
            self.source,
            "Is the frequency measured from data, an estimate, or not known?",
        )
        self.form.bind(self.source, "frequency.source", SOURCES)
        self.low = NumberBox(0, MAX_COUNT, 1, 1, optional=True)
        self.low.setAccessibleName("Frequency low count")
        self.high = NumberBox(0, MAX_COUNT, 1, 1, optional=True)
        self.high.setAccessibleName("Frequency high count")
        plausible = QWidget()
        row = QHBoxLayout(plausible)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.low, 1)
        row.addWidget(self.high, 1)
        add_row(
            form,
            "Plausi&ble range:",
            plausible,
            "The lowest and highest plausible count, per the same period; not set: the range "
            "follows the frequency data (measured ±20%, estimated ½–2×, unknown ⅒–10×)",
        )
        self.form.bind(self.low, "frequency.low")
        self.form.bind(self.high, "frequency.high")
        self.leads_to = compact_combo()
        add_row(form, "Leads t&o:", self.leads_to, "The channel the customer is pushed into")
        self._leads_to = self.form.bind(self.leads_to, "leads_to_channel_id")
        self.gives_up = QCheckBox("Customers &give up here")
        form.addRow("", self.gives_up)
        self.gives_up.setAccessibleName("Gives up")
        self.form.bind(self.gives_up, "gives_up")
        self.reason = compact_combo()
        add_row(form, "&Contact reason:", self.reason, "Why customers get in touch, if they do")
        self._reason = self.form.bind(self.reason, "contact_reason_id")
        self.setLayout(form)
        self._layout = form
        self.refresh_choices()

    def show_friction(self, friction_id: str | None) -> None:
        self.form.show(friction_id)
        self._show_help()

    def refresh(self) -> None:
        self.form.refresh()
        self._show_help()

    def refresh_choices(self) -> None:
        """Channels and contact reasons are named by the document, which may rename them."""
        blueprint = self._document.blueprint
        assert isinstance(self._leads_to, ComboBinding)
        assert isinstance(self._reason, ComboBinding)
        self._leads_to.set_choices(channel_choices(blueprint))
        self._reason.set_choices(contact_reason_choices(blueprint))

    def _show_help(self) -> None:
        friction = self.form.entity()
        good = friction is not None and friction.nature == FrictionNature.GOOD
        self._layout.setRowVisible(self.good_help, good)
