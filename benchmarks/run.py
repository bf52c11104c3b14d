"""The benchmark suite runner: ``uv run python -m benchmarks.run [--only GROUP ...]``.

Each group is a module ``benchmarks.bench_<name>`` with ``run(config) -> list[Row]``; to add
one (plan export, editor UI...), write the module and list it in ``GROUPS``. Results are
printed as a table and written as JSON to ``benchmarks/out/results.json``. A missed target
is reported as FAIL in the table but never changes the exit status: this is a measuring
tool, not a gate.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from .common import Config, Row, format_table, load_average, machine

#: group name -> module that implements it.
GROUPS: dict[str, str] = {
    "storage": "benchmarks.bench_storage",
    "plan": "benchmarks.bench_plan",
    "changes": "benchmarks.bench_changes",
    "merge": "benchmarks.bench_merge",
    "certainty": "benchmarks.bench_certainty",
    "editor": "benchmarks.bench_editor",
    "app": "benchmarks.bench_app",
    "scale": "benchmarks.bench_scale",
    "spreadsheets": "benchmarks.bench_spreadsheets",
}

OUT_DIR = Path(__file__).resolve().parent / "out"


def run_group(name: str, config: Config) -> list[Row]:
    module = importlib.import_module(GROUPS[name])
    return list(module.run(config))


def _blueprint_arguments(config: Config) -> dict[str, object]:
    """The generator's arguments in effect: its defaults, overridden by the config."""
    from .generate import generate_blueprint

    defaults = {
        name: parameter.default
        for name, parameter in inspect.signature(generate_blueprint).parameters.items()
    }
    return {**defaults, **config.blueprint}


def _loads(before, after) -> str:
    if before is None or after is None:
        return "unknown"
    return f"{before[0]:.2f} before, {after[0]:.2f} after"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description="Run blueprint's benchmark suite."
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(GROUPS),
        metavar="GROUP",
        help=f"run only this group (repeatable); groups: {', '.join(sorted(GROUPS))}",
    )
    parser.add_argument(
        "--repeats", type=int, default=Config.repeats, help="runs per timing (median is reported)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=OUT_DIR / "results.json",
        help="where to write the JSON results (default benchmarks/out/results.json)",
    )
    args = parser.parse_args(argv)
    config = Config(repeats=max(1, args.repeats))
    names = args.only or list(GROUPS)

    info = machine()
    print(
        f"machine: {info['nproc']} CPU(s), {info['cpu_model']}; Python {info['python']}, "
        f"pydantic {info['pydantic']}; {config.repeats} repeats per timing (median)"
    )
    results: dict[str, object] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": info,
        "config": {"repeats": config.repeats, "blueprint": _blueprint_arguments(config)},
        "groups": {},
    }
    all_rows: list[Row] = []
    for name in names:
        load_before = load_average()
        start = time.perf_counter()
        rows = run_group(name, config)
        elapsed = time.perf_counter() - start
        load_after = load_average()
        all_rows += rows
        results["groups"][name] = {  # type: ignore[index]
            "seconds": elapsed,
            "load_average_before": load_before,
            "load_average_after": load_after,
            "rows": [row.as_dict() for row in rows],
        }
        print(f"\n== {name} ({elapsed:.1f} s; load average {_loads(load_before, load_after)}) ==")
        print(format_table(rows))

    missed = [row for row in all_rows if row.passed is False]
    print()
    if missed:
        print("missed targets: " + ", ".join(f"{r.group}/{r.name.strip()}" for r in missed))
    else:
        print("all targets met")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
