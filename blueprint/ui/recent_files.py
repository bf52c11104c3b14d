"""File > Open Recent: the last blueprints opened or saved, newest first, kept between runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from .accessible_names import literal
from .settings import app_settings

MAX_RECENT = 10
_KEY = "recent/files"


def recent_files() -> list[Path]:
    # type=list: an INI file gives back a one-item list as a plain string otherwise.
    stored = app_settings().value(_KEY, [], type=list)
    return [Path(name) for name in stored if name]


def _store(paths: list[Path]) -> None:
    app_settings().setValue(_KEY, [str(p) for p in paths[:MAX_RECENT]])


def remember_file(path: Path) -> None:
    """Put ``path`` at the top of the list (once), dropping the oldest beyond MAX_RECENT."""
    path = path.absolute()
    _store([path, *(p for p in recent_files() if p != path)])


def forget_file(path: Path) -> None:
    path = path.absolute()
    _store([p for p in recent_files() if p != path])


def clear_recent_files() -> None:
    _store([])


class RecentFilesMenu(QMenu):
    """Lists the recent files each time it opens, so every window shows the same list."""

    #: the user chose this file
    openRequested = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Open &Recent", parent)
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        paths = recent_files()
        for number, path in enumerate(paths, start=1):
            # The number is the mnemonic (1..9, then 0), as in most desktop editors.
            action = self.addAction(f"&{number % 10}  {literal(path.name)}")
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.openRequested.emit(p))
        if not paths:
            empty = self.addAction("No recent files")
            empty.setEnabled(False)
        self.addSeparator()
        clear = self.addAction("&Clear Menu")
        clear.setStatusTip("Forget the list of recent files")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(clear_recent_files)
