"""Measures, evidence, comments and merge conflicts: their fields and what they refer to."""

import pytest
from pydantic import ValidationError

from blueprint.model import Comment, Evidence, Measure, document_problems
from blueprint.storage import dumps_blueprint, loads_blueprint
from tests.factories import evidence_blueprint


def messages(bp):
    return [str(p) for p in document_problems(bp)]


def test_a_blueprint_with_evidence_and_comments_is_valid_and_round_trips():
    bp = evidence_blueprint()
    assert document_problems(bp) == []
    text = dumps_blueprint(bp)
    assert loads_blueprint(text) == bp
    # Defaults stay out of the file: a measure's source is measured unless it says not.
    assert text.count(b'"source": "measured"') == 1  # the slow page's frequency


@pytest.mark.parametrize("day", ["2026-02-30", "31/10/2026", "2026-10-31T10:00"])
def test_a_date_that_is_no_date_is_refused_in_words(day):
    with pytest.raises(ValidationError, match="must be a date written YYYY-MM-DD"):
        Measure(name="NPS", value=1, date=day)


def test_a_comment_time_needs_its_offset():
    with pytest.raises(ValidationError, match="with its offset"):
        Comment(about_id="t1", author="Ana", at="2026-12-01T10:00:00", text="Hi")


def test_a_quote_must_say_something():
    with pytest.raises(ValidationError):
        Evidence(about_id="t1", text="   ")


def test_a_measure_of_a_missing_touchpoint_is_named():
    bp = evidence_blueprint()
    bp.measures[1].touchpoint_id = "gone"
    assert messages(bp) == [
        'measure "NPS" (id m2), field \'touchpoint_id\': refers to touchpoint id "gone", '
        "which is not in the file"
    ]


def test_a_frequency_taken_from_a_missing_measure_is_named():
    bp = evidence_blueprint()
    bp.frictions[0].frequency.measure_id = "m9"
    assert messages(bp) == [
        "friction point \"Slow page\" (id x1), field 'frequency.measure_id': refers to "
        'measure id "m9", which is not in the file'
    ]


def test_evidence_backs_touchpoints_and_friction_points_only():
    bp = evidence_blueprint()
    bp.evidence[0].about_id = "i1"  # an improvement
    [problem] = document_problems(bp)
    assert problem.field == "about_id"
    assert "touchpoint or friction point" in problem.message


def test_a_reply_answers_a_thread_about_the_same_thing():
    bp = evidence_blueprint()
    bp.comments[1].about_id = "t2"
    assert [p.message for p in document_problems(bp)] == ["must be about what its thread is about"]
    bp = evidence_blueprint()
    bp.comments[1].reply_to = "c2"  # a reply to a reply
    [problem] = document_problems(bp)
    assert problem.field == "reply_to"


def test_a_conflict_names_an_entity_of_its_kind():
    bp = evidence_blueprint()
    bp.conflicts[0].collection = "frictions"  # t2 is a touchpoint
    [problem] = document_problems(bp)
    assert problem.field == "entity_id" and "friction point" in problem.message
    bp.conflicts[0].collection = "cards"
    [problem] = document_problems(bp)
    assert problem.field == "collection"


def test_ids_are_unique_across_the_new_kinds_too():
    bp = evidence_blueprint()
    bp.comments[2].id = "m1"
    [problem] = document_problems(bp)
    assert problem.noun == "comment" and "same id as measure" in problem.message


def test_a_measure_of_minus_zero_is_written_as_zero():
    bp = evidence_blueprint()
    bp.measures[0].value = -0.0
    assert b'"value": 0.0' in dumps_blueprint(bp)
    assert b"-0.0" not in dumps_blueprint(bp)
