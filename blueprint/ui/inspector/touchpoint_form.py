"""The fields of one touchpoint: its scores and facts, and its blueprint lanes.

Two pages for the inspector's tabs. Every field is bound to ``EditTouchpoint``: typing in
a field or stepping a score merges into one undo step; a click on a score is one step.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...analysis.epic import LETTER_NAMES
from ...model import EpicLetter
from ..canvas import palette
from ..commands import EditTouchpoint
from ..document import Document
from .bindings import EntityForm
from .choices import EMOTIONS, EPIC_SCORES
from .forms import add_row, caption, form_layout, text_area
from .numbers import NumberBox
from .segmented import SegmentedChoice
from .touchpoint_personas import TouchpointPersonas

EPIC_PATHS = {
    EpicLetter.EASY: "epic.easy",
    EpicLetter.PERSONALISED: "epic.personalised",
    EpicLetter.INTUITIVE: "epic.intuitive",
    EpicLetter.CONTEXTUAL: "epic.contextual",
}
#: The lanes of a service blueprint, top to bottom, and the line drawn under each.
LANES = (
    ("customer_action", "Customer action", "What the customer does.", "line of interaction"),
    ("physical_evidence", "Physical evidence", "What the customer sees or holds.", ""),
    ("frontstage", "Frontstage", "What staff or systems visibly do.", "line of visibility"),
    ("backstage", "Backstage", "What happens out of sight.", "line of internal interaction"),
    ("support_processes", "Support processes", "Systems, partners, policies.", ""),
)
MAX_MINUTES = 1_000_000.0


def _score_colours(colours: dict) -> dict:
    return {score: (fill, palette.ink_on(fill)) for score, fill in colours.items()}


def add_score_rows(form: QFormLayout) -> tuple[SegmentedChoice, dict[EpicLetter, SegmentedChoice]]:
    """The emotion row and one row per EPIC letter, unbound: for one card or for many."""
    emotion = SegmentedChoice(EMOTIONS, _score_colours(palette.EMOTION))
    add_row(form, "E&motion:", emotion, "−2 angry … +2 delighted; – not set")
    epic: dict[EpicLetter, SegmentedChoice] = {}
    colours = _score_colours(palette.EPIC_SCORE)
    for letter in EPIC_PATHS:
        choice = SegmentedChoice(EPIC_SCORES, colours)
        name = LETTER_NAMES[letter]
        add_row(form, f"{letter.value}  {name}:", choice, f"EPIC {name}: 1..5, – not scored")
        choice.setAccessibleName(f"EPIC {name}")
        epic[letter] = choice
    return emotion, epic


#: Said under the fields in the future state: a note typed there reached today's card unsaid.
SHARED_NOTE = (
    "Duration, wait, personas and notes are the same today and tomorrow: a change here "
    "changes both."
)


class TouchpointForm(QObject):
    """Title (shown above the tabs) plus the two pages, all bound to one touchpoint.

    Not a widget itself: its title field and pages go where the inspector lays them out.
    """

    def __init__(self, document: Document, parent: QObject) -> None:
        super().__init__(parent)
        self.form = EntityForm(document, EditTouchpoint, self)
        self.title = QLineEdit()
        # As the friction point's is: "Touchpoint title", and a placeholder that says what
        # to write (a screen reader read "Title" twice, as name and as placeholder).
        self.title.setAccessibleName("Touchpoint title")
        self.title.setPlaceholderText("What the customer does")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.form.bind(self.title, "title")
        self.personas = TouchpointPersonas(document)
        self.details_page = self._details_page()
        self.lanes_page = self._lanes_page()

    def _details_page(self) -> QWidget:
        page = QWidget()
        form = form_layout()
        self.emotion, self.epic = add_score_rows(form)
        self.form.bind(self.emotion, "emotion")
        for letter, choice in self.epic.items():
            self.form.bind(choice, EPIC_PATHS[letter])
        self.duration = NumberBox(0, MAX_MINUTES, 1, 1, " min", optional=True)
        self.wait = NumberBox(0, MAX_MINUTES, 1, 1, " min", optional=True)
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.duration, 1)
        wait_label = QLabel("&Wait:")
        wait_label.setBuddy(self.wait)
        row.addWidget(wait_label)
        row.addWidget(self.wait, 1)
        add_row(form, "&Duration:", times, "Minutes the step takes, and minutes of waiting")
        self.duration.setAccessibleName("Duration in minutes")
        self.wait.setAccessibleName("Wait in minutes")
        self.form.bind(self.duration, "duration_minutes")
        self.form.bind(self.wait, "wait_minutes")
        add_row(form, "Perso&nas:", self.personas)
        self.personas.setAccessibleName("Personas")
        self.notes = text_area(3, "Notes", "Anything the team wants to remember")
        add_row(form, "N&otes:", self.notes)
        self.form.bind(self.notes, "notes")
        # Tomorrow has its own title, place, emotion and EPIC; these are one for both.
        self.shared_note = caption(SHARED_NOTE)
        self.shared_note.hide()
        column = QVBoxLayout(page)
        column.addLayout(form)
        column.addWidget(self.shared_note)
        column.addStretch(1)  # the fields stay together at the top
        return page

    def _lanes_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(2)
        self.lanes: dict[str, object] = {}
        for path, name, hint, line_below in LANES:
            label = QLabel(f"<b>{name}</b>")
            area = text_area(3, name, hint)
            label.setBuddy(area)
            column.addWidget(label)
            column.addWidget(area)
            self.form.bind(area, path)
            self.lanes[path] = area
            if line_below:
                column.addWidget(caption(f"– – – {line_below} – – –"))
        column.addStretch(1)
        return page

    def show_touchpoint(self, touchpoint_id: str | None) -> None:
        self.form.show(touchpoint_id)
        self.personas.show_touchpoint(touchpoint_id)

    def refresh(self) -> None:
        self.form.refresh()

    def refresh_personas(self) -> None:
        self.personas.refresh()
