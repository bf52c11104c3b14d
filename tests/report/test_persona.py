"""A plan for one persona leaves out what concerns only the others."""

from __future__ import annotations

from blueprint.analysis import build_plan
from blueprint.model import (
    Blueprint,
    Channel,
    ChannelKind,
    Frequency,
    Friction,
    Improvement,
    Persona,
    Stage,
    Touchpoint,
)

from .conftest import flat, render


def two_persona_blueprint() -> Blueprint:
    """A commuter's app journey and a retiree's phone journey, each with its own fix."""
    return Blueprint(
        title="Two customers",
        organisation="Test Transit",
        stages=[Stage(id="buy", name="Buy"), Stage(id="help", name="Help")],
        channels=[
            Channel(id="app", name="Mobile app", kind=ChannelKind.SELF_SERVICE, step=4),
            Channel(
                id="phone",
                name="Phone with an agent",
                kind=ChannelKind.LIVE_HUMAN,
                step=1,
                cost_per_contact=6.0,
            ),
        ],
        personas=[
            Persona(id="commuter", name="Daily commuter", value_weight=1.0, share=70),
            Persona(id="retiree", name="Retired traveller", value_weight=1.5, share=30),
        ],
        touchpoints=[
            Touchpoint(
                id="t-app",
                title="Buy a ticket",
                stage_id="buy",
                channel_id="app",
                persona_ids=["commuter"],
            ),
            Touchpoint(
                id="t-phone",
                title="Ask for a refund",
                stage_id="help",
                channel_id="phone",
                persona_ids=["retiree"],
            ),
        ],
        frictions=[
            Friction(
                id="x-app",
                title="Payment times out",
                touchpoint_id="t-app",
                frequency=Frequency(count=300, per="month", source="measured"),
                leads_to_channel_id="phone",
            ),
            Friction(
                id="x-phone",
                title="Long hold for refunds",
                touchpoint_id="t-phone",
                frequency=Frequency(count=80, per="month", source="estimated"),
            ),
        ],
        improvements=[
            Improvement(id="i-app", title="Retry payment in the app", friction_ids=["x-app"]),
            Improvement(id="i-phone", title="Refund form for retirees", friction_ids=["x-phone"]),
        ],
    )


def test_a_persona_plan_lacks_the_improvement_that_only_concerns_others():
    bp = two_persona_blueprint()
    whole = render(bp)
    commuter = render(bp, persona_id="commuter")
    assert "Refund form for retirees" in whole.text
    assert "Retry payment in the app" in whole.text
    assert [s.title for s in commuter.plan.improvements] == ["Retry payment in the app"]
    assert "Retry payment in the app" in commuter.text
    assert "Refund form for retirees" not in commuter.text
    assert "Long hold for refunds" not in commuter.text  # nor its friction, in the register


def test_the_cover_names_the_persona_or_all_of_them():
    bp = two_persona_blueprint()
    assert "Plan for persona: Retired traveller" in flat(render(bp, persona_id="retiree").pages[0])
    cover = flat(render(bp).pages[0])
    assert "Personas covered: Daily commuter and Retired traveller" in cover


def test_the_cover_counts_what_the_persona_plan_is_made_from():
    """The retiree's plan is made from its one touchpoint, friction point and improvement,
    not from the whole blueprint's two of each."""
    bp = two_persona_blueprint()
    retiree = flat(render(bp, persona_id="retiree").pages[0])
    assert "Made with blueprint from 1 touchpoint, 1 friction point and 1 improvement." in retiree
    whole = flat(render(bp).pages[0])
    assert "Made with blueprint from 2 touchpoints, 2 friction points and 2 improvements." in whole


def test_the_persona_plan_numbers_match_its_own_plan():
    bp = two_persona_blueprint()
    plan = build_plan(bp, persona_id="retiree")
    summary = flat(render(bp, plan).pages[1])
    assert f"€ {round(plan.total_avoidable_cost):,}" in summary
    assert "1 improvement addresses 1 friction point" in summary


def test_a_persona_with_no_touchpoint_is_told_so_not_asked_for_an_empty_blueprint():
    """The blueprint has touchpoints, friction and a fix; none applies to the new persona:
    that is a finding about the journey, not a blueprint to start from scratch."""
    bp = two_persona_blueprint()
    bp.personas.append(Persona(id="student", name="Student", share=10))
    plan = render(bp, persona_id="student").body
    assert (
        "No touchpoint of this blueprint applies to persona Student, so there is nothing to "
        "rank, cost or draw for this persona." in plan
    )
    assert "has no friction points and no improvements" not in plan
    assert "To get a plan for Student, add: 1. Touchpoints for Student: list Student on" in plan
    assert "Touchpoints in the grid" not in plan
