"""The improvement plan: impact, priority, quadrants, waves, avoidable cost and lift.

``build_plan`` is the one entry point used by the command line, the PDF and the editor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from statistics import median

from ..collector import collector_paused
from ..model import Action, Blueprint, Demand, EpicLetter, Flow, FrequencySource, Improvement
from ..model.states import current_state
from .epic import EpicSummary, epic_breakdown
from .friction import FrictionScore, lost_journeys, score_frictions, yearly_contact_cost
from .journey import applies_to, channel_switches

#: Share of a contact's cost an action avoids.
ACTION_SHARE: dict[Action, float] = {
    Action.ELIMINATE: 1.0,
    Action.AUTOMATE: 0.8,
    Action.SIMPLIFY: 0.5,
    Action.LEVERAGE: 0.25,
}
LOW_EFFORT_MAX = 2
DEFAULT_TOP = 8


class Quadrant(StrEnum):
    QUICK_WIN = "quick win"
    BIG_BET = "big bet"
    FILL_IN = "fill-in"
    MONEY_PIT = "money pit"


class Wave(StrEnum):
    NOW = "Now"
    NEXT = "Next"
    LATER = "Later"
    RECONSIDER = "Reconsider"


WAVE_OF: dict[Quadrant, Wave] = {
    Quadrant.QUICK_WIN: Wave.NOW,
    Quadrant.BIG_BET: Wave.NEXT,
    Quadrant.FILL_IN: Wave.LATER,
    Quadrant.MONEY_PIT: Wave.RECONSIDER,
}


def quadrant_of(high_impact: bool, low_effort: bool) -> Quadrant:
    if high_impact:
        return Quadrant.QUICK_WIN if low_effort else Quadrant.BIG_BET
    return Quadrant.FILL_IN if low_effort else Quadrant.MONEY_PIT


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see FrictionScore
class CostTerm:
    """r x 12 x cost per contact of the landing channel x share, for one friction."""

    friction_id: str
    reach: float
    landing_channel_id: str | None
    cost_per_contact: float | None  # None: cost unknown, counted 0
    share: float
    cost: float


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see FrictionScore
class ImprovementScore:
    improvement_id: str
    title: str
    action: Action
    owner: str
    status: str
    effort: int
    confidence: float
    target_step: int
    epic_letters: tuple[EpicLetter, ...]
    frictions: tuple[FrictionScore, ...]  # linked bad frictions in scope: the terms of I
    good_friction_ids: tuple[str, ...]  # linked but good: shown, never counted
    friction_impact: float  # sum of F
    impact: float  # I = confidence x sum of F
    priority: float  # P = I / effort
    high_impact: bool  # I >= median I
    low_effort: bool  # effort <= 2
    quadrant: Quadrant
    wave: Wave
    rank: int  # 1 = highest priority
    cost_terms: tuple[CostTerm, ...]
    avoidable_cost: float  # a year
    cost_unknown_channel_ids: tuple[str, ...]
    lost_journeys: float  # a year: r x 12 over frictions where customers give up
    current_step: int | None  # lowest landing step of its frictions
    lift: int | None  # target step - current step

    @property
    def addresses_nothing(self) -> bool:
        """Linked to no friction point (in scope): nothing to gain until one is linked."""
        return not self.frictions and not self.good_friction_ids


@dataclass(frozen=True, slots=True)
class FailureDemand:
    failure_contacts: float  # a month
    all_contacts: float
    share: float | None  # None when no friction is linked to a contact reason


@dataclass(frozen=True, slots=True)
class Plan:
    persona_id: str | None
    top: int
    frictions: tuple[FrictionScore, ...]
    improvements: tuple[ImprovementScore, ...]  # ranked by priority
    median_impact: float | None
    waves: dict[Wave, tuple[ImprovementScore, ...]]
    total_avoidable_cost: float  # each friction counted once, at the best action addressing it
    cost_unknown_channel_ids: tuple[str, ...]
    #: landing channels of the avoidable cost whose cost per contact is an estimate
    cost_estimated_channel_ids: tuple[str, ...]
    lost_journeys: float  # a year, over every bad friction in scope where customers give up
    failure_demand: FailureDemand
    channel_switches: tuple[Flow, ...]
    heat_map: dict[tuple[str, str], float]  # (stage id, channel id) -> sum of F
    epic_by_stage: dict[str, EpicSummary]
    epic_by_channel: dict[str, EpicSummary]
    epic_overall: EpicSummary
    data_gaps: tuple[FrictionScore, ...] = field(default=())

    @property
    def top_improvements(self) -> tuple[ImprovementScore, ...]:
        return self.improvements[: self.top]

    @property
    def is_empty(self) -> bool:
        return not self.improvements and not self.frictions


def _ranking_key(partial: dict) -> tuple:
    # P descending, then I descending, then title, then id.
    return (
        -partial["priority"],
        -partial["impact"],
        partial["title"].casefold(),
        partial["improvement_id"],
    )


def _ranked(partial: dict, rank: int, median_impact: float | None) -> ImprovementScore:
    """The score of a ``_score_improvement`` once the median and the ranks are known."""
    # Nothing gained is never high impact, even when the median is 0 too (a plan whose
    # improvements address nothing yet would otherwise call them all big bets).
    high = partial["impact"] > 0 and partial["impact"] >= median_impact  # type: ignore[operator]
    quadrant = quadrant_of(high, partial["low_effort"])
    return ImprovementScore(
        **partial, high_impact=high, quadrant=quadrant, wave=WAVE_OF[quadrant], rank=rank
    )


def _score_improvement(
    improvement: Improvement,
    frictions: dict[str, FrictionScore],
    costs: dict[str, float | None],
) -> dict:
    linked = [frictions[fid] for fid in improvement.friction_ids if fid in frictions]
    bad = tuple(f for f in linked if not f.good)
    share = ACTION_SHARE[improvement.action]
    terms = []
    for f in bad:
        if f.gives_up:
            continue
        cost = costs.get(f.landing_channel_id or "")
        terms.append(
            CostTerm(
                f.friction_id,
                f.reach,
                f.landing_channel_id,
                cost,
                share,
                yearly_contact_cost(f, cost) * share,
            )
        )
    friction_impact = sum(f.impact for f in bad)
    impact = improvement.confidence * friction_impact
    current = min((f.landing_step for f in bad), default=None)
    return dict(
        improvement_id=improvement.id,
        title=improvement.title,
        action=improvement.action,
        owner=improvement.owner,
        status=improvement.status.value,
        effort=improvement.effort,
        confidence=improvement.confidence,
        target_step=improvement.target_step,
        epic_letters=tuple(improvement.epic_letters),
        frictions=bad,
        good_friction_ids=tuple(f.friction_id for f in linked if f.good),
        friction_impact=friction_impact,
        impact=impact,
        priority=impact / improvement.effort,
        low_effort=improvement.effort <= LOW_EFFORT_MAX,
        cost_terms=tuple(terms),
        avoidable_cost=sum(t.cost for t in terms),
        cost_unknown_channel_ids=tuple(
            dict.fromkeys(t.landing_channel_id for t in terms if t.cost_per_contact is None)
        ),
        lost_journeys=lost_journeys(bad),
        current_step=current,
        lift=None if current is None else improvement.target_step - current,
    )


@collector_paused()  # tens of thousands of scores made, none freed
def build_plan(bp: Blueprint, persona_id: str | None = None, top: int = DEFAULT_TOP) -> Plan:
    """The whole plan of today's journey, or the plan for one persona (only the touchpoints
    that apply to it). A future state drawn in the file is not planned: it is compared."""
    bp = current_state(bp)
    touchpoints = [t for t in bp.touchpoints if applies_to(t.persona_ids, persona_id)]
    in_scope = {t.id for t in touchpoints}
    friction_scores = score_frictions(bp, in_scope)
    ranked, middle = _rank_improvements(bp, friction_scores, persona_id)
    epic = epic_breakdown(bp, touchpoints)
    return Plan(
        persona_id=persona_id,
        top=top,
        frictions=tuple(friction_scores),
        improvements=ranked,
        median_impact=middle,
        waves={wave: tuple(s for s in ranked if s.wave == wave) for wave in Wave},
        total_avoidable_cost=total_avoidable_cost(ranked),
        cost_unknown_channel_ids=tuple(
            dict.fromkeys(c for s in ranked for c in s.cost_unknown_channel_ids)
        ),
        cost_estimated_channel_ids=_estimated_cost_channels(bp, ranked),
        lost_journeys=lost_journeys(friction_scores),
        failure_demand=failure_demand(bp, friction_scores),
        channel_switches=tuple(channel_switches(bp, in_scope)),
        heat_map=heat_map(friction_scores),
        epic_by_stage=epic.by_stage,
        epic_by_channel=epic.by_channel,
        epic_overall=epic.overall,
        data_gaps=_data_gaps(ranked[:top]),
    )


def _rank_improvements(
    bp: Blueprint, friction_scores: list[FrictionScore], persona_id: str | None = None
) -> tuple[tuple[ImprovementScore, ...], float | None]:
    """The improvements in scope, scored and ranked by priority, and their median impact.

    For one persona, only the improvements that address at least one friction in scope.
    """
    by_id = {f.friction_id: f for f in friction_scores}
    costs = {c.id: c.cost_per_contact for c in bp.channels}
    partial = [
        _score_improvement(imp, by_id, costs)
        for imp in bp.improvements
        if persona_id is None or any(fid in by_id for fid in imp.friction_ids)
    ]
    middle = median(p["impact"] for p in partial) if partial else None
    partial.sort(key=_ranking_key)
    return tuple(_ranked(p, rank, middle) for rank, p in enumerate(partial, start=1)), middle


def _data_gaps(top: tuple[ImprovementScore, ...]) -> tuple[FrictionScore, ...]:
    """Frictions behind the top improvements whose frequency is estimated or unknown, once."""
    gaps = {
        f.friction_id: f
        for s in top
        for f in s.frictions
        if f.source in (FrequencySource.ESTIMATED, FrequencySource.UNKNOWN)
    }
    return tuple(gaps.values())


def _estimated_cost_channels(
    bp: Blueprint, scores: tuple[ImprovementScore, ...]
) -> tuple[str, ...]:
    estimated = {c.id for c in bp.channels if c.cost_source == FrequencySource.ESTIMATED}
    return tuple(
        dict.fromkeys(
            t.landing_channel_id
            for s in scores
            for t in s.cost_terms
            if t.landing_channel_id in estimated and t.cost > 0
        )
    )


def total_avoidable_cost(scores: Iterable[ImprovementScore]) -> float:
    """What ``scores`` would avoid together, a year: each friction counted once, at the
    largest saving any of them offers for it.

    Two improvements that address the same friction cannot both avoid its contacts.
    """
    best: dict[str, float] = {}
    for score in scores:
        for term in score.cost_terms:
            best[term.friction_id] = max(best.get(term.friction_id, 0.0), term.cost)
    return sum(best.values())


def heat_map(frictions: list[FrictionScore]) -> dict[tuple[str, str], float]:
    """Friction impact summed per cell (stage, channel) of the touchpoints."""
    cells: dict[tuple[str, str], float] = {}
    for f in frictions:
        key = (f.stage_id, f.channel_id)
        cells[key] = cells.get(key, 0.0) + f.impact
    return cells


def failure_demand(bp: Blueprint, frictions: list[FrictionScore]) -> FailureDemand:
    """Failure contacts / all contacts, counting each friction linked to a reason by its reach."""
    return failure_demand_of(demand_by_friction(bp), frictions)


def demand_by_friction(bp: Blueprint) -> dict[str, Demand]:
    """Friction id -> the demand of its contact reason, for the frictions that name one."""
    demand = {r.id: r.demand for r in bp.contact_reasons}
    return {
        f.id: demand[f.contact_reason_id] for f in bp.frictions if f.contact_reason_id is not None
    }


def failure_demand_of(
    demand_of: dict[str, Demand], frictions: Iterable[FrictionScore]
) -> FailureDemand:
    """``failure_demand`` with the frictions' demand already looked up (``demand_by_friction``),
    for many groups of the same blueprint's frictions."""
    failure = total = 0.0
    for score in frictions:
        failing, counted = demand_reach(demand_of, score)
        failure += failing
        total += counted
    return failure_share(failure, total)


def demand_reach(demand_of: dict[str, Demand], score: FrictionScore) -> tuple[float, float]:
    """What one friction point adds to the failure-demand share: (failure reach, counted
    reach). It counts by its reach when it is linked to a contact reason, else not at all."""
    demand = demand_of.get(score.friction_id)
    if demand is None:
        return 0.0, 0.0
    return (score.reach if demand is Demand.FAILURE else 0.0), score.reach


def failure_share(failure: float, total: float) -> FailureDemand:
    return FailureDemand(failure, total, failure / total if total else None)
