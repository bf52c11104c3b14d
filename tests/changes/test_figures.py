"""What each state of the journey costs, and the deltas, computed by hand on a small file.

``future_blueprint``: personas Family (weight 1.0, share 80) and Home worker (1.5, 20), so a
touchpoint for everyone has w = (1.0 x 80 + 1.5 x 20) / 100 = 1.1 and the call, for home
workers only, w = 1.5.

Today: x1 "Status unclear" (web, step 4 -> phone, step 1; r 100, severity 3) has
F = 100 x 3 x 1.1 x (1 + 3) = 1,320 and costs 100 x 12 x 6 = 7,200 a year; x2 "Long hold"
(phone, step 1, gives up -> 0; r 40, severity 2) has F = 40 x 2 x 1.5 x 2 = 240 and loses
480 journeys a year; x3 is good friction (F 0), r 300 for a value-demand reason.

Tomorrow: x1 happens 10 times a month: F = 132, cost 720; the call and x2 are gone; x4 "SMS
too early" (sms, step 2, no cost set; r 20, severity 1) has F = 20 x 1 x 1.1 x 1 = 22.
"""

from dataclasses import replace

import pytest

from blueprint.analysis import build_plan
from blueprint.changes import (
    MEASURES,
    Comparison,
    ComparisonError,
    State,
    compare_files,
    compare_states,
    comparison_document,
    figures,
    journey_figures,
    state_figures,
    state_view,
)
from blueprint.changes.compare import (
    CHANNEL_SWITCHES,
    EPIC_INDEX,
    FAILURE_DEMAND,
    FRICTION_COST,
    FRICTION_IMPACT,
    LOST_JOURNEYS,
)
from blueprint.model import EpicLetter, Frequency, Friction, TouchpointFuture
from tests.factories import future_blueprint, small_blueprint

approx = pytest.approx


def test_todays_figures():
    today = state_figures(future_blueprint(), State.CURRENT)
    assert today.friction_impact == approx(1320 + 240)
    assert today.stairway == approx((40, 100, 0, 0, 0, 0))
    assert today.friction_cost == approx(7200)  # x2 gives up: no contact to pay for
    assert today.cost_unknown_channel_ids == ()
    assert today.lost_journeys == approx(480)
    # Failure demand counts good friction too: 100 failure contacts of 100 + 300.
    assert today.failure_demand.share == approx(0.25)
    assert today.channel_switches == 1  # status form (web) -> call (phone)
    # EPIC: order online 3, status form 2, the call unscored; the index of 2.5 is 37.5.
    assert today.epic.index == approx(37.5)
    assert today.epic.weakest == EpicLetter.PERSONALISED  # P 2 and I 2 tie: EPIC order
    order, install = today.stages
    assert (order.epic.index, order.epic.weakest, order.emotion) == (50, EpicLetter.PERSONALISED, 1)
    assert (install.epic.index, install.epic.weakest) == (25, EpicLetter.EASY)
    assert install.emotion == approx(-1.5)  # status form -1, call -2


def test_tomorrows_figures():
    tomorrow = state_figures(future_blueprint(), State.FUTURE)
    assert tomorrow.friction_impact == approx(132 + 22)
    assert tomorrow.stairway == approx((0, 10, 20, 0, 0, 0))
    assert tomorrow.friction_cost == approx(720)
    assert tomorrow.cost_unknown_channel_ids == ("sms",)  # named, counted 0
    assert tomorrow.lost_journeys == 0
    assert tomorrow.failure_demand.share == approx(10 / 330)
    assert tomorrow.channel_switches == 1  # order online (web) -> SMS
    # EPIC 3, 4 and 5: index 75; the install stage 4 and 5: 87.5, weakest I (4 against 4.5).
    assert tomorrow.epic.index == approx(75)
    install = tomorrow.stage("s2")
    assert install.epic.index == approx(87.5)
    assert install.epic.weakest == EpicLetter.INTUITIVE
    assert install.emotion == approx(1)


def test_a_friction_point_on_a_card_that_moves_tomorrow_lands_where_the_card_moves():
    """x5 "Slow page" (order online, r 50, severity 2) is the same in both states, but the
    card moves from the web (step 4) to SMS (step 2) tomorrow: today it lands on step 4 and
    costs 50 x 12 x 0.5 = 300 a year, tomorrow on step 2, where no cost is set."""
    bp = future_blueprint()
    order_online = bp.touchpoints[0]
    order_online.future = TouchpointFuture(channel_id="sms")
    bp.frictions.append(
        Friction(
            id="x5",
            title="Slow page",
            touchpoint_id=order_online.id,
            severity=2,
            frequency=Frequency(count=50, per="month"),
        )
    )
    whole = compare_states(bp).whole
    assert whole.before.stairway == approx((40, 100, 0, 0, 50, 0))
    assert whole.after.stairway == approx((0, 10, 20 + 50, 0, 0, 0))
    assert whole.before.friction_cost == approx(7200 + 300)
    assert whole.after.friction_cost == approx(720)
    assert whole.after == state_figures(bp, State.FUTURE)


def test_every_delta_is_future_minus_current():
    comparison = compare_states(future_blueprint())
    whole = comparison.whole
    assert (comparison.before_name, comparison.after_name) == ("today", "tomorrow")
    assert whole.change(FRICTION_IMPACT).delta == approx(154 - 1560)
    assert whole.change(FRICTION_COST).delta == approx(720 - 7200)
    assert whole.avoidable_cost == approx(6480)
    assert whole.change(LOST_JOURNEYS).delta == approx(-480)
    # Shares in percentage points: 3.03% - 25%.
    assert whole.change(FAILURE_DEMAND).delta == approx(100 * 10 / 330 - 25)
    assert whole.change(CHANNEL_SWITCHES).delta == 0
    assert whole.change(EPIC_INDEX).delta == approx(37.5)
    assert [c.delta for c in whole.stairway] == approx([-40, -90, 20, 0, 0, 0])
    assert whole.cost_unknown_channel_ids == ("sms",)
    order, install = whole.stages
    assert (order.epic_index.delta, order.emotion.delta) == (0, 0)
    assert install.epic_index.delta == approx(62.5)
    assert (install.weakest_before, install.weakest_after) == ("E", "I")
    assert install.emotion.delta == approx(2.5)


def test_better_and_worse_follow_the_measure():
    whole = compare_states(future_blueprint()).whole
    assert whole.change(FRICTION_COST).better is True  # fell
    assert whole.change(EPIC_INDEX).better is True  # rose
    assert whole.change(CHANNEL_SWITCHES).better is None  # no change
    assert whole.stairway[2].better is None  # neither way is better in itself


def test_per_persona_keeps_each_touchpoints_segment_weight():
    comparison = compare_states(future_blueprint())
    family, home_worker = comparison.personas
    assert family.persona_id == "p1"
    # The call is for home workers only: the family's today has x1 and x3 only ...
    assert family.before.friction_impact == approx(1320)  # w stays 1.1, not the family's 1.0
    assert family.before.lost_journeys == 0
    assert family.before.channel_switches == 0  # the switch to the call is not theirs
    assert family.before.stage("s2").emotion == -1
    # ... and tomorrow the SMS is theirs too.
    assert family.after.friction_impact == approx(154)
    assert family.change(CHANNEL_SWITCHES).delta == 1
    assert family.change(LOST_JOURNEYS).delta == 0
    # Every touchpoint applies to home workers: the same as the whole journey.
    whole = comparison.whole
    assert replace(home_worker.before, persona_id=None) == whole.before
    assert replace(home_worker.after, persona_id=None) == whole.after


def test_one_persona_asked_for():
    comparison = compare_states(future_blueprint(), persona_id="p1")
    assert comparison.whole.persona_id == "p1"
    assert comparison.whole.change(FRICTION_IMPACT).delta == approx(154 - 1320)
    assert comparison.personas == ()
    assert journey_figures(state_view(future_blueprint(), State.CURRENT)).personas[0] == figures(
        state_view(future_blueprint(), State.CURRENT), "p1"
    )


def test_every_customer_only():
    only = compare_states(future_blueprint(), each_persona=False)
    assert only.personas == ()
    assert only.whole == compare_states(future_blueprint()).whole


def test_the_three_biggest_changes_are_sized_against_their_scale():
    biggest = compare_states(future_blueprint()).whole.biggest()
    # Lost journeys 480 -> 0 is all of it (1.0), friction impact falls by 1406/1560, friction
    # cost by 6480/7200; EPIC +37.5 of 100 and failure demand -22 of 100 points come after.
    assert [c.measure for c in biggest] == [LOST_JOURNEYS, FRICTION_IMPACT, FRICTION_COST]


def test_the_plan_is_ranked_on_todays_journey():
    plan = build_plan(future_blueprint())
    assert {f.friction_id for f in plan.frictions} == {"x1", "x2", "x3"}
    assert plan.frictions[0].reach == 100  # today's frequency, not tomorrow's
    assert len(plan.channel_switches) == 1


def test_comparing_two_files_matches_stages_and_personas_by_id():
    a = small_blueprint()
    b = small_blueprint()
    b.frictions[0].frequency.count = 10  # 20 a week -> 10 a week
    b.stages[1].name = "Aftercare"  # renamed: still the same stage
    a.stages.append(a.stages[0].model_copy(update={"id": "gone", "name": "Gone"}))
    comparison = compare_files(a, b, names=("v1", "v2"))
    reach = 20 * 52 / 12
    assert comparison.whole.change(FRICTION_COST).delta == approx(-(reach / 2) * 12 * 7.5)
    assert [s.stage_id for s in comparison.whole.stages] == ["s1", "s2", "gone"]
    gone = comparison.whole.stages[2]
    assert gone.epic_index.after is None and gone.epic_index.delta is None
    assert comparison.names["s2"] == "Aftercare"
    assert [p.persona_id for p in comparison.personas] == ["p1"]


def test_a_persona_in_one_file_only_is_named_not_compared():
    a, b = small_blueprint(), small_blueprint()
    b.personas.append(b.personas[0].model_copy(update={"id": "p2", "name": "Student"}))
    comparison = compare_files(a, b)
    assert [p.persona_id for p in comparison.personas] == ["p1"]
    assert comparison.unmatched_persona_ids == ("p2",)


def test_files_in_different_currencies_cannot_be_compared():
    a, b = small_blueprint(), small_blueprint()
    b.currency = "GBP"
    with pytest.raises(ComparisonError, match=r"EUR.*GBP"):
        compare_files(a, b, names=("a.blueprint", "b.blueprint"))


def test_a_file_of_one_state_compared_with_itself_changes_nothing():
    comparison = compare_states(small_blueprint())
    assert isinstance(comparison, Comparison)
    assert comparison.is_zero
    assert comparison.whole.biggest() == ()
    assert comparison.differences == ()


def test_the_json_document_names_what_it_counts():
    doc = comparison_document(compare_states(future_blueprint()))
    figures_ = doc["figures"]
    assert [k for k in figures_ if k in {m.key for m in MEASURES}] == [m.key for m in MEASURES]
    assert figures_["friction_cost_per_year"] == {
        "before": approx(7200),
        "after": approx(720),
        "delta": approx(-6480),
        "unit": "money",
    }
    assert figures_["avoidable_cost_per_year"] == approx(6480)
    assert figures_["cost_unknown_channels"] == ["SMS"]
    assert figures_["channel_switches"] == {"before": 1, "after": 1, "delta": 0, "unit": "count"}
    # A share is in percent here, its delta in points; the plan's totals hold a fraction.
    assert figures_["failure_demand_share"]["unit"] == "percent"
    assert figures_["weakest_epic_letter"] == {"before": "P", "after": "P"}
    assert figures_["stairway_per_month"][1]["name"] == "Live human"
    assert figures_["stages"][1]["stage"] == "Install"
    assert [p["persona"] for p in doc["personas"]] == ["Family", "Home worker"]
    assert "Added touchpoint 'Install date by SMS'" in [d["text"] for d in doc["differences"]]


def test_a_deliberate_friction_point_removed_tomorrow_says_so():
    """A security check gone tomorrow was listed like any other line; the method never plans
    to remove good friction."""
    from blueprint.changes import compare_states
    from blueprint.storage import load_blueprint

    bp = load_blueprint("samples/broadband-installation.blueprint")
    lines = [d.describe() for d in compare_states(bp).differences]
    good = {f.title for f in bp.frictions if f.nature == "good" and f.state == "current"}
    assert good
    for title in good:
        assert f"Removed deliberate friction point '{title}'" in lines
    assert sum("deliberate" in line for line in lines) == len(good)
