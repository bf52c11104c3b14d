"""Asking before a stage or channel goes: what it takes with it, then Remove or Cancel.

The lines come from the removal command's own ``consequences``, so what the dialog lists
is what the command removes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..commands.base import quoted

ICON_SIZE = 40
UNDO_HINT = "You can bring it all back with Edit › Undo."


class RemovalDialog(QDialog):
    def __init__(self, noun: str, name: str, lines: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Remove {noun}")
        self.question = QLabel(f"Remove the {noun} {quoted(name, 60)}?")
        font = self.question.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.question.setFont(font)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        self.consequences = QLabel(_consequences_html(noun, lines))
        self.consequences.setTextFormat(Qt.TextFormat.RichText)
        self.consequences.setWordWrap(True)
        self.consequences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lines = list(lines)
        self._noun = noun
        hint = QLabel(UNDO_HINT)
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.remove_button = self.buttons.addButton(
            f"&Remove {noun}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.remove_button.setAccessibleName(f"Remove the {noun}")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel: keep everything")
        # Enter must not destroy work: Cancel is the default.
        self.remove_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(hint)
        self.cancel_button.setFocus()

    def _lay_out(self, hint: QLabel) -> None:
        icon = QLabel()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(10)
        for label in (self.question, self.consequences, hint):
            text.addWidget(label)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(icon)
        row.addLayout(text, 1)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addSpacing(6)
        column.addWidget(self.buttons)
        self.setMinimumWidth(540)

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and screen readers)."""
        lines = [self.question.text(), _lead(self._noun, self._lines)]
        lines += [f"• {line}" for line in self._lines]
        return "\n".join([*lines, UNDO_HINT])

    def ask(self) -> bool:
        """Show the dialog and wait: True when the user chose Remove."""
        return self.exec() == QDialog.DialogCode.Accepted


def _lead(noun: str, lines: list[str]) -> str:
    if not lines:
        return f"Nothing else goes with it: the {noun} holds no touchpoints."
    return "This also changes the blueprint:"


def _item(line: str) -> str:
    """'3 touchpoints removed: 'A', 'B'': the count in bold, the names after it."""
    head, colon, names = line.partition(": ")
    if not colon:
        return f"<b>{html.escape(line)}</b>"
    return f"<b>{html.escape(head)}:</b> {html.escape(names)}"


def _consequences_html(noun: str, lines: list[str]) -> str:
    lead = html.escape(_lead(noun, lines))
    if not lines:
        return lead
    items = "".join(f"<li style='margin-bottom: 4px'>{_item(line)}</li>" for line in lines)
    return f"{lead}<ul style='margin-left: -20px'>{items}</ul>"
