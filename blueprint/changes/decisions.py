"""What one merge decision is about: a field, or values that mean one thing together.

A merge takes each side's changes field by field, but some fields mean nothing apart: a
touchpoint's stage and channel are the cell it sits in (one side moving the card to another
column and the other to another row is one decision, not a card in a cell neither chose),
and a frequency's count is a count per its period, from its source, within its range, or
taken from its measure (20 a week is not 20 a month). Each such whole is merged, recorded as
one conflict and decided as one.

A decision has a path, as a conflict's ``field`` names it: a field's dotted path
(``title``, ``epic.easy``), a nested object that is one value (``frequency``,
``future.frequency``: the object as the file holds it), or a group of fields (``cell``,
``future.cell``: an object holding each field by name, ``{"stage_id": ..., "channel_id":
...}``). Conflicts recorded before these wholes were merged as one (``stage_id``,
``frequency.count``) still name plain fields and are decided as such.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..model import Frequency
from .fields import MODELS, Nested, Shape, shape_of

#: Fields that are one value together, by the path a conflict gives the whole: their values
#: are an object holding each field by its name.
GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "touchpoints": {
        "cell": ("stage_id", "channel_id"),
        "future.cell": ("future.stage_id", "future.channel_id"),
    },
}
#: Objects of the model that are one value wherever they are nested.
WHOLE: tuple[type[BaseModel], ...] = (Frequency,)


def name_of(path: str) -> str:
    """The last part of a dotted path: the field's own name."""
    return path.rpartition(".")[2]


def is_whole(field: Any) -> bool:
    """Whether a field of a shape is an object merged as one value."""
    return isinstance(field, Nested) and field.shape.model in WHOLE


@cache
def whole_model(collection: str, path: str) -> type[BaseModel] | None:
    """The model of the object merged as one value at ``path`` (None: there is none)."""
    if collection not in MODELS:
        return None
    shape = shape_of(collection)
    for part in path.split("."):
        field = next((f for f in shape.fields if name_of(f.path) == part), None)
        if not isinstance(field, Nested):
            return None
        if is_whole(field):
            return field.shape.model if field.path == path else None
        shape = field.shape
    return None


def group_members(collection: str, path: str) -> tuple[str, ...] | None:
    """The fields of the group a decision's path names (None: not a group)."""
    return GROUPS.get(collection, {}).get(path)


@cache
def decision_paths(collection: str) -> tuple[str, ...]:
    """Every decision of an entity of ``collection``, in the order of the model's fields (a
    group where its first field is)."""
    groups = GROUPS.get(collection, {})
    first = {members[0]: group for group, members in groups.items()}
    grouped = {member for members in groups.values() for member in members}
    paths: list[str] = []
    for path in _paths(shape_of(collection)):
        if path in first:
            paths.append(first[path])
        elif path not in grouped:
            paths.append(path)
    return tuple(paths)


def _paths(shape: Shape) -> list[str]:
    found: list[str] = []
    for field in shape.fields:
        if isinstance(field, Nested) and not is_whole(field):
            found += _paths(field.shape)
        else:
            found.append(field.path)
    return found


def decisions(collection: str, data: dict | None) -> dict[str, Any]:
    """The value of each decision of an entity given as JSON data (``None``: no entity,
    every value ``None``), by path, in the order of ``decision_paths``."""
    return {path: decision_value(collection, data, path) for path in decision_paths(collection)}


def decisions_of(collection: str, entity: BaseModel | None) -> dict[str, Any]:
    """``decisions`` of an entity of the model (``None``: every value ``None``)."""
    return decisions(collection, None if entity is None else entity.model_dump(mode="json"))


def decision_value(collection: str, data: dict | None, path: str) -> Any:
    """The value of the decision at ``path`` in an entity's data (a field of any depth, a
    whole, or a group)."""
    members = group_members(collection, path)
    if members is not None:
        return {name_of(m): _at(data, m) for m in members}
    return _at(data, path)


def _at(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def with_decision(collection: str, data: dict, path: str, value: Any) -> dict:
    """A copy of an entity's data with the decision at ``path`` given ``value``: each field
    of a group from the object's field of that name, a nested field with the objects that
    hold it made when they are null. Raises ``ValueError`` when a group's value is not an
    object of its fields."""
    data = copy.deepcopy(data)
    members = group_members(collection, path)
    if members is None:
        _put(data, path, value)
        return data
    if not isinstance(value, dict) or set(value) != {name_of(m) for m in members}:
        fields = ", ".join(name_of(m) for m in members)
        raise ValueError(f"the value of a {name_of(path)} must be an object of {fields}")
    for member in members:
        _put(data, member, value[name_of(member)])
    return data


def _put(data: dict, path: str, value: Any) -> None:
    *parents, name = path.split(".")
    holder = data
    for part in parents:
        if not isinstance(holder.get(part), dict):
            holder[part] = {}
        holder = holder[part]
    holder[name] = value
