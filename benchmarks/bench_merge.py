"""Diff and three-way merge of two people's versions of the large benchmark blueprint.

The base is the generator's default blueprint (2,000 touchpoints, 6,000 friction points,
3,000 flows, 600 improvements). ``edited_variant`` makes a version of it as one person's day
of work, deterministic from its seed: a twentieth of the touchpoints and friction points
changed, some touchpoints moved to another cell, a few removed with what is attached to
them, new touchpoints with friction points, a stage renamed, another moved. Two seeds give
two people's versions, which overlap now and then (both changed a field, one deleted what
the other changed): the merge records conflicts, as a real one would.

The floor is loading the three files (``load_blueprint`` three times): what any merge of
three files must do before it starts. Measured: the merge in memory, the whole of what the
git driver does (load the three, merge, write the result atomically), the diff of the two
versions in memory and as lines, and a version as lines for git's textconv.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

from blueprint.changes import blueprint_text, diff_blueprints, diff_lines, merge_blueprints
from blueprint.model import Blueprint, Friction, Touchpoint
from blueprint.storage import load_blueprint, save_blueprint

from .common import Config, Row, measure, measure_interleaved, paired_ratio, timing_row
from .generate import generate_blueprint

GROUP = "merge"
#: Targets: the merge in memory within the time of loading its three files, the whole
#: driver (load, merge, write) within twice that.
MERGE_RATIO_LIMIT = 1.0
DRIVER_RATIO_LIMIT = 2.0


def edited_variant(base: Blueprint, seed: int, share: float = 0.05) -> Blueprint:
    """``base`` after one person's edits (a copy; ``base`` is left alone)."""
    rng = random.Random(seed)
    bp = base.model_copy(deep=True)
    stages, channels = [s.id for s in bp.stages], [c.id for c in bp.channels]
    for tp in rng.sample(bp.touchpoints, int(len(bp.touchpoints) * share)):
        tp.title = f"{tp.title} ({seed})"
        tp.emotion = rng.choice([-2, -1, 0, 1, 2])
    for tp in rng.sample(bp.touchpoints, int(len(bp.touchpoints) * share / 5)):
        tp.stage_id, tp.channel_id = rng.choice(stages), rng.choice(channels)
    for friction in rng.sample(bp.frictions, int(len(bp.frictions) * share)):
        friction.severity = rng.randint(1, 4)
        friction.frequency = friction.frequency.model_copy(update={"count": rng.randint(1, 900)})
    _remove_touchpoints(
        bp, {t.id for t in rng.sample(bp.touchpoints, int(len(bp.touchpoints) * share / 10))}
    )
    for index in range(int(len(base.touchpoints) * share)):
        tp = Touchpoint(
            id=f"v{seed}-tp-{index}",
            title=f"New step {index} ({seed})",
            stage_id=rng.choice(stages),
            channel_id=rng.choice(channels),
        )
        bp.touchpoints.insert(rng.randrange(len(bp.touchpoints) + 1), tp)
        bp.frictions.append(
            Friction(id=f"v{seed}-fr-{index}", title=f"New friction {index}", touchpoint_id=tp.id)
        )
    bp.stages[rng.randrange(len(bp.stages))].name = f"Renamed stage ({seed})"
    bp.stages.insert(rng.randrange(len(bp.stages)), bp.stages.pop(rng.randrange(len(bp.stages))))
    return bp


def _remove_touchpoints(bp: Blueprint, gone: set[str]) -> None:
    """Touchpoints with what is attached to them, as the editor removes them."""
    frictions = {f.id for f in bp.frictions if f.touchpoint_id in gone}
    flows = {f.id for f in bp.flows if f.from_id in gone or f.to_id in gone}
    bp.touchpoints = [t for t in bp.touchpoints if t.id not in gone]
    bp.frictions = [f for f in bp.frictions if f.id not in frictions]
    bp.flows = [f for f in bp.flows if f.id not in flows]
    removed = gone | frictions | flows
    for improvement in bp.improvements:
        if any(f in removed for f in improvement.friction_ids):
            improvement.friction_ids = [f for f in improvement.friction_ids if f not in removed]
        if any(i in removed for i in improvement.brings_about):
            improvement.brings_about = [i for i in improvement.brings_about if i not in removed]


def run(config: Config) -> list[Row]:
    base = generate_blueprint(**config.blueprint)
    ours, theirs = edited_variant(base, 1), edited_variant(base, 2)
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"{name}.blueprint" for name in ("base", "ours", "theirs")]
        for bp, path in zip((base, ours, theirs), paths, strict=True):
            save_blueprint(bp, path)
        out = Path(folder) / "merged.blueprint"

        def load_three():
            return [load_blueprint(path) for path in paths]

        def driver():
            save_blueprint(merge_blueprints(*load_three()).blueprint, out)

        timings = measure_interleaved(
            {
                "load three files": load_three,
                "merge": lambda: merge_blueprints(base, ours, theirs),
                "merge driver": driver,
                "diff": lambda: diff_blueprints(ours, theirs),
                "diff lines": lambda: diff_lines(diff_blueprints(ours, theirs)),
                "show": lambda: blueprint_text(ours),
            },
            config.repeats,
        )
        process = measure(lambda: _command(paths, out), max(1, config.repeats // 4))
    result = merge_blueprints(base, ours, theirs)
    changes = diff_blueprints(ours, theirs)
    floor = timings["load three files"]
    merged, whole = timings["merge"], timings["merge driver"]
    merge_ratio, driver_ratio = merged.median / floor.median, whole.median / floor.median
    diff_ratio = timings["diff"].median / floor.median
    counts = (
        f"{len(base.touchpoints)} touchpoints, {len(base.frictions)} friction points; "
        f"{len(diff_blueprints(base, ours))} entities changed by ours, "
        f"{len(diff_blueprints(base, theirs))} by theirs"
    )
    return [
        timing_row(
            GROUP, "load three files", floor, note=f"the floor: base, ours, theirs ({counts})"
        ),
        timing_row(
            GROUP,
            "merge",
            merged,
            note=f"merge_blueprints in memory: {len(result.conflicts)} conflicts recorded",
        ),
        Row(
            GROUP,
            "merge / load three files",
            merge_ratio,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(merged, floor):.2f}x",
            target=f"<= {MERGE_RATIO_LIMIT:g}x",
            passed=merge_ratio <= MERGE_RATIO_LIMIT,
        ),
        timing_row(GROUP, "merge driver", whole, note="load the three, merge, write the result"),
        Row(
            GROUP,
            "merge driver / load three files",
            driver_ratio,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(whole, floor):.2f}x",
            target=f"<= {DRIVER_RATIO_LIMIT:g}x",
            passed=driver_ratio <= DRIVER_RATIO_LIMIT,
        ),
        timing_row(
            GROUP,
            "  blueprint merge (a process)",
            process,
            note="the command as git runs it, interpreter start and imports included",
        ),
        timing_row(
            GROUP, "diff", timings["diff"], note=f"ours against theirs: {len(changes)} entities"
        ),
        Row(
            GROUP,
            "diff / load three files",
            diff_ratio,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(timings['diff'], floor):.2f}x",
        ),
        timing_row(
            GROUP,
            "  diff lines",
            timings["diff lines"],
            note=f"the same in words: {len(diff_lines(changes))} lines",
        ),
        timing_row(GROUP, "  show", timings["show"], note="one version as lines (git textconv)"),
    ]


def _command(paths: list[Path], out: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "blueprint", "merge", *map(str, paths), "-o", str(out)],
        capture_output=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr.decode("utf-8", "replace"))
