"""The fields of one friction point, every one of DOMAIN.md, bound to ``EditFriction``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QHBoxLayout, QLineEdit, QWidget

from ...model import FrequencySource, FrictionNature, Presence
from ...report.comparison_text import number_text
from ..accessible_names import name_widget
from ..canvas import palette
from ..commands import EditFriction, SetFrequencyMeasure, push_checked
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
from .evidence_text import TYPED_IN, follows_caption, frequency_measures, measure_choice
from .forms import add_row, caption, compact_combo, form_layout, text_area
from .numbers import NumberBox
from .segmented import SegmentedChoice
from .warnings import set_warning, warning_label

MAX_COUNT = 1_000_000_000.0
FUTURE_MEASURE_TIP = "Tomorrow's frequency is typed; today's may follow a measure"
FUTURE_RANGE_TIP = (
    "How sure the plan is is worked out on today's journey: set the plausible range in today's view"
)


#: Said above the fields in the future state: Nature set to "Good" there made today's friction
#: point deliberate too, and took an improvement out of today's plan, unsaid.
SHARED_NOTE = (
    "Tomorrow's own: severity, frequency, leads to and giving up. Title, description, kind, "
    "nature and contact reason are the same today and tomorrow: a change here changes both."
)


#: A count typed with its data still "unknown": the widest range of the plausible cases.
UNKNOWN_SOURCE_NOTE = (
    "Frequency data is 'unknown': how sure the plan is takes this count as anything from a "
    "tenth to ten times it. Choose estimated or measured if you know it better."
)


class FrictionForm(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.form = EntityForm(document, EditFriction, self)
        form = form_layout()
        form.setContentsMargins(0, 0, 0, 0)
        self.shared_note = caption(SHARED_NOTE)
        form.addRow(self.shared_note)
        self.title = QLineEdit()
        add_row(form, "T&itle:", self.title)
        self.title.setAccessibleName("Friction point title")  # beside the card's own Title
        self.form.bind(self.title, "title")
        self.description = text_area(3, "Description", "What happens to the customer")
        add_row(form, "&Description:", self.description)
        self.form.bind(self.description, "description")
        self.kind = compact_combo()
        add_row(
            form,
            "&Kind:",
            self.kind,
            "Hesitation, slowdown, disruption or failure (the customer gives up or the step "
            "breaks)",
        )
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
        frequency = QWidget()
        row = QHBoxLayout(frequency)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count, 1)
        row.addWidget(self.period, 1)
        add_row(form, "Fre&quency:", frequency, "How many times, per day … per year")
        # Labelled once in its row: the form is made after the window named its combo boxes,
        # and Linux reads a combo box by its label (it was "per week", of what, unsaid).
        name_widget(self.period, "Frequency period")
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
        self.measure = compact_combo()
        add_row(
            form,
            "Follo&ws measure:",
            self.measure,
            "Take the frequency from a count measured at this touchpoint or for the whole "
            "blueprint (a measure with a period): its count, period and source then follow it",
        )
        self.measure.activated.connect(self._measure_chosen)
        self.follows = caption("")
        self.follows.setTextFormat(Qt.TextFormat.PlainText)  # the origin as typed
        form.addRow("", self.follows)
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
            "follows the frequency data (measured ÷1.2 to ×1.2, estimated ½–2×, unknown ⅒–10×)",
        )
        self.form.bind(self.low, "frequency.low")
        self.form.bind(self.high, "frequency.high")
        self.range_note = warning_label()
        form.addRow("", self.range_note)
        self.leads_to = compact_combo()
        add_row(form, "Leads t&o:", self.leads_to, "The channel the customer is pushed into")
        self._leads_to = self.form.bind(self.leads_to, "leads_to_channel_id")
        self.gives_up = QCheckBox("Customers &give up here")
        form.addRow("", self.gives_up)
        self.gives_up.setAccessibleName("Customers give up here")  # as it reads, for speech
        self.form.bind(self.gives_up, "gives_up")
        self.reason = compact_combo()
        add_row(form, "&Contact reason:", self.reason, "Why customers get in touch, if they do")
        self._reason = self.form.bind(self.reason, "contact_reason_id")
        self.setLayout(form)
        self._layout = form
        self._measure_choices: list[str | None] = [None]
        self._measure_tip = self.measure.toolTip()
        self._range_tip = self.low.toolTip()
        self.refresh_choices()

    def show_friction(self, friction_id: str | None) -> None:
        self.form.show(friction_id)
        self._show_help()
        self._show_measure()
        self._show_range_note()

    def refresh(self) -> None:
        self.form.refresh()
        self._show_help()
        self._show_measure()
        self._show_range_note()

    def _show_range_note(self) -> None:
        """A count outside its own plausible range: the plan ranks on a number that none of
        the plausible worlds of how sure it is ever draws."""
        friction = self.form.entity()
        frequency = friction.frequency if friction is not None else None
        outside = frequency is not None and (
            (frequency.low is not None and frequency.count < frequency.low)
            or (frequency.high is not None and frequency.count > frequency.high)
        )
        if not outside:
            guessed = (
                frequency is not None
                and frequency.count > 0
                and frequency.source == FrequencySource.UNKNOWN
                and frequency.low is None
                and frequency.high is None
            )
            set_warning(self.range_note, UNKNOWN_SOURCE_NOTE if guessed else "")
            return
        low = "…" if frequency.low is None else number_text(frequency.low)
        high = "…" if frequency.high is None else number_text(frequency.high)
        set_warning(
            self.range_note,
            f"The count ({number_text(frequency.count)}) is outside this range ({low}–{high}): "
            "the plan ranks on the count, which no plausible case draws. Widen the range or "
            "correct the count.",
        )

    def refresh_choices(self) -> None:
        """Channels and contact reasons are named by the document, which may rename them."""
        blueprint = self._document.blueprint
        assert isinstance(self._leads_to, ComboBinding)
        assert isinstance(self._reason, ComboBinding)
        self._leads_to.set_choices(channel_choices(blueprint))
        self._reason.set_choices(contact_reason_choices(blueprint))

    # --- a frequency taken from a measure ------------------------------------------------

    def _today(self) -> bool:
        """Whether today's values are edited (the future view types tomorrow's)."""
        return self.form.command is EditFriction

    def _show_measure(self) -> None:
        friction = self.form.entity()
        choices: list[tuple[str | None, str]] = [(None, TYPED_IN)]
        followed = None
        if friction is not None:
            bp = self._document.blueprint
            following = friction.frequency.measure_id
            for measure, wide in frequency_measures(bp, friction.touchpoint_id, following):
                choices.append((measure.id, measure_choice(measure, wide)))
            followed = self._document.get("measures", friction.frequency.measure_id or "")
        self._measure_choices = [value for value, _label in choices]
        labels = [label for _value, label in choices]
        if [self.measure.itemText(i) for i in range(self.measure.count())] != labels:
            blocked = self.measure.blockSignals(True)
            self.measure.clear()
            self.measure.addItems(labels)
            self.measure.blockSignals(blocked)
        shown = followed.id if followed is not None else None
        self.measure.setCurrentIndex(self._measure_choices.index(shown))
        today = self._today()
        self.measure.setEnabled(friction is not None and today)
        self.measure.setToolTip(self._measure_tip if today else FUTURE_MEASURE_TIP)
        # How sure the plan is is worked out on today's journey: a range set tomorrow did
        # nothing there, and cut tomorrow's count loose from today's measure.
        for bound in (self.low, self.high):
            bound.setEnabled(friction is not None and today)
            bound.setToolTip(self._range_tip if today else FUTURE_RANGE_TIP)
        linked = followed is not None and today
        self.count.setReadOnly(linked)
        arrows = QAbstractSpinBox.ButtonSymbols
        self.count.setButtonSymbols(arrows.NoButtons if linked else arrows.UpDownArrows)
        self.period.setEnabled(friction is not None and not linked)
        self.source.setEnabled(friction is not None and not linked)
        self.follows.setText(follows_caption(followed) if linked and followed else "")
        self._layout.setRowVisible(self.follows, linked)

    def _measure_chosen(self, index: int) -> None:
        friction = self.form.entity()
        if friction is None or not 0 <= index < len(self._measure_choices):
            return
        chosen = self._measure_choices[index]
        if chosen == friction.frequency.measure_id:
            return
        push_checked(
            self._document,
            lambda: SetFrequencyMeasure(self._document, friction.id, chosen),
            self.form.problem.emit,
        )
        self._show_measure()

    def _show_help(self) -> None:
        friction = self.form.entity()
        good = friction is not None and friction.nature == FrictionNature.GOOD
        self._layout.setRowVisible(self.good_help, good)
        # Not for a friction point of tomorrow only: it has no today to share them with.
        shared = friction is not None and friction.state != Presence.FUTURE
        self._layout.setRowVisible(self.shared_note, shared and not self._today())
