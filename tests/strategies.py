"""Hypothesis strategies for valid blueprints of any shape, with text in any script."""

from datetime import UTC

from hypothesis import strategies as st

from blueprint.model import (
    CONFIDENCE_LEVELS,
    EFFORT_POINTS,
    Action,
    Blueprint,
    Channel,
    ChannelKind,
    Comment,
    ContactReason,
    Demand,
    Epic,
    EpicLetter,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Flow,
    Frequency,
    FrequencySource,
    Friction,
    FrictionKind,
    FrictionNature,
    Improvement,
    Measure,
    Period,
    Persona,
    PreferredChannel,
    Stage,
    Status,
    Touchpoint,
    new_id,
)
from blueprint.model.measures import frequency_from

text = st.text(max_size=30)
# Hand-written ids as the format allows them; made unique with the entity's position.
ids = st.from_regex(r"[A-Za-z0-9_.:\-]{0,40}", fullmatch=True)
names = st.text(min_size=1, max_size=20).filter(lambda s: s.strip())
maybe_score = st.none() | st.integers(1, 5)
amount = st.floats(0, 1e6, allow_nan=False, allow_infinity=False)


def unique_names(min_size, max_size):
    return st.lists(
        names, min_size=min_size, max_size=max_size, unique_by=lambda s: s.strip().casefold()
    )


@st.composite
def blueprints(draw, max_touchpoints: int = 8) -> Blueprint:
    stages = [
        Stage(
            id=f"s{i}{draw(ids)}" if draw(st.booleans()) else new_id(),
            name=n,
            description=draw(text),
        )
        for i, n in enumerate(draw(unique_names(1, 4)))
    ]
    channels = [
        Channel(
            name=n,
            kind=draw(st.sampled_from(ChannelKind)),
            step=draw(st.integers(0, 5)),
            cost_per_contact=draw(st.none() | amount),
        )
        for n in draw(unique_names(1, 4))
    ]
    personas = [
        Persona(
            name=n,
            description=draw(text),
            value_weight=draw(st.floats(0.5, 2.0)),
            share=draw(st.none() | st.floats(0, 100)),
            preferred_channels=[
                PreferredChannel(stage_id=s.id, channel_id=draw(st.sampled_from(channels)).id)
                for s in draw(st.lists(st.sampled_from(stages), unique_by=lambda s: s.id))
            ],
        )
        for n in draw(unique_names(0, 3))
    ]
    primaries = [ContactReason(name=n) for n in draw(unique_names(0, 2))]
    reasons = primaries + [
        ContactReason(name=n, parent_id=p.id, demand=draw(st.sampled_from(Demand)))
        for p in primaries
        for n in draw(unique_names(0, 2))
    ]
    touchpoints = [
        Touchpoint(
            title=draw(names),
            stage_id=draw(st.sampled_from(stages)).id,
            channel_id=draw(st.sampled_from(channels)).id,
            customer_action=draw(text),
            physical_evidence=draw(text),
            frontstage=draw(text),
            backstage=draw(text),
            support_processes=draw(text),
            notes=draw(st.text(max_size=300)),
            wait_minutes=draw(st.none() | amount),
            emotion=draw(st.none() | st.integers(-2, 2)),
            epic=Epic(
                easy=draw(maybe_score),
                personalised=draw(maybe_score),
                intuitive=draw(maybe_score),
                contextual=draw(maybe_score),
            ),
            persona_ids=draw(st.lists(st.sampled_from([p.id for p in personas]), unique=True))
            if personas
            else [],
            duration_minutes=draw(st.none() | amount),
        )
        for _ in range(draw(st.integers(0, max_touchpoints)))
    ]
    flows = []
    if len(touchpoints) >= 2:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(touchpoints), st.sampled_from(touchpoints)).filter(
                    lambda ab: ab[0] is not ab[1]
                ),
                max_size=6,
                unique_by=lambda ab: (ab[0].id, ab[1].id),
            )
        )
        flows = [Flow(from_id=a.id, to_id=b.id, label=draw(text)) for a, b in pairs]
    frictions = [
        Friction(
            title=draw(names),
            touchpoint_id=draw(st.sampled_from(touchpoints)).id,
            description=draw(text),
            kind=draw(st.sampled_from(FrictionKind)),
            nature=draw(st.sampled_from(FrictionNature)),
            severity=draw(st.integers(1, 4)),
            frequency=Frequency(
                count=draw(amount),
                per=draw(st.sampled_from(Period)),
                source=draw(st.sampled_from(FrequencySource)),
            ),
            leads_to_channel_id=draw(st.none() | st.sampled_from([c.id for c in channels])),
            gives_up=draw(st.booleans()),
            contact_reason_id=draw(st.none() | st.sampled_from([r.id for r in reasons]))
            if reasons
            else None,
        )
        for _ in range(draw(st.integers(0, 10)) if touchpoints else 0)
    ]
    improvements = [
        Improvement(
            title=draw(names),
            friction_ids=draw(st.lists(st.sampled_from([f.id for f in frictions]), unique=True))
            if frictions
            else [],
            action=draw(st.sampled_from(Action)),
            target_step=draw(st.integers(0, 5)),
            effort=draw(st.sampled_from(EFFORT_POINTS)),
            confidence=draw(st.sampled_from(CONFIDENCE_LEVELS)),
            owner=draw(text),
            status=draw(st.sampled_from(Status)),
            epic_letters=draw(st.lists(st.sampled_from(EpicLetter), unique=True)),
        )
        for _ in range(draw(st.integers(0, 5)))
    ]
    measures = [
        Measure(
            touchpoint_id=draw(st.none() | st.sampled_from([t.id for t in touchpoints]))
            if touchpoints
            else None,
            name=draw(names),
            value=draw(st.floats(-1e6, 1e6, allow_nan=False)),
            unit=draw(text),
            period=draw(st.none() | st.sampled_from(Period)),
            date=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
            source=draw(st.sampled_from(FrequencySource)),
            origin=draw(text),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    if measures:
        for friction in frictions:
            if draw(st.booleans()):
                friction.frequency = frequency_from(
                    draw(st.sampled_from(measures)), friction.frequency
                )
    about = [e.id for e in (*touchpoints, *frictions)]
    evidence = [
        Evidence(
            about_id=draw(st.sampled_from(about)),
            kind=draw(st.sampled_from(EvidenceKind)),
            text=draw(names),
            source=draw(st.sampled_from(EvidenceSource)),
            date=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
            link=draw(text),
            attachment=draw(text),
        )
        for _ in range(draw(st.integers(0, 3)) if about else 0)
    ]
    commentable = [e.id for e in (*touchpoints, *frictions, *improvements, *stages, *channels)]
    comments = []
    for _ in range(draw(st.integers(0, 3))):
        threads = [c for c in comments if c.reply_to is None]
        first = draw(st.none() | st.sampled_from(threads)) if threads else None
        comments.append(
            Comment(
                about_id=first.about_id if first else draw(st.sampled_from(commentable)),
                reply_to=first.id if first else None,
                author=draw(names),
                at=draw(st.datetimes(timezones=st.just(UTC))).isoformat(),
                text=draw(names),
                resolved=draw(st.booleans()),
            )
        )
    return Blueprint(
        title=draw(text),
        description=draw(text),
        organisation=draw(text),
        currency=draw(st.sampled_from(["EUR", "GBP", "USD", "JPY"])),
        stages=stages,
        channels=channels,
        personas=personas,
        contact_reasons=reasons,
        touchpoints=touchpoints,
        flows=flows,
        frictions=frictions,
        improvements=improvements,
        measures=measures,
        evidence=evidence,
        comments=comments,
    )
