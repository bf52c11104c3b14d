"""The editor's live plan: recomputing the whole plan after one edit (part of the editor group).

On the open document of the large blueprint (its canvas drawn, as in the editor), each
repeat pushes one real command, ``EditFriction`` of the severity of a friction behind the
top improvement, or undoes it, in turn, so that every measure follows a change. The push
and the repaint it causes are not timed; the timing is reading ``LivePlan.plan``, which
runs ``build_plan`` over the whole blueprint, as every plan view does after an edit.

Target (issue 5): under 100 ms (median).
"""

from __future__ import annotations

import gc
import statistics
import time

from .common import Row, Timing, timing_row

GROUP = "editor"
PLAN_LIMIT_S = 0.100


def _severity_edit(document, plan):
    """A friction behind the top improvement, and a maker of a command changing its severity."""
    from blueprint.ui.commands import EditFriction

    friction_id = next(f.friction_id for s in plan.improvements for f in s.frictions)
    severity = document.get("frictions", friction_id).severity % 4 + 1  # another one, 1..4
    return friction_id, lambda: EditFriction(document, friction_id, "severity", severity)


def live_plan_rows(document, app, repeats: int) -> list[Row]:
    """``document``: a ui Document of the large blueprint; ``app``: the QApplication."""
    from blueprint.ui.plan.live import LivePlan

    live = LivePlan(document, document)
    friction_id, edit = _severity_edit(document, live.plan)
    stack = document.undo_stack
    plan_times: list[float] = []
    push_times: list[float] = []
    for i in range(repeats + 1):  # the first edit warms up
        start = time.perf_counter()
        if i % 2 == 0:
            document.push(edit())
        else:
            stack.undo()
        push_times.append(time.perf_counter() - start)
        app.processEvents()  # the canvas repaints; LivePlan's `changed` is emitted
        gc.collect()
        start = time.perf_counter()
        plan = live.plan
        plan_times.append(time.perf_counter() - start)
        _check_fresh(plan, document, friction_id)
    if stack.canUndo():  # the blueprint as generated again
        stack.undo()
    plan_timing = Timing.of(plan_times[1:])
    push = statistics.median(push_times[1:])
    counts = (
        f"{len(document.blueprint.touchpoints)} touchpoints, "
        f"{len(document.blueprint.frictions)} frictions, "
        f"{len(document.blueprint.improvements)} improvements"
    )
    return [
        timing_row(
            GROUP,
            "plan after one edit",
            plan_timing,
            note=f"LivePlan.plan read after EditFriction (severity) or its undo, in turn: "
            f"build_plan over {counts}; the push alone: median {push * 1000:.1f} ms",
            target=f"< {PLAN_LIMIT_S * 1000:g} ms",
            passed=plan_timing.median < PLAN_LIMIT_S,
        )
    ]


def _check_fresh(plan, document, friction_id: str) -> None:
    """The plan read is the plan of the blueprint as edited, not one kept from before."""
    severity = document.get("frictions", friction_id).severity
    score = next(f for f in plan.frictions if f.friction_id == friction_id)
    if score.severity != severity:
        raise RuntimeError("LivePlan.plan did not follow the edit")
