"""Three-way merge by id: each rule of docs/merge.md on a small blueprint."""

import pytest

from blueprint.changes import merge_blueprints
from blueprint.changes.conflicts import conflict_id, conflict_lines
from blueprint.changes.decisions import GROUPS, decision_paths
from blueprint.changes.fields import shape_of
from blueprint.model import (
    Comment,
    Conflict,
    ContactReason,
    Epic,
    Flow,
    Frequency,
    Friction,
    FrictionFuture,
    Improvement,
    PreferredChannel,
    Stage,
    Touchpoint,
    TouchpointFuture,
    document_problems,
)
from blueprint.storage import dumps_blueprint
from tests.changes.edits import remove_with_attached
from tests.factories import small_blueprint


@pytest.fixture
def base():
    return small_blueprint()


def copy(bp):
    return bp.model_copy(deep=True)


def by_id(items, entity_id):
    return next(e for e in items if e.id == entity_id)


def merged(base, ours, theirs):
    result = merge_blueprints(base, ours, theirs)
    assert document_problems(result.blueprint) == []
    assert all(c in result.blueprint.conflicts for c in result.conflicts)
    return result


# --- clean merges ---------------------------------------------------------------------------


def test_changes_to_different_entities_and_fields_merge_silently(base):
    ours, theirs = copy(base), copy(base)
    ours.touchpoints[0].title = "Pay online"
    theirs.touchpoints[0].emotion = -1
    theirs.frictions[1].severity = 4
    ours.channels[1].cost_per_contact = 9.0
    theirs.title = "Small, reviewed"
    result = merged(base, ours, theirs)
    bp = result.blueprint
    assert result.clean and bp.conflicts == []
    assert (bp.touchpoints[0].title, bp.touchpoints[0].emotion) == ("Pay online", -1)
    assert bp.frictions[1].severity == 4
    assert bp.channels[1].cost_per_contact == 9.0
    assert bp.title == "Small, reviewed"


def test_both_sides_making_the_same_change_is_no_conflict(base):
    ours, theirs = copy(base), copy(base)
    for side in (ours, theirs):
        side.frictions[1].severity = 4
    result = merged(base, ours, theirs)
    assert result.clean and result.blueprint.frictions[1].severity == 4


def test_nested_objects_merge_sub_field_by_sub_field(base):
    ours, theirs = copy(base), copy(base)
    ours.touchpoints[0].epic = Epic(easy=4)
    theirs.touchpoints[0].epic = Epic(contextual=2)
    result = merged(base, ours, theirs)
    assert result.clean
    assert result.blueprint.touchpoints[0].epic == Epic(easy=4, contextual=2)


def test_lists_of_ids_merge_as_sets_in_ours_order(base):
    base.touchpoints[0].persona_ids = []
    base.personas.append(base.personas[0].model_copy(update={"id": "p2", "name": "Student"}))
    ours, theirs = copy(base), copy(base)
    ours.touchpoints[1].persona_ids = []  # ours: the call is for everyone
    theirs.touchpoints[1].persona_ids = ["p1", "p2"]  # theirs: and for students
    theirs.improvements[0].friction_ids = ["x1", "x2"]
    ours.improvements[0].epic_letters = ["E"]
    bp = merged(base, ours, theirs).blueprint
    assert bp.touchpoints[1].persona_ids == ["p2"]
    assert bp.improvements[0].friction_ids == ["x1", "x2"]
    assert bp.improvements[0].epic_letters == ["E"]


def test_preferred_channels_merge_stage_by_stage(base):
    ours, theirs = copy(base), copy(base)
    ours.personas[0].preferred_channels = [PreferredChannel(stage_id="s1", channel_id="web")]
    theirs.personas[0].preferred_channels = [PreferredChannel(stage_id="s2", channel_id="phone")]
    result = merged(base, ours, theirs)
    assert result.clean
    assert [
        (p.stage_id, p.channel_id) for p in result.blueprint.personas[0].preferred_channels
    ] == [
        ("s1", "web"),
        ("s2", "phone"),
    ]


def test_a_preferred_channel_in_dispute_is_said_for_its_stage_only(base):
    base.personas[0].preferred_channels = [PreferredChannel(stage_id="s1", channel_id="web")]
    ours, theirs = copy(base), copy(base)
    ours.personas[0].preferred_channels.append(PreferredChannel(stage_id="s2", channel_id="web"))
    theirs.personas[0].preferred_channels.append(
        PreferredChannel(stage_id="s2", channel_id="phone")
    )
    result = merged(base, ours, theirs)
    (conflict,) = result.conflicts  # the whole list is decided, as one value
    assert [p["stage_id"] for p in conflict.other] == ["s1", "s2"]
    assert conflict_lines(result.blueprint, result.conflicts) == [
        "Persona 'Busy parent': preferred channels kept Support / Website (ours); "
        "theirs wanted Support / Phone"
    ]


def test_both_sides_adding_entities_keeps_both_ours_first(base):
    ours, theirs = copy(base), copy(base)
    ours.stages.append(Stage(id="s-ours", name="Install"))
    theirs.stages.append(Stage(id="s-theirs", name="Billing"))
    ours.touchpoints.append(
        Touchpoint(id="t-ours", title="SMS", stage_id="s-ours", channel_id="web")
    )
    theirs.touchpoints.insert(
        1, Touchpoint(id="t-theirs", title="Bill", stage_id="s-theirs", channel_id="web")
    )
    theirs.frictions.append(Friction(id="x-theirs", title="Late bill", touchpoint_id="t-theirs"))
    result = merged(base, ours, theirs)
    bp = result.blueprint
    assert result.clean
    assert [s.id for s in bp.stages] == ["s1", "s2", "s-ours", "s-theirs"]
    assert [t.id for t in bp.touchpoints] == ["t1", "t-theirs", "t2", "t3", "t-ours"]
    assert by_id(bp.frictions, "x-theirs").touchpoint_id == "t-theirs"


def test_an_order_changed_by_one_side_is_kept(base):
    ours, theirs = copy(base), copy(base)
    theirs.stages.reverse()
    ours.stages.append(Stage(id="s3", name="Billing"))
    bp = merged(base, ours, theirs).blueprint
    assert [s.id for s in bp.stages] == ["s2", "s1", "s3"]


# --- both changed a field -------------------------------------------------------------------


def test_both_changing_a_field_keeps_ours_and_records_theirs(base):
    ours, theirs = copy(base), copy(base)
    ours.frictions[1].severity = 3
    ours.frictions[1].severity = 1
    theirs.frictions[1].severity = 4
    result = merged(base, ours, theirs)
    assert result.blueprint.frictions[1].severity == 1
    (conflict,) = result.conflicts
    assert conflict.model_dump(mode="json") == {
        "id": conflict_id("frictions", "x2", "severity", 4),
        "kind": "both changed",
        "collection": "frictions",
        "entity_id": "x2",
        "field": "severity",
        "kept": 1,
        "other": 4,
        "kept_from": "ours",
        "other_from": "theirs",
        "ours_name": "",
        "theirs_name": "",
    }
    assert conflict_lines(result.blueprint, result.conflicts) == [
        "Friction point 'Long hold': severity kept 1 (ours); theirs wanted 4"
    ]


def test_a_conflict_between_values_that_look_alike_shows_how_they_differ(base):
    ours, theirs = copy(base), copy(base)
    ours.touchpoints[0].notes, theirs.touchpoints[0].notes = "Pay\r\nnow", "Pay\nnow"
    ours.channels[1].cost_per_contact = 7.5000001
    theirs.channels[1].cost_per_contact = 7.5000002
    result = merged(base, ours, theirs)
    assert conflict_lines(result.blueprint, result.conflicts) == [
        "Channel 'Phone': cost per contact kept 7.5000001 (ours); theirs wanted 7.5000002",
        "Touchpoint 'Checkout': notes kept line endings CRLF (ours); theirs wanted LF",
    ]


def test_conflicts_on_the_blueprints_own_fields(base):
    ours, theirs = copy(base), copy(base)
    ours.currency, theirs.currency = "GBP", "USD"
    result = merged(base, ours, theirs)
    (conflict,) = result.conflicts
    assert (conflict.collection, conflict.entity_id, conflict.field) == (
        "blueprint",
        "blueprint",
        "currency",
    )
    assert result.blueprint.currency == "GBP"


def _frequency(**values):
    return Frequency(**values).model_dump(mode="json")


def test_a_count_and_its_period_are_one_value(base):
    ours, theirs = copy(base), copy(base)
    ours.frictions[0].frequency = Frequency(count=10, per="week", source="estimated")
    theirs.frictions[0].frequency = Frequency(count=99, per="year", source="estimated")
    result = merged(base, ours, theirs)
    frequency = result.blueprint.frictions[0].frequency
    assert (frequency.count, frequency.per) == (10, "week")
    (conflict,) = result.conflicts  # one decision, not a count and a period apart
    assert (conflict.field, conflict.kept, conflict.other) == (
        "frequency",
        _frequency(count=10, per="week", source="estimated"),
        _frequency(count=99, per="year", source="estimated"),
    )
    assert conflict_lines(result.blueprint, result.conflicts) == [
        "Friction point 'Slow page': frequency kept 10 a week, estimated (ours); "
        "theirs wanted 99 a year, estimated"
    ]


def test_a_count_and_where_it_comes_from_are_one_value(base):
    ours, theirs = copy(base), copy(base)
    ours.frictions[0].frequency.count = 35  # a new count, still said to be measured
    theirs.frictions[0].frequency.source = "unknown"  # the old count was not measured
    result = merged(base, ours, theirs)
    assert result.blueprint.frictions[0].frequency == ours.frictions[0].frequency
    (conflict,) = result.conflicts
    assert (conflict.field, conflict.other) == (
        "frequency",
        _frequency(count=20, per="week", source="unknown"),
    )


def test_future_frequencies_are_one_value_too(base):
    ours, theirs = copy(base), copy(base)
    ours.frictions[0].future = FrictionFuture(frequency=Frequency(count=5, per="week"))
    theirs.frictions[0].future = FrictionFuture(frequency=Frequency(count=60, per="year"))
    result = merged(base, ours, theirs)
    assert [(c.field, c.kept["per"], c.other["per"]) for c in result.conflicts] == [
        ("future.frequency", "week", "year")
    ]


def test_a_cell_is_one_value(base):
    ours, theirs = copy(base), copy(base)
    ours.touchpoints[0].stage_id = "s2"  # ours moves it right
    theirs.touchpoints[0].channel_id = "phone"  # theirs moves it down
    result = merged(base, ours, theirs)
    touchpoint = result.blueprint.touchpoints[0]
    assert (touchpoint.stage_id, touchpoint.channel_id) == ("s2", "web")
    (conflict,) = result.conflicts  # not a stage and a channel: theirs is a cell, not a row
    assert (conflict.field, conflict.kept, conflict.other) == (
        "cell",
        {"stage_id": "s2", "channel_id": "web"},
        {"stage_id": "s1", "channel_id": "phone"},
    )
    assert conflict_lines(result.blueprint, result.conflicts) == [
        "Touchpoint 'Checkout': cell kept Support / Website (ours); theirs wanted Purchase / Phone"
    ]


def test_a_future_cell_is_one_value(base):
    ours, theirs = copy(base), copy(base)
    ours.touchpoints[0].future = TouchpointFuture(stage_id="s2")
    theirs.touchpoints[0].future = TouchpointFuture(channel_id="phone")
    result = merged(base, ours, theirs)
    assert result.blueprint.touchpoints[0].future == ours.touchpoints[0].future
    assert [(c.field, c.kept, c.other) for c in result.conflicts] == [
        (
            "future.cell",
            {"stage_id": "s2", "channel_id": None},
            {"stage_id": None, "channel_id": "phone"},
        )
    ]
    assert conflict_lines(result.blueprint, result.conflicts) == [
        "Touchpoint 'Checkout': future cell kept Support / today's channel (ours); "
        "theirs wanted today's stage / Phone"
    ]


def test_a_plausible_range_is_one_value_with_its_count(base):
    base.frictions[0].frequency = Frequency(count=20, per="week", low=10, high=30)
    ours, theirs = copy(base), copy(base)
    ours.frictions[0].frequency.low = 25
    theirs.frictions[0].frequency.high = 15  # 25 > 15: no frequency holds both
    result = merged(base, ours, theirs)
    frequency = result.blueprint.frictions[0].frequency
    assert (frequency.low, frequency.high) == (25, 30)
    assert conflict_lines(result.blueprint, result.conflicts) == [
        "Friction point 'Slow page': frequency kept 20 a week (25 to 30), unknown (ours); "
        "theirs wanted 20 a week (10 to 15), unknown"
    ]


def test_fields_that_do_not_fit_together_fall_back_on_ours(base, monkeypatch):
    # Were a frequency merged field by field, low 25 and high 15 would not hold together.
    monkeypatch.setattr("blueprint.changes.merge_values.GROUPS", {})
    monkeypatch.setattr("blueprint.changes.merge_values.is_whole", lambda field: False)
    base.frictions[0].frequency = Frequency(count=20, per="week", low=10, high=30)
    ours, theirs = copy(base), copy(base)
    ours.frictions[0].frequency.low = 25
    ours.frictions[0].title = "Slow checkout page"
    theirs.frictions[0].frequency.high = 15
    theirs.frictions[0].severity = 4
    result = merged(base, ours, theirs)
    friction = result.blueprint.frictions[0]
    assert friction == ours.frictions[0]
    assert [(c.field, c.kept, c.other) for c in result.conflicts] == [
        ("severity", 2, 4),
        (
            "frequency",
            _frequency(count=20, per="week", low=25, high=30),
            _frequency(count=20, per="week", low=10, high=15),
        ),
    ]
    assert friction.frequency.high == 30


def test_conflicts_of_a_merge_are_reproducible(base):
    ours, theirs = copy(base), copy(base)
    ours.touchpoints[2].title, theirs.touchpoints[2].title = "Complain by letter", "Complain"
    ours.touchpoints[2].title = "Complain by letter"
    theirs.touchpoints[2].title = "Complain online"
    first = dumps_blueprint(merge_blueprints(base, ours, theirs).blueprint)
    assert dumps_blueprint(merge_blueprints(base, copy(ours), copy(theirs)).blueprint) == first


def test_open_conflicts_are_carried_over_and_a_resolved_one_stays_resolved(base):
    base.conflicts = [
        Conflict(
            id="c1",
            kind="both changed",
            collection="touchpoints",
            entity_id="t1",
            field="title",
            kept="Checkout",
            other="Pay",
        ),
        Conflict(
            id="c2",
            kind="both changed",
            collection="frictions",
            entity_id="x2",
            field="severity",
            kept=2,
            other=3,
        ),
    ]
    ours, theirs = copy(base), copy(base)
    del ours.conflicts[0]  # ours decided the title
    theirs.touchpoints[2].title = "Complain online"
    result = merged(base, ours, theirs)
    assert result.clean
    assert [c.id for c in result.blueprint.conflicts] == ["c2"]


# --- deleted and changed --------------------------------------------------------------------


def test_deleting_what_the_other_side_changed_keeps_it_with_what_is_attached(base):
    ours, theirs = copy(base), copy(base)
    remove_with_attached(ours, {"t2"})  # the call, its friction point and both flows
    theirs.touchpoints[1].title = "Call about the order"
    result = merged(base, ours, theirs)
    bp = result.blueprint
    assert by_id(bp.touchpoints, "t2").title == "Call about the order"
    assert {f.id for f in bp.frictions} == {"x1", "x2"}
    assert {f.id for f in bp.flows} == {"f1", "f2"}
    (conflict,) = result.conflicts
    assert (conflict.kind, conflict.collection, conflict.entity_id, conflict.field) == (
        "deleted and changed",
        "touchpoints",
        "t2",
        "",
    )
    assert (conflict.kept, conflict.other) == (["title"], None)
    assert (conflict.kept_from, conflict.other_from) == ("theirs", "ours")
    assert conflict_lines(bp, result.conflicts) == [
        "Touchpoint 'Call about the order': deleted by ours, kept as theirs has it (it changed "
        "title)"
    ]


def test_deleting_a_touchpoint_the_other_side_adds_a_friction_point_on_keeps_it(base):
    ours, theirs = copy(base), copy(base)
    remove_with_attached(theirs, {"t3"})
    ours.frictions.append(Friction(id="x3", title="No answer", touchpoint_id="t3"))
    result = merged(base, ours, theirs)
    bp = result.blueprint
    assert "t3" in {t.id for t in bp.touchpoints} and "f2" in {f.id for f in bp.flows}
    (conflict,) = result.conflicts
    assert (conflict.kind, conflict.entity_id, conflict.kept, conflict.kept_from) == (
        "deleted and changed",
        "t3",
        [],
        "ours",
    )


def test_deleting_a_stage_the_other_side_adds_a_touchpoint_in_keeps_the_stage_whole(base):
    ours, theirs = copy(base), copy(base)
    remove_with_attached(ours, {"s2"})  # the stage with its two touchpoints
    theirs.touchpoints.append(Touchpoint(id="t4", title="Chat", stage_id="s2", channel_id="web"))
    bp = merged(base, ours, theirs).blueprint
    assert [s.id for s in bp.stages] == ["s1", "s2"]
    assert [t.id for t in bp.touchpoints] == ["t1", "t2", "t3", "t4"]
    assert by_id(bp.frictions, "x2").touchpoint_id == "t2"


def test_a_deleted_friction_point_the_other_side_links_comes_back_linked(base):
    base.improvements.append(Improvement(id="i2", title="Call-back", friction_ids=["x2"]))
    ours, theirs = copy(base), copy(base)
    remove_with_attached(theirs, {"x2"})  # also unlinks it from i2
    ours.improvements[0].friction_ids = ["x1", "x2"]  # ours links it to i1 too
    result = merged(base, ours, theirs)
    bp = result.blueprint
    assert "x2" in {f.id for f in bp.frictions}
    assert by_id(bp.improvements, "i1").friction_ids == ["x1", "x2"]
    assert by_id(bp.improvements, "i2").friction_ids == ["x2"]  # linked again as it was


def test_a_link_to_what_the_other_side_deleted_is_not_kept_when_nothing_else_changed(base):
    ours, theirs = copy(base), copy(base)
    remove_with_attached(theirs, {"x1"})  # unlinks it from i1
    ours.improvements[0].title = "Faster checkout page"
    result = merged(base, ours, theirs)
    assert result.clean
    assert "x1" not in {f.id for f in result.blueprint.frictions}
    assert result.blueprint.improvements[0].friction_ids == []


def test_deleted_on_both_sides_is_gone(base):
    ours, theirs = copy(base), copy(base)
    for side in (ours, theirs):
        remove_with_attached(side, {"t3"})
    result = merged(base, ours, theirs)
    assert result.clean and "t3" not in {t.id for t in result.blueprint.touchpoints}


# --- repairs ----------------------------------------------------------------------------------


def test_two_stages_added_with_one_name_are_told_apart(base):
    ours, theirs = copy(base), copy(base)
    ours.stages.append(Stage(id="s-ours", name="Install"))
    theirs.stages.append(Stage(id="s-theirs", name=" install"))
    result = merged(base, ours, theirs)
    names = [s.name for s in result.blueprint.stages]
    assert names == ["Purchase", "Support", "Install", " install (2)"]
    (conflict,) = result.conflicts
    assert (conflict.entity_id, conflict.field, conflict.kept, conflict.other) == (
        "s-theirs",
        "name",
        " install (2)",
        " install",
    )
    assert (conflict.kept_from, conflict.other_from) == ("merge", "theirs")


def test_a_stage_renamed_by_both_keeps_ours_name(base):
    ours, theirs = copy(base), copy(base)
    ours.stages[1].name, theirs.stages[1].name = "Aftercare", "Help"
    theirs.touchpoints.append(Touchpoint(id="t4", title="Chat", stage_id="s2", channel_id="web"))
    result = merged(base, ours, theirs)
    assert result.blueprint.stages[1].name == "Aftercare"
    assert [(c.field, c.other) for c in result.conflicts] == [("name", "Help")]


def test_renaming_to_a_name_the_other_side_gave_another_stage(base):
    ours, theirs = copy(base), copy(base)
    ours.stages[0].name = "Order"
    theirs.stages[1].name = "order"
    result = merged(base, ours, theirs)
    assert [s.name for s in result.blueprint.stages] == ["Order", "order (2)"]


def test_a_reason_under_a_reason_the_other_side_made_secondary(base):
    base.contact_reasons.append(ContactReason(id="r2", name="Billing"))
    ours, theirs = copy(base), copy(base)
    ours.contact_reasons.append(ContactReason(id="r2a", name="Wrong bill", parent_id="r2"))
    theirs.contact_reasons[2].parent_id = "r1"  # Billing goes under Orders
    result = merged(base, ours, theirs)
    reasons = {r.id: r.parent_id for r in result.blueprint.contact_reasons}
    assert reasons["r2a"] == "r2" and reasons["r2"] is None  # ours' tree
    assert [(c.entity_id, c.field, c.kept, c.other) for c in result.conflicts] == [
        ("r2", "parent_id", None, "r1")
    ]


def test_a_reason_added_under_a_reason_ours_made_secondary_moves_up(base):
    base.contact_reasons.append(ContactReason(id="r2", name="Billing"))
    ours, theirs = copy(base), copy(base)
    ours.contact_reasons[2].parent_id = "r1"
    theirs.contact_reasons.append(ContactReason(id="r2a", name="Wrong bill", parent_id="r2"))
    result = merged(base, ours, theirs)
    reasons = {r.id: r.parent_id for r in result.blueprint.contact_reasons}
    assert reasons["r2"] == "r1" and reasons["r2a"] == "r1"
    assert [(c.entity_id, c.kept, c.other, c.kept_from) for c in result.conflicts] == [
        ("r2a", "r1", "r2", "merge")
    ]


def test_the_same_link_added_by_both_is_one_flow(base):
    ours, theirs = copy(base), copy(base)
    ours.flows.append(Flow(id="f-ours", from_id="t1", to_id="t3", label="gives up"))
    theirs.flows.append(Flow(id="f-theirs", from_id="t1", to_id="t3", label="complains"))
    theirs.improvements[0].brings_about = ["f-theirs"]
    result = merged(base, ours, theirs)
    bp = result.blueprint
    assert [f.id for f in bp.flows] == ["f1", "f2", "f-ours"]
    assert bp.improvements[0].brings_about == ["f-ours"]
    assert [(c.entity_id, c.field, c.kept, c.other) for c in result.conflicts] == [
        ("f-ours", "label", "gives up", "complains")
    ]


def test_a_friction_point_added_on_a_touchpoint_taken_out_of_the_future(base):
    ours, theirs = copy(base), copy(base)
    ours.touchpoints[1].state = "current"  # the call is gone tomorrow ...
    ours.frictions[1].state = "current"
    for flow in ours.flows:
        flow.state = "current"
    theirs.frictions.append(Friction(id="x3", title="No call-back", touchpoint_id="t2"))
    result = merged(base, ours, theirs)
    assert by_id(result.blueprint.frictions, "x3").state == "current"
    assert [(c.entity_id, c.field, c.kept, c.other) for c in result.conflicts] == [
        ("x3", "state", "current", "both")
    ]


def test_future_values_on_what_the_other_side_took_out_of_the_future(base):
    ours, theirs = copy(base), copy(base)
    theirs.touchpoints[0].state = "current"
    theirs.frictions[0].state = "current"
    theirs.flows[0].state = "current"
    ours.touchpoints[0].future = {"emotion": 2}
    result = merged(base, ours, theirs)
    touchpoint = result.blueprint.touchpoints[0]
    assert (touchpoint.state, touchpoint.future.emotion) == ("both", 2)  # ours' pair
    assert [(c.field, c.kept, c.other) for c in result.conflicts] == [("state", "both", "current")]


def test_one_id_given_to_two_kinds_of_entity(base):
    ours, theirs = copy(base), copy(base)
    ours.stages.append(Stage(id="new", name="Install"))
    theirs.touchpoints.append(Touchpoint(id="new", title="SMS", stage_id="s1", channel_id="web"))
    theirs.comments.append(
        Comment(id="c1", about_id="new", author="Ann", at="2026-12-06T10:00:00Z", text="Sure?")
    )
    result = merged(base, ours, theirs)
    bp = result.blueprint
    renamed = bp.touchpoints[-1]
    assert renamed.id != "new" and renamed.title == "SMS"
    assert bp.stages[-1].id == "new"
    assert bp.comments[0].about_id == renamed.id
    assert [(c.field, c.other) for c in result.conflicts] == [("id", "new")]


def thread_and_reply(base, replying_side: str):
    """A thread on the checkout in ``base``; ours and theirs, one of them (``replying_side``)
    with a reply to it."""
    base.comments.append(
        Comment(id="c1", about_id="t1", author="Ann", at="2026-12-06T10:00:00Z", text="Sure?")
    )
    sides = {"ours": copy(base), "theirs": copy(base)}
    sides[replying_side].comments.append(
        Comment(
            id="c2",
            about_id="t1",
            reply_to="c1",
            author="Bob",
            at="2026-12-06T11:00:00Z",
            text="No: the data says otherwise.",
        )
    )
    return sides["ours"], sides["theirs"]


@pytest.mark.parametrize("replied_by_ours", [True, False], ids=["ours replied", "theirs replied"])
def test_a_reply_to_a_thread_the_other_side_resolved_opens_it_again(base, replied_by_ours):
    replier, resolver = ("ours", "theirs") if replied_by_ours else ("theirs", "ours")
    ours, theirs = thread_and_reply(base, replier)
    (theirs if replied_by_ours else ours).comments[0].resolved = True
    result = merged(base, ours, theirs)
    thread, reply = result.blueprint.comments
    assert reply.reply_to == thread.id and not thread.resolved  # the reply in sight
    assert [(c.entity_id, c.field, c.kept, c.other, c.other_from) for c in result.conflicts] == [
        ("c1", "resolved", False, True, resolver)
    ]


def test_a_thread_replied_to_and_resolved_by_one_side_stays_resolved(base):
    ours, theirs = thread_and_reply(base, "ours")
    ours.comments[0].resolved = True
    theirs.title = "Small, reviewed"
    result = merged(base, ours, theirs)
    assert result.clean and result.blueprint.comments[0].resolved


# --- the identities -------------------------------------------------------------------------


def test_a_version_merged_with_itself_is_that_version_byte_for_byte(sample_path):
    from blueprint.storage import load_blueprint

    base = load_blueprint(sample_path)
    version = copy(base)
    remove_with_attached(version, {version.touchpoints[3].id})
    version.stages.reverse()
    version.frictions[0].severity = 1
    expected = dumps_blueprint(version)
    for ours, theirs in ((version, version), (base, version), (version, base)):
        result = merge_blueprints(base, ours, theirs)
        assert result.clean and dumps_blueprint(result.blueprint) == expected


def test_every_value_merged_whole_names_fields_of_the_model():
    """A field renamed in the model must not quietly split a cell into two decisions."""
    for collection, groups in GROUPS.items():
        leaves = {leaf.path for leaf in shape_of(collection).leaves()}
        for group, members in groups.items():
            assert set(members) <= leaves, (collection, group)
            assert group in decision_paths(collection)
    assert "frequency" in decision_paths("frictions")
    assert "future.frequency" in decision_paths("frictions")
