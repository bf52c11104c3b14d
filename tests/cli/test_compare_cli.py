"""`blueprint compare`: what the future state changes, or what one file changes from another."""

import json

import pytest

from blueprint.cli import main
from blueprint.model import Epic, TouchpointFuture
from blueprint.storage import save_blueprint
from tests.factories import future_blueprint, small_blueprint, tiny_delta_blueprint


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def future_file(tmp_path):
    path = tmp_path / "broadband.blueprint"
    save_blueprint(future_blueprint(), path)
    return path


def saved(tmp_path, bp, name):
    path = tmp_path / name
    save_blueprint(bp, path)
    return path


def test_one_file_today_against_tomorrow_as_text(capsys, future_file):
    code, out, err = run(capsys, "compare", future_file)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Broadband, today and tomorrow: today -> tomorrow"
    cost = next(line for line in lines if line.strip().startswith("Friction cost a year"))
    assert cost.split()[-4:] == ["£", "720", "-£", "6,480"]
    assert "Avoidable cost a year: £ 6,480; cost per contact unknown for SMS (counted as 0)" in out
    assert "  - Lost journeys a year fall by 480, from 480 to 0." in lines
    assert "  - Friction cost a year falls by £ 6,480, from £ 7,200 to £ 720." in lines
    install = next(line for line in lines if line.strip().startswith("Install "))
    assert "+62.5 points" in install and "E -> I" in install
    assert "For persona Family" in lines and "For persona Home worker" in lines
    assert "  - Added touchpoint 'Install date by SMS'" in lines


def test_a_costlier_file_has_no_avoidable_cost_but_a_rise(capsys, tmp_path):
    """The slow page twice as often (40 a week, ending in a call at 7.50): the friction cost
    rises from 20 x 52 x 7.50 = 7,800 to 15,600 a year. Nothing is avoided; it was printed
    as a negative avoidable cost."""
    before = small_blueprint()
    after = small_blueprint()
    after.frictions[0].frequency.count = 40
    code, out, _ = run(
        capsys,
        "compare",
        saved(tmp_path, before, "a.blueprint"),
        saved(tmp_path, after, "b.blueprint"),
    )
    assert code == 0
    assert "Avoidable cost a year: none (rises by € 7,800)" in out
    assert "€ -7,800" not in out


def test_one_file_as_json(capsys, future_file):
    code, out, _ = run(capsys, "compare", future_file, "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert (doc["before"], doc["after"], doc["currency"]) == ("today", "tomorrow", "GBP")
    figures = doc["figures"]
    assert figures["lost_journeys_per_year"] == {
        "before": 480,
        "after": 0,
        "delta": -480,
        "unit": "journeys",
    }
    assert figures["failure_demand_share"]["delta"] == pytest.approx(100 * 10 / 330 - 25)
    assert [s["delta"] for s in figures["stairway_per_month"]] == pytest.approx(
        [-40, -90, 20, 0, 0, 0]
    )
    assert [p["persona"] for p in doc["personas"]] == ["Family", "Home worker"]


def test_one_persona(capsys, future_file):
    code, out, _ = run(capsys, "compare", future_file, "--persona", "family", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["persona"] == "Family" and doc["personas"] == []
    assert doc["figures"]["channel_switches"] == {
        "before": 0,
        "after": 1,
        "delta": 1,
        "unit": "count",
    }


def test_a_file_without_a_future_says_so(capsys, tmp_path):
    path = saved(tmp_path, small_blueprint(), "small.blueprint")
    code, out, _ = run(capsys, "compare", path)
    assert code == 0
    assert out.splitlines()[0] == f"{path} draws no future state: tomorrow is today"
    assert "Nothing changes." in out


def test_two_files_by_id(capsys, tmp_path):
    before = small_blueprint()
    after = small_blueprint()
    after.frictions[0].frequency.count = 10  # 20 a week -> 10 a week
    after.stages[1].name = "Aftercare"  # renamed, the same stage
    a, b = saved(tmp_path, before, "v1.blueprint"), saved(tmp_path, after, "v2.blueprint")
    code, out, _ = run(capsys, "compare", a, b, "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert (doc["before"], doc["after"]) == (str(a), str(b))
    assert doc["figures"]["friction_cost_per_year"]["delta"] == pytest.approx(
        -10 * 52 / 12 * 12 * 7.5
    )
    assert [s["stage"] for s in doc["figures"]["stages"]] == ["Purchase", "Aftercare"]
    assert doc["differences"] == []
    code, out, _ = run(capsys, "compare", a, b)
    assert code == 0 and out.splitlines()[0] == f"Small (current state): {a} -> {b}"


def test_two_files_in_their_future_state(capsys, tmp_path):
    a = saved(tmp_path, future_blueprint(), "a.blueprint")
    b = saved(tmp_path, future_blueprint(), "b.blueprint")
    code, out, _ = run(capsys, "compare", a, b, "--state", "future", "--format", "json")
    assert code == 0
    assert json.loads(out)["figures"]["lost_journeys_per_year"]["before"] == 0  # tomorrow's


def test_files_in_two_currencies_are_refused_in_one_line(capsys, tmp_path):
    other = small_blueprint()
    other.currency = "GBP"
    a = saved(tmp_path, small_blueprint(), "a.blueprint")
    b = saved(tmp_path, other, "b.blueprint")
    code, out, err = run(capsys, "compare", a, b)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"blueprint: error: cannot compare: {a} counts costs in EUR and {b} in GBP; set the "
        "same currency in both to compare them"
    ]


def test_an_unreadable_file_is_exit_code_1(capsys, tmp_path):
    code, _, err = run(capsys, "compare", tmp_path / "missing.blueprint")
    assert code == 1 and "missing.blueprint" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args, words",
    [
        (["x.blueprint", "y.blueprint", "z.blueprint"], "one file"),
        (["{one}", "--state", "future"], "--state chooses the state of two files"),
        (["{one}", "--persona", "Nobody"], "no persona named 'Nobody'"),
        (["{one}", "--format", "csv"], "invalid choice: 'csv'"),
        ([], "the following arguments are required: FILE"),
    ],
)
def test_usage_errors(capsys, future_file, args, words):
    args = [a.replace("{one}", str(future_file)) for a in args]
    code, out, err = run(capsys, "compare", *args)
    assert code == 2 and out == "" and words in err and len(err.splitlines()) == 1


def test_plan_json_carries_the_future_state_and_ranks_on_today(capsys, future_file, tmp_path):
    code, out, _ = run(capsys, "plan", future_file, "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert doc["future_state"]["figures"]["avoidable_cost_per_year"] == pytest.approx(6480)
    # Ranked on today's journey: today's frequency, no friction point of tomorrow only.
    terms = [t for i in doc["improvements"] for t in i["friction_terms"]]
    assert {t["id"] for t in terms} == {"x1", "x2"}
    assert next(t for t in terms if t["id"] == "x1")["reach_per_month"] == 100
    assert doc["totals"]["lost_journeys_per_year"] == 480
    one_state = saved(tmp_path, small_blueprint(), "small.blueprint")
    _, out, _ = run(capsys, "plan", one_state, "--format", "json")
    assert "future_state" not in json.loads(out)


def test_a_share_that_moves_by_less_than_a_tenth_of_a_point_reads_zero_unsigned(capsys, tmp_path):
    code, out, _ = run(capsys, "compare", saved(tmp_path, tiny_delta_blueprint(), "tiny.blueprint"))
    assert code == 0
    share = next(line for line in out.splitlines() if "Failure-demand share" in line)
    assert share.split()[-4:] == ["50.0%", "50.0%", "0.0", "points"]
    assert "-0.0" not in out
    assert "  - Failure-demand share falls by less than 0.1 points, from 50.0% to 50.0%." in out


def test_a_future_equal_to_today_changes_nothing_and_lists_nothing(capsys, tmp_path):
    bp = small_blueprint()
    bp.touchpoints[0].epic = Epic(easy=3)
    bp.touchpoints[0].future = TouchpointFuture(epic=Epic(easy=3))
    code, out, _ = run(capsys, "compare", saved(tmp_path, bp, "same.blueprint"))
    assert code == 0
    assert "Nothing changes." in out.splitlines()
    assert "What the future state changes" not in out
    assert "Changed touchpoint" not in out
