"""One selection for both views: a touchpoint chosen in the lanes is chosen on the grid (so
the inspector shows it), and the other way round. Selection is view state, never undoable."""

from __future__ import annotations

from PySide6.QtCore import QObject
from shiboken6 import isValid

from ..canvas.scene import BlueprintScene
from .scene import LanesScene


class SelectionSync(QObject):
    def __init__(self, grid: BlueprintScene, lanes: LanesScene, parent: QObject) -> None:
        super().__init__(parent)
        self._grid = grid
        self._lanes = lanes
        self._following = False  # set while one side follows the other: no echo back
        grid.selectionChanged.connect(self.lanes_follow_grid)
        lanes.selectionChanged.connect(self._grid_follows_lanes)

    def lanes_follow_grid(self) -> None:
        if self._following or not self._alive() or not self._lanes.is_built:
            return
        self._follow(self._lanes, self._grid.selected_touchpoint_ids())

    def _grid_follows_lanes(self) -> None:
        if self._following or not self._alive():
            return
        self._follow(self._grid, self._lanes.selected_touchpoint_ids())

    def _follow(self, scene: BlueprintScene | LanesScene, chosen: list[str]) -> None:
        if scene.selected_touchpoint_ids() == chosen:
            return
        self._following = True
        try:
            scene.select_touchpoints(chosen)
        finally:
            self._following = False

    def _alive(self) -> bool:
        # Scenes announce their emptying while they are being destroyed.
        return isValid(self._grid) and isValid(self._lanes)
