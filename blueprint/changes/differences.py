"""What the future state adds, removes and changes, entity by entity, in words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..model import Blueprint, FrictionNature, Presence

#: How the future values' fields are named for a person.
FIELD_NAMES = {
    "title": "title",
    "stage_id": "stage",
    "channel_id": "channel",
    "emotion": "emotion",
    "epic": "EPIC",
    "severity": "severity",
    "frequency": "frequency",
    "leads_to_channel_id": "leads to",
    "gives_up": "gives up",
}


class DifferenceKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class Difference:
    kind: DifferenceKind
    noun: str  # "touchpoint", "flow", "friction point"
    entity_id: str
    touchpoint_id: str  # the card it shows on
    name: str
    fields: tuple[str, ...] = ()  # what changes, for CHANGED
    #: a friction point kept on purpose (good friction: a check, a pause to confirm)
    deliberate: bool = False

    def describe(self) -> str:
        """``Added touchpoint 'Proactive SMS'``, ``Changed touchpoint 'Call': channel, EPIC``;
        a deliberate friction point removed says so: the method never plans to remove one,
        and the plan listed a security check gone like any other line."""
        deliberate = (
            "deliberate " if self.deliberate and self.kind == DifferenceKind.REMOVED else ""
        )
        text = f"{self.kind.value.capitalize()} {deliberate}{self.noun} '{self.name}'"
        if self.fields:
            text += ": " + ", ".join(FIELD_NAMES.get(f, f) for f in self.fields)
        return text


def differences(bp: Blueprint, *, keep_equal: bool = True) -> list[Difference]:
    """Every difference of the future state from today's, in document order: touchpoints,
    then friction points, then flows.

    ``keep_equal=False`` leaves out a future value equal to today's: to a reader of the
    comparison it is no change. By default it is kept: the Compare view of two files marks
    a card that differs only where no future value can say so with one such value."""
    titles = {t.id: t.title for t in bp.touchpoints}
    found: list[Difference] = []
    both = Presence.BOTH  # most entities are the same in both states: asked first, inline
    for tp in bp.touchpoints:
        if tp.state is both and tp.future is None:
            continue
        changed = _changed_fields(tp, keep_equal)
        kind = _kind(tp.state, changed)
        if kind is not None:
            found.append(Difference(kind, "touchpoint", tp.id, tp.id, tp.title, changed))
    for friction in bp.frictions:
        if friction.state is both and friction.future is None:
            continue
        changed = _changed_fields(friction, keep_equal)
        kind = _kind(friction.state, changed)
        if kind is not None:
            found.append(
                Difference(
                    kind,
                    "friction point",
                    friction.id,
                    friction.touchpoint_id,
                    friction.title,
                    changed,
                    friction.nature == FrictionNature.GOOD,
                )
            )
    for flow in bp.flows:
        if flow.state is both:
            continue
        kind = _kind(flow.state, ())
        if kind is not None:
            name = f"{titles.get(flow.from_id, '?')} → {titles.get(flow.to_id, '?')}"
            found.append(Difference(kind, "flow", flow.id, flow.from_id, name))
    return found


def _changed_fields(entity, keep_equal: bool) -> tuple[str, ...]:
    """The fields given a future value; without ``keep_equal``, only those whose future
    value differs from today's (a future EPIC the same as today's is no change)."""
    future = entity.future
    if future is None:
        return ()
    return tuple(
        name
        for name in type(future).model_fields
        if (value := getattr(future, name)) is not None
        and (keep_equal or value != getattr(entity, name))
    )


def _kind(state: Presence, changed: tuple[str, ...]) -> DifferenceKind | None:
    if state is Presence.BOTH:  # most entities: asked first, by identity (it is read often)
        return DifferenceKind.CHANGED if changed else None
    if state == Presence.FUTURE:
        return DifferenceKind.ADDED
    if state == Presence.CURRENT:
        return DifferenceKind.REMOVED
    return DifferenceKind.CHANGED if changed else None
