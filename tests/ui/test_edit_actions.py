"""The Edit menu on the canvas selection: add, copy, cut, paste, duplicate, connect."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from blueprint.analysis.journey import channel_switches
from blueprint.ui.inspector.clipboard import MIME_TYPE
from tests.ui.canvas_helpers import on_screen
from tests.ui.editing_helpers import (
    CTRL,
    click_card,
    click_empty_place,
    close_window,
    mouse_with,
    open_window,
    status,
    tools,
)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def key(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, key, modifiers)


def ids(window):
    return {t.id for t in window.document.blueprint.touchpoints}


def test_the_edit_menu_offers_the_actions_with_their_keys(window):
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    texts = [a.text() for a in edit.actions() if not a.isSeparator()]
    for text in ("&Add Touchpoint", "Re&name", "&Copy", "&Paste", "Dupl&icate", "C&onnect Cards"):
        assert text in texts
    actions = tools(window).actions
    copy_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Copy)
    assert actions.copy_action.shortcuts() == copy_keys
    assert actions.add_action.toolTip().endswith("(Ctrl+Return)")


def test_add_a_touchpoint_after_the_selected_card_and_name_it(qtbot, window):
    click_card(window, "t2")
    key(qtbot, window, Qt.Key.Key_Return, CTRL)
    cell = [t.id for t in window.document.cell_touchpoints("s2", "phone")]
    assert len(cell) == 2 and cell[0] == "t2"
    new_id = cell[1]
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == [new_id]
    editor = tools(window).rename.editor
    assert editor.hasFocus()
    qtbot.keyClicks(editor, "Agent calls back")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.touchpoint(new_id).title == "Agent calls back"
    assert window.document.undo_stack.count() == 1  # the card with its title


def test_add_a_touchpoint_in_the_empty_cell_clicked_last(qtbot, window):
    click_empty_place(window, "s1", "esc")
    key(qtbot, window, Qt.Key.Key_Insert)
    added = window.document.cell_touchpoints("s1", "esc")
    assert [t.title for t in added] == ["New touchpoint"]


def test_add_without_a_cell_says_what_to_do(qtbot, window):
    key(qtbot, window, Qt.Key.Key_Insert)
    assert status(window) == "Select a card or click an empty place of a cell first."
    assert window.document.undo_stack.count() == 0


def test_copy_and_paste_into_another_cell_makes_new_ids_and_keeps_frictions(qtbot, window):
    click_card(window, "t1")
    key(qtbot, window, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().mimeData().hasFormat(MIME_TYPE)
    assert QApplication.clipboard().text() == "Checkout"
    before = ids(window)
    click_empty_place(window, "s2", "web")
    key(qtbot, window, Qt.Key.Key_V, CTRL)
    pasted = window.document.cell_touchpoints("s2", "web")
    assert len(pasted) == 1 and pasted[0].id not in before
    assert pasted[0].title == "Checkout"
    frictions = window.document.frictions_of(pasted[0].id)
    assert [f.title for f in frictions] == ["Slow page"]
    assert frictions[0].id != "x1"
    assert frictions[0].leads_to_channel_id == "phone"
    card = window.canvas.blueprint_scene.card(pasted[0].id)
    assert card is not None and len(card.face.frictions) == 1
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == [pasted[0].id]
    assert window.document.undo_stack.undoText() == "Paste 'Checkout'"
    window.document.undo_stack.undo()
    assert ids(window) == before
    assert len(window.document.blueprint.frictions) == 2


def test_pasting_twice_never_reuses_an_id(qtbot, window):
    click_card(window, "t1")
    key(qtbot, window, Qt.Key.Key_C, CTRL)
    key(qtbot, window, Qt.Key.Key_V, CTRL)
    key(qtbot, window, Qt.Key.Key_V, CTRL)
    cell = window.document.cell_touchpoints("s1", "web")
    assert len(cell) == 3 and len({t.id for t in cell}) == 3
    friction_ids = [f.id for f in window.document.blueprint.frictions]
    assert len(friction_ids) == len(set(friction_ids)) == 4


def test_duplicate_copies_cards_with_the_flows_between_them(qtbot, window):
    click_card(window, "t1")
    click_card(window, "t2", CTRL)
    key(qtbot, window, Qt.Key.Key_D, CTRL)
    doc = window.document
    assert len(doc.blueprint.touchpoints) == 5
    copies = [t for t in doc.blueprint.touchpoints if t.id not in {"t1", "t2", "t3"}]
    assert [(t.title, t.stage_id, t.channel_id) for t in copies] == [
        ("Checkout", "s1", "web"),
        ("Call about order", "s2", "phone"),
    ]
    assert copies[1].persona_ids == ["p1"]
    copied_flows = [f for f in doc.blueprint.flows if f.from_id == copies[0].id]
    assert [f.to_id for f in copied_flows] == [copies[1].id]
    assert doc.undo_stack.undoText() == "Duplicate 2 touchpoints"


def test_cut_removes_the_cards_and_paste_brings_them_back(qtbot, window):
    click_card(window, "t3")
    key(qtbot, window, Qt.Key.Key_X, CTRL)
    assert window.document.get("touchpoints", "t3") is None
    assert window.document.undo_stack.undoText() == "Cut touchpoint 'Complain'"
    key(qtbot, window, Qt.Key.Key_V, CTRL)
    assert [t.title for t in window.document.cell_touchpoints("s2", "esc")] == ["Complain"]


def test_copy_in_a_text_field_copies_its_text_not_the_cards(qtbot, window):
    click_card(window, "t1")
    title = tools(window).inspector.fields.title
    title.setFocus()
    title.selectAll()
    tools(window).actions.copy_action.trigger()  # from the menu, while typing
    assert QApplication.clipboard().text() == "Checkout"
    assert not QApplication.clipboard().mimeData().hasFormat(MIME_TYPE)


def test_connect_two_cards_in_the_order_picked_counts_a_channel_switch(qtbot, window):
    doc = window.document
    switches = len(channel_switches(doc.blueprint))
    click_card(window, "t3")
    click_card(window, "t1", CTRL)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    flow = doc.blueprint.flows[-1]
    assert (flow.from_id, flow.to_id) == ("t3", "t1")
    assert len(channel_switches(doc.blueprint)) == switches + 1
    item = window.canvas.blueprint_scene.flow_item(flow.id)
    assert item is not None and item.is_channel_switch
    expected = f"The journey now has {switches + 1} channel switches."
    assert status(window) == f"Connected: a channel switch. {expected}"
    assert doc.undo_stack.undoText() == "Connect 'Complain' to 'Checkout'"


def test_connect_refuses_a_link_that_exists(qtbot, window):
    click_card(window, "t1")
    click_card(window, "t2", CTRL)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert status(window) == "These two touchpoints are already linked"
    assert len(window.document.blueprint.flows) == 2


def test_delete_removes_a_selected_flow(qtbot, window):
    scene = window.canvas.blueprint_scene
    item = scene.flow_item("f1")
    middle = item.mapToScene(item.path().pointAtPercent(0.5))
    view = window.canvas
    view.centerOn(middle)
    mouse_with(view, on_screen(view, middle.x(), middle.y()), Qt.KeyboardModifier.NoModifier)
    assert tools(window).selection.flow_ids() == ["f1"]
    key(qtbot, window, Qt.Key.Key_Delete)
    assert window.document.get("flows", "f1") is None
    assert scene.flow_item("f1") is None
    assert window.document.undo_stack.undoText() == "Remove flow 'Checkout' → 'Call about order'"


def test_paste_with_no_touchpoints_on_the_clipboard_says_so(qtbot, window):
    QApplication.clipboard().setText("a shopping list")
    key(qtbot, window, Qt.Key.Key_V, CTRL)
    assert status(window) == "The clipboard holds no touchpoints to paste."
    assert window.document.undo_stack.count() == 0
