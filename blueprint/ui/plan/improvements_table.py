"""The table of improvements: one row selected at a time, sortable, Delete removes the row."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from .improvements_model import (
    ID_ROLE,
    ImprovementColumn,
    ImprovementsProxy,
    ImprovementsTableModel,
)

_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
#: The narrowest the improvement's title gets, in pixels.
TITLE_WIDTH = 180


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
        self.setSortingEnabled(True)
        self.sortByColumn(ImprovementColumn.RANK, Qt.SortOrder.AscendingOrder)
        source = self.source()
        source.modelReset.connect(self.fit_columns)
        source.dataChanged.connect(self.fit_columns)
        self.fit_columns()

    def source(self) -> ImprovementsTableModel:
        model = self.proxy().sourceModel()
        assert isinstance(model, ImprovementsTableModel)
        return model

    def fit_columns(self) -> None:
        """Each column but the title as wide as its widest cell, filtered out or not.

        Only that cell is measured in full. Qt's ResizeToContents measures every cell through
        the model after each change: for a plan of 600 improvements, over a second when
        the dock opens and half a second after every edit."""
        source, header = self.source(), self.horizontalHeader()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        advance = self.fontMetrics().horizontalAdvance
        for column in ImprovementColumn:
            if column == ImprovementColumn.TITLE:
                continue
            width = header.sectionSizeHint(column)
            texts = source.texts(column)
            if texts:
                widest = max(range(len(texts)), key=lambda row: advance(texts[row]))
                cell = self.itemDelegate().sizeHint(option, source.index(widest, column))
                width = max(width, cell.width() + self._grid_width())
            header.resizeSection(column, width)
        self._fit_title()

    def _fit_title(self) -> None:
        """The title takes the room the numbers leave, but never less than TITLE_WIDTH: a
        ranked list without its titles says nothing, so a narrow table scrolls instead."""
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(c) for c in ImprovementColumn if c != ImprovementColumn.TITLE
        )
        room = self.viewport().width() - others
        header.resizeSection(ImprovementColumn.TITLE, max(TITLE_WIDTH, room))

    def _grid_width(self) -> int:
        return 1 if self.showGrid() else 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()  # workshop mode's larger type

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

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Reached by the keys with no row chosen, the first row is: a faint box round one
        cell was all that showed where the keys were."""
        super().focusInEvent(event)
        by_keys = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        if by_keys and self.current_row() < 0 and self.proxy().rowCount():
            self.select_row(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _DELETE_KEYS and not event.modifiers():
            self.deleteRequested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)
