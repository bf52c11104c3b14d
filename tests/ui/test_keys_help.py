"""Help > Keyboard Shortcuts (F1): every key of the window in one list, read from the menus."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from blueprint.ui.commands import EditTouchpoint
from blueprint.ui.keys_help import TITLE, KeyboardShortcuts
from tests.ui.editing_helpers import close_window, open_window


def rows(dialog: KeyboardShortcuts) -> list[tuple[str, str]]:
    tree = dialog.tree
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1))
        for i in range(tree.topLevelItemCount())
    ]


def test_f1_lists_the_canvas_keys_and_every_menu_key(qtbot, document):
    window = open_window(qtbot, document)
    seen: list[list[tuple[str, str]]] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, KeyboardShortcuts) and dialog.windowTitle() == TITLE
        seen.append(rows(dialog))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    try:
        window.document.push(EditTouchpoint(window.document, "tp-status-chat", "title", "Chat"))
        QTimer.singleShot(0, read_and_close)
        window.canvas.setFocus()
        qtbot.keyClick(window.canvas, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: bool(seen))
        listed = seen[0]
        assert ("Canvas", "") in listed and ("File menu", "") in listed
        assert ("Arrow keys", "The next card, or the next cell, in that direction") in listed
        assert ("Ctrl+S", "Save") in listed
        assert ("F6", "Next Pane") in listed
        assert ("Ctrl+L", "Connect Cards") in listed
        assert ("Ctrl+Z", "Undo") in listed  # not the step it would undo now
        assert QApplication.activeModalWidget() is None  # Escape closed it
    finally:
        close_window(window)
