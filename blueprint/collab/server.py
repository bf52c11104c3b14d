"""``blueprint serve``: a y-websocket server for blueprint rooms, on pycrdt-websocket.

- rooms: ``ws://HOST:PORT/ROOM``, one Yjs document each, created on first use;
- persistence: every update goes to one SQLite database (pycrdt-store) in the store folder,
  and a room is loaded from it when first used again, so a restarted server loses nothing;
- squashing: when the updates stored for a room exceed twice the size they had after the
  last squash (and 256 KiB), they are merged into one, so the store stays within a bound
  of the document's size (docs/collaboration.md, "The store");
- the token: a connection without the room server's secret as its ``token`` query parameter
  is refused with HTTP 401 before the WebSocket opens; the token is never logged;
- the guard (``guard.py``): a malformed or hostile message is refused and logged, and the
  connection stays open;
- presence: a peer whose connection closes (even without a goodbye) is removed from the
  others' presence at once; one that goes silent, after the awareness timeout;
- memory: a room nobody has been in for ``ROOM_IDLE_SECONDS`` is put away: its whole
  document written to the store once more (squashed), then dropped from memory, so a
  server that hosts workshop after workshop holds only the rooms in use.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import logging
import re
import secrets
import sqlite3
from contextlib import AsyncExitStack, closing, suppress
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import anyio
from anyio import create_task_group
from pycrdt import Awareness
from pycrdt.store import SQLiteYStore, YDocNotFound
from pycrdt.websocket import WebsocketServer, YRoom
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from .guard import UpdateGuard
from .layout import LAYOUT_VERSION
from .mapping import history_of
from .protocol import (
    AWARENESS,
    AWARENESS_TIMEOUT,
    EXISTING,
    HISTORY_HEADER,
    LAYOUT_HEADER,
    MAX_MESSAGE_BYTES,
    ROOM_PATTERN,
    SESSION_ENDED,
    SESSION_ENDED_REASON,
    awareness_message,
    layout_of,
    parse_awareness,
    read_payload,
)

log = logging.getLogger(__name__)

STORE_FILE = "rooms.sqlite"
#: Squash when a room's stored updates pass this many times their size after the last squash.
SQUASH_FACTOR = 2
#: ... and this many bytes: below it squashing would not save anything worth the work.
SQUASH_FLOOR = 256 * 2**10
#: A room nobody has been connected to for this long leaves memory (a dropped peer that
#: comes back within it finds the room still loaded).
ROOM_IDLE_SECONDS = 300.0


class ServeError(Exception):
    """The server cannot start; the message says why, for a person."""


class RedactTokens(logging.Filter):
    """Defence in depth: whatever a library logs, a ``token=...`` in it is blanked."""

    _TOKEN = re.compile(r"(token=)[^&\s'\"]*", re.IGNORECASE)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "token=" in message.lower():
            record.msg = self._TOKEN.sub(r"\1…", message)
            record.args = None
        return True


def read_token_file(path: Path | str) -> str:
    """The token in a file (its first line); ``ServeError`` in words when it cannot be."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ServeError(f"the token file {path} does not exist") from None
    except IsADirectoryError:
        raise ServeError(f"the token file {path} is a folder, not a file") from None
    except PermissionError:
        raise ServeError(f"the token file {path} cannot be read (permission denied)") from None
    except UnicodeDecodeError:
        raise ServeError(f"the token file {path} is not UTF-8 text") from None
    except OSError as error:
        raise ServeError(f"the token file {path} cannot be read: {error.strerror}") from None
    lines = text.splitlines()
    token = lines[0].strip() if lines else ""
    if len(token) < 8:
        raise ServeError(
            f"the token file {path} holds no token of 8 characters or more on its first line"
        )
    return token


def new_token_file(path: Path) -> str:
    """A fresh random token, written to ``path`` readable by its owner only."""
    token = secrets.token_urlsafe(24)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(token + "\n", encoding="utf-8")
    return token


def _store_class(db_path: Path) -> type[SQLiteYStore]:
    class RoomStore(SQLiteYStore):
        """The SQLite store of one room, squashed by size (pycrdt-store's own time-based
        squashing is off: it ties the store's size to the clock, not to the document)."""

        checkpoint_interval = None
        squash_after_inactivity_of = None
        squash_history_older_than = None

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.stored_bytes = 0
            self.squashed_bytes = 0
            self.squashes = 0

        async def write(self, data: bytes) -> None:
            await super().write(data)
            self.stored_bytes += len(data)
            if self.stored_bytes > max(SQUASH_FLOOR, SQUASH_FACTOR * self.squashed_bytes):
                await self.squash()

        async def measure(self) -> tuple[int, int]:
            """(bytes, rows) of this room's stored updates."""
            assert self.db_initialized is not None
            await self.db_initialized.wait()
            async with self.lock, self._db:
                cursor = await self._db.cursor()
                await cursor.execute(
                    "SELECT COALESCE(SUM(LENGTH(yupdate)), 0), COUNT(*) FROM yupdates "
                    "WHERE path = ?",
                    (self.path,),
                )
                size, rows = await cursor.fetchone()
            return int(size), int(rows)

        async def squash(self) -> None:
            assert self.db_initialized is not None
            await self.db_initialized.wait()
            async with self.lock, self._db:
                cursor = await self._db.cursor()
                await self._squash_document_history(cursor, self.path)
            size, _ = await self.measure()
            self.stored_bytes = self.squashed_bytes = size
            self.squashes += 1
            log.info("room %s: history squashed to %d bytes", self.path, size)

    RoomStore.db_path = str(db_path)
    return RoomStore


def _stored(db_path: str, name: str) -> bool:
    """Whether the store holds updates of room ``name`` (read only: nothing is made)."""
    if not Path(db_path).is_file():
        return False
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
            found = db.execute("SELECT 1 FROM yupdates WHERE path = ? LIMIT 1", (name,))
            return found.fetchone() is not None
    except sqlite3.Error:  # no table yet: nothing stored
        return False


@dataclass
class _Room:
    room: YRoom
    store: Any
    guard: UpdateGuard


class _Rooms(WebsocketServer):
    """pycrdt-websocket's server, with rooms loaded from the store before anyone syncs."""

    def __init__(
        self, store_class: type[SQLiteYStore], awareness_timeout: float, idle_timeout: float
    ) -> None:
        super().__init__(rooms_ready=False, auto_clean_rooms=False, log=log)
        self._store_class = store_class
        self._awareness_timeout = awareness_timeout
        self._idle_timeout = idle_timeout
        self._loading = asyncio.Lock()
        self.loaded: dict[str, _Room] = {}
        #: room name -> when its last peer left (or it was opened), for the rooms with none
        self._idle_since: dict[str, float] = {}
        #: room name -> its connections being served (from before the room's own count)
        self._connected: dict[str, int] = {}

    async def __aenter__(self) -> _Rooms:
        await super().__aenter__()
        assert self._task_group is not None
        self._task_group.start_soon(self._put_away_idle_rooms)
        return self

    async def open_room(self, name: str) -> _Room:
        async with self._loading:
            if name in self.loaded:
                return self.loaded[name]
            store = self._store_class(path=name, log=log)
            room = YRoom(ready=False, ystore=store, log=log, exception_handler=_log_exception)
            room.awareness = Awareness(
                room.ydoc, outdated_timeout=int(self._awareness_timeout * 1000)
            )
            room.awareness.observe(room.send_server_awareness)
            assert self._task_group is not None
            await self._task_group.start(store.start)
            with suppress(YDocNotFound):
                await store.apply_updates(room.ydoc)
            size, rows = await store.measure()
            store.stored_bytes = store.squashed_bytes = size
            if rows > 1:
                await store.squash()
            self.rooms[name] = room
            await self.start_room(room)
            room.ready = True  # from now on, updates are stored and sent to everyone
            entry = _Room(room, store, UpdateGuard(room.ydoc))
            self.loaded[name] = entry
            self._idle_since[name] = asyncio.get_running_loop().time()
            log.info("room %s opened (%d bytes stored)", name, store.stored_bytes)
            return entry

    async def exists(self, name: str) -> bool:
        """Whether the room is open, or kept in the store from an earlier session."""
        if name in self.loaded:
            return True
        return await anyio.to_thread.run_sync(_stored, str(self._store_class.db_path), name)

    async def get_room(self, name: str) -> YRoom:
        return (await self.open_room(name)).room

    def joined(self, name: str) -> None:
        self._connected[name] = self._connected.get(name, 0) + 1
        self._idle_since.pop(name, None)

    def left(self, name: str) -> None:
        self._connected[name] -= 1
        if not self._connected[name]:
            del self._connected[name]
            self._idle_since[name] = asyncio.get_running_loop().time()

    async def _put_away_idle_rooms(self) -> None:
        while True:
            await asyncio.sleep(self._idle_timeout / 4)
            now = asyncio.get_running_loop().time()
            for name, since in list(self._idle_since.items()):
                if now - since >= self._idle_timeout:
                    await self._put_away(name)

    async def _put_away(self, name: str) -> None:
        """Write the room's whole document to the store and drop it from memory: whatever
        the room had not stored yet when it stopped is in the store all the same."""
        async with self._loading:
            entry = self.loaded.get(name)
            if entry is None or name in self._connected or name not in self._idle_since:
                return  # someone came in meanwhile
            del self._idle_since[name], self.loaded[name]
            self.rooms.pop(name, None)
            await entry.room.stop()
            # YRoom.stop leaves the room's stream of updates open: closed here, once.
            for end in ("_update_send_stream", "_update_receive_stream"):
                stream = getattr(entry.room, end, None)
                if stream is not None:
                    stream.close()
            await entry.store.write(entry.room.ydoc.get_update())
            await entry.store.squash()
            await entry.store.stop()
            log.info("room %s put away: nobody in it for %g s", name, self._idle_timeout)


def _log_exception(exception: Exception, logger: logging.Logger) -> bool:
    logger.error("room error: %s: %s", type(exception).__name__, exception)
    return True


class _Channel:
    """A WebSocket connection as pycrdt's ``Channel``, passing on only what the guard lets
    through and noting which presence (awareness client ids) the peer announces."""

    def __init__(self, connection: ServerConnection, name: str, entry: _Room) -> None:
        self._connection = connection
        self._name = name
        self._guard = entry.guard
        self.client_ids: set[int] = set()
        self.refused = 0

    @property
    def path(self) -> str:
        return self._name

    def __aiter__(self) -> _Channel:
        return self

    async def __anext__(self) -> bytes:
        while True:
            try:
                message = await self._connection.recv()
            except ConnectionClosed:
                raise StopAsyncIteration from None
            if isinstance(message, str):
                reason: str | None = "a text frame (the protocol is binary)"
            else:
                reason = self._guard.check(message)
            if reason is None:
                if message[0] == AWARENESS:
                    self._note_presence(message)
                return message
            self.refused += 1
            log.warning(
                "room %s: refused a message from %s: %s",
                self._name,
                _peer(self._connection),
                reason,
            )

    def _note_presence(self, message: bytes) -> None:
        for client_id, _, state in parse_awareness(read_payload(message, 1)):
            if state is None:
                self.client_ids.discard(client_id)
            else:
                self.client_ids.add(client_id)

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        with suppress(ConnectionClosed):
            await self._connection.send(message)


def _peer(connection: ServerConnection) -> str:
    address = connection.remote_address
    return f"{address[0]}:{address[1]}" if address else "a peer"


def _query(path: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(path)
    params = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    return unquote(parts.path.lstrip("/")), params


class CollabServer:
    """The collaboration server; ``async with CollabServer(...) as server`` runs it."""

    def __init__(
        self,
        store_dir: Path | str,
        token: str,
        host: str = "127.0.0.1",
        port: int = 1234,
        awareness_timeout: float = AWARENESS_TIMEOUT,
        idle_room_timeout: float = ROOM_IDLE_SECONDS,
    ) -> None:
        self.store_dir = Path(store_dir)
        self.host = host
        self.port = port
        self._token = token.encode()
        self._awareness_timeout = awareness_timeout
        self._idle_room_timeout = idle_room_timeout
        self._rooms: _Rooms | None = None
        self._stack: AsyncExitStack | None = None
        self._server: Server | None = None
        self.refused_connections = 0

    @property
    def rooms(self) -> dict[str, _Room]:
        return self._rooms.loaded if self._rooms is not None else {}

    async def __aenter__(self) -> CollabServer:
        try:
            self.store_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ServeError(
                f"cannot use {self.store_dir} as the store: {error.strerror}"
            ) from None
        redact = RedactTokens()
        for name in ("websockets", "websockets.server", __name__, "pycrdt"):
            logging.getLogger(name).addFilter(redact)
        self._rooms = _Rooms(
            _store_class(self.store_dir / STORE_FILE),
            self._awareness_timeout,
            self._idle_room_timeout,
        )
        stack = AsyncExitStack()
        await stack.enter_async_context(self._rooms)
        try:
            server = await stack.enter_async_context(
                serve(
                    self._serve_connection,
                    self.host,
                    self.port,
                    process_request=self._check_request,
                    process_response=self._add_history,
                    max_size=MAX_MESSAGE_BYTES,
                    compression=None,
                    logger=logging.getLogger("websockets.server"),
                )
            )
        except OSError as error:
            await stack.aclose()
            raise ServeError(_listen_error(self.host, self.port, error)) from None
        self.port = server.sockets[0].getsockname()[1] if server.sockets else self.port
        self._server = server
        self._stack = stack
        log.info("serving blueprint rooms on ws://%s:%d/", self.host, self.port)
        return self

    async def end_session(self) -> None:
        """Tell everyone connected that the session is over, not a server restarting: their
        editors stop retrying and say so (they waited 'reconnecting…' for good)."""
        server = self._server
        if server is None:
            return
        goodbyes = [c.close(SESSION_ENDED, SESSION_ENDED_REASON) for c in list(server.connections)]
        await asyncio.gather(*goodbyes, return_exceptions=True)

    async def __aexit__(self, *exc: object) -> None:
        self._server = None
        if self._stack is not None:
            await self._stack.aclose()
            self._stack = None

    async def _check_request(self, connection: ServerConnection, request: Any) -> Any:
        name, params = _query(request.path)
        given = params.get("token", "").encode()
        if not hmac.compare_digest(given, self._token):
            self.refused_connections += 1
            log.warning(
                "refused a connection to room %s from %s: %s token",
                name[:100],
                _peer(connection),
                "a wrong" if given else "no",
            )
            return connection.respond(HTTPStatus.UNAUTHORIZED, "A valid token is required.\n")
        if not ROOM_PATTERN.match(name):
            return connection.respond(HTTPStatus.NOT_FOUND, "No such room.\n")
        if layout_of(params.get("layout")) < LAYOUT_VERSION:
            log.info(
                "refused a connection to room %s from %s: an older layout",
                name[:100],
                _peer(connection),
            )
            response = connection.respond(
                HTTPStatus.UPGRADE_REQUIRED,
                f"This server shares blueprints in live layout {LAYOUT_VERSION}: "
                "update blueprint to join.\n",
            )
            response.headers[LAYOUT_HEADER] = str(LAYOUT_VERSION)
            return response
        assert self._rooms is not None
        if params.get(EXISTING) == "1" and not await self._rooms.exists(name):
            log.info("refused a join to room %s, which nobody shared", name[:100])
            return connection.respond(HTTPStatus.NOT_FOUND, "No such room.\n")
        entry = await self._rooms.open_room(name)
        current = history_of(entry.room.ydoc)
        theirs = params.get("history", "")
        if theirs and current and theirs != current:
            log.info("room %s: a peer of another history (%s) is told to reload", name, theirs[:40])
            response = connection.respond(
                HTTPStatus.CONFLICT, "This room holds another history: reload it.\n"
            )
            response.headers[HISTORY_HEADER] = current
            return response
        return None

    def _add_history(self, connection: ServerConnection, request: Any, response: Any) -> Any:
        if response.status_code == HTTPStatus.SWITCHING_PROTOCOLS:
            name, _ = _query(request.path)
            entry = self.rooms.get(name)
            if entry is not None:
                response.headers[HISTORY_HEADER] = history_of(entry.room.ydoc)
            response.headers[LAYOUT_HEADER] = str(LAYOUT_VERSION)
        return response

    async def _serve_connection(self, connection: ServerConnection) -> None:
        name, _ = _query(connection.request.path)
        assert self._rooms is not None
        entry = await self._rooms.open_room(name)
        self._rooms.joined(name)  # before any wait: the room is not put away under us
        channel = _Channel(connection, name, entry)
        room = entry.room
        log.info(
            "room %s: %s joined (%d connected)", name, _peer(connection), len(room.clients) + 1
        )
        try:
            # Who is here already: y-websocket servers tell a newcomer at once.
            others = [c for c in room.awareness.states if c != room.awareness.client_id]
            if others:
                update = room.awareness.encode_awareness_update(others)
                await channel.send(awareness_message(update))
            await room.serve(channel)
        finally:
            await self._forget_presence(entry, channel)
            self._rooms.left(name)
            log.info("room %s: %s left", name, _peer(connection))

    async def _forget_presence(self, entry: _Room, channel: _Channel) -> None:
        """A peer gone without its goodbye: the others stop showing it now."""
        awareness = entry.room.awareness
        gone = [c for c in channel.client_ids if c in awareness.states]
        if not gone:
            return
        awareness.remove_awareness_states(gone, "disconnect")
        message = awareness_message(awareness.encode_awareness_update(gone))
        async with create_task_group() as group:
            for client in list(entry.room.clients):
                group.start_soon(client.send, message)


def _listen_error(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (
            f"port {port} on {host} is already in use (another blueprint server?); "
            "choose another with --port"
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"not allowed to listen on port {port} of {host}; ports below 1024 need privileges"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"{host} is not an address of this computer"
    return f"cannot listen on {host}:{port}: {error.strerror or error}"


async def run_forever(server: CollabServer) -> None:
    async with server:
        await asyncio.Event().wait()
