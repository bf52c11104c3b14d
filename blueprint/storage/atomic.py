"""Crash-safe file replacement: the target holds the old bytes or the new, never a mix."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
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


def describe_os_error(error: OSError, reading: bool = False) -> str:
    if reading and error.errno == errno.ENOENT:
        return "there is no such file"
    if error.errno == errno.EEXIST:
        return "something with that name is already there"
    return _REASONS.get(error.errno or -1, error.strerror or str(error))


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


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping the target's permissions.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over
    the target, and the folder is fsynced so the rename itself survives a power cut.
    Raises ``SaveError`` naming the path and the reason; the old file is then unchanged.
    """
    # Through a symbolic link, replace the file it points to, not the link itself.
    path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise SaveError(f"cannot save: {describe_os_error(error)}", path) from error
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
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SaveError(f"cannot save: {describe_os_error(error)}", path) from error
    _fsync_folder(folder)


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
