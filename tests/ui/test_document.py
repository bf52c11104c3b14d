"""The document: fine-grained signals, no signal for a no-op, clean state, files."""

from blueprint.model import Touchpoint
from blueprint.storage import load_blueprint
from blueprint.ui.commands import EditTouchpoint
from blueprint.ui.document import Document
from tests.ui.conftest import snapshot


def record(document: Document, *names: str) -> list:
    events: list = []
    for name in names:
        getattr(document, name).connect(lambda *args, n=name: events.append((n, *args)))
    return events


def test_a_new_document_holds_the_default_template(qapp):
    document = Document()
    assert len(document.blueprint.stages) == 9
    assert document.path is None
    assert not document.is_modified()


def test_inserting_a_touchpoint_says_so_once_and_then_that_the_edit_is_complete(small):
    events = record(small, "touchpointAdded", "touchpointChanged", "edited")
    tp = Touchpoint(id="t9", title="Pay", stage_id="s1", channel_id="web")
    small.insert_entity("touchpoints", 1, tp)
    assert events == [("touchpointAdded", "t9"), ("edited",)]
    assert small.touchpoint("t9") is tp
    assert [t.id for t in small.cell_touchpoints("s1", "web")] == ["t1", "t9"]


def test_setting_a_field_to_its_value_emits_nothing(small):
    events = record(small, "touchpointChanged", "edited")
    assert small.set_field("touchpoints", "t1", "title", "Checkout") is False
    assert events == []
    assert small.set_field("touchpoints", "t1", "epic.easy", 4) is True
    assert events == [("touchpointChanged", "t1"), ("edited",)]
    assert small.touchpoint("t1").epic.easy == 4


def test_friction_signals_name_their_touchpoint(small):
    events = record(small, "frictionsChanged")
    small.set_field("frictions", "x2", "severity", 4)
    small.remove_entity("frictions", "x1")
    assert events == [("frictionsChanged", "t2"), ("frictionsChanged", "t1")]


def test_moving_a_touchpoint_with_flows_also_says_the_flows_changed(small):
    events = record(small, "touchpointMoved", "flowsChanged", "edited")
    small.move_touchpoint("t1", "s2", "phone", 0)
    assert events == [("touchpointMoved", "t1"), ("flowsChanged",), ("edited",)]
    assert small.touchpoint("t1").stage_id == "s2"
    assert [t.id for t in small.blueprint.touchpoints] == ["t1", "t2", "t3"]


def test_a_batch_is_one_edit(small):
    events = record(small, "edited")
    with small.batch():
        small.set_field("touchpoints", "t1", "notes", "a")
        small.set_field("touchpoints", "t2", "notes", "b")
    assert events == [("edited",)]


def test_modified_follows_the_undo_stack_and_save_makes_it_clean(small, tmp_path):
    marks = []
    small.modifiedChanged.connect(marks.append)
    small.push(EditTouchpoint(small, "t1", "title", "Pay"))
    assert small.is_modified() and marks == [True]
    small.undo_stack.undo()
    assert not small.is_modified() and marks == [True, False]
    small.undo_stack.redo()
    path = tmp_path / "saved.blueprint"
    small.save(path)
    assert small.path == path and not small.is_modified()
    assert load_blueprint(path).touchpoints[0].title == "Pay"


def test_reset_replaces_everything_and_forgets_the_history(small, broadband):
    events = record(small, "documentReset")
    small.push(EditTouchpoint(small, "t1", "title", "Pay"))
    small.reset(broadband, "/tmp/x.blueprint")
    assert events == [("documentReset",)]
    assert small.undo_stack.count() == 0 and not small.is_modified()
    assert small.get("touchpoints", "t1") is None
    assert small.blueprint is broadband
    assert snapshot(small) == snapshot(Document(broadband))
