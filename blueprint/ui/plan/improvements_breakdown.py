"""The score of one improvement taken apart: every term of the formulas of DOMAIN.md, with
the friction points behind them, as a read-only tree of plain text.

``score_terms`` builds the terms (no Qt); ``ScoreBreakdown`` shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...analysis.certainty import ImprovementCertainty
from ...analysis.friction import FrictionScore
from ...analysis.plan import ACTION_SHARE, LOW_EFFORT_MAX, CostTerm, ImprovementScore, Plan
from ...model import Blueprint, Period
from ...report import formatting as fmt
from ...report.certainty_text import share_text
from ..inspector.choices import SEVERITY_WORDS
from .improvements_choices import one_line, plain_tip, unit_cost
from .improvements_model import rank_range_text

#: The period factors of the reach, as the formulas page of the plan writes them.
PERIOD_FACTORS = {
    Period.DAY: "365/12",
    Period.WEEK: "52/12",
    Period.MONTH: "1",
    Period.QUARTER: "1/3",
    Period.YEAR: "1/12",
}
#: The term column stops widening here: the formulas need the room.
FIRST_COLUMN_MAX = 160
#: A cell's margin on either side of its text, in pixels (the style's, and some).
TERM_PADDING = 6
#: Marks a term whose label is a title someone typed (it has the title whole as its tip).
TYPED_ROLE = Qt.ItemDataRole.UserRole
NOTHING_SELECTED = "Select an improvement to see how its score is computed."


@dataclass(frozen=True)
class Term:
    """One line of the breakdown: a term, its value, and how it is computed."""

    label: str
    value: str
    how: str = ""
    children: tuple[Term, ...] = field(default=())
    #: the label whole, where it is a title someone typed, cut short
    tip: str = ""


class _Names:
    """The blueprint's names, looked up once for one breakdown."""

    def __init__(self, bp: Blueprint) -> None:
        self.bp = bp
        self.channels = {c.id: c.name for c in bp.channels}
        self.stages = {s.id: s.name for s in bp.stages}
        self.touchpoints = {t.id: t for t in bp.touchpoints}
        self.frictions = {f.id: f.title for f in bp.frictions}

    def where(self, f: FrictionScore) -> str:
        touchpoint = self.touchpoints.get(f.touchpoint_id)
        title = touchpoint.title if touchpoint is not None else f.touchpoint_id
        stage, channel = self.stages.get(f.stage_id, "?"), self.channels.get(f.channel_id, "?")
        return f"{title} · {stage} · {channel}"

    def personas_of(self, touchpoint_id: str) -> str:
        personas = self.bp.personas
        if not personas:
            return "the blueprint has no personas: 1.0"
        touchpoint = self.touchpoints.get(touchpoint_id)
        listed = [p.name for p in personas if touchpoint and p.id in touchpoint.persona_ids]
        if not listed:
            return f"value weights of all {fmt.plural(len(personas), 'persona')}, by share"
        return "value weights of " + fmt.join_words(listed) + ", by share"


@dataclass(frozen=True)
class SureTerms:
    """How sure the plan is of one improvement, as the dock has it."""

    item: ImprovementCertainty
    k: int
    worlds: int
    stale: bool


def score_terms(
    score: ImprovementScore, plan: Plan, bp: Blueprint, sure: SureTerms | None = None
) -> list[Term]:
    """Every term of the improvement's priority, quadrant, avoidable cost and lift, and how
    sure the plan is of its rank when that is known."""
    names = _Names(bp)
    terms = [_priority(score, names), _quadrant(score, plan), _cost(score, names, bp.currency)]
    if any(f.gives_up for f in score.frictions):
        terms.append(_lost_journeys(score))
    terms.append(_lift(score))
    if sure is not None:
        terms.append(_how_sure(score, sure))
    return terms


def _how_sure(score: ImprovementScore, sure: SureTerms) -> Term:
    item, k = sure.item, sure.k
    stale = " (from before your last edit: updating…)" if sure.stale else ""
    worlds = f"{sure.worlds:,}"
    return Term(
        f"P(top {k}){stale}",
        share_text(item.p_top_k),
        f"plausible cases where it ranks {k} or better / all {worlds} cases",
        (
            Term(
                "Rank range",
                rank_range_text(item),
                f"its rank's 5th to 95th percentile over the cases; #{score.rank} in the plan",
            ),
            Term(
                "A plausible case",
                worlds,
                "each friction point's reach r drawn log-uniformly on its range: measured "
                "r/1.2 .. r × 1.2, estimated r/2 .. r × 2, unknown r/10 .. r × 10, or its own "
                "low and high count; then every improvement ranked again",
            ),
        ),
    )


def _priority(score: ImprovementScore, names: _Names) -> Term:
    frictions = tuple(_friction(f, names) for f in score.frictions)
    good = tuple(
        Term(
            f"Good friction: {one_line(names.frictions.get(fid, fid), 50)}",
            "0",
            "deliberate: shown, never counted",
            tip=names.frictions.get(fid, fid),
        )
        for fid in score.good_friction_ids
    )
    impact = Term(
        "Impact I",
        fmt.number(score.impact),
        f"confidence × Σ F = {score.confidence:g} × {fmt.number(score.friction_impact)}",
        frictions + good
        or (Term("No friction point", "0", "it addresses no bad friction point yet"),),
    )
    effort = Term("Effort", str(score.effort), "points: 1, 2, 3, 5 or 8")
    return Term(
        "Priority P",
        fmt.number(score.priority),
        f"I / effort = {fmt.number(score.impact)} / {score.effort}",
        (impact, effort),
    )


def _friction(f: FrictionScore, names: _Names) -> Term:
    how = (
        f"r × severity × w × (1 + d) = {fmt.number(f.reach)} × {f.severity} × "
        f"{fmt.decimal(f.weight, 2)} × (1 + {f.drop})"
    )
    origin_channel = names.channels.get(f.channel_id, "?")
    if f.gives_up:
        landing = "customers give up here"
    elif f.landing_channel_id is not None and f.landing_channel_id != f.channel_id:
        landing = f"pushed into {names.channels.get(f.landing_channel_id, '?')}"
    else:
        landing = f"stays in {origin_channel}"
    terms = (
        Term(
            "Reach r",
            fmt.number(f.reach),
            f"a month: count × period factor = {fmt.number(f.count)} a "
            f"{fmt.PERIOD_WORDS[f.period]} × {PERIOD_FACTORS[f.period]} ({f.source})"
            if f.count
            else "a month: no frequency given yet (unknown), counted 0",
        ),
        Term("Severity", str(f.severity), _severity_words(f.severity)),
        Term(
            "Segment weight w",
            fmt.decimal(f.weight, 2),
            names.personas_of(f.touchpoint_id),
        ),
        Term("Origin step o", str(f.origin_step), f"step of {origin_channel}"),
        Term("Landing step l", str(f.landing_step), landing),
        Term("Drop d", str(f.drop), f"max(0, o − l) = max(0, {f.origin_step} − {f.landing_step})"),
    )
    return Term(
        f"F: {one_line(f.title, 50)}",
        fmt.number(f.impact),
        how,
        terms,
        tip=f"{f.title}\n{names.where(f)}",
    )


def _severity_words(severity: int) -> str:
    """``serious`` for 3: the words of the inspector's scale, without its number."""
    return SEVERITY_WORDS.get(severity, "").partition(" ")[2]


def _quadrant(score: ImprovementScore, plan: Plan) -> Term:
    median = plan.median_impact or 0.0
    if score.impact <= 0:
        impact_how = "I is 0: nothing gained, never high"
    else:
        high = "≥" if score.high_impact else "<"
        impact_how = f"I {high} median I: {fmt.number(score.impact)} {high} {fmt.number(median)}"
    low = "≤" if score.low_effort else ">"
    return Term(
        "Quadrant",
        score.quadrant.value,
        f"wave {score.wave.value}",
        (
            Term("Impact", "high" if score.high_impact else "low", impact_how),
            Term(
                "Effort",
                "low" if score.low_effort else "high",
                f"effort {low} {LOW_EFFORT_MAX}: {score.effort} {low} {LOW_EFFORT_MAX}",
            ),
        ),
    )


def _cost(score: ImprovementScore, names: _Names, currency: str) -> Term:
    titles = {f.friction_id: f.title for f in score.frictions}
    terms = tuple(_cost_term(t, titles, names, currency) for t in score.cost_terms)
    return Term(
        "Avoidable cost a year",
        fmt.money(score.avoidable_cost, currency),
        f"Σ r × 12 × cost per contact × share ({score.action.value}: "
        f"{ACTION_SHARE[score.action]:g})",
        terms or (Term("No contact to avoid", fmt.money(0, currency)),),
    )


def _cost_term(term: CostTerm, titles: dict[str, str], names: _Names, currency: str) -> Term:
    title = titles.get(term.friction_id, term.friction_id)
    channel = names.channels.get(term.landing_channel_id or "", "?")
    if term.cost_per_contact is None:
        per_contact = f"cost unknown ({channel} has no cost per contact: counted 0)"
    else:
        per_contact = f"{unit_cost(term.cost_per_contact, currency)} ({channel})"
    return Term(
        one_line(title, 50),
        fmt.money(term.cost, currency),
        f"{fmt.number(term.reach)} × 12 × {per_contact} × {term.share:g}",
        tip=title,
    )


def _lost_journeys(score: ImprovementScore) -> Term:
    lost = tuple(
        Term(
            one_line(f.title, 50),
            fmt.whole(f.reach * 12),
            f"{fmt.number(f.reach)} × 12",
            tip=f.title,
        )
        for f in score.frictions
        if f.gives_up
    )
    return Term(
        "Lost journeys a year",
        fmt.whole(score.lost_journeys),
        "Σ r × 12 where customers give up: counted apart from cost",
        lost,
    )


def _lift(score: ImprovementScore) -> Term:
    target = Term(
        "Target step",
        str(score.target_step),
        f"{fmt.STEP_NAMES.get(score.target_step, '')}: chosen for the improvement",
    )
    if score.current_step is None or score.lift is None:
        current = Term("Current step", fmt.DASH, "no bad friction point yet")
        return Term("Lift", fmt.DASH, "target step − current step", (current, target))
    current = Term(
        "Current step",
        str(score.current_step),
        f"{fmt.STEP_NAMES.get(score.current_step, '')}: the lowest landing step of its "
        "friction points",
    )
    return Term(
        "Lift",
        f"{score.lift:+d}",
        f"target step − current step = {score.target_step} − {score.current_step}",
        (current, target),
    )


class WrappingRows(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the column's width (QTreeView would elide)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        width = self._view.columnWidth(index.column()) - 8
        if index.column() == 0:
            width -= self._view.indentation() * (_depth(index) + 1)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        bounds = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, max(width, 40), 10_000), flags, text
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 4))


def _walk(parent: QTreeWidgetItem, depth: int):
    """Every item under ``parent``, with its depth (0 for a top-level item)."""
    for i in range(parent.childCount()):
        child = parent.child(i)
        yield child, depth
        yield from _walk(child, depth + 1)


def _depth(index: QModelIndex) -> int:
    depth = 0
    while index.parent().isValid():
        index = index.parent()
        depth += 1
    return depth


class ScoreBreakdown(QTreeWidget):
    """The terms in a tree: term, value, how it is computed. Read-only, plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels(["Term", "Value", "How it is computed"])
        self.setAccessibleName("How the score is computed")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setIndentation(14)
        self.setWordWrap(True)  # a long formula wraps rather than hides its numbers
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The columns fit the pane, so the formulas wrap instead of running off its edge.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegate(WrappingRows(self))
        header.sectionResized.connect(lambda *_: self.doItemsLayout())
        self.show_terms([])

    def show_terms(self, terms: list[Term]) -> None:
        self.clear()
        if not terms:
            note = QTreeWidgetItem([NOTHING_SELECTED, "", ""])
            self.addTopLevelItem(note)
            note.setFirstColumnSpanned(True)
            return
        for term in terms:
            self.addTopLevelItem(self._item(term))
        self.expandAll()
        self._fit_first_column()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_first_column()

    def _fit_first_column(self) -> None:
        """The term's names as wide as they need, but no more than a third of the pane (in a
        narrow pane, a 1280-wide screen, the formulas kept a sliver and were cut), unless the
        deepest terms need more for their longest word whole (they read "Re… r", "Ori…
        ste…"), up to half the pane."""
        wanted = self.sizeHintForColumn(0)
        pane = self.viewport().width()
        usual = min(wanted, FIRST_COLUMN_MAX, pane // 3)
        self.setColumnWidth(0, max(60, usual, min(self.words_room(), pane // 2)))

    def words_room(self) -> int:
        """The width the term column needs for each term's longest word, after the
        indentation of its depth and its branch mark: the method's terms, not the titles
        people typed (one long word of which took half the pane, still cut)."""
        metrics = self.fontMetrics()
        needed = 0
        for item, depth in _walk(self.invisibleRootItem(), 0):
            if item.data(0, TYPED_ROLE):
                continue
            longest = max((metrics.horizontalAdvance(w) for w in item.text(0).split()), default=0)
            needed = max(needed, (depth + 1) * self.indentation() + longest + 2 * TERM_PADDING)
        return needed

    def _item(self, term: Term) -> QTreeWidgetItem:
        item = QTreeWidgetItem([term.label, term.value, term.how])
        item.setData(0, TYPED_ROLE, bool(term.tip))  # a title someone typed, cut short
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = term.tip or term.label
        item.setToolTip(0, plain_tip(tip))
        item.setToolTip(2, plain_tip(term.how))
        for child in term.children:
            item.addChild(self._item(child))
        return item
