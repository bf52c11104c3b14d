"""Writing a finished plan (a PDF or a deck) to a path or an open file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from ..storage import SaveError, atomic_write_bytes
from ..storage.atomic import describe_os_error


def write_output(output: BinaryIO | Path | str, data: bytes, what: str) -> None:
    """Write ``data`` to a path (atomically) or to a file object; ``what`` names it in the
    error a full disk or a closed pipe gives ("cannot write the PDF: ...")."""
    if isinstance(output, str | Path):
        _write_file(Path(output), data)
        return
    try:
        output.write(data)
        output.flush()
    except OSError as error:
        name = getattr(output, "name", None)
        raise SaveError(
            f"cannot write the {what}: {describe_os_error(error)}",
            name if isinstance(name, str) else None,
        ) from error


#: A folder that is there but takes no new file (``/proc``, a special file system).
FOLDER_NOT_WRITABLE = "the folder exists but cannot be written to (no file can be made in it)"


def _write_file(path: Path, data: bytes) -> None:
    """Write ``path`` atomically; raises SaveError naming the path and the reason."""
    try:
        atomic_write_bytes(path, data)
    except SaveError as error:
        # A folder that refuses a new file can say "no such file": it is there all the same.
        folder = Path(os.path.realpath(path)).parent
        if isinstance(error.__cause__, FileNotFoundError) and folder.is_dir():
            raise SaveError(f"cannot save: {FOLDER_NOT_WRITABLE}", path) from error.__cause__
        raise
