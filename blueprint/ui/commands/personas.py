"""Personas: add, remove, and which touchpoints each applies to. Editing is a field edit."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Persona, PreferredChannel
from ..document import Document
from .base import BlueprintCommand, Change, CommandError, Remove, SetField, insert_new, quoted
from .fields import check_unique_name
from .removal import Removal, removal_changes, removal_of_persona


class AddPersona(BlueprintCommand):
    """Add a persona (built by the caller, with a new id), last in the list."""

    def __init__(self, document: Document, persona: Persona) -> None:
        persona = persona.model_copy(deep=True)
        insert = insert_new(document, "personas", persona)
        check_unique_name(document, "personas", "persona", persona.name)
        stages, channels = document.blueprint.stages, document.blueprint.channels
        for pref in persona.preferred_channels:
            if pref.stage_id not in {s.id for s in stages}:
                raise CommandError(f"there is no stage with id {pref.stage_id!r}")
            if pref.channel_id not in {c.id for c in channels}:
                raise CommandError(f"there is no channel with id {pref.channel_id!r}")
        self.persona_id = persona.id
        text = f"Add persona {quoted(persona.name)}"
        super().__init__(document, text, [insert])


class RemovePersona(BlueprintCommand):
    """Remove a persona; touchpoints listing it stop listing it."""

    @staticmethod
    def consequences(document: Document, persona_id: str) -> Removal:
        """Touchpoints that would stop listing it (and those that would then apply to all)."""
        return removal_of_persona(document.blueprint, persona_id)

    def __init__(self, document: Document, persona_id: str) -> None:
        persona = document.get("personas", persona_id)
        if persona is None:
            raise CommandError(f"there is no persona with id {persona_id!r}")
        removal = self.consequences(document, persona_id)
        changes = removal_changes(document.blueprint, removal)
        changes.append(Remove("personas", persona_id))
        super().__init__(document, f"Remove persona {quoted(persona.name)}", changes)


class SetPersonaTouchpoints(BlueprintCommand):
    """Make a persona apply to exactly these touchpoints, in one step.

    A touchpoint that lists no persona applies to all; to leave one persona out it must list
    the others. A touchpoint cannot end up applying to no persona at all.
    """

    def __init__(self, document: Document, persona_id: str, touchpoint_ids: Iterable[str]) -> None:
        persona = document.get("personas", persona_id)
        if persona is None:
            raise CommandError(f"there is no persona with id {persona_id!r}")
        chosen = set(touchpoint_ids)
        everyone = [p.id for p in document.blueprint.personas]
        changes: list[Change] = []
        for tp in document.blueprint.touchpoints:
            new = _persona_ids(tp.persona_ids, everyone, persona_id, tp.id in chosen)
            if new is None:
                raise CommandError(
                    f"touchpoint {quoted(tp.title)} would apply to no persona at all"
                )
            if new != tp.persona_ids:
                changes.append(SetField("touchpoints", tp.id, "persona_ids", tp.persona_ids, new))
        text = f"Choose touchpoints of persona {quoted(persona.name)}"
        super().__init__(document, text, changes)


def _persona_ids(
    current: list[str], everyone: list[str], persona_id: str, applies: bool
) -> list[str] | None:
    """The touchpoint's new persona list; None when it cannot be expressed."""
    listed = current or everyone  # none listed means all
    if applies:
        if not current or persona_id in current:
            return current
        # Keep the document's persona order, so the list reads the same everywhere.
        return [p for p in everyone if p in current or p == persona_id]
    remaining = [p for p in listed if p != persona_id]
    if remaining == listed:
        return current
    return remaining or None


class SetPreferredChannel(BlueprintCommand):
    """Say which channel a persona prefers at a stage (None: no preference there)."""

    def __init__(
        self, document: Document, persona_id: str, stage_id: str, channel_id: str | None
    ) -> None:
        persona = document.get("personas", persona_id)
        if persona is None:
            raise CommandError(f"there is no persona with id {persona_id!r}")
        stage = document.get("stages", stage_id)
        if stage is None:
            raise CommandError(f"there is no stage with id {stage_id!r}")
        channel = None if channel_id is None else document.get("channels", channel_id)
        if channel_id is not None and channel is None:
            raise CommandError(f"there is no channel with id {channel_id!r}")
        old = persona.preferred_channels
        new = _with_preference(document, old, stage_id, channel_id)
        changes = (
            [] if new == old else [SetField("personas", persona_id, "preferred_channels", old, new)]
        )
        who = f"{quoted(persona.name)} at {quoted(stage.name)}"
        if channel is None:
            text = f"No preferred channel for {who}"
        else:
            text = f"Prefer {quoted(channel.name)} for {who}"
        super().__init__(document, text, changes)


def _with_preference(
    document: Document, current: list[PreferredChannel], stage_id: str, channel_id: str | None
) -> list[PreferredChannel]:
    """One preference per stage, kept in the order of the stages."""
    chosen = {p.stage_id: p.channel_id for p in current}
    if channel_id is None:
        chosen.pop(stage_id, None)
    else:
        chosen[stage_id] = channel_id
    order = [s.id for s in document.blueprint.stages]
    ranked = sorted(chosen, key=lambda sid: order.index(sid) if sid in order else len(order))
    return [PreferredChannel(stage_id=sid, channel_id=chosen[sid]) for sid in ranked]
