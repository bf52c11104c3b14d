"""The future state in the file: what belongs where, and values that must refer to it."""

from blueprint.model import (
    Flow,
    Friction,
    FrictionFuture,
    Improvement,
    Presence,
    Touchpoint,
    TouchpointFuture,
    document_problems,
)
from tests.factories import small_blueprint


def messages(bp) -> list[str]:
    return [str(p) for p in document_problems(bp)]


def test_a_drawn_future_state_is_valid():
    bp = small_blueprint()
    bp.touchpoints.append(
        Touchpoint(id="sms", title="Proactive SMS", stage_id="s2", channel_id="web", state="future")
    )
    bp.touchpoints[1].state = Presence.CURRENT  # the call is gone in the future
    for flow in bp.flows:  # t1 -> t2 -> t3: both go with the call
        flow.state = Presence.CURRENT
    bp.flows.append(Flow(id="f3", from_id="t1", to_id="sms", state="future"))
    bp.touchpoints[0].future = TouchpointFuture(channel_id="phone", emotion=1)
    bp.frictions[0].future = FrictionFuture(severity=1)
    bp.frictions[1].state = Presence.CURRENT
    bp.improvements[0].brings_about = ["sms", "t2"]
    assert messages(bp) == []


def test_what_refers_to_something_absent_from_its_state_is_named():
    bp = small_blueprint()
    bp.touchpoints[1].state = Presence.CURRENT  # t2 gone in the future...
    # ... but its friction x2 and the flow t1 -> t2 still say "both".
    found = messages(bp)
    assert "flow (id f1), field 'to_id': is in both states, but its touchpoint is not" in found
    assert any(
        'friction point "Long hold" (id x2)' in m and "its touchpoint is not" in m for m in found
    )


def test_future_values_on_an_entity_of_one_state_only_are_refused():
    bp = small_blueprint()
    bp.touchpoints[2].state = Presence.FUTURE
    bp.touchpoints[2].future = TouchpointFuture(emotion=2)
    bp.flows[1].state = Presence.FUTURE
    found = messages(bp)
    assert any(
        m.startswith("touchpoint \"Complain\" (id t3), field 'future'") and "future state only" in m
        for m in found
    )


def test_future_references_must_exist():
    bp = small_blueprint()
    bp.touchpoints[0].future = TouchpointFuture(channel_id="fax")
    bp.frictions[0].future = FrictionFuture(leads_to_channel_id="pigeon")
    bp.improvements.append(Improvement(id="i2", title="Ghost", brings_about=["nothing"]))
    found = messages(bp)
    assert any("future.channel_id" in m and '"fax"' in m for m in found)
    assert any("future.leads_to_channel_id" in m and '"pigeon"' in m for m in found)
    assert any("brings_about" in m and '"nothing"' in m for m in found)


def test_the_defaults_are_one_state():
    tp = Touchpoint(title="x", stage_id="s", channel_id="c")
    friction = Friction(title="y", touchpoint_id=tp.id)
    assert (tp.state, tp.future, friction.state, friction.future) == ("both", None, "both", None)
