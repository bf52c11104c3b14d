"""Today and tomorrow: the figures of both states and their deltas, against one plan.

The blueprint is the generator's default one (2,000 touchpoints, 6,000 friction points) with
a future state drawn on it (``draw_future_state``: a tenth of the touchpoints replaced or
gone, a fifth better tomorrow, a tenth of the friction points less frequent).
``compare_states`` is what ``blueprint compare FILE`` and the PDF's Today and tomorrow
section compute: both states, the figures of each for every customer and for each persona,
and every delta.

Target (issue 10): at most twice the time of one ``build_plan`` of the same blueprint (the
plan of today's journey, as the command line and the editor compute it), measured for the
whole comparison (every customer and each of the four personas) and for every customer
only (``each_persona=False``).
"""

from __future__ import annotations

from blueprint.analysis import build_plan
from blueprint.changes import compare_states, journey_figures
from blueprint.model.states import State, state_view

from .common import Config, Row, measure_interleaved, paired_ratio, timing_row
from .generate import draw_future_state, generate_blueprint

GROUP = "changes"
RATIO_LIMIT = 2.0


def run(config: Config) -> list[Row]:
    plain = generate_blueprint(**config.blueprint)
    bp = draw_future_state(plain)
    future = state_view(bp, State.FUTURE)
    persona = bp.personas[0].id if bp.personas else None
    timings = measure_interleaved(
        {
            "build_plan": lambda: build_plan(bp),
            "compare_states": lambda: compare_states(bp),
            "compare_states, every customer": lambda: compare_states(bp, each_persona=False),
            "build_plan, no future": lambda: build_plan(plain),
            "state_view": lambda: state_view(bp, State.FUTURE),
            "journey_figures": lambda: journey_figures(future),
            "compare_states, one persona": lambda: compare_states(bp, persona),
        },
        config.repeats,
    )
    plan, both = timings["build_plan"], timings["compare_states"]
    ratio = both.median / plan.median
    whole_ratio = timings["compare_states, every customer"].median / plan.median
    changes = sum(t.state.value != "both" or t.future is not None for t in bp.touchpoints)
    counts = (
        f"{len(bp.touchpoints)} touchpoints ({changes} gone, new or changed tomorrow), "
        f"{len(bp.frictions)} friction points, {len(bp.personas)} personas"
    )
    return [
        timing_row(GROUP, "build_plan", plan, note=f"today's plan of {counts}"),
        timing_row(
            GROUP,
            "compare_states",
            both,
            note="both states, their figures for everyone and each persona, every delta",
        ),
        Row(
            GROUP,
            "compare_states / build_plan",
            ratio,
            "x",
            note=f"median of per-repeat ratios {paired_ratio(both, plan):.2f}x",
            target=f"<= {RATIO_LIMIT:g}x",
            passed=ratio <= RATIO_LIMIT,
        ),
        timing_row(
            GROUP,
            "  compare_states, every customer",
            timings["compare_states, every customer"],
            note="both states and the deltas for every customer, no persona",
        ),
        Row(
            GROUP,
            "  every customer / build_plan",
            whole_ratio,
            "x",
            note="median of per-repeat ratios "
            f"{paired_ratio(timings['compare_states, every customer'], plan):.2f}x",
            target=f"<= {RATIO_LIMIT:g}x",
            passed=whole_ratio <= RATIO_LIMIT,
        ),
        timing_row(
            GROUP,
            "  build_plan, no future",
            timings["build_plan, no future"],
            note="the same blueprint before its future state was drawn",
        ),
        timing_row(GROUP, "  state_view", timings["state_view"], note="tomorrow's journey"),
        timing_row(
            GROUP,
            "  journey_figures",
            timings["journey_figures"],
            note="the figures of one state, for everyone and each persona",
        ),
        timing_row(
            GROUP,
            "  compare_states, one persona",
            timings["compare_states, one persona"],
            note="as plan --persona computes it",
        ),
    ]
