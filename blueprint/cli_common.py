"""What the command line's modules share (``cli``, ``cli_changes``, ``cli_spreadsheets``): its
name and exit codes, the error of wrong use, text from a file printed safely, the outputs it
refuses to write, and a blueprint's counts."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from .analysis import channel_switches
from .analysis.records import json_bytes
from .model import Blueprint
from .model.states import current_state
from .storage import EXTENSION, STDIN, load_blueprint
from .storage.atomic import same_file

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

PROG = "blueprint"


class UsageError(Exception):
    """Wrong use of the command line (exit code 2)."""


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(line: str) -> str:
    """Control characters from a file's text (e.g. terminal escapes) shown, not sent to the
    terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", line)


def one_line(text: str) -> str:
    """Whitespace collapsed, control characters shown."""
    return visible(" ".join(str(text).split()))


def write_stdout(data: bytes) -> None:
    """UTF-8 bytes (a blueprint, a plan as JSON) to standard output as they are: not decoded
    to text to be encoded again, and UTF-8 whatever the console's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream of text only, as an IDE's console may be
        sys.stdout.write(data.decode("utf-8"))
        return
    buffer.write(data)
    buffer.flush()


def write_json(document: object) -> None:
    """A document (counts, a comparison, a diff) as indented JSON on standard output."""
    write_stdout(json_bytes(document) + b"\n")


def load_given(names: Sequence[str]) -> list[Blueprint]:
    """The blueprints named on the command line, each a file, a pipe (``<(git show …)``)
    or ``-`` for standard input, which only one of them can be."""
    one_standard_input(names)
    return [load_blueprint(name, pipes=True) for name in names]


def one_standard_input(names: Sequence[str]) -> None:
    """Refuse files of which more than one is standard input (``-``)."""
    if list(names).count(STDIN) > 1:
        raise UsageError("only one of the files can be standard input (-)")


def print_error(message: str) -> None:
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)


#: What a blueprint writer says it writes (``refuse_overwrite``'s ``what``).
BLUEPRINT = "blueprint"


def refuse_overwrite(
    path: Path | str,
    what: str = BLUEPRINT,
    *,
    reading: Iterable[Path | str | None] = (),
    force: bool = True,
) -> None:
    """Refuse, before anything is written, an output that would destroy what the user has.

    ``what`` (``"plan"``, ``"workbook"``...) is what the command writes to ``path``. Refused
    whatever the options: the file the command reads (``reading``), also when named through
    another path or a link; and a blueprint (``*.blueprint``, also behind a link) replaced by
    something that is not one. Commands with ``--force`` pass it as ``force``: without it,
    any existing file is kept. Raises ``UsageError`` (exit 2, nothing written).
    """
    path = Path(path)
    if not path.exists():
        return
    for source in reading:
        if source is not None and same_file(path, Path(source)):
            which = "" if Path(source) == path else f"{source}, "
            raise UsageError(
                f"{path} is {which}the file being read: write the {what} to another file"
            )
    if what != BLUEPRINT and Path(os.path.realpath(path)).suffix.lower() == EXTENSION:
        raise UsageError(
            f"{path} is a blueprint, and the {what} would replace it: write the {what} to "
            "another file"
        )
    if not force:
        raise UsageError(f"{path} already exists; use --force to replace it")


def blueprint_counts(bp: Blueprint) -> dict[str, int]:
    return {
        "stages": len(bp.stages),
        "channels": len(bp.channels),
        "personas": len(bp.personas),
        "touchpoints": len(bp.touchpoints),
        "frictions": len(bp.frictions),
        "improvements": len(bp.improvements),
        "flows": len(bp.flows),
        # A finding of today's journey, as the plan counts it; the rest counts the file.
        "channel_switches": len(channel_switches(current_state(bp))),
        "contact_reasons": len(bp.contact_reasons),
    }
