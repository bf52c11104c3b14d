"""EPIC scores: Easy, Personalised, Intuitive, Contextual, per touchpoint, stage and channel."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from math import fsum
from operator import attrgetter
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


class TouchpointEpic(NamedTuple):
    """What a summary needs of one touchpoint, read from the model once (``of``): read them
    once and summarise as many groups of them as needed."""

    stage_id: str
    channel_id: str
    letters: tuple[int | None, ...]  # in ``LETTERS`` order
    score: float | None  # touchpoint_epic

    @classmethod
    def of(cls, touchpoint: Touchpoint) -> TouchpointEpic:
        letters = _letter_scores(touchpoint)
        return cls(touchpoint.stage_id, touchpoint.channel_id, letters, _mean_of_set(letters))


def summarise_epic(touchpoints: Iterable[Touchpoint]) -> EpicSummary:
    return _summarise([TouchpointEpic.of(t) for t in touchpoints])


def _summarise(touchpoints: list[TouchpointEpic]) -> EpicSummary:
    scores = [t.score for t in touchpoints if t.score is not None]
    # Each letter's column of scores, transposed in one call: a generator per letter over
    # every touchpoint cost a third of the figures of a state, which summarise many groups.
    columns = zip(*(t.letters for t in touchpoints), strict=True) if touchpoints else ()
    letters = dict.fromkeys(LETTERS)
    letters.update(
        (letter, _mean_of_set(column)) for letter, column in zip(LETTERS, columns, strict=False)
    )
    known = [
        (mean, i, letter) for i, (letter, mean) in enumerate(letters.items()) if mean is not None
    ]
    weakest = min(known)[2] if known else None
    score = fsum(scores) / len(scores) if scores else None  # statistics.fmean, without its checks
    return EpicSummary(len(scores), score, epic_index(score), letters, weakest)


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
    stage_ids: list[str], by_stage: dict[str, list[TouchpointEpic]]
) -> tuple[dict[str, EpicSummary], EpicSummary]:
    """EPIC of each stage and over all of them, from touchpoints already read with
    ``TouchpointEpic.of`` and put in their stage. Every mean is an ``fmean`` (a correctly
    rounded sum), so the summary over all is the same in any order of its touchpoints."""
    every = [t for touchpoints in by_stage.values() for t in touchpoints]
    return {s: _summarise(by_stage.get(s, [])) for s in stage_ids}, _summarise(every)


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
