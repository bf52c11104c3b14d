"""Putting the overlays, the filters and the search into the main window.

Overlays are view state: switching them, filtering or searching never changes the document,
is never undone and never marks the file modified. They follow the blueprint as it is
edited (the live plan's ``changed``) and the light or dark theme.

The canvas export (File > Export, ``blueprint render``) draws the blueprint itself, never
the overlays, as it never draws the selection: a picture of the blueprint should not depend
on what happened to be switched on in the editor.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu
from shiboken6 import isValid

from ...analysis import backing_by_touchpoint, build_plan, emotion_by_stage
from ...model.states import State, current_state, has_future_state, state_view
from ..canvas.accessible import announce
from ..canvas.scene import BlueprintScene
from ..canvas.shown import JourneyView
from ..canvas.view import CanvasView
from ..document import Document
from ..menus import Menus, describe, make_action
from ..pages import show_page_of
from ..plan import LivePlan
from ..workbench import Workbench
from .bar import OverlayBar
from .card_emphasis import NO_HIGHLIGHT, CanvasLook, Highlight, card_emphasis
from .emotion_curve import EmotionCurve
from .epic_badges import EpicBadges
from .evidence_marks import BackingMarks
from .filters import NO_FILTER, FrictionFilter
from .find_bar import FindBar
from .heat_items import HeatLayer
from .legend import Legend, RoomForMessages
from .measures import heat_by_cell, largest_heat, weakest_by_stage
from .preferred_cells import PreferredCells
from .search import Search

Keys = QKeySequence.StandardKey


class Overlays(QObject):
    """The overlays, filters, search and highlight of one window's canvas."""

    def __init__(self, bench: Workbench, live_plan: LivePlan) -> None:
        window = bench.frame
        super().__init__(window)
        self._window = window
        self._document: Document = bench.document
        self._view: CanvasView = bench.canvas
        self._scene: BlueprintScene = self._view.blueprint_scene
        self._live_plan: LivePlan = live_plan
        self._frictions = NO_FILTER
        self._highlight = NO_HIGHLIGHT
        self._emphasised = False
        self.heat_action = self._toggle(
            "Friction &Heat Map", "Tint each cell by its friction impact (the sum of F)"
        )
        self.epic_action = self._toggle(
            "&EPIC Colours", "Colour each card by its EPIC score; the weakest letter per stage"
        )
        self.emotion_action = self._toggle(
            "E&motion Curve", "Draw the mean emotion of each stage as a curve along the journey"
        )
        self.evidence_action = self._toggle(
            "E&vidence",
            "Mark how well each card is backed: measured data or evidence (M), estimates "
            "only (E), nothing (?)",
        )
        self.heat = HeatLayer(self._scene)
        self.epic_badges = EpicBadges(self._scene)
        self.emotion = EmotionCurve(self._scene)
        self.evidence = BackingMarks(self._scene)
        #: in Compare, tomorrow's curve beside today's, dashed
        self.future_emotion = EmotionCurve(self._scene, dashed=True)
        #: the chosen persona's preferred cells and the stages that miss them
        self.preferred = PreferredCells(self._scene)
        self.bar = OverlayBar(self.overlay_actions(), window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        # The key to the colours, in the status bar: always in sight, however narrow the
        # window, and out of the way of messages, which show on the left.
        self.legend = Legend(window)
        window.statusBar().addPermanentWidget(self.legend)
        self.legend_room = RoomForMessages(self.legend, window.statusBar())
        self.find_bar = FindBar(window)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_bar)
        self.search = Search(self._document, self._view, self)
        self._add_menus(window, bench.menus)
        self._connect()
        self._show_filters()

    def overlay_actions(self) -> list[QAction]:
        return [self.heat_action, self.epic_action, self.emotion_action, self.evidence_action]

    # --- what other views ask for ------------------------------------------------------------

    def highlight(self, touchpoint_ids: Iterable[str], friction_ids: Iterable[str]) -> None:
        """Mark these cards and friction points (and the cards of those friction points)
        and fade the others a little; two empty lists clear the highlight."""
        self._highlight = Highlight(frozenset(touchpoint_ids), frozenset(friction_ids))
        self._show_emphasis()

    @property
    def highlighted(self) -> Highlight:
        return self._highlight

    @property
    def friction_filter(self) -> FrictionFilter:
        return self._frictions

    def set_friction_filter(self, chosen: FrictionFilter) -> None:
        self._frictions = chosen
        self.bar.show_friction_filter(chosen)
        self._show_emphasis()

    def set_persona(self, persona_id: str | None) -> None:
        """Show one persona's touchpoints (None: everyone's), on the canvas and in the plan."""
        self._live_plan.set_persona(persona_id)

    def show_all(self) -> None:
        """Clear every filter: all customers, all friction points."""
        self.set_persona(None)
        self.set_friction_filter(NO_FILTER)

    # --- following the blueprint -------------------------------------------------------------

    def refresh(self) -> None:
        """Draw the overlays and emphasis again for the blueprint as it is now."""
        if not isValid(self._scene):
            return  # the window is going
        self._show_filters()
        self.search.refresh()
        self._show_overlays()
        self._show_emphasis()

    def _show_overlays(self) -> None:
        # The journey as the canvas shows it: today's, tomorrow's, or (Compare) both.
        blueprint, layout = self._scene.shown.blueprint, self._scene.grid_layout
        names = {s.id: s.name for s in blueprint.stages} | {
            c.id: c.name for c in blueprint.channels
        }
        heat, epic = self.heat_action.isChecked(), self.epic_action.isChecked()
        plan = self._plan_shown() if heat or epic else None  # computed only when shown
        legend = self.legend
        if plan is not None and heat:
            self.heat.show(heat_by_cell(plan), layout, names)
            legend.heat.show_largest(largest_heat(plan))
        else:
            self.heat.clear()
        if plan is not None and epic:
            self.epic_badges.show(weakest_by_stage(plan), layout, names)
        else:
            self.epic_badges.clear()
        comparing = self._scene.journey_view == JourneyView.COMPARE
        if self.emotion_action.isChecked():
            persona = self._live_plan.persona_id
            today = current_state(blueprint) if comparing else blueprint
            self.emotion.show(emotion_by_stage(today, persona), layout, names)
            if comparing and has_future_state(blueprint):
                tomorrow = state_view(blueprint, State.FUTURE)
                self.future_emotion.show(emotion_by_stage(tomorrow, persona), layout, names)
            else:
                self.future_emotion.clear()
        else:
            self.emotion.clear()
            self.future_emotion.clear()
        if self.evidence_action.isChecked():
            titles = {tp.id: tp.title for tp in blueprint.touchpoints}
            self.evidence.show(backing_by_touchpoint(blueprint), titles, layout)
        else:
            self.evidence.clear()
        self._show_preferred(blueprint, layout, comparing)
        legend.evidence.setVisible(self.evidence_action.isChecked())
        legend.heat.setVisible(heat)
        legend.epic.setVisible(epic)
        legend.emotion.setVisible(self.emotion_action.isChecked())

    def _plan_shown(self):
        """The plan's figures of the journey on the canvas: today's (the live plan), or in
        the future view tomorrow's, worked out for the overlays alone."""
        if self._scene.journey_view != JourneyView.FUTURE:
            return self._live_plan.plan
        return build_plan(self._scene.shown.blueprint, self._live_plan.persona_id)

    def _show_preferred(self, blueprint, layout, comparing: bool) -> None:
        persona_id = self._live_plan.persona_id
        if persona_id is None:
            self.preferred.clear()
            return
        # In Compare, today's journey, as the plan and the emotion curve read it.
        self.preferred.show(
            current_state(blueprint) if comparing else blueprint, persona_id, layout
        )

    def _show_emphasis(self) -> None:
        look = CanvasLook(
            persona_id=self._live_plan.persona_id,
            frictions=self._frictions,
            epic=self.epic_action.isChecked(),
            found=frozenset(self.search.results()) if self.find_bar.isVisible() else frozenset(),
            highlight=self._highlight,
        )
        if look.plain and not self._emphasised:
            return  # nothing shown, nothing to take away: 2,000 cards stay untouched
        self._scene.set_emphasis(card_emphasis(self._scene.shown.blueprint, look))
        self._emphasised = not look.plain

    def _show_filters(self) -> None:
        self.bar.show_personas(self._document.blueprint, self._live_plan.persona_id)
        self.bar.show_friction_filter(self._frictions)

    def _persona_chosen(self, persona_id: str) -> None:
        self.set_persona(persona_id or None)

    def _start_afresh(self) -> None:
        """Another blueprint: show all of it. The highlight's ids mean nothing there, and a
        friction filter left from the last file would fade cards for no reason the user sees.
        (The search stays: the words may well be wanted in this one too.)"""
        self._highlight = NO_HIGHLIGHT
        self.set_friction_filter(NO_FILTER)

    # --- find ------------------------------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_bar.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.field.selectAll()
        self._show_emphasis()

    def close_find(self) -> None:
        self.find_bar.hide()
        self._show_emphasis()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self) -> None:
        self._go(self.search.next)

    def find_previous(self) -> None:
        self._go(self.search.previous)

    def _go(self, step) -> None:
        if self.find_bar.isHidden():
            self.open_find()
        if self.search.query.strip():
            if self.search.results():
                self._show_grid()
            step()

    def _show_grid(self) -> None:
        """Results are cards of the grid: bring it into sight from behind another tab,
        and leave the keys where they were (the find field, to go on to the next)."""
        focus = QApplication.focusWidget()
        show_page_of(self._view)
        if focus is not None and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search_changed(self) -> None:
        summary = self.search.summary()
        count = self.find_bar.count
        count.setText(summary)
        # A screen reader hears the results: the keys stay in the field, and nothing was said
        # ("7 matches", "1 of 7", "No match").
        current = self.search.current()
        tp = self._document.get("touchpoints", current) if current else None
        said = f"{summary}: {tp.title}" if tp is not None else summary
        count.setAccessibleDescription(said)
        if said:
            announce(self.find_bar.field, said)
        self._show_emphasis()

    # --- wiring ------------------------------------------------------------------------------

    def _toggle(self, text: str, tip: str) -> QAction:
        action = QAction(text, self._window)
        action.setCheckable(True)
        describe(action, tip)
        action.toggled.connect(self.refresh)
        return action

    def _add_menus(self, window: QMainWindow, menus: Menus) -> None:
        overlays = QMenu("O&verlays", window)  # Zoom &Out has the O
        describe(
            overlays.menuAction(),
            "Colour the canvas by friction, EPIC, emotion or evidence; filter it",
        )
        overlays.addActions(self.overlay_actions())
        overlays.addSeparator()
        self.show_all_action = make_action(
            window, "Show &All", self.show_all, tip="Clear the filters: every persona and friction"
        )
        overlays.addAction(self.show_all_action)
        bar_toggle = self.bar.toggleViewAction()
        describe(bar_toggle, "Show or hide the overlays and filters bar")
        overlays.addAction(bar_toggle)
        menus.view.addSeparator()
        menus.view.addMenu(overlays)
        self.menu = overlays  # View > Overlays: others place their entries beside it
        self.find_action = make_action(
            window, "&Find…", self.open_find, Keys.Find, "Find cards by their words"
        )
        self.find_next_action = make_action(
            window, "Find Ne&xt", self.find_next, Keys.FindNext, "Go to the next card found"
        )
        self.find_previous_action = make_action(
            window,
            "Find Pre&vious",
            self.find_previous,
            Keys.FindPrevious,
            "Go to the previous card found",
        )
        menus.edit.addSeparator()
        menus.edit.addActions([self.find_action, self.find_next_action, self.find_previous_action])

    def _connect(self) -> None:
        self._live_plan.changed.connect(self.refresh)
        self._live_plan.personaChanged.connect(self.refresh)
        self._document.documentReset.connect(self._start_afresh)
        self._scene.journeyViewChanged.connect(self.refresh)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.refresh)
        bar = self.bar
        bar.personaChosen.connect(self._persona_chosen)
        bar.frictionFilterChosen.connect(self.set_friction_filter)
        bar.resetRequested.connect(self.show_all)
        field = self.find_bar.field
        field.textChanged.connect(self.search.set_query)
        field.nextRequested.connect(self.find_next)
        field.previousRequested.connect(self.find_previous)
        field.closeRequested.connect(self.close_find)
        self.search.resultsChanged.connect(self._search_changed)


def install_overlays(bench: Workbench, live_plan: LivePlan) -> Overlays:
    """Add the overlays, filters and search to the workbench's canvas and menus; they read
    the plan's figures from ``live_plan`` and filter it by persona."""
    return Overlays(bench, live_plan)
