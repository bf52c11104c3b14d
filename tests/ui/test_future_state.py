"""Today's journey and tomorrow's in the editor: drawn, switched, compared, undone."""

import pytest
from PySide6.QtCore import Qt

from blueprint.model import EpicLetter, Presence
from blueprint.ui.canvas.shown import JourneyView
from tests.ui.canvas_helpers import double_click, on_screen
from tests.ui.editing_helpers import (
    click_card,
    close_window,
    open_window,
    status,
    tools,
)

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def show(qtbot, window, key) -> None:
    """Ctrl+Shift+1 today, 2 tomorrow, 3 both."""
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, key, CTRL_SHIFT)


def selected(window) -> list[str]:
    return window.canvas.blueprint_scene.selected_touchpoint_ids()


def shown_cards(window) -> set[str]:
    return set(window.canvas.blueprint_scene.cards())


def test_the_views_are_switched_by_keys_and_said_in_the_status_bar(qtbot, window):
    assert window.journey.status.text() == "Current state"
    show(qtbot, window, Qt.Key.Key_2)
    assert window.canvas.blueprint_scene.journey_view == JourneyView.FUTURE
    assert window.journey.status.text() == "Future state: edits change tomorrow"
    # A screen reader hears which, not a name that hides it ("Journey state shown").
    assert window.journey.status.accessibleName() == (
        "Journey state: Future state: edits change tomorrow"
    )
    assert window.journey.actions[JourneyView.FUTURE].isChecked()
    show(qtbot, window, Qt.Key.Key_3)
    # Delete and the inspector change today there: said, as tomorrow's edits are.
    assert window.journey.status.text() == "Comparing current and future: edits change today"
    show(qtbot, window, Qt.Key.Key_1)
    assert window.journey.status.text() == "Current state"


def test_the_future_state_is_found_in_the_plan_menu(qtbot, window):
    """It was only three levels down the View menu, where a designer planning tomorrow
    did not look."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    menu = window.menus.plan
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    qtbot.keyClick(menu, Qt.Key.Key_F)  # its letter: "&Future State"
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert window.canvas.blueprint_scene.journey_view == JourneyView.FUTURE
    assert window.journey.status.text() == "Future state: edits change tomorrow"


def test_the_canvas_corner_says_when_tomorrow_is_shown(qtbot, window):
    """The grid looks alike in every state: only a label in the status bar's corner said
    that edits now changed tomorrow."""
    from PySide6.QtGui import QColor

    from blueprint.ui.canvas import palette

    corner = window.canvas.header_strips()[2]

    def marked() -> int:
        image = corner.grab().toImage()
        mark = QColor(palette.STATE_MARK)
        return sum(
            1
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)
            if image.pixelColor(x, y) == mark
        )

    assert marked() == 0
    show(qtbot, window, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: marked() > 20)
    assert window.canvas.blueprint_scene.corner.state == "Tomorrow"
    show(qtbot, window, Qt.Key.Key_3)
    assert window.canvas.blueprint_scene.corner.state == "Today and tomorrow"
    show(qtbot, window, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: marked() == 0)


def test_a_card_drawn_in_the_future_exists_only_there(qtbot, window):
    show(qtbot, window, Qt.Key.Key_2)
    view = window.canvas
    cell = view.blueprint_scene.grid_layout.cell("s2", "web")
    x, y = cell.right - 10, cell.bottom - 10
    view.centerOn(x, y)
    double_click(view, on_screen(view, x, y))
    editor = tools(window).rename.editor
    qtbot.keyClicks(editor, "Proactive SMS")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    new = next(t for t in window.document.blueprint.touchpoints if t.title == "Proactive SMS")
    assert new.state == Presence.FUTURE
    assert new.id in shown_cards(window)
    show(qtbot, window, Qt.Key.Key_1)
    assert new.id not in shown_cards(window)
    show(qtbot, window, Qt.Key.Key_3)
    card = window.canvas.blueprint_scene.card(new.id)
    assert card.face.title == "NEW · Proactive SMS"
    assert "New in the future state" in card.face.tooltip()


def test_delete_in_the_future_marks_the_card_gone_tomorrow_and_keeps_it_today(qtbot, window):
    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t2")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    t2 = window.document.touchpoint("t2")
    assert t2.state == Presence.CURRENT
    # What hangs on it goes with it tomorrow: its friction point and its flows.
    assert window.document.entity("frictions", "x2").state == Presence.CURRENT
    assert {f.state for f in window.document.blueprint.flows} == {Presence.CURRENT}
    assert "t2" not in shown_cards(window)
    assert (
        status(window) == "Mark 'Call about order' gone in the future: it stays in today's journey."
    )
    # The keys stay on its cell, as after a Delete today (the ring and the cursor vanished).
    cell = (t2.stage_id, t2.channel_id)
    keyboard = window.editing.keyboard
    qtbot.waitUntil(lambda: keyboard.cursor_cell() == cell or bool(selected(window)))
    show(qtbot, window, Qt.Key.Key_1)
    assert "t2" in shown_cards(window)
    show(qtbot, window, Qt.Key.Key_3)
    assert window.canvas.blueprint_scene.card("t2").face.title.startswith("GONE · ")
    window.document.undo_stack.undo()
    assert window.document.touchpoint("t2").state == Presence.BOTH
    assert window.document.entity("frictions", "x2").state == Presence.BOTH


def test_a_future_value_is_edited_without_touching_todays(qtbot, window):
    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t1")
    fields = tools(window).inspector.fields
    tools(window).inspector.tabs.setCurrentIndex(0)
    qtbot.mouseClick(fields.epic[EpicLetter.EASY].button(5), LEFT)
    qtbot.mouseClick(fields.emotion.button(2), LEFT)
    t1 = window.document.touchpoint("t1")
    assert (t1.epic.easy, t1.emotion) == (None, None)  # today untouched
    assert (t1.future.epic.easy, t1.future.emotion) == (5, 2)
    assert window.document.undo_stack.undoText().endswith("in the future")
    assert window.canvas.blueprint_scene.card("t1").face.emotion == 2
    show(qtbot, window, Qt.Key.Key_1)
    assert fields.emotion.value() is None  # the inspector shows today's again
    assert window.canvas.blueprint_scene.card("t1").face.emotion is None
    show(qtbot, window, Qt.Key.Key_3)
    assert window.canvas.blueprint_scene.card("t1").face.title == "CHANGED · Checkout"
    stack = window.document.undo_stack
    stack.undo()
    stack.undo()
    assert window.document.touchpoint("t1").future is None


def test_a_future_value_equal_to_todays_is_no_change_in_compare(qtbot, window):
    """Tomorrow's emotion set, then today's set the same: the card read CHANGED, the
    Differences panel listed it, and the plan said nothing changes."""
    fields = tools(window).inspector.fields
    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t1")
    tools(window).inspector.tabs.setCurrentIndex(0)
    qtbot.mouseClick(fields.emotion.button(2), LEFT)
    show(qtbot, window, Qt.Key.Key_1)
    qtbot.mouseClick(fields.emotion.button(2), LEFT)
    t1 = window.document.touchpoint("t1")
    assert t1.emotion == t1.future.emotion == 2
    show(qtbot, window, Qt.Key.Key_3)
    assert window.canvas.blueprint_scene.card("t1").face.title == "Checkout"
    window.journey.dock.toggleViewAction().trigger()
    panel = window.journey.panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.list.count() == 0 and panel.empty_note.isVisible()


def test_a_friction_point_is_eased_in_the_future_only(qtbot, window):
    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t1")
    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(2)
    form = inspector.frictions.editor
    qtbot.mouseClick(form.severity.button(1), LEFT)
    x1 = window.document.entity("frictions", "x1")
    assert x1.severity == 2 and x1.future.severity == 1
    marks = window.canvas.blueprint_scene.card("t1").face.frictions
    assert [m.severity for m in marks] == [1]
    show(qtbot, window, Qt.Key.Key_1)
    assert form.severity.value() == 2


def test_the_differences_panel_lists_the_changes_and_selects_the_card(qtbot, window):
    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t2")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    window.journey.dock.toggleViewAction().trigger()
    panel = window.journey.panel
    qtbot.waitUntil(panel.list.isVisible)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts[0] == "Removed touchpoint 'Call about order'"
    assert "Removed friction point 'Long hold'" in texts
    item = panel.list.item(0)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), LEFT, pos=rect.center())
    # Gone tomorrow, so not in the future view: Compare shows it, selected.
    assert window.canvas.blueprint_scene.journey_view == JourneyView.COMPARE
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == ["t2"]


def test_the_differences_panel_opens_in_front_tabbed_with_the_inspector(qtbot, window):
    """Split below the inspector, on a 1280x720 projector each was too short to read."""
    click_card(window, "t1")
    window.journey.dock.toggleViewAction().trigger()
    qtbot.waitUntil(window.journey.panel.isVisible)
    assert window.journey.dock in window.tabifiedDockWidgets(tools(window).inspector_dock)
    assert not window.journey.dock.visibleRegion().isEmpty()  # in front of the inspector


def test_the_differences_panel_says_what_tomorrow_buys_in_numbers(qtbot, window):
    """The checkout's slow page (20 a week, ending in a call at 7.50 each) costs 20 x 52 x
    7.50 = 7,800 a year; tomorrow's journey without the checkout costs nothing."""
    window.journey.dock.toggleViewAction().trigger()
    panel = window.journey.panel
    qtbot.waitUntil(panel.empty_note.isVisible)
    assert not panel.figures.isVisible()
    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t1")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    qtbot.waitUntil(panel.figures.isVisible)
    assert panel.figures.text().splitlines() == [
        "• Friction impact falls by 1,040, from 1,040 to 0.",
        "• Friction cost a year falls by € 7,800, from € 7,800 to € 0.",
        "• Lost journeys a year stays at 0.",
        "• Failure-demand share: 100.0% before, – after.",
        "• Channel switches fall by 1, from 2 to 1.",
    ]
    # Read out too: its name alone ("The future state in numbers") hid them.
    assert panel.figures.accessibleDescription().startswith(
        "Friction impact falls by 1,040, from 1,040 to 0. Friction cost a year falls by"
    )
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(panel.empty_note.isVisible)
    assert not panel.figures.isVisible()


def test_in_the_future_view_the_evidence_tab_says_it_is_todays(qtbot, window):
    """A measure edited while tomorrow is shown changed today's frequency that follows it,
    under a tab that did not say whose the measures are."""
    from blueprint.ui.inspector.touchpoint_inspector import EVIDENCE_TAB

    tabs = tools(window).inspector.tabs
    click_card(window, "t1")
    assert tabs.tabText(EVIDENCE_TAB).startswith("Evidence")
    show(qtbot, window, Qt.Key.Key_2)
    assert tabs.tabText(EVIDENCE_TAB).startswith("Today's evidence")
    show(qtbot, window, Qt.Key.Key_1)
    assert tabs.tabText(EVIDENCE_TAB).startswith("Evidence")


def test_compare_draws_todays_emotion_curve_and_tomorrows_dashed(qtbot, window):
    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t1")
    tools(window).inspector.tabs.setCurrentIndex(0)
    qtbot.mouseClick(tools(window).inspector.fields.emotion.button(2), LEFT)
    window.overlays.emotion_action.trigger()
    show(qtbot, window, Qt.Key.Key_3)
    today, tomorrow = window.overlays.emotion.item, window.overlays.future_emotion.item
    assert today is not None and tomorrow is not None
    # Checkout (stage s1) has no emotion today and is delighted tomorrow.
    assert next(p.mean for p in tomorrow.points()) == 2
    assert 2 not in [p.mean for p in today.points()]
    show(qtbot, window, Qt.Key.Key_1)
    assert window.overlays.future_emotion.item is None


def test_an_improvement_says_which_future_changes_it_brings_about(qtbot, window):
    from tests.ui.test_improvements import select, show_dock

    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t2")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)  # the call is gone tomorrow
    dock = show_dock(window)
    select(qtbot, dock, "i1")
    show(qtbot, window, Qt.Key.Key_3)  # gone tomorrow: Compare shows it
    click_card(window, "t2")
    links = dock.form.brings_about
    qtbot.mouseClick(links.add_selected, LEFT)
    assert window.document.entity("improvements", "i1").brings_about == ["t2"]
    assert links.list.item(0).text() == "Removed touchpoint 'Call about order'"
    assert window.document.undo_stack.undoText() == "Set future-state changes of 'Faster page'"
    links.list.setFocus()
    links.list.setCurrentRow(0)
    qtbot.keyClick(links.list, Qt.Key.Key_Delete)
    assert window.document.entity("improvements", "i1").brings_about == []


def test_typing_today_then_tomorrow_in_one_field_makes_two_steps(qtbot, window):
    from blueprint.ui.commands import EditTouchpoint, EditTouchpointFuture

    document = window.document
    document.push(EditTouchpoint(document, "t1", "emotion", 1))
    document.push(EditTouchpointFuture(document, "t1", "emotion", 2))
    t1 = document.touchpoint("t1")
    assert (t1.emotion, t1.future.emotion) == (1, 2)
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.touchpoint("t1").future is None and document.touchpoint("t1").emotion == 1


def test_removing_a_channel_a_card_moves_to_tomorrow_keeps_the_card_where_it_is_today(
    qtbot, window
):
    from blueprint.ui.commands import MoveInFuture, RemoveChannel

    document = window.document
    document.push(MoveInFuture(document, "t1", "s1", "esc"))
    assert document.touchpoint("t1").future.channel_id == "esc"
    document.push(RemoveChannel(document, "esc"))
    t1 = document.touchpoint("t1")
    assert (t1.channel_id, t1.future) == ("web", None)
    document.undo_stack.undo()
    assert document.touchpoint("t1").future.channel_id == "esc"


def test_the_heat_map_of_the_future_view_is_tomorrows(qtbot, window):
    from blueprint.ui.overlays.heat_items import impact_text

    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t1")
    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(2)
    qtbot.mouseClick(inspector.frictions.editor.severity.button(1), LEFT)  # halved tomorrow
    window.overlays.heat_action.trigger()
    tomorrow = window.overlays.heat.cells()[("s1", "web")].text
    show(qtbot, window, Qt.Key.Key_1)
    today = window.overlays.heat.cells()[("s1", "web")].text
    impacts = {
        f.friction_id: f.impact for f in window.live_plan.plan.frictions if f.friction_id == "x1"
    }
    assert today == impact_text(impacts["x1"])
    assert tomorrow == impact_text(impacts["x1"] / 2)


def test_removing_a_friction_point_in_the_future_keeps_it_today(qtbot, window):
    show(qtbot, window, Qt.Key.Key_2)
    click_card(window, "t1")
    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(2)
    panel = inspector.frictions
    qtbot.mouseClick(panel.remove_button, LEFT)
    x1 = window.document.entity("frictions", "x1")  # still in the file: today's
    assert x1.state == Presence.CURRENT
    assert panel.list.count() == 0  # not tomorrow's any more
    assert window.canvas.blueprint_scene.card("t1").face.frictions == ()
    show(qtbot, window, Qt.Key.Key_1)
    assert panel.list.count() == 1
    window.document.undo_stack.undo()
    assert window.document.entity("frictions", "x1").state == Presence.BOTH


def test_the_inspector_says_which_fields_tomorrow_shares_with_today(qtbot, window):
    """Notes typed in the future state reached today's card with no sign that they would:
    the future holds only a card's place, title, emotion and EPIC."""
    from blueprint.ui.inspector.touchpoint_form import SHARED_NOTE

    click_card(window, "t2")
    fields = tools(window).inspector.fields
    assert not fields.shared_note.isVisible()
    show(qtbot, window, Qt.Key.Key_2)
    assert fields.shared_note.isVisible() and fields.shared_note.text() == SHARED_NOTE
    fields.notes.setFocus()
    qtbot.keyClicks(fields.notes, "Tomorrow note")
    fields.title.setFocus()  # the note is kept as the field is left
    assert window.document.touchpoint("t2").notes.endswith("Tomorrow note")  # today's too
    show(qtbot, window, Qt.Key.Key_1)
    assert not fields.shared_note.isVisible()


def test_the_friction_tab_says_which_fields_tomorrow_shares_with_today(qtbot, window):
    """Nature set to "Good" in the future state made today's friction point deliberate too,
    and took an improvement out of today's plan, while the status line said "friction are
    tomorrow's own"."""
    from blueprint.ui.inspector.friction_form import SHARED_NOTE

    click_card(window, "t1")
    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(2)
    form = inspector.frictions.editor
    assert not form.shared_note.isVisible()
    show(qtbot, window, Qt.Key.Key_2)
    assert form.shared_note.isVisible() and form.shared_note.text() == SHARED_NOTE
    assert "nature" in SHARED_NOTE and "changes both" in SHARED_NOTE
    assert "friction are tomorrow's own" not in window.statusBar().currentMessage()
    show(qtbot, window, Qt.Key.Key_1)
    assert not form.shared_note.isVisible()


def test_a_plausible_range_is_set_in_todays_view_only(qtbot, window):
    """Set tomorrow, a range did nothing to how sure the plan is (worked out on today) and
    cut tomorrow's count loose from today's measure."""
    click_card(window, "t1")
    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(2)
    form = inspector.frictions.editor
    assert form.low.isEnabled() and form.high.isEnabled()
    show(qtbot, window, Qt.Key.Key_2)
    assert not form.low.isEnabled() and not form.high.isEnabled()
    assert "today's journey" in form.low.toolTip()
    show(qtbot, window, Qt.Key.Key_1)
    assert form.low.isEnabled()


def test_the_inspector_names_the_cell_of_the_view_shown(qtbot, window):
    """A card moved tomorrow read today's cell in the future view."""
    from blueprint.ui.commands.future import MoveInFuture

    document = window.document
    t1 = document.touchpoint("t1")
    today = (t1.stage_id, t1.channel_id)
    document.push(MoveInFuture(document, "t1", "s2", t1.channel_id))
    click_card(window, "t1")
    inspector = tools(window).inspector
    stage_names = {s.id: s.name for s in document.blueprint.stages}
    assert inspector.cell.text().startswith(stage_names[today[0]])
    show(qtbot, window, Qt.Key.Key_2)
    assert inspector.cell.text().startswith(stage_names["s2"])
    show(qtbot, window, Qt.Key.Key_3)
    assert " today → " in inspector.cell.text() and inspector.cell.text().endswith(" tomorrow")


def test_a_card_of_tomorrow_only_is_not_said_to_share_fields_with_today(qtbot):
    """ "The same today and tomorrow: a change here changes both" beside a card and a
    friction point that tomorrow alone holds: they have no today."""
    from blueprint.model import Friction
    from blueprint.ui.document import Document
    from tests.factories import small_blueprint

    bp = small_blueprint()
    bp.touchpoints[2].state = Presence.FUTURE
    bp.frictions.append(
        Friction(id="xf", title="New wait", touchpoint_id="t3", state=Presence.FUTURE)
    )
    window = open_window(qtbot, Document(bp))
    try:
        show(qtbot, window, Qt.Key.Key_2)
        inspector = tools(window).inspector
        click_card(window, "t2")
        assert inspector.fields.shared_note.isVisible()
        click_card(window, "t3")
        assert not inspector.fields.shared_note.isVisible()
        inspector.tabs.setCurrentIndex(2)
        form = inspector.frictions.editor
        assert form.form.entity().id == "xf"
        assert not form.shared_note.isVisible()
    finally:
        close_window(window)
