"""What a state of the journey costs: the figures of DOMAIN.md, for one state on its own.

Every figure is computed by the analysis functions the plan uses, over an ordinary blueprint:
a ``state_view`` of one state, or a file as it is. Only bad friction counts, except in the
failure-demand share, which counts every friction point that names a contact reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..analysis import (
    EpicSummary,
    FailureDemand,
    FrictionScore,
    applies_to,
    channel_switches,
    lost_journeys,
    score_frictions,
    yearly_contact_cost,
)
from ..analysis.epic import EpicTally, TouchpointEpic, epic_of_stages
from ..analysis.journey import emotions_by_stage
from ..analysis.plan import demand_by_friction, demand_reach, failure_share
from ..model import Blueprint, Demand, Flow, Touchpoint
from ..model.states import State, state_view

#: The steps of the stairway, from 0 (escalation or lost) to 5 (no contact needed).
STEPS = tuple(range(6))


@dataclass(frozen=True, slots=True)
class StageFigures:
    stage_id: str
    epic: EpicSummary  # its index and weakest letter among the rest
    emotion: float | None  # the mean of the set emotions; None when none is set


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of one state, for every customer or for one persona."""

    persona_id: str | None
    friction_impact: float  # sum of F
    stairway: tuple[float, ...]  # monthly reach r landing on step 0..5 (give-ups on 0)
    friction_cost: float  # a year: r x 12 x cost per contact of the landing channel
    cost_unknown_channel_ids: tuple[str, ...]  # landing channels with no cost, counted 0
    lost_journeys: float  # a year
    failure_demand: FailureDemand
    channel_switches: int
    epic: EpicSummary  # of the whole state
    stages: tuple[StageFigures, ...]  # in the blueprint's stage order

    def stage(self, stage_id: str) -> StageFigures | None:
        return next((s for s in self.stages if s.stage_id == stage_id), None)


@dataclass(frozen=True, slots=True)
class JourneyFigures:
    """The figures of one state for every customer, and for each persona."""

    whole: Figures
    personas: tuple[Figures, ...]  # one per persona, in the blueprint's order


def figures(
    bp: Blueprint, persona_id: str | None = None, scores: list[FrictionScore] | None = None
) -> Figures:
    """The figures of ``bp`` read as one state (a ``state_view``, or a file of one state),
    over the touchpoints that apply to ``persona_id`` (every touchpoint without one).
    ``scores``: its friction points' scores when already known (``score_frictions(bp)``)."""
    touchpoints = _touchpoints_of(bp, persona_id)
    if scores is None:
        scores = score_frictions(bp, {t.id for t in touchpoints})
    journey = _Journey.of(bp, scores, touchpoints)
    [group] = journey.figures_of(scores, touchpoints, [persona_id])
    return group


def state_figures(bp: Blueprint, state: State, persona_id: str | None = None) -> Figures:
    """The figures of one state of ``bp``."""
    return figures(state_view(bp, state), persona_id)


def journey_figures(bp: Blueprint, scores: list[FrictionScore] | None = None) -> JourneyFigures:
    """The figures of ``bp`` read as one state, for every customer and for each persona.

    What every group needs is read once (``scores``, when already known, are used): a
    friction point keeps its touchpoint's segment weight in a persona's figures, as the plan
    for one persona does.
    """
    scores = score_frictions(bp) if scores is None else scores
    journey = _Journey.of(bp, scores, bp.touchpoints)
    groups = [None, *(p.id for p in bp.personas)]
    whole, *personas = journey.figures_of(scores, bp.touchpoints, groups)
    return JourneyFigures(whole, tuple(personas))


def _touchpoints_of(bp: Blueprint, persona_id: str | None) -> list[Touchpoint]:
    if persona_id is None:
        return bp.touchpoints
    return [t for t in bp.touchpoints if applies_to(t.persona_ids, persona_id)]


@dataclass(frozen=True, slots=True)
class _Journey:
    """What the figures of any group of one state's touchpoints read, looked up once."""

    bp: Blueprint
    epic: dict[str, TouchpointEpic]  # touchpoint id -> its letters
    demand_of: dict[str, Demand]  # friction id -> the demand of its contact reason
    #: bad friction id -> its contact cost a year, for those where customers do not give up
    contact_cost: dict[str, float]
    #: bad friction id -> its landing channel, where that channel has no cost per contact
    cost_unknown: dict[str, str]
    switches: list[Flow]  # the channel switches of the whole journey

    @classmethod
    def of(
        cls, bp: Blueprint, scores: list[FrictionScore], touchpoints: list[Touchpoint]
    ) -> _Journey:
        costs = {c.id: c.cost_per_contact for c in bp.channels}
        contact_cost: dict[str, float] = {}
        unknown: dict[str, str] = {}
        for score in scores:
            if score.good or score.gives_up:
                continue
            landing = score.landing_channel_id or ""
            cost = costs.get(landing)
            if cost is None:
                unknown[score.friction_id] = landing
            contact_cost[score.friction_id] = yearly_contact_cost(score, cost)
        epic = {t.id: TouchpointEpic.of(t) for t in touchpoints}
        switches = channel_switches(bp)
        return cls(bp, epic, demand_by_friction(bp), contact_cost, unknown, switches)

    def figures_of(
        self,
        scores: list[FrictionScore],
        touchpoints: list[Touchpoint],
        groups: list[str | None],
    ) -> list[Figures]:
        """The figures of each group (a persona id, or None for every customer) over
        ``touchpoints``, from one pass over them and one over the friction scores.

        Touchpoints that count in the same groups form a cohort, read once whatever the
        number of its groups. A group's EPIC and emotions are read from its cohorts' (whole
        numbers, so in any order); a score counts in every group its touchpoint applies to,
        in document order, as a pass per group would count it."""
        sums = [_Sums(persona_id) for persona_id in groups]
        cohorts: dict[tuple[int, ...], _Cohort] = {}  # by the groups they count in
        cohort_of: dict[tuple[str, ...], _Cohort] = {}  # by the personas listed
        member: dict[str, _Cohort] = {}  # by touchpoint id
        for touchpoint in touchpoints:
            personas = touchpoint.persona_ids
            cohort = cohort_of.get(listed := tuple(personas))
            if cohort is None:
                within = tuple(i for i, g in enumerate(sums) if applies_to(personas, g.persona_id))
                if within not in cohorts:
                    cohorts[within] = _Cohort([sums[i] for i in within])
                cohort = cohort_of[listed] = cohorts[within]
            member[touchpoint.id] = cohort
            # The EPIC letters and the emotion go straight to their stage.
            epic = self.epic.get(touchpoint.id)
            if epic is not None:
                cohort.epic[touchpoint.stage_id].append(epic)
            if touchpoint.emotion is not None:
                cohort.felt[touchpoint.stage_id].append(touchpoint.emotion)
        for cohort in cohorts.values():
            for group in cohort.within:
                group.cohorts.append(cohort)
        # The channel switches from one cohort's touchpoints to another's (or the same's).
        between = Counter((member.get(f.from_id), member.get(f.to_id)) for f in self.switches)
        contact_cost, cost_unknown, demand_of = self.contact_cost, self.cost_unknown, self.demand_of
        # A friction point adds 0 to what does not apply to it, so it adds nothing there.
        for score in scores:
            cohort = member.get(score.touchpoint_id)
            if cohort is None:
                continue
            within = cohort.within
            if score.friction_id in demand_of:
                failing, counted = demand_reach(demand_of, score)
                for group in within:
                    group.failure += failing
                    group.counted += counted
            if score.good:
                continue
            cost = contact_cost.get(score.friction_id, 0.0)
            impact, step, reach = score.impact, score.landing_step, score.reach
            for group in within:
                group.impact += impact  # F
                group.stairway[step] += reach  # r on its landing step
                group.cost += cost
            if score.gives_up:
                lost = lost_journeys((score,))
                for group in within:
                    group.lost += lost
            unknown = cost_unknown.get(score.friction_id)
            if unknown is not None:
                for group in within:
                    group.unknown[unknown] = None
        return [self._figures(group, between) for group in sums]

    def _figures(self, sums: _Sums, between: Counter[tuple[_Cohort | None, ...]]) -> Figures:
        bp = self.bp
        switches = len(self.switches)
        if sums.persona_id is not None:  # the flows between the persona's touchpoints
            switches = sum(
                count
                for ends, count in between.items()
                if all(cohort is not None and sums in cohort.within for cohort in ends)
            )
        tallies: dict[str, EpicTally] = {}
        felt: dict[str, list[int]] = defaultdict(list)
        for cohort in sums.cohorts:
            for stage_id, tally in cohort.tallies().items():
                tallies[stage_id] = tallies[stage_id] + tally if stage_id in tallies else tally
            for stage_id, emotions in cohort.felt.items():
                felt[stage_id] += emotions
        epic_by_stage, epic_overall = epic_of_stages([s.id for s in bp.stages], tallies)
        emotion = {e.stage_id: e.mean for e in emotions_by_stage(bp, felt)}
        return Figures(
            persona_id=sums.persona_id,
            friction_impact=sums.impact,
            stairway=tuple(sums.stairway),
            friction_cost=sums.cost,
            cost_unknown_channel_ids=tuple(sums.unknown),
            lost_journeys=sums.lost,
            failure_demand=failure_share(sums.failure, sums.counted),
            channel_switches=switches,
            epic=epic_overall,
            stages=tuple(
                StageFigures(stage.id, epic_by_stage[stage.id], emotion.get(stage.id))
                for stage in bp.stages
            ),
        )


class _Cohort:
    """The touchpoints that count in the same groups: the groups, and the touchpoints' EPIC
    letters and emotions by stage."""

    __slots__ = ("_tallies", "epic", "felt", "within")

    def __init__(self, within: list[_Sums]) -> None:
        self.within = within
        self.epic: defaultdict[str, list[TouchpointEpic]] = defaultdict(list)
        self.felt: defaultdict[str, list[int]] = defaultdict(list)
        self._tallies: dict[str, EpicTally] | None = None

    def tallies(self) -> dict[str, EpicTally]:
        """The EPIC tally of each stage, made once for all the groups of the cohort."""
        if self._tallies is None:
            self._tallies = {s: EpicTally.of(epic) for s, epic in self.epic.items()}
        return self._tallies


class _Sums:
    """One group's cohorts of touchpoints and the sums of its friction scores (F, reach by
    landing step, contact cost...)."""

    __slots__ = (
        *("persona_id", "cohorts"),
        *("cost", "counted", "failure", "impact", "lost", "stairway", "unknown"),
    )

    def __init__(self, persona_id: str | None) -> None:
        self.persona_id = persona_id
        self.cohorts: list[_Cohort] = []
        self.impact = self.cost = self.failure = self.counted = self.lost = 0.0
        self.stairway = [0.0] * len(STEPS)
        self.unknown: dict[str, None] = {}
