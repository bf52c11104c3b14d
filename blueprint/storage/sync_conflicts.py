"""The copies a sync tool leaves beside a file when two computers changed it at once.

Each tool names its copy its own way; given the blueprint's path, ``conflicted_copies``
finds the copies of it in its folder:

- Dropbox: ``NAME (Ana's conflicted copy 2026-12-06).blueprint`` (``(1)`` and more after the
  date for a second one);
- Nextcloud and ownCloud: ``NAME (conflicted copy 2026-12-06 101500).blueprint`` and
  ``NAME_conflict-20261206-101500.blueprint``;
- OneDrive: ``NAME-MACHINE.blueprint``, ``NAME-MACHINE-1.blueprint`` (the computer's name in
  capitals, as Windows spells it);
- Syncthing: ``NAME.sync-conflict-20261206-101500-ABCDEFG.blueprint``;
- Google Drive: ``NAME (1).blueprint``;
- any other name that starts with NAME and says "conflict".
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .locks import is_lock_file


@dataclass(frozen=True)
class ConflictedCopy:
    path: Path
    #: which sync tool names its copies this way, in words
    tool: str
    #: when it was last changed (seconds since the epoch), to show and to sort by
    modified: float


def _patterns(stem: str, suffix: str) -> list[tuple[str, re.Pattern[str]]]:
    name, ext = re.escape(stem), re.escape(suffix)
    return [
        (
            "Dropbox",
            re.compile(
                rf"{name} \([^()/]*'s conflicted copy \d{{4}}-\d{{2}}-\d{{2}}(?: \(\d+\))?\){ext}"
            ),
        ),
        (
            "Nextcloud or ownCloud",
            re.compile(rf"{name} \(conflicted copy \d{{4}}-\d{{2}}-\d{{2}}(?: \d{{6}})?\){ext}"),
        ),
        ("Nextcloud", re.compile(rf"{name}_conflict-\d{{8}}-\d{{6}}{ext}")),
        ("Syncthing", re.compile(rf"{name}\.sync-conflict-\d{{8}}-\d{{6}}-[A-Z0-9]{{7}}{ext}")),
        ("Google Drive", re.compile(rf"{name} \(\d{{1,3}}\){ext}")),
        # Windows spells computer names in capitals: DESKTOP-7H3KQ2P, LAPTOP-ANA.
        (
            "OneDrive",
            re.compile(rf"{name}-(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*?(?:-\d+)?{ext}"),
        ),
        ("a sync tool", re.compile(rf"{name}[ ._(-].*conflict.*{ext}", re.IGNORECASE)),
    ]


def copy_tool(path: Path | str, name: str) -> str | None:
    """The sync tool whose conflicted copy of ``path`` is named ``name``, or None when
    ``name`` is not one."""
    path = Path(path)
    if name == path.name or is_lock_file(name) or not name.endswith(path.suffix):
        return None
    for tool, pattern in _patterns(path.stem, path.suffix):
        if pattern.fullmatch(name):
            return tool
    return None


def conflicted_copies(path: Path | str) -> list[ConflictedCopy]:
    """The conflicted copies of ``path`` in its folder, oldest first; none when the folder
    cannot be read."""
    path = Path(path)
    found = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    for entry in entries:
        tool = copy_tool(path, entry.name)
        if tool is None:
            continue
        try:
            if not entry.is_file():
                continue
            modified = entry.stat().st_mtime
        except OSError:
            continue
        found.append(ConflictedCopy(Path(entry.path), tool, modified))
    return sorted(found, key=lambda c: (c.modified, c.path.name))
