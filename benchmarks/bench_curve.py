"""What one touchpoint costs as the blueprint grows: the scale group's two sizes and three
between them, each in a process of its own.

    uv run python -m benchmarks.bench_curve [--sizes 1000 2000 5000 10000 20000] [--repeats 5]

For each size N (N touchpoints, 3N friction points, 0.3N improvements, the generator's
other counts as in the scale group), a fresh process generates the blueprint, saves it, and
times, in CPU time, the minimum of ``--repeats`` runs of: ``load_blueprint``; ``build_plan``;
``plan_document`` and ``json_bytes`` (what ``blueprint plan --format json`` prints after the
plan). Each is printed per 1,000 touchpoints: a flat line is a cost that grows linearly.
Not part of ``benchmarks.run`` (it takes a few minutes); docs/performance.md keeps a run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

_CHILD = """
import gc, json, sys, tempfile, time
from pathlib import Path
from benchmarks.generate import generate_blueprint
from blueprint.analysis import build_plan
from blueprint.analysis.records import json_bytes, plan_document
from blueprint.storage import load_blueprint, save_blueprint

size, repeats = int(sys.argv[1]), int(sys.argv[2])
blueprint = generate_blueprint(
    touchpoints=size, frictions=3 * size, improvements=3 * size // 10
)
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "curve.blueprint"
    save_blueprint(blueprint, path)
    del blueprint
    best = {}

    def timed(name, work):
        gc.collect()
        start = time.process_time()
        result = work()
        best[name] = min(best.get(name, float("inf")), time.process_time() - start)
        return result

    for _ in range(repeats):
        bp = timed("load", lambda: load_blueprint(path))
        plan = timed("build_plan", lambda: build_plan(bp))
        timed("plan JSON text", lambda: json_bytes(plan_document(bp, plan)))
print(json.dumps(best))
"""


def measure(size: int, repeats: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(size), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000, 20000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    rows = {size: measure(size, args.repeats) for size in args.sizes}
    names = list(next(iter(rows.values())))
    print("touchpoints  " + "  ".join(f"{n + ' (ms / 1,000)':>26}" for n in names))
    for size, best in rows.items():
        cells = "  ".join(f"{best[n] * 1000 / (size / 1000):>26.1f}" for n in names)
        print(f"{size:>11,}  {cells}")


if __name__ == "__main__":
    main()
