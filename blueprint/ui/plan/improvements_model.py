"""The ranked plan as a table: one row per improvement, its numbers as the PDF prints them.

The model shows one ``Plan`` at a time. Each cell also gives a sort key (``SORT_ROLE``: the
number itself, not its text, so 950 sorts below 12,536), and the proxy filters by wave.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ...analysis.certainty import DEFAULT_K, Certainty, ImprovementCertainty
from ...analysis.plan import ImprovementScore, Plan, Quadrant, Wave
from ...report import formatting as fmt
from ...report.certainty_text import share_text
from ...report.saving import AT_LEAST_KEY, at_least, avoidable_cost_text, is_done
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
    SURE = 5
    RANK_RANGE = 6
    PRIORITY = 7
    IMPACT = 8
    EFFORT = 9
    QUADRANT = 10


@dataclass(frozen=True)
class Shown:
    """What the cells read beside the score: the currency, and how sure the plan is."""

    currency: str = "EUR"
    sure: dict[str, ImprovementCertainty] = field(default_factory=dict)
    k: int = DEFAULT_K
    stale: bool = False  # ``sure`` is from before the last edit

    def of(self, score: ImprovementScore) -> ImprovementCertainty | None:
        return self.sure.get(score.improvement_id)


@dataclass(frozen=True)
class Column:
    title: str
    tip: str
    text: Callable[[ImprovementScore, Shown], str]  # what the cell shows
    key: Callable[[ImprovementScore, Shown], Any]  # what it sorts by
    numeric: bool = True
    #: from the plausible worlds, which arrive later than the plan and may be stale
    from_worlds: bool = False


#: Shown in a cell of how sure the plan is before the first worlds are drawn.
NOT_YET = "…"


def _sure_text(score: ImprovementScore, shown: Shown) -> str:
    item = shown.of(score)
    return NOT_YET if item is None else share_text(item.p_top_k)


def _sure_key(score: ImprovementScore, shown: Shown) -> float:
    item = shown.of(score)
    return -1.0 if item is None else item.p_top_k


def rank_range_text(item: ImprovementCertainty) -> str:
    low, high = (fmt.decimal(r, 1).removesuffix(".0") for r in (item.rank_low, item.rank_high))
    return f"#{low}" if low == high else f"#{low}–{high}"


def _range_text(score: ImprovementScore, shown: Shown) -> str:
    item = shown.of(score)
    return NOT_YET if item is None else rank_range_text(item)


def _range_key(score: ImprovementScore, shown: Shown) -> tuple[float, float]:
    item = shown.of(score)
    return (math.inf, math.inf) if item is None else (item.rank_low, item.rank_high)


#: After the title of an improvement linked to no friction point: its impact is 0 for that.
NOTHING_ADDRESSED = "⚠ addresses no friction point"


def _title_text(score: ImprovementScore) -> str:
    title = one_line(score.title)
    if is_done(score):  # ranked as any other, as in the PDF: marked first,
        title = f"Done: {title}"  # where a narrow column does not cut it off
    return f"{title}  {NOTHING_ADDRESSED}" if score.addresses_nothing else title


def _lift_key(score: ImprovementScore) -> float:
    return -math.inf if score.lift is None else score.lift  # no lift yet: lowest


COLUMNS: dict[ImprovementColumn, Column] = {
    ImprovementColumn.RANK: Column(
        "#",
        "Rank over the whole plan: by priority P",
        lambda s, _c: str(s.rank),
        lambda s, _c: s.rank,
    ),
    ImprovementColumn.TITLE: Column(
        "Improvement",
        "What the team will do",
        lambda s, _c: _title_text(s),
        lambda s, _c: s.title.casefold(),
        numeric=False,
    ),
    ImprovementColumn.WAVE: Column(
        "Wave",
        "Now = quick wins, Next = big bets, Later = fill-ins, Reconsider = money pits",
        lambda s, _c: s.wave.value,
        lambda s, _c: _WAVE_ORDER[s.wave],
        numeric=False,
    ),
    ImprovementColumn.QUADRANT: Column(
        "Quadrant",
        "High impact: I above 0 and at or above the median I; low effort: 2 points or less",
        lambda s, _c: s.quadrant.value,
        lambda s, _c: _QUADRANT_ORDER[s.quadrant],
        numeric=False,
    ),
    ImprovementColumn.PRIORITY: Column(
        "Priority\nP",
        "P = I / effort",
        lambda s, _c: fmt.compact(s.priority),
        lambda s, _c: s.priority,
    ),
    ImprovementColumn.IMPACT: Column(
        "Impact\nI",
        "I = confidence × the sum of F over its bad friction points",
        lambda s, _c: fmt.compact(s.impact),
        lambda s, _c: s.impact,
    ),
    ImprovementColumn.EFFORT: Column(
        "Effort",
        "Effort points: 1, 2, 3, 5 or 8",
        lambda s, _c: str(s.effort),
        lambda s, _c: s.effort,
    ),
    ImprovementColumn.COST: Column(
        "Avoidable\ncost a year",
        "Σ r × 12 × cost per contact of the landing channel × the action's share",
        lambda s, shown: avoidable_cost_text(s, shown.currency),
        lambda s, _c: s.avoidable_cost,
    ),
    ImprovementColumn.LIFT: Column(
        "Lift",
        "From the lowest landing step of its friction points to its target step",
        lambda s, _c: fmt.lift_text(s.current_step, s.target_step, s.lift),
        lambda s, _c: _lift_key(s),
        numeric=False,
    ),
    ImprovementColumn.SURE: Column(
        "P(top {k})",
        "The share of 2,000 plausible cases (each friction point's reach drawn on its range) "
        "in which it ranks {k} or better",
        _sure_text,
        _sure_key,
        from_worlds=True,
    ),
    ImprovementColumn.RANK_RANGE: Column(
        "Rank\nrange",
        "Its rank in 90% of plausible cases: the 5th to the 95th percentile",
        _range_text,
        _range_key,
        numeric=False,
        from_worlds=True,
    ),
}
#: Said in the header and the cells of how sure the plan is while they are being redrawn.
UPDATING = "updating…"


class ImprovementsTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ImprovementScore] = []
        self._shown = Shown()

    # --- what it shows -------------------------------------------------------------------

    def set_plan(self, plan: Plan, currency: str) -> None:
        """Show a plan. The same improvements keep their rows (the selection stays put);
        others mean a fresh table."""
        scores = plan.improvements
        old_ids = [s.improvement_id for s in self._rows]
        if len(old_ids) == len(scores) and set(old_ids) == {s.improvement_id for s in scores}:
            by_id = {s.improvement_id: s for s in scores}
            self._rows = [by_id[i] for i in old_ids]
            self._shown = replace(self._shown, currency=currency)
            self._changed_all()
            return
        self.beginResetModel()
        self._rows = list(scores)
        self._shown = replace(self._shown, currency=currency)
        self.endResetModel()

    def set_certainty(self, certainty: Certainty | None, stale: bool) -> None:
        """How sure the plan is; ``stale`` while it is of the plan before the last edit."""
        sure = {} if certainty is None else {i.improvement_id: i for i in certainty.improvements}
        k = certainty.k if certainty is not None else self._shown.k
        self._shown = replace(self._shown, sure=sure, k=k, stale=stale)
        self._changed_all()
        self.headerDataChanged.emit(
            Qt.Orientation.Horizontal, ImprovementColumn.SURE, ImprovementColumn.RANK_RANGE
        )

    @property
    def certainty_stale(self) -> bool:
        return self._shown.stale

    def _changed_all(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def score(self, row: int) -> ImprovementScore:
        return self._rows[row]

    def texts(self, column: ImprovementColumn) -> list[str]:
        """What one column shows, row by row: for measuring it without a call per cell."""
        text, shown = COLUMNS[column].text, self._shown
        return [text(score, shown) for score in self._rows]

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
            return column.text(score, self._shown)
        if role == SORT_ROLE:
            return column.key(score, self._shown)
        if role == ID_ROLE:
            return score.improvement_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(score, which)
        if role == Qt.ItemDataRole.DecorationRole and which == ImprovementColumn.WAVE:
            return QColor(WAVE_COLOURS[score.wave])
        if role == Qt.ItemDataRole.FontRole and column.from_worlds and self._shown.stale:
            font = QFont()
            font.setItalic(True)  # with the header's "updating…": not by colour alone
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column.from_worlds and self._shown.stale:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[ImprovementColumn(section)]
        k = self._shown.k
        if role == Qt.ItemDataRole.DisplayRole:
            title = column.title.format(k=k)
            return f"{title}\n{UPDATING}" if column.from_worlds and self._shown.stale else title
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = column.tip.format(k=k)
            if column.from_worlds and self._shown.stale:
                tip += "; shown from before your last edit until the new cases are drawn"
            return tip
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
        if which in (ImprovementColumn.SURE, ImprovementColumn.RANK_RANGE):
            return self._sure_tip(score)
        if which == ImprovementColumn.COST and at_least(score):
            return AT_LEAST_KEY
        if which == ImprovementColumn.COST and score.cost_unknown_channel_ids:
            return "Its contacts land in channels with no cost per contact: counted 0"
        return None

    def _sure_tip(self, score: ImprovementScore) -> str:
        item = self._shown.of(score)
        if item is None:
            return "Drawing 2,000 plausible cases…"
        k = self._shown.k
        tip = (
            f"In {share_text(item.p_top_k)} of plausible cases it ranks {k} or better; "
            f"in 90% of them its rank is {rank_range_text(item)} (it is #{score.rank} in the plan)"
        )
        return tip + (" — from before your last edit" if self._shown.stale else "")


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
