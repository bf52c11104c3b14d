"""One window's document bound to a ``LiveSession``: local commands out, the room's state in.

- Out: every command pushed on the document (``Document.commandPushed``) becomes one
  ``session.edit()`` of the same changes as collab primitives. A field being typed in
  (a command that merges with the next) is held until the typing pauses, so that the
  shared undo takes the whole word back, as the editor's own undo does.
- In: the session's events arrive on its thread and are re-emitted here as a queued signal.
  The document is then brought to the session's latest blueprint through Document's
  primitive mutation methods (never the undo stack), with the primitives between the two
  (``changes_between``). Taking the *latest* state, not the event's, matters: a queued
  event may be older than an edit the user made since, and must not take that edit back.
  Every local edit has reached the session by then (held typing is sent first), so the
  difference is exactly what others did, or what the user's shared undo did; an own edit
  comes back as no difference at all, so nothing is echoed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from ...changes import diff_blueprints
from ...changes.words import label
from ...collab.client import Status
from ...collab.primitives import (
    InsertEntity,
    MoveEntity,
    PlaceTouchpoint,
    Primitive,
    RemoveEntity,
    SetDocumentProperty,
    SetEntityField,
    changes_between,
)
from ...collab.session import (
    Changed,
    GoneWithRemoval,
    LiveSession,
    OfflineEditsMerged,
    Peer,
    PresenceChanged,
    Reloaded,
    StatusChanged,
    User,
    ValueReplaced,
)
from ...model import Blueprint
from ...model.validation import COLLECTION_NOUNS
from ..canvas.scene import BlueprintScene
from ..commands.base import quoted
from ..comments.conflict_words import value_words
from ..document import Document
from .mapping import UnknownChange, merge_key, to_primitives

log = logging.getLogger(__name__)

#: Typing in one field is sent when it pauses this long (or when anything else happens).
TYPING_PAUSE_MS = 400

#: How each connection state reads in the status bar.
STATE_WORDS = {
    Status.CONNECTING: "connecting…",
    Status.ONLINE: "live",
    Status.OFFLINE: "offline, reconnecting…",
    Status.REFUSED: "refused",
    Status.ENDED: "ended",
    Status.CLOSED: "offline",
}


class LiveBinding(QObject):
    #: an event of the session, on its thread; connected queued to ``_on_event``
    _arrived = Signal(object)
    #: the connection state (a key of STATE_WORDS) and its detail
    statusChanged = Signal(str, str)
    peersChanged = Signal(list)
    #: something the user is told in the status bar
    told = Signal(str)
    #: work of the user's that did not stay (someone's value won, someone's removal took
    #: it): told until the next message, not for seconds (read ten seconds late, it was gone)
    toldLoss = Signal(str)
    #: the server refused us for good: why, in words
    refused = Signal(str)
    #: the host ended the session: why, in words
    ended = Signal(str)

    def __init__(self, document: Document, scene: BlueprintScene, parent: QObject) -> None:
        super().__init__(parent)
        self._document = document
        self._scene = scene
        self._session: LiveSession | None = None
        self._applying = False
        #: joined a room: the document becomes the room's blueprint at the first sync
        self._adopt_room = False
        self._held: list[Primitive] = []
        self._held_keys: list[tuple | None] = []
        #: "Undid" or "Redid" while the room's answer to an undo is on its way: the next
        #: sync names what changed (the undo of an edit someone replaced undoes an older
        #: one, elsewhere, and "Undid your last change" said nothing of it)
        self._undoing: str | None = None
        self._joined_file: Path | None = None
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.flush)
        self._arrived.connect(self._on_event)  # queued: emitted on the session's thread
        document.commandPushed.connect(self._on_command)
        scene.selectionChanged.connect(self._on_selection)

    # --- lifetime ---------------------------------------------------------------------------

    @property
    def session(self) -> LiveSession | None:
        return self._session

    @property
    def applying(self) -> bool:
        """True while the room's changes are being put into the document."""
        return self._applying

    @property
    def active(self) -> bool:
        return self._session is not None

    def start(
        self,
        server: str,
        room: str,
        token: str,
        user: User,
        share: bool,
        joined_file: Path | None = None,
    ) -> None:
        """Share the document into ``room`` (``share``), or join the room's blueprint, kept
        in ``joined_file`` when this user saved it there before (else untitled)."""
        self.stop()
        self._adopt_room = not share
        self._joined_file = joined_file
        blueprint = self._document.blueprint.model_copy(deep=True) if share else None
        self._session = LiveSession(server, room, token, user, self._arrived.emit, share=blueprint)
        self._session.start()

    def stop(self) -> None:
        session, self._session = self._session, None
        self._typing.stop()
        self._held, self._held_keys = [], []
        if session is not None:
            session.close()

    # --- local edits out --------------------------------------------------------------------

    def _on_command(self, changes: list, mergeable: bool) -> None:
        if self._session is None or self._applying:
            return
        try:
            primitives = to_primitives(changes)
        except UnknownChange:
            log.exception("a command the live session cannot share; sending the difference")
            self.flush()
            self._send_difference()
            return
        keys = [merge_key(p) for p in primitives]
        if mergeable and primitives and None not in keys:
            if keys != self._held_keys:
                self.flush()
            else:  # the latest value of each field, replacing what the first one replaced
                primitives = [_since(p, h) for p, h in zip(primitives, self._held, strict=True)]
            self._held, self._held_keys = primitives, keys
            self._typing.start()
            return
        self.flush()
        self._send(primitives)

    def flush(self) -> None:
        """Send what is held of a field being typed in."""
        self._typing.stop()
        held, self._held, self._held_keys = self._held, [], []
        if held:
            self._send(held)

    def _send(self, primitives: Sequence[Primitive]) -> None:
        session = self._session
        if session is None or not primitives:
            return
        try:
            skipped = session.edit(primitives)
        except (RuntimeError, TimeoutError):
            self.told.emit("The live session has stopped: this edit stays in your copy only.")
            return
        except ValueError as error:  # LayoutError: a value the shared blueprint cannot hold
            self.told.emit(f"Not shared: {error}")
            skipped = list(primitives)
        if skipped:
            self._sync()  # what it changed is gone for everyone: show the room as it is

    def _send_difference(self) -> None:
        session = self._session
        if session is not None and session.blueprint is not None:
            self._send(changes_between(session.blueprint, self._document.blueprint))

    def undo(self) -> None:
        self._undo(redo=False)

    def redo(self) -> None:
        self._undo(redo=True)

    def _undo(self, redo: bool) -> None:
        session = self._session
        if session is None:
            return
        self.flush()
        try:
            done = session.redo() if redo else session.undo()
        except (RuntimeError, TimeoutError):
            self.told.emit("The live session has stopped.")
            return
        if not done:
            self.told.emit(f"Nothing of yours to {'redo' if redo else 'undo'}.")
        else:
            self.told.emit("Redid your change." if redo else "Undid your last change.")
            self._undoing = "Redid" if redo else "Undid"

    def _on_selection(self) -> None:
        session = self._session
        if session is None or not isValid(self._scene):
            return
        with suppress(RuntimeError, TimeoutError):  # stopped: nobody to tell
            session.set_selection(self._scene.selected_touchpoint_ids())

    # --- the room's state in ----------------------------------------------------------------

    def _on_event(self, event: object) -> None:
        if self._session is None:
            return  # a late event of a session that was stopped
        if isinstance(event, Changed):
            self._sync()
        elif isinstance(event, Reloaded):
            self._replace(event.blueprint)
            self.told.emit(
                "The room was started again from a file; your changes since the last sync "
                "were put back on top of it."
            )
        elif isinstance(event, OfflineEditsMerged):
            self._sync()
            lost = event.gone or event.replaced
            (self.toldLoss if lost else self.told).emit(
                back_online_said(event.gone, event.replaced, self._value_said)
            )
        elif isinstance(event, GoneWithRemoval):
            self.toldLoss.emit(gone_said(event.gone))
        elif isinstance(event, ValueReplaced):
            self.toldLoss.emit(_capital(replaced_said(event.replaced, self._value_said)))
        elif isinstance(event, StatusChanged):
            if event.status == Status.ONLINE:
                self._sync()
            self.statusChanged.emit(event.status, event.detail)
            if event.status == Status.REFUSED:
                self.refused.emit(event.detail)
            elif event.status == Status.ENDED:
                self.ended.emit(event.detail)
        elif isinstance(event, PresenceChanged):
            self.peersChanged.emit(list(event.peers))

    def _value_said(self, path: str, value: Any) -> str:
        """A value the user had set, for the note that it did not stay: text whole (the
        only copy of what was typed), ids as the names they name."""
        if isinstance(value, str) and value and not path.endswith("_id"):
            return f"'{value}'"
        return value_words(self._document, path, value)

    def _sync(self) -> None:
        session = self._session
        if session is None:
            return
        self.flush()
        target = session.blueprint
        if target is None:
            return
        if self._adopt_room:
            if session.status != Status.ONLINE:
                return  # not the room's blueprint yet: the empty one of a fresh session
            self._adopt_room = False
            self._replace(target, path=self._joined_file)
            return
        changes = changes_between(self._document.blueprint, target)
        undoing, self._undoing = self._undoing, None
        if not changes:
            return
        if undoing is not None:
            self.told.emit(_undone_said(undoing, self._document.blueprint, target))
        try:
            self._apply(changes)
        except (KeyError, ValueError, IndexError, StopIteration):
            log.exception("the room's change did not apply; taking the room's blueprint")
            self._replace(target)
            return
        self._mark_modified()

    def _apply(self, changes: list[Primitive]) -> None:
        document = self._document
        self._applying = True
        try:
            with document.batch():
                for change in changes:
                    _apply_one(document, change)
        finally:
            self._applying = False

    def _replace(self, blueprint: Blueprint, path: object = ...) -> None:
        document = self._document
        self._applying = True
        try:
            document.reset(blueprint.model_copy(deep=True), document.path if path is ... else path)
        finally:
            self._applying = False
        self._mark_modified()

    def _mark_modified(self) -> None:
        # The file no longer holds what is shown; only a save makes the stack clean again.
        stack = self._document.undo_stack
        if stack.isClean():
            stack.resetClean()


def _undone_said(verb: str, before: Blueprint, after: Blueprint) -> str:
    """What an undo (or redo) changed, in the words of ``blueprint diff``."""
    lines = [line for change in diff_blueprints(before, after) for line in change.lines]
    if not lines:
        return f"{verb} your change."
    more = len(lines) - 1
    return f"{verb}: {lines[0]}" + (f" (and {more} more)" if more else "")


def _apply_one(document: Document, change: Primitive) -> None:
    if isinstance(change, InsertEntity):
        if document.get(change.kind, change.entity.id) is None:
            index = min(change.index, len(getattr(document.blueprint, change.kind)))
            document.insert_entity(change.kind, index, change.entity.model_copy(deep=True))
    elif isinstance(change, RemoveEntity):
        if document.get(change.kind, change.entity_id) is not None:
            document.remove_entity(change.kind, change.entity_id)
    elif isinstance(change, SetEntityField):
        document.set_field(change.kind, change.entity_id, change.path, change.value)
    elif isinstance(change, SetDocumentProperty):
        document.set_property(change.name, change.value)
    elif isinstance(change, MoveEntity):
        last = len(getattr(document.blueprint, change.kind)) - 1
        document.move_entity(change.kind, change.entity_id, min(change.index, last))
    elif isinstance(change, PlaceTouchpoint):
        last = len(document.blueprint.touchpoints) - 1
        document.move_touchpoint(
            change.touchpoint_id, change.stage_id, change.channel_id, min(change.index, last)
        )


def _since(primitive: Primitive, held: Primitive) -> Primitive:
    """``primitive`` merged into ``held`` (the same field): the old list is the first's."""
    if (
        isinstance(primitive, SetEntityField)
        and isinstance(held, SetEntityField)
        and primitive.old is not None
    ):
        return replace(primitive, old=held.old)
    return primitive


__all__ = ["STATE_WORDS", "LiveBinding", "Peer", "User"]


#: How a value the user had set is said: (field path, value) -> words.
ValueSaid = Callable[[str, Any], str]


def back_online_said(
    gone: Sequence[tuple[str, str, str]],
    replaced: Sequence[tuple[str, str, str, str, Any]],
    said_as: ValueSaid,
) -> str:
    """What the user is told when their edits made offline reached the room: what of them
    did not stay is said there (said apart, one message hid the other)."""
    if not gone and not replaced:
        return "Back online: your edits made offline were merged."
    said = [replaced_said(replaced, said_as)] if replaced else []
    if gone:
        said.append(gone_said(gone))
    return "Back online, but " + " ".join(said)


def replaced_said(replaced: Sequence[tuple[str, str, str, str, Any]], said_as: ValueSaid) -> str:
    """The fields the user set offline whose value is now someone else's, with what the
    user had set: the only copy of it left."""
    fields = "; ".join(
        f"{label(path)} of {COLLECTION_NOUNS.get(kind, kind)} {quoted(name)} "
        f"(yours was {said_as(path, mine)})"
        for kind, _id, name, path, mine in replaced[:3]
    )
    more = f" and {len(replaced) - 3} more" if len(replaced) > 3 else ""
    return f"someone else changed what you changed offline, and their value stayed: {fields}{more}."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def gone_said(gone: Sequence[tuple[str, str, str]]) -> str:
    """What the user is told when someone else's removal took something of theirs with it (a
    comment made offline on a card removed meanwhile went without a word)."""
    named = "; ".join(
        f"{COLLECTION_NOUNS.get(kind, kind)} {quoted(name)}" for kind, _id, name in gone[:3]
    )
    more = f" and {len(gone) - 3} more" if len(gone) > 3 else ""
    return f"Someone removed what this was about, and it went with it: {named}{more}."
