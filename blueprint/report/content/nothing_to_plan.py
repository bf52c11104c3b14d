"""The plan of a blueprint with nothing to rank: say why, and say only what is still missing."""

from __future__ import annotations

from dataclasses import dataclass

from .. import formatting as fmt
from .rich import Rich, rich, strong
from .subject import PlanSubject

TOUCHPOINTS = rich(
    strong("Touchpoints"),
    " in the grid: one per step of the journey, in its stage and channel.",
)
FRICTION_POINTS = rich(
    strong("Friction points"),
    " on the touchpoints: what makes customers hesitate, slows them or breaks the "
    "journey, with a severity, how often it happens and the channel it pushes customers "
    "into.",
)
IMPROVEMENTS = rich(
    strong("Improvements"),
    " that address the friction points, each with an action, a target step on the "
    "stairway, an effort and a confidence.",
)
THEN = (
    "Then export the plan again: it will hold a one-page summary, the staircase of service, "
    "the ranked plan by wave, a heat map of where it hurts, the data to capture and the "
    "friction register."
)


@dataclass(frozen=True, slots=True)
class NothingToPlan:
    #: Why there is nothing to plan: what the blueprint (or the persona's part of it) lacks.
    finding: str
    to_add: str
    #: Only the steps still missing, in the order they are made.
    steps: tuple[Rich, ...]
    then: str = THEN


def nothing_to_plan(subject: PlanSubject) -> NothingToPlan:
    """What the plan says when it has no friction point and no improvement to rank."""
    touchpoints = subject.touchpoints_in_scope
    persona = subject.persona_name
    steps = (FRICTION_POINTS, IMPROVEMENTS)
    if persona is None:
        if not touchpoints:
            finding = "This blueprint has no touchpoints, no friction points and no improvements"
            steps = (TOUCHPOINTS, *steps)
        else:
            finding = (
                f"This blueprint has {fmt.plural(touchpoints, 'touchpoint')} but no friction "
                "points and no improvements"
            )
        return NothingToPlan(
            f"{finding} yet, so there is nothing to rank, cost or draw.",
            "To get a plan, add:",
            steps,
        )
    if not subject.bp.touchpoints:
        return NothingToPlan(
            "This blueprint has no touchpoints yet, so there is nothing to rank, cost or draw "
            f"for persona {persona}.",
            f"To get a plan for {persona}, add:",
            (TOUCHPOINTS, *steps),
        )
    if not touchpoints:  # a finding: the journey offers this persona nothing
        return NothingToPlan(
            f"No touchpoint of this blueprint applies to persona {persona}, so there is "
            "nothing to rank, cost or draw for this persona.",
            f"To get a plan for {persona}, add:",
            (_touchpoints_for(persona), *steps),
        )
    return NothingToPlan(
        f"The {fmt.plural(touchpoints, 'touchpoint')} of this blueprint that apply to persona "
        f"{persona} have no friction points and no improvements yet, so there is nothing to "
        "rank, cost or draw for this persona.",
        f"To get a plan for {persona}, add:",
        steps,
    )


def _touchpoints_for(persona: str) -> Rich:
    return rich(
        strong(f"Touchpoints for {persona}"),
        f": list {persona} on the touchpoints this persona goes through (a touchpoint that "
        "lists no persona applies to every customer), or add its own steps of the journey.",
    )
