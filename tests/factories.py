"""Small, explicit blueprints for tests, built with the model classes."""

from blueprint.model import (
    Blueprint,
    Channel,
    ChannelKind,
    ContactReason,
    Demand,
    Flow,
    Frequency,
    Friction,
    Improvement,
    Persona,
    Stage,
    Touchpoint,
)


def small_blueprint() -> Blueprint:
    """Two stages, three channels, a persona, three touchpoints, flows, frictions."""
    return Blueprint(
        title="Small",
        stages=[Stage(id="s1", name="Purchase"), Stage(id="s2", name="Support")],
        channels=[
            Channel(id="web", name="Website", kind=ChannelKind.SELF_SERVICE, step=4),
            Channel(
                id="phone", name="Phone", kind=ChannelKind.LIVE_HUMAN, step=1, cost_per_contact=7.5
            ),
            Channel(id="esc", name="Complaints", kind=ChannelKind.ESCALATION, step=0),
        ],
        personas=[Persona(id="p1", name="Busy parent", value_weight=1.5, share=40)],
        contact_reasons=[
            ContactReason(id="r1", name="Orders"),
            ContactReason(
                id="r1a", name="Where is my order", parent_id="r1", demand=Demand.FAILURE
            ),
        ],
        touchpoints=[
            Touchpoint(id="t1", title="Checkout", stage_id="s1", channel_id="web"),
            Touchpoint(
                id="t2",
                title="Call about order",
                stage_id="s2",
                channel_id="phone",
                persona_ids=["p1"],
            ),
            Touchpoint(id="t3", title="Complain", stage_id="s2", channel_id="esc"),
        ],
        flows=[Flow(id="f1", from_id="t1", to_id="t2"), Flow(id="f2", from_id="t2", to_id="t3")],
        frictions=[
            Friction(
                id="x1",
                title="Slow page",
                touchpoint_id="t1",
                frequency=Frequency(count=20, per="week", source="measured"),
                leads_to_channel_id="phone",
                contact_reason_id="r1a",
            ),
            Friction(id="x2", title="Long hold", touchpoint_id="t2", severity=3),
        ],
        improvements=[Improvement(id="i1", title="Faster page", friction_ids=["x1"])],
    )
