"""Which fields of the model name other entities, what they may name, and which of them
attach an entity to another (it goes when that one goes, as the editor removes it).

Diff puts a reference in words by the name of what it names; merge keeps every reference of
its result pointing at an entity of the file. A field of the model whose name says it holds
ids must be listed here: a test checks it, so a new one is not forgotten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..model.validation import COMMENTABLE

#: A conflict's ``entity_id`` names an entity of the list its ``collection`` field names.
NAMED_BY_COLLECTION = ("@collection",)

#: collection -> {dotted path of a field holding an id or a list of ids: what it may name}.
#: A path runs through lists transparently: ``preferred_channels.stage_id`` is the
#: ``stage_id`` of each preferred channel.
REFERENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "personas": {
        "preferred_channels.stage_id": ("stages",),
        "preferred_channels.channel_id": ("channels",),
    },
    "contact_reasons": {"parent_id": ("contact_reasons",)},
    "touchpoints": {
        "stage_id": ("stages",),
        "channel_id": ("channels",),
        "persona_ids": ("personas",),
        "future.stage_id": ("stages",),
        "future.channel_id": ("channels",),
    },
    "flows": {"from_id": ("touchpoints",), "to_id": ("touchpoints",)},
    "frictions": {
        "touchpoint_id": ("touchpoints",),
        "frequency.measure_id": ("measures",),
        "leads_to_channel_id": ("channels",),
        "contact_reason_id": ("contact_reasons",),
        "future.frequency.measure_id": ("measures",),
        "future.leads_to_channel_id": ("channels",),
    },
    "improvements": {
        "friction_ids": ("frictions",),
        "brings_about": ("touchpoints", "flows", "frictions"),
    },
    "measures": {"touchpoint_id": ("touchpoints",)},
    "evidence": {"about_id": ("touchpoints", "frictions")},
    "comments": {"about_id": COMMENTABLE, "reply_to": ("comments",)},
    "conflicts": {"entity_id": NAMED_BY_COLLECTION},
}

#: The references that attach an entity to what they name: a touchpoint to its cell, a
#: friction point to its touchpoint, a flow to both ends, annotations to what they are about.
#: The editor removes an entity with everything attached to it.
ATTACHED: dict[str, tuple[str, ...]] = {
    "contact_reasons": ("parent_id",),
    "touchpoints": ("stage_id", "channel_id"),
    "flows": ("from_id", "to_id"),
    "frictions": ("touchpoint_id",),
    "measures": ("touchpoint_id",),
    "evidence": ("about_id",),
    "comments": ("about_id", "reply_to"),
    "conflicts": ("entity_id",),
}


def is_reference(collection: str, path: str) -> bool:
    return path in REFERENCES.get(collection, {})


def _get(holder: Any, name: str) -> Any:
    if isinstance(holder, Mapping):
        return holder.get(name)
    return getattr(holder, name, None)


def values_at(holder: Any, path: str) -> list[Any]:
    """The values at a dotted path of an entity (its model or its JSON data), through
    lists and past nulls."""
    current = [holder]
    for name in path.split("."):
        found = []
        for item in current:
            value = _get(item, name)
            if isinstance(value, list):
                found.extend(value)
            elif value is not None:
                found.append(value)
        current = found
    return current


def targets(collection: str, path: str, entity: Any) -> tuple[str, ...]:
    """The collections the reference at ``path`` of ``entity`` may name."""
    kinds = REFERENCES[collection][path]
    if kinds is NAMED_BY_COLLECTION:
        named = _get(entity, "collection")
        return (str(named),)
    return kinds


def references(collection: str, entity: Any) -> Iterator[tuple[str, str]]:
    """Every (path, id) an entity refers to."""
    for path in REFERENCES.get(collection, ()):
        for value in values_at(entity, path):
            if isinstance(value, str):
                yield path, value


def attachments(collection: str, entity: Any) -> list[str]:
    """The ids of what the entity is attached to."""
    return [
        value
        for path in ATTACHED.get(collection, ())
        for value in values_at(entity, path)
        if isinstance(value, str)
    ]


def renamed(collection: str, data: dict[str, Any], ids: Mapping[str, str]) -> dict[str, Any]:
    """A copy of an entity's JSON data with the references in ``ids`` (old -> new) renamed."""

    def rename(value: Any, rest: list[str]) -> Any:
        if isinstance(value, list):
            return [rename(item, rest) for item in value]
        if not rest:
            return ids.get(value, value) if isinstance(value, str) else value
        if not isinstance(value, dict) or rest[0] not in value:
            return value
        return {**value, rest[0]: rename(value[rest[0]], rest[1:])}

    for path in REFERENCES.get(collection, ()):
        data = rename(data, path.split("."))
    return data


def unknown_references(
    collection: str, entity: Any, known: Callable[[str, str], bool]
) -> list[tuple[str, str]]:
    """The (path, id) of every reference of ``entity`` that names nothing ``known``
    (``known(kind, id)``) in any collection it may name."""
    return [
        (path, value)
        for path, value in references(collection, entity)
        if not any(known(kind, value) for kind in targets(collection, path, entity))
    ]


def without_unknown(
    collection: str, data: dict[str, Any], known: Callable[[str, str], bool]
) -> dict[str, Any]:
    """A copy of an entity's JSON data whose references that name nothing ``known`` are
    cleared (a single id made null, a list of ids without it), except those that attach it
    (its cell, its touchpoint): what is pasted into another blueprint keeps only the links
    that blueprint can resolve."""

    def prune(value: Any, rest: list[str], kinds: tuple[str, ...]) -> Any:
        if isinstance(value, list):
            if not rest:
                return [v for v in value if any(known(k, v) for k in kinds)]
            return [prune(item, rest, kinds) for item in value]
        if not rest:
            return value if value is None or any(known(k, value) for k in kinds) else None
        if not isinstance(value, dict) or rest[0] not in value:
            return value
        return {**value, rest[0]: prune(value[rest[0]], rest[1:], kinds)}

    attached = ATTACHED.get(collection, ())
    for path, kinds in REFERENCES.get(collection, {}).items():
        if path not in attached and kinds is not NAMED_BY_COLLECTION:
            data = prune(data, path.split("."), kinds)
    return data
