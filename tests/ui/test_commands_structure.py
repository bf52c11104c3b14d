"""Stages and channels: add, rename, reorder, edit, and remove with what goes with them."""

import pytest

from blueprint.ui.commands import (
    AddChannel,
    AddStage,
    CommandError,
    EditChannel,
    MoveChannel,
    MoveStage,
    RemoveChannel,
    RemoveStage,
    RenameStage,
)
from tests.ui.test_commands_touchpoints import do


def names(document, kind):
    return [e.name for e in getattr(document.blueprint, kind)]


def test_add_a_stage_at_a_position(small):
    command = AddStage(small, "Onboarding", 1)
    assert command.text() == "Add stage 'Onboarding'"
    do(small, command)
    assert names(small, "stages") == ["Purchase", "Onboarding", "Support"]


def test_stage_and_channel_names_must_differ(small):
    with pytest.raises(CommandError, match="already a stage named 'Support'"):
        AddStage(small, " support ")
    with pytest.raises(CommandError, match="already a stage named 'Purchase'"):
        RenameStage(small, "s2", "PURCHASE")
    with pytest.raises(CommandError, match="already a channel named 'Phone'"):
        AddChannel(small, "Phone", "live human", 1)
    with pytest.raises(CommandError, match="name must not be blank"):
        AddStage(small, "  ")


def test_rename_a_stage(small):
    command = RenameStage(small, "s2", "Help")
    assert command.text() == "Rename stage 'Support' to 'Help'"
    do(small, command)
    assert names(small, "stages") == ["Purchase", "Help"]


def test_reorder_stages_and_channels(small):
    do(small, MoveStage(small, "s2", 0))
    assert small.undo_stack.undoText() == "Move stage 'Support'"
    assert names(small, "stages") == ["Support", "Purchase"]
    do(small, MoveChannel(small, "esc", 0))
    assert names(small, "channels") == ["Complaints", "Website", "Phone"]


def test_add_a_channel_and_edit_its_kind_step_and_cost(small):
    add = AddChannel(small, "Chatbot", "self-help", 3)
    do(small, add)
    do(small, EditChannel(small, add.channel_id, "step", 2))
    assert small.undo_stack.undoText() == "Set stairway step of 'Chatbot'"
    do(small, EditChannel(small, add.channel_id, "kind", "assisted digital"))
    do(small, EditChannel(small, add.channel_id, "cost_per_contact", 1.25))
    channel = small.entity("channels", add.channel_id)
    assert (channel.step, channel.kind, channel.cost_per_contact) == (2, "assisted digital", 1.25)
    with pytest.raises(CommandError, match="Stairway step must be at most 5"):
        EditChannel(small, add.channel_id, "step", 6)
    with pytest.raises(CommandError, match="Kind must be one of"):
        EditChannel(small, add.channel_id, "kind", "pigeon")


def test_what_removing_a_stage_would_remove_is_known_before(small):
    removal = RemoveStage.consequences(small, "s2")
    assert removal.touchpoint_ids == ("t2", "t3")
    assert removal.friction_ids == ("x2",)
    assert set(removal.flow_ids) == {"f1", "f2"}
    assert removal.describe(small.blueprint) == [
        "2 touchpoints removed: 'Call about order', 'Complain'",
        "1 friction point removed: 'Long hold'",
        "2 flows removed: 'Checkout → Call about order', 'Call about order → Complain'",
    ]
    assert small.undo_stack.count() == 0 and len(small.blueprint.touchpoints) == 3


def test_remove_a_stage_with_its_touchpoints_and_undo_it(small):
    command = RemoveStage(small, "s2")
    assert command.text() == "Remove stage 'Support'"
    do(small, command)
    assert names(small, "stages") == ["Purchase"]
    assert [t.id for t in small.blueprint.touchpoints] == ["t1"]
    assert small.blueprint.flows == []


def test_remove_a_channel_clears_frictions_that_led_to_it(small):
    removal = RemoveChannel.consequences(small, "phone")
    assert removal.touchpoint_ids == ("t2",)
    assert removal.leads_to_cleared == ("x1",)
    do(small, RemoveChannel(small, "phone"))
    assert small.entity("frictions", "x1").leads_to_channel_id is None


def test_removing_a_stage_drops_persona_preferences_for_it(document):
    persona = next(p for p in document.blueprint.personas if p.preferred_channels)
    stage_id = persona.preferred_channels[0].stage_id
    assert persona.id in RemoveStage.consequences(document, stage_id).persona_preferences
    do(document, RemoveStage(document, stage_id))
    assert all(pc.stage_id != stage_id for pc in persona.preferred_channels)


def test_the_last_stage_cannot_be_removed(small):
    small.push(RemoveStage(small, "s2"))
    with pytest.raises(CommandError, match="at least one stage"):
        RemoveStage(small, "s1")
