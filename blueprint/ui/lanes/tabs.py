"""The window's views of the blueprint, as tabs: the grid first, others added beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

GRID_TAB = "Grid"
GRID_TIP = "Stages across, channels down, a card per touchpoint (Ctrl+1)"


class ViewTabs(QTabWidget):
    """The central widget: one tab per way of drawing the blueprint."""

    def __init__(self, grid: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewTabs")
        self.setDocumentMode(True)  # the views fill the window; the tabs stay light
        # Not a stop of the keys: a window opened on a file gave them to this bar, unseen,
        # and the first arrow switched to the lanes. Ctrl+1 and Ctrl+2 (View) switch views.
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_view(grid, GRID_TAB, GRID_TIP)

    def add_view(self, view: QWidget, title: str, tip: str) -> int:
        index = self.addTab(view, title)
        self.setTabToolTip(index, tip)
        return index
