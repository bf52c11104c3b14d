"""Measure first: the estimated and unknown friction points behind the improvements, in the
order to measure them (decisive first, then by swing), beside the ranked plan."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...analysis.certainty import Certainty
from ...analysis.plan import Plan
from ...report import formatting as fmt
from ...report.certainty_text import ends_sentence, stability_sentence
from .improvements_breakdown import WrappingRows
from .improvements_choices import one_line, plain_tip

HEADINGS = ("#", "Friction point", "Decisive?", "Swing in P")
DECISIVE = "◆ yes"
#: Rows shown: enough to act on; the PDF and the JSON plan list them all.
SHOWN = 30


def measure_first_rows(
    plan: Plan, certainty: Certainty
) -> list[tuple[str, str, str, str, str, str]]:
    """(order, title, decisive, swing, tip, friction id) for each row, in the measure-first
    order."""
    rows = []
    for order, item in enumerate(certainty.measure_first[:SHOWN], start=1):
        tip = (
            f"{item.title}\n{item.source}, {fmt.number(item.reach)} a month "
            f"(plausible {fmt.number(item.range.low)}–{fmt.number(item.range.high)}).\n"
            f"{ends_sentence(plan, certainty, item)}"
        )
        rows.append(
            (
                str(order),
                one_line(item.title, 60),
                DECISIVE if item.decisive else "no",
                fmt.compact(item.swing),
                tip,
                item.friction_id,
            )
        )
    return rows


class MeasureFirstList(QTreeWidget):
    """The list; a click (or Enter) on a row asks for its friction point to be shown."""

    #: The friction point of the row the user picked.
    frictionPicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(HEADINGS))
        self.setHeaderLabels(list(HEADINGS))
        self.setRootIsDecorated(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Measure first")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the titles
        # A title wraps onto a second line rather than losing its end in a narrow pane.
        self.setWordWrap(True)
        self.setItemDelegate(WrappingRows(self))
        header.sectionResized.connect(lambda *_: self.doItemsLayout())
        self._shown: list = []
        self.itemClicked.connect(self._picked)
        self.itemActivated.connect(self._picked)

    def show_certainty(self, plan: Plan | None, certainty: Certainty | None) -> None:
        rows = [] if plan is None or certainty is None else measure_first_rows(plan, certainty)
        if rows == self._shown:
            return
        self._shown = rows
        self.clear()
        for order, title, decisive, swing, tip, friction_id in rows:
            item = QTreeWidgetItem([order, title, decisive, swing])
            item.setData(0, Qt.ItemDataRole.UserRole, friction_id)
            for column in range(len(HEADINGS)):
                item.setToolTip(column, plain_tip(tip + "\nClick to show it on the canvas."))
            self.addTopLevelItem(item)
        for column in (0, 2, 3):
            self.resizeColumnToContents(column)

    def _picked(self, item: QTreeWidgetItem) -> None:
        self.frictionPicked.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def summary(self, plan: Plan | None, certainty: Certainty | None) -> str:
        if plan is None or certainty is None:
            return "Drawing 2,000 plausible cases…"
        if not any(score.frictions for score in plan.improvements):
            return (
                "No improvement addresses a bad friction point yet: there is no ranking to be "
                "sure of, and nothing to measure first."
            )
        sentence = stability_sentence(plan, certainty)
        if not certainty.measure_first:
            return f"{sentence} Every frequency behind the improvements is measured."
        return sentence
