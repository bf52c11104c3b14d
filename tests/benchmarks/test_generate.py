"""Smoke tests of the benchmark generator (a small blueprint is valid and round-trips; a
future state drawn on it is valid) and of the changes benchmark."""

from pydantic import TypeAdapter

from benchmarks import bench_changes
from benchmarks.common import Config
from benchmarks.generate import draw_future_state, generate_blueprint
from blueprint.changes import DifferenceKind, differences, has_future_state
from blueprint.model import Blueprint, document_problems
from blueprint.storage import MAX_FILE_BYTES, dumps_blueprint, loads_blueprint


def _small(seed: int = 1):
    return generate_blueprint(
        stages=5,
        channels=6,
        touchpoints=40,
        frictions=100,
        improvements=12,
        flows=60,
        personas=3,
        seed=seed,
    )


def test_small_blueprint_is_valid_and_round_trips():
    bp = _small()
    assert (len(bp.touchpoints), len(bp.frictions), len(bp.flows)) == (40, 100, 60)
    assert document_problems(bp) == []
    data = dumps_blueprint(bp)
    again = loads_blueprint(data)
    assert again == bp
    assert dumps_blueprint(again) == data


def test_same_seed_gives_same_bytes_and_another_seed_differs():
    assert dumps_blueprint(_small(7)) == dumps_blueprint(_small(7))
    assert dumps_blueprint(_small(7)) != dumps_blueprint(_small(8))


def test_dense_flows_on_few_touchpoints_stay_valid():
    bp = generate_blueprint(touchpoints=5, frictions=10, improvements=3, flows=20, seed=3)
    assert len(bp.flows) == 20
    assert document_problems(bp) == []


def test_the_20k_benchmark_blueprint_fits_under_the_size_limit_twice_over():
    # A hundredth of `generate big.blueprint --touchpoints 20000 --frictions 60000
    # --improvements 6000`; the stages, channels and contact reasons it shares with the
    # whole make the estimate high, not low.
    part = generate_blueprint(touchpoints=200, frictions=600, improvements=60, flows=30)
    every_default_written = TypeAdapter(Blueprint).dump_json(part, indent=2)
    assert len(dumps_blueprint(part)) < len(every_default_written)
    assert 2 * 100 * len(every_default_written) < MAX_FILE_BYTES


def test_a_drawn_future_state_is_valid_repeatable_and_leaves_the_blueprint_alone():
    bp = _small()
    before = dumps_blueprint(bp)
    future = draw_future_state(bp, share=0.2)
    assert dumps_blueprint(bp) == before
    assert has_future_state(future) and document_problems(future) == []
    kinds = {d.kind for d in differences(future)}
    assert kinds == {DifferenceKind.ADDED, DifferenceKind.REMOVED, DifferenceKind.CHANGED}
    assert dumps_blueprint(draw_future_state(bp, share=0.2)) == dumps_blueprint(future)


def test_the_changes_benchmark_runs_on_a_small_blueprint():
    config = Config(
        repeats=1,
        blueprint={"touchpoints": 40, "frictions": 100, "improvements": 12, "flows": 60},
    )
    rows = {row.name.strip(): row for row in bench_changes.run(config)}
    assert rows["compare_states / build_plan"].unit == "x"
    assert rows["compare_states"].value > 0
