"""The find bar under the canvas: type words, see how many cards hold them, go through them.

Enter goes to the next result and Shift+Enter to the previous one (as F3 and Shift+F3 do
anywhere in the window); Escape closes the bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar, QToolButton, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FindField(QLineEdit):
    nextRequested = Signal()
    previousRequested = Signal()
    closeRequested = Signal()

    def event(self, event: QEvent) -> bool:
        # Escape is this field's while it has the focus, whatever the window binds it to.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            (self.previousRequested if shifted else self.nextRequested).emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QToolBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Find", parent)
        self.setObjectName("findToolBar")
        self.setMovable(False)
        self.addWidget(self._label("Find"))
        self.field = FindField(self)
        self.field.setPlaceholderText("Titles, lanes, notes, friction points")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find in the blueprint")
        self.field.setMinimumWidth(320)
        self.addWidget(self.field)
        self.count = self._label("")
        self.count.setMinimumWidth(90)
        self.addWidget(self.count)
        self.previous = self._button("Previous", "Go to the previous result (Shift+Enter)")
        self.next = self._button("Next", "Go to the next result (Enter)")
        self.close_button = self._button("Close", "Close the find bar (Esc)")
        self.previous.clicked.connect(self.field.previousRequested)
        self.next.clicked.connect(self.field.nextRequested)
        self.close_button.clicked.connect(self.field.closeRequested)
        self.hide()

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(8, 0, 8, 0)
        return label

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        self.addWidget(button)
        return button
