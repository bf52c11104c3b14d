"""Random edit sequences on a blueprint, as two people make them in the editor: fields set,
entities added, removed with what is attached to them, touchpoints moved between cells,
entities reordered. Every edit that would leave the blueprint invalid is skipped, so each
side stays a valid file. Names come from small pools so that two sides often pick the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from hypothesis import strategies as st
from pydantic import ValidationError

from blueprint.changes.fields import COLLECTIONS
from blueprint.changes.references import ATTACHED, REFERENCES, values_at
from blueprint.model import (
    Blueprint,
    Channel,
    ChannelKind,
    Comment,
    ContactReason,
    Evidence,
    Flow,
    Friction,
    FrictionFuture,
    Improvement,
    Measure,
    Persona,
    PreferredChannel,
    Stage,
    Touchpoint,
    TouchpointFuture,
    document_problems,
)

NAMES = ["Delivery", "Support", "Install", "Order", "delivery ", "Call", "Web", "SMS"]
TEXTS = ["", "a", "Long hold", "Checks order status", "Ünïcödé ✓", "line\nbreak"]


class Skip(Exception):
    """The edit does not apply to this blueprint."""


def _pick(draw, items):
    items = list(items)
    if not items:
        raise Skip
    return draw(st.sampled_from(items))


def _entity(draw, bp: Blueprint, collection: str):
    """An entity of the list, most often one of its first two: two people then often edit
    the same one."""
    items = getattr(bp, collection)
    if not items:
        raise Skip
    return draw(st.sampled_from(items[:2]) | st.sampled_from(items))


# --- setting fields ---------------------------------------------------------------------------


def _set(entity, path: str, value) -> None:
    *parents, name = path.split(".")
    holder = entity
    for part in parents:
        inner = getattr(holder, part)
        if inner is None:
            kind = {"future": _future_type(holder)}.get(part)
            if kind is None:
                raise Skip
            inner = kind()
            setattr(holder, part, inner)
            inner = getattr(holder, part)
        holder = inner
    setattr(holder, name, value)


def _future_type(holder):
    return TouchpointFuture if isinstance(holder, Touchpoint) else FrictionFuture


def _ids(bp: Blueprint, collection: str) -> list[str]:
    return [e.id for e in getattr(bp, collection)]


def _field_edits(bp: Blueprint) -> dict[str, list[tuple[str, Callable]]]:
    """collection -> (path, strategy of a new value) for the fields edits may set."""
    stages, channels = _ids(bp, "stages"), _ids(bp, "channels")
    maybe = st.none()

    def ref(ids):
        return st.sampled_from(ids) if ids else st.nothing()

    return {
        "stages": [("name", st.sampled_from(NAMES)), ("description", st.sampled_from(TEXTS))],
        "channels": [
            ("name", st.sampled_from(NAMES)),
            ("step", st.integers(0, 5)),
            ("kind", st.sampled_from(ChannelKind)),
            ("cost_per_contact", maybe | st.floats(0, 50)),
        ],
        "personas": [
            ("name", st.sampled_from(NAMES)),
            ("value_weight", st.sampled_from([0.5, 1.0, 2.0])),
        ],
        "contact_reasons": [
            ("name", st.sampled_from(NAMES)),
            ("parent_id", maybe | ref(_ids(bp, "contact_reasons"))),
        ],
        "touchpoints": [
            ("title", st.sampled_from(NAMES)),
            ("notes", st.sampled_from(TEXTS)),
            ("emotion", maybe | st.integers(-2, 2)),
            ("epic.easy", maybe | st.integers(1, 5)),
            ("epic.contextual", maybe | st.integers(1, 5)),
            ("stage_id", ref(stages)),
            ("channel_id", ref(channels)),
            ("state", st.sampled_from(["both", "current", "future"])),
            ("future.title", maybe | st.sampled_from(NAMES)),
            ("future.emotion", maybe | st.integers(-2, 2)),
            ("future.stage_id", maybe | ref(stages)),
            ("future.channel_id", maybe | ref(channels)),
            ("future", st.none()),
        ],
        "flows": [
            ("label", st.sampled_from(TEXTS)),
            ("state", st.sampled_from(["both", "current", "future"])),
            ("to_id", ref(_ids(bp, "touchpoints"))),
        ],
        "frictions": [
            ("title", st.sampled_from(NAMES)),
            ("severity", st.integers(1, 4)),
            ("frequency.count", st.sampled_from([0.0, 5.0, 20.0, 400.0])),
            ("frequency.per", st.sampled_from(["day", "week", "month"])),
            ("frequency.source", st.sampled_from(["measured", "estimated", "unknown"])),
            ("frequency.low", maybe | st.sampled_from([1.0, 10.0])),
            ("frequency.high", maybe | st.sampled_from([5.0, 500.0])),
            ("leads_to_channel_id", maybe | ref(channels)),
            ("state", st.sampled_from(["both", "current", "future"])),
            ("future.severity", maybe | st.integers(1, 4)),
            ("future.gives_up", maybe | st.booleans()),
            ("touchpoint_id", ref(_ids(bp, "touchpoints"))),
        ],
        "improvements": [
            ("title", st.sampled_from(NAMES)),
            ("effort", st.sampled_from([1, 2, 3, 5, 8])),
            ("status", st.sampled_from(["idea", "planned", "done"])),
        ],
        "measures": [("value", st.sampled_from([0.0, 1.5, 42.0]))],
        "evidence": [("text", st.sampled_from([t for t in TEXTS if t.strip()]))],
        "comments": [("resolved", st.booleans()), ("text", st.sampled_from(NAMES))],
    }


def set_field(draw, bp: Blueprint) -> None:
    edits = _field_edits(bp)
    collection = _pick(draw, [c for c in edits if getattr(bp, c)])
    entity = _entity(draw, bp, collection)
    path, values = _pick(draw, edits[collection])
    _set(entity, path, draw(values))


def set_document_field(draw, bp: Blueprint) -> None:
    name = draw(st.sampled_from(["title", "description", "currency"]))
    value = (
        draw(st.sampled_from(["EUR", "GBP"]))
        if name == "currency"
        else draw(st.sampled_from(TEXTS))
    )
    setattr(bp, name, value)


def toggle_in_list(draw, bp: Blueprint) -> None:
    """A persona on a touchpoint, a friction point on an improvement, a preferred channel."""
    choice = draw(st.sampled_from(["persona_ids", "friction_ids", "brings_about", "preferred"]))
    if choice == "persona_ids":
        entity, item = _entity(draw, bp, "touchpoints"), _pick(draw, _ids(bp, "personas"))
    elif choice == "preferred":
        persona = _entity(draw, bp, "personas")
        stage = _pick(draw, _ids(bp, "stages"))
        kept = [p for p in persona.preferred_channels if p.stage_id != stage]
        if len(kept) == len(persona.preferred_channels):
            kept.append(
                PreferredChannel(stage_id=stage, channel_id=_pick(draw, _ids(bp, "channels")))
            )
        persona.preferred_channels = kept
        return
    else:
        entity = _entity(draw, bp, "improvements")
        pool = _ids(bp, "frictions")
        if choice == "brings_about":
            pool += _ids(bp, "touchpoints") + _ids(bp, "flows")
        item = _pick(draw, pool)
    items = list(getattr(entity, choice))
    if item in items:
        items.remove(item)
    else:
        items.insert(draw(st.integers(0, len(items))), item)
    setattr(entity, choice, items)


# --- adding ------------------------------------------------------------------------------------


def add_entity(draw, bp: Blueprint) -> None:
    collection = draw(
        st.sampled_from(
            [
                "stages",
                "channels",
                "personas",
                "contact_reasons",
                "touchpoints",
                "touchpoints",
                "flows",
                "frictions",
                "frictions",
                "improvements",
                "measures",
                "evidence",
                "comments",
            ]
        )
    )
    name = draw(st.sampled_from(NAMES))
    if collection == "stages":
        entity = Stage(name=name)
    elif collection == "channels":
        entity = Channel(
            name=name, kind=draw(st.sampled_from(ChannelKind)), step=draw(st.integers(0, 5))
        )
    elif collection == "personas":
        entity = Persona(name=name)
    elif collection == "contact_reasons":
        primaries = [r.id for r in bp.contact_reasons if r.parent_id is None]
        parent = draw(st.none() | st.sampled_from(primaries)) if primaries else None
        entity = ContactReason(name=name, parent_id=parent)
    elif collection == "touchpoints":
        entity = Touchpoint(
            title=name,
            stage_id=_pick(draw, _ids(bp, "stages")),
            channel_id=_pick(draw, _ids(bp, "channels")),
            state=draw(st.sampled_from(["both", "future"])),
        )
    elif collection == "flows":
        entity = Flow(
            from_id=_pick(draw, _ids(bp, "touchpoints")),
            to_id=_pick(draw, _ids(bp, "touchpoints")),
            label=draw(st.sampled_from(TEXTS)),
        )
    elif collection == "frictions":
        entity = Friction(
            title=name,
            touchpoint_id=_pick(draw, _ids(bp, "touchpoints")),
            severity=draw(st.integers(1, 4)),
        )
    elif collection == "improvements":
        frictions = _ids(bp, "frictions")
        entity = Improvement(
            title=name,
            friction_ids=draw(st.lists(st.sampled_from(frictions), unique=True, max_size=3))
            if frictions
            else [],
        )
    elif collection == "measures":
        touchpoints = _ids(bp, "touchpoints")
        entity = Measure(
            name=name,
            value=1.0,
            touchpoint_id=draw(st.none() | st.sampled_from(touchpoints)) if touchpoints else None,
        )
    elif collection == "evidence":
        entity = Evidence(
            about_id=_pick(draw, _ids(bp, "touchpoints") + _ids(bp, "frictions")), text=name
        )
    else:
        threads = [c for c in bp.comments if c.reply_to is None]
        thread = draw(st.none() | st.sampled_from(threads)) if threads else None
        about = (
            thread.about_id
            if thread
            else _pick(
                draw, [e.id for c in ("touchpoints", "frictions", "stages") for e in getattr(bp, c)]
            )
        )
        entity = Comment(
            about_id=about,
            reply_to=thread.id if thread else None,
            author=name,
            at=datetime(2026, 12, 6, tzinfo=UTC).isoformat(),
            text=name,
        )
    items = getattr(bp, collection)
    items.insert(draw(st.integers(0, len(items))), entity)


# --- removing, moving ------------------------------------------------------------------------


def remove_entity(draw, bp: Blueprint) -> None:
    """An entity and everything attached to it; references to what goes are cut."""
    collection = _pick(draw, [c for c in COLLECTIONS if getattr(bp, c)])
    remove_with_attached(bp, {_entity(draw, bp, collection).id})


def remove_with_attached(bp: Blueprint, gone: set[str]) -> None:
    while True:
        more = {
            e.id
            for c, paths in ATTACHED.items()
            for e in getattr(bp, c)
            if e.id not in gone and any(v in gone for p in paths for v in values_at(e, p))
        }
        # A primary reason's children go with it; a secondary reason's do not exist.
        if not more:
            break
        gone |= more
    for collection in COLLECTIONS:
        setattr(bp, collection, [e for e in getattr(bp, collection) if e.id not in gone])
    for collection, paths in REFERENCES.items():
        for entity in getattr(bp, collection):
            for path in paths:
                _cut(entity, path.split("."), gone)
        if collection == "personas":
            for persona in bp.personas:
                persona.preferred_channels = [
                    p
                    for p in persona.preferred_channels
                    if p.stage_id not in gone and p.channel_id not in gone
                ]


def _cut(holder, parts: list[str], gone: set[str]) -> None:
    name, rest = parts[0], parts[1:]
    value = getattr(holder, name, None)
    if value is None:
        return
    if rest:
        if not isinstance(value, list):
            _cut(value, rest, gone)
        return
    if isinstance(value, list):
        if any(v in gone for v in value):
            setattr(holder, name, [v for v in value if v not in gone])
    elif value in gone:
        setattr(holder, name, None)


def move_touchpoint(draw, bp: Blueprint) -> None:
    touchpoint = _entity(draw, bp, "touchpoints")
    touchpoint.stage_id = _pick(draw, _ids(bp, "stages"))
    touchpoint.channel_id = _pick(draw, _ids(bp, "channels"))


def reorder(draw, bp: Blueprint) -> None:
    collection = _pick(draw, [c for c in COLLECTIONS if len(getattr(bp, c)) > 1])
    items = getattr(bp, collection)
    item = items.pop(draw(st.integers(0, len(items) - 1)))
    items.insert(draw(st.integers(0, len(items))), item)


def take_out_of_one_state(draw, bp: Blueprint) -> None:
    """A touchpoint gone tomorrow (or only tomorrow's), with its friction points and flows."""
    touchpoint = _entity(draw, bp, "touchpoints")
    state = draw(st.sampled_from(["current", "future"]))
    touchpoint.state, touchpoint.future = state, None
    for friction in bp.frictions:
        if friction.touchpoint_id == touchpoint.id and friction.state != state:
            friction.state, friction.future = state, None
    for flow in bp.flows:
        if touchpoint.id in (flow.from_id, flow.to_id) and flow.state != state:
            flow.state = state


EDITS = [
    set_field,
    set_field,
    set_field,
    set_document_field,
    toggle_in_list,
    add_entity,
    add_entity,
    remove_entity,
    move_touchpoint,
    reorder,
    take_out_of_one_state,
]


@st.composite
def edited(draw, base: Blueprint, max_edits: int = 12) -> Blueprint:
    """``base`` after a random sequence of valid edits (a copy: ``base`` is left alone)."""
    bp = base.model_copy(deep=True)
    for _ in range(draw(st.integers(0, max_edits))):
        edit = draw(st.sampled_from(EDITS))
        candidate = bp.model_copy(deep=True)
        try:
            edit(draw, candidate)
        except (Skip, ValidationError, ValueError):
            continue
        if not document_problems(candidate):
            bp = candidate
    return bp


def ids_of(bp: Blueprint) -> dict[str, set[str]]:
    return {c: {e.id for e in getattr(bp, c)} for c in COLLECTIONS}
