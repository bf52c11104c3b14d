"""EPIC scores: Easy, Personalised, Intuitive, Contextual, per touchpoint, stage and channel."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean

from ..model import Blueprint, EpicLetter, Touchpoint

LETTERS: tuple[EpicLetter, ...] = tuple(EpicLetter)
LETTER_NAMES = {
    EpicLetter.EASY: "Easy",
    EpicLetter.PERSONALISED: "Personalised",
    EpicLetter.INTUITIVE: "Intuitive",
    EpicLetter.CONTEXTUAL: "Contextual",
}


def touchpoint_epic(touchpoint: Touchpoint) -> float | None:
    """The mean of the letters that are set; None when none is."""
    scores = [s for s in touchpoint.epic.by_letter().values() if s is not None]
    return fmean(scores) if scores else None


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


def summarise_epic(touchpoints: Iterable[Touchpoint]) -> EpicSummary:
    touchpoints = list(touchpoints)
    scores = [s for s in map(touchpoint_epic, touchpoints) if s is not None]
    letters: dict[EpicLetter, float | None] = {}
    for letter in LETTERS:
        values = [tp.epic.by_letter()[letter] for tp in touchpoints]
        set_values = [v for v in values if v is not None]
        letters[letter] = fmean(set_values) if set_values else None
    known = [
        (mean, i, letter) for i, (letter, mean) in enumerate(letters.items()) if mean is not None
    ]
    weakest = min(known)[2] if known else None
    score = fmean(scores) if scores else None
    return EpicSummary(len(scores), score, epic_index(score), letters, weakest)


def epic_by_stage(bp: Blueprint, touchpoints: list[Touchpoint]) -> dict[str, EpicSummary]:
    return {
        stage.id: summarise_epic(t for t in touchpoints if t.stage_id == stage.id)
        for stage in bp.stages
    }


def epic_by_channel(bp: Blueprint, touchpoints: list[Touchpoint]) -> dict[str, EpicSummary]:
    return {
        channel.id: summarise_epic(t for t in touchpoints if t.channel_id == channel.id)
        for channel in bp.channels
    }
