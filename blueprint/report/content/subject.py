"""What every page and slide of the plan is about: the blueprint, its plan, names, the date.

``PlanSubject`` holds no fonts and no drawing: the PDF's ``RenderContext`` extends it with
reportlab's, and the deck reads it as it is.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ...analysis import (
    Certainty,
    PersonaChannelFit,
    Plan,
    applies_to,
    persona_channel_fits,
)
from ...analysis.evidence import evidence_about
from ...changes import Comparison, compare_states, current_state, has_future_state
from ...model import Blueprint, Evidence, Friction, Measure
from .. import formatting as fmt
from .outline import Section, section_number

#: Where a medium says a section is ("section 3", "slide 4"); None where it has none.
Refer = Callable[[Section], "str | None"]


@dataclass(kw_only=True)
class PlanSubject:
    bp: Blueprint  # today's journey, on which the plan is ranked
    plan: Plan
    date: datetime.date
    #: Today against tomorrow, when the blueprint draws a future state.
    comparison: Comparison | None = None
    #: how sure the plan is (None only where a section is made on its own, in tests)
    certainty: Certainty | None = None
    #: How this medium points at a section; by default the plan's section numbers.
    refer: Refer | None = None
    #: The open comment threads are listed at the end (asked for: they are working notes).
    comments: bool = False

    def where(self, section: Section) -> str | None:
        """``section 3`` (or what the medium says), None when the section is not there."""
        if self.refer is not None:
            return self.refer(section)
        number = section_number(self, section)
        return None if number is None else f"section {number}"

    # --- names of the blueprint's entities ------------------------------------------------

    @cached_property
    def stage_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.bp.stages}

    @cached_property
    def channel_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.bp.channels}

    @cached_property
    def touchpoint_titles(self) -> dict[str, str]:
        return {t.id: t.title for t in self.bp.touchpoints}

    @cached_property
    def friction_titles(self) -> dict[str, str]:
        return {f.id: f.title for f in self.bp.frictions}

    @cached_property
    def frictions_by_id(self) -> dict[str, Friction]:
        return {f.id: f for f in self.bp.frictions}

    @cached_property
    def evidence_about(self) -> dict[str, list[Evidence]]:
        """Touchpoint or friction id -> the quotes and observations about it, in order."""
        return evidence_about(self.bp)

    @cached_property
    def measures_by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in self.bp.measures}

    @cached_property
    def persona_name(self) -> str | None:
        """The persona the plan is for, or None for a plan of every customer."""
        if self.plan.persona_id is None:
            return None
        for persona in self.bp.personas:
            if persona.id == self.plan.persona_id:
                return persona.name
        return self.plan.persona_id

    @cached_property
    def touchpoints_in_scope(self) -> int:
        """How many touchpoints the plan counts: the persona's when it is for one."""
        wanted = self.plan.persona_id
        return sum(applies_to(t.persona_ids, wanted) for t in self.bp.touchpoints)

    @cached_property
    def persona_channel_fits(self) -> tuple[PersonaChannelFit, ...]:
        """Each persona's preferred channels against today's journey: only the plan's
        persona when the plan is for one."""
        wanted = self.plan.persona_id
        fits = persona_channel_fits(self.bp)
        return tuple(f for f in fits if wanted is None or f.persona_id == wanted)

    def money(self, amount: float) -> str:
        return fmt.money(amount, self.bp.currency)

    @cached_property
    def ranks_by_friction(self) -> dict[str, list[int]]:
        """Friction id -> ranks of the improvements that address it."""
        ranks: dict[str, list[int]] = {}
        for score in self.plan.improvements:
            for friction in score.frictions:
                ranks.setdefault(friction.friction_id, []).append(score.rank)
        return ranks


def subject_fields(
    bp: Blueprint, plan: Plan, date: datetime.date, certainty: Certainty
) -> dict[str, object]:
    """The fields of a subject of ``plan`` (computed from ``bp``): today's journey, and the
    comparison with tomorrow when ``bp`` draws a future state."""
    comparison = compare_states(bp, plan.persona_id) if has_future_state(bp) else None
    return {
        "bp": current_state(bp),  # the plan is of today's journey
        "plan": plan,
        "date": date,
        "comparison": comparison,
        "certainty": certainty,
    }
