"""Two states of a journey side by side: today's and tomorrow's, or two files, and the deltas.

A delta is after minus before: future minus current, or B minus A. Shares are in percent, so
their deltas are percentage points. What each figure is called, its unit and which way is
better are said once here (``MEASURES``), for the command line, the PDF and the editor alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from ..analysis import score_frictions
from ..analysis.friction import rescore_frictions
from ..analysis.records import entity_names
from ..collector import collector_paused
from ..model import Blueprint, EpicLetter
from ..model.defaults import STEP_NAMES
from ..model.states import State, both_states, state_view
from .differences import Difference, differences
from .figures import STEPS, Figures, JourneyFigures, figures, journey_figures


class ComparisonError(ValueError):
    """Two blueprints whose figures cannot be compared (costs in different currencies)."""


class Unit(StrEnum):
    IMPACT = "impact"  # sum of F
    MONEY = "money"  # in the blueprint's currency, a year
    REACH = "reach"  # a month
    JOURNEYS = "journeys"  # a year
    PERCENT = "percent"  # its delta in percentage points
    COUNT = "count"
    INDEX = "index"  # 0..100, its delta in points
    EMOTION = "emotion"  # -2..+2


#: How far a bounded figure can move: a change is sized against it.
_SPAN = {Unit.PERCENT: 100.0, Unit.INDEX: 100.0, Unit.EMOTION: 4.0}
#: A difference this small against the values compared is the rounding of sums made in
#: another order, not a change.
NOISE = 1e-9


def difference(before: float, after: float) -> float:
    """``after - before``; 0 for a difference of rounding alone."""
    delta = after - before
    return 0.0 if abs(delta) <= NOISE * max(1.0, abs(before), abs(after)) else delta


@dataclass(frozen=True, slots=True)
class Measure:
    """One figure of a state, as people read it."""

    key: str  # as in the JSON output
    label: str  # "Friction cost a year"
    unit: Unit
    lower_is_better: bool | None  # None: neither way is better in itself
    plural: bool = False  # the label takes a plural verb: "Channel switches fall"


FRICTION_IMPACT = Measure("friction_impact", "Friction impact", Unit.IMPACT, True)
FRICTION_COST = Measure("friction_cost_per_year", "Friction cost a year", Unit.MONEY, True)
LOST_JOURNEYS = Measure(
    "lost_journeys_per_year", "Lost journeys a year", Unit.JOURNEYS, True, plural=True
)
FAILURE_DEMAND = Measure("failure_demand_share", "Failure-demand share", Unit.PERCENT, True)
CHANNEL_SWITCHES = Measure("channel_switches", "Channel switches", Unit.COUNT, True, plural=True)
EPIC_INDEX = Measure("epic_index", "EPIC index", Unit.INDEX, False)
#: The headline figures, in the order of the delta table.
MEASURES = (
    FRICTION_IMPACT,
    FRICTION_COST,
    LOST_JOURNEYS,
    FAILURE_DEMAND,
    CHANNEL_SWITCHES,
    EPIC_INDEX,
)


def step_measure(step: int) -> Measure:
    """Friction landing on one step of the stairway, a month."""
    return Measure(
        f"step_{step}",
        f"Friction landing on step {step} ({STEP_NAMES[step]}) a month",
        Unit.REACH,
        None,
    )


STAIRWAY_MEASURES = tuple(step_measure(step) for step in STEPS)


@dataclass(frozen=True, slots=True)
class Change:
    """One figure before and after; None where it is not known (no contact reason, no EPIC
    score, no emotion set) or where the other blueprint lacks the stage."""

    measure: Measure
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """After minus before; 0 for a difference of rounding alone (1 + 5 a week against
        6 a week differ by 3e-14, and were "the biggest change")."""
        if self.before is None or self.after is None:
            return None
        return difference(self.before, self.after)

    @property
    def size(self) -> float:
        """How big the change is, 0..1, to find the biggest: against the larger of the two
        values for amounts, against the whole scale for shares, indexes and emotions."""
        delta = self.delta
        if not delta:
            return 0.0
        span = _SPAN.get(self.measure.unit) or max(abs(self.before), abs(self.after))  # type: ignore[arg-type]
        return min(1.0, abs(delta) / span)

    @property
    def better(self) -> bool | None:
        """True when the change is for the better, False when for the worse, None when it
        is no change, not known, or neither way is better."""
        delta = self.delta
        if not delta or self.measure.lower_is_better is None:
            return None
        return (delta < 0) == self.measure.lower_is_better


@dataclass(frozen=True, slots=True)
class StageChange:
    stage_id: str
    epic_index: Change
    weakest_before: EpicLetter | None
    weakest_after: EpicLetter | None
    emotion: Change


STAGE_EPIC = Measure("epic_index", "EPIC index", Unit.INDEX, False)
STAGE_EMOTION = Measure("emotion", "Emotion", Unit.EMOTION, False)


@dataclass(frozen=True, slots=True)
class FiguresDelta:
    """The figures of two states for the same customers, and every delta."""

    persona_id: str | None
    before: Figures
    after: Figures
    headline: tuple[Change, ...]  # one per ``MEASURES``, in order
    stairway: tuple[Change, ...]  # steps 0..5
    stages: tuple[StageChange, ...]
    #: What the friction cost falls by from before to after (negative when it rises).
    avoidable_cost: float
    #: Landing channels with no cost per contact on either side, counted 0.
    cost_unknown_channel_ids: tuple[str, ...]

    def change(self, measure: Measure) -> Change:
        return next(c for c in (*self.headline, *self.stairway) if c.measure == measure)

    def biggest(
        self, count: int = 3, seen: Callable[[Change], bool] = lambda change: True
    ) -> tuple[Change, ...]:
        """The ``count`` largest changes of the headline figures, by ``Change.size``; table
        order breaks ties. Changes of nothing are left out, and those ``seen`` says a reader
        would not see (373.5 to 373.8, shown as 374 both). (The stairway is not among them:
        where friction lands is drawn, and a step emptied would always come first.)"""
        changes = [c for c in self.headline if c.size > 0 and seen(c)]
        ranked = sorted(enumerate(changes), key=lambda pair: (-pair[1].size, pair[0]))
        return tuple(change for _, change in ranked[:count])

    @property
    def is_zero(self) -> bool:
        """True when no figure moves at all."""
        return not any(
            c.delta
            for c in (
                *self.headline,
                *self.stairway,
                *(s.epic_index for s in self.stages),
                *(s.emotion for s in self.stages),
            )
        ) and all(
            was == now
            for was, now in (
                (self.before.epic.weakest, self.after.epic.weakest),
                *((s.weakest_before, s.weakest_after) for s in self.stages),
            )
        )


def delta(before: Figures, after: Figures, stage_ids: list[str] | None = None) -> FiguresDelta:
    """The deltas from ``before`` to ``after``; stages matched by id, in the order of
    ``stage_ids`` (by default the after side's stages, then those only before)."""
    if stage_ids is None:
        stage_ids = list(dict.fromkeys([s.stage_id for s in (*after.stages, *before.stages)]))
    headline = tuple(Change(m, _VALUE_OF[m](before), _VALUE_OF[m](after)) for m in MEASURES)
    stairway = tuple(
        Change(m, before.stairway[step], after.stairway[step])
        for step, m in zip(STEPS, STAIRWAY_MEASURES, strict=True)
    )
    return FiguresDelta(
        persona_id=after.persona_id,
        before=before,
        after=after,
        headline=headline,
        stairway=stairway,
        stages=tuple(_stage_change(before, after, stage_id) for stage_id in stage_ids),
        avoidable_cost=difference(after.friction_cost, before.friction_cost),  # what falls
        cost_unknown_channel_ids=tuple(
            dict.fromkeys((*before.cost_unknown_channel_ids, *after.cost_unknown_channel_ids))
        ),
    )


def _failure_demand_percent(figures: Figures) -> float | None:
    share = figures.failure_demand.share
    return None if share is None else share * 100


_VALUE_OF: dict[Measure, Callable[[Figures], float | None]] = {
    FRICTION_IMPACT: lambda f: f.friction_impact,
    FRICTION_COST: lambda f: f.friction_cost,
    LOST_JOURNEYS: lambda f: f.lost_journeys,
    FAILURE_DEMAND: _failure_demand_percent,
    CHANNEL_SWITCHES: lambda f: f.channel_switches,
    EPIC_INDEX: lambda f: f.epic.index,
}


def _stage_change(before: Figures, after: Figures, stage_id: str) -> StageChange:
    was, now = before.stage(stage_id), after.stage(stage_id)
    return StageChange(
        stage_id=stage_id,
        epic_index=Change(
            STAGE_EPIC,
            was.epic.index if was else None,
            now.epic.index if now else None,
        ),
        weakest_before=was.epic.weakest if was else None,
        weakest_after=now.epic.weakest if now else None,
        emotion=Change(STAGE_EMOTION, was.emotion if was else None, now.emotion if now else None),
    )


@dataclass(frozen=True)
class Comparison:
    """Two states side by side: for every customer and for each persona in both."""

    before_name: str  # "today", or the first file
    after_name: str  # "tomorrow", or the second file
    currency: str
    names: dict[str, str]  # names of stages, channels, personas, touchpoints by id (after's win)
    whole: FiguresDelta  # every customer, or the one persona asked for
    personas: tuple[FiguresDelta, ...]  # each persona of both sides, in the after side's order
    #: Personas on one side only: their figures cannot be compared.
    unmatched_persona_ids: tuple[str, ...] = ()
    #: What the future state adds, removes and changes (for the two states of one file).
    differences: tuple[Difference, ...] = ()

    @property
    def is_zero(self) -> bool:
        return self.whole.is_zero and all(p.is_zero for p in self.personas)


@collector_paused()  # two views, their scores and figures: thousands made, none freed
def compare_states(
    bp: Blueprint, persona_id: str | None = None, each_persona: bool = True
) -> Comparison:
    """Today's journey (before) against tomorrow's (after) in one file.

    With ``persona_id``, ``whole`` is that persona's and there are no other personas; with
    ``each_persona`` False, neither (every customer only, in about half the time).
    """
    today, tomorrow = both_states(bp)
    comparison = compare_blueprints(
        today,
        tomorrow,
        persona_id,
        names=("today", "tomorrow"),
        each_persona=each_persona,
    )
    return _with_differences(comparison, tuple(differences(bp, keep_equal=False)))


def compare_files(
    a: Blueprint,
    b: Blueprint,
    persona_id: str | None = None,
    state: State = State.CURRENT,
    names: tuple[str, str] = ("A", "B"),
    each_persona: bool = True,
) -> Comparison:
    """File ``a`` (before) against file ``b`` (after), each in ``state``: two versions of
    one blueprint, whose stages and personas are matched by id.

    Raises ``ComparisonError`` when their costs are in different currencies.
    """
    if a.currency != b.currency:
        raise ComparisonError(
            f"{names[0]} counts costs in {a.currency} and {names[1]} in {b.currency}; set the "
            "same currency in both to compare them"
        )
    return compare_blueprints(
        state_view(a, state), state_view(b, state), persona_id, names, each_persona
    )


@collector_paused()
def compare_blueprints(
    before: Blueprint,
    after: Blueprint,
    persona_id: str | None = None,
    names: tuple[str, str] = ("before", "after"),
    each_persona: bool = True,
) -> Comparison:
    """Two blueprints, each read as one state (see ``figures``), side by side."""
    stage_ids = list(dict.fromkeys([s.id for s in (*after.stages, *before.stages)]))
    scores = score_frictions(before)
    later = rescore_frictions(after, before, scores)
    if persona_id is not None or not each_persona:
        whole = delta(
            figures(before, persona_id, scores), figures(after, persona_id, later), stage_ids
        )
        personas: tuple[FiguresDelta, ...] = ()
        unmatched: tuple[str, ...] = ()
    else:
        was, now = journey_figures(before, scores), journey_figures(after, later)
        whole = delta(was.whole, now.whole, stage_ids)
        personas, unmatched = _persona_deltas(was, now, stage_ids)
    return Comparison(
        before_name=names[0],
        after_name=names[1],
        currency=after.currency,
        names=entity_names(before) | entity_names(after),
        whole=whole,
        personas=personas,
        unmatched_persona_ids=unmatched,
    )


def _persona_deltas(
    before: JourneyFigures, after: JourneyFigures, stage_ids: list[str]
) -> tuple[tuple[FiguresDelta, ...], tuple[str, ...]]:
    was = {f.persona_id: f for f in before.personas}
    now = {f.persona_id: f for f in after.personas}
    matched = tuple(delta(was[p], f, stage_ids) for p, f in now.items() if p in was)
    unmatched = tuple(p for p in (*now, *was) if not (p in was and p in now))
    return matched, tuple(p for p in unmatched if p is not None)


def _with_differences(comparison: Comparison, found: tuple[Difference, ...]) -> Comparison:
    return replace(comparison, differences=found)
