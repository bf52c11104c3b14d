"""The contact-reasons panel: the tree, Add / Remove, the demand and description of the
selected reason, linking the inspector's friction point to it, and the failure-demand share.

Every change is one command on the document's undo stack. The panel follows the document
only while it is seen (its dock may be closed or a tab behind another).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...model import ContactReason
from ..commands import (
    AddContactReason,
    EditContactReason,
    EditFriction,
    RemoveContactReason,
    push_checked,
)
from ..commands.base import quoted
from ..commands.contact_reasons import frictions_unlinked_by, reasons_removed_with
from ..document import Document
from ..inspector.bindings import EntityForm
from ..inspector.choices import contact_reason_label
from ..inspector.forms import (
    DeleteKeyGuard,
    add_row,
    caption,
    compact_combo,
    form_layout,
    text_area,
)
from ..structure.labels import unique_name
from ..structure.removal_dialog import RemovalDialog
from .contact_reasons_text import (
    DEMAND_LABELS,
    failure_demand_text,
    linked_text,
    reason_rows,
    removal_lines,
)
from .contact_reasons_tree import ReasonTree
from .live import LivePlan

NEW_PRIMARY_NAME = "New reason"
NEW_SECONDARY_NAME = "New secondary reason"
SHARE_HELP = (
    "Contacts a month from friction points linked to a failure-demand reason, out of all "
    "contacts from friction points linked to any reason."
)
NO_FRICTION = (
    "No friction point chosen: select a card, then one of its friction points in the "
    "inspector's Friction tab."
)

#: The friction point chosen in the inspector, if any.
FrictionSource = Callable[[], str | None]


class ContactReasonsPanel(QWidget):
    #: what a change did, or why it was refused: for the status bar
    message = Signal(str)

    def __init__(
        self,
        document: Document,
        live_plan: LivePlan,
        chosen_friction: FrictionSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._live_plan = live_plan
        self._chosen_friction = chosen_friction
        self._seen = False
        self._stale = True
        self.share = QLabel()
        self.share.setTextFormat(Qt.TextFormat.PlainText)
        self.share.setWordWrap(True)
        self.share.setToolTip(SHARE_HELP)
        bold = self.share.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.share.setFont(bold)
        self.tree = ReasonTree(self)
        self.tree.currentItemChanged.connect(self._show_current)
        self.tree.renameRequested.connect(self.rename)
        self.tree.deleteRequested.connect(self.remove_current)
        self.add_primary_button = _button("Add primary", "Add a primary contact reason")
        self.add_primary_button.clicked.connect(self.add_primary)
        self.add_secondary_button = _button(
            "Add secondary", "Add a secondary reason under the selected primary one"
        )
        self.add_secondary_button.clicked.connect(self.add_secondary)
        self.remove_button = _button(
            "Remove", "Remove the selected reason with its secondary ones (Delete in the tree)"
        )
        self.remove_button.clicked.connect(self.remove_current)
        self.editor = self._editor()
        self._lay_out()
        DeleteKeyGuard(self)
        # The inspector's choice settles after the selection and the document: look then.
        self._friction_timer = QTimer(self)
        self._friction_timer.setSingleShot(True)
        self._friction_timer.setInterval(0)
        self._friction_timer.timeout.connect(self._show_chosen_friction)
        document.contactReasonsChanged.connect(self._mark_stale)
        document.frictionsChanged.connect(self._mark_stale)
        document.documentReset.connect(self._mark_stale)
        document.edited.connect(self._catch_up)
        live_plan.changed.connect(self._show_share)

    def _editor(self) -> QWidget:
        editor = QWidget()
        form = form_layout()
        form.setContentsMargins(0, 0, 0, 0)
        self.form = EntityForm(self._document, EditContactReason, self)
        self.form.problem.connect(self.message)
        self.demand = compact_combo(12)
        add_row(form, "Demand:", self.demand, "Value demand or failure demand")
        self.form.bind(self.demand, "demand", DEMAND_LABELS)
        self.description = text_area(3, "Description", "What customers get in touch about")
        add_row(form, "Description:", self.description)
        self.form.bind(self.description, "description")
        self.linked = caption("")
        self.linked.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.linked)
        self.link_button = _button(
            "Link selected friction",
            "Link the friction point selected in the inspector to this reason",
        )
        self.link_button.clicked.connect(self.link_chosen_friction)
        self.chosen = caption("")
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.link_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.chosen)
        return editor

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_primary_button, self.add_secondary_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.share)
        layout.addWidget(caption(SHARE_HELP))
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)

    # --- what is shown -------------------------------------------------------------------------

    def current_reason_id(self) -> str | None:
        return self.tree.current_reason_id()

    def set_seen(self, seen: bool) -> None:
        """Whether the user can see the panel: it follows the document only then."""
        self._seen = seen
        if seen:
            self._catch_up()
            self._show_share()
            self.friction_choice_changed()

    def _mark_stale(self, *_args) -> None:
        self._stale = True

    def _catch_up(self) -> None:
        if self._seen and self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.tree.show_rows(reason_rows(self._document.blueprint))
        self._show_current()

    def _show_current(self, *_args) -> None:
        reason_id = self.current_reason_id()
        reason = self._document.get("contact_reasons", reason_id) if reason_id else None
        self.add_secondary_button.setEnabled(reason is not None)
        self.remove_button.setEnabled(reason is not None)
        self.editor.setEnabled(reason is not None)
        self.form.show(reason_id if reason is not None else None)
        row = next((r for r in self.tree.rows() if r.reason_id == reason_id), None)
        self.linked.setText(linked_text(row.friction_titles) if row is not None else "")
        self._show_chosen_friction()

    def _show_share(self) -> None:
        if not self._seen:
            return
        plan = self._live_plan.plan
        persona_id = self._live_plan.persona_id
        persona = self._document.get("personas", persona_id) if persona_id else None
        name = persona.name if persona is not None else None
        self.share.setText(failure_demand_text(plan.failure_demand, name))

    def friction_choice_changed(self) -> None:
        """The inspector may show another friction point: say which, once things settle."""
        if self._seen:
            self._friction_timer.start()

    def _show_chosen_friction(self) -> None:
        friction = self._chosen()
        reason_id = self.current_reason_id()
        linkable = friction is not None and reason_id not in (None, friction.contact_reason_id)
        self.link_button.setEnabled(linkable)
        if friction is None:
            self.chosen.setText(NO_FRICTION)
            return
        text = f"Inspector: {quoted(friction.title, 60)}"
        if friction.contact_reason_id is None:
            text += ", linked to no reason yet."
        elif friction.contact_reason_id == reason_id:
            text += ", linked to this reason."
        else:
            by_id = {r.id: r for r in self._document.blueprint.contact_reasons}
            linked = by_id.get(friction.contact_reason_id)
            name = contact_reason_label(linked, by_id) if linked else "?"
            text += f", now linked to {quoted(name, 60)}."
        self.chosen.setText(text)

    def _chosen(self):
        friction_id = self._chosen_friction()
        return self._document.get("frictions", friction_id) if friction_id else None

    # --- the user's actions --------------------------------------------------------------------

    def add_primary(self) -> None:
        taken = [r.name for r in self._document.blueprint.contact_reasons if r.parent_id is None]
        reason = ContactReason(name=unique_name(NEW_PRIMARY_NAME, taken))
        if self._push(lambda: AddContactReason(self._document, reason)):
            self.tree.rename_in_place(reason.id)

    def add_secondary(self) -> None:
        reason_id = self.current_reason_id()
        current = self._document.get("contact_reasons", reason_id) if reason_id else None
        if current is None:
            return
        primary_id = current.parent_id or current.id
        siblings = [r.name for r in self._document.blueprint.contact_reasons]
        name = unique_name(NEW_SECONDARY_NAME, siblings)
        reason = ContactReason(name=name, parent_id=primary_id, demand=current.demand)
        if self._push(lambda: AddContactReason(self._document, reason)):
            self.tree.rename_in_place(reason.id)

    def rename(self, reason_id: str, name: str) -> None:
        document = self._document
        if not self._push(lambda: EditContactReason(document, reason_id, "name", name, False)):
            self.tree.put_back_name(reason_id)

    def remove_current(self) -> None:
        reason_id = self.current_reason_id()
        reason = self._document.get("contact_reasons", reason_id) if reason_id else None
        if reason is None:
            return
        document = self._document
        lines = removal_lines(
            document,
            reasons_removed_with(document, reason.id),
            frictions_unlinked_by(document, reason.id),
        )
        if lines and not self.confirm_removal(reason.name, lines):
            return
        if self._push(lambda: RemoveContactReason(document, reason.id)):
            name = quoted(reason.name)
            self.message.emit(f"Removed the contact reason {name}. Undo brings it back.")

    def confirm_removal(self, name: str, lines: list[str]) -> bool:
        """Ask before a removal that takes secondary reasons or links with it."""
        dialog = RemovalDialog("contact reason", name, lines, self.window())
        try:
            return dialog.ask()
        finally:
            dialog.deleteLater()

    def link_chosen_friction(self) -> None:
        friction, reason_id = self._chosen(), self.current_reason_id()
        if friction is None:
            self.message.emit(NO_FRICTION)
            return
        if reason_id is None or friction.contact_reason_id == reason_id:
            return
        friction_id = friction.id
        if self._push(
            lambda: EditFriction(self._document, friction_id, "contact_reason_id", reason_id, False)
        ):
            by_id = {r.id: r for r in self._document.blueprint.contact_reasons}
            name = contact_reason_label(by_id[reason_id], by_id)
            self.message.emit(f"Linked {quoted(friction.title)} to {quoted(name, 60)}.")

    def _push(self, make: Callable[[], QUndoCommand]) -> bool:
        if push_checked(self._document, make, self.message.emit) is None:
            return False
        self.refresh()
        return True


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleDescription(tip)
    return button
