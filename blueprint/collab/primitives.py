"""The editor's primitive changes, without Qt, and the primitives between two blueprints.

They mirror ``blueprint.ui.commands.base`` (Insert, Remove, SetField, SetProperty, Reorder,
Place) one to one, without old values (but a list of ids may carry the one it replaces: see
``SetEntityField``): the UI binding turns a command's changes into these to write them to
the shared document (``LiveDoc.apply``), and turns the primitives of a remote change
(``changes_between``) back into document mutations.

Indices mean what they mean in the editor's ``Document``: an entity's place in its list as
the repaired blueprint shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Blueprint
from ..sequences import longest_increasing
from .layout import ID_SETS, KINDS, PROPERTY_FIELDS


@dataclass(frozen=True)
class InsertEntity:
    kind: str
    index: int
    entity: Any


@dataclass(frozen=True)
class RemoveEntity:
    kind: str
    entity_id: str


@dataclass(frozen=True)
class SetEntityField:
    """One field of an entity; ``path`` may be dotted inside an object (``epic.easy``).

    For a list of ids (an id set of the layout: ``persona_ids``, ``friction_ids``...),
    ``old`` is the list the edit was made on, when the editor knows it: only what the edit
    added and removed is written, so a link someone else added meanwhile stays. Without it,
    the list the shared document shows now is taken as the old one.
    """

    kind: str
    entity_id: str
    path: str
    value: Any
    old: Any = None


@dataclass(frozen=True)
class SetDocumentProperty:
    """One of the blueprint's own fields: title, description, organisation, currency."""

    name: str
    value: Any


@dataclass(frozen=True)
class MoveEntity:
    """Reorder: the entity ends at ``index`` of its list."""

    kind: str
    entity_id: str
    index: int


@dataclass(frozen=True)
class PlaceTouchpoint:
    """A touchpoint in a cell, at ``index`` of the touchpoint list without it."""

    touchpoint_id: str
    stage_id: str
    channel_id: str
    index: int


Primitive = (
    InsertEntity
    | RemoveEntity
    | SetEntityField
    | SetDocumentProperty
    | MoveEntity
    | PlaceTouchpoint
)

_PLACE_FIELDS = ("stage_id", "channel_id")


def changes_between(
    old: Blueprint, new: Blueprint, hint: dict[str, dict[str, int] | None] | None = None
) -> list[Primitive]:
    """Primitives that, applied in order to ``old``, give ``new`` (entities compared by id).

    ``hint`` (``LiveDoc.last_change``) names, kind by kind, the only entities that changed
    and their index, when their order did not: then only those are compared.

    Removals come first, then, kind by kind in the file's order, insertions, field changes
    and moves; as few moves as keep the rest in order (a longest increasing subsequence).
    A change of an id set carries ``old``'s list: applied to another document (a reload
    re-applying the user's changes), it adds and removes only what changed.
    """
    changes: list[Primitive] = []
    for name in PROPERTY_FIELDS:
        if getattr(old, name) != getattr(new, name):
            changes.append(SetDocumentProperty(name, getattr(new, name)))
    if hint is not None:
        for kind in KINDS:
            before, after = getattr(old, kind), getattr(new, kind)
            spots = hint.get(kind)
            if before is after:
                continue
            if spots is None:
                kept = {a.id for a in after}
                changes += [RemoveEntity(kind, e.id) for e in before if e.id not in kept]
                changes += _kind_changes(kind, before, after)
                continue
            for entity_id, index in spots.items():
                was, entity = before[index], after[index]
                changes += _field_changes(kind, was, entity)
                if kind == "touchpoints" and any(
                    getattr(was, f) != getattr(entity, f) for f in _PLACE_FIELDS
                ):
                    changes.append(
                        PlaceTouchpoint(entity_id, entity.stage_id, entity.channel_id, index)
                    )
        return changes
    # Removals first, dependants before what they depend on: the editor's Document never
    # holds a friction point whose touchpoint it has just lost.
    for kind in reversed(KINDS):
        before, after = getattr(old, kind), getattr(new, kind)
        if before is after:
            continue
        new_ids = {e.id for e in after}
        changes += [RemoveEntity(kind, e.id) for e in before if e.id not in new_ids]
    for kind in KINDS:
        changes += _kind_changes(kind, getattr(old, kind), getattr(new, kind))
    return changes


def _kind_changes(kind: str, old: Sequence[Any], new: Sequence[Any]) -> list[Primitive]:
    if old is new:
        return []
    if len(old) == len(new) and all(a.id == b.id for a, b in zip(old, new, strict=True)):
        # The common case: the same entities in the same order, a few of them edited.
        changes: list[Primitive] = []
        for index, (was, entity) in enumerate(zip(old, new, strict=True)):
            if was is not entity:
                changes += _field_changes(kind, was, entity)
                if kind == "touchpoints" and any(
                    getattr(was, f) != getattr(entity, f) for f in _PLACE_FIELDS
                ):
                    changes.append(
                        PlaceTouchpoint(entity.id, entity.stage_id, entity.channel_id, index)
                    )
        return changes
    new_ids = {e.id for e in new}
    before = {e.id: e for e in old}
    working = [e.id for e in old if e.id in new_ids]
    position = {entity_id: i for i, entity_id in enumerate(working)}
    staying = longest_increasing(
        [position.get(e.id, -1) for e in new]
    )  # indices into ``new`` of entities that keep their relative order
    changes = []
    for index, entity in enumerate(new):
        was = before.get(entity.id)
        if was is not None and was is not entity:
            changes += _field_changes(kind, was, entity)
        recell = (
            kind == "touchpoints"
            and was is not None
            and any(getattr(was, f) != getattr(entity, f) for f in _PLACE_FIELDS)
        )
        if was is not None and index in staying:
            if recell:  # same place in the list, another cell
                target = working.index(entity.id)
                changes.append(
                    PlaceTouchpoint(entity.id, entity.stage_id, entity.channel_id, target)
                )
            continue
        if was is not None:
            working.remove(entity.id)
        # Right after the entity that precedes it in ``new``: the entities placed so far
        # (kept in order, or placed before) are always in ``new``'s order in ``working``.
        target = working.index(new[index - 1].id) + 1 if index else 0
        working.insert(target, entity.id)
        if was is None:
            changes.append(InsertEntity(kind, target, entity))
        elif kind == "touchpoints":
            changes.append(PlaceTouchpoint(entity.id, entity.stage_id, entity.channel_id, target))
        else:
            changes.append(MoveEntity(kind, entity.id, target))
    return changes


def _field_changes(kind: str, old: Any, new: Any) -> list[Primitive]:
    sets = ID_SETS.get(kind, {})
    return [
        SetEntityField(
            kind, new.id, name, getattr(new, name), getattr(old, name) if name in sets else None
        )
        for name in type(new).model_fields
        if name != "id"
        and not (kind == "touchpoints" and name in _PLACE_FIELDS)
        and getattr(old, name) != getattr(new, name)
    ]
