"""Lists of ids are sets that merge: two links added at once both stay (layout 2)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pycrdt import Doc, Map, UndoManager

from blueprint.collab.guard import UpdateGuard
from blueprint.collab.layout import ID_SETS, PLANS, LayoutError
from blueprint.collab.mapping import LiveDoc, seed_update
from blueprint.collab.order import in_order, is_key, set_edits
from blueprint.collab.primitives import (
    InsertEntity,
    RemoveEntity,
    SetEntityField,
    changes_between,
)
from blueprint.model import Friction, Improvement, Persona, PreferredChannel, document_problems
from blueprint.storage import dumps_blueprint
from tests.factories import small_blueprint

from .test_mapping import exchange, replicas


def linked() -> object:
    """The small blueprint with two more friction points and a second persona."""
    bp = small_blueprint()
    return bp.model_copy(
        update={
            "personas": [*bp.personas, Persona(id="p2", name="Home worker")],
            "frictions": [
                *bp.frictions,
                Friction(id="x3", title="Lost order", touchpoint_id="t2"),
                Friction(id="x4", title="No reply", touchpoint_id="t3"),
            ],
            "improvements": [*bp.improvements, Improvement(id="i2", title="Call back")],
        }
    )


def links(live: LiveDoc, improvement: str = "i1", field: str = "friction_ids") -> list[str]:
    (found,) = [i for i in live.view().improvements if i.id == improvement]
    return list(getattr(found, field))


def link(live: LiveDoc, friction: str, improvement: str = "i1", **kw) -> None:
    live.apply(
        [
            SetEntityField(
                "improvements", improvement, "friction_ids", [*links(live), friction], **kw
            )
        ]
    )


def agree(*docs: LiveDoc) -> None:
    files = {dumps_blueprint(live.view()) for live in docs}
    assert len(files) == 1
    for live in docs:
        assert document_problems(live.view()) == []


def test_two_people_linking_two_friction_points_at_once_both_keep_their_link():
    ann, bob = replicas(linked())
    link(ann, "x2")
    link(bob, "x3")
    exchange(ann, bob)
    agree(ann, bob)
    assert set(links(ann)) == {"x1", "x2", "x3"}
    assert links(ann)[0] == "x1"  # the link that was there keeps its place


def test_the_first_links_of_a_new_improvement_both_stay():
    ann, bob = replicas(linked())
    ann.apply([InsertEntity("improvements", 0, Improvement(id="i9", title="New"))])
    exchange(ann, bob)
    for live, friction in ((ann, "x1"), (bob, "x4")):
        live.apply([SetEntityField("improvements", "i9", "friction_ids", [friction])])
    exchange(ann, bob)
    agree(ann, bob)
    assert set(links(ann, "i9")) == {"x1", "x4"}


def test_a_removal_and_an_addition_at_once_keep_the_right_links():
    ann, bob = replicas(linked())
    link(ann, "x2")
    exchange(ann, bob)
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x2"])])  # x1 unlinked
    link(bob, "x3")
    exchange(ann, bob)
    agree(ann, bob)
    assert links(ann) == ["x2", "x3"]


def test_two_people_adding_the_same_link_make_one():
    ann, bob = replicas(linked())
    link(ann, "x2")
    link(bob, "x2")
    exchange(ann, bob)
    agree(ann, bob)
    assert links(ann) == ["x1", "x2"]


def test_a_link_removed_by_one_and_kept_by_the_other_goes():
    ann, bob = replicas(linked())
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", [])])
    bob.apply([SetEntityField("improvements", "i1", "title", "Faster")])
    exchange(ann, bob)
    assert links(bob) == []


def test_every_id_list_merges_letters_personas_and_future_changes_alike():
    ann, bob = replicas(linked())
    ann.apply(
        [
            SetEntityField("improvements", "i1", "epic_letters", ["E"]),
            SetEntityField("improvements", "i1", "brings_about", ["t1"]),
            SetEntityField("touchpoints", "t1", "persona_ids", ["p1"]),
        ]
    )
    bob.apply(
        [
            SetEntityField("improvements", "i1", "epic_letters", ["C"]),
            SetEntityField("improvements", "i1", "brings_about", ["x2"]),
            SetEntityField("touchpoints", "t1", "persona_ids", ["p2"]),
        ]
    )
    exchange(ann, bob)
    agree(ann, bob)
    (improvement,) = [i for i in ann.view().improvements if i.id == "i1"]
    assert sorted(improvement.epic_letters) == ["C", "E"]
    assert sorted(improvement.brings_about) == ["t1", "x2"]
    assert sorted(ann.view().touchpoints[0].persona_ids) == ["p1", "p2"]


def test_an_edit_of_one_link_writes_that_link_only():
    ann, bob = replicas(linked())
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2", "x3"])])
    exchange(ann, bob)
    seen: list[tuple[tuple, set]] = []
    bob.roots["improvements"].observe_deep(
        lambda events: seen.extend((tuple(e.path), set(e.keys)) for e in events)
    )
    before = ann.doc.get_state()
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x3", "x4"])])
    bob.doc.apply_update(ann.doc.get_update(before))
    assert seen == [(("i1", "friction_ids"), {"x2", "x4"})]
    assert links(bob) == ["x1", "x3", "x4"]


def test_the_editors_old_list_keeps_a_link_it_had_not_seen_yet():
    """The editor sends the list it changed and the one it had: a link that reached the
    session after the editor made its list is not taken away by it."""
    ann, bob = replicas(linked())
    link(bob, "x3")
    exchange(ann, bob)  # Ann's session holds x3; her window did not show it yet
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2"], old=["x1"])])
    assert links(ann) == ["x1", "x2", "x3"]  # x2 and x3 went after x1 at once: by id
    # Without the old list, the session's own is taken: the edit there removes x3.
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2"])])
    assert links(ann) == ["x1", "x2"]


def test_changes_between_two_blueprints_carry_the_old_list_and_reapply_as_edits():
    """What a reload does: the user's changes since the last sync (base -> mine) go on top
    of the room as it is now; a link someone else made there stays."""
    (room,) = replicas(linked(), 1)
    base = room.view()
    (mine,) = replicas(linked(), 1)
    link(mine, "x2")
    link(room, "x3")
    changes = changes_between(base, mine.view())
    assert changes == [
        SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2"], old=["x1"])
    ]
    room.apply(changes)
    assert set(links(room)) == {"x1", "x2", "x3"}


def test_a_link_to_a_removed_friction_point_is_hidden_kept_and_back_on_undo():
    ann, bob = replicas(linked())
    x1 = next(f for f in ann.view().frictions if f.id == "x1")
    ann.apply([RemoveEntity("frictions", "x1")])
    exchange(ann, bob)
    assert links(bob) == []  # the repair rule hides it
    link(bob, "x2")  # Bob links another, from the list he sees
    exchange(ann, bob)
    assert links(ann) == ["x2"]
    ann.apply([InsertEntity("frictions", 0, x1)])  # Ann undoes her removal
    exchange(ann, bob)
    agree(ann, bob)
    assert links(bob) == ["x1", "x2"]


def test_undo_takes_back_ones_own_link_only():
    ann, bob = replicas(linked())
    undo = UndoManager(scopes=[ann.roots["improvements"]], capture_timeout_millis=0)
    undo.include_origin("ann")
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2"])], origin="ann")
    link(bob, "x3")
    exchange(ann, bob)
    assert undo.undo()
    exchange(ann, bob)
    agree(ann, bob)
    assert links(bob) == ["x1", "x3"]


def test_reordering_a_list_moves_as_few_ids_as_can_be():
    (ann,) = replicas(linked(), 1)
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2", "x3", "x4"])])
    ann.apply([SetEntityField("improvements", "i1", "friction_ids", ["x2", "x3", "x4", "x1"])])
    assert links(ann) == ["x2", "x3", "x4", "x1"]


def preferences(live: LiveDoc, persona: str = "p1") -> dict[str, str]:
    (found,) = [p for p in live.view().personas if p.id == persona]
    return {p.stage_id: p.channel_id for p in found.preferred_channels}


def prefer(live: LiveDoc, chosen: dict[str, str], old: dict[str, str] | None = None) -> None:
    def listed(pairs):
        return [PreferredChannel(stage_id=s, channel_id=c) for s, c in pairs.items()]

    live.apply(
        [
            SetEntityField(
                "personas",
                "p1",
                "preferred_channels",
                listed(chosen),
                None if old is None else listed(old),
            )
        ]
    )


def test_two_people_choosing_preferred_channels_at_two_stages_at_once_both_stay():
    ann, bob = replicas(linked())
    prefer(ann, {"s1": "web"})
    prefer(bob, {"s2": "phone"})
    exchange(ann, bob)
    agree(ann, bob)
    assert preferences(ann) == {"s1": "web", "s2": "phone"}
    # One stage at once: one of the two channels, the same everywhere; the other stage stays.
    prefer(ann, {"s1": "phone", "s2": "phone"})
    prefer(bob, {"s1": "esc", "s2": "phone"})
    exchange(ann, bob)
    agree(ann, bob)
    assert preferences(ann)["s1"] in ("phone", "esc") and preferences(ann)["s2"] == "phone"


def test_no_preference_at_one_stage_and_a_choice_at_another_at_once():
    ann, bob = replicas(linked())
    prefer(ann, {"s1": "web", "s2": "phone"})
    exchange(ann, bob)
    prefer(ann, {"s2": "phone"})  # no preference at s1 any more
    prefer(bob, {"s1": "web", "s2": "esc"})
    exchange(ann, bob)
    agree(ann, bob)
    assert preferences(ann) == {"s2": "esc"}
    # No preference at a stage while the other changes its channel there: the removal wins.
    prefer(ann, {})
    prefer(bob, {"s2": "web"})
    exchange(ann, bob)
    agree(ann, bob)
    assert preferences(bob) == {}


def test_a_preference_the_editor_did_not_change_is_not_written_back():
    ann, bob = replicas(linked())
    prefer(ann, {"s1": "web"})
    exchange(ann, bob)
    prefer(ann, {"s1": "phone"})
    exchange(ann, bob)  # reached Bob's session, not yet his window, which still shows web
    prefer(bob, {"s1": "web", "s2": "esc"}, old={"s1": "web"})
    exchange(ann, bob)
    agree(ann, bob)
    assert preferences(ann) == {"s1": "phone", "s2": "esc"}
    (persona,) = [p for p in ann.view().personas if p.id == "p1"]
    assert [p.stage_id for p in persona.preferred_channels] == ["s1", "s2"]


# --- the one function that turns a list into a set's edits -----------------------------------


def test_set_edits_of_an_empty_set_are_the_seeds_even_spread():
    puts, deletes = set_edits({}, ["a", "b", "c"])
    assert deletes == [] and in_order(puts) == ["a", "b", "c"]
    assert puts == set_edits({}, ["a", "b", "c"])[0]  # deterministic


def test_set_edits_leave_alone_what_stays_and_what_the_edit_did_not_show():
    current = {"a": "4", "b": "8", "hidden": "6"}
    puts, deletes = set_edits(current, ["a", "c", "b"], shown=["a", "b"])
    assert deletes == [] and list(puts) == ["c"]
    merged = {**current, **puts}
    assert [i for i in in_order(merged) if i != "hidden"] == ["a", "c", "b"]


def test_set_edits_place_between_tied_keys():
    current = {"a": "i", "b": "i"}  # two replicas appended at the same key: ties by id
    puts, _ = set_edits(current, ["a", "n", "b"])
    assert in_order({**current, **puts}) == ["a", "n", "b"]
    assert set_edits(current, ["a", "b"]) == ({}, [])


ids = st.lists(st.sampled_from("abcdefgh"), unique=True, max_size=8)


@given(
    st.dictionaries(st.sampled_from("abcdefgh"), st.sampled_from(["i", "r", "ri", "z", "1"])),
    ids,
)
def test_set_edits_always_give_the_wanted_list(current, wanted):
    puts, deletes = set_edits(current, wanted)
    merged = {k: v for k, v in {**current, **puts}.items() if k not in deletes}
    assert in_order(merged) == wanted
    assert all(is_key(key) for key in puts.values())
    assert not set(puts) & set(deletes)
    # Ids already in their place keep their key.
    assert set_edits(merged, wanted) == ({}, [])


def test_the_lists_whose_items_have_their_own_id_are_id_sets():
    assert ID_SETS == {
        "personas": {"preferred_channels": "stage_id"},
        "touchpoints": {"persona_ids": None},
        "improvements": {"friction_ids": None, "epic_letters": None, "brings_about": None},
    }
    raw = {"title": "T", "stage_id": "s", "channel_id": "c", "persona_ids": {"b": "1", "a": "1"}}
    assert PLANS["touchpoints"].decode("t", raw).persona_ids == ["a", "b"]  # a tie: by id


# --- the guard -------------------------------------------------------------------------------


def _room_and_guard():
    (room,) = replicas(linked(), 1)
    return room, UpdateGuard(room.doc)


def _hostile(room: LiveDoc, change) -> bytes:
    doc = Doc()
    doc.apply_update(room.doc.get_update())
    change(doc.get("improvements", type=Map)["i1"])
    return doc.get_update(room.doc.get_state())


def test_the_guard_lets_id_sets_through():
    _room, guard = _room_and_guard()
    (peer,) = replicas(linked(), 1)
    before = peer.doc.get_state()
    link(peer, "x2")
    peer.apply([InsertEntity("improvements", 0, Improvement(title="New", friction_ids=["x3"]))])
    assert guard.check_update(peer.doc.get_update(before)) is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda m: m["friction_ids"].__setitem__("x2", 5), "order key"),
        (lambda m: m["friction_ids"].__setitem__("x2", "A"), "order key"),
        (lambda m: m["friction_ids"].__setitem__("x2", "i0"), "order key"),
        (lambda m: m["friction_ids"].__setitem__("x2", ""), "order key"),
        (lambda m: m["friction_ids"].__setitem__("x2", Map({"a": "i"})), "order key"),
        (lambda m: m["friction_ids"].__setitem__("bad id!", "i"), "friction_ids"),
        (lambda m: m["epic_letters"].__setitem__("Z", "i"), "epic_letters"),
        (lambda m: m.__setitem__("friction_ids", 3), "friction_ids"),
        (lambda m: m.__setitem__("links", Map({"x2": "i"})), "no field 'links'"),
        (lambda m: m.__setitem__("title", Map({"x2": "i"})), "title"),
        (lambda m: m.__setitem__("friction_ids", '["x1", "x1"]'), "more than once"),
    ],
)
def test_the_guard_refuses_a_malformed_id_set(change, reason):
    room, guard = _room_and_guard()
    refused = guard.check_update(_hostile(room, change))
    assert refused is not None and reason in refused
    # ... and a fine update still passes after it.
    fine = _hostile(room, lambda m: m["friction_ids"].__setitem__("x2", "r"))
    assert guard.check_update(fine) is None
    assert guard.check_update(b"\x00\x00") is None


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("i", "order key"),
        (Map({"channel_id": "web"}), "order key"),
        (Map({"channel_id": "web", "_order": 3}), "order key"),
        (Map({"channel_id": "web", "_order": "i", "stage_id": "s1"}), "its key"),
        (Map({"channel_id": "web", "_order": "i", "colour": "red"}), "colour"),
        (Map({"_order": "i"}), "channel_id"),
    ],
)
def test_the_guard_refuses_a_malformed_preference(entry, reason):
    room, guard = _room_and_guard()
    doc = Doc()
    doc.apply_update(room.doc.get_update())
    doc.get("personas", type=Map)["p1"]["preferred_channels"]["s1"] = entry
    refused = guard.check_update(doc.get_update(room.doc.get_state()))
    assert refused is not None and reason in refused, refused


def test_the_guard_refuses_an_id_set_in_a_field_of_json_text():
    room, guard = _room_and_guard()
    doc = Doc()
    doc.apply_update(room.doc.get_update())
    doc.get("touchpoints", type=Map)["t1"]["future"] = Map({"a": "i"})
    assert "JSON text" in guard.check_update(doc.get_update(room.doc.get_state()))


def test_a_value_the_list_cannot_hold_is_refused_before_anything_is_written():
    (live,) = replicas(linked(), 1)
    before = live.doc.get_state()
    with pytest.raises(LayoutError):
        live.apply([SetEntityField("improvements", "i1", "friction_ids", ["x2", "x2"])])
    with pytest.raises(LayoutError):
        live.apply([SetEntityField("improvements", "i1", "epic_letters", ["Q"])])
    twice = [PreferredChannel(stage_id="s1", channel_id=c) for c in ("web", "phone")]
    with pytest.raises(LayoutError):  # the model takes it; the file's rules do not
        live.apply([SetEntityField("personas", "p1", "preferred_channels", twice)])
    assert live.doc.get_update(before) == b"\x00\x00"


def test_the_seed_holds_every_id_set_even_empty_and_stays_deterministic():
    seed = seed_update(linked())
    assert seed.update == seed_update(linked()).update
    (live,) = replicas(linked(), 1)
    for kind, names in ID_SETS.items():
        for entity in live.roots[kind].values():
            assert all(isinstance(entity[name], Map) for name in names)
