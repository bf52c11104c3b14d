"""A comparison as plain records (dicts of JSON types), for ``--format json``."""

from __future__ import annotations

from ..model import EpicLetter
from ..model.defaults import STEP_NAMES
from .compare import MEASURES, Change, Comparison, FiguresDelta
from .figures import STEPS


def comparison_document(comparison: Comparison) -> dict:
    """Both sides' figures and every delta (after minus before; shares in percent, so their
    deltas in percentage points), for every customer and for each persona."""
    names = comparison.names
    return {
        "before": comparison.before_name,
        "after": comparison.after_name,
        "currency": comparison.currency,
        "persona": names.get(comparison.whole.persona_id or "")
        if comparison.whole.persona_id
        else None,
        "figures": delta_record(comparison.whole, names),
        "personas": [
            {
                "id": d.persona_id,
                "persona": names.get(d.persona_id or "", d.persona_id),
                "figures": delta_record(d, names),
            }
            for d in comparison.personas
        ],
        "personas_not_compared": [names.get(p, p) for p in comparison.unmatched_persona_ids],
        "differences": [
            {
                "kind": d.kind.value,
                "entity": d.noun,
                "id": d.entity_id,
                "name": d.name,
                "fields": list(d.fields),
                "text": d.describe(),
            }
            for d in comparison.differences
        ],
    }


def delta_record(d: FiguresDelta, names: dict[str, str]) -> dict:
    return {
        **{m.key: change_record(c) for m, c in zip(MEASURES, d.headline, strict=True)},
        "avoidable_cost_per_year": d.avoidable_cost,
        "cost_unknown_channels": [names.get(c, c) for c in d.cost_unknown_channel_ids],
        "weakest_epic_letter": {
            "before": _letter(d.before.epic.weakest),
            "after": _letter(d.after.epic.weakest),
        },
        "stairway_per_month": [
            {"step": step, "name": STEP_NAMES[step], **change_record(c)}
            for step, c in zip(STEPS, d.stairway, strict=True)
        ],
        "stages": [
            {
                "id": s.stage_id,
                "stage": names.get(s.stage_id, s.stage_id),
                "epic_index": change_record(s.epic_index),
                "weakest_epic_letter": {
                    "before": _letter(s.weakest_before),
                    "after": _letter(s.weakest_after),
                },
                "emotion": change_record(s.emotion),
            }
            for s in d.stages
        ],
    }


def change_record(change: Change) -> dict:
    """Before, after and the delta, with the unit they are in: a share is in percent here
    (its delta in points) where the plan's totals hold it as a fraction, and a script read
    the same name in two units."""
    return {
        "before": change.before,
        "after": change.after,
        "delta": change.delta,
        "unit": change.measure.unit.value,
    }


def _letter(letter: EpicLetter | None) -> str | None:
    return letter.value if letter else None
