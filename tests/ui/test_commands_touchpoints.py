"""Touchpoint commands: their text, their effect, exact undo, and merging while typing."""

import pytest

from blueprint.model import Flow, Friction, Touchpoint, document_problems
from blueprint.ui.commands import (
    AddTouchpoint,
    AddTouchpoints,
    CommandError,
    EditTouchpoint,
    MoveTouchpoint,
    RemoveTouchpoints,
    SetTouchpointPersonas,
)
from tests.ui.conftest import snapshot


def cell(document, stage_id, channel_id):
    return [t.id for t in document.cell_touchpoints(stage_id, channel_id)]


def web_touchpoint(touchpoint_id, title):
    return Touchpoint(id=touchpoint_id, title=title, stage_id="s1", channel_id="web")


def do(document, command):
    """Push, check the document stayed valid, and check undo gives it back exactly."""
    before = snapshot(document)
    document.push(command)
    after = snapshot(document)
    assert document_problems(document.blueprint) == []
    document.undo_stack.undo()
    assert snapshot(document) == before
    document.undo_stack.redo()
    assert snapshot(document) == after


def test_add_a_touchpoint_last_in_its_cell(small):
    small.push(AddTouchpoint(small, web_touchpoint("n", "Pay")))
    assert small.undo_stack.undoText() == "Add touchpoint 'Pay'"
    small.push(AddTouchpoint(small, web_touchpoint("m", "Tip")))
    assert cell(small, "s1", "web") == ["t1", "n", "m"]


def test_add_a_touchpoint_at_a_place_in_its_cell(small):
    new = Touchpoint(id="n", title="Pay", stage_id="s1", channel_id="web")
    do(small, AddTouchpoint(small, new, cell_index=0))
    assert cell(small, "s1", "web") == ["n", "t1"]


def test_the_command_keeps_its_own_copy_of_the_new_touchpoint(small):
    new = Touchpoint(id="n", title="Pay", stage_id="s1", channel_id="web")
    small.push(AddTouchpoint(small, new))
    new.title = "changed by the caller afterwards"
    assert small.touchpoint("n").title == "Pay"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": "t1"}, "already used"),
        ({"stage_id": "nope"}, "no stage"),
        ({"channel_id": "nope"}, "no channel"),
        ({"persona_ids": ["ghost"]}, "no persona"),
    ],
)
def test_a_touchpoint_that_would_break_the_document_is_refused(small, fields, message):
    tp = Touchpoint(**({"title": "X", "stage_id": "s1", "channel_id": "web"} | fields))
    with pytest.raises(CommandError, match=message):
        AddTouchpoint(small, tp)
    assert small.undo_stack.count() == 0


def test_add_several_touchpoints_with_their_frictions_and_flows(small):
    a = Touchpoint(id="a", title="A", stage_id="s2", channel_id="web")
    b = Touchpoint(id="b", title="B", stage_id="s1", channel_id="web")
    command = AddTouchpoints(
        small,
        [a, b],
        [Friction(id="fa", title="Slow", touchpoint_id="a")],
        [Flow(id="ab", from_id="a", to_id="b"), Flow(id="tb", from_id="t1", to_id="b")],
    )
    assert command.text() == "Add 2 touchpoints"
    do(small, command)
    assert cell(small, "s1", "web") == ["t1", "b"]
    assert [f.id for f in small.frictions_of("a")] == ["fa"]
    assert {f.id for f in small.flows_of("b")} == {"ab", "tb"}


def test_touchpoints_whose_links_name_nothing_here_are_refused_and_nothing_changes(small):
    """The last guard before a file that would not open again: every link of what is added
    names something of the blueprint."""
    from blueprint.model import Frequency

    before = snapshot(small)
    a = Touchpoint(id="a", title="A", stage_id="s2", channel_id="web")
    follows = Friction(
        id="fa", title="Slow", touchpoint_id="a", frequency=Frequency(count=3, measure_id="m9")
    )
    with pytest.raises(
        CommandError,
        match=r"no measure 'm9' in this blueprint \(named by the frequency measure of friction "
        r"point 'Slow'\)",
    ):
        AddTouchpoints(small, [a], [follows], [])
    a.persona_ids = ["nobody"]
    with pytest.raises(CommandError, match="no persona 'nobody' in this blueprint"):
        AddTouchpoints(small, [a], [], [])
    assert snapshot(small) == before and small.undo_stack.count() == 0


def test_remove_a_touchpoint_takes_its_frictions_and_flows_and_unlinks_improvements(small):
    command = RemoveTouchpoints(small, ["t1"])
    assert command.text() == "Remove touchpoint 'Checkout'"
    do(small, command)
    bp = small.blueprint
    assert [t.id for t in bp.touchpoints] == ["t2", "t3"]
    assert [f.id for f in bp.frictions] == ["x2"]
    assert [f.id for f in bp.flows] == ["f2"]
    assert bp.improvements[0].friction_ids == []


def test_removing_several_touchpoints_is_one_step_and_undo_restores_every_index(document):
    ids = [t.id for t in document.blueprint.touchpoints[3:20:4]]
    before = snapshot(document)
    document.push(RemoveTouchpoints(document, ids))
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == f"Remove {len(ids)} touchpoints"
    assert not any(document.get("touchpoints", i) for i in ids)
    document.undo_stack.undo()
    assert snapshot(document) == before


def test_move_a_touchpoint_to_another_cell(small):
    command = MoveTouchpoint(small, "t1", "s2", "phone")
    assert command.text() == "Move 'Checkout' to Support / Phone"
    do(small, command)
    assert cell(small, "s2", "phone") == ["t2", "t1"]
    assert cell(small, "s1", "web") == []


def test_move_a_touchpoint_to_the_top_of_another_cell(small):
    do(small, MoveTouchpoint(small, "t1", "s2", "phone", 0))
    assert cell(small, "s2", "phone") == ["t1", "t2"]


def test_reorder_within_a_cell(small):
    small.push(MoveTouchpoint(small, "t3", "s2", "phone"))
    assert cell(small, "s2", "phone") == ["t2", "t3"]
    command = MoveTouchpoint(small, "t3", "s2", "phone", 0)
    assert command.text() == "Reorder 'Complain' in Support / Phone"
    do(small, command)
    assert cell(small, "s2", "phone") == ["t3", "t2"]


def test_a_move_to_where_it_already_is_is_not_a_step(small):
    small.push(MoveTouchpoint(small, "t1", "s1", "web", 0))
    small.push(MoveTouchpoint(small, "t1", "s1", "web"))
    assert small.undo_stack.count() == 0


def test_typing_in_one_field_is_one_step(small):
    for text in ("P", "Pa", "Pay"):
        small.push(EditTouchpoint(small, "t1", "title", text))
    assert small.undo_stack.count() == 1
    assert small.undo_stack.undoText() == "Rename touchpoint 'Checkout' to 'Pay'"
    small.undo_stack.undo()
    assert small.touchpoint("t1").title == "Checkout"


def test_typing_in_another_field_or_touchpoint_is_another_step(small):
    small.push(EditTouchpoint(small, "t1", "customer_action", "clicks"))
    small.push(EditTouchpoint(small, "t1", "notes", "n"))
    small.push(EditTouchpoint(small, "t2", "notes", "n"))
    small.push(EditTouchpoint(small, "t2", "notes", "no"))
    texts = [small.undo_stack.text(i) for i in range(small.undo_stack.count())]
    assert texts == [
        "Edit customer action of 'Checkout'",
        "Edit notes of 'Checkout'",
        "Edit notes of 'Call about order'",
    ]


def test_typing_a_value_back_to_what_it_was_leaves_no_step(small):
    small.push(EditTouchpoint(small, "t1", "notes", "x"))
    small.push(EditTouchpoint(small, "t1", "notes", ""))
    assert small.undo_stack.count() == 0
    assert not small.is_modified()


def test_saving_separates_steps_of_typing(small, tmp_path):
    small.push(EditTouchpoint(small, "t1", "notes", "x"))
    small.save(tmp_path / "a.blueprint")
    small.push(EditTouchpoint(small, "t1", "notes", "xy"))
    assert small.undo_stack.count() == 2


def test_epic_letters_and_emotion(small):
    do(small, EditTouchpoint(small, "t1", "epic.personalised", 2))
    assert small.undo_stack.undoText() == "Set EPIC Personalised of 'Checkout'"
    do(small, EditTouchpoint(small, "t1", "emotion", -2))
    tp = small.touchpoint("t1")
    assert (tp.epic.personalised, tp.emotion) == (2, -2)
    small.push(EditTouchpoint(small, "t1", "epic.personalised", None))
    assert small.touchpoint("t1").epic.personalised is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("epic.easy", 6, "EPIC Easy must be at most 5"),
        ("emotion", -3, "Emotion must be at least -2"),
        ("title", "   ", "Title must not be blank"),
        ("wait_minutes", -1, "Wait time must be at least 0"),
        ("stage_id", "s2", "cannot be edited"),
        ("id", "zz", "cannot be edited"),
    ],
)
def test_invalid_values_are_refused_with_a_message(small, field, value, message):
    with pytest.raises(CommandError, match=message):
        EditTouchpoint(small, "t1", field, value)


def test_choosing_personas_is_a_step_each_time(small):
    small.push(SetTouchpointPersonas(small, "t1", ["p1"]))
    small.push(SetTouchpointPersonas(small, "t1", []))
    assert small.undo_stack.count() == 2
    assert small.undo_stack.text(0) == "Set personas of 'Checkout'"
    with pytest.raises(CommandError, match="ghost"):
        SetTouchpointPersonas(small, "t1", ["ghost"])
