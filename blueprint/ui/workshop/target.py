"""Where quick capture puts the next card: a cell, and how it moves across the grid (no Qt).

After each card the target moves to the next stage on the same channel, so a journey told
stage by stage lands in journey order. At the last stage it stays: the next cards stack in
that cell, after the ones already there, which keeps the journey's order too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Blueprint


@dataclass(frozen=True, slots=True)
class Cell:
    stage_id: str
    channel_id: str


def first_cell(blueprint: Blueprint) -> Cell | None:
    if not blueprint.stages or not blueprint.channels:
        return None
    return Cell(blueprint.stages[0].id, blueprint.channels[0].id)


def valid_cell(blueprint: Blueprint, cell: Cell | None) -> Cell | None:
    """The cell if its stage and channel still exist, else the first cell (or None)."""
    if cell is not None:
        stages = {s.id for s in blueprint.stages}
        channels = {c.id for c in blueprint.channels}
        if cell.stage_id in stages and cell.channel_id in channels:
            return cell
    return first_cell(blueprint)


def moved(blueprint: Blueprint, cell: Cell, stages: int = 0, channels: int = 0) -> Cell:
    """The cell ``stages`` columns and ``channels`` rows away, stopping at the edges."""
    stage_ids = [s.id for s in blueprint.stages]
    channel_ids = [c.id for c in blueprint.channels]
    stage = _step(stage_ids, cell.stage_id, stages)
    channel = _step(channel_ids, cell.channel_id, channels)
    return Cell(stage, channel)


def is_last_stage(blueprint: Blueprint, cell: Cell) -> bool:
    return bool(blueprint.stages) and blueprint.stages[-1].id == cell.stage_id


def cell_words(blueprint: Blueprint, cell: Cell) -> str:
    """'Onboarding × Web', as the capture bar names its target."""
    stage = next((s.name for s in blueprint.stages if s.id == cell.stage_id), "?")
    channel = next((c.name for c in blueprint.channels if c.id == cell.channel_id), "?")
    return f"{stage} × {channel}"


def _step(ids: list[str], current: str, by: int) -> str:
    index = ids.index(current) + by
    return ids[min(max(index, 0), len(ids) - 1)]
