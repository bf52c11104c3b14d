"""A room nobody is in leaves the server's memory, and loses nothing by it: a server that
hosts workshop after workshop holds only the rooms in use."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pycrdt import Map

from blueprint.collab.client import RoomClient, Timing
from blueprint.collab.mapping import LiveDoc
from blueprint.collab.primitives import SetEntityField
from blueprint.collab.server import CollabServer
from tests.factories import small_blueprint

TOKEN = "a-test-token-0123456789"
TIMING = Timing(first_retry=0.1, longest_retry=0.5, awareness_timeout=2.0, open_timeout=5.0)
#: Waits for the network and the server's sweeps, never timed: generous.
WAIT = 60.0


async def _until(check, what: str) -> None:
    async def poll() -> None:
        while not check():
            await asyncio.sleep(0.05)

    try:
        await asyncio.wait_for(poll(), WAIT)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


async def _visit(url: str, live: LiveDoc) -> None:
    """Join the room with ``live``, wait for the first sync, leave."""
    client = RoomClient(live, url, "workshop", TOKEN, timing=TIMING)
    runner = asyncio.create_task(client.run())
    await asyncio.wait_for(client.synced.wait(), WAIT)
    return client, runner


def _held(server: CollabServer) -> str:
    """The touchpoints the server holds for the room, as Yjs JSON text."""
    return str(server.rooms["workshop"].room.ydoc.get("touchpoints", type=Map))


async def _scenario(store: Path) -> tuple[str, str, int]:
    blueprint = small_blueprint()
    touchpoint = blueprint.touchpoints[0]
    async with CollabServer(store, TOKEN, port=0, idle_room_timeout=0.4) as server:
        url = f"ws://127.0.0.1:{server.port}"
        sharer = LiveDoc()
        sharer.load(blueprint)
        client, runner = await _visit(url, sharer)
        sharer.apply([SetEntityField("touchpoints", touchpoint.id, "title", "Edited live")])
        await _until(
            lambda: (
                "Edited live"
                in str(server.rooms["workshop"].room.ydoc.get("touchpoints", type=Map))
            ),
            "the edit to reach the server",
        )
        assert "workshop" in server.rooms  # in use: kept
        await client.stop()
        await runner

        await _until(lambda: "workshop" not in server.rooms, "the empty room to be put away")

        # Someone comes back later: the room is loaded again from the store, edit and all.
        later = LiveDoc()
        client, runner = await _visit(url, later)
        title = later.view().touchpoints[0].title
        rooms_while_in = len(server.rooms)
        await client.stop()
        await runner
    return title, later.history, rooms_while_in


def test_an_empty_room_is_put_away_and_comes_back_whole(tmp_path):
    title, history, rooms_while_in = asyncio.run(_scenario(tmp_path / "store"))
    assert title == "Edited live"
    assert history  # the same history as the shared blueprint's: nothing reloaded, nothing doubled
    assert rooms_while_in == 1
