"""The model seen generically: its collections, their entity classes, and the shape of each
entity's fields, so that diff and merge cover a field added to the model without being told.

An entity is handled as its JSON data (``model_dump(mode="json")``); its *shape* says, field
by field, which fields are nested objects (walked sub-field by sub-field, dotted paths such
as ``frequency.count``) and what kind of value every other field holds.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Literal, Union

from pydantic import BaseModel

from ..model import Blueprint

# Re-exported: diff and merge read the lists of the model through this module.
from ..model.collections import COLLECTIONS as COLLECTIONS
from ..model.collections import MODELS as MODELS
from ..model.validation import DOCUMENT_CONFLICT
from .references import is_reference

#: The kinds of a leaf value, as diff and show put them in words.
TEXT, ENUM, NUMBER, BOOL, REFERENCE, LIST, OBJECTS, JSON = (
    "text",
    "enum",
    "number",
    "bool",
    "reference",
    "list",
    "objects",
    "json",
)


#: The blueprint's own fields (title, currency...), without the format marker and version.
DOCUMENT_FIELDS: tuple[str, ...] = tuple(
    name
    for name in Blueprint.model_fields
    if name not in MODELS and name not in ("format", "schema_version")
)
#: How a conflict on a field of the blueprint itself names what it is about.
DOCUMENT = DOCUMENT_CONFLICT


@dataclass(frozen=True, slots=True)
class Leaf:
    """A field holding one value: its dotted path and what kind of value it is."""

    path: str
    kind: str
    item_kind: str = ""  # for a list: what its items are


@dataclass(frozen=True, slots=True)
class Nested:
    """A field holding an object of the model, walked field by field."""

    path: str
    shape: Shape
    optional: bool  # the field may be null rather than an object


@dataclass(frozen=True, slots=True)
class Shape:
    model: type[BaseModel]
    fields: tuple[Leaf | Nested, ...]

    def leaves(self) -> tuple[Leaf, ...]:
        found: list[Leaf] = []
        for field in self.fields:
            if isinstance(field, Nested):
                found += field.shape.leaves()
            else:
                found.append(field)
        return tuple(found)


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``Annotated[...]`` and ``X | None``, and whether None is allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                return Any, optional
            annotation = args[0]
        else:
            return annotation, optional


def _kind(annotation: Any, collection: str, path: str) -> str:
    if is_reference(collection, path):
        return REFERENCE
    if typing.get_origin(annotation) is Literal:
        return ENUM
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return ENUM
        if issubclass(annotation, bool):
            return BOOL
        if issubclass(annotation, int | float):
            return NUMBER
        if issubclass(annotation, str):
            return TEXT
    return JSON


@cache
def shape_of(collection: str, model: type[BaseModel] | None = None, prefix: str = "") -> Shape:
    """The shape of an entity of ``collection`` (or of a nested ``model`` at ``prefix``)."""
    model = model or MODELS[collection]
    fields: list[Leaf | Nested] = []
    for name, info in model.model_fields.items():
        path = prefix + name
        inner, optional = _strip(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            fields.append(Nested(path, shape_of(collection, inner, path + "."), optional))
        elif typing.get_origin(inner) is list:
            (item,) = typing.get_args(inner)
            item, _ = _strip(item)
            if isinstance(item, type) and issubclass(item, BaseModel):
                fields.append(Leaf(path, OBJECTS))
            else:
                fields.append(Leaf(path, LIST, _kind(item, collection, path)))
        else:
            fields.append(Leaf(path, _kind(inner, collection, path)))
    return Shape(model, tuple(fields))


def data_of(entity: BaseModel) -> dict[str, Any]:
    """An entity as the JSON data the file holds (every field, defaults included)."""
    return entity.model_dump(mode="json")


def flat(shape: Shape, data: dict[str, Any] | None) -> dict[str, Any]:
    """Every leaf of ``data`` by its dotted path; a null object gives null leaves, so two
    versions of an entity always have the same paths."""
    found: dict[str, Any] = {}
    for field in shape.fields:
        name = field.path.rpartition(".")[2]
        value = None if data is None else data.get(name)
        if isinstance(field, Nested):
            found |= flat(field.shape, value)
        else:
            found[field.path] = value
    return found
