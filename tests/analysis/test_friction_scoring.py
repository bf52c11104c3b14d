"""Friction impact, term by term, against values computed by hand from DOMAIN.md."""

import pytest

from blueprint.analysis import build_plan, monthly_reach, score_frictions, segment_weight
from blueprint.model import (
    Blueprint,
    Channel,
    ChannelKind,
    Frequency,
    Friction,
    Persona,
    Stage,
    Touchpoint,
)


def blueprint(personas=(), **friction_fields) -> Blueprint:
    """Web (step 4), phone (step 1, 6.00 a contact), one touchpoint on web, one friction."""
    return Blueprint(
        stages=[Stage(id="s", name="Support")],
        channels=[
            Channel(
                id="web", name="Web", kind=ChannelKind.SELF_SERVICE, step=4, cost_per_contact=0.2
            ),
            Channel(
                id="phone", name="Phone", kind=ChannelKind.LIVE_HUMAN, step=1, cost_per_contact=6.0
            ),
        ],
        personas=list(personas),
        touchpoints=[Touchpoint(id="t", title="Track order", stage_id="s", channel_id="web")],
        frictions=[Friction(id="f", title="Status unclear", touchpoint_id="t", **friction_fields)],
    )


@pytest.mark.parametrize(
    "per, expected",
    [("day", 365.0), ("week", 52.0), ("month", 12.0), ("quarter", 4.0), ("year", 1.0)],
)
def test_monthly_reach_of_twelve_per_period(per, expected):
    friction = Friction(title="x", touchpoint_id="t", frequency=Frequency(count=12, per=per))
    assert monthly_reach(friction) == pytest.approx(expected)


A = Persona(id="a", name="Premium", value_weight=2.0, share=25)
B = Persona(id="b", name="Standard", value_weight=1.0, share=75)
TP = Touchpoint(title="t", stage_id="s", channel_id="c")


def test_segment_weight_without_personas_is_one():
    assert segment_weight(TP, []) == 1.0


def test_segment_weight_is_share_weighted_over_all_personas_when_none_listed():
    assert segment_weight(TP, [A, B]) == pytest.approx((2.0 * 25 + 1.0 * 75) / 100)  # 1.25


def test_segment_weight_of_the_listed_personas_only():
    assert segment_weight(TP.model_copy(update={"persona_ids": ["a"]}), [A, B]) == 2.0


def test_segment_weight_is_the_plain_mean_when_a_share_is_missing():
    no_share = B.model_copy(update={"share": None})
    assert segment_weight(TP, [A, no_share]) == pytest.approx(1.5)


def test_segment_weight_is_the_plain_mean_when_shares_sum_to_zero():
    zero = [A.model_copy(update={"share": 0}), B.model_copy(update={"share": 0})]
    assert segment_weight(TP, zero) == pytest.approx(1.5)


def test_friction_pushed_to_the_phone_carries_every_term():
    bp = blueprint(
        personas=[A, B],
        severity=3,
        frequency=Frequency(count=10, per="week", source="measured"),
        leads_to_channel_id="phone",
    )
    (score,) = score_frictions(bp)
    assert score.reach == pytest.approx(10 * 52 / 12)  # 43.33 a month
    assert (score.origin_step, score.landing_step, score.drop) == (4, 1, 3)
    assert score.weight == pytest.approx(1.25)
    # F = r x severity x w x (1 + d) = 43.33 x 3 x 1.25 x 4
    assert score.impact == pytest.approx(650.0)
    assert score.landing_channel_id == "phone"


def test_friction_that_stays_in_its_channel_has_no_drop():
    bp = blueprint(severity=2, frequency=Frequency(count=5, per="month"))
    (score,) = score_frictions(bp)
    assert (score.landing_step, score.drop) == (4, 0)
    assert score.impact == pytest.approx(5 * 2 * 1.0 * 1)


def test_giving_up_lands_on_step_zero_even_with_a_leads_to():
    bp = blueprint(
        severity=4,
        frequency=Frequency(count=2, per="month"),
        gives_up=True,
        leads_to_channel_id="phone",
    )
    (score,) = score_frictions(bp)
    assert (score.landing_step, score.drop, score.landing_channel_id) == (0, 4, None)
    assert score.impact == pytest.approx(2 * 4 * 1.0 * 5)


def test_leading_to_a_higher_step_is_no_drop():
    bp = blueprint(severity=1, frequency=Frequency(count=3, per="month"))
    bp.touchpoints[0].channel_id = "phone"
    bp.frictions[0].leads_to_channel_id = "web"
    (score,) = score_frictions(bp)
    assert (score.origin_step, score.landing_step, score.drop) == (1, 4, 0)
    assert score.impact == pytest.approx(3.0)


def test_good_friction_is_shown_but_never_scored():
    bp = blueprint(
        nature="good",
        severity=4,
        frequency=Frequency(count=100, per="day"),
        leads_to_channel_id="phone",
    )
    (score,) = score_frictions(bp)
    assert score.good and score.impact == 0.0 and score.reach > 0


def test_heat_map_sums_impact_per_cell():
    bp = blueprint(severity=2, frequency=Frequency(count=5, per="month"))
    bp.frictions.append(
        Friction(
            id="g",
            title="Second",
            touchpoint_id="t",
            severity=1,
            frequency=Frequency(count=1, per="month"),
        )
    )
    assert build_plan(bp).heat_map == {("s", "web"): pytest.approx(10.0 + 1.0)}
