"""Scale benchmarks: the same work on the 2,000-touchpoint blueprint and on one ten times
larger, and the ratio between them.

The large blueprint is the one of issue 14: ``python -m benchmarks.generate big.blueprint
--touchpoints 20000 --frictions 60000 --improvements 6000`` (the generator's other counts
as for the small one: 12 stages, 14 channels, 3,000 flows, 4 personas). The small one is
the generator's default, the blueprint every other group measures.

- **in the runner**, interleaved (the small and the large in turn within each repeat), in
  CPU time of the runner (``time.process_time``: on a shared machine, other work slows a
  run of 40 s far more often than one of 4 s, and wall-clock ratios wander by 30 %):
  ``load_blueprint``; the plan as JSON (``build_plan``, ``plan_document`` and
  ``json_bytes``, what ``blueprint plan --format json`` writes); the plan as a PDF (the plan
  group's ``export``), with the reportlab floor of the large plan (the plan group's
  ``floor``: plain tables with the same rows and columns) beside it;
- **in fresh processes**, as a user runs them: ``blueprint validate``, ``blueprint plan
  --format json`` and ``blueprint plan -o plan.pdf`` on each file, timed from before the
  imports to the end of the command (wall clock, and CPU time in the notes), with their
  peak memory (ru_maxrss); and the editor
  opening each file, to the end of its first paint (the editor group's ``first paint``).

Targets (issue 14): every in-runner time and every command of the large blueprint within
10.5x of the small one; the large plan's PDF within 2x of its reportlab floor.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from blueprint.analysis import build_plan
from blueprint.analysis.records import json_bytes, plan_document
from blueprint.model import Blueprint
from blueprint.storage import load_blueprint, save_blueprint

from .bench_editor import first_paint_run
from .bench_plan import export, floor
from .common import (
    Config,
    Row,
    Timing,
    fresh_process_script,
    measure_interleaved,
    paired_ratio,
    timing_row,
)
from .generate import generate_blueprint

GROUP = "scale"
LARGE = {"touchpoints": 20_000, "frictions": 60_000, "improvements": 6_000}
RATIO_LIMIT = 10.5
FLOOR_RATIO_LIMIT = 2.0
#: Repeats at most: one repeat of the large plan's PDF and its floor takes about 1.5 minutes.
MAX_REPEATS = 3
_MIB = 2**20

#: A command run as ``blueprint ARGS...`` does, in a process forked before any import (a
#: fresh ru_maxrss), its output thrown away.
_COMMAND = fresh_process_script(
    """
    import os, sys

    def measure():
        import contextlib, json, resource, time
        start = time.perf_counter()
        from blueprint.cli import main
        with open(os.devnull, "w") as nowhere, contextlib.redirect_stdout(nowhere):
            code = main(sys.argv[1:])
        seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = usage.ru_utime + usage.ru_stime
        print(json.dumps({"seconds": seconds, "cpu": cpu, "code": code,
                          "maxrss_kib": usage.ru_maxrss}))
        sys.stdout.flush()
    """
)

_COMMANDS = {
    "validate": lambda path, folder: ["validate", str(path)],
    "plan --format json": lambda path, folder: ["plan", str(path), "--format", "json"],
    "plan -o plan.pdf": lambda path, folder: ["plan", str(path), "-o", str(folder / "plan.pdf")],
}


def _run_command(arguments: list[str]) -> dict | None:
    import subprocess

    try:
        done = subprocess.run(
            [sys.executable, "-c", _COMMAND, *arguments],
            capture_output=True,
            text=True,
            check=True,
            timeout=900,
        )
        found = json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, ValueError, IndexError, subprocess.SubprocessError):
        return None
    return found if found.get("code") == 0 else None


def plan_json(bp: Blueprint) -> str:
    """What ``blueprint plan --format json`` prints."""
    return json_bytes(plan_document(bp, build_plan(bp)))


def _ratio_row(name: str, small: Timing, large: Timing, note: str = "") -> Row:
    ratio = large.median / small.median
    return Row(
        GROUP,
        f"{name}: 20k / 2k",
        ratio,
        "x",
        note=f"median of per-repeat ratios {paired_ratio(large, small):.2f}x"
        + (f"; {note}" if note else ""),
        target=f"<= {RATIO_LIMIT:g}x",
        passed=ratio <= RATIO_LIMIT,
    )


def _in_runner_rows(small: Blueprint, large: Blueprint, paths: dict, repeats: int) -> list[Row]:
    reads = measure_interleaved(
        {
            "load 2k": lambda: load_blueprint(paths["2k"]),
            "load 20k": lambda: load_blueprint(paths["20k"]),
            "plan JSON 2k": lambda: plan_json(small),
            "plan JSON 20k": lambda: plan_json(large),
        },
        repeats,
        clock=time.process_time,
    )
    large_plan = build_plan(large)
    pdfs = measure_interleaved(
        {
            "plan PDF 2k": lambda: export(small),
            "plan PDF 20k": lambda: export(large),
            "floor 20k": lambda: floor(large, large_plan),
        },
        repeats,
        warmup=0,
        clock=time.process_time,
    )
    rows: list[Row] = []
    for name, timings, note in (
        ("load", reads, "load_blueprint(path); CPU time"),
        ("plan JSON", reads, "build_plan + plan_document + json_bytes; CPU time"),
        ("plan PDF", pdfs, "build_plan + render_plan_pdf into memory; CPU time"),
    ):
        two, twenty = timings[f"{name} 2k"], timings[f"{name} 20k"]
        rows.append(timing_row(GROUP, f"{name} 2k", two, note=note))
        rows.append(timing_row(GROUP, f"{name} 20k", twenty))
        rows.append(_ratio_row(name, two, twenty))
    export_large, floor_large = pdfs["plan PDF 20k"], pdfs["floor 20k"]
    ratio = export_large.median / floor_large.median
    rows.append(
        timing_row(
            GROUP,
            "floor 20k",
            floor_large,
            note="reportlab alone, the same rows and columns as the large plan's tables; CPU time",
        )
    )
    rows.append(
        Row(
            GROUP,
            "plan PDF 20k / floor 20k",
            ratio,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(export_large, floor_large):.2f}x",
            target=f"<= {FLOOR_RATIO_LIMIT:g}x",
            passed=ratio <= FLOOR_RATIO_LIMIT,
        )
    )
    return rows


def _command_rows(paths: dict, folder: Path, repeats: int) -> list[Row]:
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    rows: list[Row] = []
    for name, arguments in _COMMANDS.items():
        runs: dict[str, list[dict]] = {"2k": [], "20k": []}
        for _ in range(repeats):
            for size, path in paths.items():
                found = _run_command(arguments(path, folder))
                if found is not None:
                    runs[size].append(found)
        if not runs["2k"] or not runs["20k"]:
            rows.append(Row(GROUP, f"`{name}`", float("nan"), "s", note="the command failed"))
            continue
        times = {size: Timing.of([r["seconds"] for r in found]) for size, found in runs.items()}
        cpu = {size: Timing.of([r["cpu"] for r in found]) for size, found in runs.items()}
        peaks = {
            size: max(r["maxrss_kib"] for r in found) * scale / _MIB for size, found in runs.items()
        }
        rows.append(
            timing_row(
                GROUP,
                f"`{name}` 2k",
                times["2k"],
                note=f"fresh process, imports included; peak {peaks['2k']:.0f} MiB",
            )
        )
        rows.append(
            timing_row(GROUP, f"`{name}` 20k", times["20k"], note=f"peak {peaks['20k']:.0f} MiB")
        )
        if len(times["2k"].times) == len(times["20k"].times):
            cpu_ratio = cpu["20k"].median / cpu["2k"].median
            rows.append(
                _ratio_row(
                    f"`{name}`",
                    times["2k"],
                    times["20k"],
                    note=f"in CPU time {cpu['2k'].median:.2f} s -> {cpu['20k'].median:.2f} s, "
                    f"{cpu_ratio:.2f}x",
                )
            )
        rows.append(
            Row(
                GROUP,
                f"`{name}` peak memory: 20k / 2k",
                peaks["20k"] / peaks["2k"],
                "x",
                note=f"ru_maxrss {peaks['2k']:.0f} MiB -> {peaks['20k']:.0f} MiB (the "
                "interpreter and the imports included)",
            )
        )
    return rows


def _editor_rows(paths: dict, folder: Path) -> list[Row]:
    bytecode = folder / "bytecode"
    first_paint_run(paths["2k"], folder / "first-start", bytecode)  # compiles: not counted
    found = {
        size: first_paint_run(path, folder / f"home-{size}", bytecode)
        for size, path in paths.items()
    }
    if not all(r and "first_paint" in r for r in found.values()):
        return [Row(GROUP, "editor opens", float("nan"), "s", note="an editor process failed")]
    scale = 1 if sys.platform == "darwin" else 1024
    rows = []
    for size, r in found.items():
        rows.append(
            Row(
                GROUP,
                f"editor first paint {size}",
                r["first_paint"],
                "s",
                note=f"`blueprint FILE`, one run, at zoom {r['zoom']:.3f}; ru_maxrss "
                f"{r['maxrss_kib'] * scale / _MIB:.0f} MiB",
            )
        )
    rows.append(
        Row(
            GROUP,
            "editor first paint: 20k / 2k",
            found["20k"]["first_paint"] / found["2k"]["first_paint"],
            "x",
            note="one run each; the start of the interpreter and the imports included",
        )
    )
    return rows


def run(config: Config) -> list[Row]:
    repeats = min(config.repeats, MAX_REPEATS)
    small = generate_blueprint(**config.blueprint)
    large = generate_blueprint(**{**config.blueprint, **LARGE})
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-") as name:
        folder = Path(name)
        paths = {"2k": folder / "2k.blueprint", "20k": folder / "20k.blueprint"}
        save_blueprint(small, paths["2k"])
        save_blueprint(large, paths["20k"])
        sizes = {size: path.stat().st_size / _MIB for size, path in paths.items()}
        rows = [
            Row(
                GROUP,
                "file size 20k",
                sizes["20k"],
                "MiB",
                note=f"{len(large.touchpoints)} touchpoints, {len(large.frictions)} frictions, "
                f"{len(large.improvements)} improvements, {len(large.flows)} flows; the 2k "
                f"file {sizes['2k']:.2f} MiB",
            )
        ]
        rows += _in_runner_rows(small, large, paths, repeats)
        rows += _command_rows(paths, folder, repeats)
        rows += _editor_rows(paths, folder)
    return rows
