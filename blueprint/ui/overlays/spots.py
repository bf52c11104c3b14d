"""An overlay item made of spots (heat map cells, evidence marks): each spot has an area and
a tooltip; the item takes the hover only over its spots, never over the cards under it, and
shows a spot's tooltip as typed (names in it are the user's text, never markup)."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent

from ..tips import plain_tip

Spot = TypeVar("Spot")


class SpotsItem(QGraphicsItem, Generic[Spot]):
    """Subclasses say where a spot is (``_area``), its tooltip (``_tip``), the outline
    that takes the hover (a rectangle unless ``_outline`` says otherwise) and paint."""

    def __init__(self, z: float) -> None:
        super().__init__()
        self._spots: list[Spot] = []
        self._bounds = QRectF()
        self._shape = QPainterPath()
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)

    def show_spots(self, spots: list[Spot]) -> None:
        shape = QPainterPath()
        shape.setFillRule(Qt.FillRule.WindingFill)  # overlapping spots stay inside
        for spot in spots:
            self._outline(shape, self._area(spot))
        self.prepareGeometryChange()
        self._spots, self._shape, self._bounds = spots, shape, shape.boundingRect()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Only where it draws: an item may span the grid, and must not take the hovering
        # (and the tooltip) from what is under it.
        return self._shape

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip of the spot drawn at ``point`` (scene coordinates), if any."""
        for spot in self._spots:
            if self._area(spot).contains(point):
                return self._tip(spot)
        return ""

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        tip = self.tooltip_at(event.scenePos())
        self.setToolTip(plain_tip(tip) if tip else "")

    @staticmethod
    def _area(spot: Spot) -> QRectF:
        raise NotImplementedError

    @staticmethod
    def _tip(spot: Spot) -> str:
        raise NotImplementedError

    @staticmethod
    def _outline(shape: QPainterPath, area: QRectF) -> None:
        shape.addRect(area)
