"""Putting the contact-reasons dock into the main window, with its View menu toggle.

The dock sits on the left, so the inspector (on the right) stays in sight beside it: linking
a friction point means choosing it there and its reason here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget

from ..inspector.touchpoint_inspector import TouchpointInspector
from ..workbench import Workbench
from .contact_reasons_panel import ContactReasonsPanel
from .live import LivePlan

DOCK_WIDTH = 400
TOGGLE_TIP = "Show or hide the contact reasons and the failure-demand share"


class ContactReasonsTools(QObject):
    """What ``install_contact_reasons`` adds to a window, for the window and tests."""

    def __init__(
        self, bench: Workbench, live_plan: LivePlan, inspector: TouchpointInspector
    ) -> None:
        window = bench.frame
        super().__init__(window)
        self._bench = bench
        self._inspector = inspector
        self.panel = ContactReasonsPanel(bench.document, live_plan, self.chosen_friction_id)
        self.dock = QDockWidget("Contact Reasons", window)
        self.dock.setObjectName("contactReasonsDock")  # the window saves and restores its place
        self.dock.setWidget(self.panel)
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        # A plan tool: out of the way until asked for (View > Contact Reasons).
        self.dock.hide()
        self.dock.visibilityChanged.connect(self.panel.set_seen)
        self.panel.message.connect(self._status)
        self._follow_inspector()
        toggle = self.dock.toggleViewAction()
        toggle.setText("&Contact Reasons")
        toggle.setStatusTip(TOGGLE_TIP)
        toggle.setToolTip(TOGGLE_TIP)
        bench.menus.view.addAction(toggle)

    def chosen_friction_id(self) -> str | None:
        """The friction point selected in the inspector (one card shown), if any."""
        if self._inspector.touchpoint_id is None:
            return None
        return self._inspector.frictions.current_friction_id()

    def _follow_inspector(self) -> None:
        panel = self.panel
        self._inspector.frictions.list.currentRowChanged.connect(panel.friction_choice_changed)
        self._bench.canvas.blueprint_scene.selectionChanged.connect(panel.friction_choice_changed)
        self._bench.document.edited.connect(panel.friction_choice_changed)

    def _status(self, message: str) -> None:
        self._bench.show_status(message)


def install_contact_reasons(
    bench: Workbench, live_plan: LivePlan, inspector: TouchpointInspector
) -> ContactReasonsTools:
    """Add the contact-reasons dock to the workbench's window: the reasons of the document,
    the failure-demand share from ``live_plan``, linked to the friction point chosen in
    ``inspector``."""
    return ContactReasonsTools(bench, live_plan, inspector)
