"""A real server and real peers, each in a process of its own, on loopback only."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TOKEN = "a-test-token-0123456789"
#: Network events are waited for, never timed: generous, so a loaded machine still passes.
WAIT = 60.0


def wait_until(check: Callable[[], object], timeout: float = WAIT, what: str = "") -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.05)


class ServerProcess:
    def __init__(self, store: Path, token_file: Path, port: int = 0) -> None:
        self.store, self.token_file = store, token_file
        self.port = port
        self.process: subprocess.Popen | None = None
        self.log = store.parent / "server.log"

    def start(self) -> None:
        self._close()
        self._log_handle = self.log.open("a")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "blueprint",
                "serve",
                "--port",
                str(self.port),
                "--store",
                str(self.store),
                "--token-file",
                str(self.token_file),
            ],
            stdout=subprocess.PIPE,
            stderr=self._log_handle,
            text=True,
        )
        line = self.process.stdout.readline()
        match = re.search(r"ws://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.process.kill()
            raise AssertionError(f"the server did not start: {line!r} {self.log.read_text()}")
        self.port = int(match.group(1))

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self._close()

    def _close(self) -> None:
        handle = getattr(self, "_log_handle", None)
        if handle is not None:
            handle.close()
            self._log_handle = None
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()

    def stop(self) -> str:
        """Stop it (Ctrl+C) and return what it logged."""
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._close()
        return self.log.read_text()


class Peer:
    def __init__(
        self, server: str, room: str, name: str, share: Path | None = None, token: str = TOKEN
    ) -> None:
        args = [sys.executable, str(HERE / "peer.py"), server, room, token, name]
        if share is not None:
            args.append(str(share))
        self.name = name
        self.process = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(HERE.parents[1])},
        )

    def ask(self, cmd: str, **fields) -> object:
        self.process.stdin.write(json.dumps({"cmd": cmd, **fields}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise AssertionError(f"{self.name}: {answer['error']}")
        return answer["ok"]

    def edit(self, *primitives: list) -> int:
        return self.ask("edit", primitives=list(primitives))

    def state(self) -> dict:
        return self.ask("state")

    def file(self) -> str:
        return self.state()["file"]

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.ask("quit")
                self.process.wait(20)
            except Exception:
                self.process.kill()
                self.process.wait(10)
        self._close_pipes()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self._close_pipes()

    def _close_pipes(self) -> None:
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None and not pipe.closed:
                with contextlib.suppress(BrokenPipeError):
                    pipe.close()


@pytest.fixture
def live(tmp_path) -> Iterator[dict]:
    """Start a server; make peers; everything is stopped at the end, whatever happens."""
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    server = ServerProcess(tmp_path / "store", token_file)
    server.start()
    peers: list[Peer] = []

    def peer(name: str, room: str = "workshop", share: Path | None = None, **kw) -> Peer:
        made = Peer(server.url, room, name, share, **kw)
        peers.append(made)
        return made

    yield {"server": server, "peer": peer, "peers": peers}
    for made in peers:
        made.close()
    server.stop()
    server.kill()


ROOT_SAMPLE = HERE.parents[1] / "samples" / "broadband-installation.blueprint"
