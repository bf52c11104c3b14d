"""The Improvements dock: the ranked plan, live; the selected improvement's fields and the
terms of its score; new improvements from the friction points the user has picked.

It reads ``LivePlan.plan`` and catches up on ``LivePlan.changed`` while it is on screen (a
hidden dock only notes that it is stale). The selected improvement is remembered by id, so
it stays selected while the plan is recomputed, re-sorted or filtered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...analysis.plan import ImprovementScore, Plan
from ...report import formatting as fmt
from ...report.saving import saving_sentence
from ..commands import AddImprovement, CommandError, RemoveImprovement
from ..inspector.forms import DeleteKeyGuard, caption
from ..inspector.touchpoint_inspector import scrolled
from .improvements_breakdown import ScoreBreakdown, SureTerms, score_terms
from .improvements_choices import WAVE_CHOICES
from .improvements_form import ImprovementForm
from .improvements_model import UPDATING, ImprovementsProxy, ImprovementsTableModel
from .improvements_selection import NOTHING_PICKED, already_addressed, improvement_for
from .improvements_table import ImprovementsTable
from .live import LivePlan
from .live_certainty import LiveCertainty
from .measure_first_list import MeasureFirstList

MEASURE_FIRST = "Measure first"
SCORE_TAB = "Score breakdown"
#: The index of the Measure first tab.
MEASURE_FIRST_TAB = 1
NOT_IN_PLAN = "It addresses none of this persona's friction points: it is not in their plan."
#: Relative widths of the table, the form and the breakdown.
PANE_STRETCH = (10, 7, 8)
PANE_MINIMUM_WIDTH = 140


class ImprovementsDock(QDockWidget):
    #: touchpoint ids and friction ids of the selected improvement (empty: none selected)
    highlightRequested = Signal(list, list)
    #: a change was refused, or there is nothing to act on; the message is for the user
    problem = Signal(str)

    def __init__(
        self,
        live_plan: LivePlan,
        selected_frictions: Callable[[], list[str]],
        selected_cards: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Improvements", parent)
        self.setObjectName("improvementsDock")  # so the window can save and restore its place
        self._live_plan = live_plan
        #: how sure the plan is: drawn off the UI thread while the dock is on screen
        self.certainty = LiveCertainty(live_plan, self)
        self._document = live_plan.document
        self._selected_frictions = selected_frictions
        self._selected_id: str | None = None
        self._stale = True
        self._refreshing = False
        #: the canvas shows the selected improvement's friction points: the user picked it
        #: last, not a card since (the highlight follows the selection)
        self._highlighting = False
        self._terms: list = []
        self.model = ImprovementsTableModel(self)
        self.proxy = ImprovementsProxy(self.model, self)
        self.table = ImprovementsTable(self.proxy)
        self.form = ImprovementForm(self._document, selected_frictions, selected_cards)
        self.breakdown = ScoreBreakdown()
        self.setWidget(self._build_panel())
        self.new_action = QAction("&New Improvement from Selected Frictions", self)
        self.new_action.triggered.connect(self.new_from_selection)
        DeleteKeyGuard(self.widget())
        self.table.selectionModel().selectionChanged.connect(self._user_selected)
        self.table.clicked.connect(self._user_clicked)
        self.table.deleteRequested.connect(self.remove_selected)
        self.form.problem.connect(self.problem)
        live_plan.changed.connect(self._plan_changed)
        self.certainty.changed.connect(self._certainty_changed)
        # The fields follow each edit at once, as the inspector's do; the numbers follow the
        # plan, once per burst of edits.
        self._document.edited.connect(self._follow_document)
        self.visibilityChanged.connect(self._visibility_changed)
        self._show_selected()

    def _build_panel(self) -> QWidget:
        self.wave = QComboBox()
        for _wave, label in WAVE_CHOICES:
            self.wave.addItem(label)
        self.wave.setToolTip("Show one wave of the plan, or all of it")
        self.wave.currentIndexChanged.connect(self._wave_chosen)
        wave_label = QLabel("Wave:")
        wave_label.setBuddy(self.wave)
        self.wave.setAccessibleName("Wave")
        self.new_button = QPushButton("New from selected frictions")
        self.new_button.setToolTip(
            "A new improvement for the friction points selected on the canvas or in the inspector"
        )
        self.new_button.clicked.connect(self.new_from_selection)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove improvement")
        self.remove_button.setToolTip("Remove the selected improvement (Delete in the table)")
        self.remove_button.clicked.connect(self.remove_selected)
        tools = QHBoxLayout()
        tools.addWidget(wave_label)
        tools.addWidget(self.wave)
        tools.addStretch(1)
        tools.addWidget(self.new_button)
        tools.addWidget(self.remove_button)
        self.summary = caption("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        ranked = QWidget()
        column = QVBoxLayout(ranked)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addWidget(self.table, 1)
        #: Said when the wave shown holds no improvement: a blank table looked broken.
        self.empty_wave = caption("")
        self.empty_wave.hide()
        column.addWidget(self.empty_wave)
        column.addWidget(self.summary)
        self.breakdown_note = caption("")
        self.breakdown_note.setTextFormat(Qt.TextFormat.PlainText)
        self.measure_first = MeasureFirstList()
        self.stability = caption("")
        self.stability.setTextFormat(Qt.TextFormat.PlainText)
        # Two tabs, not one column: on a projector's 720 lines the column gave each list
        # two rows.
        explained = QTabWidget()
        explained.setDocumentMode(True)
        score = explained.addTab(_column(self.breakdown, self.breakdown_note), SCORE_TAB)
        explained.setTabToolTip(score, "How the selected improvement's score is computed")
        explained.addTab(_column(self.stability, self.measure_first), MEASURE_FIRST)
        explained.setTabToolTip(
            MEASURE_FIRST_TAB,
            "The guessed frequencies whose measure would settle the ranking most, first",
        )
        self.explained = explained
        form = scrolled(self.form)
        # Never narrower than its fields: at 1280 wide the form was cut off (half an Effort
        # button, the title and action clipped) with no way to scroll to the rest.
        form.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        form_width = (
            self.form.minimumSizeHint().width() + form.verticalScrollBar().sizeHint().width()
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for index, pane in enumerate((ranked, form, explained)):
            # Narrow minimums for the table and the breakdown (they scroll): else the dock
            # alone sets the window's smallest width, too wide for a small laptop screen.
            pane.setMinimumWidth(form_width if pane is form else PANE_MINIMUM_WIDTH)
            splitter.addWidget(pane)
            splitter.setStretchFactor(index, PANE_STRETCH[index])
        splitter.setChildrenCollapsible(False)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(splitter)
        return panel

    # --- what is selected ----------------------------------------------------------------------

    @property
    def selected_id(self) -> str | None:
        """The improvement shown in the form (it may be filtered out of the table)."""
        return self._selected_id

    def select_improvement(self, improvement_id: str) -> bool:
        """Show this improvement, selected, from another view; False when there is none."""
        if self._document.get("improvements", improvement_id) is None:
            return False
        self.show()
        self.raise_()
        self._selected_id = improvement_id
        self._highlighting = True
        self.refresh()
        if self.table.selected_id() != improvement_id:
            self.wave.setCurrentIndex(0)  # filtered out: show every wave
        return True

    def refresh(self) -> None:
        """Show the plan as it is now, the same improvement still selected."""
        plan = self._live_plan.plan
        self._stale = False
        self._refreshing = True  # table rows come and go: the user's choice stays
        was_at = self.table.current_row()
        try:
            self.model.set_plan(plan, self._document.blueprint.currency)
            self._select_in_table()
        finally:
            self._refreshing = False
        now_at = self.table.current_row()
        if now_at >= 0 and now_at != was_at:
            # Re-ranked under the user's eyes: its row stays in sight, and the keys with it.
            self.table.scrollTo(self.proxy.index(now_at, 0))
        self._show_summary(plan)
        self._show_selected()

    def _select_in_table(self) -> None:
        chosen = self._selected_id
        if chosen is not None and self._document.get("improvements", chosen) is None:
            self._selected_id = chosen = None  # removed, or its adding undone
        if chosen != self.table.selected_id() and not self.table.select_id(chosen):
            self.table.selectionModel().clear()  # filtered out: the form still shows it

    def _user_selected(self) -> None:
        if self._refreshing:
            return
        self._selected_id = self.table.selected_id()
        self._highlighting = True
        self._show_selected()

    def _user_clicked(self) -> None:
        """A click on the row already selected lights it up again after a card was picked."""
        if not self._highlighting:
            self._highlighting = True
            self._show_selected()

    @property
    def highlighting(self) -> bool:
        """Whether the selected improvement is lit on the canvas (picked, no card since)."""
        return self._highlighting

    def selection_moved_elsewhere(self) -> None:
        """The user picked something on the canvas: its highlight ends, the row stays."""
        if self._highlighting:
            self._highlighting = False
            self.highlightRequested.emit([], [])

    def _show_selected(self) -> None:
        improvement_id = self._selected_id
        self.form.show_improvement(improvement_id)
        self.remove_button.setEnabled(improvement_id is not None)
        score = self._score(improvement_id)
        terms = (
            score_terms(score, self._live_plan.plan, self._document.blueprint, self._sure(score))
            if score
            else []
        )
        if terms != self._terms:
            self._terms = terms
            self.breakdown.show_terms(terms)
        in_plan = improvement_id is None or score is not None
        self.breakdown_note.setText("" if in_plan else NOT_IN_PLAN)
        self.breakdown_note.setVisible(not in_plan)
        if self._highlighting:
            self.highlightRequested.emit(*self._highlighted(improvement_id))

    def _sure(self, score: ImprovementScore) -> SureTerms | None:
        live = self.certainty
        if live.certainty is None:
            return None
        item = live.certainty.of(score.improvement_id)
        if item is None:
            return None
        return SureTerms(item, live.certainty.k, live.certainty.worlds, live.stale)

    def _score(self, improvement_id: str | None) -> ImprovementScore | None:
        if improvement_id is None:
            return None
        row = self.model.row_of(improvement_id)
        return self.model.score(row) if row is not None else None

    def _highlighted(self, improvement_id: str | None) -> tuple[list[str], list[str]]:
        improvement = self._document.get("improvements", improvement_id or "")
        if improvement is None or not self.isVisible():
            return [], []
        frictions = [self._document.get("frictions", i) for i in improvement.friction_ids]
        friction_ids = [f.id for f in frictions if f is not None]
        touchpoint_ids = list(dict.fromkeys(f.touchpoint_id for f in frictions if f is not None))
        return touchpoint_ids, friction_ids

    def _show_summary(self, plan: Plan) -> None:
        self._show_empty_wave()
        count = len(plan.improvements)
        if not count:
            self.summary.setText("No improvement yet: pick friction points and add one.")
            return
        median = fmt.number(plan.median_impact or 0)
        bp = self._document.blueprint
        saving = saving_sentence(plan, {c.id: c.name for c in bp.channels}, bp.currency)
        persona = self._document.get("personas", plan.persona_id or "")
        who = f"for {persona.name}" if persona is not None else "for every customer"
        self.summary.setText(
            f"{fmt.plural(count, 'improvement')} {who}, ranked by priority P = I / effort · "
            f"median I {median} · they {saving}"
        )

    # --- following the plan --------------------------------------------------------------------

    def _plan_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _follow_document(self) -> None:
        if self.isVisible():
            self.form.refresh()

    def _certainty_changed(self) -> None:
        live = self.certainty
        self.model.set_certainty(live.certainty, live.stale)
        self.measure_first.show_certainty(live.plan, live.certainty)
        self.explained.setTabText(
            MEASURE_FIRST_TAB, f"{MEASURE_FIRST} ({UPDATING})" if live.stale else MEASURE_FIRST
        )
        self.stability.setText(self.measure_first.summary(live.plan, live.certainty))
        self._show_selected()

    def _visibility_changed(self, visible: bool) -> None:
        self.certainty.set_wanted(visible)
        if visible and self._stale:
            self.refresh()
        else:
            # Hidden: the canvas highlights nothing the user cannot see the reason for.
            self._show_selected()

    def _wave_chosen(self, index: int) -> None:
        self._refreshing = True  # filtering the selected row out does not unselect it
        try:
            self.proxy.set_wave(WAVE_CHOICES[index][0])
            self._select_in_table()
        finally:
            self._refreshing = False
        self._show_empty_wave()

    def _show_empty_wave(self) -> None:
        wave = WAVE_CHOICES[self.wave.currentIndex()][0]
        empty = wave is not None and self.model.rowCount() > 0 and self.proxy.rowCount() == 0
        if empty:
            self.empty_wave.setText(
                f"No improvement is in the {wave.value} wave ({fmt.WAVE_MEANINGS[wave]}). "
                "Choose All waves to see them all."
            )
        self.empty_wave.setVisible(empty)

    # --- the user's actions --------------------------------------------------------------------

    def new_from_selection(self) -> None:
        """Add an improvement for the picked friction points, select it, ready to name."""
        picked = [self._document.get("frictions", i) for i in self._selected_frictions()]
        frictions = [f for f in picked if f is not None]
        if not frictions:
            self.problem.emit(NOTHING_PICKED)
            return
        improvement = improvement_for(frictions)
        note = already_addressed(self._document, frictions)
        try:
            command = AddImprovement(self._document, improvement)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        if note is not None:
            self.problem.emit(note)
        self.show()
        self.raise_()
        self.wave.setCurrentIndex(0)  # its wave is not known yet: show them all
        self._selected_id = improvement.id
        self.refresh()
        self.form.focus_title()

    def remove_selected(self) -> None:
        improvement_id = self._selected_id
        if improvement_id is None:
            return
        row = self.table.current_row()
        try:
            command = RemoveImprovement(self._document, improvement_id)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        self.refresh()
        # The next row takes its place, as in a list.
        rows = self.proxy.rowCount()
        if rows and row >= 0:
            self.table.select_row(min(row, rows - 1))
        self.table.setFocus()


def _column(*widgets: QWidget) -> QWidget:
    """The widgets one above the other, the list among them taking the height."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 4, 0, 0)
    for widget in widgets:
        column.addWidget(widget, 0 if isinstance(widget, QLabel) else 1)
    return page
