"""The conflicts a merge records in its result, with ids that depend only on what they say.

A conflict's id is derived from the entity, the field and the value set aside, so merging
the same files twice gives the same bytes, and a conflict recorded again by a later merge
replaces the one it repeats instead of adding a copy.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Blueprint, Conflict, ConflictKind, Frequency
from .decisions import decision_paths, group_members, name_of, whole_model
from .distinct import value_pair
from .fields import COLLECTIONS, DOCUMENT, DOCUMENT_FIELDS, JSON, TEXT, Leaf, shape_of
from .merge_values import KEYED_LISTS
from .words import Names, label, noun

#: Every conflict id a merge makes starts with this.
ID_PREFIX = "merge-"
#: Whose value it is: the side merged into, the other side, or the merge's own choice.
OURS, THEIRS, MERGE = "ours", "theirs", "merge"
#: Who a value the merge chose itself is said to be from.
THE_MERGE = "the merge"


@dataclass(frozen=True, slots=True)
class ConflictRecord:
    kind: ConflictKind
    collection: str
    entity_id: str
    field: str
    kept: Any
    other: Any
    kept_from: str
    other_from: str


def conflict_id(collection: str, entity_id: str, field: str, other: Any) -> str:
    said = json.dumps([collection, entity_id, field, other], ensure_ascii=False, sort_keys=True)
    return ID_PREFIX + hashlib.blake2b(said.encode("utf-8"), digest_size=12).hexdigest()


def conflict_entities(
    records: Iterable[ConflictRecord],
    places: Mapping[str, Mapping[str, int]],
    names: tuple[str, str] = ("", ""),
) -> list[Conflict]:
    """The records as entities, in document order: the blueprint's own fields first, then
    by list, by place in the list, and by field; each names the merge's two sides."""
    ranks = {DOCUMENT: -1} | {collection: rank for rank, collection in enumerate(COLLECTIONS)}

    def order(record: ConflictRecord) -> tuple:
        place = places.get(record.collection, {}).get(record.entity_id, -1)
        return (
            ranks.get(record.collection, len(ranks)),
            place,
            record.entity_id,
            _field_rank(record.collection, record.field),
            record.field,
        )

    return [
        Conflict(
            id=conflict_id(r.collection, r.entity_id, r.field, r.other),
            kind=r.kind,
            collection=r.collection,
            entity_id=r.entity_id,
            field=r.field,
            kept=r.kept,
            other=r.other,
            kept_from=r.kept_from,
            other_from=r.other_from,
            ours_name=names[0],
            theirs_name=names[1],
        )
        for r in sorted(records, key=order)
    ]


def _field_rank(collection: str, field: str) -> int:
    """Fields in the order of the model (the whole entity first)."""
    if not field:
        return -1
    if collection == DOCUMENT:
        fields = DOCUMENT_FIELDS
    else:
        fields = decision_paths(collection) if collection in COLLECTIONS else ()
    return fields.index(field) if field in fields else len(fields)


def conflict_lines(bp: Blueprint, conflicts: Iterable[Conflict]) -> list[str]:
    """Each conflict in words: "Touchpoint 'Call': title kept 'Call us' (ours); theirs
    wanted 'Phone us'"."""
    names = Names(bp)
    return [_conflict_words(conflict, names) for conflict in conflicts]


def _conflict_words(conflict: Conflict, names: Names) -> str:
    collection = conflict.collection
    if collection == DOCUMENT:
        head, leaf = "Blueprint", Leaf(conflict.field, TEXT)
    else:
        head = f"{noun(collection).capitalize()} '{names.of(conflict.entity_id)}'"
        leaf = _leaf(collection, conflict.field)
    if conflict.kind == ConflictKind.DELETED_AND_CHANGED:
        changed = conflict.kept if isinstance(conflict.kept, list) else []
        why = (
            f"it changed {', '.join(label(str(path)) for path in changed)}"
            if changed
            else "something kept is on it or names it"
        )
        return (
            f"{head}: deleted by {side_name(conflict, conflict.other_from)}, kept as "
            f"{side_name(conflict, conflict.kept_from)} has it ({why})"
        )
    kept_value, other_value = disputed(conflict.field, conflict.kept, conflict.other)
    kept = _value_words(collection, leaf, kept_value, names)
    other = _value_words(collection, leaf, other_value, names)
    if kept == other and kept_value != other_value:
        kept, other = value_pair(leaf.kind, kept_value, other_value, names, names)
    return (
        f"{head}: {label(conflict.field)} kept {kept} ({side_name(conflict, conflict.kept_from)}); "
        f"{side_name(conflict, conflict.other_from)} wanted {other}"
    )


def side_name(conflict: Conflict, side: str) -> str:
    """A side of a conflict's merge (``OURS``, ``THEIRS``, ``MERGE``) as that merge named it:
    "main", "plan (Bob's conflicted copy).blueprint"; the side's own word where the merge said
    no name (files before version 5), and "the merge" for a value it chose itself."""
    named = {OURS: conflict.ours_name, THEIRS: conflict.theirs_name}.get(side, "")
    return named or (THE_MERGE if side == MERGE else side)


def disputed(field: str, kept: Any, other: Any) -> tuple[Any, Any]:
    """What the two values of a conflict differ in, to be said: of a list merged item by
    item (a persona's preferred channels, one a stage), the items of the stages in dispute
    (the rest is the same in both); any other value whole."""
    key = KEYED_LISTS.get(name_of(field))
    if key is None or not isinstance(kept, list) or not isinstance(other, list):
        return kept, other
    mine, yours = ({_item_key(item, key): item for item in value} for value in (kept, other))

    def differing(value: list) -> list:
        return [i for i in value if mine.get(_item_key(i, key)) != yours.get(_item_key(i, key))]

    return differing(kept), differing(other)


def _item_key(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else item


def _leaf(collection: str, path: str) -> Leaf:
    leaves = {leaf.path: leaf for leaf in shape_of(collection).leaves()}
    return leaves.get(path, Leaf(path, JSON))


def _value_words(collection: str, leaf: Leaf, value: Any, names: Names) -> str:
    """A conflict's value in words: decided whole (``whole_value_words``) or as one field."""
    said = whole_value_words(collection, leaf.path, value, names)
    return said if said is not None else names.value(leaf.kind, value, leaf.item_kind)


def whole_value_words(collection: str, path: str, value: Any, names: Names) -> str | None:
    """A value decided whole, in words: a cell as "Stage / Channel", a frequency as "20 a
    week, estimated", any other group field by field; None for the value of one field. The
    command line's conflict lines and the editor's Conflicts panel both say them so."""
    if not isinstance(value, dict):
        return None
    members = group_members(collection, path)
    if members is not None:
        fields = {name_of(member): member for member in members}
        if set(fields) == {"stage_id", "channel_id"}:
            return names.cell(value.get("stage_id"), value.get("channel_id"))
        words = (
            _value_words(collection, _leaf(collection, member), value.get(name), names)
            for name, member in fields.items()
        )
        return "; ".join(f"{label(name)} {said}" for name, said in zip(fields, words, strict=True))
    if whole_model(collection, path) is Frequency:
        return names.frequency(value)
    return None
