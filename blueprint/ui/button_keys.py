"""Enter presses the focused button, as Space does.

Outside a dialog Qt's push buttons take only Space: Enter on a focused Add measure, a
template of the start page or a thread's Reply did nothing, and it is the key a keyboard
user tries first. In a dialog Enter stays Qt's: it presses the dialog's default button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPressesButtons(QObject):
    """Watches each push button as it takes the focus (cheaper than every event of the
    application), and presses it on Enter."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QPushButton) and not isinstance(new.window(), QDialog):
            new.installEventFilter(self)  # once: installing again only moves it first

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


def install_enter_on_buttons() -> None:
    """Once per application, however many windows it opens."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(EnterPressesButtons) is None:
        EnterPressesButtons(app)
