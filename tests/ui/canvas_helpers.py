"""Acting on the canvas as a user does: real mouse events on the view's viewport."""

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from blueprint.ui.canvas.layout import Rect

LEFT = Qt.MouseButton.LeftButton
NO_BUTTON = Qt.MouseButton.NoButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def on_screen(view, x: float, y: float) -> QPoint:
    """The viewport point showing scene point (x, y)."""
    return view.mapFromScene(QPointF(x, y))


def centre(rect: Rect) -> tuple[float, float]:
    return rect.center


def mouse(view, kind: QEvent.Type, point: QPoint, button, buttons) -> None:
    local = QPointF(point)
    global_point = QPointF(view.viewport().mapToGlobal(point))
    event = QMouseEvent(kind, local, global_point, button, buttons, NO_MODIFIER)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start: QPoint, end: QPoint, steps: int = 5) -> None:
    """Press, move in steps with the button held (QTest's mouseMove cannot), release."""
    mouse(view, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for i in range(1, steps + 1):
        point = start + (end - start) * i / steps
        mouse(view, QEvent.Type.MouseMove, point, NO_BUTTON, LEFT)
    mouse(view, QEvent.Type.MouseButtonRelease, end, LEFT, NO_BUTTON)


def double_click(view, point: QPoint) -> None:
    mouse(view, QEvent.Type.MouseButtonPress, point, LEFT, LEFT)
    mouse(view, QEvent.Type.MouseButtonRelease, point, LEFT, NO_BUTTON)
    mouse(view, QEvent.Type.MouseButtonDblClick, point, LEFT, LEFT)
    mouse(view, QEvent.Type.MouseButtonRelease, point, LEFT, NO_BUTTON)


def context_click(view, point: QPoint) -> None:
    """A right-click's context-menu request at ``point`` of the view's viewport."""
    from PySide6.QtGui import QContextMenuEvent

    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
