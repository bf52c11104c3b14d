"""Edit › Preferences: the user's own settings, kept between runs. For now the name their
comments carry (and that tells others who has a file open), set once.

The first comment asks for the name when it was never set, prefilled with the name the
system knows the user by.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .inspector.forms import add_row, caption, form_layout
from .menus import describe
from .settings import app_settings
from .workbench import Workbench

AUTHOR_KEY = "user/name"
#: The longest name a comment may carry (the file's limit for names).
NAME_LIMIT = 500
PREFERENCES_TIP = "Your name on comments, and what others see when you have a file open"


def author_name() -> str:
    """The name set in Preferences; empty when it never was."""
    value = app_settings().value(AUTHOR_KEY, "")
    return " ".join(str(value).split()) if value else ""


def set_author_name(name: str) -> None:
    app_settings().setValue(AUTHOR_KEY, " ".join(name.split()))


def system_user_name() -> str:
    """The name the system knows the user by (their login), or empty."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment: nothing to offer
        return ""


def who_i_am() -> str:
    """The name to show others: the one set in Preferences, else the login name."""
    return author_name() or system_user_name() or "someone"


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(caption(intro, muted=False))
        form = form_layout()
        self.name = QLineEdit(author_name() or system_user_name())
        self.name.setMaxLength(NAME_LIMIT)
        add_row(form, "Your &name:", self.name)
        self.name.setAccessibleName("Your name")
        layout.addLayout(form)
        layout.addWidget(
            caption(
                "Shown with each comment you write, and to others who try to open a "
                "blueprint while you have it open."
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._name_changed)
        self._name_changed(self.name.text())
        self.name.selectAll()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _name_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def accept(self) -> None:
        if not self.name.text().strip():
            return
        set_author_name(self.name.text())
        super().accept()


def ask_author(parent: QWidget | None) -> str | None:
    """The author of a comment: the name set in Preferences, asked for the first time;
    None when the user cancels."""
    name = author_name()
    if name:
        return name
    dialog = PreferencesDialog(
        parent, "Comments carry your name. Set it once here; Edit › Preferences changes it."
    )
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
    return author_name() if accepted else None


def show_preferences(parent: QWidget | None) -> None:
    dialog = PreferencesDialog(parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def install_preferences(bench: Workbench) -> QAction:
    """Edit › Preferences…, at the end of the Edit menu."""
    action = QAction("Preference&s…", bench.frame)
    action.setShortcuts(QKeySequence.StandardKey.Preferences)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    describe(action, PREFERENCES_TIP)
    action.triggered.connect(lambda: show_preferences(bench.frame))
    bench.menus.edit.addSeparator()
    bench.menus.edit.addAction(action)
    return action
