"""The plan as plain records (dicts of JSON types), with every term, for CSV and JSON output."""

from __future__ import annotations

from pydantic_core import to_json

from ..collector import collector_paused
from ..model import Blueprint
from .certainty import Certainty, MeasureFirst, NowChange
from .friction import FrictionScore
from .persona_channels import PersonaChannelFit, persona_channel_fits
from .plan import ImprovementScore, Plan

#: Columns of the flat (CSV) form of the ranked plan, in order.
PLAN_COLUMNS = (
    "rank",
    "id",
    "title",
    "wave",
    "quadrant",
    "action",
    "owner",
    "status",
    "effort",
    "confidence",
    "friction_impact",
    "impact",
    "median_impact",
    "high_impact",
    "low_effort",
    "priority",
    "avoidable_cost",
    "cost_unknown_channels",
    "lost_journeys",
    "current_step",
    "target_step",
    "lift",
    "friction_ids",
    "frictions",
)


def friction_record(score: FrictionScore, names: dict[str, str]) -> dict:
    return {
        "id": score.friction_id,
        "title": score.title,
        "touchpoint": names.get(score.touchpoint_id, score.touchpoint_id),
        "stage": names.get(score.stage_id, score.stage_id),
        "channel": names.get(score.channel_id, score.channel_id),
        "nature": "good" if score.good else "bad",
        "count": score.count,
        "period": score.period.value,
        "source": score.source,
        "reach_per_month": score.reach,
        "severity": score.severity,
        "segment_weight": score.weight,
        "origin_step": score.origin_step,
        "landing_step": score.landing_step,
        "landing_channel": names.get(score.landing_channel_id or ""),
        "gives_up": score.gives_up,
        "drop": score.drop,
        "impact": score.impact,
    }


def improvement_record(score: ImprovementScore, plan: Plan, names: dict[str, str]) -> dict:
    return {
        "rank": score.rank,
        "id": score.improvement_id,
        "title": score.title,
        "wave": score.wave.value,
        "quadrant": score.quadrant.value,
        "action": score.action.value,
        "owner": score.owner,
        "status": score.status,
        "effort": score.effort,
        "confidence": score.confidence,
        "friction_impact": score.friction_impact,
        "impact": score.impact,
        "median_impact": plan.median_impact,
        "high_impact": score.high_impact,
        "low_effort": score.low_effort,
        "priority": score.priority,
        "avoidable_cost": score.avoidable_cost,
        "cost_unknown_channels": [names.get(c, c) for c in score.cost_unknown_channel_ids],
        "lost_journeys": score.lost_journeys,
        "current_step": score.current_step,
        "target_step": score.target_step,
        "lift": score.lift,
        "friction_ids": [f.friction_id for f in score.frictions],
        "frictions": [f.title for f in score.frictions],
        "friction_terms": [friction_record(f, names) for f in score.frictions],
    }


def entity_names(bp: Blueprint) -> dict[str, str]:
    names: dict[str, str] = {}
    for items in (bp.stages, bp.channels, bp.personas):
        names.update((e.id, e.name) for e in items)
    names.update((t.id, t.title) for t in bp.touchpoints)
    return names


def json_bytes(document: object) -> bytes:
    """A plan, comparison or count document as indented JSON in UTF-8, as the command line
    writes it.

    pydantic-core's encoder (Rust) rather than ``json.dumps(indent=2)``, which the standard
    library runs in pure Python whenever there is an indent: the same layout and values,
    five times faster on a large plan. Numbers in exponent form read ``1.5e-7``; a NaN
    would be ``null`` (valid JSON) rather than ``NaN``. Bytes, written as they are: the
    plan of 20,000 touchpoints is 38 MB of them, which as a ``str`` would take twice that
    (its euro signs make every character two bytes) and be encoded again to be written."""
    return to_json(document, indent=2)


@collector_paused()  # a dict for every score, none freed
def plan_document(bp: Blueprint, plan: Plan, certainty: Certainty | None = None) -> dict:
    """The whole ranked plan, every term included, as JSON-ready data; with how sure it is
    when ``certainty`` (of this plan) is given."""
    names = entity_names(bp)
    demand = plan.failure_demand
    weakest = plan.epic_overall.weakest
    document = {
        "blueprint": bp.title,
        "organisation": bp.organisation,
        "currency": bp.currency,
        "persona": names.get(plan.persona_id) if plan.persona_id else None,
        "median_impact": plan.median_impact,
        "totals": {
            "avoidable_cost_per_year": plan.total_avoidable_cost,
            "cost_unknown_channels": [names.get(c, c) for c in plan.cost_unknown_channel_ids],
            "lost_journeys_per_year": plan.lost_journeys,
            "failure_demand_share": demand.share,
            "failure_contacts_per_month": demand.failure_contacts,
            "contacts_per_month": demand.all_contacts,
            "channel_switches": len(plan.channel_switches),
            "weakest_epic_letter": weakest.value if weakest else None,
        },
        "improvements": [improvement_record(s, plan, names) for s in plan.improvements],
        "persona_channels": persona_channel_records(bp, plan.persona_id),
    }
    if certainty is not None:
        document["certainty"] = certainty_record(certainty, plan)
        for record, item in zip(document["improvements"], certainty.improvements, strict=True):
            record["p_top_k"] = item.p_top_k
            record["rank_range"] = [item.rank_low, item.rank_high]
    return document


def persona_channel_records(bp: Blueprint, persona_id: str | None = None) -> list[dict]:
    """Each persona's preferred channels against today's journey (only ``persona_id``'s
    when given), as JSON-ready data."""
    names = entity_names(bp)
    return [
        persona_channel_record(fit, names)
        for fit in persona_channel_fits(bp)
        if persona_id is None or fit.persona_id == persona_id
    ]


def persona_channel_record(fit: PersonaChannelFit, names: dict[str, str]) -> dict:
    return {
        "persona": fit.name,
        "persona_id": fit.persona_id,
        "channel_fit": fit.channel_fit,
        "stages": [
            {
                "stage": names.get(s.stage_id, s.stage_id),
                "preferred_channel": names.get(s.preferred_channel_id, s.preferred_channel_id),
                "touchpoints": s.touchpoints,
                "in_preferred_channel": s.in_preferred,
                "fit": s.fit,
                "channels_used": [names.get(c, c) for c in s.channel_ids],
                "mismatch": s.mismatch,
                "pushed_off_per_month": s.pushed_off,
                "pushed_off_friction_ids": list(s.pushed_off_friction_ids),
            }
            for s in fit.stages
        ],
    }


def certainty_record(certainty: Certainty, plan: Plan) -> dict:
    """How sure the plan is: DOMAIN.md, "How sure the plan is, and what to measure first"."""
    titles = {s.improvement_id: s.title for s in plan.improvements}
    return {
        "k": certainty.k,
        "worlds": certainty.worlds,
        "seed": certainty.seed,
        "stability": certainty.stability,
        "top_k": [titles[i] for i in certainty.top_k],
        "decisive": [m.title for m in certainty.decisive],
        "measure_first": [measure_first_record(m, titles) for m in certainty.measure_first],
    }


def measure_first_record(item: MeasureFirst, titles: dict[str, str]) -> dict:
    return {
        "id": item.friction_id,
        "title": item.title,
        "source": item.source,
        "decisive": item.decisive,
        "swing": item.swing,
        "reach_per_month": item.reach,
        "range_per_month": [item.range.low, item.range.high],
        "own_range": item.range.own,
        "improvements": [titles[i] for i in item.improvement_ids],
        "top_k_at_low": [titles[i] for i in item.top_k_at_low],
        "top_k_at_high": [titles[i] for i in item.top_k_at_high],
        "now_wave_at_low": _now_change(item.now_at_low, titles),
        "now_wave_at_high": _now_change(item.now_at_high, titles),
    }


def _now_change(change: NowChange, titles: dict[str, str]) -> dict[str, list[str]]:
    """Who joins and who leaves the Now wave at one end of a range, by title."""
    return {
        "joining": [titles[i] for i in change.joining],
        "leaving": [titles[i] for i in change.leaving],
    }


def plan_rows(bp: Blueprint, plan: Plan) -> list[dict]:
    """One flat row per improvement, ranked: the columns of ``PLAN_COLUMNS``."""
    names = entity_names(bp)
    rows = []
    for score in plan.improvements:
        record = improvement_record(score, plan, names)
        rows.append({column: record[column] for column in PLAN_COLUMNS})
    return rows
