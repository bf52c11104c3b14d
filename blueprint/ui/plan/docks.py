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
    dock.visibilityChanged.connect(lambda shown: shown and _leave_the_canvas_room(window, dock))


#: The most of the window's height a bottom panel takes as it opens.
MOST_OF_THE_HEIGHT = 0.4


def _leave_the_canvas_room(window: QMainWindow, dock: QDockWidget) -> None:
    """A panel opened along the bottom takes at most two fifths of the window: on a
    projector's 720 lines the Improvements panel took more than half, and the canvas kept
    one row of cards. A height the user gave it within that stays."""
    most = int(window.height() * MOST_OF_THE_HEIGHT)
    if dock.height() > most:
        window.resizeDocks([dock], [most], Qt.Orientation.Vertical)
