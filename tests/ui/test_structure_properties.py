"""Stage and channel properties: name, kind, stairway step, cost per contact, description."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from blueprint.ui.canvas import palette
from blueprint.ui.structure.labels import STEP_LABELS
from tests.ui.conftest import snapshot
from tests.ui.editing_helpers import click_card, close_window, open_window, replace_text, tools
from tests.ui.structure_helpers import (
    CHANNELS,
    STAGES,
    PaintCounter,
    choose,
    colour_at,
    refuse_removal_dialog,
    right_click_header,
    strip,
    structure,
)
from tests.ui.text_helpers import label_reads


@pytest.fixture(autouse=True)
def _removal_needs_an_answer(monkeypatch):
    refuse_removal_dialog(monkeypatch)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def open_channel_properties(qtbot, window, channel_id):
    choose(qtbot, right_click_header(window, CHANNELS, channel_id), "Channel Properties…")
    dialog = structure(window).operations.channel_properties
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)  # the user types into it next
    return dialog


def step_tile(window, channel_id) -> QPointF:
    """A point of the stairway tile of a channel header (beside its digit), in the scene."""
    header = window.canvas.blueprint_scene.channel_header(channel_id)
    return QPointF(header.x() + 15, header.y() + header.boundingRect().height() / 2 - 15)


def test_the_dialog_shows_the_channel_with_the_names_of_the_steps(qtbot, window):
    dialog = open_channel_properties(qtbot, window, "phone")
    assert dialog.isVisible() and dialog.entity_id == "phone"
    assert dialog.windowTitle() == "Channel properties — Phone"
    assert dialog.name.text() == "Phone"
    assert dialog.kind.currentText() == "Live human"
    assert dialog.step.currentText() == "1 · Live human"
    assert [dialog.step.itemText(i) for i in range(dialog.step.count())] == [
        "5 · No contact needed",
        "4 · Self-service in the moment",
        "3 · Self-help elsewhere",
        "2 · Assisted digital",
        "1 · Live human",
        "0 · Escalation or lost",
    ]
    assert dialog.cost.text() == "7.50 EUR"
    assert "holds 1 touchpoint." in dialog.summary.text()
    for field in (dialog.name, dialog.kind, dialog.step, dialog.cost, dialog.description):
        assert field.accessibleName(), field
    # The keys start in the name, selected to type over (they were on Close).
    from PySide6.QtWidgets import QApplication

    assert QApplication.focusWidget() is dialog.name and dialog.name.selectedText() == "Phone"


def test_a_new_step_shows_in_the_row_header_at_once(qtbot, window):
    dialog = open_channel_properties(qtbot, window, "phone")
    row_strip = strip(window, CHANNELS)
    tile = step_tile(window, "phone")
    assert colour_at(row_strip, tile) == QColor(palette.STEP[1])
    paints = PaintCounter(row_strip.viewport())
    dialog.step.setFocus()
    qtbot.keyClick(dialog.step, Qt.Key.Key_Up)  # one step up the stairway list: 2
    channel = window.document.entity("channels", "phone")
    assert channel.step == 2
    header = window.canvas.blueprint_scene.channel_header("phone")
    assert header.step == 2 and "Stairway step 2: Assisted digital" in header.toolTip()
    qtbot.waitUntil(lambda: paints.count > 0)  # the strip was asked to paint again
    assert colour_at(row_strip, tile) == QColor(palette.STEP[2])
    assert window.document.undo_stack.undoText() == "Set stairway step of 'Phone'"
    window.document.undo_stack.undo()
    assert dialog.step.currentText() == "1 · Live human"
    assert header.step == 1


def test_kind_cost_and_description_each_are_one_undo_step(qtbot, window):
    before = snapshot(window.document)
    dialog = open_channel_properties(qtbot, window, "web")
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # self-service -> self-help
    replace_text(qtbot, dialog.cost, "12.25")
    dialog.description.setFocus()
    qtbot.keyClicks(dialog.description, "Our site")
    channel = window.document.entity("channels", "web")
    assert (channel.kind, channel.cost_per_contact, channel.description) == (
        "self-help",
        12.25,
        "Our site",
    )
    assert window.canvas.blueprint_scene.channel_header("web").kind == "self-help"
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Set kind of 'Website'",
        "Set cost per contact of 'Website'",
        "Edit description of 'Website'",
    ]
    while stack.canUndo():
        stack.undo()
    assert snapshot(window.document) == before


def test_a_blank_cost_means_unknown(qtbot, window):
    dialog = open_channel_properties(qtbot, window, "phone")
    dialog.cost.setFocus()
    dialog.cost.selectAll()
    qtbot.keyClick(dialog.cost, Qt.Key.Key_Delete)
    assert window.document.entity("channels", "phone").cost_per_contact is None
    qtbot.keyClick(dialog.cost, Qt.Key.Key_Tab)  # leave the field
    assert dialog.cost.text() == "unknown"


def test_renaming_in_the_dialog_renames_the_header(qtbot, window):
    dialog = open_channel_properties(qtbot, window, "esc")
    replace_text(qtbot, dialog.name, "Escalations")
    assert window.canvas.blueprint_scene.channel_header("esc").name == "Escalations"
    assert dialog.windowTitle() == "Channel properties — Escalations"
    assert window.document.undo_stack.count() == 1  # typing merges into one step


def test_stage_properties_edit_the_name_and_description(qtbot, window):
    choose(qtbot, right_click_header(window, STAGES, "s1"), "Stage Properties…")
    dialog = structure(window).operations.stage_properties
    qtbot.waitExposed(dialog)
    assert dialog.name.text() == "Purchase"
    dialog.description.setFocus()
    qtbot.keyClicks(dialog.description, "Paying for it")
    assert window.document.entity("stages", "s1").description == "Paying for it"
    assert window.document.undo_stack.count() == 1


def test_the_dialog_closes_when_its_channel_goes(qtbot, window):
    menu = right_click_header(window, CHANNELS, "web")
    choose(qtbot, menu, "Add Channel Below")
    structure(window).rename.cancel()
    new_id = window.document.blueprint.channels[1].id
    structure(window).operations.show_properties(CHANNELS, new_id)
    dialog = structure(window).operations.channel_properties
    assert dialog.isVisible()
    window.document.undo_stack.undo()  # the channel's addition
    assert not dialog.isVisible()


def test_step_labels_run_from_the_top_of_the_stairway():
    assert [step for step, _label in STEP_LABELS] == [5, 4, 3, 2, 1, 0]


def test_how_the_cost_is_known_and_where_it_comes_from_are_edited_and_undone(qtbot, window):
    from tests.ui.editing_helpers import pick_from_popup

    dialog = open_channel_properties(qtbot, window, "phone")
    assert dialog.cost_source.currentText() == "not said"
    pick_from_popup(qtbot, dialog.cost_source, "measured")
    replace_text(qtbot, dialog.cost_note, "Contact centre report, Q3")
    phone = window.document.entity("channels", "phone")
    assert (phone.cost_source, phone.cost_note) == ("measured", "Contact centre report, Q3")
    stack = window.document.undo_stack
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert dialog.cost_source.currentText() == "not said" and dialog.cost_note.text() == ""


def test_a_new_blueprints_channel_shows_its_estimated_typical_cost(qtbot, qapp):
    from blueprint.model.templates import new_blueprint
    from blueprint.ui.document import Document

    window = open_window(qtbot, Document(new_blueprint()))
    try:
        dialog = open_channel_properties(qtbot, window, "ch-phone-with-an-agent")
        assert dialog.cost.text() == "6.00 EUR"
        assert dialog.cost_source.currentText() == "estimated"
        assert "estimate" in dialog.cost_note.text()
    finally:
        close_window(window)


def test_a_channel_named_in_markup_reads_as_typed_in_its_dialog_and_the_inspector(qtbot, small):
    small.blueprint.channels[1].name = "<b>Phone</b> & fax"  # the channel of t2
    window = open_window(qtbot, small)
    try:
        dialog = open_channel_properties(qtbot, window, "phone")
        assert label_reads(dialog.summary) == "The channel '<b>Phone</b> & fax' holds 1 touchpoint."
        dialog.reject()
        click_card(window, "t2")
        assert label_reads(tools(window).inspector.cell) == "Support · <b>Phone</b> & fax"
    finally:
        close_window(window)
