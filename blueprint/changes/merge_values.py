"""Three-way merge of one entity's fields: what each side changed from the base.

A field one side changed takes that side's value; a field both changed to the same value
takes it; a field both changed differently keeps ours' value and is a conflict. Nested
objects (EPIC, future values) are merged sub-field by sub-field, lists of ids or letters as
sets (what either side added is in, what either removed is out, in ours' order with theirs'
additions after the item they follow), a list of objects with a key (a persona's preferred
channels, one per stage) key by key. What means one thing together (a touchpoint's cell, a
frequency) is merged as one value and is one conflict (see ``decisions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .decisions import GROUPS, is_whole, name_of
from .fields import LIST, OBJECTS, Leaf, Nested, Shape, shape_of
from .ordering import merged_order

#: Lists of objects merged item by item, by the field that identifies an item in its list.
KEYED_LISTS: dict[str, str] = {"preferred_channels": "stage_id"}


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """Both sides changed the field at ``path`` differently: ``kept`` is ours' value (what the
    merge keeps), ``other`` theirs'."""

    path: str
    kept: Any
    other: Any


def merge_data(
    collection: str, base: dict | None, ours: dict, theirs: dict
) -> tuple[dict, list[FieldConflict]]:
    """The merged JSON data of one entity (``base`` None: both sides added it) and the
    fields both sides changed differently."""
    conflicts: list[FieldConflict] = []
    groups = tuple(GROUPS.get(collection, {}).items())
    data = _merge_object(shape_of(collection), base, ours, theirs, groups, conflicts)
    return data, conflicts


def _get(holder: dict | None, name: str) -> Any:
    return None if holder is None else holder.get(name)


def _merge_object(
    shape: Shape,
    base: dict | None,
    ours: dict | None,
    theirs: dict | None,
    groups: tuple[tuple[str, tuple[str, ...]], ...],
    conflicts: list[FieldConflict],
) -> dict:
    paths = {field.path for field in shape.fields}
    merged: dict[str, Any] = {}
    grouped: set[str] = set()
    for group, members in groups:
        if not set(members) <= paths:
            continue
        grouped |= set(members)
        names = [name_of(path) for path in members]
        was, mine, yours = ({n: _get(d, n) for n in names} for d in (base, ours, theirs))
        merged.update(_merge_whole(group, was, mine, yours, conflicts))
    for field in shape.fields:
        if field.path in grouped:
            continue
        name = name_of(field.path)
        was, mine, yours = _get(base, name), _get(ours, name), _get(theirs, name)
        if is_whole(field):
            merged[name] = _merge_whole(field.path, was, mine, yours, conflicts)
        elif isinstance(field, Nested):
            merged[name] = _merge_nested(field, was, mine, yours, groups, conflicts)
        else:
            merged[name] = _merge_leaf(field, was, mine, yours, conflicts)
    return merged


#: What ``_three_way`` says when both sides changed a value, differently.
_CLASH = object()


def _three_way(base: Any, ours: Any, theirs: Any) -> Any:
    """The value from its three versions: the one side's that changed it (ours when both
    made the same change); ``_CLASH`` when both changed it differently."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    return _CLASH


def _merge_whole(
    path: str, base: Any, ours: Any, theirs: Any, conflicts: list[FieldConflict]
) -> Any:
    """An object that is one value (a frequency): one side's, or ours' and a conflict."""
    value = _three_way(base, ours, theirs)
    if value is not _CLASH:
        return value
    conflicts.append(FieldConflict(path, ours, theirs))
    return ours


def _merge_nested(
    field: Nested,
    base: Any,
    ours: Any,
    theirs: Any,
    groups: tuple[tuple[str, tuple[str, ...]], ...],
    conflicts: list[FieldConflict],
) -> Any:
    value = _three_way(base, ours, theirs)
    if value is not _CLASH:
        return value
    merged = _merge_object(field.shape, base, ours, theirs, groups, conflicts)
    if field.optional and (ours is None or theirs is None) and _all_null(merged):
        return None
    return merged


def _all_null(data: dict) -> bool:
    return all(_all_null(v) if isinstance(v, dict) else v is None for v in data.values())


def _merge_leaf(
    field: Leaf, base: Any, ours: Any, theirs: Any, conflicts: list[FieldConflict]
) -> Any:
    value = _three_way(base, ours, theirs)
    if value is not _CLASH:
        return value
    lists = isinstance(ours, list) and isinstance(theirs, list) and isinstance(base, list | None)
    if lists and field.kind == LIST:
        return merged_set(base or [], ours, theirs)
    key = KEYED_LISTS.get(name_of(field.path))
    if lists and field.kind == OBJECTS and key is not None:
        merged, other = _merge_keyed(key, base or [], ours, theirs)
        if other is not None:
            conflicts.append(FieldConflict(field.path, merged, other))
        return merged
    conflicts.append(FieldConflict(field.path, ours, theirs))
    return ours


def merged_set(base: list, ours: list, theirs: list) -> list:
    """A list merged as a set: in when either side added it or both kept it."""
    was, mine, yours = set(base), set(ours), set(theirs)
    present = {item for item in mine | yours if (item in mine and item in yours) or item not in was}
    return merged_order(base, ours, theirs, present)


def _merge_keyed(key: str, base: list, ours: list, theirs: list) -> tuple[list, list | None]:
    """A list of objects merged by ``key``; the other value is the same merge taking theirs'
    item where both changed one differently (None when none clashed)."""
    was, mine, yours = ({item[key]: item for item in items} for items in (base, ours, theirs))
    kept: dict[Any, Any] = {}
    other: dict[Any, Any] = {}
    clashed = False
    for item_key in {**mine, **yours}:
        b, o, t = was.get(item_key), mine.get(item_key), yours.get(item_key)
        value = _three_way(b, o, t)
        if value is _CLASH:
            clashed = True
            kept[item_key], other[item_key] = o, t
        else:
            kept[item_key] = other[item_key] = value

    def ordered(values: dict) -> list:
        present = {k for k, v in values.items() if v is not None}
        return [values[k] for k in merged_order(list(was), list(mine), list(yours), present)]

    return ordered(kept), ordered(other) if clashed else None
