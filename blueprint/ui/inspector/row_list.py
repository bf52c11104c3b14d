"""A short list of entities by id (a card's measures, its evidence): one line each, the
current one kept across refreshes while it stays."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from ..tips import plain_tip
from .forms import KeyList


class Row(NamedTuple):
    entity_id: str
    text: str
    #: shown as typed, never as markup
    tip: str


class RowList(KeyList):
    def __init__(self, accessible_name: str, rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._rows: list[Row] | None = None
        height = self.sizeHintForRow(0) if self.count() else 22
        self.setFixedHeight(rows * height + 2 * self.frameWidth() + 4)

    def ids(self) -> list[str]:
        return [row.entity_id for row in self._rows or []]

    def current_id(self) -> str | None:
        ids = self.ids()
        row = self.currentRow()
        return ids[row] if 0 <= row < len(ids) else None

    def show_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows, the current one staying current when it is still there (else
        the first); quietly: ``currentRowChanged`` is for the user's moves."""
        rows = list(rows)
        if rows == self._rows:
            return
        current = self.current_id()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            for row in rows:
                item = QListWidgetItem(row.text, self)
                item.setToolTip(plain_tip(row.tip))
                item.setData(Qt.ItemDataRole.UserRole, row.entity_id)
            self._rows = rows
            ids = self.ids()
            self.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
        finally:
            self.blockSignals(blocked)

    def forget(self) -> None:
        """Another owner is shown: its rows start at the first."""
        self._rows = None
        blocked = self.blockSignals(True)
        self.clear()
        self.blockSignals(blocked)

    def select(self, entity_id: str) -> None:
        ids = self.ids()
        if entity_id in ids:
            self.setCurrentRow(ids.index(entity_id))
