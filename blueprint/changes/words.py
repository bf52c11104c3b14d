"""Entities, fields and values in the words a designer reads: "touchpoint 'Checks order
status' in Purchase / Website", "channel", "Website -> Mobile app".

Names come from the blueprint the value belongs to, so a reference reads as the name of
what it names (a stage, a channel, a touchpoint) and never as its id, unless the id names
nothing there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..model import Blueprint, Identified
from ..model.validation import COLLECTION_NOUNS
from .fields import BOOL, COLLECTIONS, DOCUMENT, ENUM, LIST, NUMBER, OBJECTS, REFERENCE, TEXT

#: How a field is called where its name alone would not read well.
LABELS = {
    "epic": "EPIC",
    "epic_letters": "EPIC letters",
    "persona_ids": "personas",
    "friction_ids": "friction points",
    "leads_to_channel_id": "leads to",
    "from_id": "from",
    "to_id": "to",
    "about_id": "about",
    "reply_to": "reply to",
    "parent_id": "parent",
    "kept_from": "kept from",
    "other_from": "other from",
    "at": "written at",
}
CLIP = 60


@cache
def label(path: str) -> str:
    """``future.stage_id`` -> "future stage", ``epic.easy`` -> "EPIC easy"."""
    words = []
    for part in path.split("."):
        if part in LABELS:
            words.append(LABELS[part])
        else:
            words.append(part.removesuffix("_ids").removesuffix("_id").replace("_", " "))
    return " ".join(words)


def noun(collection: str) -> str:
    return "blueprint" if collection == DOCUMENT else COLLECTION_NOUNS[collection]


def one_line(text: str, limit: int | None = CLIP) -> str:
    """Whitespace collapsed, clipped to ``limit`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    if limit is not None and len(text) > limit:
        return text[: limit - 1] + "…"
    return text


def number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}" if isinstance(value, float) else str(value)


class Names:
    """What every entity of one blueprint is called."""

    def __init__(self, bp: Blueprint) -> None:
        self.bp = bp
        self.entities: dict[str, tuple[str, Identified]] = {}
        for collection in COLLECTIONS:
            for entity in getattr(bp, collection):
                self.entities.setdefault(entity.id, (collection, entity))
        self._names: dict[str, str] = {}

    def of(self, entity_id: str) -> str:
        """The name of the entity with this id (the id itself if none has it)."""
        name = self._names.get(entity_id)
        if name is None:
            found = self.entities.get(entity_id)
            name = entity_id if found is None else self.name(*found)
            self._names[entity_id] = name
        return name

    def name(self, collection: str, entity: Any) -> str:
        """An entity's name, unquoted: its name or title, a flow's two ends, the first words
        of a quote or a comment."""
        naming = _NAMING.get(collection)
        if naming is not None:
            return naming(self, entity)
        return one_line(_get(entity, "name") or _get(entity, "title") or _get(entity, "id"))

    def cell(self, stage_id: str | None, channel_id: str | None) -> str:
        """ "Install / SMS"; a future cell's stage or channel not set is today's."""
        stage = self.of(stage_id) if stage_id else "today's stage"
        channel = self.of(channel_id) if channel_id else "today's channel"
        return f"{stage} / {channel}"

    def frequency(self, frequency: dict) -> str:
        """A frequency as one value: "20 a week (10 to 30), estimated, from measure
        'Calls'"."""
        count, per = frequency.get("count"), frequency.get("per")
        said = f"{number(count) if isinstance(count, int | float) else count} a {per}"
        low, high = frequency.get("low"), frequency.get("high")
        if low is not None and high is not None:
            said += f" ({number(low)} to {number(high)})"
        elif low is not None:
            said += f" (at least {number(low)})"
        elif high is not None:
            said += f" (at most {number(high)})"
        if frequency.get("source"):
            said += f", {frequency['source']}"
        if frequency.get("measure_id"):
            said += f", from {self.quoted(frequency['measure_id'])}"
        return said

    def where(self, collection: str, entity: Any, leaving: bool = False) -> str:
        """Where an entity sits: " in Install / SMS", " on 'Call'", or ""."""
        if collection == "touchpoints":
            prep = "from" if leaving else "in"
            return f" {prep} {self.cell(_get(entity, 'stage_id'), _get(entity, 'channel_id'))}"
        by = f" by {one_line(_get(entity, 'author'), 40)}" if collection == "comments" else ""
        if by and _get(entity, "reply_to"):
            # A reply read as a new thread: which thread it answers.
            by += f" in reply to '{self.of(_get(entity, 'reply_to'))}'"
        owner = next(
            (_get(entity, f) for f in _OWNER_FIELDS.get(collection, ()) if _get(entity, f)), None
        )
        if owner is None:
            return by
        if collection == "contact_reasons":
            return f" under '{self.of(owner)}'"
        return f"{by} on {self.quoted(owner)}"

    def quoted(self, entity_id: str) -> str:
        """ "touchpoint 'Call'" for the entity of an id, or its id quoted."""
        found = self.entities.get(entity_id)
        if found is None:
            return "the blueprint" if entity_id == DOCUMENT else f"'{entity_id}'"
        return f"{noun(found[0])} '{self.of(entity_id)}'"

    def value(self, kind: str, value: Any, item_kind: str = "", limit: int | None = CLIP) -> str:
        """A field's value in words."""
        if value is None:
            return "none"
        if kind == REFERENCE:
            return (
                ", ".join(self.of(v) for v in value) if isinstance(value, list) else self.of(value)
            )
        if kind == LIST:
            return ", ".join(self.value(item_kind, item, limit=limit) for item in value) or "none"
        if kind == OBJECTS:
            return "; ".join(self.item(item) for item in value) or "none"
        if kind == TEXT:
            return f"'{one_line(value, limit)}'" if value else "empty"
        if kind in (ENUM, NUMBER):
            return number(value) if kind == NUMBER else str(value)
        if kind == BOOL:
            return "yes" if value else "no"
        return one_line(json.dumps(value, ensure_ascii=False), limit)

    def item(self, item: Any) -> str:
        """An object in a list (a preferred channel): its values, ids as names."""
        if not isinstance(item, dict):
            return str(item)
        return " / ".join(self.of(v) if isinstance(v, str) else str(v) for v in item.values())


def _get(entity: Any, name: str) -> Any:
    if isinstance(entity, dict):
        return entity.get(name)
    if isinstance(entity, BaseModel) and name not in type(entity).model_fields:
        return None  # asked without pydantic's slow search for a missing attribute
    return getattr(entity, name, None)


#: The field naming what an entity is on, for "on 'Call'".
_OWNER_FIELDS = {
    "frictions": ("touchpoint_id",),
    "measures": ("touchpoint_id",),
    "evidence": ("about_id",),
    "comments": ("about_id",),
    "conflicts": ("entity_id",),
    "contact_reasons": ("parent_id",),
}


def _flow(names: Names, flow: Any) -> str:
    return f"{names.of(_get(flow, 'from_id'))} -> {names.of(_get(flow, 'to_id'))}"


def _said(names: Names, entity: Any) -> str:
    return one_line(_get(entity, "text"), 40)


def _conflict(names: Names, conflict: Any) -> str:
    field = _get(conflict, "field")
    return label(field) if field else "the whole entity"


_NAMING: dict[str, Callable[[Names, Any], str]] = {
    "flows": _flow,
    "evidence": _said,
    "comments": _said,
    "conflicts": _conflict,
}
