"""The one rule that makes concurrent edits a valid blueprint, the same on every replica.

Yjs merges every replica to the same document, but two edits that are each fine can together
break a rule of the file (docs/file-format.md, section 6): one person removes a touchpoint
while another adds a friction point to it; two people give two stages the same name. The
document is never repaired by writing to it (replicas repairing at once would conflict
again); every replica reads it through ``repair``, a pure function of the merged content,
so all of them show and save the same valid blueprint.

The rule, in words (docs/collaboration.md, "When edits collide"): **a removal wins, and
takes with it what the editor's own removal takes**: what belongs to a removed entity goes
(a friction point with its touchpoint, a flow with either end, evidence, measures, comments
and merge conflicts with what they are about), and a reference to it is cleared (a leads-to
channel, a contact reason, a persona in a list, a linked friction point). What goes is only
hidden: it stays in the shared document (an id set keeps the id of a removed entity; the
list read from it leaves the id out), so undoing the removal brings it back. Besides:
a name that two stages (channels, personas) share gets " (2)" on the later one; of two flows
joining the same two touchpoints the first stays; a contact reason under a secondary reason
hangs under that reason's primary; a loop of parents makes its members primary; an entity
present in a state its touchpoint is not in keeps the states they share (none: it goes).
"First" and "later" mean document order, which every replica agrees on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..model import Blueprint, Identified, Presence
from ..model.validation import COLLECTION_NOUNS, COMMENTABLE
from .layout import KINDS

_STATES = {
    Presence.BOTH: frozenset({"current", "future"}),
    Presence.CURRENT: frozenset({"current"}),
    Presence.FUTURE: frozenset({"future"}),
}
_PRESENCE = {states: presence for presence, states in _STATES.items()}
_BOTH = _STATES[Presence.BOTH]
_NAME_LIMIT = 500


def repair(properties: dict[str, Any], entities: dict[str, Sequence[Identified]]) -> Blueprint:
    """The valid blueprint that ``entities`` (each valid on its own, in document order)
    make under the rule above. Entities are shared, never changed: a repaired one is a copy."""
    kept = _unique_ids(entities)
    stages = _unique_names(kept["stages"])
    channels = _unique_names(kept["channels"])
    stage_ids = {s.id for s in stages}
    channel_ids = {c.id for c in channels}
    personas = [
        _fix(p, preferred_channels=_preferences(p, stage_ids, channel_ids))
        for p in _unique_names(kept["personas"])
    ]
    persona_ids = {p.id for p in personas}
    reasons = _contact_reasons(kept["contact_reasons"])
    reason_ids = {r.id for r in reasons}

    touchpoints = [
        _touchpoint(t, persona_ids, stage_ids, channel_ids)
        for t in kept["touchpoints"]
        if t.stage_id in stage_ids and t.channel_id in channel_ids
    ]
    tp_states = {t.id: _STATES[t.state] for t in touchpoints}
    flows = _flows(kept["flows"], tp_states)
    frictions = _frictions(kept["frictions"], tp_states, channel_ids, reason_ids)
    friction_ids = {f.id for f in frictions}
    changeable = set(tp_states) | {f.id for f in flows} | friction_ids
    improvements = [
        _fix(
            i,
            friction_ids=_kept_ids(i.friction_ids, friction_ids),
            brings_about=_kept_ids(i.brings_about, changeable),
        )
        for i in kept["improvements"]
    ]
    measures = [
        m for m in kept["measures"] if m.touchpoint_id is None or m.touchpoint_id in tp_states
    ]
    measure_ids = {m.id for m in measures}
    frictions = [_measure_link(f, measure_ids) for f in frictions]
    evidence = [
        e for e in kept["evidence"] if e.about_id in tp_states or e.about_id in friction_ids
    ]
    by_kind = {
        "stages": stages,
        "channels": channels,
        "personas": personas,
        "contact_reasons": reasons,
        "touchpoints": touchpoints,
        "flows": flows,
        "frictions": frictions,
        "improvements": improvements,
        "measures": measures,
        "evidence": evidence,
    }
    commentable = {e.id for kind in COMMENTABLE for e in by_kind[kind]}
    by_kind["comments"] = _comments(kept["comments"], commentable)
    present = {kind: {e.id for e in items} for kind, items in by_kind.items()}
    by_kind["conflicts"] = [
        c
        for c in kept["conflicts"]
        if c.collection in COLLECTION_NOUNS
        and c.collection != "conflicts"
        and c.entity_id in present.get(c.collection, ())
    ]
    return Blueprint.model_construct(**properties, **by_kind)


def _fix(entity: Any, **changes: Any) -> Any:
    """The entity itself when nothing changes, else a copy with the changes."""
    # Identity first: the rule hands back the entity's own values when they stand, and
    # comparing a model's fields for equality is what made a join slow.
    changed = {
        k: v for k, v in changes.items() if (old := getattr(entity, k)) is not v and old != v
    }
    return entity.model_copy(update=changed) if changed else entity


def _kept_ids(ids: list[str], present: set[str]) -> list[str]:
    return ids if all(i in present for i in ids) else [i for i in ids if i in present]


def _unique_ids(entities: dict[str, Sequence[Identified]]) -> dict[str, list[Identified]]:
    """An id held by two entities (only a hostile or broken peer makes one) stays with the
    first, in the file's order of collections and then document order."""
    seen: set[str] = set()
    kept: dict[str, list[Identified]] = {}
    for kind in KINDS:
        items = []
        for entity in entities.get(kind, ()):
            if entity.id not in seen:
                seen.add(entity.id)
                items.append(entity)
        kept[kind] = items
    return kept


def _unique_names(entities: Iterable[Any]) -> list[Any]:
    taken: set[str] = set()
    result = []
    for entity in entities:
        name = entity.name
        if _name_key(name) in taken:
            number = 2
            while _name_key(candidate := _numbered(name, number)) in taken:
                number += 1
            entity = entity.model_copy(update={"name": candidate})
            name = candidate
        taken.add(_name_key(name))
        result.append(entity)
    return result


def _name_key(name: str) -> str:
    return name.strip().casefold()


def _numbered(name: str, number: int) -> str:
    suffix = f" ({number})"
    return name.strip()[: _NAME_LIMIT - len(suffix)] + suffix


def _preferences(persona: Any, stage_ids: set[str], channel_ids: set[str]) -> list[Any]:
    seen: set[str] = set()
    kept = []
    for pref in persona.preferred_channels:
        if (
            pref.stage_id in stage_ids
            and pref.channel_id in channel_ids
            and pref.stage_id not in seen
        ):
            seen.add(pref.stage_id)
            kept.append(pref)
    return kept if len(kept) != len(persona.preferred_channels) else persona.preferred_channels


_DROP = object()


def _contact_reasons(reasons: Sequence[Any]) -> list[Any]:
    by_id = {r.id: r for r in reasons}
    result = []
    for reason in reasons:
        parent = _effective_parent(reason, by_id)
        if parent is _DROP:
            continue
        result.append(_fix(reason, parent_id=parent))
    return result


def _effective_parent(reason: Any, by_id: dict[str, Any]) -> Any:
    """The primary reason ``reason`` hangs under, None for a primary, _DROP when its chain
    of parents reaches a removed reason."""
    chain = [reason.id]
    current = reason
    while True:
        parent_id = current.parent_id
        if parent_id is None or parent_id == current.id:
            top = current.id
            break
        if parent_id not in by_id:
            return _DROP
        if parent_id in chain:  # a loop: its members are primary
            loop = chain[chain.index(parent_id) :]
            if reason.id in loop:
                return None
            top = parent_id
            break
        chain.append(parent_id)
        current = by_id[parent_id]
    return None if top == reason.id else top


def _touchpoint(tp: Any, personas: set[str], stages: set[str], channels: set[str]) -> Any:
    future = tp.future
    if future is not None:
        if tp.state != Presence.BOTH:
            future = None
        else:
            future = _clear_refs(
                future, stage_id=stages.__contains__, channel_id=channels.__contains__
            )
    return _fix(tp, persona_ids=_kept_ids(tp.persona_ids, personas), future=future)


def _clear_refs(future: Any, **checks: Callable[[str], bool]) -> Any:
    """Future values without references to what is gone; None when nothing is left."""
    gone = {
        name: None
        for name, present in checks.items()
        if getattr(future, name) is not None and not present(getattr(future, name))
    }
    if not gone:
        return future
    future = future.model_copy(update=gone)
    return None if future.is_empty() else future


def _shared_presence(entity: Any, *owners: frozenset[str]) -> Presence | None:
    states = _STATES[entity.state]
    if all(owner is _BOTH for owner in owners):  # most entities, asked first
        return entity.state
    for owner in owners:
        states = states & owner
    return _PRESENCE.get(states)


def _flows(flows: Sequence[Any], tp_states: dict[str, frozenset[str]]) -> list[Any]:
    pairs: set[tuple[str, str]] = set()
    result = []
    for flow in flows:
        pair = (flow.from_id, flow.to_id)
        if flow.from_id == flow.to_id or pair in pairs:
            continue
        if flow.from_id not in tp_states or flow.to_id not in tp_states:
            continue
        state = _shared_presence(flow, tp_states[flow.from_id], tp_states[flow.to_id])
        if state is None:
            continue
        pairs.add(pair)
        result.append(_fix(flow, state=state))
    return result


def _frictions(
    frictions: Sequence[Any],
    tp_states: dict[str, frozenset[str]],
    channels: set[str],
    reasons: set[str],
) -> list[Any]:
    result = []
    for friction in frictions:
        owner = tp_states.get(friction.touchpoint_id)
        if owner is None:
            continue
        state = _shared_presence(friction, owner)
        if state is None:
            continue
        future = friction.future
        if future is not None:
            if state != Presence.BOTH:
                future = None
            else:
                future = _clear_refs(future, leads_to_channel_id=channels.__contains__)
        leads_to = friction.leads_to_channel_id
        reason = friction.contact_reason_id
        result.append(
            _fix(
                friction,
                state=state,
                future=future,
                leads_to_channel_id=leads_to if leads_to is None or leads_to in channels else None,
                contact_reason_id=reason if reason is None or reason in reasons else None,
            )
        )
    return result


def _measure_link(friction: Any, measures: set[str]) -> Any:
    frequency = friction.frequency
    if frequency.measure_id is None or frequency.measure_id in measures:
        return friction
    return friction.model_copy(
        update={"frequency": frequency.model_copy(update={"measure_id": None})}
    )


def _comments(comments: Sequence[Any], commentable: set[str]) -> list[Any]:
    threads = {c.id: c for c in comments if c.reply_to is None and c.about_id in commentable}
    return [
        c
        for c in comments
        if c.about_id in commentable
        and (
            c.reply_to is None
            or (c.reply_to in threads and threads[c.reply_to].about_id == c.about_id)
        )
    ]
