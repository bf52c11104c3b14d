"""Writing a finished plan (a PDF or a deck) to a path or an open file."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from ..storage import SaveError, atomic_write_bytes
from ..storage.atomic import describe_os_error


def write_output(output: BinaryIO | Path | str, data: bytes, what: str) -> None:
    """Write ``data`` to a path (atomically) or to a file object; ``what`` names it in the
    error a full disk or a closed pipe gives ("cannot write the PDF: ...")."""
    if isinstance(output, str | Path):
        atomic_write_bytes(output, data)  # raises SaveError naming the path and the reason
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
