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
    """Every difference of the other file's journey from this one's, in words, each with
    the card it shows on (None for what has no card: an improvement, a persona...)."""
    a, b = current_state(this), current_state(other)
    cards = {f.id: f.touchpoint_id for f in (*a.frictions, *b.frictions)}
    cards.update((t.id, t.id) for t in (*a.touchpoints, *b.touchpoints))
    cards.update((f.id, f.from_id) for f in (*a.flows, *b.flows))
    return [
        (line, cards.get(change.entity_id))
        for change in diff_blueprints(a, b)
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
        return ["In numbers, nothing changes."]
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
        heading.setText(f"What {other_name} changes from {this_name} (today's journey of each):")
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
            layout.addWidget(caption(f"{other_name} holds the same journey as {this_name}."))
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
