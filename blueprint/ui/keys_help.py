"""Help > Keyboard Shortcuts: every key of the window in one list, so a facilitator at a
projector need not look them up in the README.

The canvas's own keys come from the canvas's keyboard module; every menu command with a key
is read from the window's menus, so the list is always the one the window has.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .accessible_names import plain_label
from .inspector.canvas_keyboard import CANVAS_KEYS
from .menus import COMMAND_NAME
from .screen_fit import resize_within_screen

TITLE = "Keyboard Shortcuts"


def menu_keys(menu: QMenu) -> list[tuple[str, str]]:
    """(keys, command) for each command of ``menu`` and its submenus that has a key."""
    found: list[tuple[str, str]] = []
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_keys(action.menu())
        elif keys := _keys_of(action):
            found.append((keys, plain_label(action.property(COMMAND_NAME) or action.text())))
    return found


def _keys_of(action: QAction) -> str:
    """The command's key as the menu shows it (not the platform's rarer alternatives)."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class KeyboardShortcuts(QDialog):
    """The canvas's keys, then each menu's, as a list a screen reader reads row by row."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(TITLE)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(TITLE)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "What they do"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self._section("Canvas", CANVAS_KEYS)
        for entry in window.menuBar().actions():
            menu = entry.menu()
            if menu is not None and (keys := menu_keys(menu)):
                self._section(f"{plain_label(entry.text())} menu", keys)
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        resize_within_screen(self, 760, 600)

    def _section(
        self, title: str, keys: tuple[tuple[str, str], ...] | list[tuple[str, str]]
    ) -> None:
        heading = QTreeWidgetItem([title, ""])
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        heading.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(heading)
        for key, does in keys:
            self.tree.addTopLevelItem(QTreeWidgetItem([key, does]))
