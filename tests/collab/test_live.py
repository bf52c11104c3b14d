"""A real server and peers in processes of their own, over loopback: what users notice."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

from pycrdt import Awareness, create_update_message
from pycrdt._sync import create_sync_step2_message
from websockets.asyncio.client import connect

from blueprint.collab.protocol import room_url
from blueprint.storage import dumps_blueprint, loads_blueprint

from .conftest import ROOT_SAMPLE, TOKEN, Peer, ServerProcess, wait_until

SAMPLE = ROOT_SAMPLE


def titles(peer) -> dict[str, str]:
    bp = loads_blueprint(peer.file().encode())
    return {t.id: t.title for t in bp.touchpoints}


def first_touchpoint(peer):
    return loads_blueprint(peer.file().encode()).touchpoints[0]


def ann_shares_bob_joins(live) -> tuple[Peer, Peer]:
    """Ann shares the sample, Bob joins the room; both synced."""
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    bob = live["peer"]("Bob")
    assert bob.ask("synced")
    return ann, bob


def test_edits_and_presence_travel_and_undo_is_per_user(live):
    ann, bob = ann_shares_bob_joins(live)
    wait_until(lambda: bob.file() == ann.file(), what="Bob to receive the shared blueprint")
    tp = first_touchpoint(ann)

    ann.edit(["set", "touchpoints", tp.id, "title", "Ann's title"])
    wait_until(lambda: titles(bob)[tp.id] == "Ann's title", what="Ann's edit at Bob's")
    bob.edit(["set", "touchpoints", tp.id, "notes", "Bob's note"])
    wait_until(lambda: "Bob's note" in ann.file(), what="Bob's edit at Ann's")

    # Presence: names and selections.
    ann.ask("select", ids=[tp.id])
    wait_until(lambda: bob.state()["selections"].get("Ann") == [tp.id], what="Ann's selection")
    assert bob.state()["peers"] == ["Ann"]

    # Ann's undo takes back Ann's edit, not Bob's.
    assert ann.ask("undo")
    wait_until(lambda: titles(bob)[tp.id] == tp.title, what="Ann's undo at Bob's")
    bp = loads_blueprint(bob.file().encode())
    assert bp.touchpoints[0].notes == "Bob's note"
    assert ann.ask("redo")
    wait_until(lambda: titles(bob)[tp.id] == "Ann's title", what="Ann's redo at Bob's")

    # Presence of a peer that dies without a goodbye disappears for the others.
    bob.kill()
    wait_until(lambda: ann.state()["peers"] == [], what="Bob's presence to go")


def test_an_offline_peer_catches_up_and_is_told(live):
    server = live["server"]
    ann, bob = ann_shares_bob_joins(live)
    tp = first_touchpoint(ann)
    server.kill()  # everyone is offline now
    wait_until(lambda: bob.state()["status"] != "online", what="Bob to notice")
    bob.edit(["set", "touchpoints", tp.id, "title", "Offline by Bob"])
    ann.edit(["set", "touchpoints", tp.id, "notes", "Offline by Ann"])
    server.start()  # same port, same store
    wait_until(
        lambda: ann.file() == bob.file() and "Offline by Bob" in ann.file(),
        what="both offline edits merged",
    )
    assert "Offline by Ann" in bob.file()
    wait_until(lambda: any(t.startswith("merged") for t in bob.state()["told"]), what="told")


def test_a_comment_made_offline_on_a_card_removed_meanwhile_is_said_gone_with_it(live):
    """Bob commented offline on a card Ann removed: the comment went with the card, and
    Bob was told everything he did offline was merged."""
    server = live["server"]
    ann, bob = ann_shares_bob_joins(live)
    tp = first_touchpoint(ann)
    server.kill()
    wait_until(lambda: "online" not in (ann.state()["status"], bob.state()["status"]))
    ann.edit(["remove", "touchpoints", tp.id])
    comment = {
        "id": "c-offline",
        "about_id": tp.id,
        "author": "Bob",
        "at": "2026-12-07T10:00:00+00:00",
        "text": "Is this step still needed?",
    }
    bob.edit(["insert", "comments", 0, comment])
    server.start()
    wait_until(lambda: ann.file() == bob.file(), what="the two to agree")
    # With the merge or after it (whoever is back first), never before it: hidden then.
    wait_until(
        lambda: any(
            t.startswith("gone comments Is this step still needed?") for t in bob.state()["told"]
        ),
        what="Bob to be told his comment went with the card",
    )
    assert "gone" not in " ".join(ann.state()["told"])  # Ann removed it herself


def test_a_killed_server_loses_nothing_and_duplicates_nothing(live, tmp_path):
    server = live["server"]
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    tp = first_touchpoint(ann)
    ann.edit(["set", "touchpoints", tp.id, "title", "Before the crash"])
    bob = live["peer"]("Bob")
    assert bob.ask("synced")
    wait_until(lambda: "Before the crash" in bob.file(), what="the edit at Bob's")
    before = ann.file()
    server.kill()
    server.start()
    # A newcomer sees everything from the store alone ...
    carol = live["peer"]("Carol")
    assert carol.ask("synced")
    assert carol.file() == before
    # ... and the old peers, reconnecting with their old state, double nothing.
    wait_until(lambda: ann.state()["status"] == "online" and bob.state()["status"] == "online")
    ann.edit(["set", "touchpoints", tp.id, "notes", "after the restart"])
    wait_until(lambda: "after the restart" in carol.file(), what="a new edit")
    for peer in (ann, bob, carol):
        wait_until(lambda p=peer: p.file() == carol.file(), what=f"{peer.name} to converge")
    bp = loads_blueprint(carol.file().encode())
    original = loads_blueprint(SAMPLE.read_bytes())
    assert len(bp.touchpoints) == len(original.touchpoints)
    assert len(bp.frictions) == len(original.frictions)


def test_a_wrong_token_is_refused(live):
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    mallory = live["peer"]("Mallory", token="not-the-token")
    wait_until(lambda: mallory.state()["status"] == "refused", what="the refusal")
    assert "token" in mallory.state()["told"][0]
    assert loads_blueprint(mallory.file().encode()).touchpoints == []  # nothing reached it
    log = live["server"].stop()
    assert "refused a connection" in log
    assert TOKEN not in log and "not-the-token" not in log


def test_joining_a_room_nobody_shared_is_refused_and_makes_no_room(live):
    """A mistyped room ('aa' for 'a') was made on the spot: the joiner got an empty
    blueprint in place of theirs and the server kept an empty room."""
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    bob = live["peer"]("Bob", room="worskhop")
    wait_until(lambda: bob.state()["status"] == "refused", what="the refusal")
    assert "the server has no room 'worskhop'" in bob.state()["told"][0]
    carol = live["peer"]("Carol")  # the room Ann shares
    assert carol.ask("synced")
    log = live["server"].stop()
    assert "room worskhop opened" not in log


def test_a_rename_made_while_the_card_was_removed_comes_back_with_the_undo(live):
    """Ann removes a card while Bob, not yet told, renames it; the removal wins, and when
    Ann undoes it the card comes back with Bob's title (layout 2 brought it back broken:
    hidden, with its friction points)."""
    ann, bob = ann_shares_bob_joins(live)
    wait_until(lambda: bob.file() == ann.file(), what="Bob to receive the shared blueprint")
    tp = first_touchpoint(ann)
    live["server"].kill()  # both edit at once, neither hearing of the other's edit
    wait_until(lambda: "online" not in (ann.state()["status"], bob.state()["status"]))
    ann.edit(["remove", "touchpoints", tp.id])
    bob.edit(["set", "touchpoints", tp.id, "title", "Bob's title"])
    live["server"].start()
    wait_until(lambda: ann.file() == bob.file(), what="the two to agree")
    assert tp.id not in titles(bob)
    assert ann.ask("undo")
    wait_until(lambda: tp.id in titles(bob), what="Ann's undo at Bob's")
    assert titles(bob)[tp.id] == "Bob's title"
    wait_until(lambda: ann.file() == bob.file(), what="the two to agree")


def test_an_editor_of_an_older_layout_is_refused_and_told_why(live):
    """An editor of layout 2 would show entities that layout 3 marks removed: the server
    turns away a connection that does not say it reads layout 3, with HTTP 426."""
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    url = room_url(live["server"].url, "workshop", TOKEN)
    for older in (url.replace("layout=3", "layout=2"), url.replace("&layout=3", "")):
        status, layout, body = asyncio.run(_refusal(older))
        assert status == 426
        assert layout == "3"
        assert "update blueprint" in body
    assert "an older layout" in live["server"].stop()


async def _refusal(url: str) -> tuple[int, str, str]:
    from websockets.exceptions import InvalidStatus

    try:
        async with connect(url, proxy=None, compression=None):
            pass
    except InvalidStatus as error:
        response = error.response
        layout = response.headers.get("X-Blueprint-Layout", "")
        return response.status_code, layout, response.body.decode()
    raise AssertionError("the server took the connection")


def test_malformed_messages_leave_the_server_serving(live):
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    url = room_url(live["server"].url, "workshop", TOKEN)
    asyncio.run(_send_garbage(url, 200))
    tp = first_touchpoint(ann)
    ann.edit(["set", "touchpoints", tp.id, "title", "Still working"])
    bob = live["peer"]("Bob")
    assert bob.ask("synced")
    wait_until(lambda: "Still working" in bob.file(), what="the room to go on")
    assert bob.file() == ann.file()
    loads_blueprint(bob.file().encode())  # valid
    assert live["server"].stop().count("refused a message") >= 200


async def _send_garbage(url: str, count: int) -> None:
    rng = __import__("random").Random(20)
    hostile = [
        create_update_message(b"\x01\x02\x03"),
        create_sync_step2_message(os.urandom(50)),
        b"",
        b"\x00",
        b"\x07\x00",
        b"\x01\xff\xff\xff\xff\x0f",
        b"\x00\x02\x05abc",
    ]
    hostile.append(_hostile_entity_update())
    async with connect(url, proxy=None, compression=None) as websocket:
        for index in range(count):
            if index < len(hostile):
                message = hostile[index]
            else:
                message = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 80)))
                if index % 3 == 0:
                    message = b"\x00\x02" + message
            await websocket.send(message)
        await websocket.send("text is not the protocol")
        await asyncio.sleep(0.5)


def _hostile_entity_update() -> bytes:
    """A well-formed Yjs update that puts an impossible severity on a friction point."""
    from pycrdt import Doc, Map

    doc = Doc()
    doc.get("frictions", type=Map)["evil"] = Map(
        {"title": "x", "touchpoint_id": "t", "severity": 99}
    )
    return create_update_message(doc.get_update())


def test_a_room_rebuilt_from_the_same_file_doubles_nothing(live, tmp_path):
    """The JupyterLab failure: the store is lost, the room rebuilt from the file, and the
    peers reconnect holding their old state."""
    server = live["server"]
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    server.kill()
    for item in server.store.iterdir():
        if item.name != "token":
            item.unlink()
    server.start()
    dave = live["peer"]("Dave", share=SAMPLE)  # rebuilds the room from the file
    assert dave.ask("synced")
    wait_until(lambda: ann.state()["status"] == "online", what="Ann to reconnect")
    tp = first_touchpoint(ann)
    dave.edit(["set", "touchpoints", tp.id, "title", "After the rebuild"])
    wait_until(lambda: "After the rebuild" in ann.file(), what="the edit at Ann's")
    assert ann.file() == dave.file()
    assert len(loads_blueprint(ann.file().encode()).touchpoints) == len(
        loads_blueprint(SAMPLE.read_bytes()).touchpoints
    )
    assert json.loads(ann.file()) == json.loads(dave.file())
    assert Path(SAMPLE).exists()


def test_a_room_rebuilt_from_another_file_is_reloaded_with_the_offline_edits(live, tmp_path):
    server = live["server"]
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    original = loads_blueprint(SAMPLE.read_bytes())
    tp = original.touchpoints[0]
    server.kill()
    for item in server.store.iterdir():
        item.unlink()
    ann.edit(["set", "touchpoints", tp.id, "title", "Ann, offline"])
    # Meanwhile the room is rebuilt elsewhere from a changed copy of the file.
    changed = original.model_copy(update={"title": "The changed copy"})
    copy = tmp_path / "changed.blueprint"
    copy.write_bytes(dumps_blueprint(changed))
    elsewhere = ServerProcess(server.store, server.token_file)
    elsewhere.start()
    dave = Peer(elsewhere.url, "workshop", "Dave", copy)
    try:
        assert dave.ask("synced")
    finally:
        dave.close()
        elsewhere.stop()
        elsewhere.kill()
    server.start()  # Ann's server again, now holding the changed copy's history
    wait_until(lambda: any(t.startswith("reloaded") for t in ann.state()["told"]), what="reload")
    wait_until(lambda: ann.state()["status"] == "online", what="Ann back online")
    bob = live["peer"]("Bob")
    assert bob.ask("synced")
    wait_until(lambda: "Ann, offline" in bob.file(), what="Ann's offline edit in the room")
    wait_until(lambda: bob.file() == ann.file(), what="convergence")
    result = loads_blueprint(bob.file().encode())
    assert result.title == "The changed copy"
    assert len(result.touchpoints) == len(original.touchpoints)  # nothing doubled


def test_a_silent_peer_disappears_after_the_awareness_timeout(live):
    ann = live["peer"]("Ann", share=SAMPLE)
    assert ann.ask("synced")
    asyncio.run(_silent_ghost(room_url(live["server"].url, "workshop", TOKEN), ann))


async def _silent_ghost(url: str, ann) -> None:
    from pycrdt import Doc

    from blueprint.collab.protocol import awareness_message

    ghost = Awareness(Doc())
    ghost.set_local_state({"user": {"name": "Ghost", "color": "#000000"}, "selection": []})
    async with connect(url, proxy=None, compression=None) as websocket:
        update = ghost.encode_awareness_update([ghost.client_id])
        await websocket.send(awareness_message(update))
        # Seen, then gone while the connection stays open and silent.
        await asyncio.to_thread(
            wait_until, lambda: "Ghost" in ann.state()["peers"], 60, "the ghost to appear"
        )
        await asyncio.to_thread(
            wait_until, lambda: "Ghost" not in ann.state()["peers"], 60, "the ghost to vanish"
        )


def at_once(*orders: tuple[Peer, list]) -> None:
    """Each peer's edit, all sent before any answer is awaited: the edits are made at the
    same moment, before either reaches the other."""
    for peer, primitives in orders:
        peer.process.stdin.write(json.dumps({"cmd": "edit", "primitives": primitives}) + "\n")
        peer.process.stdin.flush()
    for peer, _ in orders:
        answer = json.loads(peer.process.stdout.readline())
        assert "ok" in answer, answer


def improvement(peer, improvement_id: str):
    bp = loads_blueprint(peer.file().encode())
    return next(i for i in bp.improvements if i.id == improvement_id)


def test_two_people_linking_at_once_both_see_both_links(live):
    server = live["server"]
    ann, bob = ann_shares_bob_joins(live)
    wait_until(lambda: bob.file() == ann.file(), what="Bob to receive the shared blueprint")
    bp = loads_blueprint(ann.file().encode())
    target = bp.improvements[1]
    free = [f.id for f in bp.frictions if f.id not in target.friction_ids]
    ids = list(target.friction_ids)

    def linking(friction: str) -> list:
        # As the editor sends it: the new list, and the list it replaced.
        return ["set", "improvements", target.id, "friction_ids", [*ids, friction], ids]

    # Online, at the same moment.
    at_once((ann, [linking(free[0])]), (bob, [linking(free[1])]))
    both = {*ids, free[0], free[1]}
    for peer in (ann, bob):
        wait_until(
            lambda p=peer: set(improvement(p, target.id).friction_ids) == both,
            what=f"both links at {peer.name}'s",
        )
    wait_until(lambda: ann.file() == bob.file(), what="the same file")

    # Offline (the server down): certainly concurrent; a removal and an addition too.
    ids = list(improvement(ann, target.id).friction_ids)
    server.kill()
    wait_until(lambda: "online" not in (ann.state()["status"], bob.state()["status"]))
    ann.edit(["set", "improvements", target.id, "friction_ids", [*ids, free[2]], ids])
    bob.edit(["set", "improvements", target.id, "friction_ids", ids[1:], ids])
    server.start()
    expected = [*ids[1:], free[2]]
    for peer in (ann, bob):
        wait_until(
            lambda p=peer: improvement(p, target.id).friction_ids == expected,
            what=f"the merged links at {peer.name}'s",
        )
    wait_until(lambda: ann.file() == bob.file(), what="the same file")
    loads_blueprint(ann.file().encode())  # valid


LAYOUT1_DATA = Path(__file__).resolve().parent / "data"


def test_a_layout_1_room_in_the_store_opens_and_its_lists_merge(live):
    """A room the server stored from an editor of layout 1 (lists as JSON text): editors of
    layout 2 read it as layout 1 did, and two links added at once to a list still in JSON
    text both stay (both convert it into the same Yjs items)."""
    server = live["server"]
    url = room_url(server.url, "old-room", TOKEN)
    asyncio.run(_send_layout1(url, (LAYOUT1_DATA / "layout1.yupdate").read_bytes()))
    server.kill()
    server.start()  # the room now comes from the store
    expected = (LAYOUT1_DATA / "layout1.expected.blueprint").read_text()
    ann = live["peer"]("Ann", room="old-room")
    bob = live["peer"]("Bob", room="old-room")
    for peer in (ann, bob):
        assert peer.ask("synced")
        assert peer.file() == expected
    server.kill()
    wait_until(lambda: "online" not in (ann.state()["status"], bob.state()["status"]))
    ann.edit(
        ["set", "improvements", "i1", "brings_about", ["t1", "f1", "x1"]],
        ["set", "improvements", "i2", "friction_ids", ["x1"]],
    )
    bob.edit(
        ["set", "improvements", "i1", "brings_about", ["t1", "f1", "x2"]],
        ["set", "improvements", "i2", "friction_ids", ["x2"]],
    )
    server.start()
    for peer in (ann, bob):
        wait_until(
            lambda p=peer: (
                sorted(improvement(p, "i2").friction_ids) == ["x1", "x2"]
                and sorted(improvement(p, "i1").brings_about) == ["f1", "t1", "x1", "x2"]
            ),
            what=f"both links at {peer.name}'s",
        )
    wait_until(lambda: ann.file() == bob.file(), what="the same file")
    assert "refused a message" not in server.stop()


async def _send_layout1(url: str, update: bytes) -> None:
    """An editor of layout 1 brings its room to the server (as a y-websocket update)."""
    async with connect(url, proxy=None, compression=None) as websocket:
        await websocket.send(create_update_message(update))
        await asyncio.sleep(0.5)
