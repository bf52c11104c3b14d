"""Editing one field of one entity, merged while the user keeps typing in that field.

The value is checked when the command is made, on a copy of the entity, so an invalid value
is refused with a message before anything is pushed, and the document always stays valid.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationError

from ...model import Presence
from ...model.validation import problems_from_validation_error
from ..document import Document, Kind
from .base import BlueprintCommand, CommandError, SetField, SetProperty, quoted

#: QUndoCommand.id() shared by every field edit: mergeWith decides by entity and field.
FIELD_EDIT_ID = 1

#: Fields that refer to another collection: the id set must exist there.
REFERENCES: dict[tuple[str, str], Kind] = {
    ("frictions", "leads_to_channel_id"): "channels",
    ("frictions", "contact_reason_id"): "contact_reasons",
    ("touchpoints", "persona_ids"): "personas",
}
#: Collections whose names must differ (the file format refuses duplicates).
UNIQUE_NAMES: frozenset[str] = frozenset({"stages", "channels", "personas"})


def read_field(entity: Any, path: str) -> Any:
    for part in path.split("."):
        entity = getattr(entity, part)
    return entity


class FieldEdit(BlueprintCommand):
    """Set one field of one entity. Subclasses name the collection and its editable fields."""

    kind: ClassVar[Kind]
    noun: ClassVar[str]
    #: field path -> how the field is named in the command's text
    labels: ClassVar[dict[str, str]]
    #: the title typed in place on a card just added: one undo step with the adding
    names_new_card: bool = False

    def __init__(
        self, document: Document, entity_id: str, path: str, value: Any, mergeable: bool = True
    ) -> None:
        entity = self.target(document, entity_id)
        if entity is None:
            raise CommandError(f"there is no {self.noun} with id {entity_id!r}")
        if path not in self.labels:
            raise CommandError(f"the {self.noun} field {path!r} cannot be edited")
        new = self._validated(entity, path, value)
        self._check_reference(document, path, new)
        self._check_unique_name(document, entity_id, path, new)
        self._change = self._set(document, entity_id, path, read_field(entity, path), new)
        self._entity_id = entity_id
        #: the field edited, as the user sees it (the change may set a whole value)
        self._path = path
        self._entity_name = self._name_of(entity)
        self._mergeable = mergeable
        super().__init__(document, self._describe(), [self._change])
        if self._change.old == self._change.new:
            self.setObsolete(True)

    @classmethod
    def target(cls, document: Document, entity_id: str) -> Any | None:
        """The entity this kind of edit changes, or None when there is none by that id."""
        return document.get(cls.kind, entity_id)

    def _set(
        self, document: Document, entity_id: str, path: str, old: Any, new: Any
    ) -> SetField | SetProperty:
        """The change that sets it (``old`` is the value as ``target`` shows it)."""
        return SetField(self.kind, entity_id, path, old, new)

    def _name_of(self, entity: Any) -> str:
        return entity.display_name

    def _probe(self, entity: Any) -> Any:
        """A copy of the entity to try the value on."""
        return entity.model_copy(deep=True)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self._entity_id, self._path)

    def id(self) -> int:
        return FIELD_EDIT_ID

    def mergeWith(self, other: Any) -> bool:
        if not (
            type(other) is type(self)  # a future value never merges into today's, nor back
            and other._change.path == self._change.path
            and self._mergeable
            and other._mergeable
            and other.key == self.key
        ):
            return False
        self._change.new = other._change.new
        self.setText(self._describe())
        if self._change.new == self._change.old:
            # Typed and then typed back: no step at all.
            self.setObsolete(True)
        return True

    def _describe(self) -> str:
        path, old, new = self._path, self._change.old, self._change.new
        if path in ("title", "name"):
            return f"Rename {self.noun} {quoted(old)} to {quoted(new)}"
        verb = "Edit" if isinstance(new, str) and path != "kind" else "Set"
        return f"{verb} {self.labels[path]} of {quoted(self._entity_name)}"

    def _validated(self, entity: Any, path: str, value: Any) -> Any:
        probe = self._probe(entity)
        *parents, name = path.split(".")
        owner = read_field(probe, ".".join(parents)) if parents else probe
        try:
            setattr(owner, name, value)
        except ValidationError as error:
            problem = problems_from_validation_error(error.errors(), None)[0]
            raise CommandError(f"{_upper_first(self.labels[path])} {problem.message}") from None
        # The model's normal form: "live human" becomes ChannelKind.LIVE_HUMAN.
        return getattr(owner, name)

    def _check_reference(self, document: Document, path: str, value: Any) -> None:
        target = REFERENCES.get((self.kind, path))
        if target is None or value is None:
            return
        for ref in value if isinstance(value, list) else [value]:
            if document.get(target, ref) is None:
                raise CommandError(f"{_upper_first(self.labels[path])}: no such entry {ref!r}")

    def _check_unique_name(self, document: Document, entity_id: str, path: str, value: Any):
        if path != "name" or self.kind not in UNIQUE_NAMES:
            return
        check_unique_name(document, self.kind, self.noun, value, entity_id)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def check_unique_name(
    document: Document, kind: Kind, noun: str, name: str, entity_id: str | None = None
) -> None:
    key = name.strip().casefold()
    for other in getattr(document.blueprint, kind):
        if other.id != entity_id and other.name.strip().casefold() == key:
            raise CommandError(f"there is already a {noun} named {quoted(other.name)}")


class EditTouchpoint(FieldEdit):
    kind = "touchpoints"
    noun = "touchpoint"
    labels: ClassVar[dict[str, str]] = {
        "title": "title",
        "customer_action": "customer action",
        "physical_evidence": "physical evidence",
        "frontstage": "frontstage",
        "backstage": "backstage",
        "support_processes": "support processes",
        "emotion": "emotion",
        "epic.easy": "EPIC Easy",
        "epic.personalised": "EPIC Personalised",
        "epic.intuitive": "EPIC Intuitive",
        "epic.contextual": "EPIC Contextual",
        "duration_minutes": "duration",
        "wait_minutes": "wait time",
        "notes": "notes",
    }


class SetTouchpointPersonas(FieldEdit):
    """Which personas a touchpoint applies to (none listed: all). Each choice is a step."""

    kind = "touchpoints"
    noun = "touchpoint"
    labels: ClassVar[dict[str, str]] = {"persona_ids": "personas"}

    def __init__(self, document: Document, touchpoint_id: str, persona_ids: list[str]) -> None:
        super().__init__(document, touchpoint_id, "persona_ids", list(persona_ids), False)


#: The parts of a frequency taken from a measure that the measure sets (``model.measures``).
FOLLOWS_MEASURE = frozenset({"frequency.count", "frequency.per", "frequency.source"})


class EditFriction(FieldEdit):
    kind = "frictions"
    noun = "friction point"

    def __init__(
        self, document: Document, entity_id: str, path: str, value: Any, mergeable: bool = True
    ) -> None:
        friction = document.get("frictions", entity_id)
        # Today's frequency of a friction point that follows a measure is the measure's; a
        # future value (set apart from today's, by the future view) is the user's to type.
        today = getattr(self, "future_type", None) is None or (
            friction is not None and friction.state != Presence.BOTH
        )
        if path in FOLLOWS_MEASURE and today and friction is not None:
            measure = document.get("measures", friction.frequency.measure_id or "")
            if measure is not None:
                raise CommandError(
                    f"the frequency of {quoted(friction.title)} is taken from the measure "
                    f"{quoted(measure.name)}: choose 'typed in' under Follows measure to type it"
                )
        super().__init__(document, entity_id, path, value, mergeable)

    labels: ClassVar[dict[str, str]] = {
        "title": "title",
        "description": "description",
        "kind": "kind",
        "nature": "nature",
        "severity": "severity",
        "frequency.count": "frequency",
        "frequency.per": "frequency period",
        "frequency.source": "frequency source",
        "frequency.low": "frequency range",
        "frequency.high": "frequency range",
        "leads_to_channel_id": "leads-to channel",
        "gives_up": "gives up",
        "contact_reason_id": "contact reason",
    }


class EditStage(FieldEdit):
    kind = "stages"
    noun = "stage"
    labels: ClassVar[dict[str, str]] = {"name": "name", "description": "description"}


class EditChannel(FieldEdit):
    kind = "channels"
    noun = "channel"
    labels: ClassVar[dict[str, str]] = {
        "name": "name",
        "kind": "kind",
        "step": "stairway step",
        "cost_per_contact": "cost per contact",
        "cost_source": "how the cost is known",
        "cost_note": "where the cost comes from",
        "description": "description",
    }


class EditPersona(FieldEdit):
    kind = "personas"
    noun = "persona"
    labels: ClassVar[dict[str, str]] = {
        "name": "name",
        "description": "description",
        "value_weight": "value weight",
        "share": "share",
    }


class EditImprovement(FieldEdit):
    kind = "improvements"
    noun = "improvement"
    labels: ClassVar[dict[str, str]] = {
        "title": "title",
        "description": "description",
        "action": "action",
        "target_step": "target step",
        "effort": "effort",
        "confidence": "confidence",
        "owner": "owner",
        "status": "status",
        "epic_letters": "EPIC letters",
        "brings_about": "future-state changes",
    }


class EditContactReason(FieldEdit):
    kind = "contact_reasons"
    noun = "contact reason"
    labels: ClassVar[dict[str, str]] = {
        "name": "name",
        "demand": "demand",
        "description": "description",
    }


class EditFlow(FieldEdit):
    kind = "flows"
    noun = "flow"
    labels: ClassVar[dict[str, str]] = {"label": "label"}

    def _describe(self) -> str:
        return "Edit flow label"


class RenameStage(EditStage):
    def __init__(self, document: Document, stage_id: str, name: str) -> None:
        super().__init__(document, stage_id, "name", name)


class RenameChannel(EditChannel):
    def __init__(self, document: Document, channel_id: str, name: str) -> None:
        super().__init__(document, channel_id, "name", name)


#: The id an ``EditBlueprint`` takes: the blueprint itself is not in any collection.
BLUEPRINT = "blueprint"


class EditBlueprint(FieldEdit):
    """Set one of the blueprint's own fields: its title, organisation, description, currency."""

    kind = "blueprint"  # type: ignore[assignment]  # not a collection: see target()
    noun = "blueprint"
    labels: ClassVar[dict[str, str]] = {
        "title": "title",
        "organisation": "organisation",
        "description": "description",
        "currency": "currency",
    }

    @classmethod
    def target(cls, document: Document, entity_id: str) -> Any | None:
        return document.blueprint if entity_id == BLUEPRINT else None

    def _set(
        self, document: Document, entity_id: str, path: str, old: Any, new: Any
    ) -> SetProperty:
        return SetProperty(path, old, new)

    def _name_of(self, entity: Any) -> str:
        return entity.title

    def _probe(self, entity: Any) -> Any:
        # A shallow copy: only a field of the blueprint itself is set on it, never its lists,
        # and a deep copy of a large blueprint on every key press would be felt.
        return entity.model_copy()

    def _describe(self) -> str:
        path, old, new = self._path, self._change.old, self._change.new
        if path == "title":
            return f"Retitle the blueprint {quoted(old)} to {quoted(new)}"
        return f"Edit the blueprint's {self.labels[path]}"
