"""What every section of the plan reads: the blueprint, the plan, names, styles, text."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property

from ..analysis import Certainty, PersonaChannelFit, Plan, persona_channel_fits
from ..changes import Comparison
from ..model import Blueprint, Friction
from . import formatting as fmt
from .fonts import BundledFonts
from .styles import Styles
from .text import Typesetter


@dataclass
class RenderContext:
    bp: Blueprint
    plan: Plan
    fonts: BundledFonts
    styles: Styles
    text: Typesetter
    width: float  # of the text frame, in points
    height: float
    date: datetime.date
    #: Today against tomorrow, when the blueprint draws a future state (``bp`` is then
    #: today's journey, on which the plan is ranked).
    comparison: Comparison | None = None
    #: how sure the plan is (None only where a section is made on its own, in tests)
    certainty: Certainty | None = None

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
    def persona_name(self) -> str | None:
        """The persona the plan is for, or None for a plan of every customer."""
        if self.plan.persona_id is None:
            return None
        for persona in self.bp.personas:
            if persona.id == self.plan.persona_id:
                return persona.name
        return self.plan.persona_id

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

    # --- text -----------------------------------------------------------------------------

    def user(self, text: str) -> str:
        """User text as paragraph markup: escaped, in fonts that draw it."""
        return self.text.markup(text)
