"""Today and tomorrow: what the future state drawn in the blueprint changes, in figures.

Only for a blueprint that draws a future state. The plan's ranking stays on today's journey;
this sets each figure of today against tomorrow's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis.epic import LETTER_NAMES
from ...changes import Change, Comparison, DifferenceKind, FiguresDelta
from ...changes.compare import FRICTION_COST
from ...model import EpicLetter
from .. import formatting as fmt
from ..comparison_text import (
    avoidable_text,
    biggest_shown,
    biggest_title,
    change_sentence,
    cost_note,
    delta_text,
    headline_sentence,
    value_text,
)
from .outline import FORMULAS, RANKED_PLAN
from .subject import PlanSubject

NAMES = ("Today", "Tomorrow")
#: Differences listed one by one; the rest are counted.
DIFFERENCES_LISTED = 30
BIGGEST_NOTE = (
    "Biggest against its own scale: an amount by the share of it that changes, a share or an "
    "index by the points it moves out of 100."
)
NO_CHANGE = "None: the future state drawn changes none of these figures."


@dataclass(frozen=True, slots=True)
class FigureRow:
    figure: str
    today: str
    tomorrow: str
    change: str
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Difference:
    text: str
    #: The improvements that bring it about (``#2``, or a title when unranked).
    brought_by: str | None


@dataclass(frozen=True, slots=True)
class TodayAndTomorrow:
    intro: str
    headline: str | None
    #: Monthly reach landing on steps 0..5, today and tomorrow.
    stairway: tuple[tuple[float, ...], tuple[float, ...]]
    figures: tuple[FigureRow, ...]
    cost_note: str | None
    biggest_title: str
    biggest: tuple[str, ...]
    stages: tuple[tuple[str, ...], ...]
    personas: tuple[tuple[str, ...], ...]
    differences: tuple[Difference, ...]
    more_differences: str | None


def today_and_tomorrow(subject: PlanSubject) -> TodayAndTomorrow | None:
    comparison = subject.comparison
    if comparison is None:
        return None
    whole, currency = comparison.whole, comparison.currency
    note = cost_note(whole, subject.channel_names | comparison.names)
    biggest = biggest_shown(whole)
    differences, more = _differences(subject, comparison)
    return TodayAndTomorrow(
        intro=_intro(subject, comparison),
        headline=headline_sentence(whole, currency, names=subject.channel_names | comparison.names),
        stairway=(whole.before.stairway, whole.after.stairway),
        figures=figure_rows(whole, currency),
        cost_note=f"Friction cost: {note}." if note else None,
        biggest_title=biggest_title(len(biggest)),
        biggest=tuple(change_sentence(c, currency) for c in biggest),
        stages=_stages(whole, comparison),
        personas=_personas(comparison),
        differences=differences,
        more_differences=more,
    )


def _intro(subject: PlanSubject, comparison: Comparison) -> str:
    kinds = [d.kind for d in comparison.differences]
    counts = [
        fmt.plural(kinds.count(kind), word)
        for kind, word in (
            (DifferenceKind.ADDED, "addition"),
            (DifferenceKind.REMOVED, "removal"),
            (DifferenceKind.CHANGED, "change"),
        )
        if kinds.count(kind)
    ]
    persona = ""
    if comparison.whole.persona_id is not None:
        name = comparison.names.get(comparison.whole.persona_id, comparison.whole.persona_id)
        persona = f" The figures are those of persona {name}."
    formulas, ranked = subject.where(FORMULAS), subject.where(RANKED_PLAN)
    return (
        "The blueprint draws the journey as it should be as well as it is: "
        + (
            f"{fmt.join_words(counts)} (listed at the end of this section)"
            if counts
            else "no change: every value it gives tomorrow is today's"
        )
        + ". Each "
        "figure is computed for today's journey and for tomorrow's on its own"
        + (f", with the formulas of {formulas}" if formulas else "")
        + "; a change is tomorrow minus today, and shares change in percentage points. The "
        "plan itself"
        + (f" (from {ranked})" if ranked else "")
        + f" is ranked on today's journey.{persona}"
    )


def figure_rows(delta: FiguresDelta, currency: str) -> tuple[FigureRow, ...]:
    """Each headline figure today and tomorrow, the avoidable cost under the friction cost,
    and the weakest EPIC letter."""
    rows = []
    for change in delta.headline:
        if change.measure != FRICTION_COST:
            rows.append(_figure_row(change, currency))
            continue
        # A cost of 0 where every contact lands in a channel with no cost per contact is not
        # known, not nothing ("£ 0 → £ 0" beside a summary saying "not known").
        unknown = (
            not change.before and delta.before.cost_unknown_channel_ids,
            not change.after and delta.after.cost_unknown_channel_ids,
        )
        if not any(unknown):
            rows.append(_figure_row(change, currency))
            avoidable = avoidable_text(delta, currency)
        else:
            before, after = (
                fmt.NOT_KNOWN if gone else value_text(change, value, currency)
                for gone, value in zip(unknown, (change.before, change.after), strict=True)
            )
            rows.append(FigureRow(change.measure.label, before, after, fmt.DASH))
            avoidable = fmt.NOT_KNOWN
        rows.append(
            FigureRow(
                "Avoidable cost a year: what the friction cost falls by",
                "",
                "",
                avoidable,
                strong=True,
            )
        )
    rows.append(
        FigureRow(
            "Weakest EPIC letter",
            _letter(delta.before.epic.weakest),
            _letter(delta.after.epic.weakest),
            "",
        )
    )
    return tuple(rows)


def _figure_row(change: Change, currency: str) -> FigureRow:
    return FigureRow(
        change.measure.label,
        value_text(change, change.before, currency),
        value_text(change, change.after, currency),
        delta_text(change, currency),
    )


def _letter(letter: EpicLetter | None) -> str:
    return f"{letter.value} · {LETTER_NAMES[letter]}" if letter else fmt.DASH


def _short(letter: EpicLetter | None) -> str:
    return letter.value if letter else fmt.DASH


def _stages(delta: FiguresDelta, comparison: Comparison) -> tuple[tuple[str, ...], ...]:
    """Stage, EPIC index today, tomorrow, change, weakest letters, emotion today, tomorrow,
    change."""
    currency = comparison.currency
    rows = []
    for stage in delta.stages:
        epic, emotion = stage.epic_index, stage.emotion
        rows.append(
            (
                comparison.names.get(stage.stage_id, stage.stage_id),
                value_text(epic, epic.before, currency),
                value_text(epic, epic.after, currency),
                delta_text(epic, currency),
                f"{_short(stage.weakest_before)} → {_short(stage.weakest_after)}",
                value_text(emotion, emotion.before, currency),
                value_text(emotion, emotion.after, currency),
                delta_text(emotion, currency),
            )
        )
    return tuple(rows)


def _personas(comparison: Comparison) -> tuple[tuple[str, ...], ...]:
    currency = comparison.currency
    return tuple(
        (
            comparison.names.get(persona.persona_id or "", persona.persona_id or ""),
            *(delta_text(c, currency) for c in persona.headline),
        )
        for persona in comparison.personas
    )


def _differences(
    subject: PlanSubject, comparison: Comparison
) -> tuple[tuple[Difference, ...], str | None]:
    found = comparison.differences
    ranks = {s.improvement_id: s.rank for s in subject.plan.improvements}
    brought: dict[str, list[str]] = {}
    for improvement in subject.bp.improvements:
        mark = f"#{ranks[improvement.id]}" if improvement.id in ranks else improvement.title
        for entity_id in improvement.brings_about:
            brought.setdefault(entity_id, []).append(mark)
    listed = tuple(
        Difference(
            d.describe(), ", ".join(brought[d.entity_id]) if d.entity_id in brought else None
        )
        for d in found[:DIFFERENCES_LISTED]
    )
    more = len(found) - DIFFERENCES_LISTED
    return listed, (f"… and {fmt.plural(more, 'more difference')}." if more > 0 else None)
