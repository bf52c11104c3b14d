"""Which personas a touchpoint applies to: a checkable list, where none ticked means all."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QVBoxLayout, QWidget

from ..commands import CommandError, SetTouchpointPersonas
from ..document import Document
from .forms import KeyList, caption

NO_PERSONAS = "The blueprint has no personas yet (add them in the Personas panel)."
ALL_PERSONAS = "None ticked: it applies to all personas."
ROW_HEIGHT_ROWS = 4


class TouchpointPersonas(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._touchpoint_id: str | None = None
        self._persona_ids: list[str] = []
        self.list = KeyList(self)
        self.list.setAccessibleName("Personas it applies to")
        self.list.setToolTip("Tick the personas this step concerns; none ticked means all.")
        self.list.itemChanged.connect(self._ticked)
        self.note = caption(ALL_PERSONAS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addWidget(self.note)

    def show_touchpoint(self, touchpoint_id: str | None) -> None:
        self._touchpoint_id = touchpoint_id
        self.refresh()

    def refresh(self) -> None:
        personas = self._document.blueprint.personas
        tp = self._document.get("touchpoints", self._touchpoint_id) if self._touchpoint_id else None
        listed = set(tp.persona_ids) if tp is not None else set()
        blocked = self.list.blockSignals(True)
        try:
            if [p.id for p in personas] != self._persona_ids or self._names_differ(personas):
                self.list.clear()
                for persona in personas:
                    item = QListWidgetItem(persona.name, self.list)
                    item.setData(Qt.ItemDataRole.UserRole, persona.id)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    # Set even when unchecked: without a state, no box is drawn.
                    item.setCheckState(Qt.CheckState.Unchecked)
                self._persona_ids = [p.id for p in personas]
            for row, persona in enumerate(personas):
                state = Qt.CheckState.Checked if persona.id in listed else Qt.CheckState.Unchecked
                item = self.list.item(row)
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self.list.blockSignals(blocked)
        self._fit_height(len(personas))
        self.list.setEnabled(tp is not None)
        self.list.setVisible(bool(personas))
        if not personas:
            self.note.setText(NO_PERSONAS)
        elif not listed:
            self.note.setText(ALL_PERSONAS)
        else:
            self.note.setText(f"It applies to {len(listed)} of {len(personas)} personas.")

    def ticked_ids(self) -> list[str]:
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _names_differ(self, personas) -> bool:
        return any(self.list.item(i).text() != p.name for i, p in enumerate(personas))

    def _fit_height(self, rows: int) -> None:
        shown = max(1, min(rows, ROW_HEIGHT_ROWS))
        row = self.list.sizeHintForRow(0) if self.list.count() else 20
        self.list.setFixedHeight(shown * row + 2 * self.list.frameWidth() + 4)

    def _ticked(self, _item: QListWidgetItem) -> None:
        if self._touchpoint_id is None:
            return
        try:
            command = SetTouchpointPersonas(self._document, self._touchpoint_id, self.ticked_ids())
        except CommandError as error:
            self.problem.emit(str(error))
            self.refresh()
            return
        self._document.push(command)
