"""Blueprints of every kind of entity and value the tables must carry: ``blueprints()`` with a
future state (states, future values, ranges, measures followed tomorrow), improvements that
bring it about, and merge conflicts."""

from hypothesis import strategies as st

from blueprint.model import (
    Blueprint,
    Conflict,
    ConflictKind,
    Epic,
    Frequency,
    FrequencySource,
    FrictionFuture,
    Period,
    Presence,
    TouchpointFuture,
)
from blueprint.model.measures import frequency_from
from tests.strategies import amount, blueprints, maybe_score, names

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _maybe(draw, strategy):
    return draw(st.none() | strategy)


@st.composite
def _frequency(draw, measures):
    low, high = sorted([draw(amount), draw(amount)])
    return Frequency(
        count=draw(amount),
        per=draw(st.sampled_from(Period)),
        source=draw(st.sampled_from(FrequencySource)),
        measure_id=_maybe(draw, st.sampled_from(measures)) if measures else None,
        low=low if draw(st.booleans()) else None,
        high=high if draw(st.booleans()) else None,
    )


@st.composite
def full_blueprints(draw) -> Blueprint:
    bp = draw(blueprints(max_touchpoints=6))
    stages, channels = [s.id for s in bp.stages], [c.id for c in bp.channels]
    measures = [m.id for m in bp.measures]
    for tp in bp.touchpoints:
        tp.state = draw(st.sampled_from(Presence))
        if tp.state == Presence.BOTH and draw(st.booleans()):
            future = TouchpointFuture(
                title=_maybe(draw, names),
                stage_id=_maybe(draw, st.sampled_from(stages)),
                channel_id=_maybe(draw, st.sampled_from(channels)),
                emotion=_maybe(draw, st.integers(-2, 2)),
                epic=Epic(easy=draw(maybe_score), contextual=draw(maybe_score))
                if draw(st.booleans())
                else None,
            )
            tp.future = None if future.is_empty() else future
    states = {tp.id: tp.state for tp in bp.touchpoints}
    for friction in bp.frictions:
        owner = states[friction.touchpoint_id]
        friction.state = owner if owner != Presence.BOTH else draw(st.sampled_from(Presence))
        if draw(st.booleans()):
            friction.frequency = draw(_frequency(measures))
            followed = next((m for m in bp.measures if m.id == friction.frequency.measure_id), None)
            if followed is not None:  # in step, as every editor and import keeps them
                friction.frequency = frequency_from(followed, friction.frequency)
        if friction.state == Presence.BOTH and draw(st.booleans()):
            future = FrictionFuture(
                severity=_maybe(draw, st.integers(1, 4)),
                frequency=_maybe(draw, _frequency(measures)),
                leads_to_channel_id=_maybe(draw, st.sampled_from(channels)),
                gives_up=_maybe(draw, st.booleans()),
            )
            friction.future = None if future.is_empty() else future
    kept = []
    for flow in bp.flows:
        ends = {states[flow.from_id], states[flow.to_id]} - {Presence.BOTH}
        if len(ends) > 1:
            continue  # from today only to tomorrow only: in no state at all
        flow.state = ends.pop() if ends else draw(st.sampled_from(Presence))
        kept.append(flow)
    bp.flows = kept
    changeable = [e.id for e in (*bp.touchpoints, *bp.flows, *bp.frictions)]
    for improvement in bp.improvements:
        if changeable:
            improvement.brings_about = draw(st.lists(st.sampled_from(changeable), unique=True))
    if bp.touchpoints:
        bp.conflicts = [
            Conflict(
                kind=draw(st.sampled_from(ConflictKind)),
                collection="touchpoints",
                entity_id=draw(st.sampled_from(bp.touchpoints)).id,
                field=draw(st.sampled_from(["title", "", "epic.easy"])),
                kept=draw(json_values),
                other=draw(json_values),
                kept_from=draw(st.text(max_size=8)),
                other_from=draw(st.text(max_size=8)),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
    return bp
