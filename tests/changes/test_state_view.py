"""One state of the journey as an ordinary blueprint, and what the future changes."""

from blueprint.changes import DifferenceKind, State, differences, has_future_state, state_view
from blueprint.model import (
    Epic,
    Flow,
    Frequency,
    FrictionFuture,
    Presence,
    Touchpoint,
    TouchpointFuture,
    document_problems,
)
from tests.factories import small_blueprint


def drawn_future():
    bp = small_blueprint()
    bp.touchpoints.append(
        Touchpoint(id="sms", title="Proactive SMS", stage_id="s2", channel_id="web", state="future")
    )
    bp.touchpoints[1].state = Presence.CURRENT  # the call about the order is gone
    for flow in bp.flows:
        flow.state = Presence.CURRENT
    bp.flows.append(Flow(id="f3", from_id="t1", to_id="sms", state="future"))
    bp.frictions[1].state = Presence.CURRENT
    bp.touchpoints[0].future = TouchpointFuture(emotion=1, epic=Epic(easy=5))
    bp.frictions[0].future = FrictionFuture(severity=1, frequency=Frequency(count=2, per="week"))
    assert document_problems(bp) == []
    return bp


def test_a_blueprint_of_one_state_is_the_same_in_both():
    bp = small_blueprint()
    assert not has_future_state(bp)
    assert state_view(bp, State.CURRENT) == bp
    assert state_view(bp, State.FUTURE) == bp
    assert differences(bp) == []


def test_today_keeps_what_is_gone_tomorrow_and_not_what_is_new():
    current = state_view(drawn_future(), State.CURRENT)
    assert [t.id for t in current.touchpoints] == ["t1", "t2", "t3"]
    assert [f.id for f in current.flows] == ["f1", "f2"]
    assert [f.id for f in current.frictions] == ["x1", "x2"]
    assert current.touchpoints[0].emotion is None  # today's values
    assert current.frictions[0].severity == 2
    assert document_problems(current) == []


def test_tomorrow_has_the_new_without_the_gone_and_its_own_values():
    bp = drawn_future()
    future = state_view(bp, State.FUTURE)
    assert [t.id for t in future.touchpoints] == ["t1", "t3", "sms"]
    assert [f.id for f in future.flows] == ["f3"]
    assert [f.id for f in future.frictions] == ["x1"]
    t1 = future.touchpoints[0]
    assert (t1.emotion, t1.epic.easy, t1.channel_id) == (1, 5, "web")
    x1 = future.frictions[0]
    assert (x1.severity, x1.frequency.count, x1.frequency.per) == (1, 2, "week")
    assert x1.leads_to_channel_id == "phone"  # not changed: today's
    assert all(
        e.state == Presence.BOTH and getattr(e, "future", None) is None
        for e in (*future.touchpoints, *future.frictions, *future.flows)
    )
    assert document_problems(future) == []
    # The file itself is untouched.
    assert bp.touchpoints[0].emotion is None and bp.frictions[0].severity == 2


def test_an_improvement_keeps_only_the_friction_points_of_the_state():
    bp = drawn_future()
    bp.improvements[0].friction_ids = ["x1", "x2"]
    assert state_view(bp, State.FUTURE).improvements[0].friction_ids == ["x1"]
    assert state_view(bp, State.CURRENT).improvements[0].friction_ids == ["x1", "x2"]


def test_the_differences_in_words():
    found = [d.describe() for d in differences(drawn_future())]
    assert found == [
        "Changed touchpoint 'Checkout': emotion, EPIC",
        "Removed touchpoint 'Call about order'",
        "Added touchpoint 'Proactive SMS'",
        "Changed friction point 'Slow page': severity, frequency",
        "Removed friction point 'Long hold'",
        "Removed flow 'Checkout → Call about order'",
        "Removed flow 'Call about order → Complain'",
        "Added flow 'Checkout → Proactive SMS'",
    ]
    kinds = {d.entity_id: d.kind for d in differences(drawn_future())}
    assert kinds["sms"] == DifferenceKind.ADDED and kinds["t2"] == DifferenceKind.REMOVED


def test_the_plan_ranks_todays_journey_only():
    from blueprint.analysis import build_plan

    bp = drawn_future()
    bp.improvements[0].friction_ids = ["x1", "x2"]
    plan = build_plan(bp)
    assert {f.friction_id for f in plan.frictions} == {"x1", "x2"}
    # Today's values, not tomorrow's: x1 is severity 2 today, 1 tomorrow.
    assert next(f for f in plan.frictions if f.friction_id == "x1").severity == 2


def same_as_today():
    """A future EPIC and severity given, each equal to today's: tomorrow is today."""
    bp = small_blueprint()
    bp.touchpoints[0].epic = Epic(easy=3)
    bp.touchpoints[0].future = TouchpointFuture(epic=Epic(easy=3), emotion=1)
    bp.frictions[0].future = FrictionFuture(severity=bp.frictions[0].severity)
    return bp


def test_a_future_value_equal_to_todays_is_no_change_to_a_reader():
    assert [d.describe() for d in differences(same_as_today(), keep_equal=False)] == [
        "Changed touchpoint 'Checkout': emotion"
    ]
    bp = same_as_today()
    bp.touchpoints[0].future = TouchpointFuture(epic=Epic(easy=3))
    assert differences(bp, keep_equal=False) == []
    # The Compare view of two files marks a card by such a value: kept by default.
    assert [d.describe() for d in differences(bp)] == [
        "Changed touchpoint 'Checkout': EPIC",
        "Changed friction point 'Slow page': severity",
    ]
