"""What the user has chosen on the canvas, for the Edit actions.

Selection is view state, never on the undo stack. The scene knows which cards are
selected; this adds the order they were picked in (the first card of "connect" is the one
picked first) and the current cell: the cell of the selected cards, or the empty place of
a cell the user clicked (or reached with the arrow keys) last.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from shiboken6 import isValid

from ..canvas.card import CardItem
from ..canvas.flow_item import FlowItem
from ..canvas.view import CanvasView


class CanvasSelection(QObject):
    def __init__(self, view: CanvasView) -> None:
        super().__init__(view)
        self._view = view
        self._scene = view.blueprint_scene
        self._order: list[str] = []
        self._clicked_cell: tuple[str, str] | None = None
        self._scene.selectionChanged.connect(self._follow)
        self._scene.document.documentReset.connect(self._forget_cell)
        view.viewport().installEventFilter(self)

    def _forget_cell(self) -> None:
        """Another blueprint (or the same one opened again): no cell was clicked in it."""
        self._clicked_cell = None

    def touchpoint_ids(self) -> list[str]:
        """Selected cards, in the order they were picked (document order within one pick)."""
        selected = set(self._scene.selected_touchpoint_ids())
        return [i for i in self._order if i in selected]

    def flow_ids(self) -> list[str]:
        return [i.flow_id for i in self._scene.selectedItems() if isinstance(i, FlowItem)]

    def current_cell(self) -> tuple[str, str] | None:
        """The cell the selected cards share, else the cell clicked last; None otherwise
        (cards in several cells are selected, or nothing was ever clicked)."""
        document = self._scene.document
        chosen = self.touchpoint_ids()
        if chosen:
            cells = {
                (tp.stage_id, tp.channel_id) for tp in (document.touchpoint(i) for i in chosen)
            }
            return cells.pop() if len(cells) == 1 else None
        if self._clicked_cell is None:
            return None
        stage_id, channel_id = self._clicked_cell
        if document.get("stages", stage_id) is None or document.get("channels", channel_id) is None:
            return None
        return self._clicked_cell

    def choose_cell(self, cell: tuple[str, str]) -> None:
        """Make this the current cell, as a click on its empty place does (the keys)."""
        self._clicked_cell = cell

    def _follow(self) -> None:
        if not isValid(self._scene):
            return  # the scene announces its emptying while it is being destroyed
        selected = self._scene.selected_touchpoint_ids()  # document order
        kept = [i for i in self._order if i in set(selected)]
        self._order = kept + [i for i in selected if i not in set(kept)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            point = self._view.mapToScene(event.position().toPoint())
            on_card = any(isinstance(i, CardItem) for i in self._scene.items(point))
            if not on_card:
                self._clicked_cell = self._scene.grid_layout.cell_at(point.x(), point.y())
        return False
