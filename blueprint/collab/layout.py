"""How a blueprint lies in a Yjs document (docs/collaboration.md, "The document layout").

- ``meta`` (Map): ``format`` = "blueprint", ``layout``: the layout the room was seeded with
  (``LAYOUT_VERSION`` for rooms made now), ``history``: the id of the room's history (see
  ``mapping.history_id``).
- ``properties`` (Map): the blueprint's own fields (``title``, ``description``,
  ``organisation``, ``currency``); a missing key holds the file format's default.
- one Map per collection of the file (``stages``, ``channels``, ... ``conflicts``): entity id
  -> a Map of that entity's fields, named as in the file. A nested object that is always
  there (a touchpoint's ``epic``, a friction point's ``frequency``) is spread over dotted
  keys (``epic.easy``, ``frequency.count``) so that two people editing two of its parts
  both win. A list whose items each have their own id (``ID_SETS``: ``persona_ids``,
  ``friction_ids``, ``epic_letters``, ``brings_about``, and ``preferred_channels``, one per
  stage) is an **id set**: a nested Map of id -> its fractional order key (``order.py``; the
  list is in the order of (key, id)), or, for a list of objects, id -> a Map of the object's
  other fields and its order key (``_order``). So two people adding two links both win, a
  removal deletes one key, and two people adding the same id make one entry. Optional
  objects (``future``, a conflict's ``kept`` and ``other``) are one JSON text each. Numbers
  are Yjs numbers; a missing key holds the field's default. ``_order`` holds the entity's
  fractional order key.
- A removed entity keeps its Map, marked by a key ``_removed.<Yjs client id>`` (``True``) of
  each replica that removed it (``removal_key``); an entity with such a key is not there
  (``is_removed``). So an edit someone makes to it meanwhile goes into its Map, and when the
  remover undoes the removal (which deletes the mark), the entity comes back with that edit.
  When two people remove it, it stays removed until both have undone.

Layout 3 made the removal marks; layout 2 deleted a removed entity's Map (an edit made to
it meanwhile was lost, and undoing the removal brought back a Map without it), and a reader
of 3 reads a room of 2 as it was (it holds no marks; removals in it are marked from then on).
Layout 2 made the id sets; layout 1 held them as JSON text. A reader reads either form of an
id set (a room seeded by layout 1 keeps JSON text until a field is next written); a writer
writes the set form (``mapping.py`` converts a JSON-text field on its first write).

Nothing here imports Qt; the module only turns entities into key/value pairs and back.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python

from ..model import (
    Blueprint,
    Identified,
)
from ..model.collections import KINDS, MODELS
from .order import in_order, is_key, set_edits

META = "meta"
PROPERTIES = "properties"
ROOTS = (META, PROPERTIES, *KINDS)
#: The blueprint's own fields, kept in ``properties``.
PROPERTY_FIELDS = ("title", "description", "organisation", "currency")
ORDER_KEY = "_order"
#: 3: a removed entity keeps its Map, marked (2: its Map was deleted); 2: id sets are nested
#: Maps (1: JSON text). A reader of 3 reads rooms of 2 and 1.
LAYOUT_VERSION = 3
#: The start of a removal mark's key: ``_removed.`` and the Yjs client id of the remover.
REMOVED = "_removed."
META_KEYS = ("format", "layout", "history")


#: The lists kept as id sets, kind by kind: the lists whose items each have an id no other
#: item of the list has. A field names the id of its items: None for a list of plain values
#: that are their own ids (persona ids, friction point ids, EPIC letters), or the field of an
#: object that is (a persona's preferences: one per stage, so ``stage_id``).
ID_SETS: dict[str, dict[str, str | None]] = {
    "personas": {"preferred_channels": "stage_id"},
    "touchpoints": {"persona_ids": None},
    "improvements": {"friction_ids": None, "epic_letters": None, "brings_about": None},
}


def removal_key(client_id: int) -> str:
    """The key that marks an entity removed by the replica of ``client_id``."""
    return f"{REMOVED}{client_id}"


def is_removed(keys: Iterable[str]) -> bool:
    """Whether an entity's Map, given by its keys, holds a removal mark: it is not there."""
    return any(key.startswith(REMOVED) for key in keys)


class LayoutError(ValueError):
    """A value in the document that does not fit the layout (a bug, or a hostile peer)."""


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a field that always holds a nested object (not optional, not a list)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _is_optional_or_composite(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _is_optional_or_composite(get_args(annotation)[0])
    if origin in (list, dict, tuple, set):
        return True
    if origin in (typing.Union, types.UnionType):
        return any(
            _is_optional_or_composite(arg) or _nested_model(arg) is not None
            for arg in get_args(annotation)
            if arg is not type(None)
        )
    return False


_SCALAR, _JSON, _SET = object(), object(), object()


class FieldPlan:
    """How one kind of entity's fields map onto keys of its Map."""

    def __init__(self, model: type[Identified], sets: dict[str, str | None] | None = None) -> None:
        self.model = model
        #: nested objects spread over dotted keys: field -> its model
        self.spread: dict[str, type[BaseModel]] = {}
        #: lists kept as id sets (nested Maps): field -> the field that is an item's id (None:
        #: the item itself); an entry is id -> order key, or id -> a Map of the item's other
        #: fields and its order key (``_order``)
        self.sets: dict[str, str | None] = dict(sets or {})
        #: fields kept as JSON text: optional objects, free JSON (and any other list)
        self.json_fields: set[str] = set()
        self.scalars: set[str] = set()
        for name in self.sets:
            if typing.get_origin(_bare(model.model_fields[name].annotation)) is not list:
                raise TypeError(f"{model.__name__}.{name} is not a list: it cannot be an id set")
        for name, info in model.model_fields.items():
            if name == "id" or name in self.sets:
                continue
            nested = _nested_model(info.annotation)
            if nested is not None:
                self.spread[name] = nested
            elif _is_optional_or_composite(info.annotation) or name in ("kept", "other"):
                self.json_fields.add(name)
            else:
                self.scalars.add(name)
        self._many = TypeAdapter(list[model])
        #: key -> how to read it: a scalar, JSON text, or (field, part) of a spread object
        self._roles: dict[str, Any] = {name: _SCALAR for name in self.scalars}
        self._roles.update({name: _JSON for name in self.json_fields})
        self._roles.update({name: _SET for name in self.sets})
        for name, sub in self.spread.items():
            for part in sub.model_fields:
                self._roles[f"{name}.{part}"] = (name, part)
        self.keys = (
            self.scalars
            | self.json_fields
            | set(self.sets)
            | {f"{name}.{part}" for name, sub in self.spread.items() for part in sub.model_fields}
        )

    # --- entity -> keys ---------------------------------------------------------------------

    def encode(self, entity: Identified) -> dict[str, Any]:
        """The entity's keys, defaults left out (a missing key holds the default), except
        the id sets: each is there, empty or not (a ``dict``, to be written as a nested
        Map: ``set_entries``), so that two people adding the first two links of a new
        entity add them to the same set."""
        data = entity.model_dump(mode="json", exclude_defaults=True, exclude={"id"})
        out: dict[str, Any] = {name: {} for name in self.sets}
        for name, value in data.items():
            out.update(self.encode_field(name, value))
        return out

    def encode_field(self, name: str, value: Any) -> dict[str, Any]:
        """Keys (and their values) for one whole field given as JSON-able data; an id set
        is a ``dict`` for a new nested Map (``set_entries``)."""
        value = to_jsonable_python(value)
        if name in self.sets:
            return {name: self.set_entries(name, value or [])}
        if name in self.spread:
            parts = self.spread[name].model_fields
            given = value or {}
            return {f"{name}.{part}": given.get(part, parts[part].get_default()) for part in parts}
        if name in self.json_fields:
            return {name: json.dumps(value, ensure_ascii=False, separators=(",", ":"))}
        if name in self.scalars:
            return {name: value}
        raise LayoutError(f"{self.model.noun} has no field {name!r}")

    # --- keys -> entity ------------------------------------------------------------------------

    def decode(self, entity_id: str, raw: dict[str, Any]) -> Identified:
        """The entity from its Map's keys (marked removed or not); ``LayoutError`` when they
        do not make one."""
        data = self.prepare(entity_id, raw)
        assert data is not None
        return self.validate(entity_id, data)

    def prepare(
        self, entity_id: str, raw: dict[str, Any], hide_removed: bool = False
    ) -> dict[str, Any] | None:
        """The entity's data as the file would hold it, from its Map's keys; with
        ``hide_removed``, None for an entity marked removed."""
        data: dict[str, Any] = {"id": entity_id}
        roles = self._roles
        for key, value in raw.items():
            role = roles.get(key)
            if role is None:
                if key.startswith("_"):
                    if hide_removed and key.startswith(REMOVED):
                        return None
                    continue  # layout keys (the order, a removal mark)
                raise LayoutError(f"{self.model.noun} {entity_id!r} has no field {key!r}")
            if role is _SCALAR:
                data[key] = value
            elif role is _SET:
                data[key] = self._read_set(entity_id, key, value)
            elif role is _JSON:
                if not isinstance(value, str):
                    raise LayoutError(f"{self.model.noun} {entity_id!r}: {key!r} must be JSON text")
                try:
                    data[key] = json.loads(value)
                except ValueError:
                    raise LayoutError(
                        f"{self.model.noun} {entity_id!r}: {key!r} is not JSON"
                    ) from None
            else:
                head, part = role
                nested = data.get(head)
                if nested is None:
                    nested = data[head] = {}
                nested[part] = value
        if "frequency" in data:
            _order_range(data)
        return data

    def _read_set(self, entity_id: str, key: str, value: Any) -> Any:
        """An id set as a list: from its nested Map (as JSON), or from the JSON text of
        layout 1. The items themselves are checked by the model."""
        if isinstance(value, str):  # layout 1
            try:
                return json.loads(value)
            except ValueError:
                raise LayoutError(f"{self.model.noun} {entity_id!r}: {key!r} is not JSON") from None
        if not isinstance(value, dict):
            raise LayoutError(f"{self.model.noun} {entity_id!r}: {key!r} must be a map of ids")
        id_field = self.sets[key]
        orders: dict[str, str] = {}
        items: dict[str, Any] = {}
        for item_id, entry in value.items():
            order = entry if id_field is None else _get(entry, ORDER_KEY)
            if not is_key(order):
                raise LayoutError(
                    f"{self.model.noun} {entity_id!r}: {key!r} holds {item_id!r} "
                    "without an order key"
                )
            orders[item_id] = order
            if id_field is not None:
                if id_field in entry:
                    raise LayoutError(
                        f"{self.model.noun} {entity_id!r}: {key!r}: the {id_field} of "
                        f"{item_id!r} is its key, not a field"
                    )
                items[item_id] = {id_field: item_id, **_without_order(entry)}
        listed = in_order(orders)
        return listed if id_field is None else [items[item_id] for item_id in listed]

    # --- id sets ---------------------------------------------------------------------------

    def set_ids(self, name: str, items: list[Any], distinct: bool = True) -> list[str]:
        """The ids of a list's items (JSON data) in an id set; ``LayoutError`` when an item
        has none, or (``distinct``) when two items have the same."""
        id_field = self.sets[name]
        if id_field is None:
            ids = list(items) if all(isinstance(item, str) for item in items) else None
        elif all(isinstance(item, dict) and isinstance(item.get(id_field), str) for item in items):
            ids = [item[id_field] for item in items]
        else:
            ids = None
        if ids is None:
            raise LayoutError(f"{self.model.noun}'s {name}: an item without its id")
        if distinct and len(set(ids)) != len(ids):
            raise LayoutError(f"{self.model.noun}'s {name}: an id listed more than once")
        return ids

    def set_entries(self, name: str, items: list[Any]) -> dict[str, Any]:
        """A new id set holding ``items`` (JSON data), as a ``dict`` to be written as a
        nested Map: id -> order key, or id -> the item's other fields and its order key."""
        ids = self.set_ids(name, items)
        orders = set_edits({}, ids)[0]
        id_field = self.sets[name]
        if id_field is None:
            return orders
        return {
            item_id: {
                **{k: v for k, v in item.items() if k != id_field},
                ORDER_KEY: orders[item_id],
            }
            for item_id, item in zip(ids, items, strict=True)
        }

    def listed(self, name: str, value: Any) -> list[Any] | None:
        """The items of an id set that is not a nested Map: JSON text (layout 1), or no
        key (empty); None when it does not read as the list (the entity is hidden)."""
        if value is None:
            return []
        if not isinstance(value, str):
            return None
        try:
            items = json.loads(value)
        except ValueError:
            return None
        if not isinstance(items, list):
            return None
        try:
            self.set_ids(name, items)
        except LayoutError:
            return None
        return items

    def validate(self, entity_id: str, data: dict[str, Any]) -> Identified:
        try:
            # Lax: Yjs keeps every number as a double, so a whole 3.0 must read as the int 3.
            return self.model.model_validate(data, strict=False)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            raise LayoutError(f"{self.model.noun} {entity_id!r}: {where}: {first['msg']}") from None

    def validate_many(self, items: list[dict[str, Any]]) -> list[Identified]:
        try:
            return self._many.validate_python(items, strict=False)
        except ValidationError:
            raise LayoutError("some entity is invalid") from None


def _order_range(data: dict[str, Any]) -> None:
    """Two people setting a frequency's low and high count at once can leave low above high:
    the two are swapped, the same on every replica (docs/collaboration.md, rule 2)."""
    frequency = data.get("frequency")
    if not isinstance(frequency, dict):
        return
    low, high = frequency.get("low"), frequency.get("high")
    numbers = (int, float)
    if isinstance(low, numbers) and isinstance(high, numbers) and low > high:
        frequency["low"], frequency["high"] = high, low


def _get(entry: Any, key: str) -> Any:
    return entry.get(key) if isinstance(entry, dict) else None


def _without_order(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k != ORDER_KEY}


def _bare(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    return annotation


PLANS: dict[str, FieldPlan] = {
    kind: FieldPlan(model, ID_SETS.get(kind)) for kind, model in MODELS.items()
}


def decode_properties(raw: dict[str, Any]) -> dict[str, Any]:
    """The blueprint's own fields from ``properties``; ``LayoutError`` when one is invalid."""
    data = {k: v for k, v in raw.items() if k in PROPERTY_FIELDS}
    unknown = set(raw) - set(PROPERTY_FIELDS)
    if unknown:
        raise LayoutError(f"unknown blueprint properties: {sorted(unknown)}")
    try:
        Blueprint.model_validate(data, strict=False)
    except ValidationError as error:
        raise LayoutError(f"invalid blueprint properties: {error.errors()[0]['msg']}") from None
    return data
