"""The inspector as a user meets it: select a card, edit its fields, undo."""

import pytest
from PySide6.QtCore import Qt

from blueprint.model import EpicLetter
from tests.ui.conftest import BROADBAND
from tests.ui.editing_helpers import (
    CTRL,
    click_card,
    close_window,
    open_window,
    replace_text,
    show_panels,
    status,
    tick,
    tools,
)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


@pytest.fixture
def inspector(window):
    return tools(window).inspector


def test_selecting_a_card_shows_its_fields(window, inspector):
    assert inspector.touchpoint_id is None
    click_card(window, "t2")
    assert inspector.touchpoint_id == "t2"
    assert inspector.fields.title.text() == "Call about order"
    assert inspector.cell.text() == "Support · Phone"
    assert inspector.fields.emotion.value() is None
    assert all(choice.value() is None for choice in inspector.fields.epic.values())


def test_typing_a_title_is_one_undo_step_and_the_card_shows_it(qtbot, window, inspector):
    click_card(window, "t1")
    stack = window.document.undo_stack
    replace_text(qtbot, inspector.fields.title, "Pay online")
    assert window.document.touchpoint("t1").title == "Pay online"
    assert window.canvas.blueprint_scene.card("t1").face.title == "Pay online"
    assert stack.count() == 1
    assert stack.undoText() == "Rename touchpoint 'Checkout' to 'Pay online'"
    stack.undo()
    assert inspector.fields.title.text() == "Checkout"
    assert window.canvas.blueprint_scene.card("t1").face.title == "Checkout"


def test_a_blank_title_is_refused_and_leaving_the_field_restores_it(qtbot, window, inspector):
    click_card(window, "t1")
    title = inspector.fields.title
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    assert window.document.touchpoint("t1").title == "Checkout"
    assert "title" in status(window).lower()
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert title.text() == "Checkout"
    assert window.document.undo_stack.count() == 0


def test_typing_in_a_lane_is_one_step_and_tab_moves_on(qtbot, window, inspector):
    click_card(window, "t1")
    inspector.tabs.setCurrentIndex(1)
    lane = inspector.fields.lanes["customer_action"]
    lane.setFocus()
    qtbot.keyClicks(lane, "Enters card details")
    assert window.document.touchpoint("t1").customer_action == "Enters card details"
    assert window.document.undo_stack.count() == 1
    qtbot.keyClick(lane, Qt.Key.Key_Tab)
    assert inspector.fields.lanes["physical_evidence"].hasFocus()


def test_epic_scores_are_set_by_click_and_unset_again(qtbot, window, inspector):
    click_card(window, "t2")
    easy = inspector.fields.epic[EpicLetter.EASY]
    qtbot.mouseClick(easy.button(4), Qt.MouseButton.LeftButton)
    assert window.document.touchpoint("t2").epic.easy == 4
    assert window.canvas.blueprint_scene.card("t2").face.epic == (4, None, None, None)
    qtbot.mouseClick(easy.button(None), Qt.MouseButton.LeftButton)
    assert window.document.touchpoint("t2").epic.easy is None
    assert window.document.undo_stack.count() == 2


def test_stepping_a_score_with_the_arrow_keys_is_one_undo_step(qtbot, window, inspector):
    click_card(window, "t2")
    intuitive = inspector.fields.epic[EpicLetter.INTUITIVE]
    intuitive.setFocus()
    for _ in range(3):
        qtbot.keyClick(intuitive, Qt.Key.Key_Right)
    assert window.document.touchpoint("t2").epic.intuitive == 3
    assert window.document.undo_stack.count() == 1
    qtbot.keyClick(intuitive, Qt.Key.Key_Delete)  # unset, and the card stays
    assert window.document.touchpoint("t2").epic.intuitive is None
    assert window.canvas.blueprint_scene.card("t2") is not None


def test_emotion_is_chosen_and_drawn_on_the_card(qtbot, window, inspector):
    click_card(window, "t1")
    qtbot.mouseClick(inspector.fields.emotion.button(-2), Qt.MouseButton.LeftButton)
    assert window.document.touchpoint("t1").emotion == -2
    assert window.canvas.blueprint_scene.card("t1").face.emotion == -2


def test_duration_and_wait_are_optional_minutes(qtbot, window, inspector):
    click_card(window, "t1")
    duration = inspector.fields.duration
    assert duration.text() == "not set"
    duration.setFocus()
    qtbot.keyClick(duration, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(duration, "15")
    assert window.document.touchpoint("t1").duration_minutes == 15
    assert window.document.undo_stack.count() == 1
    qtbot.keyClick(duration, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(duration, Qt.Key.Key_Backspace)
    qtbot.keyClick(duration, Qt.Key.Key_Tab)
    assert window.document.touchpoint("t1").duration_minutes is None
    assert duration.text() == "not set"


def test_persona_checkboxes_say_which_personas_it_applies_to(qtbot, window, inspector):
    click_card(window, "t1")
    personas = inspector.fields.personas
    assert personas.list.count() == 1
    assert "applies to all personas" in personas.note.text()
    tick(qtbot, personas.list, 0)
    assert window.document.touchpoint("t1").persona_ids == ["p1"]
    assert personas.note.text() == "It applies to 1 of 1 personas."
    window.document.undo_stack.undo()
    assert personas.list.item(0).checkState() == Qt.CheckState.Unchecked
    assert "applies to all personas" in personas.note.text()


def test_undo_refreshes_every_field(qtbot, window, inspector):
    click_card(window, "t2")
    fields = inspector.fields
    qtbot.mouseClick(fields.epic[EpicLetter.CONTEXTUAL].button(2), Qt.MouseButton.LeftButton)
    fields.notes.setFocus()
    qtbot.keyClicks(fields.notes, "Ask about hold music")
    stack = window.document.undo_stack
    stack.undo()
    assert fields.notes.toPlainText() == ""
    assert fields.epic[EpicLetter.CONTEXTUAL].value() == 2
    stack.undo()
    assert fields.epic[EpicLetter.CONTEXTUAL].value() is None
    stack.redo()
    stack.redo()
    assert fields.notes.toPlainText() == "Ask about hold music"


def test_several_cards_selected_are_counted_not_edited(window, inspector):
    click_card(window, "t1")
    click_card(window, "t3", CTRL)
    assert inspector.touchpoint_id is None
    assert inspector.pages.currentWidget() is not inspector.fields.title.parentWidget()
    assert inspector.summary.text().startswith("2 touchpoints selected.")
    assert "Checkout" in inspector.summary.text() and "Complain" in inspector.summary.text()


def test_delete_pressed_in_the_inspector_does_not_remove_the_touchpoint(qtbot, window, inspector):
    click_card(window, "t1")
    inspector.tabs.setCurrentIndex(2)
    combo = inspector.frictions.editor.kind
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Delete)
    assert window.document.get("touchpoints", "t1") is not None


def test_removing_the_shown_touchpoint_empties_the_inspector(window, inspector):
    click_card(window, "t1")
    window.canvas.setFocus()
    window.delete_action.trigger()
    assert inspector.touchpoint_id is None
    window.document.undo_stack.undo()
    assert window.document.get("touchpoints", "t1") is not None


def test_the_sample_opens_with_the_inspector_docked(qtbot, small):
    window = open_window(qtbot, small, BROADBAND)
    try:
        dock = tools(window).inspector_dock
        assert dock.isVisible()
        assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
        tp = window.document.blueprint.touchpoints[0]
        click_card(window, tp.id)
        assert tools(window).inspector.fields.title.text() == tp.title
    finally:
        close_window(window)


def test_on_a_small_screen_the_panels_start_hidden_and_view_shows_them(qtbot, small):
    from blueprint.ui.main_window import MainWindow

    window = MainWindow(small)  # the offscreen test screen is 800 pixels wide
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dock = tools(window).inspector_dock
    assert not dock.isVisible()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    toggle = next(a for a in view.actions() if a.text().replace("&", "") == "Inspector")
    toggle.trigger()
    assert dock.isVisible()


def test_opening_another_blueprint_empties_the_inspector(qtbot, window, inspector):
    click_card(window, "t1")
    assert window.open_path(BROADBAND)
    assert inspector.touchpoint_id is None
    show_panels(window)  # on a small screen the panels gave way to the canvas
    tools(window).personas_dock.raise_()
    personas = tools(window).personas
    qtbot.waitUntil(lambda: personas.list.count() == len(window.document.blueprint.personas))


def test_a_multi_line_field_shows_it_has_the_keys(qtbot, window, inspector):
    """Only the caret blinked in Notes: on a projector nobody could see the keys were there."""
    from PySide6.QtGui import QColor

    click_card(window, "t1")
    notes = inspector.fields.notes
    qtbot.waitUntil(notes.isVisible)
    highlight = notes.palette().highlight().color()

    def edge() -> QColor:
        image = notes.grab().toImage()
        return image.pixelColor(0, image.height() // 2)

    assert edge() != highlight
    from PySide6.QtWidgets import QApplication

    inspector.fields.title.setFocus()
    for _ in range(40):  # Tab down the inspector, as a keyboard user does
        if notes.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert notes.hasFocus()
    qtbot.waitUntil(lambda: edge() == highlight)
