"""Smoke tests of the merge benchmark: its two versions are valid, overlap, and it runs."""

from benchmarks import bench_merge
from benchmarks.common import Config
from benchmarks.generate import generate_blueprint
from blueprint.changes import merge_blueprints
from blueprint.model import document_problems
from blueprint.storage import dumps_blueprint

SMALL = {"touchpoints": 60, "frictions": 150, "improvements": 12, "flows": 80}


def test_the_edited_versions_are_valid_repeatable_and_meet():
    base = generate_blueprint(**SMALL)
    ours, theirs = bench_merge.edited_variant(base, 1), bench_merge.edited_variant(base, 2)
    assert document_problems(ours) == [] and document_problems(theirs) == []
    assert dumps_blueprint(bench_merge.edited_variant(base, 1)) == dumps_blueprint(ours)
    assert dumps_blueprint(base) == dumps_blueprint(generate_blueprint(**SMALL))  # untouched
    result = merge_blueprints(base, ours, theirs)
    assert document_problems(result.blueprint) == [] and result.conflicts


def test_the_merge_benchmark_runs_on_a_small_blueprint():
    rows = {row.name.strip(): row for row in bench_merge.run(Config(repeats=1, blueprint=SMALL))}
    assert rows["merge / load three files"].unit == "x"
    assert rows["merge driver"].value > 0 and rows["diff"].value > 0
