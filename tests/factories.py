"""Small, explicit blueprints for tests, built with the model classes."""

from blueprint.model import (
    Blueprint,
    Channel,
    ChannelKind,
    Comment,
    Conflict,
    ContactReason,
    Demand,
    Epic,
    Evidence,
    Flow,
    Frequency,
    Friction,
    FrictionFuture,
    FrictionNature,
    Improvement,
    Measure,
    Persona,
    PreferredChannel,
    Presence,
    Stage,
    Touchpoint,
    TouchpointFuture,
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


def future_blueprint() -> Blueprint:
    """A broadband order today and as it should be, small enough to compute by hand.

    Today the status form leaves customers unsure of their installation date, so they call
    (a call only home workers make, where some give up in the queue). Tomorrow the status
    form shows the date (far fewer unsure customers, better EPIC and emotion) and a
    proactive SMS replaces the call.
    """
    return Blueprint(
        title="Broadband, today and tomorrow",
        currency="GBP",
        stages=[Stage(id="s1", name="Order"), Stage(id="s2", name="Install")],
        channels=[
            Channel(
                id="web",
                name="Website",
                kind=ChannelKind.SELF_SERVICE,
                step=4,
                cost_per_contact=0.5,
            ),
            Channel(
                id="phone", name="Phone", kind=ChannelKind.LIVE_HUMAN, step=1, cost_per_contact=6
            ),
            Channel(id="sms", name="SMS", kind=ChannelKind.ASSISTED_DIGITAL, step=2),
            Channel(
                id="esc",
                name="Complaints",
                kind=ChannelKind.ESCALATION,
                step=0,
                cost_per_contact=20,
            ),
        ],
        personas=[
            Persona(id="p1", name="Family", value_weight=1.0, share=80),
            Persona(id="p2", name="Home worker", value_weight=1.5, share=20),
        ],
        contact_reasons=[
            ContactReason(id="r1", name="Installation"),
            ContactReason(id="r1a", name="When is my date", parent_id="r1", demand=Demand.FAILURE),
            ContactReason(id="r1b", name="Change my date", parent_id="r1", demand=Demand.VALUE),
        ],
        touchpoints=[
            Touchpoint(
                id="t1",
                title="Order online",
                stage_id="s1",
                channel_id="web",
                emotion=1,
                epic=Epic(easy=4, personalised=2),
            ),
            Touchpoint(
                id="t2",
                title="Status form",
                stage_id="s2",
                channel_id="web",
                emotion=-1,
                epic=Epic(easy=2, intuitive=2),
                future=TouchpointFuture(emotion=1, epic=Epic(easy=4, intuitive=4)),
            ),
            Touchpoint(
                id="t3",
                title="Call for the date",
                stage_id="s2",
                channel_id="phone",
                emotion=-2,
                persona_ids=["p2"],
                state=Presence.CURRENT,
            ),
            Touchpoint(
                id="t4",
                title="Install date by SMS",
                stage_id="s2",
                channel_id="sms",
                emotion=1,
                epic=Epic(easy=5),
                state=Presence.FUTURE,
            ),
        ],
        flows=[
            Flow(id="f1", from_id="t1", to_id="t2"),
            Flow(id="f2", from_id="t2", to_id="t3", state=Presence.CURRENT),
            Flow(id="f3", from_id="t1", to_id="t4", state=Presence.FUTURE),
        ],
        frictions=[
            Friction(
                id="x1",
                title="Status unclear",
                touchpoint_id="t2",
                severity=3,
                frequency=Frequency(count=100, per="month", source="estimated"),
                leads_to_channel_id="phone",
                contact_reason_id="r1a",
                future=FrictionFuture(frequency=Frequency(count=10, per="month")),
            ),
            Friction(
                id="x2",
                title="Long hold",
                touchpoint_id="t3",
                severity=2,
                frequency=Frequency(count=40, per="month"),
                gives_up=True,
                state=Presence.CURRENT,
            ),
            Friction(
                id="x3",
                title="Confirm the address",
                touchpoint_id="t1",
                nature=FrictionNature.GOOD,
                severity=1,
                frequency=Frequency(count=300, per="month"),
                contact_reason_id="r1b",
            ),
            Friction(
                id="x4",
                title="SMS too early",
                touchpoint_id="t4",
                severity=1,
                frequency=Frequency(count=20, per="month"),
                contact_reason_id="r1b",
                state=Presence.FUTURE,
            ),
        ],
        improvements=[
            Improvement(
                id="i1",
                title="Show the date on the status page",
                friction_ids=["x1"],
                action="eliminate",
                target_step=5,
                brings_about=["t2", "x1"],
            ),
            Improvement(
                id="i2",
                title="Proactive installation SMS",
                friction_ids=["x2"],
                action="automate",
                brings_about=["t4", "t3", "f2", "f3", "x2", "x4"],
            ),
        ],
    )


def preferences_blueprint() -> Blueprint:
    """Three stages, personas A and B with preferred channels, C with none; every case of
    fit and pushed-off reach (worked out by hand in tests/analysis/test_persona_channels.py)."""

    def tp(tid, stage, channel, personas=(), **kw):
        return Touchpoint(
            id=tid, title=tid, stage_id=stage, channel_id=channel, persona_ids=list(personas), **kw
        )

    def fr(fid, tid, count, per="month", **kw):
        return Friction(
            id=fid, title=fid, touchpoint_id=tid, frequency=Frequency(count=count, per=per), **kw
        )

    return Blueprint(
        title="Prefs",
        stages=[Stage(id=s, name=s.upper()) for s in ("s1", "s2", "s3")],
        channels=[
            Channel(id="web", name="Web", kind=ChannelKind.SELF_SERVICE, step=4),
            Channel(id="app", name="App", kind=ChannelKind.SELF_SERVICE, step=4),
            Channel(id="phone", name="Phone", kind=ChannelKind.LIVE_HUMAN, step=1),
            Channel(id="esc", name="Complaints", kind=ChannelKind.ESCALATION, step=0),
        ],
        personas=[
            Persona(
                id="pa",
                name="A",
                preferred_channels=[
                    PreferredChannel(stage_id="s1", channel_id="web"),
                    PreferredChannel(stage_id="s2", channel_id="app"),
                    PreferredChannel(stage_id="s3", channel_id="phone"),
                ],
            ),
            Persona(
                id="pb",
                name="B",
                preferred_channels=[PreferredChannel(stage_id="s1", channel_id="phone")],
            ),
            Persona(id="pc", name="C"),
        ],
        touchpoints=[
            tp("t1", "s1", "web"),  # lists no persona: applies to all
            tp("t2", "s1", "phone", ["pb"]),
            tp("t3", "s1", "web", ["pa"]),
            tp("t4", "s2", "phone"),
            tp("t5", "s2", "app", ["pb"]),
            tp("t6", "s3", "web", ["pb"]),
            # tomorrow's only: the figures are today's
            tp("t7", "s3", "phone", ["pa"], state="future"),
        ],
        frictions=[
            fr("x1", "t1", 10, "week", gives_up=True),  # 43.33 a month
            fr("x2", "t1", 2, "day", leads_to_channel_id="phone"),  # 60.83
            fr("x3", "t1", 7, leads_to_channel_id="web"),  # stays in its own channel
            fr("x4", "t1", 9, gives_up=True, nature="good"),  # good friction: not counted
            fr("x5", "t1", 11),  # leads nowhere
            fr("x6", "t3", 5, leads_to_channel_id="esc"),
            fr("x7", "t4", 100, gives_up=True),  # not in A's preferred channel at s2
        ],
    )


def evidence_blueprint() -> Blueprint:
    """The small blueprint with what backs it and what the team said about it: measures on
    the checkout and the whole blueprint (the slow page's frequency taken from one), quotes,
    a comment thread with a reply, and an open merge conflict."""
    bp = small_blueprint()
    bp.measures = [
        Measure(
            id="m1",
            touchpoint_id="t1",
            name="Slow page views",
            value=20,
            unit="views",
            period="week",
            date="2026-10-31",
            origin="analytics-export.xlsx",
        ),
        Measure(id="m2", touchpoint_id="t1", name="NPS", value=31, unit="points"),
        Measure(id="m3", name="Contacts per month", value=1200, period="month", source="estimated"),
    ]
    bp.frictions[0].frequency = Frequency(count=20, per="week", source="measured", measure_id="m1")
    bp.evidence = [
        Evidence(id="e1", about_id="t1", text="I gave up waiting for the page", date="2026-09-02"),
        Evidence(
            id="e2",
            about_id="x2",
            kind="observation",
            text="Hold music loops every 40 s",
            source="call recording",
            attachment="recordings/call-17.mp3",
        ),
    ]
    bp.comments = [
        Comment(
            id="c1",
            about_id="t1",
            author="Ana",
            at="2026-12-01T10:00:00Z",
            text="Is 20 a week right?",
        ),
        Comment(
            id="c2",
            about_id="t1",
            reply_to="c1",
            author="Ben",
            at="2026-12-01T11:30:00+01:00",
            text="From the October export.",
        ),
        Comment(id="c3", about_id="i1", author="Ana", at="2026-12-02T09:00:00Z", text="Owner?"),
    ]
    bp.conflicts = [
        Conflict(
            id="k1",
            kind="both changed",
            collection="touchpoints",
            entity_id="t2",
            field="title",
            kept="Call about order",
            other="Call about the order",
        )
    ]
    return bp


def tiny_delta_blueprint() -> Blueprint:
    """Half the contacts are failure demand today; tomorrow a hair fewer (19.99 a week, not
    20): the share moves by about 0.01 points, too little to show at one decimal."""
    bp = small_blueprint()
    bp.contact_reasons.append(
        ContactReason(id="r1b", name="Track my order", parent_id="r1", demand=Demand.VALUE)
    )
    week = Frequency(count=20, per="week", source="measured")
    bp.frictions[1] = bp.frictions[1].model_copy(
        update={"frequency": week, "contact_reason_id": "r1b"}
    )
    bp.frictions[0] = bp.frictions[0].model_copy(
        update={"future": FrictionFuture(frequency=week.model_copy(update={"count": 19.99}))}
    )
    return bp
