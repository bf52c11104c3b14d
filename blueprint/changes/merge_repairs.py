"""Rules across entities that a field-by-field merge can break, and how each is repaired.

Each side is a valid blueprint, but their edits together may not be: two stages of one name,
a reason under a reason that became secondary, the same two touchpoints linked twice, a
friction point of both states on a touchpoint the other side took out of the future. Each
repair keeps everything both sides made and records what it set aside as a conflict
(``kept_from`` "merge" where the value kept is the merge's own). See docs/merge.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from ..model import ConflictKind, Presence
from .conflicts import MERGE
from .decisions import decisions, decisions_of
from .fields import COLLECTIONS, MODELS, data_of
from .merge import Merge, Slot
from .references import REFERENCES, renamed, targets, values_at

#: Lists whose names must differ (ignoring case and the spaces around them).
UNIQUE_NAMES = ("stages", "channels", "personas")
BOTH = Presence.BOTH.value


def repair(merge: Merge) -> None:
    _distinct_ids(merge)
    _unique_names(merge)
    _two_level_tree(merge)
    _one_flow_per_pair(merge)
    _future_values_on_both(merge)
    _states_fit_owners(merge)
    _replies_follow_threads(merge)


def _both_changed(
    merge: Merge, slot: Slot, field: str, kept: Any, other: Any, other_from: str
) -> None:
    merge.record(
        ConflictKind.BOTH_CHANGED, slot.collection, slot.id, field, kept, other, MERGE, other_from
    )


# --- one id, one entity --------------------------------------------------------------------


def _distinct_ids(merge: Merge) -> None:
    """Two entities of different kinds with one id (both sides added an entity with the same
    hand-written id): theirs' gets a new id, derived from the old one."""
    seen: dict[str, Slot] = {}
    for collection in COLLECTIONS:
        for slot in merge.present(collection):
            first = seen.setdefault(slot.id, slot)
            if first is slot:
                continue
            moving = slot if slot.ours is None else first
            if moving.ours is not None:
                continue  # both ours': cannot happen in a valid file
            _rename(merge, moving, other=first if moving is slot else slot)


def _rename(merge: Merge, slot: Slot, other: Slot) -> None:
    old = slot.id
    digest = hashlib.blake2b(f"{slot.collection}\0{old}".encode(), digest_size=4).hexdigest()
    new = f"{old[:50]}-{digest}"
    data = {**slot.current_data(), "id": new}
    entity = MODELS[slot.collection].model_validate(data)
    del merge.slots[slot.collection][old]
    slot.id, slot.value, slot.data, slot.theirs, slot.base = new, entity, None, entity, None
    merge.slots[slot.collection][new] = slot
    merge.renames.setdefault(slot.collection, {})[old] = new
    for key in [k for k in merge.records if k[:2] == (slot.collection, old)]:
        merge.records[(key[0], new, key[2])] = replace(merge.records.pop(key), entity_id=new)
    for collection in COLLECTIONS:
        for referrer in merge.present(collection):
            if referrer is slot or not _names_it(referrer, old, slot.collection, other.collection):
                continue
            merge.set(referrer, **renamed(collection, referrer.current_data(), {old: new}))
    _both_changed(merge, slot, "id", new, old, merge.labels[1])


def _names_it(referrer: Slot, entity_id: str, collection: str, rival: str) -> bool:
    """Whether a reference of ``referrer`` to ``entity_id`` means the entity of
    ``collection`` rather than the one of ``rival`` (theirs', when either would fit)."""
    current = referrer.current
    for path in REFERENCES.get(referrer.collection, ()):
        kinds = targets(referrer.collection, path, current)
        if collection not in kinds:
            continue
        if rival in kinds and referrer.ours is not None:
            continue
        if entity_id in values_at(current, path):
            return True
    return False


# --- names -----------------------------------------------------------------------------------


def _key(name: str) -> str:
    return name.strip().casefold()


def _unique_names(merge: Merge) -> None:
    """Two stages (channels, personas) of one name: the one whose name is not ours' takes a
    number, "Delivery (2)"; the conflict records the name it wanted."""
    for collection in UNIQUE_NAMES:
        slots = merge.slots[collection]
        order = merge.order(collection)
        present = [slots[i] for i in order]

        def claim(slot: Slot) -> bool:
            return slot.ours is not None and slot.ours.name == merge.get(slot, "name")  # type: ignore[attr-defined]

        taken: set[str] = set()
        clashing = []
        for slot in sorted(present, key=lambda s: not claim(s)):  # stable: ours' names first
            key = _key(merge.get(slot, "name"))
            if key in taken:
                clashing.append(slot)
            taken.add(key)
        for slot in clashing:
            wanted = merge.get(slot, "name")
            number = 2
            while _key(name := f"{wanted[:480]} ({number})") in taken:
                number += 1
            taken.add(_key(name))
            merge.set(slot, name=name)
            _both_changed(merge, slot, "name", name, wanted, merge.whose(slot, "name", wanted))


# --- the contact-reason tree ---------------------------------------------------------------


def _two_level_tree(merge: Merge) -> None:
    """A reason under a reason that is itself under another: if the parent became secondary
    by theirs' edit, it stays primary (ours' tree); else the reason moves up to the parent's
    own primary reason."""
    slots = merge.slots["contact_reasons"]
    for _ in range(len(slots) + 1):
        changed = False
        for reason in merge.present("contact_reasons"):
            parent = slots.get(merge.get(reason, "parent_id") or "")
            if parent is None or not parent.present:
                continue
            grandparent = merge.get(parent, "parent_id")
            if grandparent is None:
                continue
            changed = True
            ours_parent = parent.ours.parent_id if parent.ours is not None else grandparent  # type: ignore[attr-defined]
            if ours_parent != grandparent:
                merge.set(parent, parent_id=ours_parent)
                merge.record(
                    ConflictKind.BOTH_CHANGED,
                    "contact_reasons",
                    parent.id,
                    "parent_id",
                    ours_parent,
                    grandparent,
                    merge.labels[0],
                    merge.labels[1],
                )
            else:
                primary = grandparent if grandparent != reason.id else None
                merge.set(reason, parent_id=primary)
                _both_changed(
                    merge,
                    reason,
                    "parent_id",
                    primary,
                    parent.id,
                    merge.whose(reason, "parent_id", parent.id),
                )
        if not changed:
            return


# --- flows -----------------------------------------------------------------------------------


def _one_flow_per_pair(merge: Merge) -> None:
    """Both sides linked the same two touchpoints: one link. Theirs' flow is folded into
    ours' (what refers to it then refers to ours'), its differing fields recorded."""
    by_pair: dict[tuple[str, str], list[Slot]] = {}
    for flow in merge.present("flows"):
        pair = (merge.get(flow, "from_id"), merge.get(flow, "to_id"))
        by_pair.setdefault(pair, []).append(flow)
    for flows in by_pair.values():
        if len(flows) < 2:
            continue
        if any(f.data is not None for f in flows):
            for flow in flows:
                if flow.data is not None:
                    merge.revert(flow)
            continue
        kept = next((f for f in flows if f.ours is not None), flows[0])
        for folded in flows:
            if folded is not kept and folded.ours is None:
                _fold(merge, folded, kept)


def _fold(merge: Merge, folded: Slot, kept: Slot) -> None:
    mine, yours = decisions("flows", kept.current_data()), decisions("flows", folded.current_data())
    for path, value in yours.items():
        if path != "id" and value != mine[path]:
            _both_changed(merge, kept, path, mine[path], value, merge.labels[1])
    folded.present, folded.value, folded.data = False, None, None
    for key in [k for k in merge.records if k[0] == "flows" and k[1] == folded.id]:
        del merge.records[key]
    for collection in ("improvements", "conflicts"):
        for referrer in merge.present(collection):
            data = referrer.current_data()
            again = renamed(collection, data, {folded.id: kept.id})
            if collection == "conflicts" and data.get("collection") != "flows":
                continue
            if again != data:
                brings = again.get("brings_about")
                if brings is not None:
                    again["brings_about"] = list(dict.fromkeys(brings))
                merge.set(referrer, **again)


# --- the states of the journey -------------------------------------------------------------


def _future_values_on_both(merge: Merge) -> None:
    """Future values belong to what exists in both states: when one side took an entity out
    of a state and the other gave it future values, the state and future values of one side
    are kept together (ours', when ours has the entity)."""
    for collection in ("touchpoints", "frictions"):
        for slot in merge.present(collection):
            if merge.get(slot, "state") == BOTH or merge.get(slot, "future") is None:
                continue
            _take_sides_fields(merge, slot, ("state", "future"))


def _take_sides_fields(merge: Merge, slot: Slot, names: tuple[str, ...]) -> None:
    kept = slot.kept_side
    other = slot.theirs if kept is slot.ours else slot.ours
    assert kept is not None
    values = {name: data_of(kept)[name] for name in names}
    merge.set(slot, **values)
    if other is None:
        return
    collection = slot.collection
    was = decisions_of(collection, slot.base)
    mine, yours = decisions_of(collection, kept), decisions_of(collection, other)
    for path, value in yours.items():
        if path.split(".")[0] in names and value != mine[path] and value != was[path]:
            merge.record(
                ConflictKind.BOTH_CHANGED,
                slot.collection,
                slot.id,
                path,
                mine[path],
                value,
                merge.side_of(kept, slot),
                merge.side_of(other, slot),
            )


def _states_fit_owners(merge: Merge) -> None:
    """A friction point or flow in a state its touchpoint is not in (one side took the
    touchpoint out of the future, the other added a friction point of both states on it):
    it is narrowed to its touchpoint's state; when the two have no state in common, the
    touchpoint is widened to both states."""
    touchpoints = merge.slots["touchpoints"]
    # Most touchpoints are in both states, and nothing on them can be out of step.
    single = {
        slot.id: state
        for slot in merge.present("touchpoints")
        if (state := merge.get(slot, "state")) != BOTH
    }
    for collection, ends in (("frictions", ("touchpoint_id",)), ("flows", ("from_id", "to_id"))):
        for slot in merge.present(collection) if single else ():
            for end in ends:
                owners = single.get(merge.get(slot, end))
                state = merge.get(slot, "state")
                if owners is None or state == owners:
                    continue
                if state == BOTH:
                    future = merge.get(slot, "future") if collection == "frictions" else None
                    merge.set(slot, state=owners, **({"future": None} if future else {}))
                    _both_changed(
                        merge, slot, "state", owners, BOTH, merge.whose(slot, "state", BOTH)
                    )
                    if future:
                        # The whole of tomorrow goes: a conflict recorded on a part of it
                        # would name a value the file no longer holds.
                        _forget_parts(merge, slot, "future")
                        _both_changed(
                            merge, slot, "future", None, future, merge.whose(slot, "future", future)
                        )
                else:
                    owner = touchpoints[merge.get(slot, end)]
                    del single[owner.id]
                    merge.set(owner, state=BOTH)
                    _both_changed(
                        merge, owner, "state", BOTH, owners, merge.whose(owner, "state", owners)
                    )


def _forget_parts(merge: Merge, slot: Slot, field: str) -> None:
    """Drop the conflicts recorded on parts of ``field`` of ``slot`` (``future.frequency``
    for ``future``): the value they were about is gone as a whole."""
    for key in [k for k in merge.records if k[:2] == (slot.collection, slot.id)]:
        if key[2].startswith(f"{field}."):
            del merge.records[key]


def _replies_follow_threads(merge: Merge) -> None:
    """A reply is about what its thread is about; a reply one side wrote to a thread the
    other side resolved meanwhile opens the thread again (resolved, it was out of sight)."""
    comments = merge.slots["comments"]
    for reply in merge.present("comments"):
        thread = comments.get(merge.get(reply, "reply_to") or "")
        if thread is None or not thread.present:
            continue
        about, wanted = merge.get(thread, "about_id"), merge.get(reply, "about_id")
        if about != wanted:
            merge.set(reply, about_id=about)
            _both_changed(
                merge, reply, "about_id", about, wanted, merge.whose(reply, "about_id", wanted)
            )
        if merge.get(thread, "resolved") and _replied_unresolved(reply, thread):
            merge.set(thread, resolved=False)
            _both_changed(
                merge, thread, "resolved", False, True, merge.whose(thread, "resolved", True)
            )


def _replied_unresolved(reply: Slot, thread: Slot) -> bool:
    """Whether the side that added ``reply`` saw its thread open (the other resolved it)."""
    if reply.base is not None:
        return False
    side = thread.ours if reply.ours is not None else thread.theirs
    return side is not None and not side.resolved  # type: ignore[attr-defined]
