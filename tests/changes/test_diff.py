"""What changed between two versions, in words, and a version as lines for git."""

from blueprint.changes import (
    DiffKind,
    blueprint_text,
    diff_blueprints,
    diff_document,
    diff_lines,
)
from blueprint.changes.fields import COLLECTIONS, shape_of
from blueprint.changes.references import REFERENCES
from blueprint.model import (
    Comment,
    Evidence,
    Flow,
    Frequency,
    Measure,
    PreferredChannel,
    Touchpoint,
)
from blueprint.storage import load_blueprint
from tests.changes.edits import remove_with_attached
from tests.factories import small_blueprint


def two_versions():
    a = small_blueprint()
    return a, a.model_copy(deep=True)


def test_no_difference_between_a_blueprint_and_itself(sample_path):
    bp = load_blueprint(sample_path)
    assert diff_blueprints(bp, load_blueprint(sample_path)) == []


def test_each_kind_of_change_in_words():
    a, b = two_versions()
    b.channels[0].name = "Mobile app"  # a channel renamed ...
    b.touchpoints[0].channel_id = "phone"  # ... and a card moved to another
    b.frictions[1].severity = 3
    b.frictions[1].severity = 4
    b.frictions[0].frequency = Frequency(count=35, per="week", source="measured")
    b.touchpoints.append(
        Touchpoint(id="sms", title="Proactive SMS", stage_id="s2", channel_id="esc")
    )
    remove_with_attached(b, {"f2"})
    b.stages.reverse()
    b.personas[0].preferred_channels = [PreferredChannel(stage_id="s2", channel_id="phone")]
    b.improvements[0].friction_ids = ["x1", "x2"]
    b.title = "Small, after the workshop"
    assert diff_lines(diff_blueprints(a, b)) == [
        "Blueprint: title 'Small' -> 'Small, after the workshop'",
        "Moved stage 'Support' to the start",
        "Channel 'Mobile app': name 'Website' -> 'Mobile app'",
        "Persona 'Busy parent': preferred channels added Support / Phone",
        "Moved touchpoint 'Checkout' from Purchase / Website to Purchase / Phone",
        "Added touchpoint 'Proactive SMS' in Support / Complaints",
        "Removed flow 'Call about order -> Complain'",
        "Friction point 'Slow page': frequency count 20 -> 35",
        "Friction point 'Long hold': severity 3 -> 4",
        "Improvement 'Faster page': friction points added Long hold",
    ]


def test_evidence_comments_and_measures_are_named_by_what_they_are_about():
    a, b = two_versions()
    b.evidence.append(Evidence(id="e1", about_id="x2", text="I waited forty minutes"))
    b.comments.append(
        Comment(id="c1", about_id="t2", author="Ann", at="2026-12-06T10:00:00Z", text="Check it")
    )
    b.measures.append(Measure(id="m1", touchpoint_id="t2", name="Calls a month", value=1200))
    assert diff_lines(diff_blueprints(a, b)) == [
        "Added measure 'Calls a month' on touchpoint 'Call about order'",
        "Added evidence 'I waited forty minutes' on friction point 'Long hold'",
        "Added comment 'Check it' by Ann on touchpoint 'Call about order'",
    ]
    c = b.model_copy(deep=True)
    c.measures[0].value = 1350
    c.comments[0].resolved = True
    assert diff_lines(diff_blueprints(b, c)) == [
        "Measure 'Calls a month': value 1200 -> 1350",
        "Comment 'Check it': resolved no -> yes",
    ]
    # A reply says which thread it answers (it read as a new thread).
    d = c.model_copy(deep=True)
    d.comments.append(
        Comment(
            id="c2",
            about_id="t2",
            reply_to="c1",
            author="Ben",
            at="2026-12-06T11:00:00Z",
            text="Done: 1,350 calls",
        )
    )
    assert diff_lines(diff_blueprints(c, d)) == [
        "Added comment 'Done: 1,350 calls' by Ben in reply to 'Check it' on touchpoint "
        "'Call about order'"
    ]


def test_a_touchpoint_reordered_in_its_cell():
    a, b = two_versions()
    a.touchpoints.append(Touchpoint(id="t4", title="Call again", stage_id="s2", channel_id="phone"))
    b = a.model_copy(deep=True)
    b.touchpoints.insert(1, b.touchpoints.pop())
    changes = diff_blueprints(a, b)
    assert diff_lines(changes) == ["Moved touchpoint 'Call again' to the start in Support / Phone"]
    assert changes[0].kind == DiffKind.MOVED


def test_future_values_and_flows_by_name():
    a, b = two_versions()
    b.touchpoints[1].future = {"channel_id": "web", "emotion": 1}
    b.flows.append(Flow(id="f3", from_id="t1", to_id="t3", state="future"))
    assert diff_lines(diff_blueprints(a, b)) == [
        "Touchpoint 'Call about order': future channel none -> Website",
        "Touchpoint 'Call about order': future emotion none -> 1",
        "Added flow 'Checkout -> Complain'",
    ]


def test_json_holds_the_fields_as_the_file_does():
    a, b = two_versions()
    b.touchpoints[0].channel_id = "phone"
    document = diff_document(diff_blueprints(a, b), "a.blueprint", "b.blueprint")
    (change,) = document["changes"]
    assert document["counts"]["moved"] == 1
    assert change["fields"] == [
        {"field": "channel_id", "label": "channel", "before": "web", "after": "phone"}
    ]
    assert (change["moved_from"], change["moved_to"]) == ("Purchase / Website", "Purchase / Phone")


def test_text_for_git_names_every_entity_and_field():
    bp = small_blueprint()
    bp.touchpoints[1].notes = "Two lines:\nsecond"
    text = blueprint_text(bp)
    assert text.startswith("Blueprint 'Small'\n\nStage 'Purchase' (id s1)\n")
    assert (
        "Touchpoint 'Call about order' (id t2)\n"
        "  stage: Support\n"
        "  channel: Phone\n"
        "  personas:\n"
        "    - Busy parent\n"
        "  notes: Two lines:\n"
        "    second\n"
    ) in text
    assert "Improvement 'Faster page' (id i1)\n  friction points:\n    - Slow page\n" in text
    assert blueprint_text(bp.model_copy(deep=True)) == text


def test_text_for_git_shows_both_values_of_a_conflict_over_a_whole_value():
    """A frequency or a cell decided as one value: `git diff` showed no kept or other line
    (their parts named no field), so a reviewer could not see what was decided."""
    from blueprint.changes import merge_blueprints

    base = small_blueprint()
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.touchpoints[0].stage_id = "s2"
    theirs.touchpoints[0].channel_id = "phone"
    text = blueprint_text(merge_blueprints(base, ours, theirs).blueprint)
    assert '  kept: {"stage_id": "s2", "channel_id": "web"}\n' in text
    assert '  other: {"stage_id": "s1", "channel_id": "phone"}\n' in text
    assert (
        "  in words: Touchpoint 'Checkout': cell kept Support / Website (ours); theirs "
        "wanted Purchase / Phone\n"
    ) in text


def test_every_field_holding_ids_is_a_known_reference():
    """A field added to the model that names other entities must be listed in REFERENCES,
    so that diff names what it names and merge keeps it pointing at something."""
    for collection in COLLECTIONS:
        for leaf in shape_of(collection).leaves():
            name = leaf.path.rpartition(".")[2]
            holds_ids = name.endswith(("_id", "_ids")) or name in ("brings_about", "reply_to")
            if holds_ids and name != "id":
                assert leaf.path in REFERENCES[collection], (collection, leaf.path)
    assert REFERENCES["personas"]  # the preferred channels' ids, inside a list of objects


# --- two values that differ never read the same -----------------------------------------------


def test_numbers_that_differ_in_the_seventh_digit_are_said_in_full():
    a, b = two_versions()
    a.channels[1].cost_per_contact, b.channels[1].cost_per_contact = 1.2345678, 1.2345679
    b.channels[2].cost_per_contact = 1.2345678  # a difference that shows: said as usual
    assert diff_lines(diff_blueprints(a, b)) == [
        "Channel 'Phone': cost per contact 1.2345678 -> 1.2345679",
        "Channel 'Complaints': cost per contact none -> 1.23457",
    ]


def test_text_that_differs_only_in_line_endings_says_so():
    a, b = two_versions()
    a.touchpoints[0].notes, b.touchpoints[0].notes = "a\r\nb", "a\nb"
    a.title, b.title = "Small\r\nplan", "Small\nplan"
    assert diff_lines(diff_blueprints(a, b)) == [
        "Blueprint: title line endings CRLF -> LF",
        "Touchpoint 'Checkout': notes line endings CRLF -> LF",
    ]


def test_text_that_differs_only_in_white_space_shows_it():
    a, b = two_versions()
    a.touchpoints[0].notes, b.touchpoints[0].notes = "Pay now", "Pay  now"
    a.touchpoints[1].notes, b.touchpoints[1].notes = "Call\tus", "Call us"
    a.touchpoints[2].notes, b.touchpoints[2].notes = "10 €", "10\u00a0€"
    assert diff_lines(diff_blueprints(a, b)) == [
        "Touchpoint 'Checkout': notes 'Pay now' -> 'Pay  now'",
        "Touchpoint 'Call about order': notes 'Call⇥us' -> 'Call us'",
        "Touchpoint 'Complain': notes '10 €' -> '10⟨U+00A0⟩€'",
    ]


def test_long_text_that_differs_after_the_cut_shows_where():
    a, b = two_versions()
    opening = "The customer waits on hold while the agent looks the order up in two systems"
    a.touchpoints[0].notes, b.touchpoints[0].notes = opening + ".", opening + ", then calls."
    a.touchpoints[1].notes = "Short"  # a difference that shows: said as usual
    assert diff_lines(diff_blueprints(a, b)) == [
        "Touchpoint 'Checkout': notes '…order up in two systems.' -> "
        "'…order up in two systems, then calls.'",
        "Touchpoint 'Call about order': notes 'Short' -> empty",
    ]


def test_links_to_two_touchpoints_of_one_title_are_told_apart_by_id():
    a, b = two_versions()
    a.touchpoints.append(Touchpoint(id="t4", title="Complain", stage_id="s1", channel_id="esc"))
    b = a.model_copy(deep=True)
    b.flows[1].to_id = "t4"
    b.improvements[0].brings_about = ["t4"]
    a.improvements[0].brings_about = ["t3"]
    assert diff_lines(diff_blueprints(a, b)) == [
        "Flow 'Call about order -> Complain': to Complain (id t3) -> Complain (id t4)",
        "Improvement 'Faster page': brings about added Complain (id t4); removed Complain (id t3)",
    ]
