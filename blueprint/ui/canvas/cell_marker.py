"""The outline of the cell where the next card goes, drawn on the canvas: the target of
workshop capture, the cell the arrow keys reached.

An item added to the scene from outside: it ignores the mouse, so clicks, double-clicks and
rubber bands reach the cells under it, and it sits above the grid but under the cards.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem
from shiboken6 import isValid

from . import palette
from .card import CARD_Z
from .scene import BlueprintScene

BORDER = 4
INSET = 3
FILL_ALPHA = 28
#: Away from the keys (they are in a panel), a thin grey outline: where they will be back,
#: not a second focus mark beside the real one.
RESTING_BORDER = 2


class Cell(Protocol):
    @property
    def stage_id(self) -> str: ...

    @property
    def channel_id(self) -> str: ...


class CellMarker(QObject):
    def __init__(self, scene: BlueprintScene, parent: QObject) -> None:
        super().__init__(parent)
        self._scene = scene
        self._cell: Cell | None = None
        self.item = QGraphicsRectItem()
        self.set_resting(False)
        self.item.setZValue(CARD_Z - 0.5)
        self.item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.item.setAcceptHoverEvents(False)
        self.item.hide()
        scene.addItem(self.item)  # the scene owns it from now on
        scene.layoutChanged.connect(self.place)

    def set_resting(self, resting: bool) -> None:
        """Drawn bright where the keys are, thin and grey while they are elsewhere."""
        if not isValid(self.item):
            return
        if resting:
            pen = QPen(QColor(palette.MUTED_INK), RESTING_BORDER, Qt.PenStyle.DotLine)
            self.item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        else:
            accent = QColor(palette.SELECTION)
            pen = QPen(accent, BORDER, Qt.PenStyle.DashLine)
            fill = QColor(accent)
            fill.setAlpha(FILL_ALPHA)
            self.item.setBrush(QBrush(fill))
        pen.setCosmetic(False)
        self.item.setPen(pen)

    def show_cell(self, cell: Cell | None) -> None:
        self._cell = cell
        self.place()

    def hide(self) -> None:
        self._cell = None
        if isValid(self.item):
            self.item.hide()

    def rect(self) -> QRectF | None:
        """Where the marker is in the scene, None when it is not shown."""
        return self.item.rect() if isValid(self.item) and self.item.isVisible() else None

    def place(self) -> None:
        if not isValid(self.item):
            return
        cell = self._cell
        layout = self._scene.grid_layout
        known = cell is not None and cell.stage_id in layout.columns
        if cell is None or not known or cell.channel_id not in layout.rows:
            self.item.hide()
            return
        box = layout.cell(cell.stage_id, cell.channel_id)
        self.item.setRect(
            QRectF(box.x + INSET, box.y + INSET, box.width - 2 * INSET, box.height - 2 * INSET)
        )
        self.item.show()
