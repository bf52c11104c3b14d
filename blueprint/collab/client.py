"""A provider: one ``LiveDoc`` kept in a room of a y-websocket server, through drops.

``RoomClient.run()`` connects, syncs (standard y-websocket step 1 / step 2), sends every
local update, applies every remote one, shares presence (awareness), and when the
connection drops, keeps the document editable offline and reconnects with a growing delay
(0.25 s doubling to 5 s). Yjs makes the offline queue: on reconnecting, the two sync steps
exchange exactly what each side lacks.

A server that answers 409 holds another history than our document (it was rebuilt from a
file after losing its store): the client does not merge, it tells its owner
(``on_history_changed``), who reloads (``session.py``).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from pycrdt import (
    Awareness,
    create_sync_message,
    create_update_message,
    handle_sync_message,
)
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import (
    ConnectionClosed,
    InvalidStatus,
    InvalidURI,
    WebSocketException,
)

from .layout import LAYOUT_VERSION
from .mapping import LiveDoc
from .protocol import (
    AWARENESS,
    AWARENESS_TIMEOUT,
    HISTORY_HEADER,
    LAYOUT_HEADER,
    MAX_MESSAGE_BYTES,
    SESSION_ENDED,
    SESSION_ENDED_REASON,
    STEP2,
    SYNC,
    awareness_message,
    layout_of,
    read_payload,
    room_url,
    without_query,
)

log = logging.getLogger(__name__)

#: A sync message this large goes in without per-change bookkeeping (``LiveDoc.quietly``).
BULK_BYTES = 256 * 2**10
#: Marks transactions that came from the server: they are never sent back.
REMOTE = "blueprint-remote"


class Status:
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    #: the server refused us for good: wrong token, no such room
    REFUSED = "refused"
    #: the host ended the session (not a server restarting): no retrying
    ENDED = "ended"
    CLOSED = "closed"


@dataclass
class Timing:
    """Delays of the client, in seconds (tests shorten them)."""

    first_retry: float = 0.25
    longest_retry: float = 5.0
    awareness_timeout: float = AWARENESS_TIMEOUT
    open_timeout: float = 10.0
    #: how long leaving may wait for a silent server to take our goodbye
    close_timeout: float = 2.0


@dataclass
class Callbacks:
    """What the client tells its owner; each runs on the client's event loop."""

    status: Callable[[str, str], None] = lambda status, detail: None
    #: after each remote transaction was applied to the document
    remote_change: Callable[[], None] = lambda: None
    #: the first sync of a connection is complete
    synced: Callable[[], None] = lambda: None
    presence: Callable[[dict[int, dict[str, Any]]], None] = lambda peers: None
    #: the room holds another history (its id): reload instead of merging
    history_changed: Callable[[str], None] = lambda history: None


#: The detail of an offline status: the server was never reached (a wrong address or port,
#: a server that stopped), or it was, and is not now (a dropped line, a server restarting).
UNREACHABLE = "cannot reach the server; retrying"
DROPPED = "the connection dropped; retrying"
#: HTTP statuses a server (or the proxy before it) gives while it cannot serve for a moment:
#: tried again, as a server that cannot be reached is.
_PASSING = range(500, 600)


@dataclass
class _Connection:
    websocket: ClientConnection
    outbox: asyncio.Queue[bytes] = field(default_factory=asyncio.Queue)


class RoomClient:
    def __init__(
        self,
        live: LiveDoc,
        server: str,
        room: str,
        token: str,
        callbacks: Callbacks | None = None,
        timing: Timing | None = None,
        existing: bool = False,
    ) -> None:
        self.live = live
        self.server = server
        self.room = room
        self._token = token
        #: joining: the server refuses a room nobody shared, rather than make it
        self.existing = existing
        self.callbacks = callbacks or Callbacks()
        self.timing = timing or Timing()
        self.status = Status.CONNECTING
        #: why the last connection ended, while offline (``UNREACHABLE`` or ``DROPPED``)
        self._why_offline = DROPPED
        #: the server was reached in this session: a failed attempt since is a drop, not a
        #: wrong address ("cannot reach the server" after a drop read as a set-up mistake)
        self._reached = False
        self.awareness = Awareness(
            live.doc, outdated_timeout=int(self.timing.awareness_timeout * 1000)
        )
        self.awareness.observe(self._on_awareness)
        self._connection: _Connection | None = None
        self._applying_remote = False
        self._stopping = asyncio.Event()
        self._subscription = live.doc.observe(self._on_transaction)
        self.synced = asyncio.Event()

    # --- the owner's side -----------------------------------------------------------------

    def set_presence(self, state: dict[str, Any] | None) -> None:
        self.awareness.set_local_state(state)

    def peers(self) -> dict[int, dict[str, Any]]:
        own = self.awareness.client_id
        return {c: s for c, s in self.awareness.states.items() if c != own and s}

    async def stop(self) -> None:
        """Say goodbye (our presence leaves at once) and close. A connection still being
        opened is given up; a silent server gets ``Timing.close_timeout`` to take the
        goodbye, so leaving never hangs on the network."""
        self._stopping.set()
        connection = self._connection
        if connection is not None:
            self.awareness.set_local_state(None)
            with suppress(TimeoutError):
                await asyncio.wait_for(self._flush(connection), self.timing.close_timeout)
            await connection.websocket.close()

    async def run(self) -> None:
        """Stay in the room until ``stop()``, or until the server refuses us for good."""
        delay = self.timing.first_retry
        clock = asyncio.create_task(self._awareness_clock())
        try:
            while not self._stopping.is_set():
                outcome = await self._session()
                if outcome in (Status.REFUSED, Status.ENDED, Status.CLOSED):
                    break
                if outcome == "synced-once":
                    delay = self.timing.first_retry
                self._set_status(Status.OFFLINE, self._why_offline)
                self._drop_peers()
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), delay * random.uniform(0.8, 1.2))
                delay = min(delay * 2, self.timing.longest_retry)
        finally:
            clock.cancel()
            self.live.doc.unobserve(self._subscription)
        if self.status not in (Status.REFUSED, Status.ENDED):
            self._set_status(Status.CLOSED, "")

    # --- one connection ---------------------------------------------------------------------

    async def _session(self) -> str:
        url = room_url(self.server, self.room, self._token, self.live.history, self.existing)
        self._set_status(Status.CONNECTING, without_query(url))
        opening = asyncio.ensure_future(
            connect(
                url,
                max_size=MAX_MESSAGE_BYTES,
                compression=None,
                proxy=None,  # a room is reached directly, never through an environment proxy
                open_timeout=self.timing.open_timeout,
                close_timeout=self.timing.close_timeout,
                ping_interval=min(20.0, self.timing.awareness_timeout / 2),
                ping_timeout=min(20.0, self.timing.awareness_timeout / 2),
            )
        )
        leaving = asyncio.ensure_future(self._stopping.wait())
        await asyncio.wait((opening, leaving), return_when=asyncio.FIRST_COMPLETED)
        leaving.cancel()
        if self._stopping.is_set():  # left while the server was still being reached
            opening.cancel()
            done = await asyncio.gather(opening, return_exceptions=True)
            if isinstance(done[0], ClientConnection):
                await done[0].close()
            return Status.CLOSED
        try:
            websocket = opening.result()
        except InvalidStatus as error:
            return self._refused(error)
        except InvalidURI as error:
            self._set_status(Status.REFUSED, f"not a server address: {error}")
            return Status.REFUSED
        except (OSError, TimeoutError, EOFError, WebSocketException) as error:
            # Not reached, or not as a server of rooms: something else listening there, a
            # connection cut during the handshake. Tried again (an error escaping here ended
            # the session, which went on saying "connecting…").
            log.info("cannot reach %s: %s", without_query(url), error)
            self._why_offline = DROPPED if self._reached else UNREACHABLE
            return Status.OFFLINE
        self._why_offline = DROPPED
        self._reached = True
        theirs = layout_of(websocket.response.headers.get(LAYOUT_HEADER))
        if theirs < LAYOUT_VERSION:
            # Its other editors may not read what this one writes (a removal mark).
            await websocket.close()
            self._set_status(
                Status.REFUSED,
                "the server is of an older blueprint than this editor: update the server",
            )
            return Status.REFUSED
        connection = _Connection(websocket)
        self._connection = connection
        synced = False
        try:
            await websocket.send(create_sync_message(self.live.doc))
            state = self.awareness.get_local_state()
            if state is not None:
                self._queue_awareness(connection)
            sender = asyncio.create_task(self._send_loop(connection))
            try:
                async for message in websocket:
                    if isinstance(message, str) or not message:
                        continue
                    if self._handle(connection, message) and not synced:
                        synced = True
                        self._set_status(Status.ONLINE, "")
                        self.synced.set()
                        self.callbacks.synced()
            finally:
                sender.cancel()
        except ConnectionClosed:
            pass
        finally:
            self._connection = None
            self.synced.clear()
        if self._stopping.is_set():
            return Status.CLOSED
        if websocket.close_code == SESSION_ENDED:
            self._set_status(Status.ENDED, SESSION_ENDED_REASON)
            return Status.ENDED
        return "synced-once" if synced else Status.OFFLINE

    def _refused(self, error: InvalidStatus) -> str:
        status = error.response.status_code
        if status == HTTPStatus.CONFLICT:
            history = error.response.headers.get(HISTORY_HEADER, "")
            self.callbacks.history_changed(history)
            return Status.CLOSED
        if status == HTTPStatus.UNAUTHORIZED:
            reason = "the server refused the token"
        elif status == HTTPStatus.NOT_FOUND:
            reason = f"the server has no room {self.room!r}"
        elif status == HTTPStatus.UPGRADE_REQUIRED:
            reason = "the server is of a newer blueprint than this editor: update blueprint"
        elif status in _PASSING:
            # A proxy before a server that is restarting answers 502: not a refusal, and
            # not a server out of reach either (it answered).
            log.info("the server answered HTTP %s; retrying", status)
            self._why_offline = f"the server answers HTTP {status}; retrying"
            return Status.OFFLINE
        else:
            reason = f"the server answered HTTP {status}"
        self._set_status(Status.REFUSED, reason)
        return Status.REFUSED

    def _handle(self, connection: _Connection, message: bytes) -> bool:
        """Apply one message; True when it completes the first sync (step 2)."""
        try:
            if message[0] == SYNC:
                self._applying_remote = True
                bulk = self.live.quietly() if len(message) > BULK_BYTES else nullcontext()
                try:
                    with bulk, self.live.doc.transaction(origin=REMOTE):
                        reply = handle_sync_message(message[1:], self.live.doc)
                finally:
                    self._applying_remote = False
                if reply is not None:
                    connection.outbox.put_nowait(reply)
                if message[1] != 0:
                    self.callbacks.remote_change()
                return message[1] == STEP2
            if message[0] == AWARENESS:
                self.awareness.apply_awareness_update(read_payload(message, 1), REMOTE)
        except Exception as error:  # a bad message from the server: skip it, stay connected
            log.warning("ignored a message the document could not take: %s", error)
        return False

    async def _send_loop(self, connection: _Connection) -> None:
        while True:
            message = await connection.outbox.get()
            await connection.websocket.send(message)

    async def _flush(self, connection: _Connection) -> None:
        while not connection.outbox.empty():
            try:
                await connection.websocket.send(connection.outbox.get_nowait())
            except ConnectionClosed:
                return

    # --- local changes ----------------------------------------------------------------------

    def _on_transaction(self, event: Any) -> None:
        if self._applying_remote or self._connection is None:
            return  # offline edits go at the next sync, with everything else we hold
        update = event.update
        if update != b"\x00\x00":
            self._connection.outbox.put_nowait(create_update_message(update))

    def _on_awareness(self, topic: str, changes: tuple[dict[str, Any], Any]) -> None:
        _detail, origin = changes
        if topic == "update" and origin == "local" and self._connection is not None:
            self._queue_awareness(self._connection)
        if topic == "change":
            self.callbacks.presence(self.peers())

    def _queue_awareness(self, connection: _Connection) -> None:
        update = self.awareness.encode_awareness_update([self.awareness.client_id])
        connection.outbox.put_nowait(awareness_message(update))

    async def _awareness_clock(self) -> None:
        """Renew our presence, and forget peers not heard of within the timeout."""
        timeout = self.timing.awareness_timeout
        while True:
            await asyncio.sleep(timeout / 10)
            own = self.awareness.client_id
            now = self.awareness._get_time()
            meta = self.awareness.meta.get(own)
            state = self.awareness.get_local_state()
            if state is not None and meta and now - meta["lastUpdated"] >= timeout * 500:
                self.awareness.set_local_state(state)
            stale = [
                c
                for c, m in self.awareness.meta.items()
                if c != own
                and c in self.awareness.states
                and now - m["lastUpdated"] >= timeout * 1000
            ]
            if stale:
                self.awareness.remove_awareness_states(stale, "timeout")

    def _drop_peers(self) -> None:
        own = self.awareness.client_id
        others = [c for c in self.awareness.states if c != own]
        if others:
            self.awareness.remove_awareness_states(others, "offline")

    def _set_status(self, status: str, detail: str) -> None:
        if status != self.status or detail:
            self.status = status
            self.callbacks.status(status, detail)
