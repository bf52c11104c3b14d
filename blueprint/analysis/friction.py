"""Friction impact: how far and how often friction pushes customers down the stairway.

Exactly the formulas of DOMAIN.md; every result keeps its terms so that the plan and the
editor can explain any number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean
from typing import NamedTuple

from ..model import Blueprint, Channel, Friction, FrictionNature, Period, Persona, Touchpoint

#: Occurrences per period -> per month.
MONTHLY_FACTOR: dict[Period, float] = {
    Period.DAY: 365 / 12,
    Period.WEEK: 52 / 12,
    Period.MONTH: 1.0,
    Period.QUARTER: 1 / 3,
    Period.YEAR: 1 / 12,
}


def monthly_reach(friction: Friction) -> float:
    """r = count x period factor."""
    return friction.frequency.count * MONTHLY_FACTOR[friction.frequency.per]


def segment_weight(touchpoint: Touchpoint, personas: list[Persona]) -> float:
    """w: the share-weighted mean value weight of the personas the touchpoint applies to.

    All personas when it lists none; the plain mean when any of them has no share or the
    shares sum to 0; 1.0 when the blueprint has no personas.
    """
    applies = [p for p in personas if p.id in touchpoint.persona_ids] or personas
    if not applies:
        return 1.0
    shares = [p.share for p in applies]
    if any(s is None for s in shares) or sum(shares) == 0:  # type: ignore[arg-type]
        return fmean(p.value_weight for p in applies)
    total = sum(shares)  # type: ignore[arg-type]
    return sum(p.value_weight * p.share for p in applies) / total  # type: ignore[operator]


# Not frozen, nor are the plan's other records built by the thousand after every edit: a
# frozen dataclass sets each field through object.__setattr__, which made building them a
# third of the time of the whole plan. Treat them as read-only (one plan is shared by every
# view); unsafe_hash keeps them hashable, as frozen ones are.
@dataclass(slots=True, unsafe_hash=True)
class FrictionScore:
    """F = r x severity x w x (1 + d) for bad friction, 0 for good friction, with its terms."""

    friction_id: str
    title: str
    touchpoint_id: str
    stage_id: str
    channel_id: str
    good: bool
    count: float
    period: Period
    reach: float  # r, per month
    severity: int
    weight: float  # w
    origin_step: int  # o
    landing_step: int  # l
    landing_channel_id: str | None  # None when the customer gives up
    gives_up: bool
    drop: int  # d = max(0, o - l)
    impact: float  # F
    source: str  # how the frequency is known: measured | estimated | unknown


class _Origin(NamedTuple):
    """Where a touchpoint's frictions start: what all of them share, read once."""

    touchpoint_id: str
    stage_id: str
    channel_id: str
    step: int  # o: the stairway step of the touchpoint's channel
    weight: float  # w: segment_weight


def score_friction(
    friction: Friction,
    touchpoint: Touchpoint,
    channels: dict[str, Channel],
    personas: list[Persona],
) -> FrictionScore:
    steps = {channel_id: channel.step for channel_id, channel in channels.items()}
    weight = segment_weight(touchpoint, personas)
    return _score_friction(friction, _origin(touchpoint, steps, weight), steps)


def _origin(touchpoint: Touchpoint, steps: dict[str, int], weight: float) -> _Origin:
    channel_id = touchpoint.channel_id
    return _Origin(touchpoint.id, touchpoint.stage_id, channel_id, steps[channel_id], weight)


def _score_friction(friction: Friction, origin: _Origin, steps: dict[str, int]) -> FrictionScore:
    if friction.gives_up:
        landing_channel, landing = None, 0
    elif friction.leads_to_channel_id is not None:
        landing_channel = friction.leads_to_channel_id
        landing = steps[landing_channel]
    else:
        landing_channel, landing = origin.channel_id, origin.step
    drop = max(0, origin.step - landing)
    frequency = friction.frequency
    reach = monthly_reach(friction)
    good = friction.nature == FrictionNature.GOOD
    impact = 0.0 if good else reach * friction.severity * origin.weight * (1 + drop)
    # Positional, in the order of the fields: with keyword arguments, binding them in this
    # 18-field __init__ took an eighth of the time of the whole plan, which the editor
    # computes again after every edit.
    return FrictionScore(
        friction.id,
        friction.title,
        origin.touchpoint_id,
        origin.stage_id,
        origin.channel_id,
        good,
        frequency.count,
        frequency.per,
        reach,
        friction.severity,
        origin.weight,
        origin.step,
        landing,
        landing_channel,
        friction.gives_up,
        drop,
        impact,
        frequency.source.value,
    )


def _origins(bp: Blueprint, steps: dict[str, int]) -> dict[str, _Origin]:
    """The origin of every touchpoint, by id.

    The segment weight is computed once for each distinct list of personas: most
    touchpoints share a handful of them (most often none: every persona).
    """
    weights: dict[tuple[str, ...], float] = {}
    found: dict[str, _Origin] = {}
    for touchpoint in bp.touchpoints:
        if touchpoint.channel_id not in steps:
            continue  # not a valid document: only the touchpoint's frictions fail to score
        personas = tuple(touchpoint.persona_ids)
        if personas not in weights:
            weights[personas] = segment_weight(touchpoint, bp.personas)
        found[touchpoint.id] = _origin(touchpoint, steps, weights[personas])
    return found


def yearly_contact_cost(score: FrictionScore, cost_per_contact: float | None) -> float:
    """r x 12 x cost per contact of the landing channel; a cost not known counts 0."""
    return score.reach * 12 * (cost_per_contact or 0.0)


def lost_journeys(scores: Iterable[FrictionScore]) -> float:
    """Journeys lost a year: r x 12 over the bad friction points where customers give up."""
    return sum(s.reach * 12 for s in scores if s.gives_up and not s.good)


def rescore_frictions(
    bp: Blueprint, before: Blueprint, scores: list[FrictionScore]
) -> list[FrictionScore]:
    """Scores of every friction point of ``bp``, given ``scores`` of every friction point of
    ``before`` (``score_frictions(before)``), another view of the same file.

    A friction point that is the same object in both, on a touchpoint with the same origin
    in both (``_same_origin``), keeps its score: the channels and personas of both views are
    the same lists, so nothing it is scored from differs. Tomorrow's view of a file shares
    every entity that does not change (``model/states.py``), so only what changes is scored
    again.
    """
    if (
        bp.channels is not before.channels
        or bp.personas is not before.personas
        or len(scores) != len(before.frictions)
    ):
        return score_frictions(bp)
    earlier = {t.id: t for t in before.touchpoints}
    known = {id(f): s for f, s in zip(before.frictions, scores, strict=True)}
    moved = {t.id for t in bp.touchpoints if not _same_origin(earlier.get(t.id), t)}
    steps = {c.id: c.step for c in bp.channels}
    origin_of: dict[str, _Origin] | None = None
    found: list[FrictionScore] = []
    for friction in bp.frictions:
        score = known.get(id(friction))
        if score is None or friction.touchpoint_id in moved:
            if origin_of is None:
                origin_of = _origins(bp, steps)
            score = _score_friction(friction, origin_of[friction.touchpoint_id], steps)
        found.append(score)
    return found


def _same_origin(before: Touchpoint | None, after: Touchpoint) -> bool:
    """Whether the friction points of two versions of one touchpoint start from the same
    ``_Origin``, the personas and channels being the same: what ``_origin`` reads of it."""
    return before is after or (
        before is not None
        and before.id == after.id
        and before.stage_id == after.stage_id
        and before.channel_id == after.channel_id
        and before.persona_ids == after.persona_ids
    )


def score_frictions(bp: Blueprint, touchpoint_ids: set[str] | None = None) -> list[FrictionScore]:
    """Scores of the frictions, in document order; only those on ``touchpoint_ids`` if given."""
    steps = {c.id: c.step for c in bp.channels}
    origin_of = _origins(bp, steps)
    return [
        _score_friction(f, origin_of[f.touchpoint_id], steps)
        for f in bp.frictions
        if touchpoint_ids is None or f.touchpoint_id in touchpoint_ids
    ]
