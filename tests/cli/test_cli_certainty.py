"""`blueprint plan --format json` says how sure the plan is; --top-k and --seed steer it."""

import json

from blueprint.cli import main

SAMPLE = "samples/broadband-installation.blueprint"
AIRLINE = "samples/airline-delayed-bag.blueprint"


def plan_json(capsys, *args, path=None) -> dict:
    assert main(["plan", path or SAMPLE, "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_json_plan_carries_stability_p_top_k_rank_range_and_what_to_measure(capsys):
    document = plan_json(capsys)
    certainty = document["certainty"]
    assert (certainty["k"], certainty["worlds"]) == (3, 2000)
    assert 0 < certainty["stability"] < 1
    ranked = document["improvements"]
    assert certainty["top_k"] == [i["title"] for i in ranked[:3]]
    for item in ranked:
        low, high = item["rank_range"]
        assert 1 <= low <= high <= len(ranked)
        assert 0 <= item["p_top_k"] <= 1
    first = certainty["measure_first"]
    assert first and all(m["source"] in ("estimated", "unknown") for m in first)
    decisive = [m["title"] for m in first if m["decisive"]]
    assert certainty["decisive"] == decisive == [m["title"] for m in first[: len(decisive)]]
    top = first[0]
    assert top["range_per_month"][0] < top["reach_per_month"] < top["range_per_month"][1]
    assert top["swing"] > 0 and len(top["top_k_at_low"]) == len(top["top_k_at_high"]) == 3


def test_top_k_and_seed_change_what_is_measured(capsys):
    default = plan_json(capsys)
    one = plan_json(capsys, "--top-k", "1")
    assert one["certainty"]["k"] == 1 and len(one["certainty"]["top_k"]) == 1
    # The sample's first improvement leads in every plausible world.
    assert one["certainty"]["stability"] == 1
    reseeded = plan_json(capsys, "--seed", "7")
    assert reseeded["certainty"]["seed"] == 7
    assert reseeded["certainty"]["stability"] != default["certainty"]["stability"]
    assert plan_json(capsys) == default  # the fixed seed: the same worlds every time


def test_top_k_below_one_is_a_usage_error(capsys):
    assert main(["plan", SAMPLE, "--format", "json", "--top-k", "0"]) == 2
    assert "--top-k must be at least 1" in capsys.readouterr().err


def test_the_json_says_who_joins_and_leaves_the_now_wave_at_each_end_of_a_range(capsys):
    """As the PDF and the editor say it: the JSON gave the top K at each end only, and a
    friction point decisive for the Now wave alone looked decisive for nothing."""
    document = plan_json(capsys, path=AIRLINE)
    [item] = [
        m
        for m in document["certainty"]["measure_first"]
        if m["title"] == "Receipt upload fails for phone photos"
    ]
    ranked = [i["title"] for i in document["improvements"]]
    assert item["now_wave_at_low"] == {"joining": [], "leaving": []}
    assert item["now_wave_at_high"] == {"joining": [ranked[5]], "leaving": [ranked[4]]}
