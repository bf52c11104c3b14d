"""Opening and closing main windows in tests without any question being asked."""

from blueprint.ui.commands import EditTouchpoint
from blueprint.ui.document import Document
from blueprint.ui.main_window import MainWindow


def shown_window(qtbot, document: Document | None = None) -> MainWindow:
    window = MainWindow(document or Document())
    window.show()
    qtbot.waitExposed(window)
    return window


def close_quietly(window: MainWindow) -> None:
    """Close as after saving: drop the changes a test left, so closing asks nothing."""
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def rename_first_touchpoint(window: MainWindow, title: str) -> str:
    """An edit as the user makes it: an undoable command. Returns the touchpoint's id."""
    document = window.document
    touchpoint = document.blueprint.touchpoints[0]
    document.push(EditTouchpoint(document, touchpoint.id, "title", title))
    return touchpoint.id
