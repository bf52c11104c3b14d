"""The inspector: every field of the selected touchpoint, and its friction points.

It follows the document: signals within an edit only note what is stale, and the panel
catches up once the edit is complete (``Document.edited``), as the canvas does. One card
selected: its fields, editable. Several: their count and titles, and the scores they can
share (emotion, EPIC letters, personas), each set on all of them as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...model import Presence
from ...model.states import State, entity_in
from ..canvas.shown import JourneyView
from ..commands import EditTouchpoint, EditTouchpointFuture
from ..document import Document
from .backing_page import BackingPage
from .choices import cell_label
from .forms import DeleteKeyGuard, caption
from .friction_panel import FrictionPanel
from .multi_form import SeveralTouchpointsForm
from .touchpoint_form import TouchpointForm

NOTHING_SELECTED = "Select a card on the canvas to edit it here."
_EMPTY, _MANY, _ONE = range(3)

#: The tab of the card's friction points, after its details and lanes.
FRICTION_TAB = 2
#: The tab of what backs the card: its measures and evidence.
EVIDENCE_TAB = 3


class _FieldsArea(QScrollArea):
    """Fields in a window that scrolls by the wheel and by Tab, not by the keys a field
    leaves unused: Down in a one-line field scrolled the form, the field half out of sight."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore()  # never the area's own: it takes no focus


def scrolled(page: QWidget) -> QScrollArea:
    area = _FieldsArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not their frame
    # The fields wrap and shrink to the dock's width; only a short dock scrolls.
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class TouchpointInspector(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._shown: list[str] = []
        self._stale: set[str] = set()
        #: the measures and evidence shown while tomorrow's journey is (they are today's)
        self._todays_backing = False
        self._view = JourneyView.CURRENT
        self.fields = TouchpointForm(document, self)
        self.frictions = FrictionPanel(document)
        self.fields.form.problem.connect(self.problem)
        self.fields.personas.problem.connect(self.problem)
        self.frictions.problem.connect(self.problem)
        self.backing = BackingPage(document)
        self.backing.problem.connect(self.problem)
        self.several = SeveralTouchpointsForm(document)
        self.several.problem.connect(self.problem)
        self.cell = caption("")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scrolled(self.fields.details_page), "&Touchpoint")
        self.tabs.addTab(scrolled(self.fields.lanes_page), "&Lanes")
        self.tabs.addTab(scrolled(self.frictions), "F&riction")
        # No Alt+letter: every letter of "Evidence" is taken on one tab or another.
        self.tabs.addTab(scrolled(self.backing), "Evidence")
        self.tabs.setTabToolTip(EVIDENCE_TAB, "Measures and evidence: what backs this card")
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.cell)
        column.addWidget(self.fields.title)
        column.addWidget(self.tabs, 1)
        self.summary = self.several.summary
        self.pages = QStackedWidget()
        self.pages.addWidget(self._padded(QLabel(NOTHING_SELECTED)))
        self.pages.addWidget(scrolled(self.several))
        self.pages.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        DeleteKeyGuard(self)
        self._connect(document)
        self.show_touchpoints([])

    @staticmethod
    def _padded(label: QLabel) -> QWidget:
        label.setWordWrap(True)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(label)
        column.addStretch(1)
        return page

    def _connect(self, document: Document) -> None:
        document.touchpointChanged.connect(self._touchpoint_is_stale)
        document.touchpointMoved.connect(self._touchpoint_is_stale)
        document.touchpointRemoved.connect(self._touchpoint_is_stale)
        document.frictionsChanged.connect(self._frictions_are_stale)
        document.measuresChanged.connect(self._backing_is_stale)
        document.evidenceChanged.connect(self._backing_is_stale)
        document.personasChanged.connect(self._personas_are_stale)
        document.structureChanged.connect(self._choices_are_stale)
        document.contactReasonsChanged.connect(self._choices_are_stale)
        document.documentReset.connect(self._reset)
        document.edited.connect(self._catch_up)

    # --- what is shown -------------------------------------------------------------------------

    @property
    def touchpoint_id(self) -> str | None:
        """The touchpoint being edited: the only one selected, else None."""
        return self._shown[0] if len(self._shown) == 1 else None

    def show_touchpoints(self, touchpoint_ids: list[str]) -> None:
        """Show the selection: one touchpoint to edit, several to count, or none."""
        ids = [i for i in touchpoint_ids if self._document.get("touchpoints", i) is not None]
        changed = ids != self._shown
        self._shown = ids
        if not ids:
            self.pages.setCurrentIndex(_EMPTY)
        elif len(ids) > 1:
            self.several.show_touchpoints(ids)
            self.pages.setCurrentIndex(_MANY)
        else:
            self.pages.setCurrentIndex(_ONE)
        if changed:
            self.fields.show_touchpoint(self.touchpoint_id)
            self.frictions.show_touchpoint(self.touchpoint_id)
            self.backing.show_touchpoint(self.touchpoint_id)
            self._show_cell()
            self._show_shared_note()
            self._count_frictions()
            self._count_backing()

    def _show_shared_note(self) -> None:
        """Which fields tomorrow shares with today, in the future view: not on a card of
        tomorrow only, which has no today to share them with."""
        tp = self._document.get("touchpoints", self.touchpoint_id or "")
        future = self._view == JourneyView.FUTURE
        self.fields.shared_note.setVisible(
            future and tp is not None and tp.state != Presence.FUTURE
        )

    def set_journey_view(self, view: JourneyView) -> None:
        """Show and edit the values of the view: tomorrow's in the future view."""
        future = view == JourneyView.FUTURE
        self._view = view
        self._show_cell()
        self.fields.form.set_command(EditTouchpointFuture if future else EditTouchpoint)
        self._show_shared_note()
        state = None if view == JourneyView.COMPARE else (State.FUTURE if future else State.CURRENT)
        self.frictions.set_state(state)
        self._count_frictions()
        # Measures and evidence are one set, today's: a measure edited while tomorrow is
        # shown changes today's frequencies that follow it. The tab says whose they are.
        self._todays_backing = view != JourneyView.CURRENT
        self._count_backing()

    def show_frictions(self) -> None:
        """Bring the Friction tab forward."""
        self.tabs.setCurrentIndex(FRICTION_TAB)

    def picked_friction_id(self) -> str | None:
        """The friction point the user has picked: the current one of the friction list,
        while one touchpoint is shown and its friction list is on screen."""
        if self.touchpoint_id is None or not self.frictions.list.isVisible():
            return None
        return self.frictions.current_friction_id()

    def focus_title(self) -> None:
        if self.touchpoint_id is not None:
            self.fields.title.setFocus(Qt.FocusReason.OtherFocusReason)
            self.fields.title.selectAll()

    def _show_cell(self) -> None:
        """The card's cell, in the view shown: tomorrow's in the future view, both where
        they differ in Compare (a card moved tomorrow read today's cell)."""
        tp = self._document.get("touchpoints", self.touchpoint_id or "")
        if tp is None:
            self.cell.setText("")
            return
        bp = self._document.blueprint
        today = cell_label(bp, tp.stage_id, tp.channel_id)
        tomorrow_tp = entity_in(tp, State.FUTURE) if tp.state == Presence.BOTH else tp
        tomorrow = cell_label(bp, tomorrow_tp.stage_id, tomorrow_tp.channel_id)
        if self._view == JourneyView.FUTURE:
            self.cell.setText(tomorrow)
        elif self._view == JourneyView.COMPARE and tomorrow != today:
            self.cell.setText(f"{today} today → {tomorrow} tomorrow")
        else:
            self.cell.setText(today)

    def _count_frictions(self) -> None:
        count = len(self.frictions.frictions())
        self.tabs.setTabText(FRICTION_TAB, f"F&riction ({count})" if count else "F&riction")

    def _count_backing(self) -> None:
        count = self.backing.count()
        name = "Today's evidence" if self._todays_backing else "Evidence"
        self.tabs.setTabText(EVIDENCE_TAB, f"{name} ({count})" if count else name)

    # --- following the document ----------------------------------------------------------------

    def _touchpoint_is_stale(self, touchpoint_id: str) -> None:
        if touchpoint_id in self._shown:
            self._stale.add("touchpoint")

    def _frictions_are_stale(self, touchpoint_id: str) -> None:
        if touchpoint_id == self.touchpoint_id:
            self._stale.add("frictions")

    def _backing_is_stale(self, _about_id: str) -> None:
        # A measure of the whole blueprint may be offered to any friction's frequency, and
        # evidence about a friction point counts for its card: any change may show here.
        self._stale.add("backing")

    def _personas_are_stale(self) -> None:
        self._stale.add("personas")

    def _choices_are_stale(self) -> None:
        self._stale.add("choices")

    def _reset(self) -> None:
        self._stale.clear()
        self.fields.personas.refresh()
        self.frictions.refresh_choices()
        self.show_touchpoints([])
        self.backing.show_touchpoint(None)

    def _catch_up(self) -> None:
        stale, self._stale = self._stale, set()
        if not stale:
            return
        if "touchpoint" in stale:
            self.show_touchpoints(list(self._shown))
            self.fields.refresh()
            self._show_cell()
        if "personas" in stale or "touchpoint" in stale:
            self.fields.refresh_personas()
            self.several.refresh_personas()
        if "choices" in stale:
            self.frictions.refresh_choices()
            self._show_cell()
        if "frictions" in stale or "backing" in stale:
            self.frictions.refresh()
            self._count_frictions()
        if {"frictions", "backing", "touchpoint"} & stale:
            self.backing.refresh()
            self._count_backing()
