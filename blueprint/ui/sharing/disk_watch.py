"""Noticing when another program changes the open file, and the copies a sync tool leaves.

The editor keeps the bytes it last loaded or saved (the base of any merge). A watch on the
file and on its folder notices a change: also a save that writes a new file and renames it
over the old one, which ends a watch on the file itself, and a new copy beside it. When the
file on disk no longer holds the base, the editor offers to merge it in or to reload it, and
it never saves over it without asking. When a sync tool leaves conflicting copies beside it,
the editor offers to merge them in, then to move each to the trash or to rename it.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFile, QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ...model import Blueprint
from ...storage import LoadError, loads_blueprint
from ...storage.jsonfile import MAX_FILE_BYTES
from ...storage.sync_conflicts import ConflictedCopy, conflicted_copies
from ..commands.replace import ReplaceBlueprint
from ..document import Document
from ..workbench import Workbench
from .merging import MergeFailed, merge_available, merge_into, merged_words
from .questions import (
    Choice,
    ask_changed_on_disk,
    ask_done_with_copy,
    ask_merge_copies,
    ask_save_over_changes,
)

#: Changes come in bursts (a sync tool writes, renames, sets times): look once it is quiet.
SETTLE_MS = 400
MERGED_SUFFIX = ".merged"


def signature(path: Path | None) -> tuple[int, int, int] | None:
    """What changes whenever the file is written or replaced: its time, size and inode."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes; None when it is not there (deleted, or being replaced)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None


class DiskWatch(QObject):
    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.frame)
        self._bench = bench
        self._document: Document = bench.document
        self._path: Path | None = None
        #: what the editor last loaded or saved: what the file held as far as it knows
        self.base: bytes | None = None
        #: the file's signature when it was last read: unchanged, it is not read again
        self._seen: tuple[int, int, int] | None = None
        #: what the user chose to ignore on disk (not asked about again)
        self._ignored: bytes | None = None
        #: copies offered and declined, with their time: asked again only when they change
        self._declined: dict[Path, float] = {}
        self._asking = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._document.documentReset.connect(self._opened)
        self._document.pathChanged.connect(self._follow)
        self._follow()  # a document made with its file

    @property
    def path(self) -> Path | None:
        return self._path

    # --- what the editor knows of the file ------------------------------------------------

    def _opened(self) -> None:
        """Another blueprint (or the same file again): what its file holds is the base."""
        self._path = None
        self._follow()

    def _follow(self) -> None:
        path = self._document.path
        if path == self._path:
            return
        self._watch(path)
        self._seen = signature(path)
        self.base = read_bytes(path) if path is not None else None
        self._ignored = None
        self._declined.clear()
        if path is not None:
            self._settle.start()  # copies already there are offered once the window is up

    def loaded(self, data: bytes) -> None:
        """The document now holds these bytes of its file (opened or reloaded)."""
        self.base, self._ignored = data, None

    def saved(self) -> None:
        """The document was just written to its file: that is the base now."""
        path = self._document.path
        if path != self._path:
            self._watch(path)
        self._seen = signature(path)
        self.base = read_bytes(path) if path is not None else None
        self._ignored = None

    def _watch(self, path: Path | None) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._path = path
        if path is not None:
            self._watcher.addPath(str(path.parent))
            if path.exists():
                self._watcher.addPath(str(path))

    def _poke(self, _changed: str = "") -> None:
        self._settle.start()

    # --- the file changed ------------------------------------------------------------------

    def disk_differs(self, careful: bool = False) -> bytes | None:
        """What the file holds now, when it is not what the editor last loaded or saved.
        Unless ``careful``, a file not written since it last held that is not read again."""
        if self._path is None or self.base is None:
            return None
        seen = signature(self._path)
        if seen is None or (seen == self._seen and not careful):
            return None  # not there (being replaced?), or not written since it was read
        data = read_bytes(self._path)
        if data == self.base:
            self._seen = seen  # written again, the same (touched, or saved unchanged)
        return None if data is None or data == self.base else data

    def check(self) -> None:
        """Look at the file and its folder; ask about what changed."""
        path = self._path
        if path is None:
            return
        if str(path) not in self._watcher.files() and path.exists():
            self._watcher.addPath(str(path))  # replaced by a rename: watch the new file
        if self._asking or QApplication.activeModalWidget() is not None:
            self._settle.start()  # the user is answering something else: ask afterwards
            return
        self._asking = True
        try:
            data = self.disk_differs()
            if data is not None and data != self._ignored:
                self._changed_on_disk(path, data)
            self._offer_copies(path)
        finally:
            self._asking = False

    def _changed_on_disk(self, path: Path, data: bytes) -> None:
        theirs = self._read(path, data)
        if theirs is None:
            self._ignored = data  # not a blueprint now (a half-written file?): said once
            return
        modified = self._document.is_modified()
        choice = ask_changed_on_disk(self._bench.frame, path, modified, merge_available())
        if choice == Choice.RELOAD:
            self.reload(path, theirs, data)
        elif choice == Choice.MERGE:
            self._merge(theirs, data, f"the changes on disk to {path.name}", _on_disk(path))
        else:
            self._ignored = data
            self._bench.show_status(
                f"{path.name} changed on disk; your version is kept. Saving will ask first."
            )

    def reload(self, path: Path, theirs: Blueprint, data: bytes) -> None:
        """Show the file as it is on disk: one undo step, so Undo brings back the version
        the editor had; the document is then saved, as it is what the file holds."""
        document = self._document
        step = f"Reload {path.name} from disk"
        document.push(ReplaceBlueprint(document, theirs, step, self._base_follows(data)))
        document.undo_stack.setClean()
        self.loaded(data)  # also when the step changed nothing, and so was never run
        self._bench.show_status(f"Reloaded {path.name} as it is on disk. Undo brings yours back.")

    def _base_follows(self, data: bytes) -> Callable[[bool], None]:
        """For the undo step that takes in the file's ``data`` (a reload, a merge): done,
        the file holds nothing the document lacks; undone, the base is what it was, so a
        save asks again before it writes over their changes (Undo, then Save, wrote over
        them without a question). A base the editor has learnt since (a save) stays."""
        before = self.base
        watch = weakref.ref(self)  # the step lives in the document's stack: no cycle

        def follow(done: bool) -> None:
            me = watch()
            was, now = (before, data) if done else (data, before)
            if me is not None and me.base == was:
                me.base, me._ignored = now, None

        return follow

    def _read(self, path: Path, data: bytes, copy: bool = False) -> Blueprint | None:
        try:
            return loads_blueprint(data)
        except LoadError as error:
            if copy:  # it did not change: a sync tool left it so
                title = "Cannot read the conflicting copy"
                said = f"The conflicting copy {path.name} cannot be read as a blueprint"
            else:
                title = "Cannot read the changed file"
                said = f"{path.name} changed on disk, but it cannot be read as a blueprint now"
            self._bench.show_error(title, f"{said}, so nothing of it was taken: {error}")
            return None

    def _base_blueprint(self) -> Blueprint:
        """The version the editor and the disk both came from; the document itself when
        it cannot be read (a merge then takes everything theirs has that differs)."""
        if self.base is not None:
            with contextlib.suppress(LoadError):
                return loads_blueprint(self.base)
        return self._document.blueprint.model_copy(deep=True)

    def _merge(
        self, theirs: Blueprint, data: bytes | None, what: str, name: str, copy: bool = False
    ) -> bool:
        """Merge ``theirs`` in; a sync tool's conflicted ``copy`` has no known common
        version with the file (two machines changed it at once): the editor's last load
        is not one, and taking it as one threw away the file's own changes."""
        base = None if copy else self._base_blueprint()
        # The file then holds nothing the document lacks: the next save replaces it.
        follow = self._base_follows(data) if data is not None else None
        try:
            merged = merge_into(self._document, base, theirs, what, name, follow)
        except MergeFailed as error:
            self._bench.show_error(
                "Cannot merge", f"Could not merge {what}; nothing was changed: {error}."
            )
            return False
        if data is not None:
            self.base, self._ignored = data, None  # also when the merge changed nothing
        self._bench.show_status(merged_words(merged, what))
        return True

    # --- saving ------------------------------------------------------------------------------

    def may_save(self, path: Path) -> bool:
        """Before saving over ``path``: True unless it changed on disk since it was loaded or
        saved and the user does not want it replaced (merging it in first when asked)."""
        if path != self._path:
            return True  # another file: the save dialog asked before replacing it
        data = self.disk_differs(careful=True)
        if data is None:
            return True
        choice = ask_save_over_changes(self._bench.frame, path, merge_available())
        if choice == Choice.MERGE:
            theirs = self._read(path, data)
            return theirs is not None and self._merge(
                theirs, data, f"the changes on disk to {path.name}", _on_disk(path)
            )
        return choice == Choice.REPLACE

    # --- conflicting copies ------------------------------------------------------------------

    def _offer_copies(self, path: Path) -> None:
        if not merge_available():
            return
        copies = [c for c in conflicted_copies(path) if self._declined.get(c.path) != c.modified]
        if not copies:
            return
        if ask_merge_copies(self._bench.frame, path, copies) != Choice.MERGE:
            self._declined.update((c.path, c.modified) for c in copies)
            self._bench.show_status("The conflicting copies stay beside the file, not merged.")
            return
        for copy in copies:
            self._merge_copy(copy)

    def _merge_copy(self, copy: ConflictedCopy) -> None:
        data = read_bytes(copy.path)
        theirs = self._read(copy.path, data, copy=True) if data is not None else None
        if theirs is None or not self._merge(
            theirs, None, copy.path.name, copy.path.name, copy=True
        ):
            self._declined[copy.path] = copy.modified
            return
        choice = ask_done_with_copy(self._bench.frame, copy)
        if choice == Choice.TRASH:
            self._put_away(copy, QFile.moveToTrash(str(copy.path)), "moved to the trash")
        elif choice == Choice.RENAME:
            target = copy.path.with_name(copy.path.name + MERGED_SUFFIX)
            try:
                os.rename(copy.path, target)
                done = True
            except OSError:
                done = False
            self._put_away(copy, done, f"renamed {target.name}")
        else:
            self._declined[copy.path] = copy.modified

    def _put_away(self, copy: ConflictedCopy, done: bool, how: str) -> None:
        if done:
            self._bench.show_status(f"Merged {copy.path.name}, and {how}.")
        else:
            self._declined[copy.path] = copy.modified
            self._bench.show_error(
                "Cannot put the copy away",
                f"{copy.path.name} is merged in but could not be {how.split()[0]}; it stays "
                "where it is and will not be offered again while this file is open.",
            )


def _on_disk(path: Path) -> str:
    """The other side of a merge with the file saved since it was opened, as its conflicts
    name it."""
    return f"{path.name} as saved on disk"
