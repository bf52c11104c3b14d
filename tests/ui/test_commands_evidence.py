"""Measures, evidence and a frequency taken from a measure: each change one undo step."""

import pytest

from blueprint.model import Evidence, Measure
from blueprint.ui.commands import (
    AddEvidence,
    AddMeasure,
    CommandError,
    EditEvidence,
    EditFriction,
    EditFrictionFuture,
    EditMeasure,
    RemoveEvidence,
    RemoveMeasure,
    SetFrequencyMeasure,
)
from blueprint.ui.document import Document
from tests.factories import evidence_blueprint
from tests.ui.test_commands_touchpoints import do


@pytest.fixture
def backed(qapp):
    """The small blueprint with measures (m1 followed by the slow page's frequency) and
    evidence (e1 on the checkout, e2 on the long hold)."""
    return Document(evidence_blueprint())


def frequency(document, friction_id="x1"):
    f = document.entity("frictions", friction_id).frequency
    return (f.count, f.per, f.source, f.measure_id)


def test_add_edit_and_remove_a_measure(small):
    add = AddMeasure(small, Measure(id="m9", touchpoint_id="t2", name="CSAT", value=64, unit="%"))
    assert add.text() == "Add measure 'CSAT' to 'Call about order'"
    do(small, add)
    do(small, EditMeasure(small, "m9", "origin", "Qualtrics"))
    assert small.undo_stack.undoText() == "Edit origin of 'CSAT'"
    remove = RemoveMeasure(small, "m9")
    assert remove.text() == "Remove measure 'CSAT' from 'Call about order'"
    do(small, remove)
    assert small.blueprint.measures == []
    blueprint_wide = AddMeasure(small, Measure(name="NPS", value=12))
    assert blueprint_wide.text() == "Add measure 'NPS' to the blueprint"


def test_a_measure_must_be_about_a_card_that_exists(small):
    with pytest.raises(CommandError, match="touchpoint of the blueprint"):
        AddMeasure(small, Measure(touchpoint_id="ghost", name="NPS", value=1))
    do(small, AddMeasure(small, Measure(id="m9", name="NPS", value=1)))
    with pytest.raises(CommandError, match="Date must be a date written YYYY-MM-DD"):
        EditMeasure(small, "m9", "date", "31/10/2026")
    with pytest.raises(CommandError, match="Name"):
        EditMeasure(small, "m9", "name", "  ")


def test_typing_a_measures_value_is_one_step_and_its_frequency_follows_in_it(backed):
    steps = backed.undo_stack.count()
    for value in (3, 35, 350):
        backed.push(EditMeasure(backed, "m1", "value", float(value)))
    assert backed.undo_stack.count() == steps + 1
    assert backed.undo_stack.undoText() == "Set value of 'Slow page views'"
    assert frequency(backed) == (350, "week", "measured", "m1")
    backed.undo_stack.undo()
    assert backed.entity("measures", "m1").value == 20
    assert frequency(backed) == (20, "week", "measured", "m1")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("period", "month", (20, "month", "measured", "m1")),
        ("source", "estimated", (20, "week", "estimated", "m1")),
        ("value", -4.0, (0, "week", "measured", "m1")),  # no count below zero
    ],
)
def test_the_frequency_follows_the_measures_period_and_source(backed, field, value, expected):
    do(backed, EditMeasure(backed, "m1", field, value))
    assert frequency(backed) == expected


def test_a_measures_name_or_unit_leaves_the_frequency_alone(backed):
    command = EditMeasure(backed, "m1", "unit", "page views")
    assert len(command.changes) == 1


def test_take_a_frequency_from_a_measure_and_release_it(backed):
    take = SetFrequencyMeasure(backed, "x2", "m3")
    assert take.text() == "Take the frequency of 'Long hold' from 'Contacts per month'"
    do(backed, take)
    assert frequency(backed, "x2") == (1200, "month", "estimated", "m3")
    release = SetFrequencyMeasure(backed, "x2", None)
    assert release.text() == "Type the frequency of 'Long hold' instead of 'Contacts per month'"
    do(backed, release)
    assert frequency(backed, "x2") == (1200, "month", "estimated", None)


def test_a_measures_own_period_is_kept_when_it_has_none(backed):
    do(backed, EditMeasure(backed, "m2", "value", 14.0))
    do(backed, SetFrequencyMeasure(backed, "x1", "m2"))
    assert frequency(backed) == (14, "week", "measured", "m2")  # NPS has no period


def test_a_followed_frequency_is_not_typed_over(backed):
    with pytest.raises(CommandError, match="taken from the measure 'Slow page views'"):
        EditFriction(backed, "x1", "frequency.count", 99)
    # Its plausible range is still the user's, and tomorrow's count too.
    do(backed, EditFriction(backed, "x1", "frequency.high", 40.0))
    do(backed, EditFrictionFuture(backed, "x1", "frequency.count", 2.0))
    # Tomorrow's count is drawn, not measured: it follows no measure; today's still does.
    friction = backed.entity("frictions", "x1")
    assert friction.future.frequency.count == 2.0
    assert friction.future.frequency.measure_id is None
    assert friction.frequency.measure_id == "m1"


def test_removing_a_measure_leaves_its_frequency_typed_in(backed):
    do(backed, RemoveMeasure(backed, "m1"))
    assert frequency(backed) == (20, "week", "measured", None)
    backed.undo_stack.undo()
    assert frequency(backed) == (20, "week", "measured", "m1")


def test_add_edit_and_remove_evidence(backed):
    add = AddEvidence(backed, Evidence(id="e9", about_id="x1", text="It spun for ages"))
    assert add.text() == "Add quote to 'Slow page'"
    do(backed, add)
    for text in ("It", "It spun", "It spun and spun"):
        backed.push(EditEvidence(backed, "e9", "text", text))
    assert backed.undo_stack.undoText() == "Edit text of 'It spun for ages'"
    backed.undo_stack.undo()
    assert backed.entity("evidence", "e9").text == "It spun for ages"
    do(backed, EditEvidence(backed, "e9", "kind", "observation"))
    do(backed, EditEvidence(backed, "e9", "attachment", "photos/spinner.png"))
    remove = RemoveEvidence(backed, "e9")
    assert remove.text() == "Remove observation 'It spun for ages' from 'Slow page'"
    do(backed, remove)


def test_evidence_must_say_something_about_something(backed):
    with pytest.raises(CommandError, match="touchpoint or a friction point"):
        AddEvidence(backed, Evidence(about_id="i1", text="Not about a card"))
    with pytest.raises(CommandError, match="Text"):
        EditEvidence(backed, "e1", "text", "   ")
    with pytest.raises(CommandError, match="Source"):
        EditEvidence(backed, "e1", "source", "rumour")
