"""The words the improvements dock offers for each field of an improvement, and the way it
writes numbers: as the PDF plan does (``report.formatting``), so both read alike."""

from __future__ import annotations

from ...analysis.plan import LOW_EFFORT_MAX, WAVE_OF, Quadrant, Wave
from ...model import CONFIDENCE_LEVELS, EFFORT_POINTS, Action, Status
from ...report import formatting as fmt
from ...report.palette import WAVE_COLOURS as WAVE_COLOURS  # the plan's, for the table
from ..tips import plain_tip as plain_tip  # where the dock's modules have taken it from

#: The value/irritant view of DOMAIN.md: what each action is for.
ACTION_MEANINGS: dict[Action, str] = {
    Action.ELIMINATE: "irritates both sides",
    Action.AUTOMATE: "customers value it, it costs to handle",
    Action.SIMPLIFY: "the company needs it, customers find it tedious",
    Action.LEVERAGE: "both sides value it",
}

ACTIONS: tuple[tuple[Action, str], ...] = tuple(
    (action, f"{action.value.capitalize()}: {ACTION_MEANINGS[action]}") for action in Action
)

STATUSES: tuple[tuple[Status, str], ...] = tuple(
    (status, status.value.capitalize()) for status in Status
)

#: Top of the stairway first, as it is drawn.
TARGET_STEPS: tuple[tuple[int, str], ...] = tuple(
    (step, fmt.step_label(step)) for step in sorted(fmt.STEP_NAMES, reverse=True)
)

EFFORTS: tuple[tuple[int, str, str], ...] = tuple(
    (
        points,
        str(points),
        f"{points} effort points ({'low' if points <= LOW_EFFORT_MAX else 'high'} effort)",
    )
    for points in EFFORT_POINTS
)

_CONFIDENCE_WORDS = dict(zip(CONFIDENCE_LEVELS, ("low", "medium", "high"), strict=True))
CONFIDENCES: tuple[tuple[float, str, str], ...] = tuple(
    (level, word, f"{level:g} {word} confidence") for level, word in _CONFIDENCE_WORDS.items()
)

WAVE_CHOICES: tuple[tuple[Wave | None, str], ...] = (
    (None, "All waves"),
    *((wave, wave.value) for wave in Wave),
)

#: The quadrant each wave holds, for the table's tooltips.
WAVE_QUADRANTS: dict[Wave, Quadrant] = {wave: quadrant for quadrant, wave in WAVE_OF.items()}


def confidence_words(level: float) -> str:
    return f"{level:g} {_CONFIDENCE_WORDS.get(level, '')}".strip()


def unit_cost(amount: float, currency: str) -> str:
    """A cost per contact: cents matter here (``£ 0.15``), unlike in a year's total."""
    return f"{fmt.CURRENCY_SYMBOLS.get(currency, currency)} {fmt.decimal(amount, 2)}"


def one_line(text: str, limit: int = 80) -> str:
    """User text on one line, clipped with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
