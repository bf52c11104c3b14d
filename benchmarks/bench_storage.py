"""Storage benchmarks: loading and saving a large blueprint file against a JSON floor.

The floor is what the standard library alone costs on the same data: ``json.loads`` of the
file's bytes (floor_parse) and ``json.dumps(indent=2, ensure_ascii=False)`` of the parsed
data encoded to UTF-8 (floor_dump). Targets: a load under 0.5 s, a load within 5x
floor_parse and a save within 5x floor_dump.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

from blueprint.model import Blueprint, document_problems
from blueprint.storage import dumps_blueprint, load_blueprint, save_blueprint
from blueprint.storage.jsonfile import parse_document

from .common import Config, Row, fresh_process_script, measure_interleaved, paired_ratio, timing_row
from .generate import generate_blueprint

GROUP = "storage"

LOAD_LIMIT_S = 0.5
LOAD_RATIO_LIMIT = 5.0
SAVE_RATIO_LIMIT = 5.0

_MIB = 2**20

#: Run in a fresh interpreter, to see the memory one load needs on its own. Linux carries the
#: ru_maxrss high-water mark across exec, so a child of this (large) runner would start at the
#: runner's mark: the child forks first, before importing anything, and the grandchild (a new
#: process whose only memory is a copy of a bare interpreter) imports blueprint and loads.
_FRESH_LOAD = fresh_process_script(
    """
    import os, sys

    def measure():
        import json, resource, time
        from blueprint.storage import load_blueprint

        def hwm_kib():
            try:
                with open("/proc/self/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            return int(line.split()[1])
            except OSError:
                pass
            return None

        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        hwm_before = hwm_kib()
        start = time.perf_counter()
        bp = load_blueprint(sys.argv[1])
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"before": before, "after": after, "seconds": seconds,
                          "hwm_before_kib": hwm_before, "hwm_after_kib": hwm_kib()}))
        sys.stdout.flush()
    """
)


def _fresh_process_load(path: Path) -> dict | None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _FRESH_LOAD, str(path)],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


def _tracemalloc_peak(path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        bp = load_blueprint(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del bp
    return peak


def _own_maxrss_mib() -> float | None:
    try:
        import resource
    except ImportError:  # not on a POSIX system
        return None
    # Linux reports KiB, macOS bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / _MIB


def run(config: Config) -> list[Row]:
    repeats = config.repeats
    bp = generate_blueprint(**config.blueprint)
    counts = (
        f"{len(bp.touchpoints)} touchpoints, {len(bp.frictions)} frictions, "
        f"{len(bp.flows)} flows, {len(bp.improvements)} improvements"
    )
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-") as folder:
        path = Path(folder) / "large.blueprint"
        save_blueprint(bp, path)
        data = path.read_bytes()
        parsed = json.loads(data)
        loaded = load_blueprint(path)

        timings = measure_interleaved(
            {
                "floor_parse": lambda: json.loads(data),
                "floor_dump": lambda: json.dumps(parsed, indent=2, ensure_ascii=False).encode(
                    "utf-8"
                ),
                "load": lambda: load_blueprint(path),
                "parse_document": lambda: parse_document(data),
                "model_validate": lambda: Blueprint.model_validate(parsed),
                "document_problems": lambda: document_problems(loaded),
                "save": lambda: save_blueprint(loaded, path),
                "dumps": lambda: dumps_blueprint(loaded),
            },
            repeats,
        )
        peak = _tracemalloc_peak(path)
        fresh = _fresh_process_load(path)

    floor_parse, floor_dump = timings["floor_parse"], timings["floor_dump"]
    load, save, dumps = timings["load"], timings["save"], timings["dumps"]
    size_mib = len(data) / _MIB
    rows.append(Row(GROUP, "file size", size_mib, "MiB", note=counts))
    rows.append(timing_row(GROUP, "floor_parse", floor_parse, note="json.loads(file bytes)"))
    rows.append(
        timing_row(
            GROUP,
            "floor_dump",
            floor_dump,
            note="json.dumps(parsed, indent=2, ensure_ascii=False).encode('utf-8')",
        )
    )
    rows.append(
        timing_row(
            GROUP,
            "load",
            load,
            note="load_blueprint(path): read, parse_document, model_validate, whole-document "
            "checks (missing_ids, document_problems)",
            target=f"< {LOAD_LIMIT_S} s",
            passed=load.median < LOAD_LIMIT_S,
        )
    )
    rows.append(
        timing_row(
            GROUP,
            "  parse_document",
            timings["parse_document"],
            note="decode, json.loads with checks, lone-surrogate scan (part of load)",
        )
    )
    rows.append(
        timing_row(
            GROUP,
            "  model_validate",
            timings["model_validate"],
            note="Blueprint.model_validate(dict)",
        )
    )
    rows.append(timing_row(GROUP, "  document_problems", timings["document_problems"]))
    rows.append(
        timing_row(
            GROUP,
            "save",
            save,
            note="save_blueprint: dumps_blueprint + atomic write with fsync (file and folder)",
        )
    )
    rows.append(timing_row(GROUP, "  dumps_blueprint", dumps))
    rows.append(
        Row(
            GROUP,
            "load / floor_parse",
            load.median / floor_parse.median,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(load, floor_parse):.2f}x",
            target=f"<= {LOAD_RATIO_LIMIT:g}x",
            passed=load.median <= LOAD_RATIO_LIMIT * floor_parse.median,
        )
    )
    rows.append(
        Row(
            GROUP,
            "save / floor_dump",
            save.median / floor_dump.median,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(save, floor_dump):.2f}x",
            target=f"<= {SAVE_RATIO_LIMIT:g}x",
            passed=save.median <= SAVE_RATIO_LIMIT * floor_dump.median,
        )
    )
    rows.append(Row(GROUP, "dumps / floor_dump", dumps.median / floor_dump.median, "x"))
    rows.append(
        Row(
            GROUP,
            "load peak (tracemalloc)",
            peak / _MIB,
            "MiB",
            note="peak of Python allocations during one load_blueprint, in this process",
        )
    )
    if fresh is not None:
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
        before, after = fresh["before"] * scale / _MIB, fresh["after"] * scale / _MIB
        rows.append(
            Row(
                GROUP,
                "load ru_maxrss (fresh process)",
                after,
                "MiB",
                note=f"ru_maxrss after importing blueprint {before:.1f} MiB, after one load "
                f"{after:.1f} MiB: the load added {after - before:.1f} MiB",
            )
        )
        if fresh.get("hwm_after_kib") is not None:
            rows.append(
                Row(
                    GROUP,
                    "load VmHWM (fresh process)",
                    fresh["hwm_after_kib"] / 1024,
                    "MiB",
                    note=f"Linux peak RSS cross-check; after imports "
                    f"{fresh['hwm_before_kib'] / 1024:.1f} MiB",
                )
            )
        rows.append(
            Row(
                GROUP,
                "load, first in a fresh process",
                fresh["seconds"],
                "s",
                note="one cold load_blueprint right after import (not a median)",
            )
        )
    own = _own_maxrss_mib()
    if own is not None:
        rows.append(
            Row(
                GROUP,
                "ru_maxrss (this process)",
                own,
                "MiB",
                note="high-water mark of the runner: includes generating the blueprint and "
                "holding the parsed and loaded copies",
            )
        )
    return rows
