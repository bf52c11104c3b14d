"""Finding the mnemonics (Alt+letter) of a window or dialog, and the ones that clash.

Two mnemonics clash when their widgets can be in sight at the same time: the menu bar is
always in sight; the pages of a stacked widget or a tab widget never are together, nor
are docks tabbed with each other. Qt gives a clashing Alt+letter to whichever comes first
(Alt+P opened a field labelled "Descri&ption" instead of the Plan menu).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower case."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


@dataclass(frozen=True)
class Mnemonic:
    letter: str
    text: str
    #: the widget that shows it (None: the menu bar)
    widget: QWidget | None

    def __str__(self) -> str:
        return f"Alt+{self.letter.upper()} {self.text!r}"


def window_mnemonics(window: QWidget) -> list[Mnemonic]:
    """Every mnemonic of the window's own widgets (not of its dialogs), menu bar included."""
    found: list[Mnemonic] = []
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            _add(found, action.text(), None)
    for widget in window.findChildren(QWidget):
        if widget.window() is not window:
            continue  # a dialog of its own
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(
            widget, QAbstractButton
        ):
            _add(found, widget.text(), widget)
        elif isinstance(widget, QGroupBox):
            _add(found, widget.title(), widget)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                _add(found, widget.tabText(i), widget)
    return found


def _add(found: list[Mnemonic], text: str, widget: QWidget | None) -> None:
    letter = mnemonic(text)
    if letter is not None:
        found.append(Mnemonic(letter, text, widget))


def clashes(window: QWidget) -> list[tuple[Mnemonic, Mnemonic]]:
    """Pairs of one letter whose widgets can be in sight together."""
    found = window_mnemonics(window)
    return [
        (a, b)
        for i, a in enumerate(found)
        for b in found[i + 1 :]
        if a.letter == b.letter and _together(window, a.widget, b.widget)
    ]


def menu_clashes(menu: QMenu) -> list[tuple[str, str]]:
    """Items of one menu, or of its submenus, sharing a letter."""
    result = []
    seen: dict[str, str] = {}
    for action in menu.actions():
        letter = mnemonic(action.text())
        if letter is not None:
            if letter in seen:
                result.append((seen[letter], action.text()))
            seen[letter] = action.text()
        if action.menu() is not None:
            result.extend(menu_clashes(action.menu()))
    return result


def _together(window: QWidget, a: QWidget | None, b: QWidget | None) -> bool:
    if a is None or b is None or a is b:
        return a is not b or a is None  # the menu bar is in sight with everything
    if _tabbed_apart(window, a, b):
        return False
    pages_a, pages_b = _pages(a), _pages(b)
    for stack, page in pages_a.items():
        if stack in pages_b and pages_b[stack] is not page:
            return False
    return True


def _pages(widget: QWidget) -> dict[QStackedWidget, QWidget]:
    """Each stacked widget around ``widget`` -> the page of it that holds ``widget``."""
    pages = {}
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            pages[parent] = child
        child, parent = parent, parent.parentWidget()
    return pages


def _dock_of(widget: QWidget) -> QDockWidget | None:
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget


def _tabbed_apart(window: QWidget, a: QWidget, b: QWidget) -> bool:
    dock_a, dock_b = _dock_of(a), _dock_of(b)
    if dock_a is None or dock_b is None or dock_a is dock_b:
        return False
    return isinstance(window, QMainWindow) and dock_b in window.tabifiedDockWidgets(dock_a)
