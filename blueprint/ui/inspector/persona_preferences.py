"""The channel a persona prefers at each stage: one box per stage, "No preference" or a
channel (DOMAIN.md, "The channels each persona prefers"), with how well today's journey fits
it: the share of its touchpoints in that channel at each stage, and its channel fit, the
figure the plan's summary gives a manager."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...analysis.persona_channels import StageFit, persona_channel_fit
from ...model.states import current_state
from ...report import formatting as fmt
from ..accessible_names import literal
from ..commands import SetPreferredChannel, push_checked
from ..document import Document
from ..tips import set_plain_tip
from .forms import arrows_open_the_list, caption, form_layout, wheel_scrolls_past

NO_PREFERENCE = "No preference"


class PreferredChannels(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)
    #: the boxes were made again (the stages changed): the tab order is to be set again
    rowsBuilt = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._persona_id: str | None = None
        self._structure: tuple = ()
        self.boxes: dict[str, QComboBox] = {}
        #: each stage's fit for the persona shown, beside its box
        self.fits: dict[str, QLabel] = {}
        self._form: QFormLayout = form_layout()
        self._form.setContentsMargins(0, 0, 0, 0)
        #: the persona's channel fit, as the plan's summary says it (it was only in the PDF)
        self.fit_note = caption("")
        self.fit_note.setTextFormat(Qt.TextFormat.PlainText)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._form)
        column.addWidget(self.fit_note)

    def show_persona(self, persona_id: str | None) -> None:
        self._persona_id = persona_id
        self.rebuild()

    def rebuild(self) -> None:
        """Follow the stages and channels, then show the persona's preferences."""
        bp = self._document.blueprint
        structure = (
            tuple((s.id, s.name) for s in bp.stages),
            tuple((c.id, c.name) for c in bp.channels),
        )
        if structure != self._structure:
            self._structure = structure
            self._build_rows(*structure)
        persona = self._document.get("personas", self._persona_id) if self._persona_id else None
        chosen = {p.stage_id: p.channel_id for p in persona.preferred_channels} if persona else {}
        for stage_id, box in self.boxes.items():
            index = box.findData(chosen.get(stage_id, ""))
            blocked = box.blockSignals(True)
            box.setCurrentIndex(max(0, index))
            box.blockSignals(blocked)
        self._show_fit(persona)

    def _show_fit(self, persona) -> None:
        """Today's fit at each stage with a preference, and the channel fit."""
        fit = (
            persona_channel_fit(current_state(self._document.blueprint), persona)
            if persona
            else None
        )
        stages = {s.stage_id: s for s in fit.stages} if fit is not None else {}
        for stage_id, label in self.fits.items():
            said, tip = _stage_fit_words(stages.get(stage_id))
            label.setText(said)
            label.setToolTip(tip)
            label.setAccessibleName(tip)
        self.fit_note.setVisible(bool(stages))
        if fit is not None and stages:
            self.fit_note.setText(
                f"Channel fit: {fmt.channel_fit_text(fit)}, the share of its touchpoints in "
                "the channel it prefers, over the stages where it names one (today's journey)."
            )

    def _build_rows(self, stages, channels) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.boxes, self.fits = {}, {}
        for stage_id, stage_name in stages:
            box = QComboBox()
            box.addItem(NO_PREFERENCE, "")
            for channel_id, channel_name in channels:
                box.addItem(channel_name, channel_id)
            box.setAccessibleName(f"Preferred channel at {stage_name}")
            set_plain_tip(box, f"The channel this persona prefers at {stage_name}, if any")
            box.activated.connect(lambda _i, s=stage_id, b=box: self._chosen(s, b))
            label = QLabel(literal(stage_name) + ":")
            label.setTextFormat(Qt.TextFormat.PlainText)  # the name as typed
            label.setBuddy(box)
            wheel_scrolls_past(box)
            arrows_open_the_list(box)  # walking past by Down made an edit at each channel
            fit = QLabel()
            fit.setMinimumWidth(fit.fontMetrics().horizontalAdvance("100%") + 4)
            row = QWidget()
            beside = QHBoxLayout(row)
            beside.setContentsMargins(0, 0, 0, 0)
            beside.addWidget(box, 1)
            beside.addWidget(fit)
            self._form.addRow(label, row)
            self.boxes[stage_id] = box
            self.fits[stage_id] = fit
        self.rowsBuilt.emit()

    def _chosen(self, stage_id: str, box: QComboBox) -> None:
        persona_id = self._persona_id
        if persona_id is None:
            return
        channel_id = box.currentData() or None
        document = self._document
        push_checked(
            document,
            lambda: SetPreferredChannel(document, persona_id, stage_id, channel_id),
            self.problem.emit,
        )
        self.rebuild()  # a refused change shows what the persona still prefers


def _stage_fit_words(stage: StageFit | None) -> tuple[str, str]:
    """A stage's fit beside its box ("17%"), and in words for its tooltip."""
    if stage is None:
        return "", ""
    if stage.fit is None:
        return "–", "Fit not known: no touchpoint of this stage applies to the persona"
    return (
        fmt.percent(stage.fit),
        f"Fit {fmt.percent(stage.fit)}: {stage.in_preferred} of its {stage.touchpoints} "
        "touchpoints here are in the channel it prefers",
    )
