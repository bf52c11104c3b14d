"""The strips over the lanes view's margins, and what the views say about a point of them.

A strip is a small view of the same scene showing one band of it (the headers above, the
lane labels to the left) at the lanes view's zoom, so they stay in sight while the lane
cells scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QToolTip

from .column import ColumnItem

RENDER_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing


def cell_at(view: QGraphicsView, viewport_point: QPoint) -> tuple[ColumnItem, str | None] | None:
    """The column under a point of a view's viewport, and its lane there (None: its header)."""
    point = view.mapToScene(viewport_point)
    for item in view.items(viewport_point):
        if isinstance(item, ColumnItem):
            return item, item.lane_at(item.mapFromScene(point).y())
    return None


def show_tooltip(view: QGraphicsView, event: QEvent) -> bool:
    """Answer a tooltip event: the column's title and channel, or a cut text in full."""
    if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
        return False
    hit = cell_at(view, event.pos())
    text = hit[0].tooltip(hit[1]) if hit is not None else ""
    if not text:
        return False  # the item's own tooltip, if it has one (the stage bands)
    QToolTip.showText(event.globalPos(), text, view.viewport())
    return True


class HeaderStrip(QGraphicsView):
    """A fixed band over the lanes view that shows one region of the scene."""

    def __init__(self, scene: QGraphicsScene, parent: QGraphicsView) -> None:
        super().__init__(scene, parent)
        self._lanes_view = parent
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(RENDER_HINTS)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The stage names follow the scroll: every scroll repaints the strip (it is small).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)

    def show_region(self, region: QRectF, zoom: float) -> None:
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.setSceneRect(region)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._lanes_view.wheelEvent(event)  # scrolling over a header scrolls the lanes

    def viewportEvent(self, event: QEvent) -> bool:
        if show_tooltip(self, event):
            return True
        return super().viewportEvent(event)
