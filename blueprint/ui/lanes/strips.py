"""The strips over the lanes view's margins, and what the views say about a point of them.

A strip (see ``FrozenHeaderView``) shows one band of the scene (the headers above, the lane
labels to the left) at the lanes view's zoom, so they stay in sight while the lane cells
scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QToolTip

from ..canvas.frozen_view import FrozenHeaderView, HeaderStrip
from .column import ColumnItem


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


class LanesHeaderStrip(HeaderStrip):
    """A strip of the lanes' headers or lane labels, whose cut texts say themselves in full."""

    def __init__(self, scene: QGraphicsScene, view: FrozenHeaderView) -> None:
        super().__init__(scene, view)
        # The stage names follow the scroll: every scroll repaints the strip (it is small).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)

    def viewportEvent(self, event: QEvent) -> bool:
        if show_tooltip(self, event):
            return True
        return super().viewportEvent(event)
