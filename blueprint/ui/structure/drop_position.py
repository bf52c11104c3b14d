"""Where a dragged header would land (no Qt): the gap between two columns (or rows) nearest
the pointer, and the index the moved stage (or channel) then has."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..canvas.layout import Band


@dataclass(frozen=True)
class DropTarget:
    #: the gap before the ``gap``-th band; the number of bands means after the last one
    gap: int
    #: where the gap is, along the axis, in scene coordinates
    boundary: float
    #: the moved entity's index once moved
    index: int
    #: its index now
    current: int

    @property
    def moves(self) -> bool:
        return self.index != self.current


def drop_target(bands: Mapping[str, Band], moving_id: str, coordinate: float) -> DropTarget:
    """The gap whose neighbours' centres are either side of ``coordinate``."""
    ordered = list(bands.values())
    gap = sum(1 for band in ordered if band.start + band.size / 2 < coordinate)
    boundary = ordered[gap].start if gap < len(ordered) else ordered[-1].end
    current = list(bands).index(moving_id)
    # Taking the entity out first shifts the gaps after it one place to the left.
    index = gap if gap <= current else gap - 1
    return DropTarget(gap, boundary, index, current)
