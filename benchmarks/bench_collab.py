"""Live collaboration on loopback: join time, edit-to-visible latency, memory, store size.

    uv run python -m benchmarks.bench_collab [--cards 2000] [--clients 10] [--edits 40]

A real ``blueprint serve`` process; the clients live in worker processes (one per core, as
many clients each as it takes), each with its own Yjs document and repaired view, as an
editor has. "Visible" means: the client's repaired blueprint shows the edit (what the
editor would draw). Numbers go to stdout as JSON; docs/performance.md keeps a run.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import multiprocessing as mp
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOKEN = "bench-token-0123456789"


def rss_mib(pid: int | None = None) -> float:
    text = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


def blueprint_for(cards: int):
    from benchmarks.generate import generate_blueprint

    return generate_blueprint(
        touchpoints=cards, frictions=3 * cards, flows=cards * 3 // 2, improvements=cards * 3 // 10
    )


def worker(server: str, clients: int, cards: int, results, ready, go, edits: int) -> None:
    asyncio.run(_worker(server, clients, cards, results, ready, go, edits))


async def _worker(server, count, cards, results, ready, go, edits) -> None:
    from blueprint.collab.client import Callbacks, RoomClient
    from blueprint.collab.mapping import LiveDoc

    base = rss_mib()
    joins, seen, runners, clients = [], {}, [], []
    for index in range(count):
        live = LiveDoc()
        marks: dict[str, float] = {}

        def changed(live=live, marks=marks) -> None:
            title = live.view().touchpoints[0].title
            if title.startswith("edit-") and title not in marks:
                marks[title] = time.time()

        client = RoomClient(live, server, "bench", TOKEN, Callbacks(remote_change=changed))
        start = time.perf_counter()
        runners.append(asyncio.create_task(client.run()))
        await client.synced.wait()
        live.view()
        joins.append(time.perf_counter() - start)
        # Each client stands for an editor of its own process: what this one holds is set
        # aside from the collector, so the next clients' collections do not walk it.
        gc.freeze()
        seen[index] = marks
        clients.append(client)
    memory = (rss_mib() - base) / count
    ready.put(1)
    while go.empty():
        await asyncio.sleep(0.05)
    deadline = time.time() + 60
    while time.time() < deadline and any(len(m) < edits for m in seen.values()):
        await asyncio.sleep(0.05)
    results.put({"joins": joins, "marks": list(seen.values()), "memory": memory})
    for client in clients:
        await client.stop()
    for runner in runners:
        await runner


async def _writer(server: str, blueprint, edits: int, spacing: float) -> dict[str, float]:
    from blueprint.collab.client import RoomClient
    from blueprint.collab.mapping import LiveDoc
    from blueprint.collab.primitives import SetEntityField

    live = LiveDoc()
    live.load(blueprint)
    client = RoomClient(live, server, "bench", TOKEN)
    runner = asyncio.create_task(client.run())
    await client.synced.wait()
    return {"live": live, "client": client, "runner": runner, "edit": SetEntityField}


def run(cards: int, clients: int, edits: int, store_edits: int) -> dict:
    blueprint = blueprint_for(cards)
    from blueprint.storage import dumps_blueprint

    file_bytes = len(dumps_blueprint(blueprint))
    with tempfile.TemporaryDirectory() as folder:
        token = Path(folder) / "token"
        token.write_text(TOKEN)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "blueprint",
                "serve",
                "--port",
                "0",
                "--store",
                str(Path(folder) / "store"),
                "--token-file",
                str(token),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            port = re.search(r":(\d+)/", server.stdout.readline()).group(1)
            url = f"ws://127.0.0.1:{port}"
            return asyncio.run(
                _measure(
                    url,
                    server,
                    blueprint,
                    file_bytes,
                    clients,
                    edits,
                    store_edits,
                    Path(folder) / "store",
                )
            )
        finally:
            server.kill()
            server.wait()
            server.stdout.close()


async def _measure(url, server, blueprint, file_bytes, clients, edits, store_edits, store):
    writer = await _writer(url, blueprint, edits, 0.1)
    live, client = writer["live"], writer["client"]
    tp = live.view().touchpoints[0]
    context = mp.get_context("spawn")
    results, ready, go = context.Queue(), context.Queue(), context.Queue()
    processes = max(1, min(os.cpu_count() or 1, clients))
    shares = [
        clients // processes + (1 if i < clients % processes else 0) for i in range(processes)
    ]
    workers = [
        context.Process(target=worker, args=(url, n, 0, results, ready, go, edits))
        for n in shares
        if n
    ]
    for process in workers:
        process.start()
    for _ in workers:
        while ready.empty():
            await asyncio.sleep(0.05)
        ready.get()
    go.put(1)
    sent = {}
    for k in range(edits):
        title = f"edit-{k}"
        sent[title] = time.time()
        live.apply([writer["edit"]("touchpoints", tp.id, "title", title)])
        await asyncio.sleep(0.15)
    outcomes = []
    for _ in workers:
        while results.empty():
            await asyncio.sleep(0.05)
        outcomes.append(results.get())
    for process in workers:
        process.join(30)
    latencies = sorted(
        (marks[title] - sent[title]) * 1000
        for outcome in outcomes
        for marks in outcome["marks"]
        for title in marks
        if title in sent
    )
    joins = [j for o in outcomes for j in o["joins"]]
    server_rss = rss_mib(server.pid)
    # The store after many edits: titles typed, one edit at a time.
    touchpoints = live.view().touchpoints
    for k in range(store_edits):
        target = touchpoints[k % len(touchpoints)]
        live.apply([writer["edit"]("touchpoints", target.id, "notes", f"note {k}")])
        if k % 200 == 0:
            await asyncio.sleep(0.01)
    await asyncio.sleep(3)
    await client.stop()
    await writer["runner"]
    db = store / "rooms.sqlite"
    return {
        "cards": len(blueprint.touchpoints),
        "clients": clients,
        "file_bytes": file_bytes,
        "join_s_median": statistics.median(joins),
        "join_s_max": max(joins),
        "join_s_each": [round(j, 3) for j in joins],  # worker by worker, in joining order
        "latency_ms_p50": _percentile(latencies, 50),
        "latency_ms_p95": _percentile(latencies, 95),
        "latency_samples": len(latencies),
        "expected_samples": clients * edits,
        "client_mib": statistics.mean(o["memory"] for o in outcomes),
        "server_mib": server_rss,
        "store_edits": store_edits,
        "store_bytes": db.stat().st_size if db.exists() else 0,
    }


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    rank = (len(values) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (rank - low)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--store-edits", type=int, default=10_000)
    args = parser.parse_args()
    print(json.dumps(run(args.cards, args.clients, args.edits, args.store_edits), indent=2))


if __name__ == "__main__":
    main()
