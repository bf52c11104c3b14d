"""Which personas a touchpoint applies to: a checkable list, where none ticked means all.

Shown for several touchpoints, a persona some of them list and others do not is partly
ticked; ticking it lists it on all of them, unticking takes it off all of them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QVBoxLayout, QWidget

from ..commands import CommandError, SetTouchpointPersonas, SetTouchpointsPersona
from ..document import Document
from .forms import KeyList, caption

NO_PERSONAS = "The blueprint has no personas yet (add them in the Personas panel)."
ALL_PERSONAS = "None ticked: it applies to all personas."
SOME_LIST_IT = "Partly ticked: some of them list it. Ticking sets it on all of them."
ROW_HEIGHT_ROWS = 4


class TouchpointPersonas(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._touchpoint_ids: list[str] = []
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
        self.show_touchpoints([touchpoint_id] if touchpoint_id else [])

    def show_touchpoints(self, touchpoint_ids: list[str]) -> None:
        self._touchpoint_ids = list(touchpoint_ids)
        self.refresh()

    def _listings(self) -> list[set[str]]:
        """The personas each shown touchpoint lists (those that still exist)."""
        tps = (self._document.get("touchpoints", i) for i in self._touchpoint_ids)
        return [set(tp.persona_ids) for tp in tps if tp is not None]

    def refresh(self) -> None:
        personas = self._document.blueprint.personas
        listings = self._listings()
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
                state = _state(sum(persona.id in listed for listed in listings), len(listings))
                item = self.list.item(row)
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self.list.blockSignals(blocked)
        self._fit_height(len(personas))
        self.list.setEnabled(bool(listings))
        self.list.setVisible(bool(personas))
        self.note.setText(_note(len(personas), listings))

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

    def _ticked(self, item: QListWidgetItem) -> None:
        ids = self._touchpoint_ids
        if not ids:
            return
        try:
            if len(ids) == 1:
                command = SetTouchpointPersonas(self._document, ids[0], self.ticked_ids())
            else:
                persona_id = item.data(Qt.ItemDataRole.UserRole)
                applies = item.checkState() == Qt.CheckState.Checked
                command = SetTouchpointsPersona(self._document, ids, persona_id, applies)
        except CommandError as error:
            self.problem.emit(str(error))
            self.refresh()
            return
        self._document.push(command)


def _state(listing: int, shown: int) -> Qt.CheckState:
    if listing and listing == shown:
        return Qt.CheckState.Checked
    return Qt.CheckState.PartiallyChecked if listing else Qt.CheckState.Unchecked


def _note(personas: int, listings: list[set[str]]) -> str:
    if not personas:
        return NO_PERSONAS
    if len(set(map(frozenset, listings))) > 1:
        return SOME_LIST_IT
    listed = listings[0] if listings else set()
    they = "They apply" if len(listings) > 1 else "It applies"
    if not listed:
        return f"None ticked: {they.lower()} to all personas."
    return f"{they} to {len(listed)} of {personas} personas."
