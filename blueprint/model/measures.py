"""A friction's frequency taken from a measure: the one rule that keeps the two in step.

The file stores the count a frequency was given (so every reader of the plan sees a plain
number) and the measure it came from; whoever changes a measure (the inspector, an import
of metrics) rewrites the frequencies that follow it with ``frequency_from``.
"""

from __future__ import annotations

from .entities import Blueprint, Frequency, Friction, Measure
from .validation import Problem, problem


def frequency_from(measure: Measure, frequency: Frequency) -> Frequency:
    """``frequency`` following ``measure``: its value, its period (or the frequency's own
    when the measure has none) and its source. A value below zero cannot be a count: 0."""
    return frequency.model_copy(
        update={
            "count": max(0.0, float(measure.value)),
            "per": measure.period or frequency.per,
            "source": measure.source,
            "measure_id": measure.id,
        }
    )


def following(blueprint: Blueprint, measure_id: str) -> list[Friction]:
    """The friction points whose frequency is taken from this measure."""
    return [f for f in blueprint.frictions if f.frequency.measure_id == measure_id]


def out_of_step(blueprint: Blueprint) -> list[Problem]:
    """Friction points whose frequency names a measure and says something else: kept in
    step by the editor, they part where a table is edited by hand (a count typed over the
    measure's, or a measure's value changed and not the counts that follow it)."""
    measures = {m.id: m for m in blueprint.measures}
    found = []
    for friction in blueprint.frictions:
        frequency = friction.frequency
        measure = measures.get(frequency.measure_id or "")
        if measure is None:
            continue
        wanted = frequency_from(measure, frequency)
        if wanted == frequency:
            continue
        differs = next(
            name
            for name in ("count", "per", "source")
            if getattr(wanted, name) != getattr(frequency, name)
        )
        found.append(
            problem(
                friction,
                f"frequency.{differs}",
                f"says {_said(frequency)}, but it follows the measure {measure.name!r}, which "
                f"says {_said(wanted)}: give it the measure's, or clear the measure it follows "
                "to keep a frequency of its own",
            )
        )
    return found


def _said(frequency: Frequency) -> str:
    return f"{frequency.count:g} a {frequency.per.value} ({frequency.source.value})"
