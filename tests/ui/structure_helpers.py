"""Acting on stage and channel headers as a user does: right-click, double-click, drag."""

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QGraphicsView, QMenu

from blueprint.ui.main_window import MainWindow
from blueprint.ui.structure import StructureTools
from blueprint.ui.structure.axes import CHANNELS, STAGES, Axis
from blueprint.ui.structure.header_hit import header_rect
from blueprint.ui.structure.removal_dialog import RemovalDialog
from tests.ui.canvas_helpers import LEFT, NO_BUTTON, context_click, double_click, mouse

__all__ = ["CHANNELS", "STAGES"]


def structure(window: MainWindow) -> StructureTools:
    return window.structure


def strip(window: MainWindow, axis: Axis) -> QGraphicsView:
    return axis.strip(window.canvas)


def header_centre(window: MainWindow, axis: Axis, entity_id: str) -> QPoint:
    """The middle of a header, in its strip's viewport."""
    return header_rect(strip(window, axis), axis, entity_id).center()


def header_on_screen(window: MainWindow, axis: Axis, entity_id: str) -> int:
    """Where the header starts along its axis, as the strip shows it."""
    rect = header_rect(strip(window, axis), axis, entity_id)
    return rect.left() if axis.horizontal else rect.top()


def right_click_header(window: MainWindow, axis: Axis, entity_id: str) -> QMenu:
    view = strip(window, axis)
    context_click(view, header_centre(window, axis, entity_id))
    menu = structure(window).header_menu.menu
    assert menu.isVisible()
    return menu


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def choose(qtbot, menu: QMenu, text: str) -> None:
    """Click the entry of an open menu whose text (without '&') is ``text``."""
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    assert action.isEnabled(), text
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
    assert not menu.isVisible()


def double_click_header(window: MainWindow, axis: Axis, entity_id: str) -> None:
    double_click(strip(window, axis), header_centre(window, axis, entity_id))


def press_header(window: MainWindow, axis: Axis, entity_id: str) -> QPoint:
    start = header_centre(window, axis, entity_id)
    mouse(strip(window, axis), QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    return start


def move_to(window: MainWindow, axis: Axis, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Move with the button held, in steps, as a hand does."""
    for i in range(1, steps + 1):
        point = start + (end - start) * i / steps
        mouse(strip(window, axis), QEvent.Type.MouseMove, point, NO_BUTTON, LEFT)


def release(window: MainWindow, axis: Axis, point: QPoint) -> None:
    mouse(strip(window, axis), QEvent.Type.MouseButtonRelease, point, LEFT, NO_BUTTON)


def drag_header(window: MainWindow, axis: Axis, entity_id: str, end: QPoint) -> None:
    start = press_header(window, axis, entity_id)
    move_to(window, axis, start, end)
    release(window, axis, end)


def point_before(window: MainWindow, axis: Axis, entity_id: str) -> QPoint:
    """A point of the strip a little into the first half of this header."""
    rect = header_rect(strip(window, axis), axis, entity_id)
    if axis.horizontal:
        return QPoint(rect.left() + rect.width() // 4, rect.center().y())
    return QPoint(rect.center().x(), rect.top() + rect.height() // 4)


def point_after(window: MainWindow, axis: Axis, entity_id: str) -> QPoint:
    rect = header_rect(strip(window, axis), axis, entity_id)
    if axis.horizontal:
        return QPoint(rect.right() - rect.width() // 4, rect.center().y())
    return QPoint(rect.center().x(), rect.bottom() - rect.height() // 4)


def answer_removal(monkeypatch, accept: bool) -> list[str]:
    """Answer the removal dialog (Remove or Cancel); returns what each one said."""
    said: list[str] = []

    def answer(dialog: RemovalDialog) -> int:
        said.append(dialog.text())
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(RemovalDialog, "exec", answer)
    return said


def refuse_removal_dialog(monkeypatch) -> None:
    """A removal dialog nobody answers would hang the run: make it fail the test."""

    def refuse(dialog: RemovalDialog) -> int:
        raise AssertionError(f"an unexpected removal dialog: {dialog.text()}")

    monkeypatch.setattr(RemovalDialog, "exec", refuse)


def colour_at(view: QGraphicsView, scene_point: QPointF) -> QColor:
    """The colour the view shows at a point of the scene (painted afresh)."""
    image = view.viewport().grab().toImage()
    point = view.mapFromScene(scene_point)
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


KEY_ESCAPE = Qt.Key.Key_Escape
