"""The numbers the overlays draw, read from the plan and the blueprint (no Qt)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...analysis.epic import LETTER_NAMES
from ...analysis.plan import Plan
from ...model import EpicLetter


@dataclass(frozen=True, slots=True)
class CellHeat:
    """Friction impact in one cell: the sum of F of its bad friction points."""

    stage_id: str
    channel_id: str
    impact: float
    #: colour position, 0..1: the square root of the share of the largest cell, as in the
    #: PDF, so that a cell a tenth of the largest still shows warm
    fraction: float
    frictions: int


def heat_by_cell(plan: Plan) -> list[CellHeat]:
    """The cells with friction impact, as the plan's heat map sums them."""
    largest = max(plan.heat_map.values(), default=0.0)
    counts: dict[tuple[str, str], int] = {}
    for score in plan.frictions:
        if not score.good:
            key = (score.stage_id, score.channel_id)
            counts[key] = counts.get(key, 0) + 1
    return [
        CellHeat(
            stage, channel, impact, math.sqrt(impact / largest), counts.get((stage, channel), 0)
        )
        for (stage, channel), impact in plan.heat_map.items()
        if impact > 0
    ]


def largest_heat(plan: Plan) -> float:
    return max(plan.heat_map.values(), default=0.0)


@dataclass(frozen=True, slots=True)
class StageEpic:
    """The weakest EPIC letter of a stage: a finding of the method."""

    stage_id: str
    letter: EpicLetter
    letter_score: float
    score: float | None
    index: float | None
    scored: int
    letters: dict[EpicLetter, float | None]

    def describe(self, stage_name: str) -> str:
        letters = ", ".join(
            f"{LETTER_NAMES[letter]} {'–' if value is None else f'{value:.1f}'}"
            for letter, value in self.letters.items()
        )
        index = "" if self.index is None else f", EPIC index {self.index:.0f}"
        return (
            f"{stage_name}: weakest EPIC letter {LETTER_NAMES[self.letter]} "
            f"({self.letter_score:.1f} of 5)\n{letters}\n"
            f"{self.scored} touchpoint{'s' if self.scored != 1 else ''} scored{index}"
        )


def weakest_by_stage(plan: Plan) -> list[StageEpic]:
    """The stages with an EPIC score, each with its weakest letter."""
    result = []
    for stage_id, summary in plan.epic_by_stage.items():
        if summary.weakest is None:
            continue
        result.append(
            StageEpic(
                stage_id,
                summary.weakest,
                summary.letters[summary.weakest],  # type: ignore[arg-type]
                summary.score,
                summary.index,
                summary.scored,
                dict(summary.letters),
            )
        )
    return result
