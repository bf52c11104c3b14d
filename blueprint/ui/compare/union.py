"""Two versions of a blueprint on one grid, for File › Compare With… (no Qt).

The Compare view of one file draws today and tomorrow on one grid: what only tomorrow has is
NEW, what only today has is GONE, what tomorrow changes is CHANGED. Two files are drawn the
same way: this blueprint's journey as today, the other file's as tomorrow. Entities are
matched by id; what the other file holds alone comes in as tomorrow's only, what this one
holds alone as today's only, and what differs carries the other file's values as its future
values (any difference marks the card, even one the future values cannot hold).

The result is for drawing only: it is never saved and never edited.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...changes import DifferenceKind
from ...model import Blueprint, Friction, FrictionFuture, Presence, Touchpoint, TouchpointFuture
from ...model.states import current_state

#: Fields that say where an entity is in the file, not what it says.
_BOOKKEEPING = {"id", "state", "future"}
#: Field names in words, where the name alone reads badly.
_WORDS = {
    "stage_id": "stage",
    "channel_id": "channel",
    "persona_ids": "personas",
    "leads_to_channel_id": "leads to",
    "contact_reason_id": "contact reason",
    "epic": "EPIC",
    "touchpoint_id": "touchpoint",
    "from_id": "from",
    "to_id": "to",
}


@dataclass(frozen=True)
class FileDifference:
    kind: DifferenceKind
    noun: str
    entity_id: str
    #: the card it shows on
    touchpoint_id: str
    name: str
    #: what differs, in words (for CHANGED)
    fields: tuple[str, ...] = ()


def changed_fields(before, after) -> tuple[str, ...]:
    names = (n for n in type(after).model_fields if n not in _BOOKKEEPING)
    return tuple(
        _WORDS.get(n, n.replace("_", " ")) for n in names if getattr(before, n) != getattr(after, n)
    )


def _by_id(items) -> dict:
    return {e.id: e for e in items}


def _union(mine: list, theirs: list) -> list:
    ids = {e.id for e in mine}
    return [*mine, *(e for e in theirs if e.id not in ids)]


def _touchpoint_future(tp: Touchpoint, other: Touchpoint) -> TouchpointFuture:
    future = TouchpointFuture(
        title=other.title if other.title != tp.title else None,
        stage_id=other.stage_id if other.stage_id != tp.stage_id else None,
        channel_id=other.channel_id if other.channel_id != tp.channel_id else None,
        emotion=other.emotion if other.emotion != tp.emotion else None,
        epic=other.epic.model_copy() if other.epic != tp.epic else None,
    )
    # A difference the future values cannot hold (notes, lanes...) still marks the card.
    return future if not future.is_empty() else TouchpointFuture(title=tp.title)


def _friction_future(friction: Friction, other: Friction) -> FrictionFuture:
    future = FrictionFuture(
        severity=other.severity if other.severity != friction.severity else None,
        frequency=other.frequency.model_copy() if other.frequency != friction.frequency else None,
        leads_to_channel_id=(
            other.leads_to_channel_id
            if other.leads_to_channel_id != friction.leads_to_channel_id
            else None
        ),
        gives_up=other.gives_up if other.gives_up != friction.gives_up else None,
    )
    return future if not future.is_empty() else FrictionFuture(severity=friction.severity)


@dataclass(frozen=True)
class FileComparison:
    #: both journeys on one grid, to draw in the Compare view
    blueprint: Blueprint
    differences: tuple[FileDifference, ...]


def compare_on_one_grid(this: Blueprint, other: Blueprint) -> FileComparison:
    """Today's journey of ``this`` and of ``other`` on one grid, and what differs."""
    # Copies: the document may change while the comparison is shown.
    a, b = current_state(this).model_copy(deep=True), current_state(other).model_copy(deep=True)
    theirs_tp, theirs_fr, theirs_fl = _by_id(b.touchpoints), _by_id(b.frictions), _by_id(b.flows)
    found: list[FileDifference] = []
    touchpoints = []
    for tp in a.touchpoints:
        other_tp = theirs_tp.get(tp.id)
        if other_tp is None:
            touchpoints.append(tp.model_copy(update={"state": Presence.CURRENT, "future": None}))
            found.append(
                FileDifference(DifferenceKind.REMOVED, "touchpoint", tp.id, tp.id, tp.title)
            )
            continue
        fields = changed_fields(tp, other_tp)
        future = _touchpoint_future(tp, other_tp) if fields else None
        touchpoints.append(tp.model_copy(update={"state": Presence.BOTH, "future": future}))
        if fields:
            found.append(
                FileDifference(DifferenceKind.CHANGED, "touchpoint", tp.id, tp.id, tp.title, fields)
            )
    mine_tp = {t.id for t in a.touchpoints}
    for tp in b.touchpoints:
        if tp.id not in mine_tp:
            touchpoints.append(tp.model_copy(update={"state": Presence.FUTURE, "future": None}))
            found.append(FileDifference(DifferenceKind.ADDED, "touchpoint", tp.id, tp.id, tp.title))
    frictions = []
    for friction in a.frictions:
        other_fr = theirs_fr.get(friction.id)
        name = friction.title
        if other_fr is None:
            frictions.append(
                friction.model_copy(update={"state": Presence.CURRENT, "future": None})
            )
            found.append(
                FileDifference(
                    DifferenceKind.REMOVED,
                    "friction point",
                    friction.id,
                    friction.touchpoint_id,
                    name,
                )
            )
            continue
        fields = changed_fields(friction, other_fr)
        future = _friction_future(friction, other_fr) if fields else None
        frictions.append(friction.model_copy(update={"state": Presence.BOTH, "future": future}))
        if fields:
            found.append(
                FileDifference(
                    DifferenceKind.CHANGED,
                    "friction point",
                    friction.id,
                    friction.touchpoint_id,
                    name,
                    fields,
                )
            )
    mine_fr = {f.id for f in a.frictions}
    for friction in b.frictions:
        if friction.id not in mine_fr:
            frictions.append(friction.model_copy(update={"state": Presence.FUTURE, "future": None}))
            found.append(
                FileDifference(
                    DifferenceKind.ADDED,
                    "friction point",
                    friction.id,
                    friction.touchpoint_id,
                    friction.title,
                )
            )
    titles = {t.id: t.title for t in (*b.touchpoints, *a.touchpoints)}
    flows = []
    for flow in a.flows:
        state = Presence.BOTH if flow.id in theirs_fl else Presence.CURRENT
        flows.append(flow.model_copy(update={"state": state}))
    mine_fl = {f.id for f in a.flows}
    flows += [
        f.model_copy(update={"state": Presence.FUTURE}) for f in b.flows if f.id not in mine_fl
    ]
    for flow in flows:
        if flow.state != Presence.BOTH:
            kind = (
                DifferenceKind.REMOVED if flow.state == Presence.CURRENT else DifferenceKind.ADDED
            )
            name = f"{titles.get(flow.from_id, '?')} → {titles.get(flow.to_id, '?')}"
            found.append(FileDifference(kind, "flow", flow.id, flow.from_id, name))
    union = a.model_copy(
        update={
            "stages": _union(a.stages, b.stages),
            "channels": _union(a.channels, b.channels),
            "personas": _union(a.personas, b.personas),
            "contact_reasons": _union(a.contact_reasons, b.contact_reasons),
            "touchpoints": touchpoints,
            "frictions": frictions,
            "flows": flows,
            "measures": [],
            "evidence": [],
            "comments": [],
            "conflicts": [],
        }
    )
    return FileComparison(union, tuple(found))
