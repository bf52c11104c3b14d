"""How a blueprint lies in a Yjs document (docs/collaboration.md, "The document layout").

- ``meta`` (Map): ``format`` = "blueprint", ``layout`` = 1, ``history``: the id of the
  room's history (see ``mapping.history_id``).
- ``properties`` (Map): the blueprint's own fields (``title``, ``description``,
  ``organisation``, ``currency``); a missing key holds the file format's default.
- one Map per collection of the file (``stages``, ``channels``, ... ``conflicts``): entity id
  -> a Map of that entity's fields, named as in the file. A nested object that is always
  there (a touchpoint's ``epic``, a friction point's ``frequency``) is spread over dotted
  keys (``epic.easy``, ``frequency.count``) so that two people editing two of its parts
  both win. Lists and optional objects (``persona_ids``, ``future``...) are one JSON text
  each. Numbers are Yjs numbers; a missing key holds the field's default. ``_order`` holds
  the entity's fractional order key (``order.py``).

Nothing here imports Qt; the module only turns entities into key/value pairs and back.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python

from ..model import (
    Blueprint,
    Identified,
)
from ..model.collections import KINDS, MODELS

META = "meta"
PROPERTIES = "properties"
ROOTS = (META, PROPERTIES, *KINDS)
#: The blueprint's own fields, kept in ``properties``.
PROPERTY_FIELDS = ("title", "description", "organisation", "currency")
ORDER_KEY = "_order"
LAYOUT_VERSION = 1
META_KEYS = ("format", "layout", "history")


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


_SCALAR, _JSON = object(), object()


class FieldPlan:
    """How one kind of entity's fields map onto keys of its Map."""

    def __init__(self, model: type[Identified]) -> None:
        self.model = model
        #: nested objects spread over dotted keys: field -> its model
        self.spread: dict[str, type[BaseModel]] = {}
        #: fields kept as JSON text: lists, optional objects, free JSON
        self.json_fields: set[str] = set()
        self.scalars: set[str] = set()
        for name, info in model.model_fields.items():
            if name == "id":
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
        for name, sub in self.spread.items():
            for part in sub.model_fields:
                self._roles[f"{name}.{part}"] = (name, part)
        self.keys = (
            self.scalars
            | self.json_fields
            | {f"{name}.{part}" for name, sub in self.spread.items() for part in sub.model_fields}
        )

    # --- entity -> keys ---------------------------------------------------------------------

    def encode(self, entity: Identified) -> dict[str, Any]:
        """The entity's keys, defaults left out (a missing key holds the default)."""
        data = entity.model_dump(mode="json", exclude_defaults=True, exclude={"id"})
        out: dict[str, Any] = {}
        for name, value in data.items():
            out.update(self.encode_field(name, value))
        return out

    def encode_field(self, name: str, value: Any) -> dict[str, Any]:
        """Keys (and their values) for one whole field given as JSON-able data."""
        value = to_jsonable_python(value)
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
        """The entity from its Map's keys; ``LayoutError`` when they do not make one."""
        return self.validate(entity_id, self.prepare(entity_id, raw))

    def prepare(self, entity_id: str, raw: dict[str, Any]) -> dict[str, Any]:
        """The entity's data as the file would hold it, from its Map's keys."""
        data: dict[str, Any] = {"id": entity_id}
        roles = self._roles
        for key, value in raw.items():
            role = roles.get(key)
            if role is None:
                if key.startswith("_"):
                    continue  # layout keys (the order)
                raise LayoutError(f"{self.model.noun} {entity_id!r} has no field {key!r}")
            if role is _SCALAR:
                data[key] = value
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


PLANS: dict[str, FieldPlan] = {kind: FieldPlan(model) for kind, model in MODELS.items()}


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
