"""File › Compare With…: the open blueprint and another version of it on one grid, in a
window of its own beside the editor.

The grid is the Compare view: the other file's cards that this one lacks are NEW, this
one's that the other lacks are GONE, cards that differ are CHANGED. Beside it: the biggest
changes in numbers (friction cost, lost journeys, EPIC...) and every difference in words;
clicking one selects its card. Nothing in the window edits either file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from ...changes import ComparisonError, compare_files
from ...changes.diff import diff_blueprints
from ...model import Blueprint
from ...model.states import current_state
from ...report.comparison_text import biggest_shown, change_sentence
from ..canvas.scene import BlueprintScene
from ..canvas.shown import JourneyView
from ..canvas.view import CanvasView
from ..document import Document
from ..inspector.forms import caption
from .union import FileComparison, compare_on_one_grid

THIS = "this blueprint"


def difference_lines(this: Blueprint, other: Blueprint) -> list[tuple[str, str | None]]:
    """Every difference of the other file from this one, in words, each with the card it
    shows on in today's journey (None for what has no card there: an improvement, a
    persona, what only the future state holds, said so). The future state's changes are
    differences too: a version that changed only tomorrow's journey read "the same"."""
    today = current_state(this), current_state(other)
    cards = {f.id: f.touchpoint_id for bp in today for f in bp.frictions}
    cards.update((t.id, t.id) for bp in today for t in bp.touchpoints)
    cards.update((f.id, f.from_id) for bp in today for f in bp.flows)
    future_only = {
        entity.id
        for bp in (this, other)
        for entity in (*bp.touchpoints, *bp.frictions, *bp.flows)
        if entity.id not in cards
    }
    return [
        (
            f"{line} (future state)" if change.entity_id in future_only else line,
            cards.get(change.entity_id),
        )
        for change in diff_blueprints(this, other)
        for line in change.lines
    ]


def figures_words(this: Blueprint, other: Blueprint, other_name: str) -> list[str]:
    """The biggest changes from this blueprint to the other, in sentences."""
    try:
        comparison = compare_files(this, other, names=(THIS, other_name), each_persona=False)
    except ComparisonError as error:
        return [f"No figures: {error}."]
    biggest = biggest_shown(comparison.whole)
    if not biggest:
        return ["In numbers, today's journey does not change."]
    return [change_sentence(change, comparison.currency) for change in biggest]


class CompareWindow(QMainWindow):
    def __init__(
        self, this: Blueprint, this_name: str, other: Blueprint, other_path: Path, parent: QWidget
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        other_name = other_path.name
        self.setWindowTitle(f"{this_name} compared with {other_name}")
        self.comparison: FileComparison = compare_on_one_grid(this, other)
        self.document = Document(self.comparison.blueprint, parent=self)
        self.scene = BlueprintScene(self.document, self)
        self.scene.shown.marks_equal_values = True  # the union marks a difference so
        self.scene.set_journey_view(JourneyView.COMPARE)
        self.canvas = CanvasView(self.scene, self)
        # Nothing here edits: a card dragged goes back where it was.
        self.scene.touchpointMoveRequested.disconnect(self.canvas._move_touchpoint)
        self.canvas.setAccessibleName(f"Both versions: {this_name} and {other_name}")
        self.setCentralWidget(self.canvas)
        self.panel = self._panel(this, other, this_name, other_name)
        dock = QDockWidget("Differences", self)
        dock.setObjectName("compareDifferencesDock")
        dock.setWidget(self.panel)
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.resizeDocks([dock], [380], Qt.Orientation.Horizontal)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.activated.connect(self.close)
        self.statusBar().showMessage(
            f"NEW: only in {other_name}. GONE: only in {this_name}. CHANGED: different there. "
            "Nothing here changes either file."
        )
        self.resize(parent.size() * 0.9)

    def _panel(self, this: Blueprint, other: Blueprint, this_name: str, other_name: str) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        heading = QLabel()
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading.setText(
            f"What {other_name} changes from {this_name} (the grid: today's journey of each):"
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setWordWrap(True)
        self.figures.setText(
            "\n".join(f"• {line}" for line in figures_words(this, other, other_name))
        )
        layout.addWidget(self.figures)
        self.list = QListWidget()
        self.list.setAccessibleName(f"Differences of {other_name} from {this_name}")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        lines = difference_lines(this, other)
        for line, touchpoint_id in lines:
            item = QListWidgetItem(line, self.list)
            item.setData(Qt.ItemDataRole.UserRole, touchpoint_id)
        self.list.itemClicked.connect(self._picked)
        self.list.itemActivated.connect(self._picked)
        layout.addWidget(self.list, 1)
        if not lines:
            layout.addWidget(caption(f"{other_name} holds the same blueprint as {this_name}."))
        return panel

    def _picked(self, item: QListWidgetItem) -> None:
        touchpoint_id = item.data(Qt.ItemDataRole.UserRole)
        card = self.scene.card(touchpoint_id) if touchpoint_id else None
        if card is not None:
            self.scene.select_touchpoints([touchpoint_id])
            self.canvas.ensureVisible(card, 40, 40)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.canvas.fit_to_window(quiet=True)
