"""How sure the plan is: 2,000 plausible worlds (``plan_certainty``) against one plan.

``plan_certainty`` draws every friction point's reach behind an improvement in each of
2,000 worlds, ranks the improvements again in each, and moves each estimated or unknown
friction point alone to both ends of its range. The ratio is its time to one ``build_plan``
of the same blueprint, measured interleaved: on the broadband sample and on the generator's
default blueprint (2,000 touchpoints, 6,000 friction points, 600 improvements).

Target: 2,000 worlds in under 20x one plan.
"""

from __future__ import annotations

from pathlib import Path

from blueprint.analysis import build_plan, plan_certainty
from blueprint.model import Blueprint
from blueprint.storage import load_blueprint

from .common import Config, Row, measure_interleaved, paired_ratio, timing_row
from .generate import generate_blueprint

GROUP = "certainty"
RATIO_LIMIT = 20.0
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "broadband-installation.blueprint"


def _rows(name: str, bp: Blueprint, repeats: int) -> list[Row]:
    plan = build_plan(bp)
    certainty = plan_certainty(bp, plan)
    timings = measure_interleaved(
        {
            "build_plan": lambda: build_plan(bp),
            "plan_certainty": lambda: plan_certainty(bp, plan),
        },
        repeats,
    )
    one, worlds = timings["build_plan"], timings["plan_certainty"]
    ratio = worlds.median / one.median
    counts = (
        f"{len(certainty.ranges)} friction points drawn, {len(plan.improvements)} improvements "
        f"ranked, {len(certainty.measure_first)} moved to both ends"
    )
    return [
        timing_row(GROUP, f"{name}: build_plan", one),
        timing_row(GROUP, f"{name}: 2,000 worlds", worlds, note=counts),
        Row(
            GROUP,
            f"{name}: 2,000 worlds / one plan",
            ratio,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(worlds, one):.1f}x",
            target=f"< {RATIO_LIMIT:g}x",
            passed=ratio < RATIO_LIMIT,
        ),
    ]


def run(config: Config) -> list[Row]:
    rows = _rows("sample", load_blueprint(SAMPLE), config.repeats)
    rows += _rows("generated", generate_blueprint(**config.blueprint), config.repeats)
    return rows
