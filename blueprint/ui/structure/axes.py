"""The two axes of the grid, so one piece of code serves stage columns and channel rows:
which collection, which header strip, which commands, and which way the headers run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from ..canvas.layout import Band, GridLayout
from ..canvas.scene import BlueprintScene
from ..canvas.view import CanvasView, HeaderStrip
from ..commands import (
    EditChannel,
    EditStage,
    MoveChannel,
    MoveStage,
    RemoveChannel,
    RemoveStage,
    RenameChannel,
    RenameStage,
)


@dataclass(frozen=True)
class Axis:
    kind: Literal["stages", "channels"]
    noun: str
    #: stages run left to right (columns), channels top to bottom (rows)
    horizontal: bool
    move: type[MoveStage] | type[MoveChannel]
    remove: type[RemoveStage] | type[RemoveChannel]
    rename: type[RenameStage] | type[RenameChannel]
    edit: type[EditStage] | type[EditChannel]
    #: the words for "before" and "after" along this axis
    before: str
    after: str

    def bands(self, layout: GridLayout) -> dict[str, Band]:
        """Entity id -> its column (or row), in order."""
        return layout.columns if self.horizontal else layout.rows

    def along(self, point: QPointF) -> float:
        """The coordinate of a point along the axis."""
        return point.x() if self.horizontal else point.y()

    def strip(self, view: CanvasView) -> HeaderStrip:
        columns, rows, _corner = view.header_strips()
        return columns if self.horizontal else rows

    def header(self, scene: BlueprintScene, entity_id: str) -> QGraphicsItem | None:
        if self.horizontal:
            return scene.stage_header(entity_id)
        return scene.channel_header(entity_id)


STAGES = Axis(
    "stages", "stage", True, MoveStage, RemoveStage, RenameStage, EditStage, "left", "right"
)
CHANNELS = Axis(
    "channels",
    "channel",
    False,
    MoveChannel,
    RemoveChannel,
    RenameChannel,
    EditChannel,
    "up",
    "down",
)
AXES = (STAGES, CHANNELS)
