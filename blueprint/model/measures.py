"""A friction's frequency taken from a measure: the one rule that keeps the two in step.

The file stores the count a frequency was given (so every reader of the plan sees a plain
number) and the measure it came from; whoever changes a measure (the inspector, an import
of metrics) rewrites the frequencies that follow it with ``frequency_from``.
"""

from __future__ import annotations

from .entities import Blueprint, Frequency, Friction, Measure


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
