"""The top-level lists of a blueprint, read off the model once: their names in file order and
the class of their entities. Whoever walks every list (validation, diff and merge, the live
document's layout, the editor's index) takes them from here, so a new list is seen by all."""

from __future__ import annotations

import typing
from typing import Any, Literal, get_args

from .entities import Blueprint, Identified


def _entity_class(annotation: Any) -> type[Identified] | None:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, Identified):
            return item
    return None


#: Every top-level list of entities, in file order, with its entity class.
MODELS: dict[str, type[Identified]] = {
    name: cls
    for name, field in Blueprint.model_fields.items()
    if (cls := _entity_class(field.annotation)) is not None
}
COLLECTIONS: tuple[str, ...] = tuple(MODELS)

#: The same names as a type, for code that names one list: a test checks they agree.
Kind = Literal[
    "stages",
    "channels",
    "personas",
    "contact_reasons",
    "touchpoints",
    "flows",
    "frictions",
    "improvements",
    "measures",
    "evidence",
    "comments",
    "conflicts",
]
KINDS: tuple[Kind, ...] = get_args(Kind)
