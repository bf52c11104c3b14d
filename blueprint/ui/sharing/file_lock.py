"""The lock file of the open blueprint: taken when a file is opened or saved, refreshed while
it stays open, released when it is closed; and before a file opens, who else has it open.

A lock is advice: the user may open a file someone else has open. The editor then leaves
the other's lock in place (their editor still holds the file) and takes the lock as soon as
the file is free again: it looks every ``WATCH_EVERY`` (and at each save), so that a third
person who opens the file then is told who still has it open.
"""

from __future__ import annotations

import atexit
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from ...storage.locks import REFRESH_EVERY, Held, Lock, read_lock, take_lock
from ..document import Document
from ..preferences import who_i_am
from ..workbench import Workbench
from .owner_window import shown_by_owner
from .questions import Choice, ask_open_locked

#: How often an editor that left someone else's lock in place looks whether it is gone.
WATCH_EVERY_MS = 10_000
#: Every lock this process holds, removed at exit if a window never got to it.
_HELD: dict[int, Held] = {}


@atexit.register
def _release_all() -> None:
    for held in list(_HELD.values()):
        held.release()
    _HELD.clear()


class FileLock(QObject):
    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.frame)
        self._bench = bench
        self._document: Document = bench.document
        self._held: Held | None = None
        #: someone else's lock on the open file, left in place
        self.other: Lock | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(REFRESH_EVERY.total_seconds() * 1000))
        self._timer.timeout.connect(self._refresh)
        self._watch = QTimer(self)
        self._watch.timeout.connect(self._take_when_free)
        self._document.documentReset.connect(self.follow)
        self._document.pathChanged.connect(self.follow)
        self.follow()  # a document made with its file

    @property
    def held(self) -> Held | None:
        return self._held

    def may_open(self, path: Path) -> bool:
        """Before opening ``path``: True when nobody else has it open, when their lock is
        stale (it is cleared, and the status line says so), or when the user opens it
        anyway; False when another window of this computer has it and is brought to the
        front instead."""
        lock = read_lock(path)
        if lock is None or lock.is_mine():
            return True
        stale = lock.stale_because()
        if stale is not None:
            self._bench.show_status(f"Cleared a lock {lock.user} left on {path.name}: {stale}.")
            return True
        if shown_by_owner(path, lock):
            self._bench.show_status(f"{path.name} is open in another window: it is in front now.")
            return False
        return ask_open_locked(self._bench.frame, path, lock) == Choice.OPEN

    def follow(self) -> None:
        """Hold the lock of the document's file (after an open, a save, a new blueprint)."""
        path = self._document.path
        if self._held is not None and self._held.path == path:
            return
        self.release()
        if path is None or not path.exists():
            return  # nothing to lock until it is saved
        lock = read_lock(path)
        if lock is not None and not lock.is_mine() and lock.stale_because() is None:
            self.other = lock  # theirs stays: their editor still has the file
            self._watch.start(WATCH_EVERY_MS)
            where = "this computer" if lock.is_from_this_machine() else lock.machine
            self._bench.show_status(f"{lock.user} also has {path.name} open, on {where}.")
            return
        self._take(path)

    def saved(self) -> None:
        """After a save: take the lock if the other editor has let the file go since."""
        self._take_when_free()

    def _take_when_free(self) -> None:
        """Take the lock when the other editor has let the file go (or left a stale lock)."""
        path = self._document.path
        if self._held is not None or path is None:
            self._watch.stop()
            return
        if not path.exists():
            return  # moved away for now (a sync client's rename): look again later
        lock = read_lock(path)
        if lock is None or lock.is_mine() or lock.stale_because() is not None:
            gone = self.other
            self._take(path)
            if gone is not None and self._held is not None:
                self._bench.show_status(
                    f"{gone.user} has closed {path.name}: whoever opens it now is told you "
                    "have it open."
                )

    def _take(self, path: Path) -> None:
        self.other = None
        self._watch.stop()
        self._held = take_lock(path, who_i_am())
        if self._held is not None:
            _HELD[id(self)] = self._held
            self._timer.start()

    def _refresh(self) -> None:
        if self._held is not None:
            self._held = self._held.refresh()
            _HELD[id(self)] = self._held

    def release(self) -> None:
        """Give the file up (closed, or another one opened)."""
        self._timer.stop()
        self._watch.stop()
        self.other = None
        if self._held is not None:
            self._held.release()
            self._held = None
        _HELD.pop(id(self), None)
