"""Rooms written by layout 1 (id lists as JSON text) open and merge in an editor of today.

``data/layout1.yupdate`` is a real layout-1 room: made by the layout-1 code
(``data/make_layout1.py``), the seed of ``data/layout1.blueprint`` then edits of two
layout-1 editors; ``data/layout1.expected.blueprint`` is what a layout-1 editor read from it.
"""

from __future__ import annotations

from pathlib import Path

from pycrdt import Doc, Map, UndoManager

from blueprint.collab.guard import UpdateGuard
from blueprint.collab.layout import ID_SETS, LAYOUT_VERSION
from blueprint.collab.mapping import LiveDoc, history_of, seed_update
from blueprint.collab.primitives import InsertEntity, SetEntityField
from blueprint.model import Improvement, PreferredChannel, document_problems
from blueprint.storage import dumps_blueprint, load_blueprint

from .test_mapping import exchange

DATA = Path(__file__).resolve().parent / "data"
LAYOUT1 = (DATA / "layout1.yupdate").read_bytes()
EXPECTED = (DATA / "layout1.expected.blueprint").read_bytes()


def layout1_replicas(count: int = 2) -> list[LiveDoc]:
    made = []
    for _ in range(count):
        live = LiveDoc()
        live.doc.apply_update(LAYOUT1)
        made.append(live)
    return made


def pref(stage: str, channel: str) -> PreferredChannel:
    return PreferredChannel(stage_id=stage, channel_id=channel)


def listed(live: LiveDoc, kind: str, entity_id: str, field: str) -> list[str]:
    (found,) = [e for e in getattr(live.view(), kind) if e.id == entity_id]
    return list(getattr(found, field))


def added(live: LiveDoc, kind: str, entity_id: str, field: str, item: str) -> SetEntityField:
    return SetEntityField(kind, entity_id, field, [*listed(live, kind, entity_id, field), item])


def add(live: LiveDoc, kind: str, entity_id: str, field: str, item: str) -> None:
    live.apply([added(live, kind, entity_id, field, item)])


def test_the_fixture_is_a_layout_1_room():
    (live,) = layout1_replicas(1)
    assert LAYOUT_VERSION >= 2
    assert live.meta["layout"] == 1
    improvement = live.roots["improvements"]["i1"]
    assert improvement["friction_ids"] == '["x1","x2"]'  # JSON text
    assert "friction_ids" not in live.roots["improvements"]["i2"]  # empty: no key at all


def test_a_layout_2_reader_reads_a_layout_1_room_as_a_layout_1_editor_did():
    (live,) = layout1_replicas(1)
    assert dumps_blueprint(live.view()) == EXPECTED


def test_a_write_turns_that_one_list_into_an_id_set_holding_the_same_ids():
    (live,) = layout1_replicas(1)
    live.apply([SetEntityField("improvements", "i1", "friction_ids", ["x2"])])
    improvement = live.roots["improvements"]["i1"]
    assert isinstance(improvement["friction_ids"], Map)
    assert isinstance(improvement["epic_letters"], str)  # the others stay as they were
    assert listed(live, "improvements", "i1", "friction_ids") == ["x2"]
    assert listed(live, "improvements", "i1", "epic_letters") == ["I", "E"]
    # Everything else reads as before.
    expected = load_blueprint(DATA / "layout1.expected.blueprint")
    (i1,) = [i for i in expected.improvements if i.id == "i1"]
    i1.friction_ids = ["x2"]
    assert dumps_blueprint(live.view()) == dumps_blueprint(expected)


def test_two_editors_linking_at_once_in_a_layout_1_room_both_keep_their_link():
    """Both convert the same list of the same document at once: the same Yjs items."""
    ann, bob = layout1_replicas()
    cases = [
        ("improvements", "i1", "brings_about", "x1", "x2"),  # JSON text
        ("improvements", "i2", "friction_ids", "x1", "x2"),  # no key (an empty list)
        ("improvements", "i3", "epic_letters", "P", "C"),  # inserted by a layout-1 editor
    ]
    ann.apply([added(ann, kind, entity, field, mine) for kind, entity, field, mine, _ in cases])
    bob.apply([added(bob, kind, entity, field, theirs) for kind, entity, field, _, theirs in cases])
    exchange(ann, bob)
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    assert document_problems(ann.view()) == []
    assert listed(ann, "improvements", "i1", "brings_about") == ["t1", "f1", "x1", "x2"]
    assert sorted(listed(ann, "improvements", "i2", "friction_ids")) == ["x1", "x2"]
    assert sorted(listed(ann, "improvements", "i3", "epic_letters")) == ["C", "P"]


def test_a_removal_and_an_addition_at_once_in_a_layout_1_room():
    ann, bob = layout1_replicas()
    ann.apply([SetEntityField("touchpoints", "t3", "persona_ids", ["p1"])])  # p2 unlinked
    bob.apply([SetEntityField("improvements", "i1", "friction_ids", ["x1", "x2"])])  # no-op
    bob.apply([SetEntityField("touchpoints", "t2", "persona_ids", ["p1", "p2"])])
    exchange(ann, bob)
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    assert listed(bob, "touchpoints", "t3", "persona_ids") == ["p1"]
    assert listed(ann, "touchpoints", "t2", "persona_ids") == ["p1", "p2"]


def test_preferred_channels_of_layout_1_merge_stage_by_stage_once_converted():
    ann, bob = layout1_replicas()
    assert isinstance(ann.roots["personas"]["p2"]["preferred_channels"], str)
    ann.apply([SetEntityField("personas", "p2", "preferred_channels", [pref("s2", "phone")])])
    bob.apply(
        [
            SetEntityField(
                "personas", "p2", "preferred_channels", [pref("s1", "web"), pref("s2", "esc")]
            )
        ]
    )
    exchange(ann, bob)
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    assert listed(ann, "personas", "p2", "preferred_channels") == [pref("s2", "esc")]


def test_replicas_holding_different_documents_still_agree():
    """One has an edit the other has not seen yet: each converts in its own way, and the
    last conversion wins that one list, once (as every list did in layout 1)."""
    ann, bob = layout1_replicas()
    bob.apply([SetEntityField("improvements", "i2", "title", "Call back soon")])
    add(ann, "improvements", "i2", "brings_about", "t1")
    add(bob, "improvements", "i2", "brings_about", "t2")
    exchange(ann, bob)
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    assert listed(ann, "improvements", "i2", "brings_about") in (["t1"], ["t2"])
    # From then on the list is an id set: the next two links at once both stay.
    add(ann, "improvements", "i2", "brings_about", "x1")
    add(bob, "improvements", "i2", "brings_about", "x2")
    exchange(ann, bob)
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    assert {"x1", "x2"} <= set(listed(ann, "improvements", "i2", "brings_about"))


def test_a_layout_1_editor_writing_the_list_again_is_read_and_converted_again():
    (live,) = layout1_replicas(1)
    live.apply([SetEntityField("improvements", "i2", "friction_ids", ["x1"])])
    assert isinstance(live.roots["improvements"]["i2"]["friction_ids"], Map)
    # An editor of layout 1 still in the room writes its JSON text over the set.
    live.roots["improvements"]["i2"]["friction_ids"] = '["x2"]'
    assert listed(live, "improvements", "i2", "friction_ids") == ["x2"]
    add(live, "improvements", "i2", "friction_ids", "x1")
    assert isinstance(live.roots["improvements"]["i2"]["friction_ids"], Map)
    assert listed(live, "improvements", "i2", "friction_ids") == ["x2", "x1"]


def test_undo_takes_back_the_users_link_not_the_conversion():
    (live,) = layout1_replicas(1)
    undo = UndoManager(scopes=list(live.roots.values()), capture_timeout_millis=0)
    undo.include_origin("ann")
    live.apply([SetEntityField("improvements", "i1", "friction_ids", ["x2"])], origin="ann")
    assert undo.undo()
    assert isinstance(live.roots["improvements"]["i1"]["friction_ids"], Map)
    assert listed(live, "improvements", "i1", "friction_ids") == ["x1", "x2"]
    assert not undo.can_undo()
    assert undo.redo()
    assert listed(live, "improvements", "i1", "friction_ids") == ["x2"]


def test_new_entities_in_a_layout_1_room_are_written_in_layout_2():
    (live,) = layout1_replicas(1)
    live.apply([InsertEntity("improvements", 0, Improvement(id="i9", title="New"))])
    assert all(
        isinstance(live.roots["improvements"]["i9"][f], Map) for f in ID_SETS["improvements"]
    )


def test_the_guard_takes_a_layout_1_room_and_layout_1_edits_and_refuses_bad_text():
    room = LiveDoc()
    guard = UpdateGuard(room.doc)
    assert guard.check_update(LAYOUT1) is None
    room.doc.apply_update(LAYOUT1)
    (peer,) = layout1_replicas(1)
    before = peer.doc.get_state()
    peer.apply([SetEntityField("improvements", "i1", "friction_ids", ["x2"])])  # converts
    update = peer.doc.get_update(before)
    assert guard.check_update(update) is None
    room.doc.apply_update(update)
    for text, fine in (('["x1"]', True), ('["x1","x1"]', False), ("[x1", False)):
        doc = Doc()
        doc.apply_update(room.doc.get_update())
        doc.get("improvements", type=Map)["i2"]["friction_ids"] = text
        refused = guard.check_update(doc.get_update(room.doc.get_state()))
        assert (refused is None) == fine, (text, refused)
        if fine:
            room.doc.apply_update(doc.get_update(room.doc.get_state()))  # as the room does


def test_a_layout_2_seed_of_the_same_file_starts_another_history():
    """Sharing the file again into a layout-1 room made from it is not a merge (the items
    differ): the history differs, and the server sends the sharer to join instead."""
    (live,) = layout1_replicas(1)
    assert seed_update(load_blueprint(DATA / "layout1.blueprint")).history != history_of(live.doc)
