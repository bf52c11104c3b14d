"""One improvement of the plan as every table prints it: the summary's top improvements, the
ranked plan, the staircase's legend and the deck's table all read these cells."""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis import ImprovementScore, Wave
from ...model import Status
from .. import formatting as fmt
from ..saving import avoidable_cost_text
from .subject import PlanSubject

NOTHING_ADDRESSED = "⚠ Addresses no friction point: link one to give it an impact"
#: Said beside an improvement's title once work on it has begun; an idea or a plan is not.
STATUS_SHOWN: dict[str, str] = {
    Status.IN_PROGRESS: "Status: in progress",
    Status.DONE: "Status: done",
}


def is_done(score: ImprovementScore) -> bool:
    """Done: ranked as any other (the plan is of today's journey), but nothing to start."""
    return score.status == Status.DONE


@dataclass(frozen=True, slots=True)
class ImprovementRow:
    improvement_id: str
    rank: str
    title: str
    #: ``Status: done`` or ``Status: in progress``; empty for an idea or a planned one
    status: str
    wave: Wave
    action: str
    quadrant: str
    owner: str  # a dash when none is named
    effort: str
    impact: str  # I
    priority: str  # P
    avoidable_cost: str  # a year
    lost_journeys: str  # a year, saved: customers who no longer give up; a dash for none
    #: ``1 → 4 (+3)``, a dash without a current step
    lift: str
    current_step: str  # ``1 Live human``; a dash without one
    target_step: str
    lift_only: str  # ``+3``, ``±0``; a dash without a current step
    #: The friction points it addresses, or a warning that it addresses none.
    linked: str


def improvement_row(subject: PlanSubject, score: ImprovementScore) -> ImprovementRow:
    current = score.current_step
    return ImprovementRow(
        improvement_id=score.improvement_id,
        rank=str(score.rank),
        title=score.title,
        status=STATUS_SHOWN.get(score.status, ""),
        wave=score.wave,
        action=score.action.value,
        quadrant=score.quadrant.value,
        owner=score.owner or fmt.DASH,
        effort=str(score.effort),
        impact=fmt.compact(score.impact),
        priority=fmt.compact(score.priority),
        avoidable_cost=avoidable_cost_text(score, subject.bp.currency),
        lost_journeys=fmt.whole(score.lost_journeys) if score.lost_journeys else fmt.DASH,
        lift=fmt.lift_text(current, score.target_step, score.lift),
        current_step=fmt.DASH if current is None else fmt.step_label(current),
        target_step=fmt.step_label(score.target_step),
        lift_only=fmt.DASH if score.lift is None else f"{score.lift:+d}",
        linked=_linked(subject, score),
    )


def _linked(subject: PlanSubject, score: ImprovementScore) -> str:
    if score.addresses_nothing:
        return NOTHING_ADDRESSED
    titles = [f.title for f in score.frictions]
    titles += [
        f"{subject.friction_titles.get(fid, fid)} (good friction, not counted)"
        for fid in score.good_friction_ids
    ]
    return "Addresses: " + "; ".join(titles)
