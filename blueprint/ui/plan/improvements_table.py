"""The table of improvements: one row selected at a time, sortable, Delete removes the row."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .improvements_model import ID_ROLE, ImprovementColumn, ImprovementsProxy

_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class ImprovementsTable(QTableView):
    #: Delete or Backspace pressed on the table: remove the selected improvement
    deleteRequested = Signal()

    def __init__(self, proxy: ImprovementsProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.setAccessibleName("Improvements")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab moves on to the form
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImprovementColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.setSortingEnabled(True)
        self.sortByColumn(ImprovementColumn.RANK, Qt.SortOrder.AscendingOrder)

    def proxy(self) -> ImprovementsProxy:
        model = self.model()
        assert isinstance(model, ImprovementsProxy)
        return model

    def selected_id(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def shown_ids(self) -> list[str]:
        """The improvements in the order the table shows them (sorted, filtered)."""
        proxy = self.proxy()
        return [proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount())]

    def select_id(self, improvement_id: str | None) -> bool:
        """Select the row of this improvement; False when the table does not show it."""
        proxy = self.proxy()
        if improvement_id is None:
            self.selectionModel().clear()
            return False
        source_row = proxy.sourceModel().row_of(improvement_id)  # type: ignore[attr-defined]
        if source_row is None:
            return False
        index = proxy.mapFromSource(proxy.sourceModel().index(source_row, 0))
        if not index.isValid():
            return False
        self.select_row(index.row())
        return True

    def select_row(self, row: int) -> None:
        index = self.proxy().index(row, 0)
        if not index.isValid():
            self.selectionModel().clear()
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def current_row(self) -> int:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _DELETE_KEYS and not event.modifiers():
            self.deleteRequested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)
