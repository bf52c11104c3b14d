"""Reading a spreadsheet file from disk: bounded, never blocking on a pipe, every failure a
``SpreadsheetError`` of the codec's own kind (CSV or XLSX) in words."""

from __future__ import annotations

from pathlib import Path

from ..atomic import NotRegularFile, TooLarge, describe_os_error, open_regular_file
from ..errors import SpreadsheetError


def read_table_file(path: Path, limit: int, error: type[SpreadsheetError]) -> bytes:
    """The bytes of the file at ``path``, at most ``limit``; ``error`` saying why not."""
    try:
        return open_regular_file(path, limit)
    except TooLarge as too_large:
        size, most = too_large.args[0] / 2**20, limit // 2**20
        raise error([f"is too large ({size:.0f} MiB; the limit is {most} MiB)"], path) from None
    except NotRegularFile:
        raise error(["is not a regular file (a pipe or a device?)"], path) from None
    except OSError as failure:
        reason = describe_os_error(failure, reading=True)
        raise error([f"cannot open: {reason}"], path) from None
