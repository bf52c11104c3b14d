"""What a removal takes with it, computed before it happens.

The same ``Removal`` serves the dialog that asks "remove the Support stage and its 4
touchpoints?" and the command that does it, so what the user is shown is what happens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ...model import Blueprint, PreferredChannel
from ..document import Kind
from .base import Change, Remove, SetField


@dataclass(frozen=True)
class Removal:
    """Entities removed with something, and references that lose their target."""

    touchpoint_ids: tuple[str, ...] = ()
    friction_ids: tuple[str, ...] = ()
    flow_ids: tuple[str, ...] = ()
    #: improvement id -> the friction ids it keeps once the removed ones are unlinked
    improvement_frictions: dict[str, list[str]] = field(default_factory=dict)
    #: friction points that stay but whose leads-to channel is removed
    leads_to_cleared: tuple[str, ...] = ()
    #: persona id -> the preferred channels it keeps
    persona_preferences: dict[str, list[PreferredChannel]] = field(default_factory=dict)
    #: touchpoint id -> the personas it keeps listing
    touchpoint_personas: dict[str, list[str]] = field(default_factory=dict)
    #: improvement id -> the future-state changes it keeps bringing about
    improvement_brings: dict[str, list[str]] = field(default_factory=dict)
    #: touchpoint (friction point) id -> its future values once they no longer name what
    #: goes (a stage or channel it moved to tomorrow): it stays where it is today
    touchpoint_futures: dict[str, Any] = field(default_factory=dict)
    friction_futures: dict[str, Any] = field(default_factory=dict)
    #: (kind, id) of the measures, evidence, comments and merge conflicts about what goes
    attached: tuple[tuple[str, str], ...] = ()
    #: friction points that stay but whose frequency was taken from a measure that goes
    frequency_unlinked: tuple[str, ...] = ()

    def describe(self, blueprint: Blueprint) -> list[str]:
        """One line per consequence, in words, for a confirmation dialog."""
        names = _names(blueprint)
        lines = []
        for noun, ids in (
            ("touchpoint", self.touchpoint_ids),
            ("friction point", self.friction_ids),
            ("flow", self.flow_ids),
        ):
            if ids:
                shown = ", ".join(f"'{names.get(i, i)}'" for i in ids[:5])
                more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
                lines.append(f"{_count(len(ids), noun)} removed: {shown}{more}")
        if self.improvement_frictions:
            count = _count(len(self.improvement_frictions), "improvement")
            verb = "loses" if len(self.improvement_frictions) == 1 else "lose"
            lines.append(f"{count} {verb} linked friction points")
        if self.leads_to_cleared:
            count = _count(len(self.leads_to_cleared), "friction point")
            verb = "leads" if len(self.leads_to_cleared) == 1 else "lead"
            lines.append(f"{count} no longer {verb} to a channel")
        if self.persona_preferences:
            count = _count(len(self.persona_preferences), "persona")
            verb = "loses" if len(self.persona_preferences) == 1 else "lose"
            lines.append(f"{count} {verb} a preferred channel")
        now_all = [i for i, keep in self.touchpoint_personas.items() if not keep]
        if now_all:
            lines.append(f"{_count(len(now_all), 'touchpoint')} will apply to all personas")
        for kind, noun in ATTACHED_NOUNS.items():
            count = sum(1 for k, _ in self.attached if k == kind)
            if count:
                lines.append(f"{_count(count, noun)} removed with them")
        return lines

    def summary(self, blueprint: Blueprint, verb: str = "Removed") -> str:
        """One status line for a removal of touchpoints or friction points, said before it
        happens: what goes with them, and the improvements left addressing nothing."""
        names = _names(blueprint)
        if len(self.touchpoint_ids) == 1:
            what = f"'{names.get(self.touchpoint_ids[0])}'"
        elif self.touchpoint_ids:
            what = _count(len(self.touchpoint_ids), "touchpoint")
        elif len(self.friction_ids) == 1:
            what = f"friction point '{names.get(self.friction_ids[0])}'"
        else:
            what = _count(len(self.friction_ids), "friction point")
        also = [
            _count(len(ids), noun)
            for noun, ids in (("friction point", self.friction_ids), ("flow", self.flow_ids))
            if ids and self.touchpoint_ids
        ]
        line = f"{verb} {what}" + (f" with {' and '.join(also)}" if also else "") + "."
        titles = {imp.id: imp.display_name for imp in blueprint.improvements}
        emptied = [i for i, kept in self.improvement_frictions.items() if not kept]
        if len(emptied) == 1:
            line += f" Improvement '{titles[emptied[0]]}' now addresses no friction point."
        elif emptied:
            line += f" {len(emptied)} improvements now address no friction point."
        fewer = len(self.improvement_frictions) - len(emptied)
        if fewer:
            verb = "addresses" if fewer == 1 else "address"
            line += f" {_count(fewer, 'improvement')} {verb} fewer friction points."
        return line + " Undo brings them back."


#: What may be attached to an entity and goes with it, as the dialog names it.
ATTACHED_NOUNS = {
    "measures": "measure",
    "evidence": "piece of evidence",
    "comments": "comment",
    "conflicts": "merge conflict",
}


def _count(n: int, noun: str) -> str:
    if noun.startswith("piece of ") and n != 1:
        return f"{n} pieces of {noun.removeprefix('piece of ')}"
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _names(blueprint: Blueprint) -> dict[str, str]:
    names = {e.id: e.display_name for e in (*blueprint.touchpoints, *blueprint.frictions)}
    for flow in blueprint.flows:
        names[flow.id] = f"{names.get(flow.from_id, '?')} → {names.get(flow.to_id, '?')}"
    return names


def removal_of_touchpoints(blueprint: Blueprint, touchpoint_ids: Iterable[str]) -> Removal:
    gone = set(touchpoint_ids)
    touchpoints = tuple(t.id for t in blueprint.touchpoints if t.id in gone)
    frictions = tuple(f.id for f in blueprint.frictions if f.touchpoint_id in gone)
    flows = tuple(f.id for f in blueprint.flows if f.from_id in gone or f.to_id in gone)
    return with_attached(
        blueprint,
        Removal(
            touchpoint_ids=touchpoints,
            friction_ids=frictions,
            flow_ids=flows,
            improvement_frictions=_unlinked(blueprint, set(frictions)),
            improvement_brings=_brought_about(blueprint, {*touchpoints, *frictions, *flows}),
        ),
    )


def removal_of_frictions(
    blueprint: Blueprint, friction_ids: Iterable[str], flow_ids: Iterable[str] = ()
) -> Removal:
    """Friction points (and flows, if any), unlinked from the improvements that name them."""
    gone, flows = set(friction_ids), set(flow_ids)
    return with_attached(
        blueprint,
        Removal(
            friction_ids=tuple(f.id for f in blueprint.frictions if f.id in gone),
            flow_ids=tuple(f.id for f in blueprint.flows if f.id in flows),
            improvement_frictions=_unlinked(blueprint, gone),
            improvement_brings=_brought_about(blueprint, gone | flows),
        ),
    )


def removal_of_flows(blueprint: Blueprint, flow_ids: Iterable[str]) -> Removal:
    return removal_of_frictions(blueprint, (), flow_ids)


def removal_of_stage(blueprint: Blueprint, stage_id: str) -> Removal:
    base = removal_of_touchpoints(
        blueprint, (t.id for t in blueprint.touchpoints if t.stage_id == stage_id)
    )
    preferences = {
        p.id: [pc for pc in p.preferred_channels if pc.stage_id != stage_id]
        for p in blueprint.personas
        if any(pc.stage_id == stage_id for pc in p.preferred_channels)
    }
    return with_attached(
        blueprint,
        _with(
            base,
            persona_preferences=preferences,
            touchpoint_futures=_futures_without(
                blueprint.touchpoints, "stage_id", stage_id, base.touchpoint_ids
            ),
        ),
        also=(stage_id,),
    )


def removal_of_channel(blueprint: Blueprint, channel_id: str) -> Removal:
    base = removal_of_touchpoints(
        blueprint, (t.id for t in blueprint.touchpoints if t.channel_id == channel_id)
    )
    removed = set(base.friction_ids)
    cleared = tuple(
        f.id
        for f in blueprint.frictions
        if f.leads_to_channel_id == channel_id and f.id not in removed
    )
    preferences = {
        p.id: [pc for pc in p.preferred_channels if pc.channel_id != channel_id]
        for p in blueprint.personas
        if any(pc.channel_id == channel_id for pc in p.preferred_channels)
    }
    return with_attached(
        blueprint,
        _with(
            base,
            leads_to_cleared=cleared,
            persona_preferences=preferences,
            touchpoint_futures=_futures_without(
                blueprint.touchpoints, "channel_id", channel_id, base.touchpoint_ids
            ),
            friction_futures=_futures_without(
                blueprint.frictions, "leads_to_channel_id", channel_id, base.friction_ids
            ),
        ),
        also=(channel_id,),
    )


def _futures_without(
    entities: Iterable[Any], name: str, value: str, removed: Iterable[str]
) -> dict[str, Any]:
    """The future values of the entities that stay, without ``name`` where it is ``value``."""
    gone = set(removed)
    kept: dict[str, Any] = {}
    for entity in entities:
        future = entity.future
        if entity.id in gone or future is None or getattr(future, name) != value:
            continue
        future = future.model_copy(update={name: None})
        kept[entity.id] = None if future.is_empty() else future
    return kept


def removal_of_persona(blueprint: Blueprint, persona_id: str) -> Removal:
    return Removal(
        touchpoint_personas={
            t.id: [p for p in t.persona_ids if p != persona_id]
            for t in blueprint.touchpoints
            if persona_id in t.persona_ids
        }
    )


def removing_alone(blueprint: Blueprint, kind: Kind, entity_id: str) -> list[Change]:
    """The changes that remove one entity no other entity stands on (an improvement, a
    measure, a piece of evidence): first what is attached to it (``with_attached``: the
    comments and merge conflicts about it), then the entity itself."""
    changes = removal_changes(blueprint, with_attached(blueprint, Removal(), also=(entity_id,)))
    changes.append(Remove(kind, entity_id))
    return changes


def with_attached(blueprint: Blueprint, removal: Removal, also: Iterable[str] = ()) -> Removal:
    """The removal, with the measures, evidence, comments and merge conflicts about what it
    removes (and about ``also``, removed by the caller) going too."""
    gone = {
        *removal.touchpoint_ids,
        *removal.friction_ids,
        *removal.flow_ids,
        *also,
    }
    attached = [("measures", m.id) for m in blueprint.measures if m.touchpoint_id in gone]
    attached += [("evidence", e.id) for e in blueprint.evidence if e.about_id in gone]
    attached += [("comments", c.id) for c in blueprint.comments if c.about_id in gone]
    attached += [("conflicts", c.id) for c in blueprint.conflicts if c.entity_id in gone]
    measures = {i for kind, i in attached if kind == "measures"}
    unlinked = tuple(
        f.id for f in blueprint.frictions if f.frequency.measure_id in measures and f.id not in gone
    )
    return _with(removal, attached=tuple(attached), frequency_unlinked=unlinked)


def _with(base: Removal, **more) -> Removal:
    fields = {name: getattr(base, name) for name in Removal.__dataclass_fields__}
    return Removal(**(fields | more))


def _unlinked(blueprint: Blueprint, friction_ids: set[str]) -> dict[str, list[str]]:
    return {
        imp.id: [f for f in imp.friction_ids if f not in friction_ids]
        for imp in blueprint.improvements
        if any(f in friction_ids for f in imp.friction_ids)
    }


def _brought_about(blueprint: Blueprint, gone: set[str]) -> dict[str, list[str]]:
    return {
        imp.id: [i for i in imp.brings_about if i not in gone]
        for imp in blueprint.improvements
        if any(i in gone for i in imp.brings_about)
    }


def removal_changes(blueprint: Blueprint, removal: Removal) -> list[Change]:
    """The primitive changes of a removal, references first so none ever dangles."""
    changes: list[Change] = []
    for imp in blueprint.improvements:
        if imp.id in removal.improvement_brings:
            new = removal.improvement_brings[imp.id]
            changes.append(SetField("improvements", imp.id, "brings_about", imp.brings_about, new))
    for imp in blueprint.improvements:
        if imp.id in removal.improvement_frictions:
            new = removal.improvement_frictions[imp.id]
            changes.append(SetField("improvements", imp.id, "friction_ids", imp.friction_ids, new))
    for kind, futures in (
        ("touchpoints", removal.touchpoint_futures),
        ("frictions", removal.friction_futures),
    ):
        for entity in getattr(blueprint, kind):
            if entity.id in futures:
                changes.append(
                    SetField(kind, entity.id, "future", entity.future, futures[entity.id])
                )
    for fid in removal.leads_to_cleared:
        old = next(f.leads_to_channel_id for f in blueprint.frictions if f.id == fid)
        changes.append(SetField("frictions", fid, "leads_to_channel_id", old, None))
    for persona in blueprint.personas:
        if persona.id in removal.persona_preferences:
            kept = removal.persona_preferences[persona.id]
            old = persona.preferred_channels
            changes.append(SetField("personas", persona.id, "preferred_channels", old, kept))
    for tp in blueprint.touchpoints:
        if tp.id in removal.touchpoint_personas:
            new_ids = removal.touchpoint_personas[tp.id]
            changes.append(SetField("touchpoints", tp.id, "persona_ids", tp.persona_ids, new_ids))
    for friction in blueprint.frictions:
        if friction.id in removal.frequency_unlinked:
            changes.append(
                SetField(
                    "frictions",
                    friction.id,
                    "frequency.measure_id",
                    friction.frequency.measure_id,
                    None,
                )
            )
    # Replies before the comment that starts their thread, so none is left answering nothing.
    replies = {c.id for c in blueprint.comments if c.reply_to is not None}
    attached = sorted(removal.attached, key=lambda item: item[1] not in replies)
    changes += [Remove(kind, i) for kind, i in attached]  # type: ignore[arg-type]
    changes += [Remove("flows", i) for i in removal.flow_ids]
    changes += [Remove("frictions", i) for i in removal.friction_ids]
    changes += [Remove("touchpoints", i) for i in removal.touchpoint_ids]
    return changes
