"""Putting the contact-reasons dock into the main window, with its View menu toggle.

The dock sits on the left, so the inspector (on the right) stays in sight beside it: linking
a friction point means choosing it there and its reason here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ..status import show_status
from .contact_reasons_panel import ContactReasonsPanel

DOCK_WIDTH = 400
TOGGLE_TIP = "Show or hide the contact reasons and the failure-demand share"


class ContactReasonsTools(QObject):
    """What ``install_contact_reasons`` adds to a window, for the window and tests."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.panel = ContactReasonsPanel(
            window.document,  # type: ignore[attr-defined]
            window.live_plan,  # type: ignore[attr-defined]
            self.chosen_friction_id,
        )
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
        window.menus.view.addAction(toggle)  # type: ignore[attr-defined]

    def chosen_friction_id(self) -> str | None:
        """The friction point selected in the inspector (one card shown), if any."""
        editing = getattr(self._window, "editing", None)
        if editing is None or editing.inspector.touchpoint_id is None:
            return None
        return editing.inspector.frictions.current_friction_id()

    def _follow_inspector(self) -> None:
        editing = getattr(self._window, "editing", None)
        if editing is None:
            return
        panel = self.panel
        editing.inspector.frictions.list.currentRowChanged.connect(panel.friction_choice_changed)
        self._window.canvas.blueprint_scene.selectionChanged.connect(  # type: ignore[attr-defined]
            panel.friction_choice_changed
        )
        self._window.document.edited.connect(panel.friction_choice_changed)  # type: ignore[attr-defined]

    def _status(self, message: str) -> None:
        show_status(self._window, message)


def install_contact_reasons(window: QMainWindow) -> ContactReasonsTools:
    """Add the contact-reasons dock to a main window with a document, a live plan and menus."""
    return ContactReasonsTools(window)
