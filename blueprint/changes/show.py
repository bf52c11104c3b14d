"""A blueprint as readable lines, one field a line, for people and for git.

``blueprint show FILE`` prints it; as git's ``textconv`` for ``.blueprint`` files it makes
``git diff`` and ``git log -p`` read as changes to named entities and fields rather than to
JSON. Every entity starts with a line naming it (git can show it in the hunk header), then
one line for each field that does not hold its default, references by name, lists one item
a line, long text in full. The same blueprint always gives the same lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Blueprint
from .conflicts import conflict_lines
from .fields import COLLECTIONS, DOCUMENT_FIELDS, LIST, OBJECTS, REFERENCE, TEXT, shape_of
from .words import Names, label, noun

INDENT = "  "
#: Fields said in the line that names the entity.
NAMING_FIELDS = ("id", "name", "title")


def blueprint_text(bp: Blueprint) -> str:
    return "\n".join(blueprint_lines(bp)) + "\n"


def blueprint_lines(bp: Blueprint) -> Iterator[str]:
    names = Names(bp)
    yield f"Blueprint '{_line(bp.title)}'"
    defaults = Blueprint.model_fields
    for name in DOCUMENT_FIELDS:
        value = getattr(bp, name)
        if name != "title" and value != defaults[name].default:
            yield from _field(label(name), TEXT, value, "", names)
    # What the file holds: the fields that differ from their defaults (one dump, as saving).
    held = bp.model_dump(mode="json", exclude_defaults=True)
    for collection in COLLECTIONS:
        entities = getattr(bp, collection)
        leaves = shape_of(collection).leaves()
        title = noun(collection).capitalize()
        for entity, data in zip(entities, held.get(collection, []), strict=True):
            yield ""
            yield f"{title} '{_line(names.name(collection, entity))}' (id {entity.id})"
            values = _leaves(data, {leaf.path for leaf in leaves})
            for leaf in leaves:
                if leaf.path in values and leaf.path not in NAMING_FIELDS:
                    value = values[leaf.path]
                    yield from _field(label(leaf.path), leaf.kind, value, leaf.item_kind, names)
            if collection == "conflicts":
                # Both values as the merge said them: a frequency or a cell is a whole value.
                (said,) = conflict_lines(bp, [entity])
                yield f"{INDENT}in words: {said}"


def _leaves(data: dict, paths: set[str], prefix: str = "") -> dict[str, Any]:
    """The values at the shape's leaves; a leaf holding a whole object (a conflict's kept
    value: a frequency, a cell) is one value, not taken apart (its parts named no field)."""
    found: dict[str, Any] = {}
    for key, value in data.items():
        path = prefix + key
        if isinstance(value, dict) and path not in paths:
            found |= _leaves(value, paths, f"{path}.")
        else:
            found[path] = value
    return found


def _line(text: str) -> str:
    return " ".join(str(text).split())


def _field(what: str, kind: str, value: Any, item_kind: str, names: Names) -> Iterator[str]:
    if kind in (LIST, OBJECTS) or (kind == REFERENCE and isinstance(value, list)):
        yield f"{INDENT}{what}:"
        for item in value or ():
            if kind == OBJECTS:
                shown = names.item(item)
            elif kind == REFERENCE:
                shown = names.of(item)
            else:
                shown = names.value(item_kind, item, limit=None)
            yield f"{INDENT * 2}- {_line(shown)}"
        return
    if kind == TEXT and isinstance(value, str):
        first, *rest = value.split("\n") if value else [""]
        yield f"{INDENT}{what}: {first}".rstrip()
        for line in rest:
            yield f"{INDENT * 2}{line}".rstrip()
        return
    yield f"{INDENT}{what}: {names.value(kind, value, limit=None)}"
