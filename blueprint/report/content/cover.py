"""The cover: what the plan is about, for whom, from whom, and when."""

from __future__ import annotations

from dataclasses import dataclass

from .. import formatting as fmt
from .outline import FORMULAS, plan_sections
from .rich import Rich, listed, rich, strong
from .subject import PlanSubject

KICKER = "SERVICE IMPROVEMENT PLAN"


@dataclass(frozen=True, slots=True)
class Cover:
    kicker: str
    title: str
    organisation: str | None
    date: str
    personas: Rich
    description: str | None
    #: The titles of the plan's sections, in order (none for a plan with nothing to plan).
    contents: tuple[str, ...]
    made_from: str


def cover(subject: PlanSubject) -> Cover:
    bp = subject.bp
    return Cover(
        kicker=KICKER,
        title=bp.title,
        organisation=bp.organisation if bp.organisation.strip() else None,
        date=fmt.long_date(subject.date),
        personas=personas_line(subject),
        description=bp.description if bp.description.strip() else None,
        contents=()
        if subject.plan.is_empty
        else tuple(title for _, title in plan_sections(subject)),
        made_from=_made_from(subject),
    )


def personas_line(subject: PlanSubject) -> Rich:
    if subject.persona_name is not None:
        return rich(strong("Plan for persona:"), " ", subject.persona_name)
    names = [p.name for p in subject.bp.personas]
    if not names:
        return rich(
            strong("Personas covered:"),
            " all customers (the blueprint defines no personas, so every customer counts the same)",
        )
    return rich(strong("Personas covered:"), " ", listed(names))


def _made_from(subject: PlanSubject) -> str:
    """What the plan counted: for a persona, its touchpoints (and their friction points and
    the improvements addressing them), not the whole blueprint's."""
    plan = subject.plan
    made = (
        f"Made with blueprint from {fmt.plural(subject.touchpoints_in_scope, 'touchpoint')}, "
        f"{fmt.plural(len(plan.frictions), 'friction point')} and "
        f"{fmt.plural(len(plan.improvements), 'improvement')}."
    )
    where = subject.where(FORMULAS)
    if subject.plan.is_empty or where is None:
        return made
    return f"{made} Every number in this plan is computed from them; {where} shows how."
