"""The quick-capture bar: a big title field, where the next card goes, and the keys.

The bar only says what the user asked for (``captureRequested``, ``moveRequested``); the
``QuickCapture`` it belongs to decides what that does to the document.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..canvas import palette
from ..canvas.accessible import announce
from ..canvas.drawing import colour

#: The title field and the target, relative to the window's (already larger) type.
FIELD_SCALE = 1.5
TITLE_MAX_LENGTH = 500
KEYS_HELP = (
    "Enter adds the card and moves to the next stage · Tab / Shift+Tab: next / previous "
    "stage · ↑ / ↓: channel · Alt+arrows: any direction · Esc leaves workshop mode"
)
PROBLEM_INK = palette.SEVERITY[3]

_STAGE_KEYS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
_CHANNEL_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}


class CaptureLine(QLineEdit):
    """The title field: Enter captures; Tab and arrows move the target, not the focus."""

    #: the title typed (Enter)
    captureRequested = Signal(str)
    #: stages, channels to move the target by
    moveRequested = Signal(int, int)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Tab,
                Qt.Key.Key_Backtab,
            ):
                # Tab would move the focus away; here it moves the target instead.
                backwards = event.key() == Qt.Key.Key_Backtab or bool(
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                self.moveRequested.emit(-1 if backwards else 1, 0)
                return True
            if event.type() == QEvent.Type.ShortcutOverride and self._leaves_undo(event):
                # Nothing typed to undo: Ctrl+Z undoes the last card (the window's Undo).
                event.ignore()
                return True
        return super().event(event)

    def _leaves_undo(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Undo):
            return not self.isUndoAvailable()
        if event.matches(QKeySequence.StandardKey.Redo):
            return not self.isRedoAvailable()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.captureRequested.emit(self.text())
        elif key in _CHANNEL_KEYS:
            self.moveRequested.emit(0, _CHANNEL_KEYS[key])
        elif alt and key in _STAGE_KEYS:
            self.moveRequested.emit(_STAGE_KEYS[key], 0)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class CaptureBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = CaptureLine(self)
        self.line.setObjectName("workshopCapture")
        self.line.setAccessibleName("Quick capture: title of the next card")
        self.line.setPlaceholderText("Type what the customer does, then Enter")
        self.line.setMaxLength(TITLE_MAX_LENGTH)
        self.line.setClearButtonEnabled(True)
        self.target = QLabel(self)
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        self.target.setAccessibleName("Where the next card goes")
        # Over two lines where it is long ("… (last stage: the next cards stack here)"):
        # on one, it took the row and the field shrank until the title typed was out of sight.
        self.target.setWordWrap(True)
        self.help = QLabel(KEYS_HELP, self)
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.help.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.help.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.line, 3)
        row.addWidget(self.target, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(4)
        column.addLayout(row)
        column.addWidget(self.help)
        self.enlarge(self.font())

    def enlarge(self, base: QFont) -> None:
        """Size the field and the target from the window's type (larger in workshop mode)."""
        big = QFont(base)
        if base.pointSizeF() > 0:
            big.setPointSizeF(base.pointSizeF() * FIELD_SCALE)
        else:
            big.setPixelSize(round(base.pixelSize() * FIELD_SCALE))
        self.line.setFont(big)
        bold = QFont(big)
        bold.setBold(True)
        self.target.setFont(bold)

    def show_target(self, words: str | None, note: str = "") -> None:
        if words is None:
            self._say_target("Add a stage and a channel first")
            self.line.setEnabled(False)
            return
        self.line.setEnabled(True)
        self._say_target(f"Next: {words}" + (f" ({note})" if note else ""))

    def _say_target(self, text: str) -> None:
        self.target.setText(text)
        # Its name says what it is; a screen reader reads where, and hears it move.
        self.target.setAccessibleDescription(text)
        announce(self.target, text)

    def show_problem(self, message: str | None) -> None:
        """A refused title, said under the field until the next capture; None clears it."""
        if message is None:
            self.help.setText(KEYS_HELP)
            self.help.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.help.setPalette(QPalette())
            return
        self.help.setText(message)
        shown = self.help.palette()
        shown.setColor(QPalette.ColorRole.WindowText, colour(PROBLEM_INK))
        self.help.setPalette(shown)
        self.help.setForegroundRole(QPalette.ColorRole.WindowText)
