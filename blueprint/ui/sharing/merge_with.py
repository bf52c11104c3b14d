"""File › Merge With…: take in another copy of the blueprint, one a colleague sent by mail
or saved elsewhere. Nobody knows the version the two copies came from, so what they share is
the base: what only one has is kept, and where they differ the open blueprint's value stays
and the other is a conflict to decide on its card. One undo step; the file picked is only
read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ...storage import LoadError, load_blueprint
from ..folders import ask_blueprint_path
from ..menus import describe, insert_after
from ..workbench import Workbench
from .merging import MergeFailed, merge_available, merge_into, merged_words

TIP = (
    "Take in another copy of this blueprint (one sent by a colleague): what it adds joins "
    "yours, and where the two differ you decide on the card"
)


class MergeWith(QObject):
    def __init__(self, bench: Workbench, after: QAction | None) -> None:
        super().__init__(bench.frame)
        self._bench = bench
        self.action = QAction("Merge &With…", bench.frame)
        describe(self.action, TIP)
        self.action.setEnabled(merge_available())
        self.action.triggered.connect(self.merge_with)
        insert_after(bench.menus.file, after, self.action)

    def ask_path(self) -> Path | None:
        return ask_blueprint_path(
            self._bench.frame,
            "Merge another copy into this blueprint",
            self._bench.document.folder(),
        )

    def merge_with(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.merge_file(path)

    def merge_file(self, path: Path) -> bool:
        """Merge the blueprint in ``path`` into the open one; False, said, when nothing was
        merged."""
        bench = self._bench
        here = bench.document.path
        if here is not None and _same_file(here, path):
            bench.show_status(
                f"{path.name} is the file open here: pick another copy of it to merge in."
            )
            return False
        try:
            theirs = load_blueprint(path)
        except LoadError as error:
            bench.show_error("Cannot merge", f"Nothing was merged: {error}")
            return False
        try:
            merged = merge_into(bench.document, None, theirs, path.name, path.name)
        except MergeFailed as error:
            bench.show_error(
                "Cannot merge", f"Could not merge {path.name}; nothing was changed: {error}."
            )
            return False
        bench.show_status(merged_words(merged, path.name))
        return True


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def install_merge_with(bench: Workbench, after: QAction | None = None) -> MergeWith:
    """File › Merge With…, just after ``after`` (Compare With…)."""
    return MergeWith(bench, after)
