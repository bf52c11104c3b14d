"""The Comments tab: the open threads of the whole blueprint (a click jumps to what each is
about), then the threads about one thing, with a box to write a new comment or a reply.

What the comments are about follows what the user picks: the card selected on the canvas
offers itself, its friction points, its stage, its channel and the improvements addressing
its friction points; a thread picked in the list, or an improvement picked in the plan,
offers what it is about.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...analysis.threads import Thread, threads, threads_about
from ..commands import AddComment, SetThreadResolved, push_checked
from ..document import Document
from ..inspector.forms import TEXT_AREA_FOCUS, caption, compact_combo
from .listed_panel import ListedPanel
from .subjects import capitalised, subject_kind, subject_words
from .thread_view import ThreadView, plain_label

NOTHING_CHOSEN = (
    "Select a card on the canvas, or pick a thread above, to read and write comments about it."
)
NO_THREADS = "No comments yet. Write the first one below."
NO_OPEN_THREADS = "No open threads: every comment thread is resolved, or there are none."
POST_KEY = "Ctrl+Return"
#: How much of a thread's first comment its line in the list shows.
LIST_CLIP = 70


def _one_line(text: str, limit: int = LIST_CLIP) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def thread_line(document: Document, thread: Thread) -> str:
    """A thread in the list: what it is about, who started it, what they said, replies."""
    about = capitalised(subject_words(document, thread.about_id))
    replies = len(thread.replies)
    more = f" ({replies} {'reply' if replies == 1 else 'replies'})" if replies else ""
    state = "Resolved · " if thread.resolved else ""
    said = _one_line(thread.first.text)
    return f"{state}{about} — {thread.first.author}: {said}{more}"


class ComposerEdit(QPlainTextEdit):
    """Where a comment is written: Enter starts a new line, Ctrl+Enter adds the comment."""

    submitted = Signal()

    def event(self, event: QEvent) -> bool:
        # Ctrl+Enter is also the window's Add Touchpoint: here it is this field's.
        if event.type() == QEvent.Type.ShortcutOverride and _posts(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _posts(event):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


def _posts(event) -> bool:
    enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return enter and modifiers == Qt.KeyboardModifier.ControlModifier


class CommentsPanel(ListedPanel):
    #: a thread was picked in the list: the id of what it is about (to show it)
    subjectPicked = Signal(str)

    def __init__(
        self,
        document: Document,
        author: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(document, parent)
        #: the author of a new comment (asked for the first time); None: the user declined
        self._author = author
        self._reply_to: str | None = None
        self._shown_threads: tuple = ()
        self._build()
        self._follow_document()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        self.list_title = QLabel("Open threads:")
        heading.addWidget(self.list_title)
        heading.addStretch(1)
        self.show_resolved = QCheckBox("Sho&w resolved")
        self.show_resolved.setAccessibleName("Show resolved threads too")
        self.show_resolved.toggled.connect(lambda _on: self.refresh_list())
        heading.addWidget(self.show_resolved)
        layout.addLayout(heading)
        self.thread_list = self._make_list(
            self.list_title,
            "Comment threads of the blueprint",
            "Click a thread to see it, and what it is about, here",
        )
        self.thread_list.setUniformItemSizes(False)
        layout.addWidget(self.thread_list, 1)
        self.no_open = caption(NO_OPEN_THREADS)
        layout.addWidget(self.no_open)
        about_row = QHBoxLayout()
        about_label = QLabel("A&bout:")
        self.about = compact_combo(20)
        self.views_follow = self.about  # the threads about it stand below it
        self.about.setAccessibleName("Comments about")
        self.about.setToolTip("What the comments below are about")
        about_label.setBuddy(self.about)
        self.about.currentIndexChanged.connect(lambda _i: self._subject_chosen())
        about_row.addWidget(about_label)
        about_row.addWidget(self.about, 1)
        layout.addLayout(about_row)
        self.nothing_chosen = caption(NOTHING_CHOSEN)
        layout.addWidget(self.nothing_chosen)
        layout.addWidget(self._make_column(), 3)
        self.no_threads = caption(NO_THREADS)
        layout.addWidget(self.no_threads)
        self.composer_title = plain_label("")
        layout.addWidget(self.composer_title)
        self.composer = ComposerEdit()
        self.composer.submitted.connect(self.post)
        self.composer.setTabChangesFocus(True)
        self.composer.setStyleSheet(TEXT_AREA_FOCUS)  # only the caret showed where typing went
        self.composer.setAccessibleName("Comment text")
        self.composer.setPlaceholderText("Write a comment… (Ctrl+Enter adds it)")
        self.composer.setFixedHeight(self.composer.fontMetrics().lineSpacing() * 4 + 14)
        layout.addWidget(self.composer)
        buttons = QHBoxLayout()
        self.cancel_reply_button = QPushButton("Cancel Reply")
        self.cancel_reply_button.setToolTip("Write a new thread instead of a reply")
        self.cancel_reply_button.clicked.connect(self.cancel_reply)
        self.add_button = QPushButton("A&dd Comment")
        self.add_button.setToolTip(f"Add the comment ({POST_KEY})")
        self.add_button.clicked.connect(self.post)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_reply_button)
        buttons.addWidget(self.add_button)
        layout.addLayout(buttons)

    # --- what the comments are about -----------------------------------------------------

    @property
    def subject_id(self) -> str | None:
        data = self.about.currentData()
        return data if isinstance(data, str) else None

    def offer_subjects(self, about_ids: list[str], chosen: str | None = None) -> None:
        """What the user may comment on now (the first, or ``chosen``, is shown)."""
        document = self._document
        shown = [(capitalised(subject_words(document, i)), i) for i in dict.fromkeys(about_ids)]
        listed = [
            (self.about.itemText(i), self.about.itemData(i)) for i in range(self.about.count())
        ]
        current = chosen or self.subject_id
        if shown != listed:
            self.about.blockSignals(True)
            self.about.clear()
            for words, about_id in shown:
                self.about.addItem(words, about_id)
            self.about.blockSignals(False)
            if chosen is None:
                current = about_ids[0] if about_ids else None
        index = self.about.findData(current) if current is not None else -1
        self.about.blockSignals(True)
        self.about.setCurrentIndex(max(index, 0) if self.about.count() else -1)
        self.about.blockSignals(False)
        self._subject_chosen()

    def show_subject(self, about_id: str) -> None:
        """Show the threads about ``about_id``, offered beside what is offered already."""
        offered = [self.about.itemData(i) for i in range(self.about.count())]
        if about_id not in offered:
            offered.append(about_id)
        self.offer_subjects(offered, about_id)

    def _subject_chosen(self) -> None:
        if self._reply_to is not None:
            reply = self._document.get("comments", self._reply_to)
            if reply is None or reply.about_id != self.subject_id:
                self._reply_to = None
        self.refresh_threads()
        self._show_composer()

    # --- following the document ----------------------------------------------------------

    def _catch_up(self) -> None:
        subjects = [self.about.itemData(i) for i in range(self.about.count())]
        kept = [i for i in subjects if subject_kind(self._document, i) is not None]
        if kept != subjects or any(
            self.about.itemText(i) != capitalised(subject_words(self._document, about_id))
            for i, about_id in enumerate(subjects)
        ):
            self.offer_subjects(kept)
        self.refresh_list()
        self.refresh_threads()
        self._show_composer()

    def _reset(self) -> None:
        self._reply_to = None
        self.composer.clear()
        self.offer_subjects([])

    def refresh_list(self) -> None:
        every = threads(self._document.blueprint)
        open_only = not self.show_resolved.isChecked()
        shown = [t for t in every if not (open_only and t.resolved)]
        lines = tuple((thread_line(self._document, t), t.id) for t in shown)
        self._show_lines(lines)
        self.list_title.setText("All threads:" if not open_only else "Open threads:")
        self.no_open.setVisible(not lines)
        self.thread_list.setVisible(bool(lines))

    def refresh_threads(self) -> None:
        about = self.subject_id
        found = threads_about(self._document.blueprint, about) if about else []
        # Values, not the comments themselves: an edit changes a comment in place.
        key = tuple((c.id, c.resolved, c.author, c.at, c.text) for t in found for c in t.comments)
        if key != self._shown_threads:
            self._shown_threads = key
            self._show_views(found, self._thread_view)
        self.nothing_chosen.setVisible(about is None)
        self.scroll.setVisible(bool(found))
        self.no_threads.setVisible(about is not None and not found)

    def _thread_view(self, thread: Thread) -> ThreadView:
        view = ThreadView(thread)
        view.replyRequested.connect(self.reply_to)
        view.resolveRequested.connect(self.set_resolved)
        return view

    def thread_views(self) -> list[ThreadView]:
        return self._views(ThreadView)

    def _picked(self, thread_id: str) -> None:
        thread = self._document.get("comments", thread_id)
        if thread is not None:
            self.subjectPicked.emit(thread.about_id)
            self.show_subject(thread.about_id)

    # --- writing -------------------------------------------------------------------------

    def reply_to(self, thread_id: str) -> None:
        self._reply_to = thread_id
        self._show_composer()
        self.composer.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_reply(self) -> None:
        self._reply_to = None
        self._show_composer()

    def _show_composer(self) -> None:
        about = self.subject_id
        enabled = about is not None
        reply = self._document.get("comments", self._reply_to) if self._reply_to else None
        if reply is None:
            self._reply_to = None
        if not enabled:
            title = ""
        elif reply is not None:
            title = f"Reply to {reply.author}'s thread:"
        else:
            title = f"New comment about {subject_words(self._document, about)}:"
        self.composer_title.setText(title)
        self.composer_title.setVisible(enabled)
        for widget in (self.composer, self.add_button):
            widget.setEnabled(enabled)
        self.add_button.setText("A&dd Reply" if reply is not None else "A&dd Comment")
        self.cancel_reply_button.setVisible(reply is not None)

    def post(self) -> None:
        about = self.subject_id
        text = self.composer.toPlainText()
        if about is None:
            return
        if not text.strip():
            self.message.emit("Write the comment first.")
            return
        author = self._author()
        if author is None:
            self.message.emit("Nothing added: a comment needs your name.")
            return
        reply_to = self._reply_to
        command = push_checked(
            self._document,
            lambda: AddComment(self._document, about, author, text, reply_to),
            self.message.emit,
        )
        if command is not None:
            self.composer.clear()
            self._reply_to = None
            self._show_composer()
            self.message.emit(f"{command.text()}. Undo takes it back.")

    def set_resolved(self, thread_id: str, resolved: bool) -> None:
        command = push_checked(
            self._document,
            lambda: SetThreadResolved(self._document, thread_id, resolved),
            self.message.emit,
        )
        if command is not None:
            self.message.emit(f"{command.text()}.")
