"""Every field of one improvement, bound to ``EditImprovement`` as the inspector binds a
touchpoint's: typing in a field merges into one undo step, a refused value is not pushed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from ...analysis.epic import LETTER_NAMES, LETTERS
from ...model import EpicLetter
from ..canvas import palette
from ..commands import EditImprovement
from ..document import Document
from ..inspector.bindings import Binding, EntityForm
from ..inspector.forms import add_row, compact_combo, form_layout, text_area
from ..inspector.segmented import SegmentedChoice
from .improvements_choices import ACTIONS, CONFIDENCES, EFFORTS, STATUSES, TARGET_STEPS
from .improvements_links import BringsAboutLinks, FrictionLinks

#: A chosen value stands out as the selection does on the canvas.
CHOSEN = (palette.SELECTION, palette.ink_on(palette.SELECTION))
CHOSEN_STYLE = (
    f"QToolButton:checked {{ background: {CHOSEN[0]}; color: {CHOSEN[1]};"
    " border: 1px solid #1d2630; border-radius: 3px; font-weight: bold; }"
)


def _chosen_colours(options) -> dict:
    return {value: CHOSEN for value, _label, _tip in options}


class EpicLetterToggles(QWidget):
    """Four toggles, E P I C: the letters an improvement makes better."""

    #: the letters the user chose, in EPIC order
    chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 2, 2, 2)
        row.setSpacing(2)
        self.buttons: dict[EpicLetter, QToolButton] = {}
        for letter in LETTERS:
            button = QToolButton(self)
            button.setText(letter.value)
            button.setCheckable(True)
            button.setMinimumWidth(30)
            button.setToolTip(LETTER_NAMES[letter])
            button.setAccessibleName(f"EPIC {LETTER_NAMES[letter]}")
            button.setStyleSheet(CHOSEN_STYLE)
            button.clicked.connect(self._clicked)
            row.addWidget(button)
            self.buttons[letter] = button
        row.addStretch(1)

    def letters(self) -> list[EpicLetter]:
        return [letter for letter, button in self.buttons.items() if button.isChecked()]

    def set_letters(self, letters: list[EpicLetter]) -> None:
        for letter, button in self.buttons.items():
            button.setChecked(letter in letters)

    def _clicked(self) -> None:
        self.chosen.emit(self.letters())


class LettersBinding(Binding):
    widget: EpicLetterToggles

    def __init__(self, form: EntityForm, widget: EpicLetterToggles, path: str) -> None:
        super().__init__(form, widget, path)
        widget.chosen.connect(lambda letters: self.user_set(letters, False))

    def show(self, value: Any) -> None:
        self.widget.set_letters(list(value or []))


class ImprovementForm(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(
        self,
        document: Document,
        selected_frictions: Callable[[], list[str]],
        selected_cards: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = EntityForm(document, EditImprovement, self)
        self.form.problem.connect(self.problem)
        layout = form_layout()
        self.title = QLineEdit()
        self.title.setPlaceholderText("What the team will do")
        add_row(layout, "Title:", self.title)
        self.form.bind(self.title, "title")
        self.description = text_area(2, "Description", "How, and why it helps the customer")
        add_row(layout, "Description:", self.description)
        self.form.bind(self.description, "description")
        self.action = compact_combo()
        add_row(layout, "Action:", self.action, "Eliminate, automate, simplify or leverage")
        self.form.bind(self.action, "action", ACTIONS)
        self.target_step = compact_combo()
        add_row(layout, "Target step:", self.target_step, "Where on the stairway it lifts to")
        self.form.bind(self.target_step, "target_step", TARGET_STEPS)
        self.effort = SegmentedChoice(EFFORTS, _chosen_colours(EFFORTS))
        add_row(layout, "Effort:", self.effort, "Effort points; 2 or less is low effort")
        self.form.bind(self.effort, "effort")
        self.confidence = SegmentedChoice(CONFIDENCES, _chosen_colours(CONFIDENCES))
        add_row(layout, "Confidence:", self.confidence, "How sure the team is of its impact")
        self.form.bind(self.confidence, "confidence")
        self.owner = QLineEdit()
        self.owner.setPlaceholderText("Who takes it on")
        add_row(layout, "Owner:", self.owner)
        self.form.bind(self.owner, "owner")
        self.status = compact_combo(10)
        add_row(layout, "Status:", self.status)
        self.form.bind(self.status, "status", STATUSES)
        self.epic = EpicLetterToggles()
        add_row(layout, "EPIC letters:", self.epic, "The EPIC letters it makes better")
        self.form.add_binding(LettersBinding(self.form, self.epic, "epic_letters"))
        self.frictions = FrictionLinks(document, selected_frictions)
        self.frictions.problem.connect(self.problem)
        add_row(layout, "Friction points:", self.frictions)
        self.brings_about = BringsAboutLinks(document, selected_cards)
        self.brings_about.problem.connect(self.problem)
        add_row(layout, "Brings about:", self.brings_about, "The future-state changes it makes")
        self.setLayout(layout)
        for links in (self.frictions, self.brings_about):
            layout.labelForField(links).setAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            )

    @property
    def improvement_id(self) -> str | None:
        return self.form.entity_id

    def show_improvement(self, improvement_id: str | None) -> None:
        self.form.show(improvement_id)
        self.frictions.show_improvement(improvement_id)
        self.brings_about.show_improvement(improvement_id)

    def refresh(self) -> None:
        self.form.refresh()
        self.frictions.refresh()
        self.brings_about.refresh()

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()
