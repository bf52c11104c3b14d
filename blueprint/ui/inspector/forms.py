"""Small building blocks shared by the editing panels: sized text areas, captions, lists
that own their Delete key, and a guard that keeps Delete inside a panel."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


TEXT_AREA_FOCUS = "QPlainTextEdit:focus { border: 2px solid palette(highlight); }"
#: The same for a list: the style draws no focus frame round one either (the Measures list).
LIST_FOCUS = "QListWidget:focus { border: 2px solid palette(highlight); }"


def text_area(lines: int, accessible_name: str, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field about ``lines`` lines high; Tab moves on instead of typing a tab."""
    area = QPlainTextEdit()
    area.setTabChangesFocus(True)
    # The style draws no focus frame round a multi-line field (only the caret blinks): a
    # keyboard user on a projector could not see where the keys were.
    area.setStyleSheet(TEXT_AREA_FOCUS)
    area.setAccessibleName(accessible_name)
    area.setPlaceholderText(placeholder)
    height = QFontMetrics(area.font()).lineSpacing() * lines + 14
    area.setFixedHeight(height)
    area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return area


def caption(text: str, muted: bool = True) -> QLabel:
    """A line of explanation under or between fields; plain text, so a name in it (a stage
    called "<b>Support</b>") shows as typed."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def heading(text: str) -> QLabel:
    """The title of a part of a panel ("Measures"), in bold."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setHorizontalSpacing(8)
    form.setVerticalSpacing(6)
    return form


class _WheelGuard(QObject):
    """The wheel over a value field scrolls its panel and changes nothing: passing over a
    box it changed a persona's preferred channel, and over a box just picked from (which
    keeps the focus) it turned 'per week' into 'per quarter' as the user scrolled on down.
    Keys change a value; the wheel only ever reads the panel."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            event.ignore()  # on to the scroll area around it
            return True
        return False


_WHEEL_GUARD = _WheelGuard()


#: The keys that browse a choice box's entries.
ARROWS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down})
BROWSING = ARROWS | {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End}


class _KeysOpenTheList(QObject):
    """Browsing keys on a closed choice box open its list, to browse and pick with Enter:
    on a box whose choice applies at once (a filter, the friction point an improvement
    links), they changed it as the keys walked past (Tab, then Down, faded the canvas to
    one persona, unsaid)."""

    def __init__(self, keys: frozenset[Qt.Key]) -> None:
        super().__init__()
        self._keys = keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QComboBox)
            and event.key() in self._keys
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            watched.showPopup()
            return True
        return False


_OPENERS = {keys: _KeysOpenTheList(keys) for keys in (ARROWS, BROWSING)}


def arrows_open_the_list(combo: QComboBox, keys: frozenset[Qt.Key] = ARROWS) -> None:
    """``keys`` (the arrows, or every browsing key) open ``combo``'s list, never pick."""
    combo.installEventFilter(_OPENERS[keys])


def wheel_scrolls_past(field: QWidget) -> None:
    """The wheel over ``field`` (a combo box, a number box) scrolls its panel instead."""
    if isinstance(field, QComboBox | QAbstractSpinBox):
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        field.installEventFilter(_WHEEL_GUARD)


class FieldLabel(QLabel):
    """A field's label: its Alt+letter takes the keys to the field, or to the first field
    of a row of them (Qt gives the keys only to a buddy that takes them itself: the letters
    of Duration, Personas and Frequency did nothing)."""

    def event(self, event: QEvent) -> bool:
        field = self.buddy()
        if (
            event.type() == QEvent.Type.Shortcut
            and field is not None
            and field.focusPolicy() == Qt.FocusPolicy.NoFocus
        ):
            first = first_field(field)
            if first is not None:
                first.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().event(event)


def in_tab_order(root: QWidget) -> Iterator[QWidget]:
    """The widgets inside ``root``, in the window's Tab order. The whole chain is walked: a
    widget added to ``root`` later sits far on in it."""
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root:
        if root.isAncestorOf(widget):
            yield widget
        widget = widget.nextInFocusChain()


def first_field(row: QWidget) -> QWidget | None:
    """The first field of ``row`` in sight that takes the keys by Tab, in the Tab order."""
    return next(
        (
            widget
            for widget in in_tab_order(row)
            if widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ),
        None,
    )


def add_row(form: QFormLayout, label: str, field: QWidget, tip: str = "") -> QLabel:
    """A labelled row whose label is the field's buddy (Alt+letter) and accessible name."""
    wheel_scrolls_past(field)
    text = FieldLabel(label)
    text.setBuddy(field)
    field.setAccessibleName(label.replace("&", "").rstrip(":"))
    if tip:
        field.setToolTip(tip)
        text.setToolTip(tip)
    form.addRow(text, field)
    return text


class CompactCombo(QComboBox):
    """A combo box narrower than its longest entry: the choice shown ends in "…" where it
    does not fit (it was cut mid-word: "Simplify: the company needs it, cust"); the list
    it opens shows each entry whole."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        room = field.width() - (
            option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(0, room)
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def compact_combo(minimum_characters: int = 16) -> QComboBox:
    """A combo box that does not widen the panel for its longest entry."""
    combo = CompactCombo()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum_characters)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    wheel_scrolls_past(combo)
    return combo


class KeyList(QListWidget):
    """A list whose Delete key removes its current entry (``deleteRequested``), instead of
    reaching the window's Delete, which removes the selected touchpoints."""

    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Long titles end in "…" rather than pushing a scroll bar into a narrow panel.
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)  # thousands of rows lay out at once
        self.setStyleSheet(LIST_FOCUS)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_delete(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_delete(event):
            self.deleteRequested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


def _is_delete(event) -> bool:
    return event.key() in _DELETE_KEYS and not event.modifiers()


class DeleteKeyGuard(QObject):
    """Delete pressed anywhere in a panel stays in the panel.

    The window's Delete removes the selected touchpoints; pressed in a combo box of the
    inspector it would remove the touchpoint being edited, which nobody means.
    """

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        for widget in (root, *root.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_delete(event):
            event.accept()
        return False
