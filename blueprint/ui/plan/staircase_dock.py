"""Putting the staircase into the main window: a dock along the bottom (the picture is wide),
hidden until View > Staircase shows it.

The panel, and with it the report's drawing code and reportlab, is made the first time the
dock is shown: a window whose staircase stays hidden never pays for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from ..workbench import Workbench
from .docks import add_along_the_bottom
from .live import LivePlan

if TYPE_CHECKING:
    from .staircase_panel import StaircasePanel

DOCK_HEIGHT = 360
TOGGLE_TIP = "Show or hide the staircase of service, with each improvement drawn as a lift"


class Staircase(QObject):
    """The staircase dock of one window, for the window and for tests."""

    def __init__(self, window: QMainWindow, live_plan: LivePlan) -> None:
        super().__init__(window)
        self._live = live_plan
        self._panel: StaircasePanel | None = None
        self.dock = QDockWidget("Staircase", window)
        self.dock.setObjectName("staircaseDock")  # so the window can save and restore its place
        self.dock.setWidget(QLabel("Drawing the staircase…"))
        add_along_the_bottom(window, self.dock, DOCK_HEIGHT)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._visibility_changed)
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setText("&Staircase")
        self.toggle.setStatusTip(TOGGLE_TIP)
        self.toggle.setToolTip(TOGGLE_TIP)

    @property
    def panel(self) -> StaircasePanel | None:
        """The panel, once the dock has been shown."""
        return self._panel

    def show(self) -> StaircasePanel:
        """Show the dock, in front of any it shares a tab with, and return its panel."""
        self.dock.show()
        self.dock.raise_()
        return self._made_panel()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self._made_panel()

    def _made_panel(self) -> StaircasePanel:
        if self._panel is None:
            from .staircase_panel import StaircasePanel  # reportlab loads here, once

            placeholder = self.dock.widget()
            self._panel = StaircasePanel(self._live)
            self.dock.setWidget(self._panel)  # the dock owns it
            if placeholder is not None:
                placeholder.deleteLater()
        return self._panel


def install_staircase(bench: Workbench, live_plan: LivePlan) -> Staircase:
    """Add the Staircase dock of ``live_plan`` and its View menu toggle to the workbench."""
    staircase = Staircase(bench.frame, live_plan)
    bench.menus.view.addAction(staircase.toggle)  # beside the other panels' toggles
    return staircase
