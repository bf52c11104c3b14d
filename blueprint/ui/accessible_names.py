"""Names for assistive technology that say what a widget is for, on every desktop.

Qt on Linux names a combo box by its current text ("Any severity"), and leaves what it is
for to the label it is the buddy of; a combo box without one is read as its value alone. So
a named combo box without a label gets one nobody sees. Scroll bars and the menu bar get
names from what they belong to.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollBar,
    QWidget,
)


def plain_label(text: str) -> str:
    """A menu label as read: 'Save &As…' is 'Save As…', 'R&&D' is 'R&D'."""
    return re.sub("&(.)", r"\1", text)


def name_widget(widget: QWidget, name: str) -> None:
    """Give ``widget`` this accessible name, as a label too where Linux reads only that."""
    widget.setAccessibleName(name)
    if isinstance(widget, QComboBox):
        _label_combo(widget)


def name_the_rest(window: QMainWindow) -> None:
    """Name what the window's parts leave unnamed: labels for named combo boxes, names for
    scroll bars, the menu bar and its menus."""
    window.menuBar().setAccessibleName("Menu bar")
    for menu in window.findChildren(QMenu):
        # A menu opened is read by its window title otherwise: the program's name, for
        # every menu ("Blueprint menu").
        if not menu.accessibleName() and menu.title():
            menu.setAccessibleName(plain_label(menu.title()))
    for combo in window.findChildren(QComboBox):
        _label_combo(combo)
    name_scroll_bars(window)


def name_scroll_bars(widget: QWidget) -> None:
    """Name the scroll bars under ``widget`` left unnamed, by what they scroll: also for a
    panel made after the window was named (the staircase's were read as nameless)."""
    for bar in widget.findChildren(QScrollBar):
        if not bar.accessibleName():
            _name_scroll_bar(bar)


def literal(text: str) -> str:
    """Text a person typed, for a label, a button or a menu item that takes '&' as the mark
    of its Alt+letter: each '&' shown as it is ("Check-in & bag drop" read "Check-in _bag
    drop")."""
    return text.replace("&", "&&")


def labels_of(widget: QWidget) -> list[QLabel]:
    """The labels whose buddy ``widget`` is (what assistive technology reads as its label)."""
    parent = widget.parentWidget()
    if parent is None:
        return []
    return [label for label in parent.findChildren(QLabel) if label.buddy() is widget]


def _label_combo(combo: QComboBox) -> None:
    name = combo.accessibleName()
    if not name or labels_of(combo) or combo.parentWidget() is None:
        return
    label = QLabel(literal(name), combo.parentWidget())  # no Alt+letter in it
    label.setObjectName("unseenLabel")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(combo)
    label.hide()


def _name_scroll_bar(bar: QScrollBar) -> None:
    area = bar.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    owner = _owner_name(area) if area is not None else ""
    way = "up and down" if bar.orientation() == Qt.Orientation.Vertical else "left and right"
    bar.setAccessibleName(f"Scroll {owner} {way}" if owner else f"Scroll {way}")


def _owner_name(widget: QWidget) -> str:
    """The name of the widget, or of the nearest named widget or panel around it."""
    current: QWidget | None = widget
    while current is not None:
        if current.accessibleName():
            return current.accessibleName()
        if isinstance(current, QDockWidget):
            return current.windowTitle()
        current = current.parentWidget()
    return ""
