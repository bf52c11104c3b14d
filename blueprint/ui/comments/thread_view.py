"""One comment thread as the Comments panel shows it: each comment's author, time and text,
the replies indented under the first, and Reply and Resolve (or Reopen) buttons.

Comment text is shown exactly as written, in any script: a label in plain text, so markup
such as ``<b>`` reads as typed and is never interpreted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...analysis.threads import Thread, moment_words
from ...model import Comment

REPLY_INDENT = 18


def plain_label(text: str) -> QLabel:
    """User text, shown as it is: plain text, wrapped, selectable with the mouse."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def comment_heading(comment: Comment) -> str:
    return f"{comment.author} · {moment_words(comment.at)}"


class ThreadView(QFrame):
    """A thread and its two buttons; asks for a reply or a change of state by signal."""

    #: the id of the thread's first comment
    replyRequested = Signal(str)
    #: the id of the thread's first comment, and whether it should be resolved
    resolveRequested = Signal(str, bool)

    def __init__(self, thread: Thread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thread_id = thread.id
        self.resolved = thread.resolved
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Comment thread started by {thread.first.author}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        #: the text of each comment, first to last, as the labels show it
        self.texts: list[QLabel] = []
        for i, comment in enumerate(thread.comments):
            layout.addWidget(self._comment(comment, reply=i > 0, resolved=thread.resolved))
        buttons = QHBoxLayout()
        self.reply_button = QPushButton("Reply…")
        self.reply_button.setAccessibleName(f"Reply to {thread.first.author}'s thread")
        self.reply_button.setToolTip("Write a reply to this thread below")
        self.reply_button.clicked.connect(lambda: self.replyRequested.emit(self.thread_id))
        verb = "Reopen" if thread.resolved else "Resolve"
        self.resolve_button = QPushButton(verb)
        self.resolve_button.setAccessibleName(f"{verb} {thread.first.author}'s thread")
        self.resolve_button.setToolTip(
            "Open this thread again" if thread.resolved else "Mark this thread settled"
        )
        self.resolve_button.clicked.connect(
            lambda: self.resolveRequested.emit(self.thread_id, not self.resolved)
        )
        buttons.addStretch(1)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.resolve_button)
        layout.addLayout(buttons)

    def _comment(self, comment: Comment, reply: bool, resolved: bool) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(REPLY_INDENT if reply else 0, 0, 0, 0)
        column.setSpacing(1)
        heading = comment_heading(comment)
        if not reply and resolved:
            heading = f"Resolved · {heading}"
        said = plain_label(heading)
        font = said.font()
        font.setBold(True)
        said.setFont(font)
        text = plain_label(comment.text)
        self.texts.append(text)
        column.addWidget(said)
        column.addWidget(text)
        return box
