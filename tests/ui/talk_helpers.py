"""Acting on the Comments dock and on the editor's questions as a user does: clicks on the
real buttons, list rows and tabs, and dialogs answered by clicking their buttons."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from blueprint.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def show_comments(window: MainWindow, tab: int = 0) -> None:
    """View › Comments, then the tab (0 Comments, 1 Conflicts) clicked."""
    talk = window.talk
    if not talk.dock.isVisible():
        talk.toggle.trigger()
    talk.dock.raise_()
    click_tab(talk.tabs, tab)


def click_tab(tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    QTest.mouseClick(bar, LEFT, Qt.KeyboardModifier.NoModifier, bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def click(qtbot, button: QAbstractButton) -> None:
    """Click a button; a check box on its box (a wide one's middle may be past its text)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    if isinstance(button, QCheckBox):
        qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, LEFT)


def click_row(qtbot, widget: QListWidget, text_part: str) -> None:
    """Click the row of a list whose text holds ``text_part``."""
    rows = [widget.item(i) for i in range(widget.count())]
    item = next(i for i in rows if text_part in i.text())
    widget.scrollToItem(item)
    qtbot.mouseClick(widget.viewport(), LEFT, pos=widget.visualItemRect(item).center())


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, in any script: each character arrives as
    a key event carrying it, as a keyboard layout or an input method delivers it (QTest
    types ASCII only). A newline is the Return key."""
    for char in text:
        if char == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        key = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def questions_asked(monkeypatch):
    """The editor's questions about shared files really shown (tests refuse them unless
    they answer them): a test clicks their buttons with ``answer_next_dialog``."""
    from blueprint.ui.sharing import questions

    def shown(box):
        box.exec()
        return box.clickedButton()

    monkeypatch.setattr(questions, "exec_box", shown)


def answer_next_dialog(qtbot, act: Callable[[QWidget], None], timeout: int = 5000) -> list:
    """Answer the next modal dialog with ``act`` (which clicks in it) once it shows; returns a
    list that holds the dialog once it was answered."""
    answered: list = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, look)
            return
        answered.append(dialog)
        act(dialog)

    QTimer.singleShot(0, look)
    return answered


def button_of(dialog: QWidget, text: str) -> QAbstractButton:
    """The button of a message box or dialog whose text (without '&') is ``text``."""
    buttons = dialog.findChildren(QAbstractButton)
    found = [b for b in buttons if b.text().replace("&", "") == text and b.isVisible()]
    assert found, f"no button {text!r} in {[b.text() for b in buttons]}"
    return found[0]


def click_in_dialog(text: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        QTest.mouseClick(button_of(dialog, text), LEFT)

    return act


def message_text(dialog: QWidget) -> str:
    if isinstance(dialog, QMessageBox):
        return f"{dialog.text()}\n{dialog.informativeText()}"
    return ""


def ok_button(dialog: QDialog) -> QAbstractButton:
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)
