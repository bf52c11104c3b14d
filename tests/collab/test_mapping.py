"""The document layout: a deterministic seed, a faithful round trip, the repair rule."""

from __future__ import annotations

import subprocess
import sys

from pycrdt import Doc, Map

from blueprint.collab.guard import UpdateGuard
from blueprint.collab.mapping import LiveDoc, seed_update
from blueprint.collab.primitives import (
    InsertEntity,
    MoveEntity,
    RemoveEntity,
    SetEntityField,
    changes_between,
)
from blueprint.model import Friction, document_problems
from blueprint.storage import dumps_blueprint, load_blueprint
from tests.factories import small_blueprint

from .conftest import ROOT_SAMPLE


def replicas(blueprint, count=2) -> list[LiveDoc]:
    seed = seed_update(blueprint)
    made = []
    for _ in range(count):
        live = LiveDoc()
        live.doc.apply_update(seed.update)
        made.append(live)
    return made


def exchange(*docs: LiveDoc) -> None:
    for target in docs:
        for source in docs:
            target.doc.apply_update(source.doc.get_update(target.doc.get_state()))


def test_every_sample_round_trips_through_the_shared_document(sample_path):
    blueprint = load_blueprint(sample_path)
    (live,) = replicas(blueprint, 1)
    assert dumps_blueprint(live.view()) == dumps_blueprint(blueprint)


def test_two_independent_loads_of_a_file_give_the_same_yjs_update():
    code = (
        "import hashlib, sys; from blueprint.collab.mapping import seed_update; "
        "from blueprint.storage import load_blueprint; "
        "print(hashlib.sha256(seed_update(load_blueprint(sys.argv[1])).update).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code, str(ROOT_SAMPLE)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for _ in range(2)
    }
    assert len(digests) == 1
    # ... so merging the two doubles nothing.
    a, b = replicas(load_blueprint(ROOT_SAMPLE))
    exchange(a, b)
    assert dumps_blueprint(a.view()) == ROOT_SAMPLE.read_bytes()


def test_a_friction_added_to_a_touchpoint_someone_removed_goes_with_it_until_undone():
    ann, bob = replicas(small_blueprint())
    tp = ann.view().touchpoints[0]
    frictions_before = len(ann.view().frictions)
    ann.apply([RemoveEntity("touchpoints", tp.id)])
    bob.apply([InsertEntity("frictions", 0, Friction(title="Slow", touchpoint_id=tp.id))])
    exchange(ann, bob)
    for live in (ann, bob):
        view = live.view()
        assert tp.id not in {t.id for t in view.touchpoints}
        assert "Slow" not in {f.title for f in view.frictions}
        assert document_problems(view) == []
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    # Undoing the removal brings back the touchpoint, and the friction point with it.
    ann.apply([InsertEntity("touchpoints", 0, tp)])
    exchange(ann, bob)
    assert "Slow" in {f.title for f in bob.view().frictions}
    assert len(bob.view().frictions) >= frictions_before


def test_two_people_reordering_and_renaming_stages_agree():
    ann, bob = replicas(small_blueprint())
    first, second = ann.view().stages[:2]
    ann.apply([MoveEntity("stages", first.id, 1)])
    bob.apply([MoveEntity("stages", second.id, 0), SetEntityField("stages", first.id, "name", "X")])
    ann.apply([SetEntityField("stages", second.id, "name", "x ")])
    exchange(ann, bob)
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())
    names = [s.name for s in ann.view().stages]
    assert len({n.strip().casefold() for n in names}) == len(names)
    assert any(n.endswith(" (2)") for n in names)


def test_remote_changes_become_the_editors_primitives():
    ann, bob = replicas(small_blueprint())
    before = bob.view()
    tp = before.touchpoints[0]
    ann.apply(
        [
            SetEntityField("touchpoints", tp.id, "epic.easy", 5),
            RemoveEntity("flows", before.flows[0].id),
        ]
    )
    exchange(ann, bob)
    changes = changes_between(before, bob.view())
    assert RemoveEntity("flows", before.flows[0].id) in changes
    assert any(
        isinstance(c, SetEntityField) and c.entity_id == tp.id and c.path == "epic" for c in changes
    )


def test_the_guard_refuses_what_would_break_an_entity_and_keeps_what_is_fine():
    (room,) = replicas(small_blueprint(), 1)
    guard = UpdateGuard(room.doc)
    (peer,) = replicas(small_blueprint(), 1)
    before = peer.doc.get_state()
    friction = peer.view().frictions[0]
    peer.apply([SetEntityField("frictions", friction.id, "severity", 4)])
    good = peer.doc.get_update(before)
    assert guard.check_update(good) is None
    room.doc.apply_update(good)  # as the room does with what the guard lets through

    hostile = Doc()
    hostile.apply_update(room.doc.get_update())
    hostile.get("frictions", type=Map)[friction.id]["severity"] = 99
    assert "severity" in guard.check_update(hostile.get_update(room.doc.get_state()))
    assert guard.check(b"\x00\x09") is not None
    assert guard.check(b"") is not None
    # The refused update left the shadow as the room is: a fine update still passes.
    before = peer.doc.get_state()
    peer.apply([SetEntityField("frictions", friction.id, "severity", 1)])
    assert guard.check_update(peer.doc.get_update(before)) is None
