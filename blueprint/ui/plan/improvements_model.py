"""The ranked plan as a table: one row per improvement, its numbers as the PDF prints them.

The model shows one ``Plan`` at a time. Each cell also gives a sort key (``SORT_ROLE``: the
number itself, not its text, so 950 sorts below 12,536), and the proxy filters by wave.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from ...analysis.plan import ImprovementScore, Plan, Quadrant, Wave
from ...report import formatting as fmt
from ...report.saving import avoidable_cost_text
from .improvements_choices import WAVE_COLOURS, WAVE_QUADRANTS, one_line, plain_tip

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_WAVE_ORDER = {wave: i for i, wave in enumerate(Wave)}
_QUADRANT_ORDER = {quadrant: i for i, quadrant in enumerate(Quadrant)}

Index = QModelIndex | QPersistentModelIndex


class ImprovementColumn(IntEnum):
    """In the order a manager reads them: on a narrow screen the first ones stay in sight."""

    RANK = 0
    TITLE = 1
    WAVE = 2
    COST = 3
    LIFT = 4
    PRIORITY = 5
    IMPACT = 6
    EFFORT = 7
    QUADRANT = 8


@dataclass(frozen=True)
class Column:
    title: str
    tip: str
    text: Callable[[ImprovementScore, str], str]  # (score, currency) -> what the cell shows
    key: Callable[[ImprovementScore], Any]  # what it sorts by
    numeric: bool = True


#: After the title of an improvement linked to no friction point: its impact is 0 for that.
NOTHING_ADDRESSED = "⚠ addresses no friction point"


def _title_text(score: ImprovementScore) -> str:
    title = one_line(score.title)
    return f"{title}  {NOTHING_ADDRESSED}" if score.addresses_nothing else title


def _lift_key(score: ImprovementScore) -> float:
    return -math.inf if score.lift is None else score.lift  # no lift yet: lowest


COLUMNS: dict[ImprovementColumn, Column] = {
    ImprovementColumn.RANK: Column(
        "#", "Rank over the whole plan: by priority P", lambda s, _c: str(s.rank), lambda s: s.rank
    ),
    ImprovementColumn.TITLE: Column(
        "Improvement",
        "What the team will do",
        lambda s, _c: _title_text(s),
        lambda s: s.title.casefold(),
        numeric=False,
    ),
    ImprovementColumn.WAVE: Column(
        "Wave",
        "Now = quick wins, Next = big bets, Later = fill-ins, Reconsider = money pits",
        lambda s, _c: s.wave.value,
        lambda s: _WAVE_ORDER[s.wave],
        numeric=False,
    ),
    ImprovementColumn.QUADRANT: Column(
        "Quadrant",
        "High impact: I above 0 and at or above the median I; low effort: 2 points or less",
        lambda s, _c: s.quadrant.value,
        lambda s: _QUADRANT_ORDER[s.quadrant],
        numeric=False,
    ),
    ImprovementColumn.PRIORITY: Column(
        "Priority\nP", "P = I / effort", lambda s, _c: fmt.compact(s.priority), lambda s: s.priority
    ),
    ImprovementColumn.IMPACT: Column(
        "Impact\nI",
        "I = confidence × the sum of F over its bad friction points",
        lambda s, _c: fmt.compact(s.impact),
        lambda s: s.impact,
    ),
    ImprovementColumn.EFFORT: Column(
        "Effort", "Effort points: 1, 2, 3, 5 or 8", lambda s, _c: str(s.effort), lambda s: s.effort
    ),
    ImprovementColumn.COST: Column(
        "Avoidable\ncost a year",
        "Σ r × 12 × cost per contact of the landing channel × the action's share",
        lambda s, currency: avoidable_cost_text(s, currency),
        lambda s: s.avoidable_cost,
    ),
    ImprovementColumn.LIFT: Column(
        "Lift",
        "From the lowest landing step of its friction points to its target step",
        lambda s, _c: fmt.lift_text(s.current_step, s.target_step, s.lift),
        _lift_key,
        numeric=False,
    ),
}


class ImprovementsTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ImprovementScore] = []
        self._currency = "EUR"

    # --- what it shows -------------------------------------------------------------------

    def set_plan(self, plan: Plan, currency: str) -> None:
        """Show a plan. The same improvements keep their rows (the selection stays put);
        others mean a fresh table."""
        scores = plan.improvements
        old_ids = [s.improvement_id for s in self._rows]
        if len(old_ids) == len(scores) and set(old_ids) == {s.improvement_id for s in scores}:
            by_id = {s.improvement_id: s for s in scores}
            self._rows = [by_id[i] for i in old_ids]
            self._currency = currency
            if self._rows:
                last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = list(scores)
        self._currency = currency
        self.endResetModel()

    def score(self, row: int) -> ImprovementScore:
        return self._rows[row]

    def texts(self, column: ImprovementColumn) -> list[str]:
        """What one column shows, row by row: for measuring it without a call per cell."""
        text = COLUMNS[column].text
        return [text(score, self._currency) for score in self._rows]

    def row_of(self, improvement_id: str) -> int | None:
        for row, score in enumerate(self._rows):
            if score.improvement_id == improvement_id:
                return row
        return None

    # --- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        score = self._rows[index.row()]
        which = ImprovementColumn(index.column())
        column = COLUMNS[which]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(score, self._currency)
        if role == SORT_ROLE:
            return column.key(score)
        if role == ID_ROLE:
            return score.improvement_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(score, which)
        if role == Qt.ItemDataRole.DecorationRole and which == ImprovementColumn.WAVE:
            return QColor(WAVE_COLOURS[score.wave])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[ImprovementColumn(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        return None

    def _tip(self, score: ImprovementScore, which: ImprovementColumn) -> str | None:
        if which == ImprovementColumn.TITLE:
            if score.addresses_nothing:
                return plain_tip(
                    f"{score.title}\nIt addresses no friction point, so its impact is 0: "
                    "link the friction points it removes in the form below."
                )
            return plain_tip(score.title)
        if which == ImprovementColumn.WAVE:
            return f"{score.wave.value}: {WAVE_QUADRANTS[score.wave].value}s"
        if which == ImprovementColumn.PRIORITY:
            return f"P = {fmt.number(score.impact)} / {score.effort} = {fmt.number(score.priority)}"
        if which == ImprovementColumn.IMPACT:
            return (
                f"I = {score.confidence:g} × {fmt.number(score.friction_impact)} = "
                f"{fmt.number(score.impact)}"
            )
        if which == ImprovementColumn.COST and score.cost_unknown_channel_ids:
            return "Some contacts land in a channel with no cost per contact: counted 0"
        return None


class ImprovementsProxy(QSortFilterProxyModel):
    """Sorts by the numbers behind the text, and shows one wave or all of them."""

    def __init__(self, source: ImprovementsTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wave: Wave | None = None
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    @property
    def wave(self) -> Wave | None:
        return self._wave

    def set_wave(self, wave: Wave | None) -> None:
        if wave == self._wave:
            return
        self.beginFilterChange()
        self._wave = wave
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._wave is None:
            return True
        source = self.sourceModel()
        assert isinstance(source, ImprovementsTableModel)
        return source.score(source_row).wave == self._wave
