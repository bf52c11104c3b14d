"""Bringing a widget into sight when it sits on a tab that is not shown.

The grid shares the window's middle with the lanes view, as tabs: an action that acts on the
grid (a search result selected there, a card being renamed in place) first brings the grid's
tab to the front, else the user would be typing into, or looking for, something hidden.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


def tab_widgets_around(widget: QWidget) -> list[QTabWidget]:
    """The tab widgets holding ``widget``, the nearest first."""
    return [w for w in _ancestors(widget) if isinstance(w, QTabWidget)]


def show_page_of(widget: QWidget) -> None:
    """Bring the tab holding ``widget`` to the front, in every tab widget around it."""
    ancestors = _ancestors(widget)
    for tabs in tab_widgets_around(widget):
        index = next((tabs.indexOf(w) for w in ancestors if tabs.indexOf(w) >= 0), -1)
        if index >= 0 and index != tabs.currentIndex():
            tabs.setCurrentIndex(index)


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    current: QWidget | None = widget
    while current is not None:
        found.append(current)
        current = current.parentWidget()
    return found
