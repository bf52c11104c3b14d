"""Where it hurts: friction impact per cell of the grid, stages across and channels down.

Colour follows the square root of the share of the largest cell, so a cell a tenth of the
largest is still visibly warm.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt

from ..formatting import compact
from .subject import PlanSubject

INTRO = (
    "Friction impact F summed over the friction points of each cell of the grid: stages "
    "across, channels down. The darker the cell, the more the friction there costs customers "
    "(reach, severity, segment weight and the drop down the stairs). An empty cell has no "
    "friction point"
)
#: Said where some number of the map is shortened (``184k``, ``3.2M``).
SHORTENED = "k = thousand, M = million"
NO_GRID = "The blueprint has no grid yet."
TOTAL_LABEL = "All channels"
SCALE_LABEL = "friction impact F of a cell"


@dataclass(frozen=True, slots=True)
class HeatCell:
    text: str  # ``12,536``, ``184k``
    #: Of the largest cell, on the colour scale (the square root of the share).
    fraction: float


@dataclass(frozen=True, slots=True)
class HeatMap:
    stages: tuple[str, ...]
    channels: tuple[str, ...]
    #: One row per channel, one cell per stage; None where the cell has no friction point.
    cells: tuple[tuple[HeatCell | None, ...], ...]
    #: Per stage, over every channel; empty where the stage has no friction point.
    totals: tuple[str, ...]
    largest: str

    @property
    def empty(self) -> bool:
        return not self.stages or not self.channels

    @property
    def shortened(self) -> bool:
        """Whether a number of the map is shortened to thousands or millions."""
        texts = [c.text for row in self.cells for c in row if c is not None]
        return any(t.endswith(("k", "M")) for t in (*texts, *self.totals, self.largest))

    @property
    def intro(self) -> str:
        return f"{INTRO}; {SHORTENED}." if self.shortened else f"{INTRO}."

    @property
    def scale_label(self) -> str:
        """Beside the colour scale's largest value."""
        return f"{SCALE_LABEL}; {SHORTENED}" if self.shortened else SCALE_LABEL


def heat_map(subject: PlanSubject) -> HeatMap:
    bp, heat = subject.bp, subject.plan.heat_map
    largest = max(heat.values(), default=0.0)
    cells = tuple(
        tuple(_cell(heat.get((stage.id, channel.id)), largest) for stage in bp.stages)
        for channel in bp.channels
    )
    totals = []
    for stage in bp.stages:
        values = [v for (s, _), v in heat.items() if s == stage.id]
        totals.append(compact(sum(values)) if values else "")
    return HeatMap(
        stages=tuple(s.name for s in bp.stages),
        channels=tuple(c.name for c in bp.channels),
        cells=cells,
        totals=tuple(totals),
        largest=compact(largest),
    )


def _cell(value: float | None, largest: float) -> HeatCell | None:
    if value is None:
        return None
    return HeatCell(compact(value), sqrt(value / largest) if largest > 0 else 0.0)


def scale_fraction(i: int, steps: int) -> float:
    """The colour of swatch ``i`` of a scale strip of ``steps`` swatches."""
    return sqrt((i + 0.5) / steps)
