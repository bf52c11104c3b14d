"""Crash-safe file replacement: the target holds the old bytes or the new, never a mix."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import socket
import stat
import tempfile
import time
from pathlib import Path

from .errors import SaveError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EACCES: "permission denied (the folder or file is read-only for you)",
    errno.EPERM: "the operation is not permitted",
    errno.EROFS: "the file system is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "the path is a folder",
    errno.ENAMETOOLONG: "the file name is too long",
}


#: A folder that is there but takes no new file (``/proc``, a special file system).
FOLDER_NOT_WRITABLE = "the folder exists but cannot be written to (no file can be made in it)"
#: Reading is denied by the file's (or its folder's) permissions, not by it being read-only.
_CANNOT_READ = "permission denied (you may not read the file, or open its folder)"
#: The target exists and its permissions say it is not to be written (see ``_may_replace``).
_READ_ONLY_FILE = "permission denied (the file is read-only for you)"


def describe_os_error(error: OSError, reading: bool = False) -> str:
    if reading and error.errno == errno.ENOENT:
        return "there is no such file"
    if reading and error.errno in (errno.EACCES, errno.EPERM):
        return _CANNOT_READ
    if error.errno == errno.EEXIST:
        return "something with that name is already there"
    return _REASONS.get(error.errno or -1, error.strerror or str(error))


def same_file(one: Path, other: Path) -> bool:
    """Whether both name one file; False when either is missing or cannot be read."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def open_regular_file(path: Path, limit: int) -> bytes:
    """Read a regular file of at most ``limit`` bytes, never blocking on a pipe or device.

    Raises ``OSError`` (reasons for ``describe_os_error(reading=True)``), ``NotRegularFile``
    or ``TooLarge`` (with the size).
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(str(path))
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew while we read it
        raise TooLarge(len(data))
    return data


class NotRegularFile(Exception):
    """A pipe, a device or a socket: not a file that can be read to its end."""


class TooLarge(Exception):
    """Over the size limit; ``args[0]`` is the size in bytes."""


#: A temporary file of another machine's save (a shared drive), or of an older version's,
#: is taken as left behind once it is this old: no save takes that long.
STALE_AFTER_SECONDS = 3600
_TEMP_SUFFIX = ".tmp"
#: Which machine wrote a temporary file: a short digest, so no host name leaks into a folder.
_HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_stale_temporaries(path: Path | str) -> int:
    """Remove the temporary files that saves of ``path`` killed half-way left beside it.

    A save names its temporary file after the machine and the process writing it, so one
    of this machine whose process has ended is removed at once; any other only when it is
    older than ``STALE_AFTER_SECONDS``. Best effort: a folder that cannot be read or a file
    that cannot be removed is left as it is. Returns how many were removed.
    """
    path = Path(path)
    prefix = _temp_prefix(path)
    removed = 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(_TEMP_SUFFIX)):
            continue
        if _is_stale(name[len(prefix) : -len(_TEMP_SUFFIX)], entry):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def _is_stale(middle: str, entry: os.DirEntry) -> bool:
    owner, _, _random = middle.rpartition(".")
    host, _, pid = owner.partition("-")
    if host == _HOST and pid.isdigit() and os.name == "posix":
        if int(pid) == os.getpid():
            return False  # a save of this very process, maybe under way
        if not _process_alive(int(pid)):
            return True
    try:
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return age > STALE_AFTER_SECONDS


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # POSIX only: on Windows signal 0 would be a Ctrl+C
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but belongs to someone else
    return True


def atomic_write_bytes(path: Path | str, data: bytes, *, keep_read_only: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, keeping the target's permissions.

    A target the user may not write (``chmod 444``, another user's file) is refused unless
    ``keep_read_only`` is False: the app's own metadata beside a file, such as a stale lock
    another user's editor left, is replaced as the folder allows.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over
    the target, and the folder is fsynced so the rename itself survives a power cut.
    Temporary files that earlier saves of ``path`` left behind when killed are removed
    first (see ``remove_stale_temporaries``), so none piles up beside the file.
    Raises ``SaveError`` naming the path and the reason; the old file is then unchanged.
    """
    atomic_write_files([(Path(path), data)], keep_read_only=keep_read_only)


def atomic_write_files(files: list[tuple[Path, bytes]], *, keep_read_only: bool = True) -> None:
    """Write several files as one: every one is written in full beside its target before
    any target is replaced, so a failure (a full disk half-way) leaves every old file as it
    was, never some new and some old (as ``atomic_write_bytes`` for each)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            # Through a symbolic link, replace the file it points to, not the link itself.
            target = Path(os.path.realpath(path))
            staged.append((_staged(target, data, keep_read_only), target))
    except SaveError:
        for temporary, _target in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    # The old files kept aside (a second name, no copy): a rename that fails half-way (a
    # file held open elsewhere, on Windows) puts back those already replaced.
    kept = {target: _kept_aside(target) for _temporary, target in staged} if len(staged) > 1 else {}
    done: list[Path] = []
    try:
        for temporary, target in staged:
            os.replace(temporary, target)
            done.append(target)
    except OSError as error:
        for replaced in done:  # ``target`` stays the file whose rename failed, said below
            with contextlib.suppress(OSError):
                old = kept.get(replaced)
                if old is not None:
                    os.replace(old, replaced)
                else:
                    replaced.unlink()  # it was not there before
        for temporary, _target in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise SaveError(f"cannot save: {describe_os_error(error)}", target) from error
    finally:
        for old in kept.values():
            if old is not None:
                with contextlib.suppress(OSError):
                    old.unlink()
    for folder in dict.fromkeys(target.parent for _temporary, target in staged):
        _fsync_folder(folder)


def _kept_aside(target: Path) -> Path | None:
    """A second name for the file at ``target`` (a hard link, named as a temporary file so
    that one left by a crash is cleared); None when there is no file or the folder takes
    no link (then a failed rename cannot put it back)."""
    if not target.is_file():
        return None
    aside = target.with_name(f"{_temp_prefix(target)}{_HOST}-{os.getpid()}.kept{_TEMP_SUFFIX}")
    try:
        with contextlib.suppress(FileNotFoundError):
            aside.unlink()
        os.link(target, aside)
    except OSError:
        return None
    return aside


def _staged(path: Path, data: bytes, keep_read_only: bool) -> Path:
    """``data`` in a temporary file beside ``path``, flushed, with the target's permissions."""
    folder = path.parent
    remove_stale_temporaries(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if keep_read_only and mode is not None and not _may_replace(path, mode):
            raise SaveError(f"cannot save: {_READ_ONLY_FILE}", path)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{_temp_prefix(path)}{_HOST}-{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=folder
        )
    except OSError as error:
        reason = describe_os_error(error)
        if error.errno == errno.ENOENT and folder.is_dir():
            # A folder that refuses a new file can say "no such file" (/proc): it is there.
            reason = FOLDER_NOT_WRITABLE
        raise SaveError(f"cannot save: {reason}", path) from error
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            os.chmod(tmp, 0o666 & ~_UMASK)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SaveError(f"cannot save: {describe_os_error(error)}", path) from error
    return tmp


def _may_replace(path: Path, mode: int) -> bool:
    """Whether the user may change the file at ``path`` in place, as an editor would.

    The rename that makes a save atomic needs only a writable folder, so without this a
    file made read-only (``chmod 444``), or another user's in a shared folder, would be
    replaced all the same. Root may write any file: for root, the owner's write bit says
    whether the file is meant to be kept as it is (as ``rm`` and ``vim`` read it).
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return bool(mode & stat.S_IWUSR)
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _fsync_folder(folder: Path) -> None:
    # Not every platform lets a folder be opened (Windows); the rename is done either way.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_umask() -> int:
    # Read once at import: os.umask can only be read by setting it, which races with threads.
    current = os.umask(0o022)
    os.umask(current)
    return current


_UMASK = _read_umask()
