"""The touchpoints one persona applies to: a checkable, filterable list.

A touchpoint that lists no persona applies to all, so it shows ticked for every persona;
unticking it makes it list the other personas (``SetPersonaTouchpoints``). The list
follows the document row by row, so typing a title elsewhere does not rebuild a list of
thousands of touchpoints.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidgetItem, QVBoxLayout, QWidget

from ...model import Touchpoint
from ..commands import CommandError, SetPersonaTouchpoints
from ..document import Document
from .forms import KeyList

_ID = Qt.ItemDataRole.UserRole


class PersonaTouchpoints(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._persona_id: str | None = None
        self._row_of: dict[str, int] = {}
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter touchpoints")
        self.filter.setAccessibleName("Filter touchpoints")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = KeyList()
        self.list.setAccessibleName("Touchpoints it applies to")
        self.list.itemChanged.connect(self._ticked)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.list, 1)

    def show_persona(self, persona_id: str | None) -> None:
        self._persona_id = persona_id
        self.update_rows(self._row_of)

    def rebuild(self) -> None:
        """Every touchpoint again, by stage: some were added, removed or moved."""
        bp = self._document.blueprint
        stage_order = {s.id: i for i, s in enumerate(bp.stages)}
        ordered = sorted(
            bp.touchpoints, key=lambda t: stage_order.get(t.stage_id, len(stage_order))
        )
        blocked = self.list.blockSignals(True)
        try:
            self.list.clear()
            for tp in ordered:
                item = QListWidgetItem(self._text(tp), self.list)
                item.setData(_ID, tp.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(self._state(tp))  # even unchecked: else no box is drawn
        finally:
            self.list.blockSignals(blocked)
        self._row_of = {tp.id: row for row, tp in enumerate(ordered)}
        self._filter(self.filter.text())

    def update_rows(self, touchpoint_ids: Iterable[str]) -> None:
        """These touchpoints changed (a title, the personas they list): their rows follow."""
        blocked = self.list.blockSignals(True)
        try:
            for tp_id in touchpoint_ids:
                tp = self._document.get("touchpoints", tp_id)
                row = self._row_of.get(tp_id)
                if tp is None or row is None:
                    continue
                item = self.list.item(row)
                text, state = self._text(tp), self._state(tp)
                if item.text() != text:
                    item.setText(text)
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self.list.blockSignals(blocked)

    def ticked_ids(self) -> list[str]:
        rows = (self.list.item(row) for row in range(self.list.count()))
        return [item.data(_ID) for item in rows if item.checkState() == Qt.CheckState.Checked]

    def _text(self, tp: Touchpoint) -> str:
        stage = self._document.get("stages", tp.stage_id)
        channel = self._document.get("channels", tp.channel_id)
        where = f"{stage.name if stage else '?'} · {channel.name if channel else '?'}"
        return f"{tp.title}  ({where})"

    def _state(self, tp: Touchpoint) -> Qt.CheckState:
        persona = self._persona_id
        applies = persona is not None and (not tp.persona_ids or persona in tp.persona_ids)
        return Qt.CheckState.Checked if applies else Qt.CheckState.Unchecked

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _ticked(self, _item: QListWidgetItem) -> None:
        persona_id = self._persona_id
        if persona_id is None:
            return
        try:
            command = SetPersonaTouchpoints(self._document, persona_id, self.ticked_ids())
        except CommandError as error:
            self.problem.emit(str(error))
            self.update_rows(self._row_of)
            return
        self._document.push(command)
