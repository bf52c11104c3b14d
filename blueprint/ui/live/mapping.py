"""A command's changes as the shared document's primitives, one to one.

``commands.base`` and ``collab.primitives`` name the same six changes; the collab ones
carry only the new value (the shared document keeps its own history for undo), but for a
list of ids (an id set of the live layout), which also carries the list it replaces: only
what the user added and removed is written, never a link someone else added meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...collab.layout import ID_SETS
from ...collab.primitives import (
    InsertEntity,
    MoveEntity,
    PlaceTouchpoint,
    Primitive,
    RemoveEntity,
    SetDocumentProperty,
    SetEntityField,
)
from ..commands.base import Change, Insert, Place, Remove, Reorder, SetField, SetProperty


class UnknownChange(TypeError):
    """A change the live binding does not know how to share (a new kind of change)."""


def to_primitive(change: Change) -> Primitive:
    if isinstance(change, Insert):
        # A copy: the document goes on editing its entity in place.
        return InsertEntity(change.kind, change.index, change.entity.model_copy(deep=True))
    if isinstance(change, Remove):
        return RemoveEntity(change.kind, change.entity_id)
    if isinstance(change, SetField):
        old = change.old if change.path in ID_SETS.get(change.kind, ()) else None
        return SetEntityField(change.kind, change.entity_id, change.path, change.new, old)
    if isinstance(change, SetProperty):
        return SetDocumentProperty(change.path, change.new)
    if isinstance(change, Reorder):
        return MoveEntity(change.kind, change.entity_id, change.new_index)
    if isinstance(change, Place):
        new = change.new
        return PlaceTouchpoint(change.touchpoint_id, new.stage_id, new.channel_id, new.index)
    raise UnknownChange(f"{type(change).__name__} has no live primitive")


def to_primitives(changes: Iterable[Change]) -> list[Primitive]:
    return [to_primitive(change) for change in changes]


def merge_key(primitive: Primitive) -> tuple | None:
    """What a typed value replaces: the same field of the same entity (or property)."""
    if isinstance(primitive, SetEntityField):
        return ("field", primitive.kind, primitive.entity_id, primitive.path)
    if isinstance(primitive, SetDocumentProperty):
        return ("property", primitive.name)
    return None
