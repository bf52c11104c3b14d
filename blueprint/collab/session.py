"""``LiveSession``: what the editor binds to, with no Qt in it.

A session shares (or joins) one room. It runs its network and its Yjs document on a thread of
its own; every public method may be called from any thread, and every event is delivered to
``listener`` on the session's thread: the UI binding re-emits them as a queued Qt signal.

- ``edit(primitives)``: the user's change, written as one transaction of the user's origin
  (one undo step), sent at once, or at the next connection when offline;
- ``undo()`` / ``redo()``: the user's own edits only (a pycrdt ``UndoManager`` tracking the
  session's origin), never someone else's;
- events: ``Changed`` (the primitives from the previous blueprint to the new one, local or
  remote), ``StatusChanged``, ``PresenceChanged``, ``OfflineEditsMerged`` (the user is told,
  never asked), ``Reloaded`` (the room was rebuilt from a file: the user's changes since the
  last sync were re-applied to it).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Map, UndoManager
from pydantic_core import to_jsonable_python

from ..model import Blueprint
from .client import Callbacks, RoomClient, Status, Timing
from .layout import ROOTS
from .mapping import LiveDoc
from .primitives import InsertEntity, Primitive, RemoveEntity, SetEntityField, changes_between

log = logging.getLogger(__name__)

#: How long after coming back the fields set offline are compared with what others bring:
#: someone else offline at the same time comes back within it, most likely.
WATCH_AFTER_SYNC = 180.0


def taken_room(room: str) -> str:
    """Why sharing into ``room`` was refused: it holds another blueprint."""
    return (
        f"the room {room!r} already holds another blueprint: join it, or share under another "
        "room name"
    )


@dataclass(frozen=True)
class User:
    """Who the others see: a name, a colour ('#RRGGBB')."""

    name: str
    color: str = "#1f77b4"


@dataclass(frozen=True)
class Peer:
    client_id: int
    name: str
    color: str
    selection: tuple[str, ...] = ()


@dataclass(frozen=True)
class Changed:
    changes: list[Primitive]
    blueprint: Blueprint
    #: True for the user's own edits, undo and redo; False for the others'
    local: bool


@dataclass(frozen=True)
class StatusChanged:
    status: str
    detail: str = ""


@dataclass(frozen=True)
class PresenceChanged:
    peers: list[Peer]


@dataclass(frozen=True)
class OfflineEditsMerged:
    """Edits made while offline reached the room; ``blueprint`` is the merged result;
    ``gone`` what of this user's someone else's removal took away meanwhile (as in
    ``GoneWithRemoval``: said with the merge, or one message hid the other)."""

    edits: int
    blueprint: Blueprint
    gone: tuple[tuple[str, str, str], ...] = ()
    #: fields the user set offline that someone else set too, whose value stayed (the
    #: shared document settles two edits of one field made at once by its own rule): (kind,
    #: id, name, field, the value the user had set) of each
    replaced: tuple[tuple[str, str, str, str, Any], ...] = ()


@dataclass(frozen=True)
class ValueReplaced:
    """Fields the user set while offline that someone else's edit, arriving since they came
    back, set to another value: (kind, id, name, field, the user's value) of each."""

    replaced: tuple[tuple[str, str, str, str, Any], ...]


@dataclass(frozen=True)
class GoneWithRemoval:
    """What this user made or changed and someone else's removal took away (a comment on a
    card removed meanwhile, offline or not): (kind, id, name) of each."""

    gone: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Reloaded:
    """The room had been rebuilt from a file: the session took it and re-applied the
    user's changes made since the last sync (``kept``); the undo history starts again."""

    blueprint: Blueprint
    kept: int


Event = (
    Changed
    | StatusChanged
    | PresenceChanged
    | OfflineEditsMerged
    | Reloaded
    | GoneWithRemoval
    | ValueReplaced
)


@dataclass
class _State:
    live: LiveDoc
    client: RoomClient
    undo: UndoManager
    view: Blueprint
    #: the blueprint at the last complete sync: what a reload re-applies changes from
    base: Blueprint | None = None
    offline_edits: int = 0
    #: (kind, id) -> name of what this user made or changed (and did not remove)
    mine: dict[tuple[str, str], str] = field(default_factory=dict)
    ever_synced: bool = False
    #: what removals took of the user's while the edits made offline were still being
    #: merged: said with "back online", which hid it when said before
    held_gone: tuple[tuple[str, str, str], ...] = ()
    #: (kind, id, field) -> the value the user set while offline: compared once merged,
    #: and with what others bring for a while after (they may come back later)
    offline_fields: dict[tuple[str, str, str], Any] = field(default_factory=dict)
    #: until when (``time.monotonic``) others' edits are compared with ``offline_fields``
    watch_until: float = 0.0
    #: set when the room holds another history: the session reloads it
    reload_to: str | None = None


class LiveSession:
    def __init__(
        self,
        server: str,
        room: str,
        token: str,
        user: User,
        listener: Callable[[Event], None] = lambda event: None,
        share: Blueprint | None = None,
        timing: Timing | None = None,
    ) -> None:
        """Join ``room`` on ``server`` (``ws://host:port``); with ``share``, bring that
        blueprint into the room (deterministically: see ``mapping.seed_update``)."""
        self.server = server
        self.room = room
        self._token = token
        self.user = user
        self.listener = listener
        self._share = share
        self.timing = timing or Timing()
        self.origin = f"blueprint-user-{id(self):x}"
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._state: _State | None = None
        self._selection: tuple[str, ...] = ()
        self._lock = threading.Lock()
        self._blueprint: Blueprint | None = share
        self._status = Status.CONNECTING
        self._peers: list[Peer] = []
        self._done = threading.Event()
        self._synced = threading.Event()

    # --- lifetime ------------------------------------------------------------------------

    def start(self) -> None:
        ready = threading.Event()

        def main() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            ready.set()
            try:
                loop.run_until_complete(self._main())
            finally:
                loop.close()
                self._done.set()

        self._thread = threading.Thread(target=main, name=f"live {self.room}", daemon=True)
        self._thread.start()
        ready.wait()

    def close(self, timeout: float = 10.0) -> None:
        """Say goodbye and stop; safe to call twice."""
        loop = self._loop
        if loop is None or self._done.is_set() or not loop.is_running():
            return  # ended by itself (refused): nothing left to stop
        stopping = self._stop()
        try:
            future = asyncio.run_coroutine_threadsafe(stopping, loop)
        except RuntimeError:  # closed meanwhile
            stopping.close()
            return
        self._done.wait(timeout)
        if self._done.is_set() and not future.done():
            # The loop ended before it ran the goodbye: "coroutine was never awaited" on
            # standard error after a refused join.
            stopping.close()

    def wait_synced(self, timeout: float) -> bool:
        return self._synced.wait(timeout)

    # --- reading (any thread) ------------------------------------------------------------------

    @property
    def blueprint(self) -> Blueprint | None:
        with self._lock:
            return self._blueprint

    @property
    def status(self) -> str:
        return self._status

    @property
    def unsent_edits(self) -> int:
        """Edits made since the room was last reached: in this copy only, until it is."""
        state = self._state
        return state.offline_edits if state is not None else 0

    @property
    def peers(self) -> list[Peer]:
        with self._lock:
            return list(self._peers)

    # --- acting (any thread) -----------------------------------------------------------------

    def edit(self, primitives: Sequence[Primitive], timeout: float = 10.0) -> list[Primitive]:
        """Write the user's change; returns the primitives skipped because what they change
        is gone. Raises ``LayoutError`` for a value a blueprint cannot hold."""
        return self._call(lambda: self._edit(list(primitives)), timeout)

    def undo(self, timeout: float = 10.0) -> bool:
        return self._call(lambda: self._undo(redo=False), timeout)

    def redo(self, timeout: float = 10.0) -> bool:
        return self._call(lambda: self._undo(redo=True), timeout)

    def can_undo(self) -> bool:
        return self._call(lambda: self._state is not None and self._state.undo.can_undo(), 10)

    def can_redo(self) -> bool:
        return self._call(lambda: self._state is not None and self._state.undo.can_redo(), 10)

    def set_selection(self, ids: Sequence[str]) -> None:
        self._selection = tuple(ids)
        self._call(self._announce, 10)

    def _call(self, action: Callable[[], Any], timeout: float) -> Any:
        if self._loop is None or self._done.is_set():
            raise RuntimeError("the live session is not running")
        result: Future = Future()

        def run() -> None:
            try:
                result.set_result(action())
            except BaseException as error:  # handed to the caller's thread
                result.set_exception(error)

        self._loop.call_soon_threadsafe(run)
        return result.result(timeout)

    # --- the session's thread -------------------------------------------------------------

    async def _main(self) -> None:
        live = LiveDoc()
        if self._share is not None:
            live.load(self._share)
        while True:
            state = self._open(live)
            self._state = state
            self._announce()
            try:
                await state.client.run()
            except Exception as error:  # a bug: said, not a session that seems to connect
                log.exception("the live session stopped")
                self._on_status(Status.REFUSED, f"the live session stopped ({error})")
                break
            if state.reload_to is None:
                break
            live = await self._reloaded(state)

    def _open(self, live: LiveDoc) -> _State:
        undo = UndoManager(
            scopes=[live.doc.get(name, type=Map) for name in ROOTS if name != "meta"],
            capture_timeout_millis=0,
        )
        undo.include_origin(self.origin)
        callbacks = Callbacks(
            status=self._on_status,
            remote_change=self._on_remote,
            synced=self._on_synced,
            presence=self._on_presence,
            history_changed=self._on_history_changed,
        )
        client = RoomClient(
            live,
            self.server,
            self.room,
            self._token,
            callbacks,
            self.timing,
            existing=self._share is None,  # joined: a room someone shared
        )
        state = _State(live, client, undo, live.view())
        with self._lock:
            self._blueprint = state.view
        return state

    async def _stop(self) -> None:
        if self._state is not None:
            await self._state.client.stop()

    def _edit(self, primitives: list[Primitive]) -> list[Primitive]:
        state = self._require()
        skipped = state.live.apply(primitives, origin=self.origin)
        offline = state.client.status != Status.ONLINE
        if offline:
            state.offline_edits += 1
        for p in primitives:
            if isinstance(p, SetEntityField) and p not in skipped and p.old is None:
                key = (p.kind, p.entity_id, p.path)
                if offline:
                    state.offline_fields[key] = p.value
                else:
                    state.offline_fields.pop(key, None)  # set again since: the user's now
        self._publish(local=True)
        _note_mine(state.mine, primitives, state.view)
        return skipped

    def _undo(self, redo: bool) -> bool:
        state = self._require()
        done = state.undo.redo() if redo else state.undo.undo()
        if done:
            # What was set offline is no longer known field by field (an undo may take one
            # back): not compared, rather than blamed on someone else.
            state.offline_fields.clear()
            if state.client.status != Status.ONLINE:
                state.offline_edits += 1
            self._publish(local=True)
        return done

    def _require(self) -> _State:
        if self._state is None:
            raise RuntimeError("the live session is not running")
        return self._state

    def _publish(self, local: bool) -> None:
        state = self._require()
        old = state.view
        new = state.live.view()
        if new is old:
            return
        state.view = new
        with self._lock:
            self._blueprint = new
        changes = changes_between(old, new, state.live.last_change)
        self._emit(Changed(changes, new, local))
        if not local and state.offline_fields and self._synced.is_set():
            self._compare_offline_fields(state, changes)
        gone = _gone(state.mine, changes)  # forgotten either way: the user's own removal
        if not gone or local:
            return
        if state.offline_edits and not self._synced.is_set():
            state.held_gone += gone  # the room's state arriving: said once it is merged
        else:
            self._emit(GoneWithRemoval(gone))  # taken away by someone else's removal: said

    def _compare_offline_fields(self, state: _State, changes: list[Primitive]) -> None:
        """Someone who was offline too comes back with an edit of a field this user set
        offline, and theirs stays: said (the value changed without a word)."""
        if time.monotonic() > state.watch_until:
            state.offline_fields.clear()
            return
        touched = {(c.kind, c.entity_id) for c in changes if isinstance(c, SetEntityField)}
        watched = {k: v for k, v in state.offline_fields.items() if k[:2] in touched}
        replaced = _replaced(watched, state.view)
        for kind, entity_id, _name, path, _mine in replaced:
            state.offline_fields.pop((kind, entity_id, path), None)  # told once
        if replaced:
            self._emit(ValueReplaced(replaced))

    def _announce(self) -> None:
        if self._state is not None:
            self._state.client.set_presence(
                {
                    "user": {"name": self.user.name, "color": self.user.color},
                    "selection": list(self._selection),
                }
            )

    def _emit(self, event: Event) -> None:
        try:
            self.listener(event)
        except Exception:  # a listener's bug must not stop the session
            log.exception("the live session's listener failed")

    # --- the client's callbacks ----------------------------------------------------------------

    def _on_status(self, status: str, detail: str) -> None:
        self._status = status
        if status != Status.ONLINE:
            self._synced.clear()
        self._emit(StatusChanged(status, detail))

    def _on_remote(self) -> None:
        self._publish(local=False)

    def _on_synced(self) -> None:
        state = self._require()
        self._publish(local=False)
        gone, state.held_gone = state.held_gone, ()
        state.base = state.view
        state.ever_synced = True
        if not state.offline_edits:
            state.offline_fields.clear()  # back with nothing of its own: nothing to watch
        replaced = _replaced(state.offline_fields, state.view)
        for kind, entity_id, _name, path, _mine in replaced:
            state.offline_fields.pop((kind, entity_id, path), None)  # told once
        if state.offline_fields:
            state.watch_until = time.monotonic() + WATCH_AFTER_SYNC
        if state.offline_edits:
            self._emit(OfflineEditsMerged(state.offline_edits, state.view, gone, replaced))
            state.offline_edits = 0
        elif gone:
            self._emit(GoneWithRemoval(gone))
        self._synced.set()

    def _on_presence(self, states: dict[int, dict[str, Any]]) -> None:
        peers = [_peer(client_id, state) for client_id, state in sorted(states.items())]
        with self._lock:
            self._peers = [p for p in peers if p is not None]
        self._emit(PresenceChanged(list(self._peers)))

    def _on_history_changed(self, history: str) -> None:
        state = self._require()
        if not state.ever_synced:
            # Sharing into a room that holds another blueprint: nothing to reload from.
            self._on_status(Status.REFUSED, taken_room(self.room))
            return
        state.reload_to = history

    async def _reloaded(self, old: _State) -> LiveDoc:
        """Take the room as it is now, and put the user's changes since the last sync
        (``base`` -> what the user sees) on top of it."""
        mine = old.view
        base = old.base if old.base is not None else mine
        old.live.close()
        live = LiveDoc()
        probe = RoomClient(
            live, self.server, self.room, self._token, Callbacks(), self.timing, existing=True
        )
        runner = asyncio.create_task(probe.run())
        try:
            await asyncio.wait_for(probe.synced.wait(), self.timing.open_timeout * 3)
        except TimeoutError:
            log.warning("the rebuilt room did not answer; its changes will come on reconnect")
        changes = changes_between(base, mine)
        live.apply(changes, origin="blueprint-reload")
        await probe.stop()
        await runner
        self._emit(Reloaded(live.view(), len(changes)))
        return live


def _peer(client_id: int, state: dict[str, Any]) -> Peer | None:
    user = state.get("user")
    if not isinstance(user, dict):
        return None
    selection = state.get("selection")
    ids = tuple(s for s in selection if isinstance(s, str)) if isinstance(selection, list) else ()
    return Peer(client_id, str(user.get("name", "?"))[:100], str(user.get("color", "")), ids)


def _note_mine(
    mine: dict[tuple[str, str], str], primitives: list[Primitive], view: Blueprint
) -> None:
    """Note what these primitives of the user made or changed, by name as ``view`` shows it."""
    for primitive in primitives:
        if isinstance(primitive, InsertEntity):
            key = (primitive.kind, primitive.entity.id)
        elif isinstance(primitive, SetEntityField):
            key = (primitive.kind, primitive.entity_id)
        else:
            continue
        entity = next((e for e in getattr(view, key[0], ()) if e.id == key[1]), None)
        if entity is not None:
            name = getattr(entity, "title", None) or getattr(entity, "name", None)
            mine[key] = name or getattr(entity, "text", "")


def _replaced(
    offline: dict[tuple[str, str, str], Any], view: Blueprint
) -> tuple[tuple[str, str, str, str, Any], ...]:
    """The fields the user set offline whose merged value is another (someone else's edit
    of the same field won), with the value the user had set (it was gone without a copy);
    an entity gone since is told as gone, not here."""
    found = []
    for (kind, entity_id, path), value in offline.items():
        entity = next((e for e in getattr(view, kind, ()) if e.id == entity_id), None)
        if entity is None:
            continue
        current: Any = entity
        for part in path.split("."):
            current = getattr(current, part, None)
        if to_jsonable_python(current) != to_jsonable_python(value):
            name = (
                getattr(entity, "title", None)
                or getattr(entity, "name", None)
                or getattr(entity, "text", "")  # a comment, a quote: its words
            )
            found.append((kind, entity_id, name, path, value))
    return tuple(found)


def _gone(
    mine: dict[tuple[str, str], str], changes: list[Primitive]
) -> tuple[tuple[str, str, str], ...]:
    """What of the user's these changes removed, forgotten from ``mine`` as it is told: read
    from the changes published, not from every entity of the blueprint at each change."""
    removed = [(c.kind, c.entity_id) for c in changes if isinstance(c, RemoveEntity)]
    return tuple((kind, i, mine.pop((kind, i))) for kind, i in removed if (kind, i) in mine)
