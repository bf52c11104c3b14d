"""Measures taken from a spreadsheet, as one undo step: every measure added, every field of a
measure updated, every frequency that follows one of them, in one command."""

from __future__ import annotations

from ...model import Measure
from ...storage.tables.metrics import MetricsImport
from ..commands import BlueprintCommand
from ..commands.base import Change, Insert, SetField
from ..document import Document

#: The fields of a measure an import may change (its touchpoint, name and date are the key).
UPDATED_FIELDS = ("value", "unit", "period", "source", "origin")


def import_metrics_command(document: Document, result: MetricsImport) -> BlueprintCommand:
    """The command that makes ``result``'s changes; Edit > Undo takes them all back."""
    changes: list[Change] = []
    for old, new in result.updated:
        changes += _field_changes(old, new)
    end = len(document.blueprint.measures)
    changes += [Insert("measures", end + i, measure) for i, measure in enumerate(result.added)]
    changes += [
        SetField("frictions", r.friction_id, "frequency", r.old, r.new) for r in result.refollowed
    ]
    text = f"Import metrics from {result.source.split(',')[0]}"
    return BlueprintCommand(document, text, changes)


def _field_changes(old: Measure, new: Measure) -> list[Change]:
    return [
        SetField("measures", old.id, name, getattr(old, name), getattr(new, name))
        for name in UPDATED_FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
