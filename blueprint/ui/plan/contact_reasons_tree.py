"""The two-level tree of contact reasons: name (renamed in place), demand, linked frictions.

The tree shows rows made from the document (``ReasonRow``) and never changes the document
itself: a rename in place is announced (``renameRequested``) for the panel to push, and the
tree shows the document again when it comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...model import Demand
from ..canvas import palette
from ..canvas.drawing import colour
from ..tips import plain_tip
from .contact_reasons_text import DEMAND_WORDS, ReasonRow

NAME, DEMAND, FRICTIONS = range(3)
ID_ROLE = Qt.ItemDataRole.UserRole
_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
#: Failure demand stands out in the colour of serious friction (the word says it too).
FAILURE_INK = palette.SEVERITY[3]


class ReasonTree(QTreeWidget):
    #: reason id, the name typed in place
    renameRequested = Signal(str, str)
    #: Delete pressed on a reason
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReasonRow] = []
        self._filling = False
        self.setColumnCount(3)
        self.setHeaderLabels(["Reason", "Demand", "Frictions"])
        self.setAccessibleName("Contact reasons")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (DEMAND, FRICTIONS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.headerItem().setToolTip(
            FRICTIONS, "Friction points linked to the reason (a primary counts its secondaries)"
        )
        self.itemChanged.connect(self._item_changed)

    # --- reading -------------------------------------------------------------------------------

    def current_reason_id(self) -> str | None:
        item = self.currentItem()
        return None if item is None else item.data(NAME, ID_ROLE)

    def item_of(self, reason_id: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(NAME, ID_ROLE) == reason_id:
                return item
        return None

    def rows(self) -> list[ReasonRow]:
        return list(self._rows)

    # --- showing the document ----------------------------------------------------------------

    def show_rows(self, rows: list[ReasonRow]) -> None:
        """Show these rows, keeping the current reason and the open primaries when they stay."""
        if rows == self._rows:
            return
        self._filling = True
        blocked = self.blockSignals(True)
        try:
            if _shape(rows) == _shape(self._rows):
                # Same reasons in the same places (a rename, a count): no rebuild, so a
                # rename committed in place never deletes the item it is committing to.
                for item, row in zip(self._items(), rows, strict=True):
                    self._fill(item, row)
            else:
                self._rebuild(rows)
            self._rows = list(rows)
        finally:
            self.blockSignals(blocked)
            self._filling = False
        if self.currentItem() is None and self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))

    def _rebuild(self, rows: list[ReasonRow]) -> None:
        current = self.current_reason_id()
        expanded = {i.data(NAME, ID_ROLE) for i in self._items() if i.isExpanded()}
        self.clear()
        primaries: dict[str, QTreeWidgetItem] = {}
        for row in rows:
            parent = primaries.get(row.parent_id) if row.parent_id else None
            item = QTreeWidgetItem() if parent is None else QTreeWidgetItem(parent)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setData(NAME, ID_ROLE, row.reason_id)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            item.setTextAlignment(FRICTIONS, right)
            if parent is None:
                self.addTopLevelItem(item)
                font = item.font(NAME)
                font.setBold(True)
                item.setFont(NAME, font)
                primaries[row.reason_id] = item
            self._fill(item, row)
        for reason_id in expanded:
            item = primaries.get(reason_id)
            if item is not None:
                item.setExpanded(True)
        self.select(current)

    def select(self, reason_id: str | None) -> None:
        item = self.item_of(reason_id) if reason_id else None
        if item is not None:
            if item.parent() is not None:
                item.parent().setExpanded(True)
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def rename_in_place(self, reason_id: str) -> None:
        item = self.item_of(reason_id)
        if item is not None:
            self.select(reason_id)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.editItem(item, NAME)

    @staticmethod
    def _fill(item: QTreeWidgetItem, row: ReasonRow) -> None:
        item.setText(NAME, row.name)
        item.setToolTip(NAME, plain_tip(row.name))
        item.setText(DEMAND, DEMAND_WORDS[row.demand])
        failure = row.demand == Demand.FAILURE
        ink = QBrush(colour(FAILURE_INK)) if failure else None  # None: the palette's
        item.setData(DEMAND, Qt.ItemDataRole.ForegroundRole, ink)
        item.setText(FRICTIONS, str(row.friction_count) if row.friction_count else "")
        titles = "\n".join(row.friction_titles)
        item.setToolTip(FRICTIONS, plain_tip(titles) if titles else "")

    def _items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            items.append(top)
            items += [top.child(j) for j in range(top.childCount())]
        return items

    # --- the user's actions --------------------------------------------------------------------

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != NAME:
            return
        reason_id = item.data(NAME, ID_ROLE)
        shown = next((r.name for r in self._rows if r.reason_id == reason_id), None)
        if shown is not None and item.text(NAME) != shown:
            self.renameRequested.emit(reason_id, item.text(NAME))

    def edit(self, index: QModelIndex, *how) -> bool:  # type: ignore[override]
        # Only the name is typed in place, whichever column was clicked or had the focus:
        # the demand has its choices in the form, the count is the document's.
        if how and index.isValid() and index.column() != NAME:
            index = index.siblingAtColumn(NAME)
        return super().edit(index, *how)

    def put_back_name(self, reason_id: str) -> None:
        """Show the document's name again (a rename was refused)."""
        item = self.item_of(reason_id)
        row = next((r for r in self._rows if r.reason_id == reason_id), None)
        if item is not None and row is not None:
            blocked = self.blockSignals(True)
            item.setText(NAME, row.name)
            self.blockSignals(blocked)

    def event(self, event: QEvent) -> bool:
        # Delete removes the reason here and F2 renames it, not the selected cards (the
        # window's Delete and Rename).
        if event.type() == QEvent.Type.ShortcutOverride and (
            _is_delete(event) or _is_rename(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_delete(event) and self.state() != QAbstractItemView.State.EditingState:
            self.deleteRequested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


def _shape(rows: list[ReasonRow]) -> list[tuple[str, str | None]]:
    return [(row.reason_id, row.parent_id) for row in rows]


def _is_rename(event) -> bool:
    return isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F2 and not event.modifiers()


def _is_delete(event) -> bool:
    return isinstance(event, QKeyEvent) and event.key() in _DELETE_KEYS and not event.modifiers()
