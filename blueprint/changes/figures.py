"""What a state of the journey costs: the figures of DOMAIN.md, for one state on its own.

Every figure is computed by the analysis functions the plan uses, over an ordinary blueprint:
a ``state_view`` of one state, or a file as it is. Only bad friction counts, except in the
failure-demand share, which counts every friction point that names a contact reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import (
    EpicSummary,
    FailureDemand,
    FrictionScore,
    applies_to,
    channel_switches,
    emotion_by_stage,
    lost_journeys,
    score_frictions,
    yearly_contact_cost,
)
from ..analysis.epic import TouchpointEpic, epic_by_stage_and_overall
from ..analysis.plan import failure_demand
from ..model import Blueprint, Touchpoint
from ..model.states import State, state_view

#: The steps of the stairway, from 0 (escalation or lost) to 5 (no contact needed).
STEPS = tuple(range(6))


@dataclass(frozen=True, slots=True)
class StageFigures:
    stage_id: str
    epic: EpicSummary  # its index and weakest letter among the rest
    emotion: float | None  # the mean of the set emotions; None when none is set


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of one state, for every customer or for one persona."""

    persona_id: str | None
    friction_impact: float  # sum of F
    stairway: tuple[float, ...]  # monthly reach r landing on step 0..5 (give-ups on 0)
    friction_cost: float  # a year: r x 12 x cost per contact of the landing channel
    cost_unknown_channel_ids: tuple[str, ...]  # landing channels with no cost, counted 0
    lost_journeys: float  # a year
    failure_demand: FailureDemand
    channel_switches: int
    epic: EpicSummary  # of the whole state
    stages: tuple[StageFigures, ...]  # in the blueprint's stage order

    def stage(self, stage_id: str) -> StageFigures | None:
        return next((s for s in self.stages if s.stage_id == stage_id), None)


@dataclass(frozen=True, slots=True)
class JourneyFigures:
    """The figures of one state for every customer, and for each persona."""

    whole: Figures
    personas: tuple[Figures, ...]  # one per persona, in the blueprint's order


def figures(
    bp: Blueprint, persona_id: str | None = None, scores: list[FrictionScore] | None = None
) -> Figures:
    """The figures of ``bp`` read as one state (a ``state_view``, or a file of one state),
    over the touchpoints that apply to ``persona_id`` (every touchpoint without one).
    ``scores``: its friction points' scores when already known (``score_frictions(bp)``)."""
    touchpoints = _touchpoints_of(bp, persona_id)
    ids = {t.id for t in touchpoints}
    if scores is None:
        scores = score_frictions(bp, ids)
    elif persona_id is not None:
        scores = [s for s in scores if s.touchpoint_id in ids]
    return _figures(bp, persona_id, touchpoints, scores, _read_epic(touchpoints))


def state_figures(bp: Blueprint, state: State, persona_id: str | None = None) -> Figures:
    """The figures of one state of ``bp``."""
    return figures(state_view(bp, state), persona_id)


def journey_figures(bp: Blueprint, scores: list[FrictionScore] | None = None) -> JourneyFigures:
    """The figures of ``bp`` read as one state, for every customer and for each persona.

    The friction points are scored once (or ``scores`` are used, when already known): a
    friction point keeps its touchpoint's segment weight in a persona's figures, as the plan
    for one persona does.
    """
    if scores is None:
        scores = score_frictions(bp)
    epic = _read_epic(bp.touchpoints)
    whole = _figures(bp, None, bp.touchpoints, scores, epic)
    personas = []
    for persona in bp.personas:
        touchpoints = _touchpoints_of(bp, persona.id)
        ids = {t.id for t in touchpoints}
        scoped = [s for s in scores if s.touchpoint_id in ids]
        scoped_epic = {i: e for i, e in epic.items() if i in ids}
        personas.append(_figures(bp, persona.id, touchpoints, scoped, scoped_epic))
    return JourneyFigures(whole, tuple(personas))


def scores_after(
    before: Blueprint, after: Blueprint, scores_before: list[FrictionScore]
) -> list[FrictionScore]:
    """``score_frictions(after)``, reusing the scores of ``before`` for the friction points
    that are the very same objects on the very same touchpoints in both, as the two states of
    one file share what does not change: only the others are scored again."""
    if before.channels != after.channels or before.personas != after.personas:
        return score_frictions(after)  # steps or segment weights may differ: score them all
    was_touchpoint = {t.id: t for t in before.touchpoints}
    same = {t.id for t in after.touchpoints if was_touchpoint.get(t.id) is t}
    was_friction = {f.id: f for f in before.frictions}
    stale = {
        f.touchpoint_id
        for f in after.frictions
        if was_friction.get(f.id) is not f or f.touchpoint_id not in same
    }
    known = {s.friction_id: s for s in scores_before}
    fresh = {s.friction_id: s for s in score_frictions(after, stale)} if stale else {}
    return [fresh[f.id] if f.touchpoint_id in stale else known[f.id] for f in after.frictions]


def _read_epic(touchpoints: list[Touchpoint]) -> dict[str, TouchpointEpic]:
    """Each touchpoint's EPIC letters, read once for the whole journey and every persona."""
    return {t.id: TouchpointEpic.of(t) for t in touchpoints}


def _touchpoints_of(bp: Blueprint, persona_id: str | None) -> list[Touchpoint]:
    if persona_id is None:
        return bp.touchpoints
    return [t for t in bp.touchpoints if applies_to(t.persona_ids, persona_id)]


def _figures(
    bp: Blueprint,
    persona_id: str | None,
    touchpoints: list[Touchpoint],
    scores: list[FrictionScore],
    epic_read: dict[str, TouchpointEpic],
) -> Figures:
    bad = [s for s in scores if not s.good]
    stairway = [0.0] * len(STEPS)
    for score in bad:
        stairway[score.landing_step] += score.reach
    cost, unknown = _friction_cost(bp, bad)
    ids = {t.id for t in touchpoints} if persona_id is not None else None
    epic_by_stage, epic_overall = epic_by_stage_and_overall(bp, list(epic_read.values()))
    emotion = {e.stage_id: e.mean for e in emotion_by_stage(bp, persona_id)}
    return Figures(
        persona_id=persona_id,
        friction_impact=sum(s.impact for s in bad),
        stairway=tuple(stairway),
        friction_cost=cost,
        cost_unknown_channel_ids=unknown,
        lost_journeys=lost_journeys(bad),
        failure_demand=failure_demand(bp, scores),
        channel_switches=len(channel_switches(bp, ids)),
        epic=epic_overall,
        stages=tuple(
            StageFigures(stage.id, epic_by_stage[stage.id], emotion.get(stage.id))
            for stage in bp.stages
        ),
    )


def _friction_cost(bp: Blueprint, bad: list[FrictionScore]) -> tuple[float, tuple[str, ...]]:
    """The contact cost a year of the bad friction points where customers do not give up,
    and the landing channels whose cost per contact is not known (counted 0)."""
    costs = {c.id: c.cost_per_contact for c in bp.channels}
    total = 0.0
    unknown: dict[str, None] = {}
    for score in bad:
        if score.gives_up:
            continue
        cost = costs.get(score.landing_channel_id or "")
        if cost is None:
            unknown[score.landing_channel_id or ""] = None
        total += yearly_contact_cost(score, cost)
    return total, tuple(unknown)
