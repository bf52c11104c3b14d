"""One state of the journey as an ordinary blueprint: today's, or tomorrow's.

Every analysis reads a state as it reads any blueprint; the plan ranks today's journey.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from .entities import Blueprint, Flow, Friction, FrictionFuture, Touchpoint, TouchpointFuture
from .enums import Presence

_Changeable = TypeVar("_Changeable", Touchpoint, Friction)


class State(StrEnum):
    CURRENT = "current"
    FUTURE = "future"


def present_in(presence: Presence, state: State) -> bool:
    """Whether an entity of this presence exists in ``state``."""
    return presence == Presence.BOTH or presence.value == state.value


def has_future_state(bp: Blueprint) -> bool:
    """True when the file draws a future that differs from today in any way."""
    # Plain loops and identity: it runs before every plan, over every entity of the file.
    both = Presence.BOTH
    for entities in (bp.touchpoints, bp.flows, bp.frictions):
        for entity in entities:
            if entity.state is not both:
                return True
    for entities in (bp.touchpoints, bp.frictions):
        for entity in entities:
            future = entity.future
            if future is not None and not future.is_empty():
                return True
    return False


def both_states(bp: Blueprint) -> tuple[Blueprint, Blueprint]:
    """Today's journey and tomorrow's, the file read once to tell whether they differ."""
    if not has_future_state(bp):
        return bp, bp
    return _view(bp, State.CURRENT), _view(bp, State.FUTURE)


def state_view(bp: Blueprint, state: State) -> Blueprint:
    """The blueprint as it is in ``state``; ``bp`` itself when it draws one state only."""
    if not has_future_state(bp):
        return bp
    return _view(bp, state)


def current_state(bp: Blueprint) -> Blueprint:
    """Today's journey: what the plan ranks and the editor draws unless asked otherwise."""
    return state_view(bp, State.CURRENT)


def _view(bp: Blueprint, state: State) -> Blueprint:
    """Only what is present in ``state``, with its values there. Structure, personas,
    contact reasons and improvements are shared by both states.

    The result is a new blueprint to read, not to change: an entity the same in both states
    is ``bp``'s own object, the others are shallow copies (their lists of ids may be ``bp``'s
    own). Ids are kept, so the two states of one entity can be compared.
    """
    # What belongs to the other state only is left out (``present_in``, asked by identity).
    gone = Presence.FUTURE if state == State.CURRENT else Presence.CURRENT
    both = Presence.BOTH
    # An entity of both states with no future values is kept as it is, asked inline: the
    # views of a large blueprint are read after every edit of the future state, and twice
    # by every comparison.
    touchpoints = [
        t if t.state is both and t.future is None else _touchpoint(t, state)
        for t in bp.touchpoints
        if t.state is not gone
    ]
    kept = {t.id for t in touchpoints}
    flows = [
        f if f.state is both else _flow(f)
        for f in bp.flows
        if f.state is not gone and f.from_id in kept and f.to_id in kept
    ]
    frictions = [
        f if f.state is both and f.future is None else _friction(f, state)
        for f in bp.frictions
        if f.state is not gone and f.touchpoint_id in kept
    ]
    present = {f.id for f in frictions}
    improvements = [
        imp
        if all(i in present for i in imp.friction_ids)
        else imp.model_copy(update={"friction_ids": [i for i in imp.friction_ids if i in present]})
        for imp in bp.improvements
    ]
    return bp.model_copy(
        update={
            "touchpoints": touchpoints,
            "flows": flows,
            "frictions": frictions,
            "improvements": improvements,
        }
    )


# An entity of both states without future values is the same in either: it is shared, not
# copied, so a view of a large blueprint costs little more than the entities that change.


def entity_in(entity: Touchpoint | Friction, state: State) -> Touchpoint | Friction:
    """One touchpoint or friction point as ``state`` shows it (its future values applied
    in the future), without a view of the whole blueprint."""
    if isinstance(entity, Touchpoint):
        return _touchpoint(entity, state)
    return _friction(entity, state)


def _touchpoint(tp: Touchpoint, state: State) -> Touchpoint:
    return _in_state(tp, state, _TOUCHPOINT_FUTURE_FIELDS)


def _friction(friction: Friction, state: State) -> Friction:
    return _in_state(friction, state, _FRICTION_FUTURE_FIELDS)


_TOUCHPOINT_FUTURE_FIELDS = tuple(TouchpointFuture.model_fields)
_FRICTION_FUTURE_FIELDS = tuple(FrictionFuture.model_fields)


def _in_state(entity: _Changeable, state: State, future_fields: tuple[str, ...]) -> _Changeable:
    """``entity`` itself when it is the same in both states; else a copy of one state, with
    tomorrow's values over today's in the future (shared, not copied: a view is read, never
    changed)."""
    if entity.state == Presence.BOTH and entity.future is None:
        return entity
    changes: dict = {"state": Presence.BOTH, "future": None}
    future = entity.future
    if state == State.FUTURE and future is not None:
        for name in future_fields:
            value = getattr(future, name)
            if value is not None:
                changes[name] = value
    return entity.model_copy(update=changes)


def _flow(flow: Flow) -> Flow:
    if flow.state == Presence.BOTH:
        return flow
    return flow.model_copy(update={"state": Presence.BOTH})
