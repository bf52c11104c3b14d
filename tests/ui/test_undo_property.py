"""Any sequence of commands, undone, gives back the original document byte for byte;
redone, gives the final one. Commands are drawn over the ids of the document as it is."""

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from blueprint.model import (
    Action,
    ChannelKind,
    Conflict,
    ContactReason,
    Demand,
    EpicLetter,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    FrequencySource,
    Friction,
    FrictionKind,
    Improvement,
    Measure,
    Period,
    Persona,
    Touchpoint,
    document_problems,
)
from blueprint.storage import load_blueprint
from blueprint.ui import commands as c
from blueprint.ui.commands.multi import SHARED_FIELDS
from blueprint.ui.document import Document
from tests.conftest import SAMPLES
from tests.strategies import blueprints
from tests.ui.conftest import snapshot

short_text = st.text(max_size=12)
maybe_number = st.none() | st.floats(-1, 500, allow_nan=False, allow_infinity=False)

TOUCHPOINT_VALUES = {
    "title": short_text,
    "customer_action": short_text,
    "backstage": short_text,
    "notes": short_text,
    "emotion": st.none() | st.integers(-3, 3),
    "epic.easy": st.none() | st.integers(0, 6),
    "epic.contextual": st.none() | st.integers(0, 6),
    "wait_minutes": maybe_number,
}
FRICTION_VALUES = {
    "title": short_text,
    "severity": st.integers(0, 5),
    "kind": st.sampled_from(list(FrictionKind)),
    "nature": st.sampled_from(["bad", "good"]),
    "frequency.count": maybe_number,
    "frequency.per": st.sampled_from(list(Period)),
    "gives_up": st.booleans(),
}
CHANNEL_VALUES = {
    "name": short_text,
    "kind": st.sampled_from(list(ChannelKind)),
    "step": st.integers(-1, 6),
    "cost_per_contact": maybe_number,
}
PERSONA_VALUES = {"name": short_text, "value_weight": st.floats(0.4, 2.1), "share": maybe_number}
IMPROVEMENT_VALUES = {
    "title": short_text,
    "action": st.sampled_from(list(Action)),
    "target_step": st.integers(-1, 6),
    "effort": st.integers(0, 9),
    "confidence": st.sampled_from([0.5, 0.8, 1.0, 0.7]),
    "owner": short_text,
    "epic_letters": st.lists(st.sampled_from(list(EpicLetter)), max_size=3),
}
MEASURE_VALUES = {
    "name": short_text,
    "value": st.floats(-1e6, 1e6, allow_nan=False),
    "unit": short_text,
    "period": st.none() | st.sampled_from(list(Period)),
    "date": st.none() | st.sampled_from(["2026-10-31", "2026-02-30", "31/10/2026"]),
    "source": st.sampled_from(list(FrequencySource)),
    "origin": short_text,
}
EVIDENCE_VALUES = {
    "kind": st.sampled_from(list(EvidenceKind)),
    "text": short_text,
    "source": st.sampled_from([*EvidenceSource, "rumour"]),
    "date": st.none() | st.sampled_from(["2026-09-02", "2026-13-01"]),
    "link": short_text,
    "attachment": short_text,
}
REASON_VALUES = {
    "name": short_text,
    "demand": st.sampled_from(list(Demand)),
    "description": short_text,
}


def ids(document, kind):
    return [e.id for e in getattr(document.blueprint, kind)]


def one(draw, document, kind):
    return draw(st.sampled_from(ids(document, kind)))


def some(draw, document, kind):
    return draw(st.lists(st.sampled_from(ids(document, kind)), min_size=1, max_size=3))


def field_edit(command_class, kind, values):
    def make(draw, document):
        field = draw(st.sampled_from(sorted(values)))
        return command_class(document, one(draw, document, kind), field, draw(values[field]))

    return make


def add_touchpoint(draw, document):
    tp = Touchpoint(
        title=draw(short_text.filter(str.strip)),
        stage_id=one(draw, document, "stages"),
        channel_id=one(draw, document, "channels"),
    )
    return c.AddTouchpoint(document, tp, draw(st.none() | st.integers(0, 3)))


def move_touchpoint(draw, document):
    return c.MoveTouchpoint(
        document,
        one(draw, document, "touchpoints"),
        one(draw, document, "stages"),
        one(draw, document, "channels"),
        draw(st.none() | st.integers(0, 3)),
    )


def add_friction(draw, document):
    friction = Friction(
        title=draw(short_text.filter(str.strip)),
        touchpoint_id=one(draw, document, "touchpoints"),
        severity=draw(st.integers(1, 4)),
    )
    return c.AddFriction(document, friction)


def add_channel(draw, document):
    kind = draw(st.sampled_from(list(ChannelKind)))
    index = draw(st.none() | st.integers(0, 20))
    return c.AddChannel(document, draw(short_text), kind, draw(st.integers(0, 5)), None, index)


def set_persona_touchpoints(draw, document):
    persona = one(draw, document, "personas")
    return c.SetPersonaTouchpoints(document, persona, some(draw, document, "touchpoints"))


def add_improvement(draw, document):
    existing = ids(document, "frictions")
    frictions = draw(st.lists(st.sampled_from(existing), unique=True)) if existing else []
    title = draw(short_text.filter(str.strip))
    return c.AddImprovement(document, Improvement(title=title, friction_ids=frictions))


def add_contact_reason(draw, document):
    primaries = [r.id for r in document.blueprint.contact_reasons if r.parent_id is None]
    parent = draw(st.none() | st.sampled_from(primaries)) if primaries else None
    name = draw(short_text.filter(str.strip))
    return c.AddContactReason(document, ContactReason(name=name, parent_id=parent))


def add_measure(draw, document):
    measure = Measure(
        touchpoint_id=draw(st.none() | st.sampled_from(ids(document, "touchpoints"))),
        name=draw(short_text.filter(str.strip)),
        value=draw(st.floats(-10, 1e4, allow_nan=False)),
        period=draw(st.none() | st.sampled_from(list(Period))),
        source=draw(st.sampled_from(list(FrequencySource))),
    )
    return c.AddMeasure(document, measure)


def add_evidence(draw, document):
    about = draw(st.sampled_from(ids(document, "touchpoints") + ids(document, "frictions")))
    text = draw(short_text.filter(str.strip))
    return c.AddEvidence(document, Evidence(about_id=about, text=text))


def set_frequency_measure(draw, document):
    measures = ids(document, "measures")
    measure = draw(st.none() | st.sampled_from(measures)) if measures else None
    return c.SetFrequencyMeasure(document, one(draw, document, "frictions"), measure)


def set_touchpoint_personas(draw, document):
    chosen = draw(st.lists(st.sampled_from(ids(document, "personas")), unique=True))
    return c.SetTouchpointPersonas(document, one(draw, document, "touchpoints"), chosen)


def edit_touchpoints(draw, document):
    field = draw(st.sampled_from(sorted(SHARED_FIELDS)))
    value = draw(TOUCHPOINT_VALUES.get(field, st.none() | st.integers(0, 6)))
    return c.EditTouchpoints(document, some(draw, document, "touchpoints"), field, value)


def set_touchpoints_persona(draw, document):
    persona = one(draw, document, "personas")
    chosen = some(draw, document, "touchpoints")
    return c.SetTouchpointsPersona(document, chosen, persona, draw(st.booleans()))


EDITS = {
    "touchpoints": (c.EditTouchpoint, TOUCHPOINT_VALUES),
    "frictions": (c.EditFriction, FRICTION_VALUES),
    "channels": (c.EditChannel, CHANNEL_VALUES),
    "personas": (c.EditPersona, PERSONA_VALUES),
    "improvements": (c.EditImprovement, IMPROVEMENT_VALUES),
    "contact_reasons": (c.EditContactReason, REASON_VALUES),
    "measures": (c.EditMeasure, MEASURE_VALUES),
    "evidence": (c.EditEvidence, EVIDENCE_VALUES),
}


def keep_typing(draw, document):
    """The same field again, as typing or dragging a slider does: merged into one step."""
    stack = document.undo_stack
    last = stack.command(stack.index() - 1) if stack.index() else None
    if not isinstance(last, c.FieldEdit):
        raise c.CommandError("nothing being typed")
    kind, entity_id, field = last.key
    command_class, values = EDITS.get(kind, (None, {}))
    if field not in values:
        raise c.CommandError("not a field one types in")
    return command_class(document, entity_id, field, draw(values[field]))


def add_comment(draw, document):
    bp = document.blueprint
    threads = [c.id for c in bp.comments if c.reply_to is None]
    reply_to = draw(st.none() | st.sampled_from(threads)) if threads else None
    about = [e.id for kind in ("touchpoints", "frictions", "stages") for e in getattr(bp, kind)]
    return c.AddComment(document, draw(st.sampled_from(about)), "Ana", draw(short_text), reply_to)


def set_thread_resolved(draw, document):
    threads = [c.id for c in document.blueprint.comments if c.reply_to is None]
    if not threads:
        raise c.CommandError("no thread")
    return c.SetThreadResolved(document, draw(st.sampled_from(threads)), draw(st.booleans()))


def resolve_conflict(draw, document):
    side = draw(st.sampled_from(list(c.Side)))
    return c.ResolveConflict(document, one(draw, document, "conflicts"), side)


def replace_blueprint(draw, document):
    """The whole blueprint made another (a merge, a reload): a copy edited a few times."""
    other = Document(document.blueprint.model_copy(deep=True))
    for _ in range(draw(st.integers(1, 3))):
        apply_random_command(draw, other)
    return c.ReplaceBlueprint(document, other.blueprint, "Merge")


@st.composite
def conflicted_blueprints(draw):
    """A blueprint whose last merge left conflicts: values set aside on its touchpoints and
    friction points, and entities one side deleted."""
    bp = draw(blueprints())
    fields = {
        "touchpoints": {"title": short_text, "emotion": st.none() | st.integers(-2, 2)},
        "frictions": {"severity": st.integers(1, 4), "frequency.count": maybe_number},
    }
    for kind, values in fields.items():
        for entity in getattr(bp, kind)[:3]:
            field = draw(st.sampled_from(sorted(values)))
            deleted = draw(st.booleans())
            mine_kept = draw(st.booleans())
            bp.conflicts.append(
                Conflict(
                    kind="deleted and changed" if deleted else "both changed",
                    collection=kind,
                    entity_id=entity.id,
                    field="" if deleted else field,
                    kept=[field] if deleted else None,
                    other=None if deleted else draw(values[field]),
                    kept_from="ours" if mine_kept else "theirs",
                    other_from="theirs" if mine_kept else "ours",
                )
            )
    return bp


#: kinds the document must hold at least one of -> a way to make a command over them
MAKERS = [
    ("stages", add_touchpoint),
    ("touchpoints", lambda d, doc: c.RemoveTouchpoints(doc, some(d, doc, "touchpoints"))),
    ("touchpoints", move_touchpoint),
    ("touchpoints", field_edit(c.EditTouchpoint, "touchpoints", TOUCHPOINT_VALUES)),
    # The future state: its values, a card gone tomorrow, a card moved tomorrow.
    ("touchpoints", field_edit(c.EditTouchpointFuture, "touchpoints", TOUCHPOINT_VALUES)),
    ("frictions", field_edit(c.EditFrictionFuture, "frictions", FRICTION_VALUES)),
    ("touchpoints", lambda d, doc: c.RemoveFromFuture(doc, some(d, doc, "touchpoints"))),
    ("frictions", lambda d, doc: c.RemoveFrictionFromFuture(doc, one(d, doc, "frictions"))),
    (
        "touchpoints",
        lambda d, doc: c.MoveInFuture(
            doc, one(d, doc, "touchpoints"), one(d, doc, "stages"), one(d, doc, "channels")
        ),
    ),
    ("personas touchpoints", set_touchpoint_personas),
    ("touchpoints", edit_touchpoints),
    ("personas touchpoints", set_touchpoints_persona),
    ("touchpoints", add_friction),
    ("frictions", field_edit(c.EditFriction, "frictions", FRICTION_VALUES)),
    ("frictions", lambda d, doc: c.RemoveFrictions(doc, some(d, doc, "frictions"))),
    (
        "touchpoints",
        lambda d, doc: c.AddFlow(doc, one(d, doc, "touchpoints"), one(d, doc, "touchpoints")),
    ),
    ("flows", lambda d, doc: c.RemoveFlows(doc, some(d, doc, "flows"))),
    ("stages", lambda d, doc: c.AddStage(doc, d(short_text), d(st.none() | st.integers(0, 9)))),
    ("stages", lambda d, doc: c.RenameStage(doc, one(d, doc, "stages"), d(short_text))),
    ("stages", lambda d, doc: c.MoveStage(doc, one(d, doc, "stages"), d(st.integers(0, 9)))),
    ("stages", lambda d, doc: c.RemoveStage(doc, one(d, doc, "stages"))),
    ("channels", add_channel),
    ("channels", field_edit(c.EditChannel, "channels", CHANNEL_VALUES)),
    ("channels", lambda d, doc: c.MoveChannel(doc, one(d, doc, "channels"), d(st.integers(0, 9)))),
    ("channels", lambda d, doc: c.RemoveChannel(doc, one(d, doc, "channels"))),
    ("stages", lambda d, doc: c.AddPersona(doc, Persona(name=d(short_text.filter(str.strip))))),
    ("personas", field_edit(c.EditPersona, "personas", PERSONA_VALUES)),
    ("personas", lambda d, doc: c.RemovePersona(doc, one(d, doc, "personas"))),
    ("personas touchpoints", set_persona_touchpoints),
    ("stages", add_improvement),
    ("improvements", field_edit(c.EditImprovement, "improvements", IMPROVEMENT_VALUES)),
    (
        "improvements frictions",
        lambda d, doc: c.SetImprovementFrictions(
            doc, one(d, doc, "improvements"), some(d, doc, "frictions")
        ),
    ),
    ("improvements", lambda d, doc: c.RemoveImprovement(doc, one(d, doc, "improvements"))),
    ("stages", add_contact_reason),
    ("contact_reasons", field_edit(c.EditContactReason, "contact_reasons", REASON_VALUES)),
    (
        "contact_reasons",
        lambda d, doc: c.RemoveContactReason(doc, one(d, doc, "contact_reasons")),
    ),
    (
        "frictions contact_reasons",
        lambda d, doc: c.EditFriction(
            doc, one(d, doc, "frictions"), "contact_reason_id", one(d, doc, "contact_reasons")
        ),
    ),
    # What backs the cards: measures, a frequency taken from one, evidence.
    ("touchpoints", add_measure),
    ("measures", field_edit(c.EditMeasure, "measures", MEASURE_VALUES)),
    ("measures", lambda d, doc: c.RemoveMeasure(doc, one(d, doc, "measures"))),
    ("frictions", set_frequency_measure),
    ("touchpoints", add_evidence),
    ("evidence", field_edit(c.EditEvidence, "evidence", EVIDENCE_VALUES)),
    ("evidence", lambda d, doc: c.RemoveEvidence(doc, one(d, doc, "evidence"))),
    ("stages", keep_typing),
    ("stages", keep_typing),
    # Talk on the blueprint: comments, and merge conflicts decided.
    ("touchpoints", add_comment),
    ("stages", set_thread_resolved),
    ("conflicts", resolve_conflict),
    ("conflicts", resolve_conflict),
    ("stages", replace_blueprint),
]

SAMPLE_BLUEPRINTS = [load_blueprint(path) for path in SAMPLES]
starting_blueprints = (
    st.sampled_from(SAMPLE_BLUEPRINTS).map(lambda bp: bp.model_copy(deep=True))
    | blueprints()
    | conflicted_blueprints()
)


def apply_random_command(draw, document) -> None:
    usable = [make for kinds, make in MAKERS if all(ids(document, k) for k in kinds.split())]
    make = draw(st.sampled_from(usable))
    try:
        command = make(draw, document)
    except c.CommandError:
        event("refused")
        return  # refused before anything happened, as the UI would show it
    event(type(command).__name__)
    steps = document.undo_stack.count()
    document.push(command)
    if document.undo_stack.count() <= steps and isinstance(command, c.FieldEdit):
        event("merged into the step before")
    assert document_problems(document.blueprint) == []


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(blueprint=starting_blueprints, data=st.data())
def test_undo_all_gives_back_the_original_and_redo_all_the_final(qapp, blueprint, data):
    document = Document(blueprint)
    original = snapshot(document)
    for _ in range(data.draw(st.integers(1, 25), label="steps")):
        if document.undo_stack.canUndo() and data.draw(st.integers(0, 9)) == 0:
            document.undo_stack.undo()  # and the next command drops the redo branch
        else:
            apply_random_command(data.draw, document)
    final = snapshot(document)
    stack = document.undo_stack
    final_index = stack.index()  # commands undone last stay redoable above it
    while stack.canUndo():
        stack.undo()
    assert snapshot(document) == original
    assert not document.is_modified()
    while stack.index() < final_index:
        stack.redo()
    assert snapshot(document) == final
