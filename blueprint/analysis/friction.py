"""Friction impact: how far and how often friction pushes customers down the stairway.

Exactly the formulas of DOMAIN.md; every result keeps its terms so that the plan and the
editor can explain any number.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

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


@dataclass(frozen=True, slots=True)
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


def score_friction(
    friction: Friction,
    touchpoint: Touchpoint,
    channels: dict[str, Channel],
    personas: list[Persona],
) -> FrictionScore:
    origin = channels[touchpoint.channel_id].step
    if friction.gives_up:
        landing_channel, landing = None, 0
    elif friction.leads_to_channel_id is not None:
        landing_channel = friction.leads_to_channel_id
        landing = channels[landing_channel].step
    else:
        landing_channel, landing = touchpoint.channel_id, origin
    drop = max(0, origin - landing)
    reach = monthly_reach(friction)
    weight = segment_weight(touchpoint, personas)
    good = friction.nature == FrictionNature.GOOD
    impact = 0.0 if good else reach * friction.severity * weight * (1 + drop)
    return FrictionScore(
        friction_id=friction.id,
        title=friction.title,
        touchpoint_id=touchpoint.id,
        stage_id=touchpoint.stage_id,
        channel_id=touchpoint.channel_id,
        good=good,
        count=friction.frequency.count,
        period=friction.frequency.per,
        reach=reach,
        severity=friction.severity,
        weight=weight,
        origin_step=origin,
        landing_step=landing,
        landing_channel_id=landing_channel,
        gives_up=friction.gives_up,
        drop=drop,
        impact=impact,
        source=friction.frequency.source.value,
    )


def score_frictions(bp: Blueprint, touchpoint_ids: set[str] | None = None) -> list[FrictionScore]:
    """Scores of the frictions, in document order; only those on ``touchpoint_ids`` if given."""
    channels = {c.id: c for c in bp.channels}
    touchpoints = {t.id: t for t in bp.touchpoints}
    return [
        score_friction(f, touchpoints[f.touchpoint_id], channels, bp.personas)
        for f in bp.frictions
        if touchpoint_ids is None or f.touchpoint_id in touchpoint_ids
    ]
