"""Ctrl+Z in a text field that has nothing of its own to undo undoes the blueprint's last
change, as the Edit menu says it will.

A text field takes the undo and redo keys for its own typing even when it has none: right
after Ctrl+Shift+I the new improvement's title has the focus, and Ctrl+Z did nothing while
the Edit menu offered "Undo Add improvement". A field with typing to undo keeps the keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from .focus_watch import FocusWatcher

FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)


def _has_own(field: QWidget, redo: bool) -> bool:
    """Whether the field has typing of its own to undo (or redo)."""
    if isinstance(field, QLineEdit):
        return field.isRedoAvailable() if redo else field.isUndoAvailable()
    document = field.document()  # type: ignore[attr-defined]
    return document.isRedoAvailable() if redo else document.isUndoAvailable()


class UndoFromFields(FocusWatcher):
    """Lets the window's Undo and Redo have the keys a text field does not need."""

    def wants(self, widget: QWidget) -> bool:
        return isinstance(widget, FIELDS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, FIELDS):
            return False
        for key, redo in (
            (QKeySequence.StandardKey.Undo, False),
            (QKeySequence.StandardKey.Redo, True),
        ):
            if event.matches(key) and not _has_own(watched, redo):
                event.ignore()  # not the field's: the shortcut (Edit > Undo) takes the key
                return True
        return False
