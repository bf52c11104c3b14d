"""The friction points an improvement addresses: listed, added, removed, each change one
``SetImprovementFrictions`` step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...changes import differences
from ...model import Friction
from ..commands import CommandError, EditImprovement, SetImprovementFrictions
from ..document import Document
from ..inspector.choices import friction_summary
from ..inspector.forms import BROWSING, KeyList, arrows_open_the_list, caption
from .improvements_choices import one_line, plain_tip
from .improvements_selection import NOTHING_PICKED

PICK_ONE = "Add a friction point…"
NONE_LINKED = "It addresses no friction point yet: its impact is 0."
NOTHING_BROUGHT_ABOUT = (
    "Select the cards it changes in the future state (View › Journey) and add them here."
)
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
        # On the closed box the browsing keys would pick, and each pick links at once: they
        # linked friction points unasked. They open the list instead, where Enter picks.
        arrows_open_the_list(self, BROWSING)

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
        # Filled on focus (typing a friction point's first letters picks it); but not when
        # the focus comes back from the box's own list: that is the pick arriving, and
        # refilling here would turn it into the prompt before ``activated`` reads it.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.fill()
        super().focusInEvent(event)

    def _activated(self, index: int) -> None:
        friction_id = self.itemData(index)
        self.setCurrentIndex(0)
        if friction_id is not None:
            self.picked.emit(friction_id)


class ImprovementLinks(QWidget):
    """A list of what the shown improvement links to (ids of one field of it), removable
    with Delete or a button; each change one undo step. Subclasses say what the ids are."""

    #: a change was refused; the message is for the user
    problem = Signal(str)
    #: the improvement field the list shows and sets
    field = ""
    #: what the list says when the improvement links to nothing
    none_linked = ""

    def __init__(self, document: Document, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._improvement_id: str | None = None
        # None until shown: an empty list of rows is a state the list must be put in too
        self._rows: list[tuple[str, str]] | None = None
        self.list = KeyList(self)
        self.list.setAccessibleName(name)
        self.list.deleteRequested.connect(self.remove_current)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.none_note = caption(self.none_linked)
        self.add_selected = QPushButton("Add selected")
        # Two of these lists in one form (and a Remove for the improvement): each button
        # says which list it is for, to a screen reader.
        self.add_selected.setAccessibleName(f"Add selected to {name.lower()}")
        self.add_selected.clicked.connect(self.link_selected)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(f"Remove from {name.lower()}")
        self.remove_button.setToolTip("Unlink the chosen entry (Delete in the list)")
        self.remove_button.clicked.connect(self.remove_current)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.addWidget(self.add_selected)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.column.addWidget(self.list)
        self.column.addWidget(self.none_note)
        row = self.list.sizeHintForRow(0) if self.list.count() else 22
        self.list.setFixedHeight(LIST_ROWS * row + 2 * self.list.frameWidth() + 4)

    def linked_ids(self) -> list[str]:
        improvement = self._improvement()
        return list(getattr(improvement, self.field)) if improvement is not None else []

    def show_improvement(self, improvement_id: str | None) -> None:
        if improvement_id != self._improvement_id:
            self._improvement_id = improvement_id
            self._rows = None
        self.refresh()

    def refresh(self) -> None:
        """Show the document's links, keeping the current row when it stays."""
        rows = [row for i in self.linked_ids() if (row := self._row(i)) is not None]
        if rows != self._rows:
            current = self.list.currentRow()
            blocked = self.list.blockSignals(True)
            try:
                self.list.clear()
                for entity_id, label in rows:
                    item = QListWidgetItem(label, self.list)
                    item.setData(Qt.ItemDataRole.UserRole, entity_id)
                    item.setToolTip(plain_tip(self._tip(entity_id)))
                self._rows = rows
                if rows:
                    self.list.setCurrentRow(min(max(current, 0), len(rows) - 1))
            finally:
                self.list.blockSignals(blocked)
        shown = self._improvement_id is not None
        for widget in self._enabled_with_an_improvement():
            widget.setEnabled(shown)
        self.none_note.setVisible(shown and not rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(
            self._improvement_id is not None and 0 <= self.list.currentRow() < len(self._rows or [])
        )

    # --- the user's changes -------------------------------------------------------------------

    def link(self, entity_id: str) -> None:
        self._set([*self.linked_ids(), entity_id])

    def link_selected(self) -> None:
        picked = self._selected()
        if not picked:
            self.problem.emit(self._nothing_picked())
            return
        linked = self.linked_ids()
        self._set([*linked, *(i for i in picked if i not in linked)])

    def remove_current(self) -> None:
        row = self.list.currentRow()
        rows = self._rows or []
        if not 0 <= row < len(rows):
            return
        gone = rows[row][0]
        self._set([i for i in self.linked_ids() if i != gone])

    def _set(self, ids: list[str]) -> None:
        if self._improvement_id is None:
            return
        try:
            command = self._command(ids)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)
        self.refresh()

    # --- what a subclass says -------------------------------------------------------------------

    def _row(self, entity_id: str) -> tuple[str, str] | None:
        raise NotImplementedError

    def _tip(self, entity_id: str) -> str:
        raise NotImplementedError

    def _selected(self) -> list[str]:
        raise NotImplementedError

    def _nothing_picked(self) -> str:
        raise NotImplementedError

    def _command(self, ids: list[str]) -> QUndoCommand:
        raise NotImplementedError

    def _enabled_with_an_improvement(self) -> list[QWidget]:
        return [self.list, self.add_selected]

    def _improvement(self):
        if self._improvement_id is None:
            return None
        return self._document.get("improvements", self._improvement_id)


class FrictionLinks(ImprovementLinks):
    field = "friction_ids"
    none_linked = NONE_LINKED

    def __init__(
        self,
        document: Document,
        selected_frictions: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(document, "Friction points it addresses", parent)
        self._selected_frictions = selected_frictions
        self.picker = FrictionPicker(self._unlinked, self)
        self.picker.setAccessibleName("Add a friction point")
        self.picker.setToolTip("Link one more friction point to this improvement")
        self.picker.picked.connect(self.link)
        self.add_selected.setToolTip(
            "Link the friction points selected on the canvas or in the inspector"
        )
        self.column.insertWidget(2, self.picker)
        self.column.addLayout(self.buttons)

    def _row(self, entity_id: str) -> tuple[str, str] | None:
        friction = self._document.get("frictions", entity_id)
        return None if friction is None else (entity_id, friction_label(self._document, friction))

    def _tip(self, entity_id: str) -> str:
        return self._document.entity("frictions", entity_id).title

    def _selected(self) -> list[str]:
        return self._selected_frictions()

    def _nothing_picked(self) -> str:
        return NOTHING_PICKED

    def _command(self, ids: list[str]) -> QUndoCommand:
        return SetImprovementFrictions(self._document, self._improvement_id, ids)

    def _enabled_with_an_improvement(self) -> list[QWidget]:
        return [*super()._enabled_with_an_improvement(), self.picker]

    def _unlinked(self) -> list[tuple[str, str]]:
        linked = set(self.linked_ids())
        return [
            (f.id, friction_label(self._document, f))
            for f in self._document.blueprint.frictions
            if f.id not in linked
        ]


class BringsAboutLinks(ImprovementLinks):
    """The future-state changes an improvement brings about: the cards it changes (new,
    gone or changed tomorrow), so the plan and the picture stay linked."""

    field = "brings_about"
    none_linked = NOTHING_BROUGHT_ABOUT

    def __init__(
        self,
        document: Document,
        selected_cards: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(document, "Future-state changes it brings about", parent)
        self._selected_cards = selected_cards
        self.add_selected.setToolTip("Link the cards selected on the canvas")
        self.column.addLayout(self.buttons)

    def _row(self, entity_id: str) -> tuple[str, str] | None:
        said = {
            d.entity_id: d.describe()
            for d in differences(self._document.blueprint, keep_equal=False)
        }
        if entity_id in said:
            return entity_id, said[entity_id]
        for kind in ("touchpoints", "frictions", "flows"):
            entity = self._document.get(kind, entity_id)
            if entity is not None:
                return entity_id, f"{one_line(entity.display_name)} (no change drawn yet)"
        return None

    def _tip(self, entity_id: str) -> str:
        row = self._row(entity_id)
        return row[1] if row else entity_id

    def _selected(self) -> list[str]:
        return self._selected_cards()

    def _nothing_picked(self) -> str:
        return "Select the cards it changes on the canvas first."

    def _command(self, ids: list[str]) -> QUndoCommand:
        return EditImprovement(self._document, self._improvement_id, "brings_about", ids, False)
