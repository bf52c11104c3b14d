"""The offer, at start, to restore work an editor left behind when it did not close."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .recovery import RecoveryEntry
from .tips import plain_tip


class RecoveryChoice(enum.Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


COLUMNS = ("File", "Blueprint", "Autosaved", "Folder")


def describe(entry: RecoveryEntry) -> tuple[str, str, str, str]:
    """A row of the list: the file, the blueprint's title, when, and the file's folder."""
    folder = str(entry.original.parent) if entry.original is not None else "(never saved)"
    return entry.display_name, entry.title, autosaved_when(entry.saved_at), folder


def autosaved_when(moment: datetime, now: datetime | None = None) -> str:
    """Local time; 'today' or 'yesterday' rather than a date when it is one of those."""
    local = moment.astimezone()
    today = (now or datetime.now(local.tzinfo)).astimezone().date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return f"today {clock}"
    if local.date() == today - timedelta(days=1):
        return f"yesterday {clock}"
    return local.strftime("%Y-%m-%d %H:%M")


class RecoveryDialog(QDialog):
    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = RecoveryChoice.LATER
        self.setWindowTitle("Restore unsaved work")
        self.setAccessibleName("Restore unsaved work")
        count = len(entries)
        intro = QLabel(
            "Blueprint did not close properly last time. Unsaved changes were kept for "
            + ("this blueprint:" if count == 1 else f"these {count} blueprints:"),
            self,
        )
        intro.setWordWrap(True)
        self.entries_list = self._entries_table(entries)
        note = QLabel(
            "Restore opens each one with its changes, ready to save over its file. "
            "Decide Later keeps them for the next start.",
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole
        self.restore_button = self._button(
            buttons,
            "&Restore",
            role.AcceptRole,
            RecoveryChoice.RESTORE,
            "Open the unsaved work again",
        )
        self.discard_button = self._button(
            buttons,
            "&Discard",
            role.DestructiveRole,
            RecoveryChoice.DISCARD,
            "Delete the unsaved work for good",
        )
        self.later_button = self._button(
            buttons,
            "Decide &Later",
            role.RejectRole,
            RecoveryChoice.LATER,
            "Keep the unsaved work and ask again at the next start",
        )
        self.restore_button.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (intro, self.entries_list, note, buttons):
            layout.addWidget(widget)
        self.resize(max(560, self.entries_list.sizeHint().width() + 40), self.sizeHint().height())

    def _entries_table(self, entries: list[RecoveryEntry]) -> QTreeWidget:
        table = QTreeWidget(self)
        table.setAccessibleName("Blueprints with unsaved work")
        table.setHeaderLabels(COLUMNS)
        table.setRootIsDecorated(False)
        table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for entry in entries:
            row = QTreeWidgetItem(table, list(describe(entry)))
            row.setToolTip(0, plain_tip(str(entry.original or entry.files.blueprint)))
        for column in range(len(COLUMNS)):
            table.resizeColumnToContents(column)
        rows = max(2, min(len(entries), 6))
        table.setFixedHeight(table.header().sizeHint().height() + rows * _row_height(table) + 6)
        width = sum(table.columnWidth(c) for c in range(len(COLUMNS)))
        table.setMinimumWidth(min(900, width + 8))
        return table

    def _button(
        self,
        box: QDialogButtonBox,
        text: str,
        role: QDialogButtonBox.ButtonRole,
        choice: RecoveryChoice,
        tip: str,
    ) -> QPushButton:
        button = box.addButton(text, role)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: RecoveryChoice) -> None:
        self.choice = choice
        # Escape and the close box reject: the safe answer, decide later.
        if choice is RecoveryChoice.LATER:
            self.reject()
        else:
            self.accept()


def _row_height(table: QTreeWidget) -> int:
    first = table.topLevelItem(0)
    return table.visualItemRect(first).height() if first else table.fontMetrics().height() + 6


def ask_recovery(parent: QWidget | None, entries: list[RecoveryEntry]) -> RecoveryChoice:
    """Ask what to do with the entries; tests replace this with their answer."""
    dialog = RecoveryDialog(entries, parent)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()
