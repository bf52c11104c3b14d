"""One improvement of the plan as every table prints it: the summary's top improvements, the
ranked plan, the staircase's legend and the deck's table all read these cells."""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis import ImprovementScore, Wave
from ...model import EvidenceKind, FrequencySource, Status
from .. import formatting as fmt
from ..saving import at_least, avoidable_cost_text
from .subject import PlanSubject

NOTHING_ADDRESSED = "⚠ Addresses no friction point: link one to give it an impact"
#: Said beside an improvement's title once work on it has begun; an idea or a plan is not.
STATUS_SHOWN: dict[str, str] = {
    Status.IN_PROGRESS: "Status: in progress",
    Status.DONE: "Status: done",
}


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
    #: the avoidable cost is a floor ("≥": ``saving.at_least``)
    at_least: bool
    lost_journeys: str  # a year, saved: customers who no longer give up; a dash for none
    #: ``1 → 4 (+3)``, a dash without a current step
    lift: str
    current_step: str  # ``1 Live human``; a dash without one
    target_step: str
    lift_only: str  # ``+3``, ``±0``; a dash without a current step
    #: The friction points it addresses, or a warning that it addresses none.
    linked: str
    #: What backs it: a customer's words and the measures its frequencies follow; or "".
    backing: str = ""

    @property
    def listed_title(self) -> str:
        """The title in a list of the top improvements: one done already says so (it was
        listed as the first to start, in the Now wave, like any other)."""
        return f"{self.title} (done)" if self.status == STATUS_SHOWN[Status.DONE] else self.title


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
        at_least=at_least(score),
        lost_journeys=fmt.whole(score.lost_journeys) if score.lost_journeys else fmt.DASH,
        lift=fmt.lift_text(current, score.target_step, score.lift),
        current_step=fmt.DASH if current is None else fmt.step_label(current),
        target_step=fmt.step_label(score.target_step),
        lift_only=fmt.DASH if score.lift is None else f"{score.lift:+d}",
        linked=_linked(subject, score),
        backing=backing(subject, score),
    )


#: The length a quote is cut to in a table: the register of evidence is the editor's.
QUOTE_SHOWN = 140
#: Measures named beside an improvement; the rest are counted.
MEASURES_SHOWN = 2


def backing(subject: PlanSubject, score: ImprovementScore) -> str:
    """ "Backed by “Nobody told me…” (interview, 2026-10-12); Sessions ending in a time-out:
    860 a month (Adobe Analytics, 2026-10-31)": the words behind the numbers, which the
    plan counted and never showed."""
    frictions = [subject.frictions_by_id[f.friction_id] for f in score.frictions]
    about = [f.id for f in frictions] + list(dict.fromkeys(f.touchpoint_id for f in frictions))
    evidence = [e for i in about for e in subject.evidence_about.get(i, ())]
    evidence.sort(key=lambda e: e.kind != EvidenceKind.QUOTE)  # a customer's words first
    parts = [_evidence_words(evidence[0])] if evidence else []
    followed = dict.fromkeys(f.frequency.measure_id for f in frictions if f.frequency.measure_id)
    measures = [
        m
        for m in (subject.measures_by_id.get(i) for i in followed)
        if m is not None and m.source == FrequencySource.MEASURED
    ]
    parts += [_measure_words(m) for m in measures[:MEASURES_SHOWN]]
    more = max(0, len(evidence) - 1) + len(measures[MEASURES_SHOWN:])
    if not parts:
        return ""
    also = f"; {more:,} more in the blueprint" if more > 0 else ""
    return "Backed by " + "; ".join(parts) + also


def _evidence_words(item) -> str:
    text = " ".join(item.text.split())
    if len(text) > QUOTE_SHOWN:
        text = text[: QUOTE_SHOWN - 1].rstrip() + "…"
    where = ", ".join(x for x in (item.source.value, item.date or "") if x)
    said = f"“{text}”" if item.kind == EvidenceKind.QUOTE else f"observed: {text}"
    return f"{said} ({where})"


def _measure_words(measure) -> str:
    value = fmt.number(measure.value) + (f" {measure.unit}" if measure.unit else "")
    if measure.period is not None:
        value += f" a {fmt.PERIOD_WORDS[measure.period]}"
    where = ", ".join(x for x in (measure.origin, measure.date or "") if x)
    return f"{measure.name}: {value}" + (f" ({where})" if where else "")


def _linked(subject: PlanSubject, score: ImprovementScore) -> str:
    if score.addresses_nothing:
        return NOTHING_ADDRESSED
    titles = [f.title for f in score.frictions]
    titles += [
        f"{subject.friction_titles.get(fid, fid)} (good friction, not counted)"
        for fid in score.good_friction_ids
    ]
    return "Addresses: " + "; ".join(titles)
