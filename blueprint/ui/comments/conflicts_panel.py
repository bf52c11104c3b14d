"""The Conflicts tab: every merge conflict still open (a click jumps to what it is about),
then each conflict of the selected card (or of what was picked in the list) with both
values in words, each after the name of the side it came from and beside its Keep button.
Each decision is one undo step.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...model import Conflict
from ..commands import ResolveConflict, Side, push_checked
from ..document import Document
from ..inspector.forms import caption
from ..tips import plain_tip, set_plain_tip
from .conflict_words import ConflictWords, capitalised, conflict_words, short_words
from .listed_panel import ListedPanel
from .thread_view import plain_label

NO_CONFLICTS = "No merge conflicts: nothing waits for a decision."
NOTHING_CHOSEN = "Select a card, or pick a conflict above, to decide it here."
NONE_HERE = "Nothing to decide about what is selected."


def shown_name(name: str) -> str:
    """A side's name as its row starts with it: each overlong word cut, capitalised where it
    is a word of ours ("Ours", "The merge"), and isolated, so that a right-to-left name does
    not turn the row round (its value went to the left of it)."""
    shown = capitalised(short_words(name))
    rtl = any(unicodedata.bidirectional(c) in ("R", "AL") for c in shown)
    return f"\u2068{shown}\u2069" if rtl else shown


class ConflictView(QFrame):
    """One conflict: the field, both values, and the two buttons."""

    keepRequested = Signal(str, str)

    def __init__(self, document: Document, conflict: Conflict) -> None:
        super().__init__()
        self.conflict_id = conflict.id
        words = conflict_words(document, conflict)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Merge conflict: {words.headline}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        headline = plain_label(words.headline)
        font = headline.font()
        font.setBold(True)
        headline.setFont(font)
        layout.addWidget(headline)
        self.sentence = plain_label(words.sentence)
        layout.addWidget(self.sentence)
        self.ours, self.keep_ours = self._side(layout, words, Side.OURS, words.ours)
        self.theirs, self.keep_theirs = self._side(layout, words, Side.THEIRS, words.theirs)

    def _side(
        self, layout: QVBoxLayout, words: ConflictWords, side: Side, named: tuple[str, str]
    ) -> tuple[QLabel, QPushButton]:
        """One side's value, after the name the merge gave that side, and the button that
        keeps it beside it: a side's name may be a long file name."""
        name, value = named
        row = QHBoxLayout()
        said = plain_label(f"{shown_name(name)}: {value}")
        said.setToolTip(plain_tip(name))
        row.addWidget(said, 1)
        button = QPushButton("Keep")
        button.setAccessibleName(f"Keep {name} for {words.headline}")
        set_plain_tip(button, f"Keep {name}: {value}")
        button.clicked.connect(
            lambda _checked=False: self.keepRequested.emit(self.conflict_id, side.value)
        )
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        return said, button


class ConflictsPanel(ListedPanel):
    #: a conflict was picked in the list: the collection and id of what it is about
    entityPicked = Signal(str, str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        #: the ids whose conflicts are shown for deciding (None: nothing chosen)
        self._focus: tuple[str, ...] | None = None
        self._shown: tuple = ()
        layout = QVBoxLayout(self)
        self.list_title = QLabel("Open conflicts:")
        layout.addWidget(self.list_title)
        self.conflict_list = self._make_list(
            self.list_title,
            "Merge conflicts of the blueprint",
            "Click a conflict to decide it here",
        )
        layout.addWidget(self.conflict_list, 1)
        self.no_conflicts = caption(NO_CONFLICTS)
        layout.addWidget(self.no_conflicts)
        self.hint = caption(NOTHING_CHOSEN)
        layout.addWidget(self.hint)
        layout.addWidget(self._make_column(), 3)
        self._follow_document()

    def focus_on(self, entity_ids: list[str] | None) -> None:
        """Show the conflicts about these entities for deciding (None: nothing chosen)."""
        self._focus = None if entity_ids is None else tuple(entity_ids)
        self.refresh_decisions()

    def _reset(self) -> None:
        self._focus = None
        self.refresh()

    def _catch_up(self) -> None:
        self.refresh_list()
        self.refresh_decisions()

    def refresh_list(self) -> None:
        document = self._document
        said = [(conflict_words(document, c), c.id) for c in document.blueprint.conflicts]
        # Two merges can leave two conflicts on one field: the same line twice, told apart
        # by the other side's value.
        twice = Counter(words.line for words, _ in said)
        lines = tuple(
            (
                f"{words.line} ({': '.join(words.theirs)})"
                if twice[words.line] > 1
                else words.line,
                conflict_id,
            )
            for words, conflict_id in said
        )
        self._show_lines(lines)
        self.no_conflicts.setVisible(not lines)
        self.conflict_list.setVisible(bool(lines))
        self.list_title.setVisible(bool(lines))  # over nothing, it looked broken

    def refresh_decisions(self) -> None:
        focus = set(self._focus or ())
        found = [c for c in self._document.blueprint.conflicts if c.entity_id in focus]
        document = self._document
        # Values, not the conflicts themselves: names change when what they name is renamed.
        key = tuple((c.id, c.model_dump_json(), conflict_words(document, c)) for c in found)
        if key != self._shown:
            self._shown = key
            self._show_views(found, self._conflict_view)
        self.hint.setText(NOTHING_CHOSEN if self._focus is None else NONE_HERE)
        self.hint.setVisible(not found and bool(self._listed))
        self.scroll.setVisible(bool(found))

    def _conflict_view(self, conflict: Conflict) -> ConflictView:
        view = ConflictView(self._document, conflict)
        view.keepRequested.connect(self.keep)
        return view

    def conflict_views(self) -> list[ConflictView]:
        return self._views(ConflictView)

    def _picked(self, conflict_id: str) -> None:
        conflict = self._document.get("conflicts", conflict_id)
        if conflict is not None:
            self.entityPicked.emit(conflict.collection, conflict.entity_id)
            if conflict.entity_id not in (self._focus or ()):
                self.focus_on([conflict.entity_id])

    def keep(self, conflict_id: str, side: str) -> None:
        # The button pressed goes with its conflict: the keys went to the canvas.
        keys_here = self.isAncestorOf(QApplication.focusWidget())
        listed = [item_id for _text, item_id in self._listed]
        row = listed.index(conflict_id) if conflict_id in listed else -1
        command = push_checked(
            self._document,
            lambda: ResolveConflict(self._document, conflict_id, Side(side)),
            self.message.emit,
        )
        if isinstance(command, ResolveConflict):
            left = len(self._document.blueprint.conflicts)
            more = f" {left} conflict{'s' if left != 1 else ''} left." if left else ""
            self.message.emit(f"{command.summary} Undo takes it back.{more}")
            self._next_after(row)
            if keys_here:
                views = self.conflict_views()
                (views[0].keep_ours if views else self.conflict_list).setFocus()

    def _next_after(self, row: int) -> None:
        """The conflict that took the decided one's place is the next to decide: the list
        moved up under the mouse, and the next click picked another than meant."""
        self.refresh_list()
        listed = self._listed
        if not listed or row < 0:
            return
        row = min(row, len(listed) - 1)
        self.conflict_list.setCurrentRow(row)
        self._picked(listed[row][1])
