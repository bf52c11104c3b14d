"""Improvements and contact reasons: add, edit, remove, each one undoable step."""

import pytest

from blueprint.model import ContactReason, Demand, Improvement
from blueprint.ui.commands import (
    AddContactReason,
    AddImprovement,
    CommandError,
    EditContactReason,
    EditImprovement,
    RemoveContactReason,
    RemoveImprovement,
    SetImprovementFrictions,
)
from blueprint.ui.plan import LivePlan
from tests.ui.test_commands_touchpoints import do


def test_add_and_remove_an_improvement(small):
    add = AddImprovement(small, Improvement(title="Call-back", friction_ids=["x2"]))
    assert add.text() == "Add improvement 'Call-back'"
    do(small, add)
    assert [i.title for i in small.blueprint.improvements] == ["Faster page", "Call-back"]
    do(small, RemoveImprovement(small, "i1"))
    assert small.undo_stack.undoText() == "Remove improvement 'Faster page'"
    assert [i.title for i in small.blueprint.improvements] == ["Call-back"]


def test_an_improvement_must_address_existing_frictions(small):
    with pytest.raises(CommandError, match="no friction point with id 'nope'"):
        AddImprovement(small, Improvement(title="Ghost", friction_ids=["nope"]))
    with pytest.raises(CommandError, match="no friction point with id 'nope'"):
        SetImprovementFrictions(small, "i1", ["x1", "nope"])


def test_edit_improvement_fields_with_readable_names(small):
    do(small, EditImprovement(small, "i1", "effort", 8))
    assert small.undo_stack.undoText() == "Set effort of 'Faster page'"
    do(small, EditImprovement(small, "i1", "action", "eliminate"))
    assert small.blueprint.improvements[0].action == "eliminate"
    with pytest.raises(CommandError, match="Effort"):
        EditImprovement(small, "i1", "effort", 4)  # not a planning-poker point
    do(small, SetImprovementFrictions(small, "i1", ["x1", "x2"]))
    assert small.blueprint.improvements[0].friction_ids == ["x1", "x2"]


def test_a_secondary_reason_belongs_to_a_primary_one(small):
    do(small, AddContactReason(small, ContactReason(id="r2", name="Billing")))
    add = AddContactReason(small, ContactReason(name="Wrong bill", parent_id="r2"))
    do(small, add)
    assert small.undo_stack.undoText() == "Add contact reason 'Wrong bill'"
    with pytest.raises(CommandError, match="two levels only"):
        AddContactReason(small, ContactReason(name="Deeper", parent_id="r1a"))
    do(small, EditContactReason(small, add.reason_id, "demand", "failure"))
    assert small.get("contact_reasons", add.reason_id).demand == Demand.FAILURE


def test_removing_a_primary_reason_takes_its_secondaries_and_unlinks_frictions(small):
    do(small, RemoveContactReason(small, "r1"))
    assert small.blueprint.contact_reasons == []
    assert small.get("frictions", "x1").contact_reason_id is None
    small.undo_stack.undo()
    assert [r.id for r in small.blueprint.contact_reasons] == ["r1", "r1a"]
    assert small.get("frictions", "x1").contact_reason_id == "r1a"


def test_the_live_plan_follows_edits_and_undo(qtbot, small):
    live = LivePlan(small)
    assert [s.title for s in live.plan.improvements] == ["Faster page"]
    with qtbot.waitSignal(live.changed):
        small.push(AddImprovement(small, Improvement(title="Call-back", friction_ids=["x2"])))
    assert {s.title for s in live.plan.improvements} == {"Faster page", "Call-back"}
    small.undo_stack.undo()
    assert [s.title for s in live.plan.improvements] == ["Faster page"]


def test_the_live_plan_for_a_persona_forgets_a_removed_persona(qtbot, small):
    from blueprint.ui.commands import RemovePersona

    live = LivePlan(small)
    live.set_persona("p1")
    assert live.plan.persona_id == "p1"
    with qtbot.waitSignal(live.personaChanged):
        small.push(RemovePersona(small, "p1"))
    assert live.persona_id is None
    assert live.plan.persona_id is None
