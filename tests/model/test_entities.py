"""Field rules: every range and enumeration of DOMAIN.md is enforced on the entities."""

import pytest
from pydantic import ValidationError

from blueprint.model import (
    SCHEMA_VERSION,
    Blueprint,
    Channel,
    Epic,
    Frequency,
    Friction,
    Improvement,
    Persona,
    Stage,
    Touchpoint,
)

TP = {"title": "Checkout", "stage_id": "s1", "channel_id": "c1"}
CH = {"name": "Web", "kind": "self-service", "step": 4}


def rejects(model, **fields) -> list[dict]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(fields)
    return caught.value.errors()


@pytest.mark.parametrize("step", [-1, 6])
def test_channel_step_is_on_the_stairway(step):
    rejects(Channel, **{**CH, "step": step})


@pytest.mark.parametrize("step", [0, 5])
def test_channel_step_bounds_are_allowed(step):
    assert Channel.model_validate({**CH, "step": step}).step == step


def test_channel_kind_must_be_a_known_kind():
    errors = rejects(Channel, **{**CH, "kind": "carrier pigeon"})
    assert errors[0]["type"] == "enum"


def test_channel_cost_cannot_be_negative():
    rejects(Channel, **{**CH, "cost_per_contact": -1})


@pytest.mark.parametrize("weight", [0.49, 2.01])
def test_persona_value_weight_range(weight):
    rejects(Persona, name="P", value_weight=weight)


@pytest.mark.parametrize("share", [-0.1, 100.1])
def test_persona_share_is_a_percentage(share):
    rejects(Persona, name="P", share=share)


@pytest.mark.parametrize("emotion", [-3, 3])
def test_touchpoint_emotion_range(emotion):
    rejects(Touchpoint, **TP, emotion=emotion)


def test_touchpoint_emotion_may_be_unset():
    assert Touchpoint.model_validate({**TP, "emotion": None}).emotion is None


@pytest.mark.parametrize("letter", ["easy", "personalised", "intuitive", "contextual"])
@pytest.mark.parametrize("score", [0, 6])
def test_epic_scores_are_one_to_five(letter, score):
    rejects(Epic, **{letter: score})


def test_epic_letters_may_be_unset():
    assert Epic().by_letter() == {"E": None, "P": None, "I": None, "C": None}


def test_touchpoint_lists_a_persona_once():
    errors = rejects(Touchpoint, **TP, persona_ids=["p1", "p1"])
    assert "more than once" in errors[0]["msg"]


@pytest.mark.parametrize("minutes", [-1, float("nan"), float("inf")])
def test_durations_are_finite_and_not_negative(minutes):
    rejects(Touchpoint, **TP, duration_minutes=minutes)


@pytest.mark.parametrize("severity", [0, 5])
def test_friction_severity_is_one_to_four(severity):
    rejects(Friction, title="F", touchpoint_id="t1", severity=severity)


@pytest.mark.parametrize(
    "field, value",
    [("kind", "annoyance"), ("nature", "neutral")],
)
def test_friction_enumerations(field, value):
    rejects(Friction, title="F", touchpoint_id="t1", **{field: value})


@pytest.mark.parametrize(
    "frequency",
    [{"count": -1}, {"per": "fortnight"}, {"source": "guessed"}],
)
def test_frequency_rules(frequency):
    rejects(Frequency, **frequency)


@pytest.mark.parametrize("effort", [0, 4, 13])
def test_improvement_effort_is_a_planning_point(effort):
    rejects(Improvement, title="I", effort=effort)


@pytest.mark.parametrize("confidence", [0.3, 0.9, 2])
def test_improvement_confidence_is_low_medium_or_high(confidence):
    errors = rejects(Improvement, title="I", confidence=confidence)
    assert "0.5 (low), 0.8 (medium) or 1.0 (high)" in errors[0]["msg"]


def test_improvement_confidence_one_is_stored_as_float():
    assert Improvement.model_validate({"title": "I", "confidence": 1}).confidence == 1.0


@pytest.mark.parametrize("target", [-1, 6])
def test_improvement_target_step(target):
    rejects(Improvement, title="I", target_step=target)


def test_improvement_epic_letters_are_unique_and_known():
    rejects(Improvement, title="I", epic_letters=["E", "E"])
    rejects(Improvement, title="I", epic_letters=["X"])


def test_improvement_status_values():
    assert Improvement.model_validate({"title": "I", "status": "in progress"}).status == (
        "in progress"
    )
    rejects(Improvement, title="I", status="started")


@pytest.mark.parametrize("bad_id", ["", "has space", "-leading", "x" * 65, "ü"])
def test_ids_have_a_safe_shape(bad_id):
    rejects(Stage, id=bad_id, name="S")


def test_new_entities_get_distinct_ids():
    assert len({Stage(name="S").id for _ in range(100)}) == 100


def test_names_and_titles_are_required():
    rejects(Stage, name="")
    rejects(Touchpoint, **{**TP, "title": ""})


def test_currency_is_an_iso_code():
    rejects(Blueprint, currency="euro")


def test_unknown_fields_are_refused():
    errors = rejects(Stage, name="S", colour="red")
    assert errors[0]["type"] == "extra_forbidden"


@pytest.mark.parametrize(
    "model, fields",
    [
        (Friction, {"title": "F", "touchpoint_id": "t", "severity": "3"}),
        (Friction, {"title": "F", "touchpoint_id": "t", "gives_up": 1}),
        (Friction, {"title": "F", "touchpoint_id": "t", "gives_up": "yes"}),
        (Stage, {"name": 12}),
        (Channel, {**CH, "step": 2.5}),
    ],
)
def test_values_of_the_wrong_type_are_not_guessed_at(model, fields):
    rejects(model, **fields)


def test_file_marker_and_version_are_fixed():
    rejects(Blueprint, format="spreadsheet")
    rejects(Blueprint, schema_version=SCHEMA_VERSION + 1)
