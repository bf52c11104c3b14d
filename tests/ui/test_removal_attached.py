"""Removing an entity takes the measures, evidence, comments and conflicts about it, and
undo brings every one back."""

import pytest

from blueprint.model import document_problems
from blueprint.ui.commands import RemoveTouchpoints
from blueprint.ui.commands.improvements import RemoveImprovement
from blueprint.ui.commands.removal import removal_of_touchpoints
from blueprint.ui.commands.structure import RemoveStage
from blueprint.ui.document import Document
from tests.factories import evidence_blueprint
from tests.ui.conftest import snapshot


@pytest.fixture
def document(qtbot):
    return Document(evidence_blueprint())


def ids(document, kind):
    return [e.id for e in getattr(document.blueprint, kind)]


def test_removing_a_touchpoint_takes_what_is_said_about_it_and_undo_restores_it(document):
    before = snapshot(document)
    document.push(RemoveTouchpoints(document, ["t1"]))
    assert document_problems(document.blueprint) == []
    assert ids(document, "measures") == ["m3"]  # the whole blueprint's measure stays
    assert ids(document, "evidence") == ["e2"]
    assert ids(document, "comments") == ["c3"]  # the thread on t1 and its reply go
    document.undo_stack.undo()
    assert snapshot(document) == before


def test_a_frequency_from_a_measure_that_goes_is_unlinked_but_keeps_its_count(document):
    # The long hold's frequency is taken from the checkout's measure; the checkout goes.
    friction = document.entity("frictions", "x2")
    document.set_field("frictions", "x2", "frequency.measure_id", "m1")
    document.undo_stack.setClean()
    count = friction.frequency.count
    document.push(RemoveTouchpoints(document, ["t1"]))
    assert document_problems(document.blueprint) == []
    assert friction.frequency.measure_id is None and friction.frequency.count == count
    document.undo_stack.undo()
    assert friction.frequency.measure_id == "m1"


def test_the_confirmation_says_what_goes_with_it(document):
    lines = removal_of_touchpoints(document.blueprint, ["t1"]).describe(document.blueprint)
    assert "2 measures removed with them" in lines
    assert "1 piece of evidence removed with them" in lines
    assert "2 comments removed with them" in lines


def test_removing_a_stage_takes_the_conflicts_and_comments_about_its_cards(document):
    document.push(RemoveStage(document, "s2"))
    assert document_problems(document.blueprint) == []
    assert ids(document, "conflicts") == []  # it was about t2, in the Support stage
    assert ids(document, "evidence") == ["e1"]  # e2 was on the long hold, on t2
    document.undo_stack.undo()
    assert ids(document, "conflicts") == ["k1"] and ids(document, "evidence") == ["e1", "e2"]


def test_removing_an_improvement_takes_its_thread(document):
    document.push(RemoveImprovement(document, "i1"))
    assert ids(document, "comments") == ["c1", "c2"]
    assert document_problems(document.blueprint) == []
