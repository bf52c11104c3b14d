"""A row of buttons for a small scale (EPIC 1..5, emotion −2..+2, severity 1..4).

One tab stop for the whole row, as a group of radio buttons has: the keys sit on the
button of the value chosen (or the first, when none is), so a screen reader reads the row
by its name, the value and that it is checked; the arrow keys step through the values and
the keys go with them, a digit picks one, Delete or Backspace clears it when "not set" is
allowed. A click is one choice; arrow keys are like a slider, so a run of them can merge
into one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QWidget,
)

BUTTON_WIDTH = 30
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_STEP_KEYS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: 1,
}
#: Shown for several cards whose values differ: no segment is checked.
MIXED = object()


class SegmentedChoice(QWidget):
    """Pick one of a few values; ``None`` among them means "not set"."""

    #: value, and whether it came from a keyboard step (which may merge with the last)
    chosen = Signal(object, bool)

    def __init__(
        self,
        options: Sequence[tuple[Any, str, str]],
        colours: dict[Any, tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``options``: (value, label, tooltip); ``colours``: value -> (fill, ink) when on."""
        super().__init__(parent)
        self._values = [value for value, _label, _tip in options]
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        for index, (value, label, tip) in enumerate(options):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(BUTTON_WIDTH)
            button.setAccessibleName(tip)
            button.installEventFilter(self)
            fill = (colours or {}).get(value)
            if fill is not None:
                button.setStyleSheet(
                    f"QToolButton:checked {{ background: {fill[0]}; color: {fill[1]};"
                    " border: 1px solid #1d2630; border-radius: 3px; font-weight: bold; }"
                )
            self._group.addButton(button, index)
            layout.addWidget(button)
        layout.addStretch(1)
        self._group.idClicked.connect(self._clicked)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._value: Any = self._values[0]
        self._group.button(0).setChecked(True)
        self._move_tab_stop()

    def setAccessibleName(self, name: str) -> None:
        """The row's name goes before each value's, which alone ("3 of 5") says too little
        where the keys land on it."""
        super().setAccessibleName(name)
        for button in self._group.buttons():
            tip = button.toolTip()
            button.setAccessibleName(tip if tip.startswith(name) else f"{name}: {tip}")

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        """Show a value without announcing it (the document already holds it). A value it
        does not offer (None: nothing is shown) leaves no segment checked."""
        if value not in self._values:
            self._value = None
            self._uncheck()
            self.setAccessibleDescription("Nothing chosen")
            self._move_tab_stop()
            return
        self._value = value
        self._group.button(self._values.index(value)).setChecked(True)
        self._describe()
        self._move_tab_stop()

    def set_mixed(self) -> None:
        """Show that the cards shown hold different values: no segment checked, so any
        choice, even one some of them hold, sets it on all of them."""
        self._value = MIXED
        self._uncheck()
        self._describe()
        self._move_tab_stop()

    def _uncheck(self) -> None:
        checked = self._group.checkedButton()
        if checked is not None:
            # An exclusive group keeps one button checked; let go of it for a moment.
            self._group.setExclusive(False)
            checked.setChecked(False)
            self._group.setExclusive(True)

    def is_mixed(self) -> bool:
        return self._value is MIXED

    def button(self, value: Any) -> QToolButton:
        return self._group.button(self._values.index(value))  # type: ignore[return-value]

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), 28))

    # --- the user's choice -----------------------------------------------------------------

    def _clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._choose(self._values[index], False)

    def _choose(self, value: Any, stepped: bool) -> None:
        if value == self._value:
            self.set_value(value)  # a click on the checked button leaves it checked
            return
        self.set_value(value)
        self.chosen.emit(value, stepped)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        """Whether the key chose a value."""
        key = Qt.Key(event.key())
        # From a mixed value, a step right starts at the first score, left at the last:
        # never at "not set", which cleared every card's (Delete clears).
        index = self._values.index(self._value) if not self.is_mixed() else -1
        if key in _STEP_KEYS:
            if index < 0 and _STEP_KEYS[key] < 0:
                index = len(self._values)
            elif index < 0 and self._values[0] is None:
                index = 0
            index = min(len(self._values) - 1, max(0, index + _STEP_KEYS[key]))
            self._choose(self._values[index], True)
        elif key == Qt.Key.Key_Home:
            self._choose(self._values[0], False)
        elif key == Qt.Key.Key_End:
            self._choose(self._values[-1], False)
        elif key in _CLEAR_KEYS and None in self._values:
            self._choose(None, False)
        elif event.text() and self._by_text(event.text()) is not None:
            self._choose(self._by_text(event.text()), False)
        else:
            return False
        return True

    def _by_text(self, text: str) -> Any:
        labels = {self._group.button(i).text().lstrip("+"): v for i, v in enumerate(self._values)}
        return labels.get(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The keys land on a button: what they do is the row's."""
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and event.key() in _CLEAR_KEYS:
            # Delete here clears the value; it must not reach the window's "delete touchpoint".
            event.accept()
            return True
        if kind == QEvent.Type.KeyPress:
            return self._key(event)
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()  # the ring around the row
        return super().eventFilter(watched, event)

    # --- the keys sit on the value chosen ---------------------------------------------------------

    def _move_tab_stop(self) -> None:
        """The button the keys reach by Tab: the one checked, or the first when none is;
        the keys go with it when the row has them."""
        stop = self._group.checkedButton() or self._group.button(0)
        had_keys = self.hasFocus()
        self.setFocusProxy(stop)
        # A row with nothing checked says why on the button the keys reach, and nowhere
        # else ("Nothing chosen" stayed on the first button once a value was chosen).
        unchecked = "" if self._group.checkedButton() else self.accessibleDescription()
        for button in self._group.buttons():
            policy = Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.NoFocus
            button.setFocusPolicy(policy)
            button.setAccessibleDescription(unchecked if button is stop else "")
        if had_keys and not stop.hasFocus():
            stop.setFocus(Qt.FocusReason.OtherFocusReason)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            # A clear ring around the buttons in use: the style's dotted focus rect is faint.
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            used = self.childrenRect().adjusted(-1, -1, 1, 1)
            painter.drawRoundedRect(QRectF(used), 4, 4)
            painter.end()

    def _describe(self) -> None:
        if self.is_mixed():
            self.setAccessibleDescription("Mixed: the cards differ")
            return
        index = self._values.index(self._value)
        self.setAccessibleDescription(self._group.button(index).toolTip())
