"""A future state equal to today's, however it is drawn, changes no figure."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.changes import compare_states, has_future_state
from blueprint.model import (
    Blueprint,
    FrictionFuture,
    Presence,
    TouchpointFuture,
    document_problems,
    new_id,
)
from tests.strategies import blueprints

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
