"""Putting the editing tools into the main window: the inspector and personas docks, the
Edit actions, and rename in place, all wired to the workbench's canvas and document."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QWidget
from shiboken6 import isValid

from ..menus import Menus
from ..workbench import Workbench
from .canvas_keyboard import CanvasKeyboard
from .card_gestures import CardGestures
from .edit_actions import EditActions
from .give_way import NARROW_SCREEN_WIDTH, GiveWay
from .inline_rename import InlineRename
from .personas_panel import PersonasPanel
from .selection import CanvasSelection
from .touchpoint_inspector import TouchpointInspector, scrolled

DOCK_WIDTH = 390

#: On a screen narrower than this (logical pixels) the panels start hidden: the canvas
#: keeps the room, and View > Inspector brings them back.
SMALL_SCREEN_WIDTH = 1000


class EditingTools(QObject):
    """Everything ``install_editing`` adds to a window, for the window and for tests."""

    def __init__(self, bench: Workbench) -> None:
        window = bench.frame
        super().__init__(window)
        self._window = window
        self._bench = bench
        document, view = bench.document, bench.canvas
        self.selection = CanvasSelection(view)
        self.rename = InlineRename(view, document)
        self.actions = EditActions(document, view, self.selection, self.rename, window)
        view.addTouchpointRequested.connect(self.actions.add_touchpoint_in)
        self.keyboard = CanvasKeyboard(
            view, self.selection, self.rename, self.actions.add_touchpoint
        )
        self.gestures = CardGestures(
            view,
            self.actions,
            self.edit_touchpoint,
            self.add_friction_to,
            bench.menus.delete,
            window,
        )
        self.inspector = TouchpointInspector(document)
        self.personas = PersonasPanel(document)
        self.inspector_dock = self._dock("Inspector", "inspectorDock", self.inspector)
        # Scrolled: its list and a preferred channel per stage would otherwise make the
        # window taller than a 1280x720 screen when the panel comes back.
        self.personas_dock = self._dock("Personas", "personasDock", scrolled(self.personas))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        window.tabifyDockWidget(self.inspector_dock, self.personas_dock)
        self.inspector_dock.raise_()
        window.resizeDocks([self.inspector_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        screen = window.screen()
        width = screen.availableGeometry().width() if screen is not None else None
        if width is not None and width < SMALL_SCREEN_WIDTH:
            self.inspector_dock.hide()
            self.personas_dock.hide()
        self.give_way = None
        if width is not None and width < NARROW_SCREEN_WIDTH:
            docks = [self.inspector_dock, self.personas_dock]
            on_a_cell = self.keyboard.stepping_onto_a_cell
            self.give_way = GiveWay(view, docks, self, on_a_cell)
        self.personas_dock.visibilityChanged.connect(self.personas.set_seen)
        self._scene = view.blueprint_scene
        self._scene.selectionChanged.connect(self._selection_changed)
        self._scene.touchpointActivated.connect(self.edit_touchpoint)
        for source in (self.inspector.problem, self.personas.problem):
            source.connect(self._status)
        self.rename.problem.connect(self._status)
        self.actions.message.connect(self._status)
        self._add_menus(bench.menus)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)  # so the window can save and restore its place
        dock.setWidget(widget)
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        return dock

    def _add_menus(self, menus: Menus) -> None:
        self.actions.add_to(menus.edit)
        # One Delete key: the window's removes the selected cards, this the flows.
        menus.delete.triggered.connect(self.actions.remove_selected_flows)
        view_menu = menus.view
        view_menu.addSeparator()
        # Zoom &In and Im&provements have the I and the P.
        for dock, text, tip in (
            (
                self.inspector_dock,
                "I&nspector",
                "Show or hide the inspector of the selected touchpoint",
            ),
            (self.personas_dock, "P&ersonas", "Show or hide the personas panel"),
        ):
            toggle = dock.toggleViewAction()
            toggle.setText(text)
            toggle.setStatusTip(tip)
            toggle.setToolTip(tip)
            view_menu.addAction(toggle)

    def _selection_changed(self) -> None:
        if not isValid(self._scene):
            return  # the scene announces its emptying while it is being destroyed
        self.inspector.show_touchpoints(self._scene.selected_touchpoint_ids())

    def edit_touchpoint(self, touchpoint_id: str) -> None:
        """Show the inspector on this touchpoint, its title ready for typing."""
        if touchpoint_id not in self._scene.selected_touchpoint_ids():
            self._scene.select_touchpoints([touchpoint_id])
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        self.inspector.focus_title()

    def add_friction_to(self, touchpoint_id: str) -> None:
        """A new friction point on this card, its title in the inspector ready for typing."""
        if touchpoint_id not in self._scene.selected_touchpoint_ids():
            self._scene.select_touchpoints([touchpoint_id])
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        self.inspector.show_frictions()
        self.inspector.frictions.add_friction()

    def _status(self, message: str) -> None:
        self._bench.show_status(message)


def install_editing(bench: Workbench) -> EditingTools:
    """Add the editing tools to the workbench's window, canvas and menus."""
    return EditingTools(bench)
