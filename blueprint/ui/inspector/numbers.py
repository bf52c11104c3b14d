"""Spin boxes for the model's numbers: whole numbers show no ".0", and "not set" is a value.

A field that may be unset (duration, wait, a persona's share) keeps one step below its
minimum for "not set": arrow down past zero, or clear the text, to unset it.

Numbers are written as everywhere else in the app (and in the plan), the English way: "1234.5".
They are read that way, and also with a decimal comma where it cannot group thousands: "12,5"
is 12.5 (Qt read it as 125, the comma a misplaced thousands separator) and "1.234,5" is
1234.5; "1,234" still groups thousands, and so does a space ("1 234,5", as French and Nordic
users type it: the space froze the field). Halves round up, as the plan rounds them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QWidget

from ...report.formatting import half_up
from .forms import wheel_scrolls_past

NOT_SET = "not set"
#: Digits, a sign and decimal marks: a number still being typed.
_TYPING = re.compile(r"[-+]?[\d.,]*")
#: Spaces that group thousands: "1 234", with a no-break or a narrow no-break space too.
_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d)")
#: How numbers are written and read in the fields: as the rest of the app writes them.
NUMBERS = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def in_locale(text: str, locale: QLocale) -> str:
    """``text`` with the other decimal mark (a comma where the locale's is a dot, or the
    reverse) turned into the locale's, wherever it cannot be a thousands separator: not
    followed by exactly three digits, or after digits grouped in thousands by the locale's
    own mark ("1.234,5" on an English system)."""
    point, group = locale.decimalPoint(), locale.groupSeparator()
    other = {".": ",", ",": "."}.get(point)
    if other is None or group != other:
        return text
    p, o = re.escape(point), re.escape(other)
    if re.fullmatch(rf"[-+]?\d{{1,3}}({p}\d{{3}})+{o}\d*", text):  # 1.234,5 on English
        return text.replace(point, "").replace(other, point)
    if re.fullmatch(rf"[-+]?\d*{o}(\d{{1,2}}|\d{{4,}})?", text):  # 12,5 or 12, (not 1,234)
        return text.replace(other, point)
    return text


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
        wheel_scrolls_past(self)  # in a scrolled panel, the wheel scrolls past it
        self._optional = optional
        self._floor = minimum
        self.setLocale(NUMBERS)  # "1,235" in a German panel beside "1234,5" read as 1.235
        self.setDecimals(decimals)
        self.setSingleStep(step)
        self.setRange(minimum - step if optional else minimum, maximum)
        if optional:
            self.setSpecialValueText(NOT_SET)
        self.setSuffix(suffix)
        self.setAccelerated(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.valueChanged.connect(self._announce)
        self.editingFinished.connect(self._show_as_read)
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

    def _show_as_read(self) -> None:
        """Once left, the field shows the number as it was read ("12,5" as "12.5", "1.26"
        as "1.3" where one decimal is kept), not as it was typed."""
        if self.number() is None:
            shown = self.specialValueText()
        else:
            shown = self.textFromValue(self.value()) + self.suffix()
        if self.lineEdit().text() != shown:
            self.lineEdit().setText(shown)

    def textFromValue(self, value: float) -> str:
        # Qt reads a spin box's value to assistive technology through this: "not set" is
        # said as shown, not as the -1 that stands for it.
        if self.specialValueText() and value == self.minimum():
            return self.specialValueText()
        return self.number_text(value)

    def number_text(self, value: float) -> str:
        """A number as the field writes it: as QDoubleSpinBox does, without trailing zeros."""
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
        state, _, _ = super().validate(self._read(text), position)
        if state == QValidator.State.Invalid and _TYPING.fullmatch(self._bare(text)):
            # On its way to a number ("1.23" before "1.234,5", more decimals than kept):
            # read when the field is left.
            state = QValidator.State.Intermediate
        return state, text, position  # as typed

    def valueFromText(self, text: str) -> float:
        if self._optional and self._bare(text) == "":
            return self.minimum()
        return super().valueFromText(self._read(text))

    def fixup(self, text: str) -> str:
        """A number still being typed when the field is left, as the field shows it: with
        the other decimal mark read as one, and rounded to the decimals kept ("1,26" is 1.3
        where one decimal is kept; Qt dropped the comma and read 126)."""
        value, read = self.locale().toDouble(self._read(self._bare(text)))
        if not read:
            return super().fixup(text)
        scale = 10 ** self.decimals()
        rounded = half_up(value * scale) / scale  # halves up, as the plan rounds (3,25: 3.3)
        bounded = min(max(rounded, self.minimum()), self.maximum())
        return self.textFromValue(bounded) + self.suffix()

    def _read(self, text: str) -> str:
        """The text as the field's numbers are written (see ``in_locale``), spaces that
        group thousands taken out."""
        bare = self._bare(text)
        if not bare:
            return text
        return text.replace(bare, in_locale(_SPACES.sub("", bare), self.locale()), 1)

    def _bare(self, text: str) -> str:
        suffix = self.suffix()
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        return text.strip()
