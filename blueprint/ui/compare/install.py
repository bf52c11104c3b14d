"""File › Compare With…: pick another version of the blueprint and see both on one grid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ...storage import LoadError, load_blueprint
from ..folders import ask_blueprint_path
from ..menus import describe, insert_after
from ..workbench import Workbench
from .window import CompareWindow

TIP = "See another version of this blueprint on the same grid: what it adds, lacks and changes"


class CompareWith(QObject):
    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.frame)
        self._bench = bench
        self.window: CompareWindow | None = None
        self.action = QAction("Compare Wi&th…", bench.frame)
        describe(self.action, TIP)
        self.action.triggered.connect(self.compare_with)
        menu = bench.menus.file
        save_as = next((a for a in menu.actions() if a.text() == "Save &As…"), None)
        insert_after(menu, save_as, self.action)

    def ask_path(self) -> Path | None:
        return ask_blueprint_path(
            self._bench.frame, "Compare with another version", self._bench.document.folder()
        )

    def compare_with(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.show_comparison(path)

    def show_comparison(self, path: Path) -> CompareWindow | None:
        try:
            other = load_blueprint(path)
        except LoadError as error:
            self._bench.show_error("Cannot compare", f"The other version cannot be read: {error}")
            return None
        document = self._bench.document
        name = document.path.name if document.path is not None else "this blueprint"
        if self.window is not None:
            self.window.close()
        self.window = CompareWindow(document.blueprint, name, other, path, self._bench.frame)
        self.window.destroyed.connect(self._closed)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self._bench.show_status(f"Comparing with {path.name}, in a window of its own.")
        return self.window

    def _closed(self) -> None:
        self.window = None


def install_compare_with(bench: Workbench) -> CompareWith:
    """File › Compare With…, after Save As…."""
    return CompareWith(bench)
