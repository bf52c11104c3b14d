"""The whole blueprint made another as one undo step: what a merge or a reload from the
editor does, so that Undo takes it back.

The step is the difference between the two, entity by entity (matched by id): what is new
is added, fields that differ are set, what is gone is removed, and each list is put in the
new order. New entities go in first (in the order of the lists, so what they name is there
before them), then changed fields, then removals (what depends on an entity before it): no
step in between names something that is not there, which the views, reading along, rely on.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import Blueprint, Touchpoint
from ..document import KINDS, Document
from .base import (
    BlueprintCommand,
    Change,
    Insert,
    Place,
    Placement,
    Remove,
    Reorder,
    SetField,
    SetProperty,
)

#: The blueprint's own fields, which no list holds.
PROPERTIES = ("title", "description", "organisation", "currency")
_CELL = ("stage_id", "channel_id")


def replacement_changes(document: Document, new: Blueprint) -> list[Change]:
    """The primitive changes that make the document's blueprint ``new`` (copied)."""
    old = document.blueprint
    new = new.model_copy(deep=True)
    changes: list[Change] = []
    # What each list holds as the changes go: to know the index each change sees.
    lists = {kind: [e.id for e in getattr(old, kind)] for kind in KINDS}
    for kind in KINDS:
        for entity in getattr(new, kind):
            if document.get(kind, entity.id) is None:
                changes.append(Insert(kind, len(lists[kind]), entity))
                lists[kind].append(entity.id)
    for kind in KINDS:
        for entity in getattr(new, kind):
            before = document.get(kind, entity.id)
            if before is not None:
                changes += _field_changes(kind, before, entity, lists[kind].index(entity.id))
    for name in PROPERTIES:
        if getattr(old, name) != getattr(new, name):
            changes.append(SetProperty(name, getattr(old, name), getattr(new, name)))
    for kind in reversed(KINDS):
        kept = {e.id for e in getattr(new, kind)}
        # Last first: a reply goes before the comment that starts its thread.
        for entity_id in reversed(list(lists[kind])):
            if entity_id not in kept:
                changes.append(Remove(kind, entity_id))
                lists[kind].remove(entity_id)
    for kind in KINDS:
        changes += _reordering(kind, lists[kind], [e.id for e in getattr(new, kind)])
    return changes


def _field_changes(kind: str, before, after, index: int) -> list[Change]:
    changes: list[Change] = []
    for name in type(after).model_fields:
        if name == "id" or getattr(before, name) == getattr(after, name):
            continue
        if isinstance(after, Touchpoint) and name in _CELL:
            continue  # a move, below: the canvas follows it as one
        changes.append(SetField(kind, after.id, name, getattr(before, name), getattr(after, name)))  # type: ignore[arg-type]
    if isinstance(after, Touchpoint) and any(
        getattr(before, name) != getattr(after, name) for name in _CELL
    ):
        was = Placement(before.stage_id, before.channel_id, index)
        changes.append(Place(after.id, was, Placement(after.stage_id, after.channel_id, index)))
    return changes


def _reordering(kind: str, current: list[str], wanted: list[str]) -> list[Change]:
    changes: list[Change] = []
    order = list(current)
    for index, entity_id in enumerate(wanted):
        at = order.index(entity_id)
        if at != index:
            order.insert(index, order.pop(at))
            changes.append(Reorder(kind, entity_id, at, index))  # type: ignore[arg-type]
    return changes


class ReplaceBlueprint(BlueprintCommand):
    """Make the document's blueprint ``blueprint``, in one undo step named ``text``.

    ``follow`` is told after each redo (True) and undo (False): what the editor knows of the
    file outside the document (a reload's or a merge's bytes on disk) goes with the step."""

    def __init__(
        self,
        document: Document,
        blueprint: Blueprint,
        text: str,
        follow: Callable[[bool], None] | None = None,
    ) -> None:
        super().__init__(document, text, replacement_changes(document, blueprint))
        self._follow = follow

    def redo(self) -> None:
        super().redo()
        if self._follow is not None:
            self._follow(True)

    def undo(self) -> None:
        super().undo()
        if self._follow is not None:
            self._follow(False)
