"""The personas dock: add, edit, remove personas, and choose the touchpoints of each."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.editing_helpers import (
    CTRL,
    click_card,
    close_window,
    open_window,
    pick_from_popup,
    pick_with_keys,
    replace_text,
    status,
    tick,
    tools,
)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    tools(window).personas_dock.raise_()
    qtbot.waitUntil(tools(window).personas.isVisible)
    yield window
    close_window(window)


@pytest.fixture
def panel(window):
    return tools(window).personas


def touchpoint_rows(panel):
    """touchpoint id -> ticked, as the list shows it."""
    rows = panel.touchpoints.list
    items = [rows.item(i) for i in range(rows.count())]
    return {
        item.data(Qt.ItemDataRole.UserRole): item.checkState() == Qt.CheckState.Checked
        for item in items
    }


def row_of(panel, touchpoint_id):
    return list(touchpoint_rows(panel)).index(touchpoint_id)


def test_the_panel_lists_personas_and_the_touchpoints_each_applies_to(panel):
    assert panel.list.item(0).text() == "Busy parent (weight 1.5, 40 %)"
    assert panel.name.text() == "Busy parent"
    assert panel.weight.value() == 1.5 and panel.share.value() == 40
    # t1 and t3 list no persona (so they apply to all); t2 lists this one.
    assert touchpoint_rows(panel) == {"t1": True, "t2": True, "t3": True}


def test_add_a_persona_and_edit_every_field(qtbot, window, panel):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    personas = window.document.blueprint.personas
    assert [p.name for p in personas] == ["Busy parent", "New persona"]
    assert panel.name.hasFocus() and panel.name.selectedText() == "New persona"
    qtbot.keyClicks(panel.name, "Small business")
    panel.description.setFocus()
    qtbot.keyClicks(panel.description, "Runs a shop from home")
    replace_text(qtbot, panel.weight, "1.8")
    replace_text(qtbot, panel.share, "25")
    persona = window.document.blueprint.personas[1]
    assert (persona.name, persona.description) == ("Small business", "Runs a shop from home")
    assert (persona.value_weight, persona.share) == (1.8, 25)
    assert panel.list.item(1).text() == "Small business (weight 1.8, 25 %)"
    # add, name, description, weight, share: one step each
    assert window.document.undo_stack.count() == 5


def test_a_name_already_taken_is_refused(qtbot, window, panel):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.name, "busy parent")
    assert window.document.blueprint.personas[1].name.startswith("busy paren")
    assert "already a persona named" in status(window)


def test_untick_a_touchpoint_for_a_persona(qtbot, window, panel):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.name, "Tourist")
    tourist = window.document.blueprint.personas[1].id
    tick(qtbot, panel.touchpoints.list, row_of(panel, "t1"))
    # t1 applied to all; now to all but the tourist.
    assert window.document.touchpoint("t1").persona_ids == ["p1"]
    assert touchpoint_rows(panel)["t1"] is False
    assert window.document.undo_stack.undoText() == "Choose touchpoints of persona 'Tourist'"
    # t2 listed only the busy parent: ticking it adds the tourist.
    assert touchpoint_rows(panel)["t2"] is False
    tick(qtbot, panel.touchpoints.list, row_of(panel, "t2"))
    assert window.document.touchpoint("t2").persona_ids == ["p1", tourist]
    # The inspector of t1 shows the same.
    click_card(window, "t1")
    checks = tools(window).inspector.fields.personas
    assert checks.ticked_ids() == ["p1"]


def test_the_only_persona_cannot_be_taken_off_a_touchpoint(qtbot, window, panel):
    tick(qtbot, panel.touchpoints.list, row_of(panel, "t2"))
    assert status(window) == "Touchpoint 'Call about order' would apply to no persona at all"
    assert touchpoint_rows(panel)["t2"] is True
    assert window.document.undo_stack.count() == 0


def test_remove_a_persona_says_what_happens_and_undo_brings_it_back(qtbot, window, panel):
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert window.document.blueprint.personas == []
    assert window.document.touchpoint("t2").persona_ids == []
    assert "1 touchpoint will apply to all personas" in status(window)
    assert panel.list.count() == 0 and not panel.editor.isEnabled()
    window.document.undo_stack.undo()
    assert panel.list.count() == 1
    assert window.document.touchpoint("t2").persona_ids == ["p1"]


def test_undoing_a_removal_chooses_the_persona_again(qtbot, document):
    """Ctrl+Z brought the persona back while the panel showed another one."""
    window = open_window(qtbot, document)
    try:
        tools(window).personas_dock.raise_()
        panel = tools(window).personas
        qtbot.waitUntil(panel.isVisible)
        second = window.document.blueprint.personas[1].id
        panel.list.setFocus()
        qtbot.keyClick(panel.list, Qt.Key.Key_Down)
        assert panel.current_persona_id() == second
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
        assert panel.current_persona_id() != second
        qtbot.keyClick(panel.list, Qt.Key.Key_Z, CTRL)
        assert window.document.get("personas", second) is not None
        assert panel.current_persona_id() == second
    finally:
        close_window(window)


def test_filter_the_touchpoints_by_name(qtbot, panel):
    panel.touchpoints.filter.setFocus()
    qtbot.keyClicks(panel.touchpoints.filter, "call")
    rows = panel.touchpoints.list
    shown = [
        rows.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(rows.count())
        if not rows.item(i).isHidden()
    ]
    assert shown == ["t2"]


def test_share_can_be_unset(qtbot, window, panel):
    panel.share.setFocus()
    qtbot.keyClick(panel.share, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(panel.share, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.share, Qt.Key.Key_Tab)
    assert window.document.blueprint.personas[0].share is None
    assert panel.list.item(0).text() == "Busy parent (weight 1.5)"


def test_a_panel_behind_a_tab_catches_up_when_it_is_shown(qtbot, window, panel):
    editing = tools(window)
    editing.inspector_dock.raise_()
    click_card(window, "t1")
    qtbot.keyClick(window.canvas, Qt.Key.Key_D, CTRL)  # duplicate t1
    copy_id = window.document.blueprint.touchpoints[-1].id
    editing.personas_dock.raise_()
    qtbot.waitUntil(lambda: copy_id in touchpoint_rows(panel))


def test_a_renamed_touchpoint_is_renamed_in_the_list(qtbot, window, panel):
    click_card(window, "t3")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F2)
    editor = tools(window).rename.editor
    qtbot.keyClicks(editor, "Escalates")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    rows = panel.touchpoints.list
    texts = [rows.item(i).text() for i in range(rows.count())]
    assert "Escalates  (Support · Complaints)" in texts


def preferred(window):
    persona = window.document.blueprint.personas[0]
    return [(p.stage_id, p.channel_id) for p in persona.preferred_channels]


def test_choose_a_preferred_channel_at_each_stage_and_undo(qtbot, window, panel):
    boxes = panel.preferences.boxes
    assert list(boxes) == ["s1", "s2"]  # one box per stage, in stage order
    assert [boxes["s2"].itemText(i) for i in range(boxes["s2"].count())] == [
        "No preference",
        "Website",
        "Phone",
        "Complaints",
    ]
    assert boxes["s1"].currentText() == boxes["s2"].currentText() == "No preference"
    pick_from_popup(qtbot, boxes["s2"], "Phone")
    assert preferred(window) == [("s2", "phone")]
    pick_with_keys(qtbot, boxes["s1"], "Website")
    assert preferred(window) == [("s1", "web"), ("s2", "phone")]  # kept in stage order
    stack = window.document.undo_stack
    assert stack.undoText() == "Prefer 'Website' for 'Busy parent' at 'Purchase'"
    pick_from_popup(qtbot, boxes["s2"], "Complaints")  # one channel per stage: replaced
    assert preferred(window) == [("s1", "web"), ("s2", "esc")]
    pick_from_popup(qtbot, boxes["s1"], "No preference")
    assert preferred(window) == [("s2", "esc")]
    assert boxes["s1"].currentText() == "No preference"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    assert preferred(window) == [("s1", "web"), ("s2", "esc")]
    assert boxes["s1"].currentText() == "Website"
    for _ in range(3):
        qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    assert preferred(window) == [] and boxes["s2"].currentText() == "No preference"


def wheel_over(widget) -> None:
    """One notch of the wheel, down, with the pointer over ``widget``."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    wheel = QWheelEvent(
        QPointF(widget.rect().center()),
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, wheel)


def test_the_wheel_passing_over_a_preference_scrolls_and_changes_nothing(qtbot, window, panel):
    """Scrolling the panel with the pointer over a box set a preferred channel."""
    box = panel.preferences.boxes["s1"]
    qtbot.waitUntil(box.isVisible)
    assert not box.hasFocus()
    wheel_over(box)
    assert box.currentText() == "No preference" and preferred(window) == []
    assert window.document.undo_stack.count() == 0


def test_the_wheel_after_a_pick_scrolls_on_and_changes_nothing(qtbot, window, panel):
    """A box just picked from keeps the focus: the wheel turned to scroll on down the panel
    changed its value (in a workshop, 'per week' became 'per quarter' unseen)."""
    box = panel.preferences.boxes["s1"]
    qtbot.waitUntil(box.isVisible)
    pick_from_popup(qtbot, box, "Website")
    assert box.hasFocus() and preferred(window) == [("s1", "web")]
    for _ in range(3):
        wheel_over(box)
    assert box.currentText() == "Website" and preferred(window) == [("s1", "web")]
    share = panel.share
    qtbot.mouseClick(share, Qt.MouseButton.LeftButton)
    assert share.hasFocus()
    before = share.value()
    wheel_over(share)
    assert share.value() == before
    assert window.document.undo_stack.count() == 1


def test_tab_goes_down_the_panel_through_the_preferred_channels(qtbot, window, panel):
    """The boxes, made after the rest of the panel, came last in the Tab order: after the
    toolbar's filters."""
    boxes = panel.preferences.boxes
    panel.share.setFocus(Qt.FocusReason.TabFocusReason)
    visited = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [boxes["s1"], boxes["s2"], panel.touchpoints.filter]


def test_preferences_follow_the_persona_shown_and_the_stages(qtbot, window, panel):
    pick_from_popup(qtbot, panel.preferences.boxes["s1"], "Phone")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)  # shows the new persona
    boxes = panel.preferences.boxes
    assert boxes["s1"].currentText() == "No preference"
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Up)
    assert panel.preferences.boxes["s1"].currentText() == "Phone"


def test_the_panels_fit_a_projectors_720_pixel_high_screen(qtbot, document):
    window = open_window(qtbot, document)  # the broadband sample: 3 personas, 9 stages
    try:
        tools(window).personas_dock.raise_()
        assert window.minimumSizeHint().height() <= 720
    finally:
        close_window(window)


def test_a_stage_named_with_an_ampersand_reads_whole_beside_its_preference(qtbot, window, panel):
    """ "Check-in & bag drop" read "Check-in _bag drop": the '&' taken as an Alt+letter."""
    from PySide6.QtGui import QAccessible

    from blueprint.ui.commands import RenameStage

    window.document.push(RenameStage(window.document, "s1", "Check-in & bag drop"))
    box = panel.preferences.boxes["s1"]
    [label] = [w for w in panel.preferences.findChildren(QLabel) if w.buddy() is box]
    said = QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)
    assert said == "Check-in & bag drop:"


def test_each_stage_shows_how_well_the_journey_fits_the_persona(qtbot, window, panel):
    """The PDF's page 2 gives each persona's channel fit; the editor showed none of it, and
    an analyst could not check the number a manager would read."""
    boxes, fits = panel.preferences.boxes, panel.preferences.fits
    assert not panel.preferences.fit_note.isVisible()  # no preference named yet
    pick_from_popup(qtbot, boxes["s1"], "Website")
    pick_from_popup(qtbot, boxes["s2"], "Phone")
    # s1: its one card on the website; s2: one of its two cards on the phone.
    assert (fits["s1"].text(), fits["s2"].text()) == ("100%", "50%")
    assert fits["s2"].toolTip() == (
        "Fit 50%: 1 of its 2 touchpoints here are in the channel it prefers"
    )
    note = panel.preferences.fit_note
    assert note.isVisible() and note.text().startswith("Channel fit: 75%, the share")
    # The card moved to the channel it prefers: the figures follow.
    from blueprint.ui.commands import MoveTouchpoint

    window.document.push(MoveTouchpoint(window.document, "t3", "s2", "phone"))
    qtbot.waitUntil(lambda: fits["s2"].text() == "100%")
    assert note.text().startswith("Channel fit: 100%")
