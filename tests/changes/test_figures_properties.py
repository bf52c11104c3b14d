"""A future state equal to today's, however it is drawn, changes no figure; the figures of
both states at once are those of each state on its own."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.analysis import score_frictions
from blueprint.analysis.friction import rescore_frictions
from blueprint.changes import State, compare_states, figures, has_future_state, state_view
from blueprint.model import (
    Blueprint,
    Epic,
    Frequency,
    FrictionFuture,
    Presence,
    TouchpointFuture,
    document_problems,
    new_id,
)
from blueprint.model.states import both_states
from tests.strategies import blueprints, maybe_score

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def future_equal_to_today(draw) -> Blueprint:
    """A blueprint whose future state is today's, drawn as a user might: future values that
    repeat today's, and touchpoints replaced by identical new ones (today's marked gone,
    the copy new in the future, with their friction points and flows)."""
    bp = draw(blueprints())
    replaced = {
        t.id: new_id() for t in bp.touchpoints if draw(st.booleans())
    }  # old touchpoint id -> the id of its future copy
    bp.touchpoints = _with_copies(
        bp.touchpoints, lambda t: t.id in replaced, lambda t: {"id": replaced[t.id]}
    )
    bp.frictions = _with_copies(
        bp.frictions,
        lambda f: f.touchpoint_id in replaced,
        lambda f: {"id": new_id(), "touchpoint_id": replaced[f.touchpoint_id]},
    )
    bp.flows = _with_copies(
        bp.flows,
        lambda f: f.from_id in replaced or f.to_id in replaced,
        lambda f: {
            "id": new_id(),
            "from_id": replaced.get(f.from_id, f.from_id),
            "to_id": replaced.get(f.to_id, f.to_id),
        },
    )
    for tp in bp.touchpoints:
        if tp.state == Presence.BOTH and draw(st.booleans()):
            fields = draw(st.sets(st.sampled_from(["title", "stage_id", "channel_id", "emotion"])))
            values = {name: getattr(tp, name) for name in fields}
            if draw(st.booleans()):
                values["epic"] = tp.epic.model_copy()
            tp.future = TouchpointFuture(**values)
    for friction in bp.frictions:
        if friction.state == Presence.BOTH and draw(st.booleans()):
            friction.future = FrictionFuture(
                severity=friction.severity,
                frequency=friction.frequency.model_copy(),
                leads_to_channel_id=friction.leads_to_channel_id,
                gives_up=friction.gives_up,
            )
    assert document_problems(bp) == []
    return bp


def _with_copies(entities: list, replace, changes) -> list:
    """Each entity to replace marked today's only and followed by its copy, new tomorrow:
    the same place in the document, so every sum adds the same numbers in the same order."""
    result = []
    for entity in entities:
        if replace(entity):
            result.append(entity.model_copy(update={"state": Presence.CURRENT}))
            result.append(entity.model_copy(update={**changes(entity), "state": Presence.FUTURE}))
        else:
            result.append(entity)
    return result


@SETTINGS
@given(future_equal_to_today())
def test_every_delta_is_zero(bp):
    comparison = compare_states(bp)
    assert comparison.is_zero
    for d in (comparison.whole, *comparison.personas):
        assert all(c.delta in (0, None) for c in (*d.headline, *d.stairway))
        assert d.avoidable_cost == 0
        assert d.before == d.after
        assert d.biggest() == ()


@SETTINGS
@given(blueprints())
def test_a_file_of_one_state_has_no_future_and_no_delta(bp):
    assert not has_future_state(bp)
    assert compare_states(bp).is_zero


@st.composite
def any_future(draw) -> Blueprint:
    """A blueprint with a future state drawn at random: entities of today only, of tomorrow
    only, and future values of any field."""
    bp = draw(blueprints())
    presence = st.sampled_from(list(Presence))
    for tp in bp.touchpoints:
        tp.state = draw(presence)
        if tp.state == Presence.BOTH and draw(st.booleans()):
            tp.future = TouchpointFuture(
                channel_id=draw(st.none() | st.sampled_from([c.id for c in bp.channels])),
                emotion=draw(st.none() | st.integers(-2, 2)),
                epic=draw(st.none() | st.builds(Epic, easy=maybe_score, intuitive=maybe_score)),
            )
    state_of = {t.id: t.state for t in bp.touchpoints}
    for friction in bp.frictions:
        friction.state = state_of[friction.touchpoint_id]
        if friction.state == Presence.BOTH:
            friction.state = draw(presence)
        if friction.state == Presence.BOTH and draw(st.booleans()):
            friction.future = FrictionFuture(
                severity=draw(st.none() | st.integers(1, 4)),
                frequency=draw(st.none() | st.builds(Frequency, count=st.floats(0, 1e4))),
                leads_to_channel_id=draw(st.none() | st.sampled_from([c.id for c in bp.channels])),
                gives_up=draw(st.none() | st.booleans()),
            )
    kept = []
    for flow in bp.flows:
        ends = {state_of[flow.from_id], state_of[flow.to_id]} - {Presence.BOTH}
        if len(ends) == 2:
            continue  # today's card to tomorrow's: in no state
        flow.state = ends.pop() if ends else draw(presence)
        kept.append(flow)
    bp.flows = kept
    assert document_problems(bp) == []
    return bp


@SETTINGS
@given(any_future())
def test_the_figures_of_both_states_are_those_of_each_state_on_its_own(bp):
    today, tomorrow = state_view(bp, State.CURRENT), state_view(bp, State.FUTURE)
    comparison = compare_states(bp)
    assert comparison.whole.before == figures(today)
    assert comparison.whole.after == figures(tomorrow)
    for persona, d in zip(bp.personas, comparison.personas, strict=True):
        assert d.before == figures(today, persona.id)
        assert d.after == figures(tomorrow, persona.id)


@SETTINGS
@given(any_future())
def test_tomorrow_scored_from_today_is_tomorrow_scored_afresh(bp):
    today, tomorrow = both_states(bp)
    scores = score_frictions(today)
    later = rescore_frictions(tomorrow, today, scores)
    assert later == score_frictions(tomorrow)
    # A friction point that is the same object in both views, on a touchpoint that is the
    # same object in both, is not scored again: its score is today's own object.
    same_friction = {id(f) for f in today.frictions}
    same_touchpoint = {id(t) for t in today.touchpoints}
    touchpoint_of = {t.id: t for t in tomorrow.touchpoints}
    by_id = {s.friction_id: s for s in scores}
    for score, friction in zip(later, tomorrow.frictions, strict=True):
        if (
            id(friction) in same_friction
            and id(touchpoint_of[friction.touchpoint_id]) in same_touchpoint
        ):
            assert score is by_id[friction.id]
