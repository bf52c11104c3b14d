"""What backs the cards: measures, evidence, and a friction's frequency taken from a measure.

A frequency that follows a measure is kept equal to it by the one rule of
``model.measures``: editing the measure's value, period or source rewrites the frequencies
that follow it in the same undo step, and typing in the measure's field stays one step.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ...model import Evidence, Measure
from ...model.measures import following, frequency_from
from ..document import Document
from .base import BlueprintCommand, Change, CommandError, SetField, insert_new, quoted
from .fields import FieldEdit
from .removal import removing_alone

#: The fields of a measure a following frequency takes.
FOLLOWED_FIELDS = frozenset({"value", "period", "source"})


def owner_name(document: Document, touchpoint_id: str | None) -> str:
    """What a measure is about, for a command's text: a card's title, or the blueprint."""
    if touchpoint_id is None:
        return "the blueprint"
    return quoted(document.touchpoint(touchpoint_id).title)


def about_name(document: Document, about_id: str) -> str | None:
    """The title of the touchpoint or friction point evidence is about (None: neither)."""
    for kind in ("touchpoints", "frictions"):
        entity = document.get(kind, about_id)
        if entity is not None:
            return entity.title
    return None


class AddMeasure(BlueprintCommand):
    """Add a measure (built by the caller, with a new id) to a touchpoint or the blueprint."""

    def __init__(self, document: Document, measure: Measure) -> None:
        measure = measure.model_copy(deep=True)
        tp_id = measure.touchpoint_id
        if tp_id is not None and document.get("touchpoints", tp_id) is None:
            raise CommandError("a measure must be about a touchpoint of the blueprint")
        insert = insert_new(document, "measures", measure)
        self.measure_id = measure.id
        text = f"Add measure {quoted(measure.name)} to {owner_name(document, tp_id)}"
        super().__init__(document, text, [insert])


class EditMeasure(FieldEdit):
    """One field of a measure; its value, period and source carry over to the friction
    frequencies that follow it, in the same step."""

    kind = "measures"
    noun = "measure"
    labels: ClassVar[dict[str, str]] = {
        "name": "name",
        "value": "value",
        "unit": "unit",
        "period": "period",
        "date": "date",
        "source": "source",
        "origin": "origin",
    }

    def __init__(
        self, document: Document, measure_id: str, path: str, value: Any, mergeable: bool = True
    ) -> None:
        super().__init__(document, measure_id, path, value, mergeable)
        #: friction id -> the change of its frequency
        self._followers: dict[str, SetField] = {}
        if path not in FOLLOWED_FIELDS or self.isObsolete():
            return
        measure = document.entity("measures", measure_id).model_copy(
            update={path: self._change.new}
        )
        for friction in following(document.blueprint, measure_id):
            new = frequency_from(measure, friction.frequency)
            if new != friction.frequency:
                change = SetField("frictions", friction.id, "frequency", friction.frequency, new)
                self._followers[friction.id] = change
                self.changes.append(change)

    def mergeWith(self, other: Any) -> bool:
        if not super().mergeWith(other):
            return False
        # The frequencies follow the last value typed; one the first key left alone and a
        # later one changed is changed from where the first left it, its value before both.
        for friction_id, change in other._followers.items():
            mine = self._followers.get(friction_id)
            if mine is None:
                self._followers[friction_id] = change
                self.changes.append(change)
            else:
                mine.new = change.new
        return True


class RemoveMeasure(BlueprintCommand):
    """Remove a measure; the frequencies that followed it keep their count, typed in now."""

    def __init__(self, document: Document, measure_id: str) -> None:
        measure = document.get("measures", measure_id)
        if measure is None:
            raise CommandError(f"there is no measure with id {measure_id!r}")
        bp = document.blueprint
        changes: list[Change] = [
            SetField("frictions", f.id, "frequency.measure_id", measure_id, None)
            for f in following(bp, measure_id)
        ]
        changes += removing_alone(bp, "measures", measure_id)
        owner = owner_name(document, measure.touchpoint_id)
        text = f"Remove measure {quoted(measure.name)} from {owner}"
        super().__init__(document, text, changes)


class AddEvidence(BlueprintCommand):
    """Add a quote or an observation (built by the caller) about a touchpoint or a friction
    point."""

    def __init__(self, document: Document, evidence: Evidence) -> None:
        evidence = evidence.model_copy(deep=True)
        name = about_name(document, evidence.about_id)
        if name is None:
            raise CommandError("evidence must be about a touchpoint or a friction point")
        insert = insert_new(document, "evidence", evidence)
        self.evidence_id = evidence.id
        text = f"Add {evidence.kind.value} to {quoted(name)}"
        super().__init__(document, text, [insert])


class EditEvidence(FieldEdit):
    kind = "evidence"
    noun = "evidence"
    labels: ClassVar[dict[str, str]] = {
        "kind": "kind",
        "text": "text",
        "source": "source",
        "date": "date",
        "link": "link",
        "attachment": "attachment",
    }

    def _name_of(self, entity: Any) -> str:
        return entity.text


class RemoveEvidence(BlueprintCommand):
    def __init__(self, document: Document, evidence_id: str) -> None:
        evidence = document.get("evidence", evidence_id)
        if evidence is None:
            raise CommandError(f"there is no evidence with id {evidence_id!r}")
        changes = removing_alone(document.blueprint, "evidence", evidence_id)
        name = about_name(document, evidence.about_id) or "?"
        text = f"Remove {evidence.kind.value} {quoted(evidence.text)} from {quoted(name)}"
        super().__init__(document, text, changes)


class SetFrequencyMeasure(BlueprintCommand):
    """Take a friction point's frequency from a measure (its value, period and source), or
    release it (``None``): the count stays, to be typed from then on."""

    def __init__(self, document: Document, friction_id: str, measure_id: str | None) -> None:
        friction = document.get("frictions", friction_id)
        if friction is None:
            raise CommandError(f"there is no friction point with id {friction_id!r}")
        old = friction.frequency
        if measure_id is None:
            new = old.model_copy(update={"measure_id": None})
            previous = document.get("measures", old.measure_id or "")
            what = quoted(previous.name) if previous is not None else "its measure"
            text = f"Type the frequency of {quoted(friction.title)} instead of {what}"
        else:
            measure = document.get("measures", measure_id)
            if measure is None:
                raise CommandError(f"there is no measure with id {measure_id!r}")
            new = frequency_from(measure, old)
            text = f"Take the frequency of {quoted(friction.title)} from {quoted(measure.name)}"
        super().__init__(
            document, text, [SetField("frictions", friction_id, "frequency", old, new)]
        )
        if new == old:
            self.setObsolete(True)
