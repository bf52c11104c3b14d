"""The channels each persona prefers, against the journey it gets (DOMAIN.md, "The channels
each persona prefers").

Computed over today's journey, as the plan is.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from ..model import Blueprint, Friction, FrictionNature, Persona, Touchpoint
from ..model.states import current_state
from .friction import monthly_reach
from .journey import applies_to


@dataclass(frozen=True, slots=True)
class StageFit:
    """One persona at one stage where it prefers a channel."""

    stage_id: str
    preferred_channel_id: str
    touchpoints: int  # the stage's touchpoints that apply to the persona
    in_preferred: int  # of those, the ones in the preferred channel
    fit: float | None  # in_preferred / touchpoints; None when no touchpoint applies
    channel_ids: tuple[str, ...]  # the channels those touchpoints sit in, in grid order
    pushed_off: float  # monthly reach pushed off the preferred channel
    pushed_off_friction_ids: tuple[str, ...]

    @property
    def offers_nothing(self) -> bool:
        """The journey gives the persona no touchpoint at this stage at all."""
        return self.fit is None

    @property
    def mismatch(self) -> bool:
        """No touchpoint for the persona in its preferred channel here."""
        return self.in_preferred == 0


@dataclass(frozen=True, slots=True)
class PersonaChannelFit:
    persona_id: str
    name: str
    stages: tuple[StageFit, ...]  # in stage order, only stages with a preference
    channel_fit: float | None  # mean of the fits that exist; None when none does

    def at(self, stage_id: str) -> StageFit | None:
        return next((s for s in self.stages if s.stage_id == stage_id), None)


def persona_channel_fits(bp: Blueprint) -> tuple[PersonaChannelFit, ...]:
    """Every persona that names a preferred channel, in document order."""
    today = current_state(bp)
    frictions_of = _frictions_by_touchpoint(today)
    return tuple(
        persona_channel_fit(today, persona, frictions_of)
        for persona in today.personas
        if persona.preferred_channels
    )


def has_preferences(bp: Blueprint) -> bool:
    return any(p.preferred_channels for p in bp.personas)


def persona_channel_fit(
    bp: Blueprint, persona: Persona, frictions_of: dict[str, list[Friction]] | None = None
) -> PersonaChannelFit:
    """One persona over ``bp`` as given (pass today's state: see ``persona_channel_fits``);
    ``frictions_of``: its friction points by touchpoint, when already grouped."""
    preferred = {p.stage_id: p.channel_id for p in persona.preferred_channels}
    channel_ids = {c.id for c in bp.channels}
    by_stage: dict[str, list[Touchpoint]] = {}
    for t in bp.touchpoints:
        if applies_to(t.persona_ids, persona.id):
            by_stage.setdefault(t.stage_id, []).append(t)
    if frictions_of is None:
        frictions_of = _frictions_by_touchpoint(bp)
    stages = tuple(
        _stage_fit(bp, stage.id, preferred[stage.id], by_stage.get(stage.id, []), frictions_of)
        for stage in bp.stages
        if preferred.get(stage.id) in channel_ids
    )
    fits = [s.fit for s in stages if s.fit is not None]
    return PersonaChannelFit(persona.id, persona.name, stages, fmean(fits) if fits else None)


def _frictions_by_touchpoint(bp: Blueprint) -> dict[str, list[Friction]]:
    frictions_of: dict[str, list[Friction]] = {}
    for friction in bp.frictions:
        frictions_of.setdefault(friction.touchpoint_id, []).append(friction)
    return frictions_of


def _stage_fit(
    bp: Blueprint,
    stage_id: str,
    preferred: str,
    here: list[Touchpoint],
    frictions_of: dict[str, list[Friction]],
) -> StageFit:
    """The fit of one stage, over the persona's touchpoints ``here`` in it."""
    in_preferred = [t for t in here if t.channel_id == preferred]
    used = {t.channel_id for t in here}
    pushed = [
        f
        for t in in_preferred
        for f in frictions_of.get(t.id, ())
        if f.nature == FrictionNature.BAD and _pushed_off(f, t)
    ]
    return StageFit(
        stage_id=stage_id,
        preferred_channel_id=preferred,
        touchpoints=len(here),
        in_preferred=len(in_preferred),
        fit=len(in_preferred) / len(here) if here else None,
        channel_ids=tuple(c.id for c in bp.channels if c.id in used),
        pushed_off=sum(monthly_reach(f) for f in pushed),
        pushed_off_friction_ids=tuple(f.id for f in pushed),
    )


def _pushed_off(friction: Friction, touchpoint: Touchpoint) -> bool:
    """The customer gives up, or is sent to a channel other than the touchpoint's own."""
    leads_to = friction.leads_to_channel_id
    return friction.gives_up or (leads_to is not None and leads_to != touchpoint.channel_id)
