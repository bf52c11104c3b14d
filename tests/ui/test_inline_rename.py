"""Rename a card in place: F2 or a double-click on its title; Enter commits, Escape cancels."""

import pytest
from PySide6.QtCore import Qt

from blueprint.ui.inspector.inline_rename import TITLE_RECT
from tests.ui.canvas_helpers import double_click, on_screen
from tests.ui.editing_helpers import (
    CTRL,
    click_card,
    close_window,
    open_window,
    status,
    tools,
)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def editor_of(window):
    return tools(window).rename.editor


def press_f2(qtbot, window):
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F2)


def test_f2_opens_an_editor_over_the_card_and_enter_renames(qtbot, window):
    click_card(window, "t1")
    press_f2(qtbot, window)
    editor = editor_of(window)
    assert editor.isVisible() and editor.hasFocus()
    assert editor.text() == "Checkout" and editor.selectedText() == "Checkout"
    card = window.canvas.blueprint_scene.card("t1")
    title_on_screen = window.canvas.mapFromScene(card.mapRectToScene(TITLE_RECT)).boundingRect()
    assert editor.geometry().intersects(title_on_screen)
    qtbot.keyClicks(editor, "Pay for the order")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert window.document.touchpoint("t1").title == "Pay for the order"
    assert card.face.title == "Pay for the order"
    assert window.document.undo_stack.count() == 1
    assert tools(window).inspector.fields.title.text() == "Pay for the order"


def test_escape_cancels_the_rename(qtbot, window):
    click_card(window, "t1")
    press_f2(qtbot, window)
    qtbot.keyClicks(editor_of(window), "Something else")
    qtbot.keyClick(editor_of(window), Qt.Key.Key_Escape)
    assert not editor_of(window).isVisible()
    assert window.document.touchpoint("t1").title == "Checkout"
    assert window.document.undo_stack.count() == 0
    assert window.canvas.hasFocus()


def test_double_click_on_the_title_renames_in_place(qtbot, window):
    card = window.canvas.blueprint_scene.card("t2")
    double_click(window.canvas, on_screen(window.canvas, card.x() + 40, card.y() + 20))
    editor = editor_of(window)
    assert editor.isVisible() and tools(window).rename.touchpoint_id == "t2"
    qtbot.keyClicks(editor, "Chase the order")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert window.document.touchpoint("t2").title == "Chase the order"


def test_double_click_below_the_title_opens_the_inspector_instead(qtbot, window):
    card = window.canvas.blueprint_scene.card("t2")
    double_click(window.canvas, on_screen(window.canvas, card.x() + 40, card.y() + 90))
    assert not editor_of(window).isVisible()
    inspector = tools(window).inspector
    assert inspector.touchpoint_id == "t2"
    assert inspector.fields.title.hasFocus()


def test_a_blank_name_is_refused_with_a_message(qtbot, window):
    click_card(window, "t1")
    press_f2(qtbot, window)
    qtbot.keyClick(editor_of(window), Qt.Key.Key_Backspace)
    qtbot.keyClick(editor_of(window), Qt.Key.Key_Return)
    assert window.document.touchpoint("t1").title == "Checkout"
    assert "title" in status(window).lower()


def test_f2_needs_exactly_one_selected_card(qtbot, window):
    click_card(window, "t1")
    click_card(window, "t2", CTRL)
    press_f2(qtbot, window)
    assert not editor_of(window).isVisible()
    assert status(window) == "Select one card to rename it."


def test_undoing_the_touchpoints_creation_closes_the_editor(qtbot, window):
    click_card(window, "t1")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return, CTRL)
    assert editor_of(window).isVisible()
    window.document.undo_stack.undo()
    assert not editor_of(window).isVisible()


def test_double_click_on_an_empty_cell_makes_a_card_ready_for_its_title(qtbot, window):
    view = window.canvas
    cell = view.blueprint_scene.grid_layout.cell("s2", "web")
    x, y = cell.right - 8, cell.bottom - 8
    view.centerOn(x, y)
    double_click(view, on_screen(view, x, y))
    editor = editor_of(window)
    assert editor.isVisible() and editor.hasFocus()
    assert editor.selectedText() == "New touchpoint"
    qtbot.keyClicks(editor, "Track the parcel")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    made = [t for t in window.document.cell_touchpoints("s2", "web")]
    assert made[-1].title == "Track the parcel"
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == [made[-1].id]
    stack = window.document.undo_stack
    assert stack.count() == 1  # the card with its title, as workshop mode adds one
    stack.undo()
    assert [t.id for t in window.document.cell_touchpoints("s2", "web")] == [
        t.id for t in made[:-1]
    ]
