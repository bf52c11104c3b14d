"""Keyboard focus that shows on a projector: the system style's own look, with the focus of a
button, a check box, a tab or a list drawn as a 2-pixel ring in the highlight colour.

Fusion shows a focused tab by a tint 1.16:1 against the others, and none at all once a dialog
has closed; a focused table or list by nothing but its current row: both get the ring.

Fusion marks a focused push button with a 1-pixel outline a shade off its border, and none at
all on a button the program gave the focus to (after a delete, the "Add friction" button):
the key presses went to a button nobody could see. A proxy of the style, not a style sheet: a
style sheet replaces the native look of every widget it touches.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

#: The ring's width, in pixels.
RING = 2.0

_Element = QStyle.PrimitiveElement
_Control = QStyle.ControlElement


class VisibleFocus(QProxyStyle):
    """The application's style, with a clear focus ring."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == _Element.PE_FrameFocusRect:
            _ring(option, painter, inset=1.0)
            return
        super().drawPrimitive(element, option, painter, widget)
        if (
            element == _Element.PE_PanelButtonCommand
            and option.state & QStyle.StateFlag.State_HasFocus
        ):
            _ring(option, painter, inset=RING / 2)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        width = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(
            widget, QAbstractItemView
        ):
            return max(width, int(RING))  # the whole ring outside the rows, not under them
        return width

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if not option.state & QStyle.StateFlag.State_HasFocus:
            return
        if element == _Control.CE_TabBarTabShape or (
            element == _Control.CE_ShapedFrame and isinstance(widget, QAbstractItemView)
        ):
            _ring(option, painter, inset=RING / 2)


def _ring(option: QStyleOption, painter: QPainter, inset: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), RING))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset), 3, 3)
    painter.restore()


def show_focus_clearly(app: QApplication) -> None:
    """Wrap the application's style, once."""
    if not isinstance(app.style(), VisibleFocus):
        app.setStyle(VisibleFocus(app.style().name()))
