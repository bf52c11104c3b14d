"""Reversible primitive changes and the undo command that applies a list of them.

A command is built from the document as it is when the user acts: it decides then every
primitive change it will make and keeps ids and values, never views or scene items. Redo
applies the changes in order and undo reverts them in reverse order, which puts every
removed entity back at the index it had.
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import ValidationError
from PySide6.QtGui import QUndoCommand

from ...model import Identified
from ...model.validation import problems_from_validation_error
from ..document import Document, Kind

_M = TypeVar("_M", bound=Identified)


class CommandError(ValueError):
    """The change asked for would break the document; the message says why, for a person.

    It is shown as it is, in the status bar or a dialog, so it reads as a sentence: its first
    letter is made a capital here, once, whoever raised it."""

    def __init__(self, message: str) -> None:
        super().__init__(message[:1].upper() + message[1:])
        #: the message as raised, to go after a colon: "Cannot remove the stage: <reason>"
        self.reason = message


class Change:
    """One primitive, reversible change to a document."""

    def apply(self, document: Document) -> None:
        raise NotImplementedError

    def revert(self, document: Document) -> None:
        raise NotImplementedError


@dataclass
class Insert(Change):
    kind: Kind
    index: int
    entity: Any

    def apply(self, document: Document) -> None:
        document.insert_entity(self.kind, self.index, self.entity)

    def revert(self, document: Document) -> None:
        document.remove_entity(self.kind, self.entity.id)


def insert_new(document: Document, kind: Kind, entity: Identified) -> Insert:
    """The change that adds a new entity (built by the caller, with a new id) last in its
    collection; CommandError when the id is used already."""
    if document.get(kind, entity.id) is not None:
        raise CommandError(f"the id {entity.id!r} is already used")
    return Insert(kind, len(getattr(document.blueprint, kind)), entity)


@dataclass
class Remove(Change):
    kind: Kind
    entity_id: str
    # Captured when applied: the removed entity and where it was, to put it back.
    index: int = -1
    entity: Any = None

    def apply(self, document: Document) -> None:
        self.index, self.entity = document.remove_entity(self.kind, self.entity_id)

    def revert(self, document: Document) -> None:
        document.insert_entity(self.kind, self.index, self.entity)


@dataclass
class SetField(Change):
    kind: Kind
    entity_id: str
    path: str
    old: Any
    new: Any

    def __post_init__(self) -> None:
        # Own copies: a list taken from the model must not change with it.
        self.old = copy.deepcopy(self.old)
        self.new = copy.deepcopy(self.new)

    def apply(self, document: Document) -> None:
        document.set_field(self.kind, self.entity_id, self.path, self.new)

    def revert(self, document: Document) -> None:
        document.set_field(self.kind, self.entity_id, self.path, self.old)


@dataclass
class SetProperty(Change):
    """One of the blueprint's own fields (title, currency...), not an entity's."""

    path: str
    old: Any
    new: Any

    def apply(self, document: Document) -> None:
        document.set_property(self.path, self.new)

    def revert(self, document: Document) -> None:
        document.set_property(self.path, self.old)


@dataclass
class Reorder(Change):
    kind: Kind
    entity_id: str
    old_index: int
    new_index: int

    def apply(self, document: Document) -> None:
        document.move_entity(self.kind, self.entity_id, self.new_index)

    def revert(self, document: Document) -> None:
        document.move_entity(self.kind, self.entity_id, self.old_index)


@dataclass(frozen=True)
class Placement:
    """Where a touchpoint is: its cell, and its index in the document's touchpoint list."""

    stage_id: str
    channel_id: str
    index: int


@dataclass
class Place(Change):
    touchpoint_id: str
    old: Placement
    new: Placement

    def apply(self, document: Document) -> None:
        self._put(document, self.new)

    def revert(self, document: Document) -> None:
        self._put(document, self.old)

    def _put(self, document: Document, where: Placement) -> None:
        document.move_touchpoint(self.touchpoint_id, where.stage_id, where.channel_id, where.index)


class BlueprintCommand(QUndoCommand):
    """An undoable change made of primitive changes; ``edited`` fires once per redo/undo."""

    def __init__(self, document: Document, text: str, changes: Sequence[Change]) -> None:
        super().__init__(text)
        # Weak: the document's undo stack owns its commands, and a command holding its
        # document strongly would make a cycle through Qt objects. Such a cycle is freed by
        # the garbage collector in any order, and Qt then deletes commands whose Python side
        # is already gone: a crash. Without the cycle a document goes when its last user does.
        self._document_ref = weakref.ref(document)
        self._changes = list(changes)
        if not self._changes:
            # Nothing to do: QUndoStack.push drops an obsolete command without running it.
            self.setObsolete(True)

    @property
    def changes(self) -> list[Change]:
        return self._changes

    @property
    def _document(self) -> Document:
        document = self._document_ref()
        if document is None:
            raise RuntimeError("the document of this command was closed")
        return document

    def redo(self) -> None:
        with self._document.batch():
            for change in self._changes:
                change.apply(self._document)

    def undo(self) -> None:
        with self._document.batch():
            for change in reversed(self._changes):
                change.revert(self._document)


def quoted(text: str, limit: int = 40) -> str:
    """A name for a command's text: one line, clipped, in quotes."""
    text = " ".join(text.split())
    return "'" + (text if len(text) <= limit else text[: limit - 1] + "…") + "'"


def build(model: type[_M], **fields: Any) -> _M:
    """A new entity from the user's values; CommandError (in words) when one is invalid."""
    try:
        return model(**fields)
    except ValidationError as error:
        problem = problems_from_validation_error(error.errors(), None)[0]
        field = f"{problem.field} " if problem.field else ""
        raise CommandError(f"The {model.noun}'s {field}{problem.message}") from None


def push_checked(
    document: Document, make: Callable[[], QUndoCommand], refused: Callable[[str], object]
) -> QUndoCommand | None:
    """Make a command and push it. A refusal (``CommandError``) is told to ``refused`` in
    words and nothing is pushed: the one way a panel turns a user's action into an edit."""
    try:
        command = make()
    except CommandError as error:
        refused(str(error))
        return None
    document.push(command)
    return command
