"""Autosave to recovery files, so a crash, a kill or a dead battery never loses work.

Each open document has an id (uuid4 hex) and, while it has unsaved changes, three files in
``<data dir>/recovery/``:

- ``<id>.blueprint``: the document, an ordinary blueprint file (it opens like any other);
- ``<id>.json``: which file it belongs to and when it was written, as
  ``{"format": "blueprint-recovery", "version": 1, "original": "/path/or null",
  "saved_at": "<ISO 8601, UTC>", "title": "<blueprint title>"}``;
- ``<id>.lock``: a ``QLockFile`` held by the editor that writes them.

A few seconds after edits stop, the document is written there. Saving, discarding the
changes, or undoing back to the saved state removes the files; a normal quit leaves none.
After a crash the lock's process is gone, so the next start finds the files orphaned and
offers them back. Files whose lock is held belong to an editor still running and are left
alone.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from ..model import Blueprint
from ..storage import atomic_write_bytes, dumps_blueprint, load_blueprint
from .document import Document
from .settings import data_dir

#: Quiet time after the last edit before the autosave.
AUTOSAVE_DELAY_MS = 3000
#: Under non-stop editing, the longest a change waits for its autosave.
MAX_WAIT_S = 30.0
FORMAT_MARKER = "blueprint-recovery"


def recovery_folder() -> Path:
    return data_dir() / "recovery"


@dataclass(frozen=True)
class RecoveryFiles:
    """The files of one document's recovery, by its id."""

    folder: Path
    id: str

    @property
    def blueprint(self) -> Path:
        return self.folder / f"{self.id}.blueprint"

    @property
    def info(self) -> Path:
        return self.folder / f"{self.id}.json"

    @property
    def lock(self) -> Path:
        return self.folder / f"{self.id}.lock"

    def remove(self) -> None:
        for path in (self.blueprint, self.info):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _lock_file(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    # Stale only when its process is gone: an editor may hold it for days.
    lock.setStaleLockTime(0)
    return lock


def write_recovery(files: RecoveryFiles, blueprint: Blueprint, original: Path | None) -> None:
    """Write the blueprint, then what it belongs to; raises ``SaveError``."""
    atomic_write_bytes(files.blueprint, dumps_blueprint(blueprint))
    info = {
        "format": FORMAT_MARKER,
        "version": 1,
        "original": str(original.absolute()) if original is not None else None,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "title": blueprint.title,
    }
    atomic_write_bytes(files.info, json.dumps(info, indent=2).encode("utf-8"))


@dataclass
class RecoveryEntry:
    """Work left behind by an editor that did not close properly; this process holds it."""

    files: RecoveryFiles
    original: Path | None
    saved_at: datetime
    title: str
    lock: QLockFile = field(repr=False)

    @property
    def display_name(self) -> str:
        return self.original.name if self.original is not None else "Untitled"

    def load(self) -> Blueprint:
        """The recovered blueprint; raises ``LoadError``."""
        return load_blueprint(self.files.blueprint)

    def discard(self) -> None:
        """The user does not want it: the files go."""
        self.files.remove()
        self.lock.unlock()

    def release(self) -> None:
        """Decide later: keep the files for the next start."""
        self.lock.unlock()


def find_recoverable(folder: Path | None = None) -> list[RecoveryEntry]:
    """The recovery files no running editor owns, newest first, each now locked by us."""
    folder = recovery_folder() if folder is None else folder
    if not folder.is_dir():
        return []
    entries = []
    for blueprint_file in sorted(folder.glob("*.blueprint")):
        files = RecoveryFiles(folder, blueprint_file.stem)
        lock = _lock_file(files.lock)
        if not lock.tryLock(0):
            continue  # an editor that is still running
        entries.append(_entry(files, lock))
    entries.sort(key=lambda e: e.saved_at, reverse=True)
    return entries


def _entry(files: RecoveryFiles, lock: QLockFile) -> RecoveryEntry:
    # A missing or damaged description still leaves the blueprint worth offering.
    info = _read_info(files.info)
    original = info.get("original")
    return RecoveryEntry(
        files=files,
        original=Path(original) if isinstance(original, str) and original else None,
        saved_at=_saved_at(info, files.blueprint),
        title=str(info.get("title") or ""),
        lock=lock,
    )


def _read_info(path: Path) -> dict:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _saved_at(info: dict, blueprint_file: Path) -> datetime:
    try:
        moment = datetime.fromisoformat(info["saved_at"])
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (KeyError, TypeError, ValueError):
        pass
    try:
        return datetime.fromtimestamp(blueprint_file.stat().st_mtime, UTC)
    except OSError:
        return datetime.now(UTC)


class Autosaver(QObject):
    """Keeps one document's recovery files in step with its unsaved changes."""

    #: an autosave failed; the message is for the status bar
    problem = Signal(str)
    #: the recovery files were written
    saved = Signal()

    def __init__(
        self,
        document: Document,
        parent: QObject | None = None,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._files = RecoveryFiles(folder or recovery_folder(), uuid.uuid4().hex)
        self._lock: QLockFile | None = None
        self._dirty = False
        self._pending_since = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        document.edited.connect(self._on_edited)
        document.modifiedChanged.connect(self._on_modified_changed)
        document.documentReset.connect(self.discard)

    @property
    def files(self) -> RecoveryFiles:
        return self._files

    @property
    def timer(self) -> QTimer:
        return self._timer

    def _on_edited(self) -> None:
        self._dirty = True
        now = time.monotonic()
        if not self._timer.isActive():
            self._pending_since = now
        if now - self._pending_since < MAX_WAIT_S:
            self._timer.start()  # restarted: wait for a pause in the editing

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:  # saved, or undone back to what the file holds
            self.discard()

    def save_now(self) -> bool:
        """Write the recovery files now; False (and ``problem``) when that failed."""
        self._timer.stop()
        if not self._document.is_modified():
            self.discard()
            return True
        if not self._dirty:
            return True
        try:
            self._write()
        except Exception as error:  # a safety net must never break the editing
            self.problem.emit(f"Autosave failed: {error}")
            return False
        self._dirty = False
        self.saved.emit()
        return True

    def _write(self) -> None:
        self._files.folder.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            lock = _lock_file(self._files.lock)
            if not lock.tryLock(0):
                raise OSError(f"{self._files.lock} is locked by another editor")
            self._lock = lock
        write_recovery(self._files, self._document.blueprint, self._document.path)

    def discard(self) -> None:
        """No unsaved work any more: the recovery files go."""
        self._timer.stop()
        self._dirty = False
        if self._lock is None:
            return
        try:
            self._files.remove()
        except OSError as error:
            self.problem.emit(f"Could not remove the recovery file: {error}")
        self._lock.unlock()
        self._lock = None

    def adopt(self, entry: RecoveryEntry) -> None:
        """Continue a recovered entry's files as this document's own: they go on save."""
        self.discard()
        self._files = entry.files
        self._lock = entry.lock
        self._dirty = False
