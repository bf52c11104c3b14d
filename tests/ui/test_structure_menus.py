"""Stage and channel headers' menus, and the Structure menu: add, rename, move, as a user."""

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import snapshot
from tests.ui.editing_helpers import (
    click_card,
    click_empty_place,
    close_window,
    open_window,
    status,
)
from tests.ui.structure_helpers import (
    CHANNELS,
    STAGES,
    choose,
    double_click_header,
    header_on_screen,
    menu_texts,
    refuse_removal_dialog,
    right_click_header,
    structure,
)


@pytest.fixture(autouse=True)
def _removal_needs_an_answer(monkeypatch):
    refuse_removal_dialog(monkeypatch)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def names(window, kind):
    return [e.name for e in getattr(window.document.blueprint, kind)]


def test_a_stage_header_offers_what_can_be_done_to_the_stage(window):
    menu = right_click_header(window, STAGES, "s1")
    assert menu.actions()[0].text() == "Stage: Purchase"  # a section heading
    assert menu_texts(menu) == [
        "Add Stage Before",
        "Add Stage After",
        "Rename",
        "Move Left",
        "Move Right",
        "Stage Properties…",
        "Remove Stage…",
    ]
    entries = {a.text().replace("&", ""): a for a in menu.actions()}
    assert not entries["Move Left"].isEnabled()  # already the first stage
    assert entries["Move Right"].isEnabled()
    assert all(a.statusTip() for a in menu.actions() if not a.isSeparator())
    menu.close()


def test_a_channel_header_offers_what_can_be_done_to_the_channel(window):
    menu = right_click_header(window, CHANNELS, "esc")
    assert menu_texts(menu) == [
        "Add Channel Above",
        "Add Channel Below",
        "Rename",
        "Move Up",
        "Move Down",
        "Channel Properties…",
        "Remove Channel…",
    ]
    assert not next(a for a in menu.actions() if a.text() == "Move &Down").isEnabled()
    menu.close()


def test_add_a_stage_before_another_and_name_it_in_place(qtbot, window):
    before = snapshot(window.document)
    choose(qtbot, right_click_header(window, STAGES, "s2"), "Add Stage Before")
    assert names(window, "stages") == ["Purchase", "New stage", "Support"]
    editor = structure(window).rename.editor()
    assert editor.isVisible() and editor.selectedText() == "New stage"
    qtbot.keyClicks(editor, "Delivery")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert names(window, "stages") == ["Purchase", "Delivery", "Support"]
    new_id = window.document.blueprint.stages[1].id
    scene = window.canvas.blueprint_scene
    assert scene.stage_header(new_id).name == "Delivery"
    assert (
        header_on_screen(window, STAGES, "s1")
        < header_on_screen(window, STAGES, new_id)
        < header_on_screen(window, STAGES, "s2")
    )
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add stage 'New stage'",
        "Rename stage 'New stage' to 'Delivery'",
    ]
    stack.undo()
    stack.undo()
    assert snapshot(window.document) == before
    assert scene.stage_header(new_id) is None


def test_add_a_channel_below_another(qtbot, window):
    choose(qtbot, right_click_header(window, CHANNELS, "web"), "Add Channel Below")
    qtbot.keyClick(structure(window).rename.editor(), Qt.Key.Key_Escape)
    assert names(window, "channels") == ["Website", "New channel", "Phone", "Complaints"]
    channel = window.document.blueprint.channels[1]
    assert (channel.kind, channel.step) == ("assisted digital", 2)
    header = window.canvas.blueprint_scene.channel_header(channel.id)
    assert (header.name, header.step) == ("New channel", 2)


def test_move_a_channel_up_from_its_menu(qtbot, window):
    choose(qtbot, right_click_header(window, CHANNELS, "esc"), "Move Up")
    assert names(window, "channels") == ["Website", "Complaints", "Phone"]
    assert header_on_screen(window, CHANNELS, "esc") < header_on_screen(window, CHANNELS, "phone")
    assert window.document.undo_stack.undoText() == "Move channel 'Complaints'"


def test_double_click_a_stage_header_to_rename_it(qtbot, window):
    double_click_header(window, STAGES, "s2")
    rename = structure(window).rename
    editor = rename.editor()
    assert rename.target == ("stages", "s2") and editor.hasFocus()
    assert editor.text() == "Support" and editor.selectedText() == "Support"
    qtbot.keyClicks(editor, "Help")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert not editor.isVisible()
    assert names(window, "stages") == ["Purchase", "Help"]
    assert window.canvas.blueprint_scene.stage_header("s2").name == "Help"
    assert window.document.undo_stack.count() == 1


@pytest.mark.parametrize("axis, entity_id", [(STAGES, "s2"), (CHANNELS, "phone")])
def test_enter_names_the_header_and_adds_no_card_in_the_cell_of_the_keys(
    qtbot, window, axis, entity_id
):
    click_empty_place(window, "s1", "esc")  # the cell cursor there: Enter would add a card
    cards = len(window.document.blueprint.touchpoints)
    double_click_header(window, axis, entity_id)
    editor = structure(window).rename.editor()
    qtbot.keyClicks(editor, "Discovery")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert "Discovery" in names(window, axis.kind)
    assert len(window.document.blueprint.touchpoints) == cards
    assert window.document.undo_stack.count() == 1
    assert window.canvas.hasFocus()


def test_escape_cancels_renaming_a_channel(qtbot, window):
    double_click_header(window, CHANNELS, "phone")
    editor = structure(window).rename.editor()
    qtbot.keyClicks(editor, "Telephone")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert names(window, "channels") == ["Website", "Phone", "Complaints"]
    assert window.document.undo_stack.count() == 0


def test_a_name_already_taken_is_refused_with_a_message(qtbot, window):
    double_click_header(window, CHANNELS, "phone")
    editor = structure(window).rename.editor()
    qtbot.keyClicks(editor, "website")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert names(window, "channels") == ["Website", "Phone", "Complaints"]
    assert "already a channel named 'Website'" in status(window)


def test_the_structure_menu_sits_before_help_and_explains_every_entry(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Structure") == titles.index("&Help") - 1
    actions = structure(window).menu.actions()
    assert {"Add Stage", "Add Channel", "Remove Stage…", "Channel Properties…"} <= set(actions)
    for action in actions.values():
        assert action.statusTip(), action.text()
        assert action.toolTip() and action.toolTip() != action.text(), action.text()


def test_add_stage_from_the_menu_goes_after_the_selected_cards_stage(qtbot, window):
    click_card(window, "t1")  # in Purchase
    structure(window).menu.actions()["Add Stage"].trigger()
    assert names(window, "stages") == ["Purchase", "New stage", "Support"]
    assert structure(window).rename.target[0] == "stages"


def test_add_channel_from_the_menu_without_a_selection_goes_last(qtbot, window):
    structure(window).menu.actions()["Add Channel"].trigger()
    assert names(window, "channels")[-1] == "New channel"


def test_the_menu_acts_on_the_selected_cards_stage_and_channel(qtbot, window):
    menu = structure(window).menu
    menu.update()
    assert not menu.actions()["Move Stage Right"].isEnabled()  # nothing selected yet
    click_card(window, "t1")  # Purchase, Website
    menu.update()
    assert not menu.actions()["Move Stage Left"].isEnabled()
    menu.actions()["Move Stage Right"].trigger()
    assert names(window, "stages") == ["Support", "Purchase"]
    menu.actions()["Move Channel Down"].trigger()
    assert names(window, "channels") == ["Phone", "Website", "Complaints"]
    assert window.document.undo_stack.count() == 2


def test_header_tooltips_say_how_to_edit_the_structure(window):
    scene = window.canvas.blueprint_scene
    for header in (scene.stage_header("s1"), scene.channel_header("web")):
        tip = header.toolTip()
        assert "Drag to reorder" in tip and "double-click to rename" in tip, tip
        assert "right-click" in tip, tip
