"""A blueprint peer in a process of its own, driven by JSON lines on stdin (tests only).

    python tests/collab/peer.py SERVER ROOM TOKEN NAME [SHARE.blueprint]

Each command line gets one JSON answer line: {"ok": ...} or {"error": "..."}.
"""

from __future__ import annotations

import json
import sys
import time

from blueprint.collab.client import Timing
from blueprint.collab.layout import MODELS
from blueprint.collab.primitives import (
    InsertEntity,
    MoveEntity,
    PlaceTouchpoint,
    RemoveEntity,
    SetEntityField,
)
from blueprint.collab.session import (
    GoneWithRemoval,
    LiveSession,
    OfflineEditsMerged,
    Reloaded,
    StatusChanged,
    User,
)
from blueprint.storage import dumps_blueprint, load_blueprint

TIMING = Timing(first_retry=0.1, longest_retry=0.5, awareness_timeout=2.0, open_timeout=5.0)


def primitive(spec: list):
    op, *args = spec
    if op == "set":
        return SetEntityField(*args)
    if op == "insert":
        kind, index, data = args
        return InsertEntity(kind, index, MODELS[kind].model_validate(data))
    if op == "remove":
        return RemoveEntity(*args)
    if op == "move":
        return MoveEntity(*args)
    if op == "place":
        return PlaceTouchpoint(*args)
    raise ValueError(op)


def main() -> None:
    server, room, token, name, *rest = sys.argv[1:]
    share = load_blueprint(rest[0]) if rest else None
    told: list[str] = []

    def listen(event) -> None:
        if isinstance(event, OfflineEditsMerged):
            told.append(f"merged {event.edits}")
            told.extend(f"gone {kind} {name} (with the merge)" for kind, _id, name in event.gone)
        if isinstance(event, GoneWithRemoval):
            told.extend(f"gone {kind} {name}" for kind, _id, name in event.gone)
        elif isinstance(event, Reloaded):
            told.append(f"reloaded {event.kept}")
        elif isinstance(event, StatusChanged) and event.status == "refused":
            told.append(f"refused: {event.detail}")

    session = LiveSession(server, room, token, User(name), listen, share=share, timing=TIMING)
    session.start()
    for line in sys.stdin:
        command = json.loads(line)
        try:
            answer = run(session, command, told)
        except Exception as error:
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer), flush=True)
        if command["cmd"] == "quit":
            break
    session.close()


def run(session: LiveSession, command: dict, told: list[str]) -> dict:
    cmd = command["cmd"]
    if cmd == "edit":
        skipped = session.edit([primitive(p) for p in command["primitives"]])
        return {"ok": len(skipped)}
    if cmd == "undo":
        return {"ok": session.undo()}
    if cmd == "redo":
        return {"ok": session.redo()}
    if cmd == "select":
        session.set_selection(command["ids"])
        return {"ok": True}
    if cmd == "synced":
        return {"ok": session.wait_synced(command.get("timeout", 20))}
    if cmd == "state":
        blueprint = session.blueprint
        return {
            "ok": {
                "file": dumps_blueprint(blueprint).decode() if blueprint else "",
                "status": session.status,
                "peers": sorted(p.name for p in session.peers),
                "selections": {p.name: list(p.selection) for p in session.peers},
                "told": told,
                "time": time.time(),
            }
        }
    if cmd == "quit":
        return {"ok": True}
    raise ValueError(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
