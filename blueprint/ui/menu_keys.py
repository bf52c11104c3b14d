"""Shift+F10 opens the focused widget's menu, as the Menu key does.

Qt turns Shift+F10 into a context menu on Windows only; elsewhere a keyboard user (or a
screen reader's) pressed it on a card, a list or a text field and nothing happened.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from .focus_watch import FocusWatcher


class ShiftF10OpensMenus(FocusWatcher):
    """Sends the focused widget a keyboard context-menu request on Shift+F10."""

    def wants(self, widget: QWidget) -> bool:
        return widget.contextMenuPolicy() != Qt.ContextMenuPolicy.NoContextMenu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F10
            and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
            and isinstance(watched, QWidget)
        ):
            spot = watched.rect().center()
            request = QContextMenuEvent(
                QContextMenuEvent.Reason.Keyboard, spot, watched.mapToGlobal(spot)
            )
            QApplication.sendEvent(watched, request)
            return True
        return False
