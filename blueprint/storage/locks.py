"""Lock files: who has a blueprint open, so a second editor can say so before both change it.

As office suites do, the editor that opens ``NAME.blueprint`` writes ``.~lock.NAME.blueprint#``
beside it, naming the user, the machine, the process and when; it removes it when it closes
the file. An editor that finds someone else's lock tells its user who has the file open. A
lock left by an editor that crashed is recognised as stale: on the same machine when its
process is gone, anywhere when it has not been refreshed for ``STALE_AFTER`` (an open editor
refreshes its lock every ``REFRESH_EVERY``). A lock is advice, not a barrier: nothing stops a
user who opens the file anyway.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .atomic import atomic_write_bytes
from .errors import SaveError

#: How often an open editor rewrites its lock's time, so others see it is still there.
REFRESH_EVERY = timedelta(minutes=5)
#: A lock not refreshed for this long is left by an editor that is gone (a crash, a laptop
#: put to sleep on another machine): it no longer counts.
STALE_AFTER = timedelta(hours=1)
LOCK_PREFIX, LOCK_SUFFIX = ".~lock.", "#"
#: Locks are tiny; anything larger is not one of ours.
_MOST_BYTES = 4096


def lock_path(path: Path | str) -> Path:
    """``/dir/.~lock.NAME.blueprint#`` for ``/dir/NAME.blueprint``."""
    path = Path(path)
    return path.with_name(f"{LOCK_PREFIX}{path.name}{LOCK_SUFFIX}")


def is_lock_file(path: Path | str) -> bool:
    name = Path(path).name
    return name.startswith(LOCK_PREFIX) and name.endswith(LOCK_SUFFIX)


def this_machine() -> str:
    return socket.gethostname() or "this computer"


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Lock:
    user: str
    machine: str
    pid: int
    #: when the file was opened, ISO 8601 with offset
    since: str
    #: when the lock was last rewritten by its editor
    refreshed: str

    @classmethod
    def mine(cls, user: str, at: datetime | None = None) -> Lock:
        moment = (at or now()).isoformat(timespec="seconds")
        return cls(
            user=user, machine=this_machine(), pid=os.getpid(), since=moment, refreshed=moment
        )

    def is_mine(self) -> bool:
        return self.machine == this_machine() and self.pid == os.getpid()

    def is_from_this_machine(self) -> bool:
        return self.machine == this_machine()

    def refreshed_at(self) -> datetime | None:
        return _moment(self.refreshed)

    def since_at(self) -> datetime | None:
        return _moment(self.since)

    def stale_because(self, at: datetime | None = None) -> str | None:
        """Why this lock no longer counts (its editor is gone), or None while it does."""
        if self.is_from_this_machine() and not process_running(self.pid):
            return f"the editor that left it (process {self.pid} on this computer) is gone"
        refreshed = self.refreshed_at()
        if refreshed is None:
            return "it does not say when it was written"
        if (at or now()) - refreshed > STALE_AFTER:
            hours = STALE_AFTER.total_seconds() / 3600
            return f"its editor has not confirmed it for over {hours:g} hour{'s' * (hours != 1)}"
        return None

    def to_bytes(self) -> bytes:
        return (json.dumps({"app": "blueprint", **asdict(self)}, indent=1) + "\n").encode()


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def read_lock(path: Path | str) -> Lock | None:
    """The lock of the blueprint at ``path``; None when there is none, or it cannot be read
    as one (a lock that says nothing readable does not stop anybody)."""
    try:
        with open(lock_path(path), "rb") as handle:
            data = handle.read(_MOST_BYTES + 1)
    except OSError:
        return None
    if len(data) > _MOST_BYTES:
        return None
    try:
        fields = json.loads(data.decode("utf-8"))
        return Lock(
            user=str(fields["user"]),
            machine=str(fields["machine"]),
            pid=int(fields["pid"]),
            since=str(fields["since"]),
            refreshed=str(fields.get("refreshed", fields["since"])),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def write_lock(path: Path | str, lock: Lock) -> None:
    """Write (or refresh) a lock; raises ``SaveError`` when the folder is not writable."""
    # A stale lock another user's editor left is theirs (0644), yet ours to replace.
    atomic_write_bytes(lock_path(path), lock.to_bytes(), keep_read_only=False)


def remove_lock(path: Path | str, lock: Lock) -> bool:
    """Remove the lock of ``path`` if it is still ``lock`` (another editor may have taken it
    over since); True when it was removed."""
    found = read_lock(path)
    if found is None or (found.machine, found.pid) != (lock.machine, lock.pid):
        return False
    try:
        os.remove(lock_path(path))
    except OSError:
        return False
    return True


def process_running(pid: int) -> bool:
    """Whether a process with this id runs on this machine (True when it cannot be told)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as error:
        return error.errno == errno.EPERM  # it runs, as another user
    return True


def _windows_process_running(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    query, still_active = 0x1000, 259
    kernel = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(query, False, pid)
    if not handle:
        return ctypes.get_last_error() == 5  # type: ignore[attr-defined]  # denied: it runs
    try:
        code = ctypes.c_ulong()
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel.CloseHandle(handle)


@dataclass(frozen=True)
class Held:
    """A lock this editor holds on a file, to refresh and to release."""

    path: Path
    lock: Lock

    def refresh(self) -> Held:
        refreshed = Lock(**{**asdict(self.lock), "refreshed": now().isoformat(timespec="seconds")})
        with contextlib.suppress(SaveError):
            write_lock(self.path, refreshed)
        return Held(self.path, refreshed)

    def release(self) -> bool:
        return remove_lock(self.path, self.lock)


def take_lock(path: Path | str, user: str) -> Held | None:
    """Write this editor's lock on ``path``; None when it cannot be written (a read-only
    folder: the file opens all the same, unlocked)."""
    lock = Lock.mine(user)
    try:
        write_lock(path, lock)
    except SaveError:
        return None
    return Held(Path(path), lock)
