"""Improvements made, edited and removed in the Improvements dock, each an undoable step."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from blueprint.model import Action, EpicLetter, Status
from blueprint.ui.plan.improvements_links import friction_label
from blueprint.ui.plan.improvements_model import ImprovementColumn
from blueprint.ui.plan.improvements_selection import NOTHING_PICKED
from tests.ui.editing_helpers import (
    CTRL,
    click_card,
    close_window,
    open_window,
    pick_from_popup,
    pick_with_keys,
    replace_text,
    status,
    tools,
)
from tests.ui.test_improvements import (
    BILL,
    RANKING,
    as_number,
    cell,
    click_row,
    row_of,
    select,
    settle,
    show_dock,
)

C = ImprovementColumn


@pytest.fixture
def window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


@pytest.fixture
def dock(window):
    return show_dock(window)


def improvement(window, improvement_id):
    return window.document.entity("improvements", improvement_id)


def label_of(window, friction_id: str) -> str:
    return friction_label(window.document, window.document.entity("frictions", friction_id))


def steps(window) -> int:
    return window.document.undo_stack.count()


def choose(qtbot, combo, steps: int) -> None:
    """Step through a closed combo box with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        qtbot.keyClick(combo, key)


# --- new improvements from the picked friction points -------------------------------------------


def test_new_improvement_from_the_bad_frictions_of_the_selected_cards(qtbot, window):
    click_card(window, "tp-first-agent-call")
    click_card(window, "tp-technician-visit", CTRL)
    before = len(window.document.blueprint.improvements)
    plan_menu = window.menus.plan
    action = next(a for a in plan_menu.actions() if "Selected Frictions" in a.text())
    action.trigger()
    added = window.document.blueprint.improvements
    assert len(added) == before + 1
    new = added[-1]
    # Good friction on these cards (a security check, a drilling route) is left out.
    assert new.friction_ids == ["fr-cold-transfer", "fr-technician-no-show"]
    assert new.title == "Fix: Transfer without notes: story told twice (and 1 more)"
    assert window.document.undo_stack.undoText() == (
        "Add improvement 'Fix: Transfer without notes: story told…'"
    )
    shown = window.improvements
    assert shown.isVisible()  # the Plan menu shows the shown it adds to
    assert shown.table.selected_id() == new.id
    assert shown.proxy.rowCount() == 13
    assert cell(shown, row_of(shown, new.id), C.TITLE) == new.title
    # Ready to type its real title.
    assert shown.form.title.hasFocus()
    assert shown.form.title.selectedText() == new.title
    qtbot.keyClicks(shown.form.title, "Warm transfers")
    assert improvement(window, new.id).title == "Warm transfers"
    settle()
    assert cell(shown, row_of(shown, new.id), C.TITLE) == "Warm transfers"


def test_new_improvement_from_the_friction_picked_in_the_inspector(qtbot, window, dock):
    click_card(window, "tp-technician-visit")
    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(2)  # the Friction tab
    inspector.frictions.list.setCurrentRow(0)  # "Engineer does not turn up"
    qtbot.mouseClick(dock.new_button, Qt.MouseButton.LeftButton)
    new = window.document.blueprint.improvements[-1]
    assert new.friction_ids == ["fr-technician-no-show"]
    assert new.title == "Fix: Engineer does not turn up"
    assert dock.selected_id == new.id
    # Another improvement already addresses it: said, for a second one may be a mistake.
    assert status(window) == (
        "'Engineer does not turn up' is already addressed by 'Two-hour appointment windows "
        "with live engineer ETA': the plan counts it in each improvement."
    )
    # A good friction point picked there is deliberate: nothing to fix.
    inspector.frictions.list.setCurrentRow(1)
    count = steps(window)
    qtbot.mouseClick(dock.new_button, Qt.MouseButton.LeftButton)
    assert steps(window) == count
    assert status(window) == NOTHING_PICKED


def test_nothing_picked_says_so_in_the_status_bar(qtbot, window, dock):
    window.canvas.blueprint_scene.clearSelection()
    count = steps(window)
    dock.new_action.trigger()
    assert steps(window) == count
    assert status(window) == NOTHING_PICKED
    assert len(window.document.blueprint.improvements) == 12


# --- editing every field --------------------------------------------------------------------------


def test_every_field_is_edited_in_the_form_and_undone(qtbot, window, dock):
    select(qtbot, dock, BILL)
    form = dock.form
    count = steps(window)
    replace_text(qtbot, form.title, "Explain every bill")
    assert steps(window) == count + 1  # typing is one step
    form.description.setFocus()
    qtbot.keyClick(form.description, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(form.description, " A letter first.")
    choose(qtbot, form.action, -2)  # simplify -> eliminate: a step for each key
    choose(qtbot, form.target_step, -1)  # 4 -> 5
    qtbot.mouseClick(form.effort.button(3), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.confidence.button(0.5), Qt.MouseButton.LeftButton)
    replace_text(qtbot, form.owner, "Billing team")
    choose(qtbot, form.status, 1)  # in progress -> done
    qtbot.mouseClick(form.epic.buttons[EpicLetter.EASY], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.epic.buttons[EpicLetter.CONTEXTUAL], Qt.MouseButton.LeftButton)
    links = form.frictions
    pick_from_popup(qtbot, links.picker, label_of(window, "fr-all-day-window"))
    imp = improvement(window, BILL)
    assert imp.title == "Explain every bill"
    assert imp.description.endswith("at checkout. A letter first.")
    assert imp.action == Action.ELIMINATE
    assert imp.target_step == 5
    assert imp.effort == 3
    assert imp.confidence == 0.5
    assert imp.owner == "Billing team"
    assert imp.status == Status.DONE
    assert imp.epic_letters == [EpicLetter.EASY, EpicLetter.INTUITIVE]
    assert imp.friction_ids == ["fr-prorata-bill", "fr-all-day-window"]
    assert steps(window) == count + 12
    settle()
    row = row_of(dock, BILL)
    assert cell(dock, row, C.EFFORT) == "3"
    assert cell(dock, row, C.LIFT) == "1 → 5 (+4)"
    # Unlink one with Delete in the list.
    links.list.setFocus()
    links.list.setCurrentRow(1)
    qtbot.keyClick(links.list, Qt.Key.Key_Delete)
    assert improvement(window, BILL).friction_ids == ["fr-prorata-bill"]
    assert window.document.get("improvements", BILL) is not None  # only the link went
    for _ in range(13):
        window.document.undo_stack.undo()
    imp = improvement(window, BILL)
    assert (imp.title, imp.effort, imp.confidence, imp.owner) == (
        "Explain the first bill before it arrives",
        1,
        1.0,
        "Billing Product Owner",
    )
    assert imp.friction_ids == ["fr-prorata-bill"]
    assert imp.epic_letters == [EpicLetter.INTUITIVE, EpicLetter.CONTEXTUAL]
    assert form.title.text() == "Explain the first bill before it arrives"
    assert not form.epic.buttons[EpicLetter.EASY].isChecked()


def test_a_refused_value_is_not_pushed_and_says_why(qtbot, window, dock):
    select(qtbot, dock, BILL)
    count = steps(window)
    form = dock.form
    form.title.setFocus()
    qtbot.keyClick(form.title, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(form.title, Qt.Key.Key_Delete)
    assert steps(window) == count
    assert improvement(window, BILL).title == "Explain the first bill before it arrives"
    assert status(window).startswith("Title")
    form.owner.setFocus()  # leaving the refused title shows the model's again
    assert form.title.text() == "Explain the first bill before it arrives"


def test_add_the_selected_friction_points_to_an_improvement(qtbot, window, dock):
    select(qtbot, dock, BILL)
    click_card(window, "tp-appointment-sms")
    qtbot.mouseClick(dock.form.frictions.add_selected, Qt.MouseButton.LeftButton)
    assert improvement(window, BILL).friction_ids == ["fr-prorata-bill", "fr-all-day-window"]
    assert dock.form.frictions.list.count() == 2


def test_pick_a_friction_point_from_the_list_with_the_keyboard(qtbot, window, dock):
    select(qtbot, dock, BILL)
    count = steps(window)
    row = row_of(dock, BILL)
    impact = as_number(cell(dock, row, C.IMPACT))
    pick_with_keys(qtbot, dock.form.frictions.picker, label_of(window, "fr-all-day-window"))
    assert improvement(window, BILL).friction_ids == ["fr-prorata-bill", "fr-all-day-window"]
    assert steps(window) == count + 1
    assert window.document.undo_stack.undoText().startswith("Choose friction points of")
    settle()
    assert as_number(cell(dock, row_of(dock, BILL), C.IMPACT)) > impact
    assert dock.form.frictions.list.count() == 2
    # The list offers what is left, and the picker is back on its prompt.
    assert dock.form.frictions.picker.currentIndex() == 0


def test_arrow_keys_on_the_closed_picker_open_its_list_and_link_nothing(qtbot, window, dock):
    """Down on the closed 'Add a friction point…' box linked the first friction point at
    once; browsing must not change the plan: the list opens, and only Enter picks."""
    select(qtbot, dock, BILL)
    picker = dock.form.frictions.picker
    before = list(improvement(window, BILL).friction_ids)
    count = steps(window)
    picker.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    view = picker.view()
    qtbot.waitUntil(view.isVisible)
    assert improvement(window, BILL).friction_ids == before and steps(window) == count
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert len(improvement(window, BILL).friction_ids) == len(before) + 1
    assert steps(window) == count + 1


def test_an_improvement_without_links_lists_none_after_one_with(qtbot, window, dock):
    links = dock.form.frictions
    select(qtbot, dock, BILL)
    links.list.setFocus()
    qtbot.keyClick(links.list, Qt.Key.Key_Delete)  # BILL now addresses nothing
    select(qtbot, dock, RANKING[0])
    assert links.list.count() >= 1
    select(qtbot, dock, BILL)
    assert links.list.count() == 0
    assert links.none_note.isVisible()


def test_deleting_a_card_names_what_goes_and_marks_the_emptied_improvement(qtbot, window, dock):
    router = "imp-preconfigured-router"
    click_card(window, "tp-router-setup-app")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert window.document.get("touchpoints", "tp-router-setup-app") is None
    said = status(window)
    assert said.startswith("Removed 'Sets up wifi with the app' with 1 friction point and 2 flows.")
    assert "Improvement 'Pre-paired router: plug in and go' now addresses no friction point" in said
    settle()
    row = row_of(dock, router)
    assert cell(dock, row, C.TITLE).endswith("⚠ addresses no friction point")
    assert cell(dock, row, C.IMPACT) == "0"
    # Nothing gained is never a big bet: effort 3 and no impact is a money pit.
    assert cell(dock, row, C.WAVE) == "Reconsider"
    window.document.undo_stack.undo()
    settle()
    assert "⚠" not in cell(dock, row_of(dock, router), C.TITLE)


# --- removing ------------------------------------------------------------------------------------


def test_remove_with_the_delete_key_and_the_button_then_undo(qtbot, window, dock):
    touchpoints = len(window.document.blueprint.touchpoints)
    select(qtbot, dock, BILL)
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key.Key_Delete)
    assert window.document.get("improvements", BILL) is None
    assert window.document.undo_stack.undoText().startswith("Remove improvement 'Explain")
    assert len(window.document.blueprint.touchpoints) == touchpoints  # no card was deleted
    assert dock.proxy.rowCount() == 11
    # The next one took its place.
    assert dock.selected_id == RANKING[2]
    qtbot.mouseClick(dock.remove_button, Qt.MouseButton.LeftButton)
    assert window.document.get("improvements", RANKING[2]) is None
    assert dock.proxy.rowCount() == 10
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    settle()
    assert dock.table.shown_ids() == RANKING


def test_an_empty_form_shows_no_effort_or_confidence_as_if_chosen(qtbot, window, dock):
    form = dock.form
    for improvement_id in list(RANKING):
        select(qtbot, dock, improvement_id)
        dock.table.setFocus()
        qtbot.keyClick(dock.table, Qt.Key.Key_Delete)
    assert window.document.blueprint.improvements == []
    for choice in (form.effort, form.confidence):
        assert not choice.isEnabled()
        assert choice.value() is None
        assert not any(button.isChecked() for button in choice.findChildren(QToolButton))


def test_the_highlight_follows_the_selection_from_the_plan_to_a_card_and_back(qtbot, window, dock):
    def faded() -> bool:
        return bool(window.overlays.highlighted.touchpoint_ids)

    select(qtbot, dock, BILL)
    assert faded()
    click_card(window, "tp-technician-visit")
    assert not faded()
    # An edit that recomputes the plan does not bring it back...
    replace_text(qtbot, tools(window).inspector.fields.title, "Technician visits")
    settle()
    assert not faded()
    # ... a click on the improvement's row does.
    click_row(qtbot, dock, row_of(dock, BILL))
    assert faded()


def test_an_improvement_that_climbs_the_ranking_stays_in_sight(qtbot, window):
    """A friction point linked to it, the selected improvement climbed from #5 to #2 while
    the table kept its scroll: its row was out of sight, and the keys in the table went on
    from a row nobody could see."""
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.height() <= 720)
    dock = show_dock(window)
    table, loyalty = dock.table, "imp-loyalty-offer-online"
    start = row_of(dock, loyalty)
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() >= start)  # laid out: four rows or so in sight
    bar.setValue(start)  # the user scrolled it to the top row
    qtbot.waitUntil(lambda: table.rowAt(1) == start)
    select(qtbot, dock, loyalty)
    pick_from_popup(qtbot, dock.form.frictions.picker, label_of(window, "fr-status-form-timeout"))
    settle()
    qtbot.waitUntil(lambda: row_of(dock, loyalty) < start, timeout=5000)
    shown = table.visualRect(dock.proxy.index(row_of(dock, loyalty), C.TITLE))
    assert table.viewport().rect().contains(shown)
    assert dock.selected_id == loyalty
