"""What changed from one version of a blueprint to another, entity by entity and field by
field, in words: "Touchpoint 'Checks order status': channel Website -> Mobile app".

Entities are matched by id in every list of the file, so a new field of the model is diffed
without being named here. An entity is added, removed, changed (its fields, each before and
after) or moved: to another cell (a touchpoint), or to another place among its neighbours
(a stage among the stages, a touchpoint in its cell, a friction point on its touchpoint).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..collector import collector_paused
from ..model import Blueprint, Identified
from .distinct import value_pair
from .fields import (
    COLLECTIONS,
    DOCUMENT,
    DOCUMENT_FIELDS,
    LIST,
    OBJECTS,
    REFERENCE,
    TEXT,
    Leaf,
    data_of,
    flat,
    shape_of,
)
from .ordering import moved
from .words import Names, label, noun


class DiffKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field before and after, as the file holds it (ids, not names)."""

    path: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class EntityDiff:
    """What happened to one entity (or to the blueprint's own fields), and its lines in
    words. A changed entity may have moved too; a moved one changed nothing else."""

    kind: DiffKind
    collection: str  # a top-level list, or "blueprint"
    entity_id: str
    name: str
    fields: tuple[FieldChange, ...] = ()
    #: where it was and is: two cells, or its place among its neighbours ("after 'X'")
    moved_from: str | None = None
    moved_to: str | None = None
    lines: tuple[str, ...] = ()


#: How the entities of a list are grouped for their order to mean something: touchpoints in
#: their cell, friction points on their touchpoint... None: the order of the list means
#: nothing (flows: journey order is given by the flows themselves). Other lists: as a whole.
ORDER_GROUPS: dict[str, Callable[[Any], Any] | None] = {
    "touchpoints": lambda e: (e.stage_id, e.channel_id),
    "frictions": lambda e: e.touchpoint_id,
    "measures": lambda e: e.touchpoint_id,
    "evidence": lambda e: e.about_id,
    "comments": lambda e: (e.about_id, e.reply_to),
    "flows": None,
    "conflicts": None,
}
#: Fields whose change is a move, said as one: a touchpoint's cell.
CELL = ("stage_id", "channel_id")


@collector_paused()
def diff_blueprints(a: Blueprint, b: Blueprint) -> list[EntityDiff]:
    """Every difference of ``b`` from ``a``: the blueprint's own fields, then list by list in
    the file's order, each list in ``b``'s order with what ``a`` alone has after it."""
    before, after = Names(a), Names(b)
    found = list(_document_diff(a, b))
    for collection in COLLECTIONS:
        found += _collection_diff(collection, a, b, before, after)
    return found


def _document_diff(a: Blueprint, b: Blueprint) -> Iterator[EntityDiff]:
    changes = tuple(
        FieldChange(name, getattr(a, name), getattr(b, name))
        for name in DOCUMENT_FIELDS
        if getattr(a, name) != getattr(b, name)
    )
    if changes:
        before, after = Names(a), Names(b)
        lines = tuple(
            f"Blueprint: {_field_words(Leaf(c.path, TEXT), c, before, after)}" for c in changes
        )
        yield EntityDiff(DiffKind.CHANGED, DOCUMENT, DOCUMENT, b.title, changes, lines=lines)


def _collection_diff(
    collection: str, a: Blueprint, b: Blueprint, before: Names, after: Names
) -> list[EntityDiff]:
    was = {e.id: e for e in getattr(a, collection)}
    now = {e.id: e for e in getattr(b, collection)}
    places = _new_places(collection, getattr(a, collection), getattr(b, collection), after)
    the = noun(collection)
    found = []
    for entity_id, entity in now.items():
        old = was.get(entity_id)
        name = after.name(collection, entity)
        if old is None:
            line = f"Added {the} '{name}'{after.where(collection, entity)}"
            found.append(EntityDiff(DiffKind.ADDED, collection, entity_id, name, lines=(line,)))
        elif old != entity or entity_id in places:
            found.append(_changed(collection, old, entity, before, after, places.get(entity_id)))
    for entity_id, entity in was.items():
        if entity_id not in now:
            name = before.name(collection, entity)
            line = f"Removed {the} '{name}'{before.where(collection, entity, leaving=True)}"
            found.append(EntityDiff(DiffKind.REMOVED, collection, entity_id, name, lines=(line,)))
    return found


def _changed(
    collection: str,
    old: Identified,
    new: Identified,
    before: Names,
    after: Names,
    place: str | None,
) -> EntityDiff:
    shape = shape_of(collection)
    was, now = flat(shape, data_of(old)), flat(shape, data_of(new))
    kinds = {leaf.path: leaf for leaf in shape.leaves()}
    changes = tuple(FieldChange(p, was[p], now[p]) for p in now if now[p] != was[p])
    name = after.name(collection, new)
    head = f"{noun(collection).capitalize()} '{name}'"
    lines: list[str] = []
    moved_from = moved_to = None
    paths = {c.path for c in changes}
    if collection == "touchpoints" and paths & set(CELL):
        moved_from, moved_to = _cells(was, now, before, after)
        lines.append(f"Moved {noun(collection)} '{name}' from {moved_from} to {moved_to}")
    elif place is not None:
        moved_to = place
        lines.append(f"Moved {noun(collection)} '{name}' {place}{after.where(collection, new)}")
    for change in changes:
        if collection == "touchpoints" and change.path in CELL:
            continue
        leaf = kinds[change.path]
        lines.append(f"{head}: {_field_words(leaf, change, before, after)}")
    only_moved = (
        all(c.path in CELL for c in changes) if collection == "touchpoints" else not changes
    )
    kind = DiffKind.MOVED if only_moved else DiffKind.CHANGED
    return EntityDiff(
        kind, collection, new.id, name, changes, moved_from, moved_to, lines=tuple(lines)
    )


def _field_words(leaf: Any, change: FieldChange, before: Names, after: Names) -> str:
    what = label(change.path)
    old, new = change.before, change.after
    if leaf.kind in (LIST, OBJECTS) and isinstance(old, list) and isinstance(new, list):
        show = after.item if leaf.kind == OBJECTS else _item_words(leaf, after)
        gone = after.item if leaf.kind == OBJECTS else _item_words(leaf, before)
        added = [(x, show(x)) for x in new if x not in old]
        removed = [(x, gone(x)) for x in old if x not in new]
        # An id added and another removed that read the same (two touchpoints of one
        # title) are told apart by their ids.
        alike = (
            {w for _, w in added} & {w for _, w in removed}
            if leaf.item_kind == REFERENCE
            else set()
        )
        parts = []
        for verb, items in (("added", added), ("removed", removed)):
            words = [f"{w} (id {x})" if w in alike else w for x, w in items]
            if words:
                parts.append(f"{verb} {', '.join(words)}")
        return f"{what} {'; '.join(parts) or 'reordered'}"
    said_before, said_after = value_pair(leaf.kind, old, new, before, after, leaf.item_kind)
    return f"{what} {said_before} -> {said_after}"


def _item_words(leaf: Any, names: Names) -> Callable[[Any], str]:
    return lambda item: names.value(leaf.item_kind, item)


def _cells(was: dict, now: dict, before: Names, after: Names) -> tuple[str, str]:
    """A touchpoint's cell before and after; with ids where a stage or channel renamed in
    between makes the two read the same."""
    old = before.cell(was["stage_id"], was["channel_id"])
    new = after.cell(now["stage_id"], now["channel_id"])
    if old != new:
        return old, new
    return (
        f"{old} (ids {was['stage_id']} / {was['channel_id']})",
        f"{new} (ids {now['stage_id']} / {now['channel_id']})",
    )


def _new_places(
    collection: str, old: list[Identified], new: list[Identified], after: Names
) -> dict[str, str]:
    """The entities that moved among their neighbours, each with its new place in words."""
    if collection not in ORDER_GROUPS:
        group: Callable[[Any], Any] | None = _whole_list
    else:
        group = ORDER_GROUPS[collection]
    if group is None:
        return {}
    groups_before: dict[Any, list[str]] = {}
    groups_after: dict[Any, list[str]] = {}
    key_before = {}
    for entity in old:
        key = group(entity)
        key_before[entity.id] = key
        groups_before.setdefault(key, []).append(entity.id)
    for entity in new:
        groups_after.setdefault(group(entity), []).append(entity.id)
    places: dict[str, str] = {}
    for key, ids in groups_after.items():
        stayed = [i for i in ids if key_before.get(i, key) == key]
        for entity_id in moved(groups_before.get(key, []), stayed):
            index = ids.index(entity_id)
            if index == 0:
                places[entity_id] = "to the start"
            else:
                places[entity_id] = f"after '{after.of(ids[index - 1])}'"
    return places


def _whole_list(entity: Any) -> None:
    return None


def diff_lines(changes: list[EntityDiff]) -> list[str]:
    return [line for change in changes for line in change.lines]


def diff_document(changes: list[EntityDiff], a_name: str, b_name: str) -> dict:
    """The differences as JSON-ready data, for scripts."""
    counts = {kind.value: sum(1 for c in changes if c.kind == kind) for kind in DiffKind}
    return {
        "a": a_name,
        "b": b_name,
        "counts": counts,
        "changes": [
            {
                "kind": c.kind.value,
                "collection": c.collection,
                "noun": noun(c.collection),
                "id": c.entity_id,
                "name": c.name,
                "fields": [
                    {"field": f.path, "label": label(f.path), "before": f.before, "after": f.after}
                    for f in c.fields
                ],
                "moved_from": c.moved_from,
                "moved_to": c.moved_to,
                "text": list(c.lines),
            }
            for c in changes
        ],
    }
