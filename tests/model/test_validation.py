"""Whole-document rules: unique ids, references that resolve, named in a designer's words."""

import pytest

from blueprint.model import (
    ContactReason,
    Flow,
    Friction,
    Improvement,
    Persona,
    PreferredChannel,
    Stage,
    Touchpoint,
    document_problems,
)
from blueprint.model.validation import problems_from_validation_error
from tests.factories import small_blueprint


def only_problem(bp) -> str:
    problems = document_problems(bp)
    assert len(problems) == 1, problems
    return str(problems[0])


def test_a_consistent_blueprint_has_no_problems():
    assert document_problems(small_blueprint()) == []


def test_duplicate_ids_are_found_across_entity_types():
    bp = small_blueprint()
    bp.touchpoints[0].id = "s1"  # same id as a stage
    text = " ".join(str(p) for p in document_problems(bp))
    assert 'touchpoint "Checkout" (id s1)' in text
    assert 'same id as stage "Purchase"' in text


@pytest.mark.parametrize("collection, noun", [("stages", "stage"), ("channels", "channel")])
def test_names_of_rows_and_columns_are_unique(collection, noun):
    bp = small_blueprint()
    items = getattr(bp, collection)
    items[1].name = " " + items[0].name.upper()
    message = only_problem(bp)
    assert message.startswith(f'{noun} "{items[0].name.upper()}" (id {items[1].id})')
    assert f'same name as {noun} "{items[0].name}" (id {items[0].id})' in message


def test_persona_names_are_unique():
    bp = small_blueprint()
    bp.personas.append(Persona(id="p2", name="busy parent"))
    assert 'persona "busy parent" (id p2)' in only_problem(bp)
    assert 'same name as persona "Busy parent" (id p1)' in only_problem(bp)


def test_touchpoint_stage_must_exist():
    bp = small_blueprint()
    bp.touchpoints[0].stage_id = "gone"
    message = only_problem(bp)
    assert message == (
        'touchpoint "Checkout" (id t1), field \'stage_id\': refers to stage id "gone", '
        "which is not in the file"
    )


def test_touchpoint_channel_must_exist():
    bp = small_blueprint()
    bp.touchpoints[1].channel_id = "fax"
    assert "field 'channel_id': refers to channel id \"fax\"" in only_problem(bp)


def test_touchpoint_personas_must_exist():
    bp = small_blueprint()
    bp.touchpoints[0].persona_ids = ["p9"]
    assert "field 'persona_ids': refers to persona id \"p9\"" in only_problem(bp)


def test_friction_touchpoint_must_exist():
    bp = small_blueprint()
    bp.frictions[1].touchpoint_id = "t9"
    assert "friction point \"Long hold\" (id x2), field 'touchpoint_id'" in only_problem(bp)


def test_friction_leads_to_channel_must_exist():
    bp = small_blueprint()
    bp.frictions[0].leads_to_channel_id = "fax"
    assert "field 'leads_to_channel_id'" in only_problem(bp)


def test_friction_contact_reason_must_exist():
    bp = small_blueprint()
    bp.frictions[0].contact_reason_id = "r9"
    assert "field 'contact_reason_id'" in only_problem(bp)


@pytest.mark.parametrize("end", ["from_id", "to_id"])
def test_flow_ends_must_exist(end):
    bp = small_blueprint()
    setattr(bp.flows[0], end, "t9")
    assert f"field '{end}': refers to touchpoint id \"t9\"" in only_problem(bp)


def test_flow_cannot_link_a_touchpoint_to_itself():
    bp = small_blueprint()
    bp.flows.append(Flow(id="f3", from_id="t1", to_id="t1"))
    assert "links a touchpoint to itself" in only_problem(bp)


def test_the_same_flow_cannot_be_listed_twice():
    bp = small_blueprint()
    bp.flows.append(Flow(id="f3", from_id="t1", to_id="t2"))
    assert "already linked" in only_problem(bp)


def test_improvement_frictions_must_exist():
    bp = small_blueprint()
    bp.improvements.append(Improvement(id="i2", title="Fix", friction_ids=["x1", "x9"]))
    assert "improvement \"Fix\" (id i2), field 'friction_ids'" in only_problem(bp)


def test_contact_reason_parent_must_exist():
    bp = small_blueprint()
    bp.contact_reasons[1].parent_id = "r9"
    assert "field 'parent_id': refers to contact reason id \"r9\"" in only_problem(bp)


def test_contact_reason_cannot_be_its_own_parent():
    bp = small_blueprint()
    bp.contact_reasons[1].parent_id = "r1a"
    assert "is its own parent" in only_problem(bp)


def test_contact_reason_tree_has_two_levels():
    bp = small_blueprint()
    bp.contact_reasons.append(ContactReason(id="r1a1", name="Deeper", parent_id="r1a"))
    assert "two levels only" in only_problem(bp)


def test_persona_preferred_channels_must_resolve_and_not_repeat():
    bp = small_blueprint()
    bp.personas[0].preferred_channels = [
        PreferredChannel(stage_id="s1", channel_id="web"),
        PreferredChannel(stage_id="s1", channel_id="phone"),
        PreferredChannel(stage_id="s9", channel_id="fax"),
    ]
    messages = [str(p) for p in document_problems(bp)]
    assert any("same stage more than once" in m for m in messages)
    assert any('stage id "s9"' in m for m in messages)
    assert any('channel id "fax"' in m for m in messages)


def test_every_problem_is_reported_not_just_the_first():
    bp = small_blueprint()
    bp.touchpoints[0].stage_id = "gone"
    bp.frictions[0].touchpoint_id = "gone"
    bp.stages.append(Stage(id="s3", name="Purchase"))
    assert len(document_problems(bp)) == 3


def test_long_and_multiline_names_are_shortened_in_messages():
    bp = small_blueprint()
    bp.touchpoints[0].title = "line one\nline two " + "x" * 200
    bp.touchpoints[0].stage_id = "gone"
    message = only_problem(bp)
    assert "\n" not in message and "line one line two" in message and "…" in message


def test_field_errors_name_the_entity_by_title_and_id():
    raw = {"touchpoints": [{"id": "t1", "title": "Checkout", "emotion": 7}]}
    errors = [
        {
            "type": "less_than_equal",
            "loc": ("touchpoints", 0, "emotion"),
            "msg": "x",
            "ctx": {"le": 2},
        }
    ]
    (problem,) = problems_from_validation_error(errors, raw)
    assert str(problem) == "touchpoint \"Checkout\" (id t1), field 'emotion': must be at most 2"


def test_field_errors_of_an_unnamed_entity_give_its_position():
    raw = {"frictions": [{}, {"severity": 9}]}
    errors = [{"type": "missing", "loc": ("frictions", 1, "title"), "msg": "x"}]
    (problem,) = problems_from_validation_error(errors, raw)
    assert str(problem) == "friction point number 2, field 'title': is required"


def test_frictions_and_touchpoints_ok_with_unrelated_entities():
    bp = small_blueprint()
    bp.frictions.append(Friction(title="Good check", touchpoint_id="t1", nature="good"))
    bp.touchpoints.append(Touchpoint(title="Another", stage_id="s1", channel_id="web"))
    assert document_problems(bp) == []
