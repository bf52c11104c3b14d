"""The plan of an empty blueprint: say so, and say what to add."""

from __future__ import annotations

from .rich import Rich, rich, strong

NOTHING = (
    "This blueprint has no friction points and no improvements yet, so there is nothing to "
    "rank, cost or draw."
)
TO_ADD = "To get a plan, add:"
STEPS_TO_ADD: tuple[Rich, ...] = (
    rich(
        strong("Touchpoints"),
        " in the grid: one per step of the journey, in its stage and channel.",
    ),
    rich(
        strong("Friction points"),
        " on those touchpoints: what makes customers hesitate, slows them or breaks the "
        "journey, with a severity, how often it happens and the channel it pushes customers "
        "into.",
    ),
    rich(
        strong("Improvements"),
        " that address the friction points, each with an action, a target step on the "
        "stairway, an effort and a confidence.",
    ),
)
THEN = (
    "Then export the plan again: it will hold a one-page summary, the staircase of service, "
    "the ranked plan by wave, a heat map of where it hurts, the data to capture and the "
    "friction register."
)
