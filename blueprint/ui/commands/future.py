"""Edits made while the future state is shown: they change tomorrow, never today.

A touchpoint or friction point of both states keeps its future values apart (``future``):
editing its title, cell, emotion or EPIC (a friction point's severity, frequency, leads-to or
gives-up) in the future view sets that future value, and setting it back to today's clears
it. Everything else about it (its lanes, notes, personas...) is shared by both states and is
edited as usual; an entity of the future only is its own future and is edited as usual too.
Marking something gone in the future keeps it today (``state`` becomes ``current``), with
what hangs on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from ...model import Friction, FrictionFuture, Presence, Touchpoint, TouchpointFuture
from ...model.states import State, entity_in
from ..document import Document
from .base import BlueprintCommand, CommandError, SetField, quoted
from .fields import EditFriction, EditTouchpoint, read_field
from .removal import removal_changes, removal_of_frictions


def _future_of(entity: Any) -> Any:
    """The entity as the future state shows it (its future values applied)."""
    if entity.state != Presence.BOTH or entity.future is None:
        return entity
    return entity_in(entity, State.FUTURE)


def _future_change(
    entity: Any, kind: str, empty: type, fields: frozenset[str], path: str, new: Any
) -> SetField | None:
    """The change of ``entity.future`` that sets ``path`` in the future, or None when the
    field is shared by both states (then it is edited as usual)."""
    head, _, rest = path.partition(".")
    if entity.state != Presence.BOTH or head not in fields:
        return None
    future = (entity.future or empty()).model_copy(deep=True)
    today = getattr(entity, head)
    if rest:  # a part of a composite value: EPIC's letters, a frequency's count
        whole = (getattr(future, head) or today).model_copy(deep=True)
        setattr(whole, rest, new)
        if head == "frequency" and whole != today:
            # Tomorrow's count is drawn, not measured: it follows no measure of today's.
            whole.measure_id = None
        value = whole
    else:
        value = new
    setattr(future, head, None if value == today else value)
    kept = None if future.is_empty() else future
    return SetField(kind, entity.id, "future", entity.future, kept)


class _InTheFuture:
    """Mixed into a field edit: the same edit as the future view makes it."""

    kind: str
    #: the entity's future values (TouchpointFuture, FrictionFuture)
    future_type: ClassVar[type]

    @classmethod
    def target(cls, document: Document, entity_id: str) -> Any | None:
        entity = document.get(cls.kind, entity_id)  # type: ignore[arg-type]
        return None if entity is None else _future_of(entity)

    def _set(self, document: Document, entity_id: str, path: str, old: Any, new: Any):
        entity = document.entity(self.kind, entity_id)  # type: ignore[arg-type]
        fields = frozenset(self.future_type.model_fields)
        change = _future_change(entity, self.kind, self.future_type, fields, path, new)
        if change is None:  # a field both states share
            return SetField(self.kind, entity_id, path, read_field(entity, path), new)
        return change

    def _describe(self) -> str:
        return _in_future(self) or super()._describe()  # type: ignore[misc]


class EditTouchpointFuture(_InTheFuture, EditTouchpoint):
    """A touchpoint field as the future view edits it."""

    future_type = TouchpointFuture


class EditFrictionFuture(_InTheFuture, EditFriction):
    """A friction point field as the future view edits it."""

    future_type = FrictionFuture


def _in_future(command: Any) -> str:
    """``Set emotion of 'Checkout' in the future``; empty for an edit of both states."""
    if command._change.path != "future":
        return ""
    verb = "Edit" if command._path == "title" else "Set"
    return f"{verb} {command.labels[command._path]} of {quoted(command._entity_name)} in the future"


class RemoveFromFuture(BlueprintCommand):
    """Mark touchpoints gone in the future: today they stay, tomorrow they are not there,
    with their friction points and flows; an entity of the future only is not kept at all
    (use ``RemoveTouchpoints`` for those)."""

    def __init__(self, document: Document, touchpoint_ids: Iterable[str]) -> None:
        ids = [i for i in dict.fromkeys(touchpoint_ids)]
        bp = document.blueprint
        chosen = [t for t in bp.touchpoints if t.id in set(ids)]
        if not chosen or any(t.state != Presence.BOTH for t in chosen):
            raise CommandError("only a card of both states can be marked gone in the future")
        gone = {t.id for t in chosen}
        changes: list = [
            SetField("touchpoints", t.id, "state", t.state, Presence.CURRENT) for t in chosen
        ]
        changes += [
            SetField("touchpoints", t.id, "future", t.future, None)
            for t in chosen
            if t.future is not None
        ]
        for friction in bp.frictions:
            if friction.touchpoint_id in gone and friction.state == Presence.BOTH:
                changes.append(
                    SetField("frictions", friction.id, "state", friction.state, Presence.CURRENT)
                )
                if friction.future is not None:
                    changes.append(
                        SetField("frictions", friction.id, "future", friction.future, None)
                    )
        for flow in bp.flows:
            if (flow.from_id in gone or flow.to_id in gone) and flow.state == Presence.BOTH:
                changes.append(SetField("flows", flow.id, "state", flow.state, Presence.CURRENT))
        # What was drawn on them for tomorrow only has nowhere to be: it goes.
        removal = removal_of_frictions(
            bp,
            (f.id for f in bp.frictions if f.touchpoint_id in gone and f.state == Presence.FUTURE),
            (
                f.id
                for f in bp.flows
                if (f.from_id in gone or f.to_id in gone) and f.state == Presence.FUTURE
            ),
        )
        changes += removal_changes(bp, removal)
        if len(chosen) == 1:
            text = f"Mark {quoted(chosen[0].title)} gone in the future"
        else:
            text = f"Mark {len(chosen)} touchpoints gone in the future"
        super().__init__(document, text, changes)


class MoveInFuture(BlueprintCommand):
    """A card of both states dragged to another cell while the future is shown: it moves
    there tomorrow, and stays where it is today."""

    def __init__(self, document: Document, touchpoint_id: str, stage_id: str, channel_id: str):
        tp: Touchpoint = document.entity("touchpoints", touchpoint_id)
        if document.get("stages", stage_id) is None or document.get("channels", channel_id) is None:
            raise CommandError("there is no such cell")
        if tp.state != Presence.BOTH:
            raise CommandError("only a card of both states moves in the future alone")
        future = (tp.future or TouchpointFuture()).model_copy(deep=True)
        future.stage_id = None if stage_id == tp.stage_id else stage_id
        future.channel_id = None if channel_id == tp.channel_id else channel_id
        kept = None if future.is_empty() else future
        where = (
            f"{document.entity('stages', stage_id).name} / "
            f"{document.entity('channels', channel_id).name}"
        )
        super().__init__(
            document,
            f"Move {quoted(tp.title)} to {where} in the future",
            [SetField("touchpoints", tp.id, "future", tp.future, kept)],
        )
        if tp.future == kept:
            self.setObsolete(True)


class RemoveFrictionFromFuture(BlueprintCommand):
    """A friction point of both states removed while the future is shown: it no longer
    happens tomorrow, and today it stays as it is (with its links to improvements)."""

    def __init__(self, document: Document, friction_id: str) -> None:
        friction: Friction = document.entity("frictions", friction_id)
        if friction.state != Presence.BOTH:
            raise CommandError("only a friction point of both states can be gone tomorrow")
        changes = [SetField("frictions", friction.id, "state", friction.state, Presence.CURRENT)]
        if friction.future is not None:
            changes.append(SetField("frictions", friction.id, "future", friction.future, None))
        text = f"Mark friction {quoted(friction.title)} gone in the future"
        super().__init__(document, text, changes)
