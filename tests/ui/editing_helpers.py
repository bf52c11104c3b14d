"""A main window with the editing tools, and acting in it as a user does."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QListWidget

from blueprint.ui.canvas.card import CardItem
from blueprint.ui.document import Document
from blueprint.ui.inspector import EditingTools
from blueprint.ui.main_window import MainWindow
from tests.ui.canvas_helpers import LEFT, NO_BUTTON, mouse, on_screen

CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot, document: Document, path=None) -> MainWindow:
    window = MainWindow(document)
    if path is not None:
        assert window.open_path(path)
    window.show()
    qtbot.waitExposed(window)
    show_panels(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.canvas.actual_size()
    return window


def show_panels(window: MainWindow) -> None:
    """The test screen is small, where the panels start hidden: open them from View."""
    editing = tools(window)
    for dock in (editing.personas_dock, editing.inspector_dock):
        if dock.isHidden():
            dock.toggleViewAction().trigger()
    editing.inspector_dock.raise_()


def close_window(window: MainWindow) -> None:
    window.document.undo_stack.setClean()  # closing asks nothing
    window.close()
    window.deleteLater()


def tools(window: MainWindow) -> EditingTools:
    return window.editing


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def click_card(window: MainWindow, touchpoint_id: str, modifiers=Qt.KeyboardModifier.NoModifier):
    """Press and release on the lower half of a card (its title is in the upper half)."""
    view = window.canvas
    card: CardItem = view.blueprint_scene.card(touchpoint_id)
    view.ensureVisible(card, 40, 40)
    point = on_screen(view, card.x() + 60, card.y() + 70)
    mouse_with(view, point, modifiers)
    return point


def mouse_with(view, point: QPoint, modifiers) -> None:
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    for kind, button, buttons in (
        (QEvent.Type.MouseButtonPress, LEFT, LEFT),
        (QEvent.Type.MouseButtonRelease, LEFT, NO_BUTTON),
    ):
        event = QMouseEvent(
            kind,
            QPointF(point),
            QPointF(view.viewport().mapToGlobal(point)),
            button,
            buttons,
            modifiers,
        )
        QApplication.sendEvent(view.viewport(), event)


def click_empty_place(window: MainWindow, stage_id: str, channel_id: str) -> None:
    view = window.canvas
    layout = view.blueprint_scene.grid_layout
    cell = layout.cell(stage_id, channel_id)
    x, y = cell.right - 8, cell.bottom - 8
    view.centerOn(x, y)
    point = on_screen(view, x, y)
    mouse(view, _press(), point, LEFT, LEFT)
    mouse(view, _release(), point, LEFT, NO_BUTTON)


def _press():
    from PySide6.QtCore import QEvent

    return QEvent.Type.MouseButtonPress


def _release():
    from PySide6.QtCore import QEvent

    return QEvent.Type.MouseButtonRelease


def tick(qtbot, checklist: QListWidget, row: int) -> None:
    """Move to a row of a checkable list and toggle it with the space bar."""
    checklist.setFocus()
    checklist.setCurrentRow(row)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)


def replace_text(qtbot, field, text: str) -> None:
    """Click into a line field, select all of it and type over it."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, text)


def pick_from_popup(qtbot, combo, text: str) -> None:
    """Open a combo box's list with a click, and click the entry showing ``text``."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = view.model().match(
        view.model().index(0, combo.modelColumn()),
        Qt.ItemDataRole.DisplayRole,
        text,
        1,
        Qt.MatchFlag.MatchExactly,
    )
    assert index, f"{text!r} is not offered in {combo.accessibleName()!r}"
    view.scrollTo(index[0])
    # The list ignores a release right after it opens (the release of the opening click).
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    rect = view.visualRect(index[0])
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())


def pick_with_keys(qtbot, combo, text: str) -> None:
    """Tab to a combo box, open its list with Alt+Down, walk to ``text`` and press Enter."""
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    for _ in range(combo.count()):
        if view.currentIndex().data() == text:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().data() == text, f"{text!r} is not offered"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
