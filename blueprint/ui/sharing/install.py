"""Putting shared files into the main window: the lock of the open file, the watch on it and
on its folder, and the questions asked before opening a file someone else has open and
before saving over changes made on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from ..workbench import Workbench
from .disk_watch import DiskWatch
from .file_lock import FileLock


class Sharing(QObject):
    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.frame)
        self.lock = FileLock(bench)
        self.disk = DiskWatch(bench)

    def may_open(self, path: Path) -> bool:
        """Before a file is opened: ask when someone else has it open."""
        return self.lock.may_open(path)

    def may_save(self, path: Path) -> bool:
        """Before the document is saved to ``path``: ask when it changed on disk."""
        return self.disk.may_save(path)

    def saved(self) -> None:
        """After the document was saved to its file."""
        self.disk.saved()
        self.lock.saved()

    def release(self) -> None:
        """The window closes: the file is let go."""
        self.lock.release()


def install_sharing(bench: Workbench) -> Sharing:
    """Watch the open file and hold its lock; the window asks ``may_open`` before it opens
    a file, ``may_save`` before it saves, and says ``saved`` after."""
    return Sharing(bench)
