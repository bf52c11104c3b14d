"""How well each card is backed: by measured data, by estimates only, or by nothing.

A team maps a journey from what it knows and from what it guesses; this says which is which,
card by card, so that a guess is seen as one. The rule (docs/evidence.md; the PDF's formulas
page says it too):

- A **touchpoint** is backed by **measured data** when it has at least one of: a measure
  whose source is measured, a bad friction point whose frequency is measured, a piece of
  evidence (a quote or an observation) about it or about one of its friction points.
- Else by **estimates only** when it has a measure whose source is estimated, or a bad
  friction point whose frequency is estimated.
- Else by **nothing**: its measures (if any) are of unknown source, it has no evidence, and
  its bad friction points (if any) have an unknown frequency.
- A **friction point** is backed by measured data when its frequency is measured or there
  is evidence about it; by estimates only when its frequency is estimated; else by nothing.

Good friction is never prioritised, so its frequency backs nothing; evidence about it still
counts (it shows the step is real). Measures of the whole blueprint back no card. The
frequency of a friction point taken from a measure has that measure's source, so it counts
once, as its frequency.

The **friction impact backed by measured data** is the share of the friction impact F of the
bad friction points whose frequency is measured: their reach is counted, not guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..model import Blueprint, Evidence, FrequencySource, Friction, FrictionNature, Measure
from .journey import applies_to
from .plan import Plan


class Backing(StrEnum):
    """How well a card is backed, best first."""

    MEASURED = "measured"
    ESTIMATED = "estimates only"
    NOTHING = "nothing"


#: Best first: the order a list of cards is sorted in, and the legend's order.
BACKINGS = (Backing.MEASURED, Backing.ESTIMATED, Backing.NOTHING)


@dataclass(frozen=True, slots=True)
class CardBacking:
    """What backs one touchpoint, and the verdict."""

    touchpoint_id: str
    backing: Backing
    #: names of its measures, by their source
    measured: tuple[str, ...] = ()
    estimated: tuple[str, ...] = ()
    #: titles of its bad friction points, by the source of their frequency
    measured_frequencies: tuple[str, ...] = ()
    estimated_frequencies: tuple[str, ...] = ()
    unknown_frequencies: tuple[str, ...] = ()
    #: pieces of evidence about it and about its friction points
    evidence: int = 0

    def facts(self) -> list[str]:
        """What it has, in words, best first: 'NPS, CSAT (measured)', '2 pieces of
        evidence', '1 estimated friction frequency'..."""
        facts = []
        if self.measured:
            facts.append(f"{', '.join(self.measured)} (measured)")
        if self.evidence:
            noun = "piece of evidence" if self.evidence == 1 else "pieces of evidence"
            facts.append(f"{self.evidence} {noun}")
        if self.measured_frequencies:
            facts.append(_frequencies(len(self.measured_frequencies), "measured"))
        if self.estimated:
            facts.append(f"{', '.join(self.estimated)} (estimated)")
        if self.estimated_frequencies:
            facts.append(_frequencies(len(self.estimated_frequencies), "estimated"))
        if self.unknown_frequencies:
            facts.append(_frequencies(len(self.unknown_frequencies), "unknown"))
        return facts


def _frequencies(count: int, source: str) -> str:
    return f"{count} {source} friction frequenc{'y' if count == 1 else 'ies'}"


def friction_backing(friction: Friction, evidence: int) -> Backing:
    """One friction point, with the number of pieces of evidence about it."""
    source = friction.frequency.source
    if source == FrequencySource.MEASURED or evidence:
        return Backing.MEASURED
    if source == FrequencySource.ESTIMATED:
        return Backing.ESTIMATED
    return Backing.NOTHING


def frictions_backing(bp: Blueprint) -> dict[str, Backing]:
    """Friction id -> how well it is backed."""
    evidence = _evidence_count(bp)
    return {f.id: friction_backing(f, evidence.get(f.id, 0)) for f in bp.frictions}


def backing_by_touchpoint(bp: Blueprint) -> dict[str, CardBacking]:
    """Touchpoint id -> what backs it, for every touchpoint, in the blueprint's order."""
    evidence = _evidence_count(bp)
    measures: dict[str, list[Measure]] = defaultdict(list)
    for measure in bp.measures:
        if measure.touchpoint_id is not None:
            measures[measure.touchpoint_id].append(measure)
    frictions: dict[str, list[Friction]] = defaultdict(list)
    for friction in bp.frictions:
        frictions[friction.touchpoint_id].append(friction)
    return {
        tp.id: card_backing(
            tp.id,
            measures.get(tp.id, ()),
            frictions.get(tp.id, ()),
            evidence.get(tp.id, 0) + sum(evidence.get(f.id, 0) for f in frictions.get(tp.id, ())),
        )
        for tp in bp.touchpoints
    }


def card_backing(
    touchpoint_id: str, measures: Iterable[Measure], frictions: Iterable[Friction], evidence: int
) -> CardBacking:
    """The rule above, for one touchpoint: its measures, its friction points and the number
    of pieces of evidence about it and them."""
    by_source: dict[FrequencySource, list[str]] = defaultdict(list)
    for measure in measures:
        by_source[measure.source].append(measure.name)
    frequencies: dict[FrequencySource, list[str]] = defaultdict(list)
    for friction in frictions:
        if friction.nature == FrictionNature.BAD:
            frequencies[friction.frequency.source].append(friction.title)
    measured = FrequencySource.MEASURED
    estimated = FrequencySource.ESTIMATED
    if by_source[measured] or frequencies[measured] or evidence:
        backing = Backing.MEASURED
    elif by_source[estimated] or frequencies[estimated]:
        backing = Backing.ESTIMATED
    else:
        backing = Backing.NOTHING
    return CardBacking(
        touchpoint_id,
        backing,
        measured=tuple(by_source[measured]),
        estimated=tuple(by_source[estimated]),
        measured_frequencies=tuple(frequencies[measured]),
        estimated_frequencies=tuple(frequencies[estimated]),
        unknown_frequencies=tuple(frequencies[FrequencySource.UNKNOWN]),
        evidence=evidence,
    )


def evidence_about(bp: Blueprint) -> dict[str, list[Evidence]]:
    """Touchpoint or friction id -> the quotes and observations about it, in order; a
    placeholder not typed over is none (it backs nothing, and is never printed as a
    customer's words)."""
    about: dict[str, list[Evidence]] = defaultdict(list)
    for item in bp.evidence:
        if item.written:
            about[item.about_id].append(item)
    return dict(about)


def _evidence_count(bp: Blueprint) -> dict[str, int]:
    return {about_id: len(items) for about_id, items in evidence_about(bp).items()}


@dataclass(frozen=True, slots=True)
class ImpactBacking:
    """The plan's friction impact F, split by how the frequency behind it is known."""

    measured: float
    estimated: float
    unknown: float

    @property
    def total(self) -> float:
        return self.measured + self.estimated + self.unknown

    @property
    def measured_share(self) -> float | None:
        """Of all friction impact, the share whose frequency is measured; None without any."""
        return self.measured / self.total if self.total > 0 else None


def impact_backing(plan: Plan) -> ImpactBacking:
    """How much of the plan's friction impact rests on measured frequencies."""
    sums = dict.fromkeys(FrequencySource, 0.0)
    for score in plan.frictions:
        if not score.good:
            sums[FrequencySource(score.source)] += score.impact
    return ImpactBacking(
        sums[FrequencySource.MEASURED],
        sums[FrequencySource.ESTIMATED],
        sums[FrequencySource.UNKNOWN],
    )


@dataclass(frozen=True, slots=True)
class UnbackedCard:
    """A card the team is guessing about, with the friction impact that rests on it."""

    card: CardBacking
    title: str
    stage_id: str
    channel_id: str
    #: the sum of F of its bad friction points in the plan (0 without any)
    impact: float


def unbacked_cards(bp: Blueprint, plan: Plan) -> list[UnbackedCard]:
    """The touchpoints in the plan's scope backed by nothing or by estimates only: the most
    friction impact first (the plan rests most on them), then nothing before estimates,
    then in grid order (stage, channel), then by title and id."""
    cards = backing_by_touchpoint(bp)
    impact: dict[str, float] = defaultdict(float)
    for score in plan.frictions:
        impact[score.touchpoint_id] += score.impact
    stage_index = {s.id: i for i, s in enumerate(bp.stages)}
    channel_index = {c.id: i for i, c in enumerate(bp.channels)}
    found = [
        UnbackedCard(cards[tp.id], tp.title, tp.stage_id, tp.channel_id, impact.get(tp.id, 0.0))
        for tp in bp.touchpoints
        if cards[tp.id].backing != Backing.MEASURED and applies_to(tp.persona_ids, plan.persona_id)
    ]
    found.sort(
        key=lambda u: (
            -u.impact,
            u.card.backing != Backing.NOTHING,
            stage_index.get(u.stage_id, len(stage_index)),
            channel_index.get(u.channel_id, len(channel_index)),
            u.title,
            u.card.touchpoint_id,
        )
    )
    return found
