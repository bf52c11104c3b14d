"""Improvement impact, priority, quadrants, waves, cost and lift, computed by hand."""

import pytest

from blueprint.analysis import Quadrant, Wave, build_plan
from blueprint.model import (
    Blueprint,
    Channel,
    ChannelKind,
    ContactReason,
    Demand,
    Epic,
    Frequency,
    Friction,
    Improvement,
    Persona,
    Stage,
    Touchpoint,
)


def base() -> Blueprint:
    """App (step 4, 0.10), chat (step 1, 4.00), store (step 1, no cost), complaints (step 0).

    Frictions on the app touchpoint, one a month each unless set otherwise.
    """
    return Blueprint(
        stages=[Stage(id="s1", name="Purchase"), Stage(id="s2", name="Support")],
        channels=[
            Channel(
                id="app", name="App", kind=ChannelKind.SELF_SERVICE, step=4, cost_per_contact=0.1
            ),
            Channel(
                id="chat", name="Chat", kind=ChannelKind.LIVE_HUMAN, step=1, cost_per_contact=4.0
            ),
            Channel(id="store", name="Store", kind=ChannelKind.LIVE_HUMAN, step=1),
            Channel(
                id="esc",
                name="Complaints",
                kind=ChannelKind.ESCALATION,
                step=0,
                cost_per_contact=40.0,
            ),
        ],
        touchpoints=[Touchpoint(id="t1", title="Pay in app", stage_id="s1", channel_id="app")],
    )


def friction(fid, count=1.0, severity=1, **fields) -> Friction:
    return Friction(
        id=fid,
        title=fid,
        touchpoint_id="t1",
        severity=severity,
        frequency=Frequency(count=count, per="month"),
        **fields,
    )


def score(plan, improvement_id):
    return next(s for s in plan.improvements if s.improvement_id == improvement_id)


def test_impact_priority_cost_and_lift_of_one_improvement():
    bp = base()
    bp.frictions = [
        # F = 10 x 2 x 1 x (1 + 3) = 80; to chat: 10 x 12 x 4.00 = 480 a year of contacts
        friction("f1", count=10, severity=2, leads_to_channel_id="chat"),
        # F = 5 x 3 x 1 x (1 + 4) = 75; customers give up: 5 x 12 = 60 lost journeys a year
        friction("f2", count=5, severity=3, gives_up=True),
        friction("good", count=50, severity=4, nature="good"),  # never counted
    ]
    bp.improvements = [
        Improvement(
            id="i",
            title="Fix payment",
            friction_ids=["f1", "f2", "good"],
            action="automate",
            confidence=0.8,
            effort=5,
            target_step=4,
        ),
    ]
    s = score(build_plan(bp), "i")
    assert s.friction_impact == pytest.approx(155.0)
    assert s.impact == pytest.approx(0.8 * 155.0)  # 124
    assert s.priority == pytest.approx(124.0 / 5)
    assert [f.friction_id for f in s.frictions] == ["f1", "f2"]
    assert s.good_friction_ids == ("good",)
    # automate avoids 0.8 of the contacts' cost
    assert s.avoidable_cost == pytest.approx(10 * 12 * 4.0 * 0.8)  # 384
    assert s.lost_journeys == pytest.approx(60.0)
    assert (s.current_step, s.target_step, s.lift) == (0, 4, 4)
    assert s.cost_unknown_channel_ids == ()


@pytest.mark.parametrize(
    "action, share", [("eliminate", 1.0), ("automate", 0.8), ("simplify", 0.5), ("leverage", 0.25)]
)
def test_avoidable_cost_share_by_action(action, share):
    bp = base()
    bp.frictions = [friction("f", count=2, leads_to_channel_id="esc")]
    bp.improvements = [Improvement(id="i", title="x", friction_ids=["f"], action=action)]
    assert score(build_plan(bp), "i").avoidable_cost == pytest.approx(2 * 12 * 40.0 * share)


def test_a_landing_channel_without_a_cost_counts_zero_and_is_listed():
    bp = base()
    bp.frictions = [friction("f", count=3, leads_to_channel_id="store")]
    bp.improvements = [Improvement(id="i", title="x", friction_ids=["f"], action="eliminate")]
    plan = build_plan(bp)
    s = score(plan, "i")
    assert s.avoidable_cost == 0.0
    assert s.cost_unknown_channel_ids == ("store",)
    assert plan.cost_unknown_channel_ids == ("store",)
    (term,) = s.cost_terms
    assert term.cost_per_contact is None and term.reach == 3


def test_a_friction_without_leads_to_costs_its_own_channel():
    bp = base()
    bp.frictions = [friction("f", count=10)]
    bp.improvements = [Improvement(id="i", title="x", friction_ids=["f"], action="eliminate")]
    assert score(build_plan(bp), "i").avoidable_cost == pytest.approx(10 * 12 * 0.1)


def test_an_improvement_with_no_frictions():
    bp = base()
    bp.improvements = [Improvement(id="i", title="Idea", effort=1)]
    s = score(build_plan(bp), "i")
    assert (s.impact, s.priority, s.avoidable_cost, s.lost_journeys) == (0, 0, 0, 0)
    assert s.current_step is None and s.lift is None
    # the only improvement: its impact equals the median, but nothing gained is never high
    assert s.quadrant == Quadrant.FILL_IN and s.wave == Wave.LATER
    assert s.addresses_nothing


def four_improvements() -> Blueprint:
    """Impacts 10, 20, 30, 40 (one friction each, confidence 1): the median is 25."""
    bp = base()
    bp.frictions = [friction(f"f{n}", count=n) for n in (10, 20, 30, 40)]
    efforts = {10: 1, 20: 8, 30: 2, 40: 8}
    bp.improvements = [
        Improvement(
            id=f"i{n}",
            title=f"Improve {n}",
            friction_ids=[f"f{n}"],
            confidence=1.0,
            effort=efforts[n],
        )
        for n in (10, 20, 30, 40)
    ]
    return bp


def test_median_of_an_even_number_of_improvements_and_quadrants():
    plan = build_plan(four_improvements())
    assert plan.median_impact == pytest.approx(25.0)
    quadrants = {s.improvement_id: s.quadrant for s in plan.improvements}
    assert quadrants == {
        "i30": Quadrant.QUICK_WIN,  # 30 >= 25, effort 2
        "i40": Quadrant.BIG_BET,  # 40 >= 25, effort 8
        "i10": Quadrant.FILL_IN,  # 10 < 25, effort 1
        "i20": Quadrant.MONEY_PIT,  # 20 < 25, effort 8
    }


def test_waves_follow_quadrants_and_priority_orders_the_ranks():
    plan = build_plan(four_improvements())
    # P: i30 = 15, i10 = 10, i40 = 5, i20 = 2.5
    assert [s.improvement_id for s in plan.improvements] == ["i30", "i10", "i40", "i20"]
    assert [s.rank for s in plan.improvements] == [1, 2, 3, 4]
    assert {w: [s.improvement_id for s in v] for w, v in plan.waves.items()} == {
        Wave.NOW: ["i30"],
        Wave.NEXT: ["i40"],
        Wave.LATER: ["i10"],
        Wave.RECONSIDER: ["i20"],
    }


def test_equal_priorities_break_ties_by_impact_then_title_then_id():
    bp = base()
    bp.frictions = [friction("f8", count=8), friction("f4", count=4)]
    bp.improvements = [
        Improvement(id="z", title="Same", friction_ids=["f4"], confidence=1.0, effort=1),
        Improvement(id="big", title="Zulu", friction_ids=["f8"], confidence=1.0, effort=2),
        Improvement(id="a", title="Same", friction_ids=["f4"], confidence=1.0, effort=1),
        Improvement(id="b", title="Alpha", friction_ids=["f4"], confidence=1.0, effort=1),
    ]
    # every priority is 4; "big" has the higher impact (8), then titles, then ids
    plan = build_plan(bp)
    assert [s.priority for s in plan.improvements] == [4.0] * 4
    assert [s.improvement_id for s in plan.improvements] == ["big", "b", "a", "z"]


def test_an_empty_blueprint_has_an_empty_plan():
    plan = build_plan(Blueprint())
    assert plan.is_empty and plan.improvements == () and plan.median_impact is None
    assert plan.total_avoidable_cost == 0 and plan.lost_journeys == 0
    assert plan.failure_demand.share is None
    assert plan.epic_overall.score is None and plan.epic_overall.weakest is None


def test_total_avoidable_cost_counts_a_friction_once_at_its_best_saving():
    bp = base()
    bp.frictions = [friction("f", count=1, leads_to_channel_id="chat")]
    bp.improvements = [
        Improvement(id="i1", title="Simplify", friction_ids=["f"], action="simplify"),
        Improvement(id="i2", title="Eliminate", friction_ids=["f"], action="eliminate"),
    ]
    assert build_plan(bp).total_avoidable_cost == pytest.approx(1 * 12 * 4.0 * 1.0)


def test_lost_journeys_of_the_whole_blueprint():
    bp = base()
    bp.frictions = [
        friction("f1", count=3, gives_up=True),
        friction("f2", count=1),
        friction("g", count=9, gives_up=True, nature="good"),
    ]
    assert build_plan(bp).lost_journeys == pytest.approx(3 * 12)


def test_failure_demand_share_weighs_contacts_by_reach():
    bp = base()
    bp.contact_reasons = [
        ContactReason(id="r", name="Orders"),
        ContactReason(id="rf", name="Where is my order", parent_id="r", demand=Demand.FAILURE),
        ContactReason(id="rv", name="Place an order", parent_id="r", demand=Demand.VALUE),
    ]
    bp.frictions = [
        friction("f1", count=30, contact_reason_id="rf"),
        friction("f2", count=10, contact_reason_id="rv"),
        friction("f3", count=99),
    ]
    demand = build_plan(bp).failure_demand
    assert (demand.failure_contacts, demand.all_contacts) == (30, 40)
    assert demand.share == pytest.approx(0.75)


def test_data_gaps_are_estimated_or_unknown_frequencies_behind_top_improvements():
    bp = four_improvements()
    bp.frictions[0].frequency.source = "estimated"  # f10, behind i10 (rank 2)
    bp.frictions[1].frequency.source = "unknown"  # f20, behind i20 (rank 4)
    bp.frictions[2].frequency.source = "measured"  # f30
    bp.frictions[3].frequency.source = "unknown"  # f40, behind i40 (rank 3)
    assert [f.friction_id for f in build_plan(bp, top=3).data_gaps] == ["f10", "f40"]
    assert [f.friction_id for f in build_plan(bp, top=1).data_gaps] == []


def test_epic_scores_index_and_weakest_letter_per_stage():
    bp = base()
    bp.touchpoints = [
        Touchpoint(
            id="t1", title="a", stage_id="s1", channel_id="app", epic=Epic(easy=4, personalised=2)
        ),  # 3.0
        Touchpoint(
            id="t2",
            title="b",
            stage_id="s1",
            channel_id="chat",
            epic=Epic(easy=5, personalised=3, intuitive=4, contextual=4),
        ),  # 4.0
        Touchpoint(id="t3", title="c", stage_id="s1", channel_id="chat"),  # not scored
    ]
    plan = build_plan(bp)
    stage = plan.epic_by_stage["s1"]
    assert stage.scored == 2 and stage.score == pytest.approx(3.5)
    assert stage.index == pytest.approx(62.5)
    assert stage.letters == {"E": 4.5, "P": 2.5, "I": 4.0, "C": 4.0}
    assert stage.weakest == "P"
    assert plan.epic_by_stage["s2"].score is None
    assert plan.epic_by_channel["chat"].score == pytest.approx(4.0)
    assert plan.epic_by_channel["chat"].index == pytest.approx(75.0)


def test_persona_filter_keeps_only_the_touchpoints_that_apply():
    bp = base()
    bp.personas = [Persona(id="p1", name="Family"), Persona(id="p2", name="Student")]
    bp.touchpoints.append(
        Touchpoint(
            id="t2", title="Student discount", stage_id="s1", channel_id="app", persona_ids=["p2"]
        )
    )
    bp.frictions = [
        friction("f1", count=5),
        Friction(
            id="f2",
            title="Proof of study",
            touchpoint_id="t2",
            frequency=Frequency(count=50, per="month"),
        ),
    ]
    bp.improvements = [
        Improvement(id="i1", title="All", friction_ids=["f1"], confidence=1.0, effort=1),
        Improvement(id="i2", title="Students", friction_ids=["f2"], confidence=1.0, effort=1),
    ]
    whole = build_plan(bp)
    family = build_plan(bp, persona_id="p1")
    student = build_plan(bp, persona_id="p2")
    assert [s.improvement_id for s in whole.improvements] == ["i2", "i1"]
    assert [s.improvement_id for s in family.improvements] == ["i1"]
    assert [f.friction_id for f in family.frictions] == ["f1"]
    assert [s.improvement_id for s in student.improvements] == ["i2", "i1"]
