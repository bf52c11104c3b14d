"""Layout 3: a removed entity keeps its Map, marked, so nothing written to it meanwhile is lost.

``data/layout2.yupdate`` is a real layout-2 room (made by the layout-2 code,
``data/make_layout2.py``): two editors' links, a rename, a flow and a touchpoint deleted the
layout-2 way; ``data/layout2.expected.blueprint`` is what a layout-2 editor read from it.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from pycrdt import Map, UndoManager
from websockets.asyncio.server import serve

from blueprint.collab.guard import UpdateGuard
from blueprint.collab.layout import LAYOUT_VERSION, REMOVED, ROOTS
from blueprint.collab.mapping import LiveDoc
from blueprint.collab.primitives import RemoveEntity, SetEntityField
from blueprint.collab.session import LiveSession, StatusChanged, User
from blueprint.model import document_problems
from blueprint.storage import dumps_blueprint
from tests.factories import small_blueprint

from .conftest import TOKEN, wait_until
from .test_mapping import exchange, replicas

DATA = Path(__file__).resolve().parent / "data"
LAYOUT2 = (DATA / "layout2.yupdate").read_bytes()


def undo_of(live: LiveDoc, origin: str) -> UndoManager:
    """The undo of one user's edits, as a live session keeps it."""
    undo = UndoManager(
        scopes=[live.doc.get(name, type=Map) for name in ROOTS if name != "meta"],
        capture_timeout_millis=0,
    )
    undo.include_origin(origin)
    return undo


def touchpoint(live: LiveDoc, entity_id: str):
    found = [t for t in live.view().touchpoints if t.id == entity_id]
    return found[0] if found else None


def test_an_edit_made_while_someone_removed_the_card_comes_back_when_they_undo():
    ann, bob = replicas(small_blueprint())
    undo = undo_of(ann, "ann")
    tp = ann.view().touchpoints[0]
    frictions = [f.title for f in ann.view().frictions if f.touchpoint_id == tp.id]
    assert frictions  # the card has friction that goes with it
    ann.apply([RemoveEntity("touchpoints", tp.id)], origin="ann")
    bob.apply([SetEntityField("touchpoints", tp.id, "title", "Bob's title")])
    exchange(ann, bob)
    for live in (ann, bob):
        assert touchpoint(live, tp.id) is None  # a removal wins
        assert document_problems(live.view()) == []
    assert undo.undo()
    exchange(ann, bob)
    for live in (ann, bob):
        assert touchpoint(live, tp.id).title == "Bob's title"
        assert [f.title for f in live.view().frictions if f.touchpoint_id == tp.id] == frictions
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())


def test_a_card_two_people_removed_stays_removed_until_both_undo():
    ann, bob = replicas(small_blueprint())
    undos = {"ann": undo_of(ann, "ann"), "bob": undo_of(bob, "bob")}
    tp = ann.view().touchpoints[0]
    ann.apply([RemoveEntity("touchpoints", tp.id)], origin="ann")
    bob.apply([RemoveEntity("touchpoints", tp.id)], origin="bob")
    exchange(ann, bob)
    assert undos["ann"].undo()
    exchange(ann, bob)
    assert touchpoint(ann, tp.id) is None and touchpoint(bob, tp.id) is None
    assert undos["bob"].undo()
    exchange(ann, bob)
    assert touchpoint(ann, tp.id) == tp == touchpoint(bob, tp.id)


def test_a_removed_entity_cannot_be_edited_or_removed_again():
    (ann,) = replicas(small_blueprint(), 1)
    tp = ann.view().touchpoints[0]
    assert ann.apply([RemoveEntity("touchpoints", tp.id)]) == []
    later = [SetEntityField("touchpoints", tp.id, "title", "x"), RemoveEntity("touchpoints", tp.id)]
    assert ann.apply(later) == later  # both skipped: it is not there
    marks = [k for k in ann.roots["touchpoints"][tp.id] if k.startswith(REMOVED)]
    assert marks == [f"{REMOVED}{ann.doc.client_id}"]


def test_the_server_takes_a_removal_and_an_edit_of_a_removed_entity():
    ann, bob = replicas(small_blueprint())
    guard = UpdateGuard(ann.doc)
    tp = ann.view().touchpoints[0]
    before = bob.doc.get_state()
    bob.apply([RemoveEntity("touchpoints", tp.id)])
    assert guard.check_update(bob.doc.get_update(before)) is None


def test_a_layout_2_room_reads_as_a_layout_2_editor_read_it():
    live = LiveDoc()
    live.doc.apply_update(LAYOUT2)
    assert LAYOUT_VERSION == 3 and live.meta["layout"] == 2
    assert dumps_blueprint(live.view()) == (DATA / "layout2.expected.blueprint").read_bytes()


def test_a_removal_in_a_layout_2_room_is_marked_and_undone_with_the_edits_meanwhile():
    ann, bob = LiveDoc(), LiveDoc()
    for live in (ann, bob):
        live.doc.apply_update(LAYOUT2)
    undo = undo_of(ann, "ann")
    tp = ann.view().touchpoints[0]
    ann.apply([RemoveEntity("touchpoints", tp.id)], origin="ann")
    bob.apply([SetEntityField("touchpoints", tp.id, "notes", "Bob's note")])
    exchange(ann, bob)
    assert touchpoint(bob, tp.id) is None
    assert undo.undo()
    exchange(ann, bob)
    assert touchpoint(bob, tp.id).notes == "Bob's note"
    assert dumps_blueprint(ann.view()) == dumps_blueprint(bob.view())


def test_an_editor_refuses_a_server_of_an_older_layout():
    """A server that does not say it shares layout 3 may let editors of layout 2 in, who
    would show what this editor removes: the editor says so and does not join."""
    told: list[StatusChanged] = []
    started = threading.Event()
    stop = threading.Event()
    port: list[int] = []

    async def older_server() -> None:
        async def handler(websocket) -> None:
            await websocket.wait_closed()

        async with serve(handler, "127.0.0.1", 0) as server:
            port.append(server.sockets[0].getsockname()[1])
            started.set()
            while not stop.is_set():
                await asyncio.sleep(0.05)

    thread = threading.Thread(target=lambda: asyncio.run(older_server()), daemon=True)
    thread.start()
    assert started.wait(20)
    session = LiveSession(
        f"ws://127.0.0.1:{port[0]}",
        "workshop",
        TOKEN,
        User("Ann"),
        lambda event: told.append(event) if isinstance(event, StatusChanged) else None,
        share=small_blueprint(),
    )
    session.start()
    try:
        wait_until(lambda: session.status == "refused", what="the refusal")
    finally:
        session.close()
        stop.set()
        thread.join(20)
    details = [event.detail for event in told if event.status == "refused"]
    assert details == ["the server is of an older blueprint than this editor: update the server"]
