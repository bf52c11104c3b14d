"""Enter presses the focused button, as Space does.

Outside a dialog Qt's push buttons take only Space: Enter on a focused Add measure, a
template of the start page or a thread's Reply did nothing, and it is the key a keyboard
user tries first. In a dialog Enter stays Qt's: it presses the dialog's default button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from .focus_watch import FocusWatcher

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPressesButtons(FocusWatcher):
    """Presses a push button outside a dialog on Enter."""

    def wants(self, widget: QWidget) -> bool:
        return isinstance(widget, QPushButton) and not isinstance(widget.window(), QDialog)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and isinstance(watched, QPushButton)
            and watched.isEnabled()
        ):
            watched.click()
            return True
        return False
