"""Hosting a room on this computer: ``blueprint serve`` in-process, on a thread of its own.

The rooms of a hosted server are kept in a temporary folder that goes when hosting stops:
the blueprint itself is kept where it always is, in its ``.blueprint`` file.
"""

from __future__ import annotations

import asyncio
import secrets
import socket
import tempfile
import threading
from pathlib import Path

from ...collab.server import CollabServer, ServeError

#: The port ``blueprint serve`` uses; another one is taken when it is busy.
DEFAULT_PORT = 1234
#: A token is read off a projector and typed again: no letters or digits that look alike
#: (l and I, O and 0, 1 and l), in groups of four. Five groups: about 99 bits.
TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TOKEN_GROUPS = 5


def typed_token(text: str) -> str:
    """A token as typed from a projector: a hosted one (five groups of four of
    ``TOKEN_ALPHABET``) in its own form whatever the case, spaces or dashes typed; any other
    token as it is, but for the blanks around it (a server's token is exact)."""
    text = text.strip()
    bare = "".join(text.split()).replace("-", "").lower()
    if len(bare) == 4 * TOKEN_GROUPS and all(c in TOKEN_ALPHABET for c in bare):
        return "-".join(bare[i : i + 4] for i in range(0, len(bare), 4))
    return text


def readable_token() -> str:
    """A fresh random token, easy to read aloud and to type: ``k7mp-x2qa-…``."""
    return "-".join(
        "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(4)) for _ in range(TOKEN_GROUPS)
    )


class HostedServer:
    def __init__(self, everyone_on_network: bool) -> None:
        self.host = "0.0.0.0" if everyone_on_network else "127.0.0.1"
        self.token = readable_token()
        self.port = 0
        self._store = tempfile.TemporaryDirectory(prefix="blueprint-live-")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 20.0) -> None:
        """Listen (on DEFAULT_PORT, or a free one); ``ServeError`` in words when it cannot."""
        ready = threading.Event()
        failure: list[str] = []

        async def serve() -> None:
            self._stop = asyncio.Event()
            for port in (DEFAULT_PORT, 0):
                server = CollabServer(Path(self._store.name), self.token, self.host, port)
                try:
                    async with server:
                        self.port = server.port
                        ready.set()
                        await self._stop.wait()
                        await server.end_session()  # the guests are told, not left retrying
                    return
                except ServeError as error:
                    failure[:] = [str(error)]
            ready.set()

        def main() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(serve())
            finally:
                loop.close()

        self._thread = threading.Thread(target=main, name="blueprint live host", daemon=True)
        self._thread.start()
        if not ready.wait(timeout) or not self.port:
            self.stop()
            raise ServeError(failure[0] if failure else "the server did not start in time")

    @property
    def local_url(self) -> str:
        """The address this editor joins by."""
        return f"ws://127.0.0.1:{self.port}"

    @property
    def shared_url(self) -> str:
        """The address to give the others."""
        if self.host == "127.0.0.1":
            return self.local_url
        return f"ws://{_lan_address()}:{self.port}"

    def stop(self) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(20)
            self._thread = None
        self._store.cleanup()


def _lan_address() -> str:
    """This computer's address on the local network (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: picks the outgoing interface
        return probe.getsockname()[0]
    except OSError:
        return socket.gethostname()
    finally:
        probe.close()
