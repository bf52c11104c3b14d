"""The open blueprint: the model, its undo stack, its file, and signals for the views.

Edits flow command -> document -> signal -> view. Views read the document and push
commands on ``undo_stack``; only commands call the primitive mutation methods at the end of
this class. Every primitive emits the finest signal that describes its change, and setters
compare before they emit, so a view reacting to a signal never causes another one.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import isValid

from ..model import Blueprint, Flow, Friction, Identified, Touchpoint
from ..model.collections import KINDS, Kind
from ..model.templates import new_blueprint
from ..storage import EXTENSION, save_blueprint
from .folders import documents_folder


class Document(QObject):
    """One open blueprint. Read it freely; change it only by pushing commands."""

    #: The whole blueprint was replaced (new, open): views rebuild from scratch.
    documentReset = Signal()
    touchpointAdded = Signal(str)
    touchpointRemoved = Signal(str)
    #: A field of the touchpoint changed (title, lanes, EPIC, emotion, personas...).
    touchpointChanged = Signal(str)
    #: The touchpoint changed cell or its place within its cell.
    touchpointMoved = Signal(str)
    #: A friction point of this touchpoint was added, removed or edited.
    frictionsChanged = Signal(str)
    flowsChanged = Signal()
    #: Stages or channels were added, removed, reordered or edited.
    structureChanged = Signal()
    personasChanged = Signal()
    improvementsChanged = Signal()
    contactReasonsChanged = Signal()
    #: A measure of this touchpoint ('' for the whole blueprint) was added, removed or edited.
    measuresChanged = Signal(str)
    #: Evidence about this touchpoint or friction point was added, removed or edited.
    evidenceChanged = Signal(str)
    #: A comment about this entity was added, removed or edited.
    commentsChanged = Signal(str)
    #: A merge conflict was added, removed or edited.
    conflictsChanged = Signal()
    #: the blueprint's own fields changed: title, organisation, description, currency
    propertiesChanged = Signal()
    #: One whole change is complete (a command's redo or undo): the moment to relayout.
    edited = Signal()
    #: True when there are changes not saved to the file.
    modifiedChanged = Signal(bool)
    pathChanged = Signal()
    #: A command was pushed and done: its primitive changes (for the live binding), and
    #: whether it can merge with the next (a field being typed in).
    commandPushed = Signal(object, bool)

    def __init__(
        self,
        blueprint: Blueprint | None = None,
        path: Path | str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._blueprint = blueprint if blueprint is not None else new_blueprint()
        self._path = Path(path) if path is not None else None
        #: The file a blueprint never saved was read from (a workbook): where it is saved.
        self._origin: Path | None = None
        self._undo_stack = QUndoStack(self)
        self._undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._batch_depth = 0
        self._by_id: dict[str, dict[str, Identified]] = {}
        self._reindex()

    # --- reading ------------------------------------------------------------------------

    @property
    def blueprint(self) -> Blueprint:
        """The model, for reading. Never assign to it: push a command instead."""
        return self._blueprint

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo_stack

    @property
    def path(self) -> Path | None:
        return self._path

    def folder(self, otherwise: Path | None = None) -> str:
        """Where a file dialog about this blueprint starts: its folder; for a blueprint
        never saved, the folder of the file it was read from, else ``otherwise`` (the last
        blueprint's folder, for Open), else Documents (or home) (the dialogs started in the
        program's working folder)."""
        if self._path is not None:
            return str(self._path.parent)
        if self._origin is not None:
            return str(self._origin.parent)
        return str(otherwise if otherwise is not None else documents_folder())

    def untitled_path(self, name: str) -> Path:
        """Where Save As proposes to save a blueprint never saved: beside the file it was
        read from and named like it (a workbook exported from a shared file goes back over
        it, the dialog asking first), else ``name`` in ``folder()``."""
        if self._origin is not None:
            return self._origin.with_suffix(EXTENSION)
        return Path(self.folder()) / name

    def is_modified(self) -> bool:
        return not self._undo_stack.isClean()

    def get(self, kind: Kind, entity_id: str) -> Any | None:
        return self._by_id[kind].get(entity_id)

    def entity(self, kind: Kind, entity_id: str) -> Any:
        """The entity with this id; KeyError when the document has none."""
        return self._by_id[kind][entity_id]

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        return self.entity("touchpoints", touchpoint_id)

    def index_of(self, kind: Kind, entity_id: str) -> int:
        target = self.entity(kind, entity_id)
        return next(i for i, e in enumerate(self._items(kind)) if e is target)

    def cell_touchpoints(self, stage_id: str, channel_id: str) -> list[Touchpoint]:
        """The touchpoints of one cell, in their order in the cell."""
        return [
            tp
            for tp in self._blueprint.touchpoints
            if tp.stage_id == stage_id and tp.channel_id == channel_id
        ]

    def frictions_of(self, touchpoint_id: str) -> list[Friction]:
        return [f for f in self._blueprint.frictions if f.touchpoint_id == touchpoint_id]

    def flows_of(self, touchpoint_id: str) -> list[Flow]:
        return [f for f in self._blueprint.flows if touchpoint_id in (f.from_id, f.to_id)]

    # --- whole-document operations --------------------------------------------------------

    def push(self, command: QUndoCommand) -> None:
        """Do a change and make it undoable."""
        # Taken before the push: a command that merges into the one below is deleted by it.
        changes = list(getattr(command, "changes", ()))
        mergeable = command.id() != -1
        self._undo_stack.push(command)
        self.commandPushed.emit(changes, mergeable)

    def reset(
        self, blueprint: Blueprint, path: Path | str | None = None, origin: Path | None = None
    ) -> None:
        """Replace the whole blueprint (new, open); the undo history starts again. A
        blueprint with no ``path`` may have an ``origin``: the file it was read from (a
        workbook), which it is saved nowhere yet: it starts as unsaved work, or closing it
        right away lost it without a word."""
        self._undo_stack.clear()
        self._blueprint = blueprint
        self._reindex()
        self._origin = origin if path is None else None
        self.set_path(path)
        self._undo_stack.setClean()
        if self._origin is not None:
            self._undo_stack.resetClean()
        self.documentReset.emit()
        self.edited.emit()

    def set_path(self, path: Path | str | None) -> None:
        new = Path(path) if path is not None else None
        if new != self._path:
            self._path = new
            self.pathChanged.emit()

    def save(self, path: Path | str | None = None) -> None:
        """Write the file (to ``path``, or where it came from); raises ``SaveError``."""
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("the document has no file yet: give a path")
        save_blueprint(self._blueprint, target)
        self.set_path(target)
        self._undo_stack.setClean()

    def forget_history(self) -> None:
        """Drop every undo step; the document stays as modified as it was. Clearing the
        stack passes through "clean" on its way: unsaved work would look saved for an
        instant, and the autosave would take that as the cue to delete its recovery file."""
        modified = self.is_modified()
        self._undo_stack.cleanChanged.disconnect(self._on_clean_changed)
        try:
            self._undo_stack.clear()
            if modified:
                self._undo_stack.resetClean()
        finally:
            self._undo_stack.cleanChanged.connect(self._on_clean_changed)

    def __del__(self) -> None:
        # Python's garbage collector takes apart an unreachable group of objects in any
        # order. If it frees the undo stack's Python side first, that frees the commands,
        # and Qt later deletes them again from ~QUndoStack: a crash. Finalizers run before
        # anything is taken apart, so the commands are deleted here, once, while all is whole.
        stack = getattr(self, "_undo_stack", None)
        if stack is not None and isValid(stack):
            stack.blockSignals(True)  # nothing may react to a document going away
            stack.clear()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # --- primitive mutations: for commands only ------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group primitives into one change: ``edited`` is emitted once, at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self.edited.emit()

    def insert_entity(self, kind: Kind, index: int, entity: Identified) -> None:
        if entity.id in self._by_id[kind]:
            raise ValueError(f"{kind} already holds id {entity.id!r}")
        with self.batch():
            self._items(kind).insert(index, entity)
            self._by_id[kind][entity.id] = entity
            self._emit_added(kind, entity)

    def remove_entity(self, kind: Kind, entity_id: str) -> tuple[int, Identified]:
        """Remove an entity; returns its index and itself, to put it back on undo."""
        with self.batch():
            index = self.index_of(kind, entity_id)
            entity = self._items(kind).pop(index)
            del self._by_id[kind][entity_id]
            self._emit_removed(kind, entity)
        return index, entity

    def move_entity(self, kind: Kind, entity_id: str, index: int) -> None:
        """Reorder: the entity ends at ``index`` of its list."""
        old = self.index_of(kind, entity_id)
        if old == index:
            return
        with self.batch():
            items = self._items(kind)
            items.insert(index, items.pop(old))
            if kind == "touchpoints":
                self.touchpointMoved.emit(entity_id)
            else:
                self._emit_changed(kind, self.entity(kind, entity_id))

    def set_field(self, kind: Kind, entity_id: str, path: str, value: Any) -> bool:
        """Set one field (``path`` may be dotted: ``epic.easy``); False when it was equal."""
        entity = self.entity(kind, entity_id)
        *parents, name = path.split(".")
        owner = entity
        for part in parents:
            owner = getattr(owner, part)
        if getattr(owner, name) == value:
            return False
        with self.batch():
            # A copy, so a value held by a command is never shared with the model.
            setattr(owner, name, copy.deepcopy(value))
            self._emit_changed(kind, entity)
        return True

    def set_property(self, name: str, value: Any) -> bool:
        """Set one of the blueprint's own fields; False when it was equal."""
        if getattr(self._blueprint, name) == value:
            return False
        with self.batch():
            setattr(self._blueprint, name, copy.deepcopy(value))
            self.propertiesChanged.emit()
        return True

    def move_touchpoint(
        self, touchpoint_id: str, stage_id: str, channel_id: str, index: int
    ) -> None:
        """Put a touchpoint in a cell, at ``index`` of the touchpoint list without it.

        Cell order is document order, so the list index decides the place in the cell.
        """
        touchpoints = self._blueprint.touchpoints
        old = self.index_of("touchpoints", touchpoint_id)
        tp = touchpoints[old]
        if (tp.stage_id, tp.channel_id, old) == (stage_id, channel_id, index):
            return
        with self.batch():
            touchpoints.insert(index, touchpoints.pop(old))
            tp.stage_id = stage_id
            tp.channel_id = channel_id
            self.touchpointMoved.emit(touchpoint_id)
            # Flows to and from it may have become (or stopped being) channel switches.
            if self.flows_of(touchpoint_id):
                self.flowsChanged.emit()

    # --- internals ---------------------------------------------------------------------------

    def _items(self, kind: Kind) -> list:
        return getattr(self._blueprint, kind)

    def _reindex(self) -> None:
        self._by_id = {kind: {e.id: e for e in self._items(kind)} for kind in KINDS}

    def _emit_added(self, kind: Kind, entity: Identified) -> None:
        if kind == "touchpoints":
            self.touchpointAdded.emit(entity.id)
        else:
            self._emit_changed(kind, entity)

    def _emit_removed(self, kind: Kind, entity: Identified) -> None:
        if kind == "touchpoints":
            self.touchpointRemoved.emit(entity.id)
        else:
            self._emit_changed(kind, entity)

    def _emit_changed(self, kind: Kind, entity: Identified) -> None:
        if kind == "touchpoints":
            self.touchpointChanged.emit(entity.id)
        elif kind == "frictions":
            self.frictionsChanged.emit(entity.touchpoint_id)  # type: ignore[attr-defined]
        elif kind == "flows":
            self.flowsChanged.emit()
        elif kind in ("stages", "channels"):
            self.structureChanged.emit()
        elif kind == "personas":
            self.personasChanged.emit()
        elif kind == "improvements":
            self.improvementsChanged.emit()
        elif kind == "measures":
            self.measuresChanged.emit(entity.touchpoint_id or "")  # type: ignore[attr-defined]
        elif kind == "evidence":
            self.evidenceChanged.emit(entity.about_id)  # type: ignore[attr-defined]
        elif kind == "comments":
            self.commentsChanged.emit(entity.about_id)  # type: ignore[attr-defined]
        elif kind == "conflicts":
            self.conflictsChanged.emit()
        else:
            self.contactReasonsChanged.emit()
