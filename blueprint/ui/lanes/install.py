"""Putting the lanes view into the main window: a tab beside the grid, View > Grid and
View > Lanes (Ctrl+1, Ctrl+2; Ctrl+PgUp and Ctrl+PgDown go round the tabs), one selection
for both views, the lanes' colours following the system's."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from .. import theme
from ..canvas.shown import JourneyView
from ..menus import make_action
from ..workbench import Workbench
from .editor import LaneEditor
from .selection_sync import SelectionSync
from .tabs import ViewTabs
from .view import LanesView

LANES_TAB = "Lanes"
#: Said in the status bar when the lanes come into sight: how to edit them.
EDIT_HINT = (
    "Double-click a lane cell (or select it and press F2) to edit it: "
    "Ctrl+Enter keeps the text, Escape drops it"
)
#: The lanes in the tab while the grid shows tomorrow's journey (or both compared).
LANES_TAB_TODAY = "Lanes (today)"
#: The file keeps one text per lane, today's: editing a lane in the future state would
#: change today's journey while the window says every edit changes tomorrow's.
TODAY_ONLY = (
    "The lanes show today's journey: a touchpoint has one text per lane, the same today and "
    "tomorrow. Show the current state (Ctrl+Shift+1) to edit them."
)
LANES_TIP = (
    "The classic service blueprint: each touchpoint's evidence, customer actions, "
    "frontstage, backstage and support processes, stage by stage (Ctrl+2)"
)


class LanesTools(QObject):
    """Everything ``install_lanes`` adds to a window, for the window and for tests."""

    def __init__(self, bench: Workbench) -> None:
        window = bench.frame
        super().__init__(window)
        self._bench = bench
        document, canvas = bench.document, bench.canvas
        tabs = window.centralWidget()
        if not isinstance(tabs, ViewTabs):
            raise TypeError("the window's central widget must be its ViewTabs")
        self.tabs = tabs
        self.view = LanesView(document)
        self.scene = self.view.lanes_scene
        self.tabs.add_view(self.view, LANES_TAB, LANES_TIP)
        self.editor = LaneEditor(self.view, document)
        self.editor.problem.connect(self._status)
        self.selection = SelectionSync(canvas.blueprint_scene, self.scene, self)
        self.view.shown.connect(self._shown)
        canvas.blueprint_scene.journeyViewChanged.connect(self._journey_view_changed)
        self._add_actions(window, bench.menus.view)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._follow_colour_scheme)

    def _add_actions(self, window: QMainWindow, menu: QMenu) -> None:
        self.grid_action = make_action(
            window, "&Grid", self.show_grid, "Ctrl+1", "Show the blueprint as a grid of cards"
        )
        self.lanes_action = make_action(
            window, "&Lanes", self.show_lanes, "Ctrl+2", "Show the blueprint's lanes"
        )
        group = QActionGroup(self)
        for action in (self.grid_action, self.lanes_action):
            action.setCheckable(True)
            group.addAction(action)
        self.grid_action.setChecked(True)
        self.next_view_action = make_action(
            window, "Next View", self._next_view, "Ctrl+PgDown", "Show the next view"
        )
        self.previous_view_action = make_action(
            window, "Previous View", self._previous_view, "Ctrl+PgUp", "Show the previous view"
        )
        window.addActions([self.next_view_action, self.previous_view_action])
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.grid_action, self.lanes_action])
        if first is not None:
            menu.insertSeparator(first)
        self.tabs.currentChanged.connect(self._tab_changed)

    # --- switching views -------------------------------------------------------------------

    def show_grid(self) -> None:
        self.tabs.setCurrentWidget(self._bench.canvas)

    def show_lanes(self) -> None:
        self.tabs.setCurrentWidget(self.view)

    def _next_view(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def _previous_view(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count())

    def _tab_changed(self, _index: int) -> None:
        shown = self.tabs.currentWidget()
        action: QAction | None = {
            self.view: self.lanes_action,
            self._bench.canvas: self.grid_action,
        }.get(shown)
        if action is not None:
            action.setChecked(True)
        if shown is not None:
            shown.setFocus()  # the keys go to the view in sight
        if shown is self.view:
            self._status(self.editor.refused or EDIT_HINT)

    def _journey_view_changed(self) -> None:
        today = self._bench.canvas.blueprint_scene.shown.view == JourneyView.CURRENT
        self.editor.commit()  # a lane being edited keeps its text, as leaving it does
        self.editor.refused = None if today else TODAY_ONLY
        self.tabs.setTabText(self.tabs.indexOf(self.view), LANES_TAB if today else LANES_TAB_TODAY)
        if self.tabs.currentWidget() is self.view:
            self._status(self.editor.refused or EDIT_HINT)

    def _shown(self) -> None:
        # Built just now, or hidden while the grid's selection changed: catch up with it.
        self.selection.lanes_follow_grid()
        self.view.show_selection()

    def _follow_colour_scheme(self) -> None:
        theme.use_system_theme()
        theme.repaint(self.view)

    def _status(self, message: str) -> None:
        self._bench.show_status(message)


def install_lanes(bench: Workbench) -> LanesTools:
    """Add the lanes view to the workbench's window, whose central widget is its
    ``ViewTabs``."""
    return LanesTools(bench)
