"""EPIC scores: Easy, Personalised, Intuitive, Contextual, per touchpoint, stage and channel."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import add, attrgetter
from typing import NamedTuple

from ..model import Blueprint, EpicLetter, Touchpoint

LETTERS: tuple[EpicLetter, ...] = tuple(EpicLetter)
LETTER_NAMES = {
    EpicLetter.EASY: "Easy",
    EpicLetter.PERSONALISED: "Personalised",
    EpicLetter.INTUITIVE: "Intuitive",
    EpicLetter.CONTEXTUAL: "Contextual",
}


#: A touchpoint's score for each letter, in ``LETTERS`` order, read in one call: the editor
#: reads every touchpoint's letters again after each edit.
_letter_scores: Callable[[Touchpoint], tuple[int | None, ...]] = attrgetter(
    "epic.easy", "epic.personalised", "epic.intuitive", "epic.contextual"
)


def touchpoint_epic(touchpoint: Touchpoint) -> float | None:
    """The mean of the letters that are set; None when none is."""
    return _mean_of_set(_letter_scores(touchpoint))


def _mean_of_set(scores: Sequence[int | None]) -> float | None:
    # The letters are whole numbers from 1: their sum is exact, and an int divided by an int
    # is correctly rounded, as fmean's fsum over the count is.
    count = len(scores) - scores.count(None)
    return sum(filter(None, scores)) / count if count else None


def epic_index(score: float | None) -> float | None:
    """(score - 1) x 25: 1..5 becomes 0..100."""
    return None if score is None else (score - 1) * 25


@dataclass(frozen=True, slots=True)
class EpicSummary:
    """EPIC of a group of touchpoints (a stage, a channel, the whole blueprint)."""

    scored: int  # touchpoints with at least one letter set
    score: float | None  # mean of the touchpoints' EPIC scores
    index: float | None  # (score - 1) x 25
    letters: dict[EpicLetter, float | None]  # mean of each letter where it is set
    weakest: EpicLetter | None  # the letter with the lowest mean; EPIC order breaks ties
    letter_scored: dict[EpicLetter, int]  # touchpoints that set each letter


#: A touchpoint's EPIC score is the mean of at most four whole numbers from 1 to 5; as a
#: float, times 2**52 it is a whole number (its last bit is worth 2**-52 or more). Counted in
#: these units, scores add up exactly in any order, and a group's mean is made from their
#: sum as ``statistics.fmean`` makes it: the correctly rounded sum, over the count.
_UNITS = 2**52


class TouchpointEpic(NamedTuple):
    """What a summary needs of one touchpoint, read from the model once (``of``): read them
    once and summarise as many groups of them as needed."""

    stage_id: str
    channel_id: str
    letters: tuple[int | None, ...]  # in ``LETTERS`` order
    score: float | None  # touchpoint_epic
    units: int | None  # the score x 2**52, a whole number

    @classmethod
    def of(cls, touchpoint: Touchpoint) -> TouchpointEpic:
        letters = _letter_scores(touchpoint)
        score = _mean_of_set(letters)
        units = None if score is None else int(score * _UNITS)
        return cls(touchpoint.stage_id, touchpoint.channel_id, letters, score, units)


@dataclass(frozen=True, slots=True)
class EpicTally:
    """The sums behind the EPIC summary of a group of touchpoints, all whole numbers: the
    tallies of the parts of a group add up (``+``) to the tally of the whole, in any order,
    so a group is summarised from its parts without reading its touchpoints again."""

    scored: int = 0  # touchpoints with at least one letter set
    units: int = 0  # the sum of their scores, in units of 2**-52
    counts: tuple[int, ...] = (0,) * len(LETTERS)  # per letter, the touchpoints that set it
    sums: tuple[int, ...] = (0,) * len(LETTERS)  # per letter, the sum of its scores

    @classmethod
    def of(cls, touchpoints: Sequence[TouchpointEpic]) -> EpicTally:
        if not touchpoints:
            return cls()
        # Each letter's column, transposed in one call: a generator per letter over every
        # touchpoint cost a third of the figures of a state, which summarise many groups.
        columns = list(zip(*(t.letters for t in touchpoints), strict=True))
        units = [t.units for t in touchpoints if t.units is not None]
        return cls(
            len(units),
            sum(units),
            tuple(len(column) - column.count(None) for column in columns),
            tuple(sum(filter(None, column)) for column in columns),  # letters are 1 or more
        )

    def __add__(self, other: EpicTally) -> EpicTally:
        return EpicTally(
            self.scored + other.scored,
            self.units + other.units,
            tuple(map(add, self.counts, other.counts)),
            tuple(map(add, self.sums, other.sums)),
        )

    def summary(self) -> EpicSummary:
        # Whole numbers divided are correctly rounded, as fmean's fsum over the count is.
        letters = {
            letter: total / count if count else None
            for letter, count, total in zip(LETTERS, self.counts, self.sums, strict=True)
        }
        known = [
            (mean, i, letter)
            for i, (letter, mean) in enumerate(letters.items())
            if mean is not None
        ]
        weakest = min(known)[2] if known else None
        score = self.units / _UNITS / self.scored if self.scored else None
        counts = dict(zip(LETTERS, self.counts, strict=True))
        return EpicSummary(self.scored, score, epic_index(score), letters, weakest, counts)


def summarise_epic(touchpoints: Iterable[Touchpoint]) -> EpicSummary:
    return _summarise([TouchpointEpic.of(t) for t in touchpoints])


def _summarise(touchpoints: list[TouchpointEpic]) -> EpicSummary:
    return EpicTally.of(touchpoints).summary()


@dataclass(frozen=True, slots=True)
class EpicBreakdown:
    """EPIC by stage, by channel and over the whole group of touchpoints."""

    by_stage: dict[str, EpicSummary]
    by_channel: dict[str, EpicSummary]
    overall: EpicSummary


def epic_breakdown(bp: Blueprint, touchpoints: Iterable[Touchpoint]) -> EpicBreakdown:
    """The three summaries at once, reading each touchpoint's scores once."""
    scored = [TouchpointEpic.of(t) for t in touchpoints]
    return EpicBreakdown(
        by_stage=_summarise_groups([s.id for s in bp.stages], scored, attrgetter("stage_id")),
        by_channel=_summarise_groups([c.id for c in bp.channels], scored, attrgetter("channel_id")),
        overall=_summarise(scored),
    )


def epic_of_stages(
    stage_ids: list[str], by_stage: Mapping[str, EpicTally]
) -> tuple[dict[str, EpicSummary], EpicSummary]:
    """EPIC of each stage and over all of them, from the tallies of each stage's touchpoints
    (every stage that has any, whether in ``stage_ids`` or not)."""
    summaries = {s: by_stage.get(s, EpicTally()).summary() for s in stage_ids}
    return summaries, sum(by_stage.values(), EpicTally()).summary()


def epic_by_stage(bp: Blueprint, touchpoints: list[Touchpoint]) -> dict[str, EpicSummary]:
    return epic_breakdown(bp, touchpoints).by_stage


def epic_by_channel(bp: Blueprint, touchpoints: list[Touchpoint]) -> dict[str, EpicSummary]:
    return epic_breakdown(bp, touchpoints).by_channel


def _summarise_groups(
    group_ids: list[str],
    touchpoints: list[TouchpointEpic],
    group_of: Callable[[TouchpointEpic], str],
) -> dict[str, EpicSummary]:
    """A summary for each group (stage or channel), in one pass over the touchpoints."""
    groups: dict[str, list[TouchpointEpic]] = {group_id: [] for group_id in group_ids}
    for touchpoint in touchpoints:
        group = groups.get(group_of(touchpoint))
        if group is not None:
            group.append(touchpoint)
    return {group_id: _summarise(group) for group_id, group in groups.items()}
