"""A command's changes as the live primitives: a list of ids carries the list it replaced."""

from __future__ import annotations

from blueprint.collab.primitives import SetEntityField
from blueprint.model import PreferredChannel
from blueprint.ui.commands.base import SetField
from blueprint.ui.live.binding import _since
from blueprint.ui.live.mapping import to_primitive


def test_a_list_of_ids_carries_the_list_it_replaces_other_fields_do_not():
    links = SetField("improvements", "i1", "friction_ids", ["x1"], ["x1", "x2"])
    assert to_primitive(links) == SetEntityField(
        "improvements", "i1", "friction_ids", ["x1", "x2"], ["x1"]
    )
    before = [PreferredChannel(stage_id="s1", channel_id="web")]
    preferences = SetField("personas", "p1", "preferred_channels", before, [])
    assert to_primitive(preferences).old == before
    title = SetField("improvements", "i1", "title", "Old", "New")
    assert to_primitive(title) == SetEntityField("improvements", "i1", "title", "New")


def test_merged_edits_of_one_list_replace_what_the_first_one_replaced():
    first = to_primitive(SetField("touchpoints", "t1", "persona_ids", ["p1"], []))
    second = to_primitive(SetField("touchpoints", "t1", "persona_ids", [], ["p2"]))
    assert _since(second, first) == SetEntityField(
        "touchpoints", "t1", "persona_ids", ["p2"], ["p1"]
    )
    title = SetEntityField("touchpoints", "t1", "title", "b")
    assert _since(title, SetEntityField("touchpoints", "t1", "title", "a")) == title
