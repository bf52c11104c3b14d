"""Where the plan's wide panels go: along the bottom of the window, as tabs of one dock area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


def add_along_the_bottom(window: QMainWindow, dock: QDockWidget, height: int) -> None:
    """Add ``dock`` along the bottom, tabbed with any dock already there: a wide table or
    picture wants the whole width of the window, not half of it."""
    neighbours = [
        d
        for d in window.findChildren(QDockWidget)
        if d is not dock and window.dockWidgetArea(d) == BOTTOM
    ]
    window.addDockWidget(BOTTOM, dock)
    if neighbours:
        window.tabifyDockWidget(neighbours[0], dock)
    window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
