"""Spin boxes for the model's numbers: whole numbers show no ".0", and "not set" is a value.

A field that may be unset (duration, wait, a persona's share) keeps one step below its
minimum for "not set": arrow down past zero, or clear the text, to unset it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QWidget

from .forms import wheel_only_when_focused

NOT_SET = "not set"


class NumberBox(QDoubleSpinBox):
    """A decimal spin box that shows 12 as "12" and 2.5 as "2.5"."""

    #: the value the user set (None when unset); programmatic changes are not announced
    edited = Signal(object)

    def __init__(
        self,
        minimum: float,
        maximum: float,
        step: float = 1.0,
        decimals: int = 1,
        suffix: str = "",
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        wheel_only_when_focused(self)  # in a scrolled panel, the wheel scrolls past it
        self._optional = optional
        self._floor = minimum
        self.setDecimals(decimals)
        self.setSingleStep(step)
        self.setRange(minimum - step if optional else minimum, maximum)
        if optional:
            self.setSpecialValueText(NOT_SET)
        self.setSuffix(suffix)
        self.setAccelerated(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.valueChanged.connect(self._announce)
        self._quiet = False

    def number(self) -> float | None:
        if self._optional and self.value() < self._floor:
            return None
        return self.value()

    def set_number(self, number: float | None) -> None:
        """Show a value from the document, without announcing it."""
        if number == self.number():
            return
        self._quiet = True
        try:
            self.setValue(self.minimum() if number is None else number)
        finally:
            self._quiet = False

    def _announce(self, _value: float) -> None:
        if self._quiet:
            return
        if self._optional and self.minimum() < self.value() < self._floor:
            self.setValue(self._floor)  # between "not set" and the minimum: the minimum
            return
        self.edited.emit(self.number())

    def textFromValue(self, value: float) -> str:
        # As QDoubleSpinBox writes it (the user's locale), without trailing zeros.
        locale = self.locale()
        text = locale.toString(value, "f", self.decimals())
        if not self.isGroupSeparatorShown():
            text = text.replace(locale.groupSeparator(), "")
        point = locale.decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text

    def validate(self, text: str, position: int):
        # An emptied optional field means "not set".
        if self._optional and self._bare(text) == "":
            return QValidator.State.Acceptable, text, position
        return super().validate(text, position)

    def valueFromText(self, text: str) -> float:
        if self._optional and self._bare(text) == "":
            return self.minimum()
        return super().valueFromText(text)

    def _bare(self, text: str) -> str:
        suffix = self.suffix()
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        return text.strip()
