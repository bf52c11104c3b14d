"""On a narrow screen (a laptop, a projector at 1280x720) the side panels give the canvas
their room while nothing is selected, and come back when a card is picked.

Stepping with the arrow keys onto an empty cell is not "nothing selected": the panels stay,
or the canvas would jump sideways at every empty cell on the way (``keys_on_a_cell``).

Only panels it put away come back: a panel the user closed stays closed, and a panel the
user is typing in, or looking at behind another tab, is left where it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow
from shiboken6 import isValid

from ..canvas.view import CanvasView

#: Screens narrower than this (logical pixels) make the panels give way.
NARROW_SCREEN_WIDTH = 1440


class GiveWay(QObject):
    def __init__(
        self,
        view: CanvasView,
        docks: list[QDockWidget],
        parent: QObject,
        keys_on_a_cell: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._keys_on_a_cell = keys_on_a_cell
        self._scene = scene = view.blueprint_scene
        self._docks = docks
        self.gave_way = False
        #: workshop mode has the panels out of the way: it places them, not the selection
        self._paused = False
        scene.selectionChanged.connect(self._follow)
        for dock in docks:
            # The user showed or hid a panel from the View menu: theirs to place from now on.
            dock.toggleViewAction().triggered.connect(self._user_placed)
        if not scene.selected_touchpoint_ids():
            self._put_away()  # nothing is selected yet: the canvas has the room from the start

    def set_paused(self, paused: bool) -> None:
        """Pause while workshop mode keeps the panels away; once it has put the window back,
        follow the selection again (the card captured last brings the panels back)."""
        self._paused = paused
        if not paused:
            self._follow()

    def _follow(self) -> None:
        if self._paused or not isValid(self._scene):
            return  # the scene announces its emptying while it is being destroyed
        chosen = bool(self._scene.selected_touchpoint_ids())
        first = self._docks[0]
        if chosen and self.gave_way:
            self.gave_way = False
            # A panel the user opened meanwhile in their place (Comments) stays in front.
            front = self._open_neighbour(first)
            for dock in self._docks:
                dock.show()
            (front or first).raise_()
            # The canvas narrows once the window lays itself out again: keep the card just
            # picked in sight then, not behind the panel that came back.
            self._view.keep_selection_in_sight_as_it_settles()
        elif (
            not chosen
            and not self.gave_way
            and first.isVisible()
            and not self._in_use()
            and not self._keys_on_a_cell()
        ):
            self._put_away()

    def _open_neighbour(self, first: QDockWidget) -> QDockWidget | None:
        """A panel in sight where the panels that gave way come back (Qt lists no tabs of
        a hidden dock: those of its side of the window are looked at)."""
        window = first.parentWidget()
        if not isinstance(window, QMainWindow):
            return None
        side = window.dockWidgetArea(first)
        return next(
            (
                d
                for d in window.findChildren(QDockWidget)
                if d not in self._docks
                and window.dockWidgetArea(d) == side
                and d.isVisible()
                and not d.visibleRegion().isEmpty()
            ),
            None,
        )

    def _user_placed(self) -> None:
        self.gave_way = False

    def _put_away(self) -> None:
        self.gave_way = True
        for dock in self._docks:
            dock.hide()

    def _in_use(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and any(dock.isAncestorOf(focus) for dock in self._docks)
