"""Plan export benchmark: ``build_plan`` + ``render_plan_pdf`` of the large blueprint.

The floor is what reportlab alone costs for a plain document with the same tables: a
``SimpleDocTemplate`` on the same paper and margins, holding plain ``LongTable``s (header row
repeated) with the same number of rows and columns as the plan's tables (friction register,
ranked plan by wave, data to capture, EPIC by stage, heat map, top improvements), each cell
one unwrapped string of the same value, in the same bundled font and size. The floor's
tables are cut into blocks of ``paging.WINDOW`` rows, as the plan's are: one 6,000-row
``LongTable`` costs reportlab time in the square of its length (measured once, as a note).

Targets: an export under 10 s, within 3x the floor, a peak under 500 MB.

The deck (``render_plan_pptx``, as ``blueprint plan -o plan.pptx`` makes it: the grid picture
drawn with Pillow) is timed beside it, with the same 10 s target.
"""

from __future__ import annotations

import gc
import io
import json
import re
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import LongTable, PageBreak, SimpleDocTemplate

from blueprint.analysis import Plan, Wave, build_plan, plan_certainty
from blueprint.model import Blueprint
from blueprint.report import render_plan_pdf, render_plan_pptx
from blueprint.report.fonts import bundled_fonts
from blueprint.report.paging import WINDOW
from blueprint.report.sections.data_to_capture import GAP_COLUMNS, listed
from blueprint.report.sections.ranked_plan import PLAN_COLUMNS
from blueprint.report.sections.register import REGISTER_COLUMNS
from blueprint.report.sections.summary import TOP_COLUMNS
from blueprint.report.sections.where_it_hurts import EPIC_COLUMNS
from blueprint.report.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from blueprint.storage import save_blueprint

from .common import (
    Config,
    Row,
    fresh_process_script,
    measure,
    measure_interleaved,
    paired_ratio,
    timing_row,
)
from .generate import generate_blueprint

GROUP = "plan"
EXPORT_LIMIT_S = 10.0
RATIO_LIMIT = 3.0
PEAK_LIMIT_MIB = 500.0
NAIVE_REPEATS = 3
_MIB = 2**20


def export(bp: Blueprint) -> bytes:
    """What ``blueprint plan -o plan.pdf`` does, into memory."""
    buffer = io.BytesIO()
    render_plan_pdf(bp, build_plan(bp), buffer)
    return buffer.getvalue()


def export_deck(bp: Blueprint) -> bytes:
    """What ``blueprint plan -o plan.pptx`` does, into memory."""
    buffer = io.BytesIO()
    render_plan_pptx(bp, build_plan(bp), buffer)
    return buffer.getvalue()


# --- the floor ------------------------------------------------------------------------------


def _table_shapes(bp: Blueprint, plan: Plan) -> list[tuple[int, int, list[str]]]:
    """(columns, rows, first-column texts) of each table of the plan, in order."""
    shapes = [(len(TOP_COLUMNS), len(plan.top_improvements), [s.title for s in plan.improvements])]
    shapes += [
        (len(PLAN_COLUMNS), len(plan.waves[wave]), [s.title for s in plan.waves[wave]])
        for wave in Wave
    ]
    shapes.append((len(bp.stages) + 1, len(bp.channels) + 1, [c.name for c in bp.channels]))
    shapes.append((len(EPIC_COLUMNS), len(bp.stages) + 1, [s.name for s in bp.stages]))
    measure = _measure_first_rows(bp, plan)
    shapes.append((len(GAP_COLUMNS), len(measure), [m.title for m in measure]))
    shapes.append((len(REGISTER_COLUMNS), len(plan.frictions), [f.title for f in plan.frictions]))
    return shapes


_MEASURE_FIRST: dict[int, tuple] = {}


def _measure_first_rows(bp: Blueprint, plan: Plan) -> tuple:
    """The rows of Data to capture, computed once per plan: the floor is reportlab's time
    alone, so the plausible worlds behind those rows are not counted in it."""
    if id(plan) not in _MEASURE_FIRST:
        _MEASURE_FIRST.clear()
        _MEASURE_FIRST[id(plan)] = (plan, listed(plan_certainty(bp, plan)))
    return _MEASURE_FIRST[id(plan)][1]


def floor_story(bp: Blueprint, plan: Plan, block: int | None = WINDOW) -> list:
    fonts = bundled_fonts()
    width = A4[0] - 2 * MARGIN_X
    story: list = []
    for columns, rows, names in _table_shapes(bp, plan):
        if rows == 0:
            continue
        data = [
            [names[i % len(names)] if names else "", *(f"{i * 7.3:,.1f}",) * (columns - 1)]
            for i in range(rows)
        ]
        size = block or rows
        for start in range(0, rows, size):
            table = LongTable(
                [["heading"] * columns, *data[start : start + size]],
                colWidths=[width / columns] * columns,
                repeatRows=1,
            )
            table.setStyle([("FONT", (0, 0), (-1, -1), fonts.regular, 7, 8.4)])
            story.append(table)
        story.append(PageBreak())
    return story


def floor(bp: Blueprint, plan: Plan, block: int | None = WINDOW) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    document.build(floor_story(bp, plan, block))
    return buffer.getvalue()


def _slides(bp: Blueprint) -> int:
    from pptx import Presentation

    return len(Presentation(io.BytesIO(export_deck(bp))).slides)


# --- memory ---------------------------------------------------------------------------------

#: Run in a fresh interpreter that forks before importing anything (ru_maxrss is a process
#: high-water mark and Linux carries it across exec; see bench_storage): the child loads the
#: blueprint, then exports the plan, and reports its peak before and after.
_FRESH_EXPORT = fresh_process_script(
    """
    import os, sys

    def measure():
        import io, json, resource
        from blueprint.analysis import build_plan
        from blueprint.report import render_plan_pdf, render_plan_pptx
        from blueprint.storage import load_blueprint

        bp = load_blueprint(sys.argv[1])
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        render_plan_pdf(bp, build_plan(bp), io.BytesIO())
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"before": before, "after": after}))
        sys.stdout.flush()
    """
)


def _fresh_process_peak(bp: Blueprint) -> dict | None:
    scale = 1 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux KiB
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-") as folder:
        path = Path(folder) / "large.blueprint"
        save_blueprint(bp, path)
        try:
            done = subprocess.run(
                [sys.executable, "-c", _FRESH_EXPORT, str(path)],
                capture_output=True,
                text=True,
                check=True,
                timeout=600,
            )
            raw = json.loads(done.stdout.strip().splitlines()[-1])
        except (OSError, subprocess.SubprocessError, ValueError, IndexError):
            return None
    return {key: value * scale / _MIB for key, value in raw.items()}


def _tracemalloc_peak(bp: Blueprint) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        export(bp)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / _MIB


# --- the group ------------------------------------------------------------------------------


def run(config: Config) -> list[Row]:
    bp = generate_blueprint(**config.blueprint)
    plan = build_plan(bp)
    counts = (
        f"{len(bp.touchpoints)} touchpoints, {len(bp.frictions)} frictions, "
        f"{len(bp.improvements)} improvements"
    )
    timings = measure_interleaved(
        {
            "floor": lambda: floor(bp, plan),
            "export": lambda: export(bp),
            "deck": lambda: export_deck(bp),
            "build_plan": lambda: build_plan(bp),
        },
        config.repeats,
    )
    naive = measure(lambda: floor(bp, plan, block=None), NAIVE_REPEATS, warmup=0)
    pdf = export(bp)
    pages = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
    export_time, floor_time = timings["export"], timings["floor"]
    ratio = export_time.median / floor_time.median
    rows = [
        Row(GROUP, "PDF", len(pdf) / _MIB, "MiB", note=f"{pages} pages from {counts}"),
        timing_row(
            GROUP,
            "floor",
            floor_time,
            note=f"reportlab alone: plain LongTables, same rows and columns, blocks of {WINDOW}",
        ),
        timing_row(
            GROUP,
            "plan export",
            export_time,
            note="build_plan + render_plan_pdf into memory",
            target=f"< {EXPORT_LIMIT_S:g} s",
            passed=export_time.median < EXPORT_LIMIT_S,
        ),
        timing_row(GROUP, "  build_plan", timings["build_plan"]),
        timing_row(
            GROUP,
            "deck export",
            timings["deck"],
            note=f"build_plan + render_plan_pptx into memory ({_slides(bp)} slides)",
            target=f"< {EXPORT_LIMIT_S:g} s",
            passed=timings["deck"].median < EXPORT_LIMIT_S,
        ),
        Row(
            GROUP,
            "plan export / floor",
            ratio,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(export_time, floor_time):.2f}x",
            target=f"<= {RATIO_LIMIT:g}x",
            passed=ratio <= RATIO_LIMIT,
        ),
        timing_row(
            GROUP,
            "floor, one LongTable a table",
            naive,
            note="for comparison: reportlab splitting each whole table page by page",
        ),
    ]
    peak = _tracemalloc_peak(bp)
    rows.append(
        Row(
            GROUP,
            "tracemalloc peak",
            peak,
            "MiB",
            note="Python allocations during one export",
            target=f"< {PEAK_LIMIT_MIB:g} MiB",
            passed=peak < PEAK_LIMIT_MIB,
        )
    )
    fresh = _fresh_process_peak(bp)
    if fresh is not None:
        rows.append(
            Row(
                GROUP,
                "ru_maxrss (fresh process)",
                fresh["after"],
                "MiB",
                note=f"after loading the blueprint {fresh['before']:.1f} MiB; the export "
                f"added {fresh['after'] - fresh['before']:.1f} MiB",
                target=f"< {PEAK_LIMIT_MIB:g} MiB",
                passed=fresh["after"] < PEAK_LIMIT_MIB,
            )
        )
    return rows
