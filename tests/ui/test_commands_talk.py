"""The commands behind comments and merge conflicts: checked when made, one undo step,
undo gives back the file byte for byte."""

import pytest

from blueprint.model import Conflict, document_problems
from blueprint.ui.commands import (
    AddComment,
    CommandError,
    ResolveConflict,
    SetThreadResolved,
    Side,
)
from blueprint.ui.document import Document
from tests.factories import evidence_blueprint
from tests.ui.conftest import snapshot


@pytest.fixture
def talk(qapp):
    return Document(evidence_blueprint())


def conflict(document, **fields):
    values = {"id": "kx", "kind": "both changed", "collection": "touchpoints", "entity_id": "t1"}
    values |= fields
    found = Conflict(**values)
    document.blueprint.conflicts.append(found)
    document.reset(document.blueprint)
    return found


def pushed(document, command):
    before = snapshot(document)
    document.push(command)
    assert document_problems(document.blueprint) == []
    return before


def test_a_comment_names_what_it_is_about_and_undo_takes_it_away(talk):
    before = pushed(talk, AddComment(talk, "x1", "Ana", "Measured?", at="2026-12-06T10:00:00Z"))
    comment = talk.blueprint.comments[-1]
    assert (comment.about_id, comment.reply_to, comment.at) == ("x1", None, "2026-12-06T10:00:00Z")
    assert talk.undo_stack.undoText() == "Comment on friction point 'Slow page'"
    talk.undo_stack.undo()
    assert snapshot(talk) == before


def test_a_reply_is_about_what_its_thread_is_about(talk):
    pushed(talk, AddComment(talk, "t3", "Ben", "Yes", reply_to="c1"))
    reply = talk.blueprint.comments[-1]
    assert (reply.about_id, reply.reply_to) == ("t1", "c1")
    assert talk.undo_stack.undoText() == "Reply to 'Ana' on touchpoint 'Checkout'"


@pytest.mark.parametrize(
    ("about", "author", "text", "reply_to", "says"),
    [
        ("nowhere", "Ana", "Hi", None, "there is none with id 'nowhere'"),
        ("f1", "Ana", "Hi", None, "there is none with id 'f1'"),  # not about a flow
        ("t1", "  ", "Hi", None, "author's name"),
        ("t1", "Ana", " \n ", None, "needs some text"),
        ("t1", "Ana", "Hi", "c2", "answers the comment that starts its thread"),
        ("t1", "Ana", "Hi", "gone", "no comment with id 'gone'"),
    ],
)
def test_a_comment_that_would_break_the_file_is_refused_in_words(
    talk, about, author, text, reply_to, says
):
    with pytest.raises(CommandError, match=says):
        AddComment(talk, about, author, text, reply_to)


def test_resolving_a_thread_and_reopening_it(talk):
    before = pushed(talk, SetThreadResolved(talk, "c1", True))
    assert talk.get("comments", "c1").resolved
    assert talk.undo_stack.undoText() == "Resolve the thread 'Is 20 a week right?'"
    talk.undo_stack.undo()
    assert snapshot(talk) == before
    with pytest.raises(CommandError, match="answers the comment that starts"):
        SetThreadResolved(talk, "c2", True)


@pytest.mark.parametrize(
    ("collection", "entity_id", "field", "other", "read"),
    [
        (
            "frictions",
            "x1",
            "frequency.count",
            45.0,
            lambda d: d.get("frictions", "x1").frequency.count,
        ),
        ("touchpoints", "t1", "epic.easy", 4, lambda d: d.touchpoint("t1").epic.easy),
        ("touchpoints", "t1", "emotion", -1, lambda d: d.touchpoint("t1").emotion),
        ("frictions", "x2", "kind", "failure", lambda d: d.get("frictions", "x2").kind.value),
        ("improvements", "i1", "owner", "Ops", lambda d: d.get("improvements", "i1").owner),
        (
            "channels",
            "phone",
            "cost_per_contact",
            9.0,
            lambda d: d.get("channels", "phone").cost_per_contact,
        ),
    ],
)
def test_keep_theirs_sets_any_field_even_inside_an_object(
    talk, collection, entity_id, field, other, read
):
    found = conflict(talk, collection=collection, entity_id=entity_id, field=field, other=other)
    before = pushed(talk, ResolveConflict(talk, found.id, Side.THEIRS))
    assert read(talk) == other
    assert talk.get("conflicts", found.id) is None
    talk.undo_stack.undo()
    assert snapshot(talk) == before


def test_keep_theirs_of_a_future_value_where_there_was_none(talk):
    found = conflict(talk, field="future.title", other="Pay in one click")
    pushed(talk, ResolveConflict(talk, found.id, Side.THEIRS))
    assert talk.touchpoint("t1").future.title == "Pay in one click"


def test_when_mine_was_set_aside_keeping_mine_sets_it(talk):
    found = conflict(
        talk, field="title", kept="Theirs", other="Mine", kept_from="theirs", other_from="ours"
    )
    pushed(talk, ResolveConflict(talk, found.id, Side.OURS))
    assert talk.touchpoint("t1").title == "Mine"


def test_keep_mine_of_my_deletion_deletes_it(talk):
    found = conflict(
        talk,
        kind="deleted and changed",
        collection="frictions",
        entity_id="x1",
        kept=["severity"],
        kept_from="theirs",
        other_from="ours",
    )
    before = pushed(talk, ResolveConflict(talk, found.id, Side.OURS))
    assert talk.get("frictions", "x1") is None
    assert "x1" not in talk.get("improvements", "i1").friction_ids
    talk.undo_stack.undo()
    assert snapshot(talk) == before


def test_keep_theirs_of_a_deleted_stage_deletes_its_cards_too(talk):
    found = conflict(
        talk, kind="deleted and changed", collection="stages", entity_id="s2", kept=["name"]
    )
    pushed(talk, ResolveConflict(talk, found.id, Side.THEIRS))
    assert talk.get("stages", "s2") is None
    assert talk.get("touchpoints", "t2") is None
    assert talk.blueprint.conflicts == []  # the one about t2 went with it


def test_a_conflict_that_is_not_there_is_refused(talk):
    with pytest.raises(CommandError, match="no merge conflict"):
        ResolveConflict(talk, "nope", Side.OURS)


def test_keep_theirs_of_one_of_the_blueprints_own_fields(talk):
    pytest.importorskip("blueprint.changes.merge")  # conflicts about the blueprint itself
    found = conflict(
        talk, collection="blueprint", entity_id="blueprint", field="title", other="Their title"
    )
    before = pushed(talk, ResolveConflict(talk, found.id, Side.THEIRS))
    assert talk.blueprint.title == "Their title"
    assert talk.undo_stack.undoText() == "Keep theirs: title of the blueprint"
    talk.undo_stack.undo()
    assert snapshot(talk) == before


def test_a_decision_names_the_field_in_words(talk):
    """The status line said "Keep theirs: frequency.count of …", the file's own name."""
    found = conflict(
        talk,
        collection="frictions",
        entity_id="x1",
        field="leads_to_channel_id",
        kept="phone",
        other=None,
    )
    pushed(talk, ResolveConflict(talk, found.id, Side.THEIRS))
    assert talk.undo_stack.undoText() == "Keep theirs: leads to of friction point 'Slow page'"
