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


def describe_os_error(error: OSError) -> str:
    return _REASONS.get(error.errno or -1, error.strerror or str(error))


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping the target's permissions.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over
    the target, and the folder is fsynced so the rename itself survives a power cut.
    Raises ``SaveError`` naming the path and the reason; the old file is then unchanged.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
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
