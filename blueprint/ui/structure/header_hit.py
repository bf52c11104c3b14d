"""Which header is under a point of a header strip, and where a header shows on screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QGraphicsView

from ..canvas.headers import ChannelHeaderItem, StageHeaderItem
from .axes import CHANNELS, STAGES, Axis


@dataclass(frozen=True)
class HeaderHit:
    axis: Axis
    entity_id: str


def header_at(strip: QGraphicsView, point: QPoint) -> HeaderHit | None:
    """The stage or channel header under ``point`` of the strip's viewport, if any."""
    for item in strip.items(point):
        if isinstance(item, StageHeaderItem):
            return HeaderHit(STAGES, item.stage_id)
        if isinstance(item, ChannelHeaderItem):
            return HeaderHit(CHANNELS, item.channel_id)
    return None


def header_rect(strip: QGraphicsView, axis: Axis, entity_id: str) -> QRect | None:
    """Where the header shows in the strip's viewport (it may lie partly outside)."""
    scene = strip.scene()
    item = axis.header(scene, entity_id)  # type: ignore[arg-type]
    if item is None:
        return None
    return strip.mapFromScene(item.sceneBoundingRect()).boundingRect()
