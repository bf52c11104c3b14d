"""Friction points, flows and personas."""

import pytest

from blueprint.model import Friction, Persona
from blueprint.ui.commands import (
    AddFlow,
    AddFriction,
    AddPersona,
    CommandError,
    EditFriction,
    EditPersona,
    RemoveFlows,
    RemoveFrictions,
    RemovePersona,
    SetPersonaTouchpoints,
)
from tests.ui.test_commands_touchpoints import do


def test_add_edit_and_remove_a_friction(small):
    add = AddFriction(small, Friction(id="x9", title="No slot", touchpoint_id="t1"))
    assert add.text() == "Add friction 'No slot' to 'Checkout'"
    do(small, add)
    do(small, EditFriction(small, "x9", "severity", 4))
    assert small.undo_stack.undoText() == "Set severity of 'No slot'"
    do(small, EditFriction(small, "x9", "frequency.per", "day"))
    do(small, EditFriction(small, "x9", "leads_to_channel_id", "phone"))
    friction = small.entity("frictions", "x9")
    assert (friction.severity, friction.frequency.per, friction.leads_to_channel_id) == (
        4,
        "day",
        "phone",
    )
    remove = RemoveFrictions(small, ["x9"])
    assert remove.text() == "Remove friction 'No slot'"
    do(small, remove)
    assert small.get("frictions", "x9") is None


def test_a_friction_must_refer_to_what_exists(small):
    with pytest.raises(CommandError, match="touchpoint"):
        AddFriction(small, Friction(title="x", touchpoint_id="ghost"))
    with pytest.raises(CommandError, match="no such entry"):
        EditFriction(small, "x1", "leads_to_channel_id", "ghost")
    with pytest.raises(CommandError, match="Severity must be at most 4"):
        EditFriction(small, "x1", "severity", 5)


def test_removing_a_friction_unlinks_it_from_improvements(small):
    do(small, RemoveFrictions(small, ["x1"]))
    assert small.blueprint.improvements[0].friction_ids == []


def test_connect_and_disconnect_touchpoints(small):
    add = AddFlow(small, "t3", "t1", flow_id="back")
    assert add.text() == "Connect 'Complain' to 'Checkout'"
    do(small, add)
    remove = RemoveFlows(small, ["back"])
    assert remove.text() == "Remove flow 'Complain' → 'Checkout'"
    do(small, remove)
    assert [f.id for f in small.blueprint.flows] == ["f1", "f2"]


@pytest.mark.parametrize(
    ("ends", "message"),
    [(("t1", "t1"), "itself"), (("t1", "t2"), "already linked"), (("t1", "zz"), "two touchpoints")],
)
def test_flows_that_make_no_sense_are_refused(small, ends, message):
    with pytest.raises(CommandError, match=message):
        AddFlow(small, *ends)


def test_add_and_edit_a_persona_and_a_slider_drag_is_one_step(small):
    do(small, AddPersona(small, Persona(id="p2", name="Student")))
    for weight in (1.1, 1.2, 1.3):
        small.push(EditPersona(small, "p2", "value_weight", weight))
    assert small.undo_stack.count() == 2
    assert small.undo_stack.undoText() == "Set value weight of 'Student'"
    with pytest.raises(CommandError, match="already a persona"):
        AddPersona(small, Persona(name="student"))


def test_removing_a_persona_unlists_it_from_touchpoints(small):
    removal = RemovePersona.consequences(small, "p1")
    assert removal.touchpoint_personas == {"t2": []}
    assert "1 touchpoint will apply to all personas" in removal.describe(small.blueprint)
    do(small, RemovePersona(small, "p1"))
    assert small.touchpoint("t2").persona_ids == []


def test_choose_the_touchpoints_a_persona_applies_to(small):
    small.push(AddPersona(small, Persona(id="p2", name="Student")))
    command = SetPersonaTouchpoints(small, "p2", ["t1"])
    assert command.text() == "Choose touchpoints of persona 'Student'"
    do(small, command)
    personas = {t.id: t.persona_ids for t in small.blueprint.touchpoints}
    # t1 listed none (all) and still applies to all; t2 listed only p1; t3 now leaves p2 out.
    assert personas == {"t1": [], "t2": ["p1"], "t3": ["p1"]}
    do(small, SetPersonaTouchpoints(small, "p2", ["t1", "t2"]))
    assert small.touchpoint("t2").persona_ids == ["p1", "p2"]


def test_a_touchpoint_cannot_be_left_with_no_persona(small):
    with pytest.raises(CommandError, match="no persona at all"):
        SetPersonaTouchpoints(small, "p1", [])
