"""The friction points an improvement addresses: listed, added, removed, each change one
``SetImprovementFrictions`` step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...model import Friction
from ..commands import CommandError, SetImprovementFrictions
from ..document import Document
from ..inspector.choices import friction_summary
from ..inspector.forms import KeyList, caption
from .improvements_choices import one_line, plain_tip
from .improvements_selection import NOTHING_PICKED

PICK_ONE = "Add a friction point…"
NONE_LINKED = "It addresses no friction point yet: its impact is 0."
LIST_ROWS = 4


def friction_label(document: Document, friction: Friction) -> str:
    """``◆3 No install date · Order confirmation email``: severity, title, touchpoint."""
    touchpoint = document.get("touchpoints", friction.touchpoint_id)
    where = f" · {one_line(touchpoint.title, 40)}" if touchpoint is not None else ""
    return friction_summary(one_line(friction.title), friction.severity, friction.nature) + where


class FrictionPicker(QComboBox):
    """A combo box of the friction points not linked yet. It is filled when opened or
    focused, not on every edit: a large blueprint has thousands of friction points."""

    picked = Signal(str)

    def __init__(self, choices: Callable[[], list[tuple[str, str]]], parent=None) -> None:
        super().__init__(parent)
        self._choices = choices
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.addItem(PICK_ONE)
        self.activated.connect(self._activated)

    def fill(self) -> None:
        blocked = self.blockSignals(True)
        try:
            self.clear()
            self.addItem(PICK_ONE)
            for friction_id, label in self._choices():
                self.addItem(label, friction_id)
        finally:
            self.blockSignals(blocked)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Arrow keys on the closed box pick too, so fill on focus; but not when the focus
        # comes back from the box's own list: that is the pick arriving, and refilling
        # here would turn it into the prompt before ``activated`` reads it.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.fill()
        super().focusInEvent(event)

    def _activated(self, index: int) -> None:
        friction_id = self.itemData(index)
        self.setCurrentIndex(0)
        if friction_id is not None:
            self.picked.emit(friction_id)


class FrictionLinks(QWidget):
    #: a change was refused; the message is for the user
    problem = Signal(str)

    def __init__(
        self,
        document: Document,
        selected_frictions: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._selected_frictions = selected_frictions
        self._improvement_id: str | None = None
        # None until shown: an empty list of rows is a state the list must be put in too
        self._rows: list[tuple[str, str]] | None = None
        self.list = KeyList(self)
        self.list.setAccessibleName("Friction points it addresses")
        self.list.deleteRequested.connect(self.remove_current)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.none_note = caption(NONE_LINKED)
        self.picker = FrictionPicker(self._unlinked, self)
        self.picker.setAccessibleName("Add a friction point")
        self.picker.setToolTip("Link one more friction point to this improvement")
        self.picker.picked.connect(self.link)
        self.add_selected = QPushButton("Add selected")
        self.add_selected.setToolTip(
            "Link the friction points selected on the canvas or in the inspector"
        )
        self.add_selected.clicked.connect(self.link_selected)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Unlink the chosen friction point (Delete in the list)")
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_selected)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addWidget(self.none_note)
        layout.addWidget(self.picker)
        layout.addLayout(buttons)
        row = self.list.sizeHintForRow(0) if self.list.count() else 22
        self.list.setFixedHeight(LIST_ROWS * row + 2 * self.list.frameWidth() + 4)

    def linked_ids(self) -> list[str]:
        improvement = self._improvement()
        return list(improvement.friction_ids) if improvement is not None else []

    def show_improvement(self, improvement_id: str | None) -> None:
        if improvement_id != self._improvement_id:
            self._improvement_id = improvement_id
            self._rows = None
        self.refresh()

    def refresh(self) -> None:
        """Show the document's links, keeping the current row when it stays."""
        document = self._document
        frictions = [document.get("frictions", i) for i in self.linked_ids()]
        rows = [(f.id, friction_label(document, f)) for f in frictions if f is not None]
        if rows != self._rows:
            current = self.list.currentRow()
            blocked = self.list.blockSignals(True)
            try:
                self.list.clear()
                for friction_id, label in rows:
                    item = QListWidgetItem(label, self.list)
                    item.setData(Qt.ItemDataRole.UserRole, friction_id)
                    item.setToolTip(plain_tip(document.entity("frictions", friction_id).title))
                self._rows = rows
                if rows:
                    self.list.setCurrentRow(min(max(current, 0), len(rows) - 1))
            finally:
                self.list.blockSignals(blocked)
        shown = self._improvement_id is not None
        for widget in (self.list, self.picker, self.add_selected):
            widget.setEnabled(shown)
        self.none_note.setVisible(shown and not rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(
            self._improvement_id is not None and 0 <= self.list.currentRow() < len(self._rows or [])
        )

    # --- the user's changes -------------------------------------------------------------------

    def link(self, friction_id: str) -> None:
        self._set([*self.linked_ids(), friction_id])

    def link_selected(self) -> None:
        picked = self._selected_frictions()
        if not picked:
            self.problem.emit(NOTHING_PICKED)
            return
        self._set([*self.linked_ids(), *picked])

    def remove_current(self) -> None:
        row = self.list.currentRow()
        rows = self._rows or []
        if not 0 <= row < len(rows):
            return
        gone = rows[row][0]
        self._set([i for i in self.linked_ids() if i != gone])

    def _set(self, friction_ids: list[str]) -> None:
        if self._improvement_id is None:
            return
        try:
            command = SetImprovementFrictions(self._document, self._improvement_id, friction_ids)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        self.refresh()

    # --- helpers -------------------------------------------------------------------------------

    def _improvement(self):
        if self._improvement_id is None:
            return None
        return self._document.get("improvements", self._improvement_id)

    def _unlinked(self) -> list[tuple[str, str]]:
        linked = set(self.linked_ids())
        return [
            (f.id, friction_label(self._document, f))
            for f in self._document.blueprint.frictions
            if f.id not in linked
        ]
