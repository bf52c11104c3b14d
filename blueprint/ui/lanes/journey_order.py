"""The order of the touchpoints in the lanes view: stage by stage, along the journey.

Within a stage the touchpoints follow the flows between them, so a chain of steps (web
form, then chat, then the phone menu, then an agent) reads left to right as the customer
lived it, whatever channels it crosses. Where the flows do not decide (no flow, or two
branches), the grid's reading order does: channel order, then the order within the cell.
Once a chain starts it is followed to its end before another begins, so a side step (a
parcel arriving) never splits a story in two. A cycle of flows is broken at its first
touchpoint in grid order. Flows between stages do not reorder anything: stages keep their
own order.

Pure: no Qt, nothing but the model.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from ...model import Blueprint, Stage, Touchpoint


def stages_in_journey_order(blueprint: Blueprint) -> list[tuple[Stage, list[Touchpoint]]]:
    """Every stage, in stage order, with its touchpoints in journey order."""
    channel_rank = {c.id: i for i, c in enumerate(blueprint.channels)}
    by_stage: dict[str, list[Touchpoint]] = defaultdict(list)
    for touchpoint in blueprint.touchpoints:
        by_stage[touchpoint.stage_id].append(touchpoint)
    stage_of = {t.id: t.stage_id for t in blueprint.touchpoints}
    next_in_stage: dict[str, list[str]] = defaultdict(list)
    for flow in blueprint.flows:
        stage = stage_of.get(flow.from_id)
        if stage is not None and flow.from_id != flow.to_id and stage_of.get(flow.to_id) == stage:
            next_in_stage[flow.from_id].append(flow.to_id)
    return [
        (stage, _journey(by_stage.get(stage.id, []), channel_rank, next_in_stage))
        for stage in blueprint.stages
    ]


def _journey(
    touchpoints: list[Touchpoint],
    channel_rank: dict[str, int],
    next_of: dict[str, list[str]],
) -> list[Touchpoint]:
    # Document order is cell order, so (channel, document index) is the grid's reading order.
    rank = {
        t.id: (channel_rank.get(t.channel_id, len(channel_rank)), i)
        for i, t in enumerate(touchpoints)
    }
    by_id = {t.id: t for t in touchpoints}
    waiting = dict.fromkeys(rank, 0)  # flows still to arrive at each touchpoint
    for source in rank:
        for target in next_of.get(source, ()):
            waiting[target] += 1
    ready = [(rank[i], i) for i, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    unplaced = sorted(rank, key=rank.__getitem__)  # for breaking cycles, in grid order
    placed: list[str] = []
    done: set[str] = set()
    last: str | None = None
    while len(placed) < len(rank):
        chosen = _next_in_chain(last, next_of, waiting, done, rank)
        if chosen is None:
            chosen = _first_ready(ready, done)
        if chosen is None:  # only cycles left
            chosen = next(i for i in unplaced if i not in done)
        placed.append(chosen)
        done.add(chosen)
        for target in next_of.get(chosen, ()):
            waiting[target] -= 1
            if waiting[target] == 0:
                heapq.heappush(ready, (rank[target], target))
        last = chosen
    return [by_id[i] for i in placed]


def _next_in_chain(
    last: str | None,
    next_of: dict[str, list[str]],
    waiting: dict[str, int],
    done: set[str],
    rank: dict[str, tuple[int, int]],
) -> str | None:
    """The step after ``last`` that nothing else still waits for, first in grid order."""
    if last is None:
        return None
    free = [t for t in next_of.get(last, ()) if waiting[t] <= 0 and t not in done]
    return min(free, key=rank.__getitem__) if free else None


def _first_ready(ready: list[tuple[tuple[int, int], str]], done: set[str]) -> str | None:
    while ready:
        _rank, touchpoint_id = heapq.heappop(ready)
        if touchpoint_id not in done:
            return touchpoint_id
    return None
