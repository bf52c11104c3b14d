"""The lanes view as a user meets it: a tab beside the grid, the blueprint's lanes stage by
stage, edited in place through the same commands as the inspector."""

import shutil

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QTextCursor

from blueprint.model import Touchpoint
from blueprint.model.states import current_state
from blueprint.ui.commands import (
    AddStage,
    AddTouchpoint,
    EditTouchpoint,
    RemoveStage,
    RemoveTouchpoints,
)
from blueprint.ui.lanes.install import LANES_TAB_TODAY, TODAY_ONLY
from blueprint.ui.lanes.layout import LANE_FIELDS, RULES
from blueprint.ui.lanes.text import plain_tooltip
from tests.ui.canvas_helpers import LEFT, NO_BUTTON, double_click, mouse
from tests.ui.conftest import BROADBAND
from tests.ui.editing_helpers import (
    CTRL,
    click_card,
    close_window,
    open_window,
    status,
    tools,
)
from tests.ui.test_desktop import drop, file_drag

LANE_TEXTS = {
    "physical_evidence": "Basket page",
    "customer_action": "Pays by card",
    "frontstage": "Shows the total",
    "backstage": "Reserves the stock",
    "support_processes": "Payment gateway",
}


@pytest.fixture
def small_window(qtbot, small):
    for field, text in LANE_TEXTS.items():
        setattr(small.touchpoint("t1"), field, text)
    window = open_window(qtbot, small)
    yield window
    close_window(window)


@pytest.fixture
def broadband_window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


def show_lanes(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    lanes = window.lanes
    assert lanes.tabs.currentWidget() is lanes.view
    qtbot.waitExposed(lanes.view)
    return lanes


def cell_point(lanes, touchpoint_id: str, field: str) -> QPoint:
    view = lanes.view
    column = lanes.scene.column(touchpoint_id)
    view.ensureVisible(column.mapRectToScene(column.cell_rect(field)), 10, 10)
    return view.mapFromScene(column.mapRectToScene(column.cell_rect(field)).center())


def click(view, point: QPoint) -> None:
    mouse(view, QEvent.Type.MouseButtonPress, point, LEFT, LEFT)
    mouse(view, QEvent.Type.MouseButtonRelease, point, LEFT, NO_BUTTON)


def shown_text(lanes, touchpoint_id: str, field: str) -> str:
    """What a lane cell draws, its lines joined."""
    return " ".join(lanes.scene.column(touchpoint_id).shown_lines(field))


# --- the tab -------------------------------------------------------------------------------


def test_nothing_is_built_until_the_lanes_tab_is_shown(qtbot, broadband_window):
    lanes = broadband_window.lanes
    assert lanes.tabs.currentWidget() is broadband_window.canvas
    assert not lanes.scene.is_built
    assert lanes.scene.items() == []
    broadband_window.document.push(
        EditTouchpoint(broadband_window.document, "tp-coverage-check", "backstage", "Later")
    )
    assert lanes.scene.items() == []
    show_lanes(qtbot, broadband_window)
    assert lanes.scene.is_built
    today = current_state(broadband_window.document.blueprint).touchpoints
    assert len(lanes.scene.columns()) == len(today)  # the lanes show today's journey
    assert lanes.scene.column("tp-coverage-check").face.text("backstage") == "Later"


def test_the_tabs_switch_by_key_and_from_the_view_menu(qtbot, small_window):
    lanes = small_window.lanes
    assert [lanes.tabs.tabText(i) for i in range(lanes.tabs.count())] == ["Grid", "Lanes"]
    show_lanes(qtbot, small_window)
    assert lanes.lanes_action.isChecked() and not lanes.grid_action.isChecked()
    assert lanes.view.hasFocus()
    assert "Double-click a lane cell" in status(small_window)
    qtbot.keyClick(small_window, Qt.Key.Key_1, CTRL)
    assert lanes.tabs.currentWidget() is small_window.canvas
    assert lanes.grid_action.isChecked()
    qtbot.keyClick(small_window, Qt.Key.Key_PageDown, CTRL)
    assert lanes.tabs.currentWidget() is lanes.view
    qtbot.keyClick(small_window, Qt.Key.Key_PageUp, CTRL)
    assert lanes.tabs.currentWidget() is small_window.canvas
    view_menu = [a.text() for a in small_window.menus.view.actions()]
    assert view_menu[:2] == ["&Grid", "&Lanes"]
    lanes.lanes_action.trigger()
    assert lanes.tabs.currentWidget() is lanes.view


def test_the_zoom_keys_zoom_the_view_in_sight(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    canvas_zoom, lanes_zoom = small_window.canvas.zoom(), lanes.view.zoom()
    qtbot.keyClick(lanes.view, Qt.Key.Key_Minus, CTRL)
    assert lanes.view.zoom() < lanes_zoom
    assert small_window.canvas.zoom() == canvas_zoom
    qtbot.keyClick(lanes.view, Qt.Key.Key_0, CTRL)
    assert lanes.view.zoom() == 1.0
    qtbot.keyClick(small_window, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(small_window.canvas, Qt.Key.Key_Minus, CTRL)
    assert small_window.canvas.zoom() < canvas_zoom
    assert lanes.view.zoom() == 1.0


# --- what the lanes show -------------------------------------------------------------------


def test_each_touchpoint_shows_its_lanes_under_its_stage_in_journey_order(qtbot, broadband_window):
    lanes = show_lanes(qtbot, broadband_window)
    scene, layout = lanes.scene, lanes.scene.lanes_layout
    document = broadband_window.document
    fulfilment = next(s for s in document.blueprint.stages if s.name == "Fulfilment")
    band = scene.stage_band(fulfilment.id)
    columns = sorted(
        (c for c in scene.columns().values() if c.sceneBoundingRect().left() >= band.x()),
        key=lambda c: c.x(),
    )
    in_stage = [c for c in columns if c.x() < band.x() + band.boundingRect().width()]
    assert [c.face.title for c in in_stage][:3] == [
        "Checks order status on the web form",
        "Asks live chat for the install date",
        "Navigates the phone menu for orders",
    ]
    assert len(in_stage) == band.count == 8
    chat = scene.column("tp-status-chat")
    assert chat.face.channel == "Live chat with an agent"
    touchpoint = document.touchpoint("tp-status-chat")
    for field in LANE_FIELDS:
        assert chat.face.text(field) == getattr(touchpoint, field)
        assert shown_text(lanes, "tp-status-chat", field)  # drawn, not left blank
    # The lanes top to bottom, and the three lines between the right ones.
    tops = [layout.lanes[field].start for field in LANE_FIELDS]
    assert tops == sorted(tops)
    for rule in RULES:
        above = layout.lanes[rule.above]
        below = layout.lanes[LANE_FIELDS[LANE_FIELDS.index(rule.above) + 1]]
        assert above.start + above.size < layout.rules[rule.name] < below.start
    assert list(layout.rules) == [
        "Line of interaction",
        "Line of visibility",
        "Line of internal interaction",
    ]


def test_long_text_wraps_markup_shows_as_typed_and_empty_lanes_have_a_hint(qtbot, small_window):
    document = small_window.document
    long_text = "<b>Checks</b> " + "the stock level again " * 30
    document.push(EditTouchpoint(document, "t2", "backstage", long_text))
    lanes = show_lanes(qtbot, small_window)
    column = lanes.scene.column("t2")
    lines = column.shown_lines("backstage")
    assert lines[0].startswith("<b>Checks</b>")
    assert len(lines) > 1 and column.is_elided("backstage")
    assert "&lt;b&gt;" in plain_tooltip(long_text)  # the tooltip shows the whole text, as typed
    assert column.shown_lines("frontstage") == []  # drawn as a faint hint of what belongs there


# --- editing in place ----------------------------------------------------------------------


def test_double_click_edits_a_lane_and_ctrl_enter_commits_one_undo_step(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    document = small_window.document
    double_click(lanes.view, cell_point(lanes, "t1", "frontstage"))
    editor = lanes.editor.editor
    assert lanes.editor.cell == ("t1", "frontstage")
    assert editor.isVisible() and editor.toPlainText() == "Shows the total"
    qtbot.keyClicks(editor, "Shows <i>the</i> total")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a new line, not the end of the edit
    qtbot.keyClicks(editor, "and the delivery date")
    assert document.touchpoint("t1").frontstage == "Shows the total"  # nothing until committed
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert not editor.isVisible()
    expected = "Shows <i>the</i> total\nand the delivery date"
    assert document.touchpoint("t1").frontstage == expected
    stack = document.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Edit frontstage of 'Checkout'"
    assert lanes.scene.column("t1").shown_lines("frontstage") == [
        "Shows <i>the</i> total",
        "and the delivery date",
    ]
    stack.undo()
    assert document.touchpoint("t1").frontstage == "Shows the total"
    assert shown_text(lanes, "t1", "frontstage") == "Shows the total"


def test_escape_cancels_and_leaving_the_editor_commits(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    document = small_window.document
    double_click(lanes.view, cell_point(lanes, "t1", "backstage"))
    qtbot.keyClicks(lanes.editor.editor, "Lost")
    qtbot.keyClick(lanes.editor.editor, Qt.Key.Key_Escape)
    assert document.touchpoint("t1").backstage == "Reserves the stock"
    assert document.undo_stack.count() == 0
    double_click(lanes.view, cell_point(lanes, "t1", "backstage"))
    qtbot.keyClicks(lanes.editor.editor, "Kept")
    click(lanes.view, cell_point(lanes, "t2", "frontstage"))  # clicking elsewhere
    lanes.view.setFocus()
    assert not lanes.editor.editor.isVisible()
    assert document.touchpoint("t1").backstage == "Kept"
    assert document.undo_stack.count() == 1


def test_arrows_move_between_cells_and_f2_edits_the_current_one(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    click(lanes.view, cell_point(lanes, "t1", "physical_evidence"))
    assert lanes.view.current_cell == ("t1", "physical_evidence")
    qtbot.keyClick(lanes.view, Qt.Key.Key_Down)
    qtbot.keyClick(lanes.view, Qt.Key.Key_Down)
    assert lanes.view.current_cell == ("t1", "frontstage")
    qtbot.keyClick(lanes.view, Qt.Key.Key_Right)
    assert lanes.view.current_cell == ("t2", "frontstage")
    assert small_window.canvas.blueprint_scene.selected_touchpoint_ids() == ["t2"]
    qtbot.keyClick(lanes.view, Qt.Key.Key_F2)
    assert lanes.editor.cell == ("t2", "frontstage")
    assert small_window.editing.rename.touchpoint_id is None  # not the grid's rename
    qtbot.keyClicks(lanes.editor.editor, "Agent reads the order")
    qtbot.keyClick(lanes.editor.editor, Qt.Key.Key_Enter, CTRL)
    assert small_window.document.touchpoint("t2").frontstage == "Agent reads the order"
    qtbot.keyClick(lanes.view, Qt.Key.Key_Return)
    assert lanes.editor.cell == ("t2", "frontstage")
    qtbot.keyClick(lanes.editor.editor, Qt.Key.Key_Escape)


# --- following the document ----------------------------------------------------------------


def test_an_edit_in_the_inspector_appears_in_the_lanes(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    click(lanes.view, cell_point(lanes, "t1", "customer_action"))
    inspector = tools(small_window).inspector
    assert inspector.touchpoint_id == "t1"
    field = inspector.fields.lanes["customer_action"]
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, " twice")
    assert small_window.document.touchpoint("t1").customer_action == "Pays by card twice"
    assert shown_text(lanes, "t1", "customer_action") == "Pays by card twice"
    inspector.fields.title.setFocus()
    inspector.fields.title.end(False)
    qtbot.keyClicks(inspector.fields.title, " now")
    assert lanes.scene.column("t1").title_lines() == ["Checkout now"]


def test_adding_and_removing_touchpoints_and_stages_updates_the_lanes(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    document, scene = small_window.document, lanes.scene
    added = Touchpoint(title="Track parcel", stage_id="s1", channel_id="phone")
    document.push(AddTouchpoint(document, added))
    assert scene.column(added.id).face.title == "Track parcel"
    assert scene.stage_band("s1").count == 2
    assert scene.column(added.id).x() > scene.column("t1").x()  # the phone row is below web
    assert scene.column("t2").x() > scene.column(added.id).x()  # the next stage moved on
    adding = AddStage(document, "Advocacy")
    document.push(adding)
    assert scene.stage_band(adding.stage_id).name == "Advocacy"
    assert scene.stage_band(adding.stage_id).x() > scene.column("t3").x()
    document.push(RemoveTouchpoints(document, [added.id]))
    assert scene.column(added.id) is None
    document.push(RemoveStage(document, "s2"))
    assert scene.stage_band("s2") is None
    assert scene.column("t2") is None and scene.column("t3") is None
    document.undo_stack.undo()
    assert scene.column("t2") is not None
    assert scene.stage_band("s2").count == 2


def test_a_hidden_lanes_view_catches_up_when_shown_again(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    qtbot.keyClick(small_window, Qt.Key.Key_1, CTRL)
    document = small_window.document
    document.push(EditTouchpoint(document, "t1", "support_processes", "Card terminal"))
    document.push(RemoveTouchpoints(document, ["t3"]))
    assert lanes.scene.column("t1").face.text("support_processes") == "Payment gateway"
    assert lanes.scene.column("t3") is not None  # not redrawn while out of sight
    show_lanes(qtbot, small_window)
    assert shown_text(lanes, "t1", "support_processes") == "Card terminal"
    assert lanes.scene.column("t3") is None


# --- one selection -------------------------------------------------------------------------


def test_selecting_in_the_lanes_selects_on_the_grid_and_the_other_way(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    grid = small_window.canvas.blueprint_scene
    click(lanes.view, cell_point(lanes, "t2", "backstage"))
    assert lanes.scene.selected_touchpoint_ids() == ["t2"]
    assert grid.selected_touchpoint_ids() == ["t2"]
    assert tools(small_window).inspector.touchpoint_id == "t2"
    qtbot.keyClick(small_window, Qt.Key.Key_1, CTRL)
    click_card(small_window, "t3")
    assert grid.selected_touchpoint_ids() == ["t3"]
    assert lanes.scene.selected_touchpoint_ids() == ["t3"]
    show_lanes(qtbot, small_window)
    assert lanes.view.current_cell == ("t3", "backstage")  # the lane kept, the column followed


def test_delete_in_the_lanes_removes_the_selected_touchpoint(qtbot, small_window):
    lanes = show_lanes(qtbot, small_window)
    click(lanes.view, cell_point(lanes, "t3", "customer_action"))
    qtbot.keyClick(lanes.view, Qt.Key.Key_Delete)
    assert small_window.document.get("touchpoints", "t3") is None
    assert lanes.scene.column("t3") is None
    small_window.document.undo_stack.undo()
    assert lanes.scene.column("t3") is not None


def test_a_selection_made_before_the_lanes_were_built_is_shown(qtbot, broadband_window):
    click_card(broadband_window, "tp-complaint")
    lanes = show_lanes(qtbot, broadband_window)
    assert lanes.scene.selected_touchpoint_ids() == ["tp-complaint"]
    qtbot.waitUntil(
        lambda: (
            lanes.view.mapToScene(lanes.view.viewport().rect())
            .boundingRect()
            .intersects(lanes.scene.column("tp-complaint").sceneBoundingRect())
        )
    )


def test_a_file_dropped_on_the_lanes_opens_and_the_lanes_show_it(qtbot, small_window, tmp_path):
    lanes = show_lanes(qtbot, small_window)
    path = tmp_path / "broadband.blueprint"
    shutil.copy(BROADBAND, path)
    assert drop(lanes.view.viewport(), file_drag(path))
    qtbot.waitUntil(lambda: small_window.document.path == path)
    assert lanes.scene.column("t1") is None
    assert lanes.scene.column("tp-complaint").face.title == "Raises a formal complaint"


def test_in_the_future_state_the_lanes_say_they_are_today_s_and_refuse_edits(qtbot, small_window):
    """A lane has one text, today's: edited while the window showed tomorrow's journey, it
    changed today's text, while the status bar said every edit changed the future only."""
    document = small_window.document
    qtbot.keyClick(small_window, Qt.Key.Key_2, CTRL | Qt.KeyboardModifier.ShiftModifier)
    lanes = show_lanes(qtbot, small_window)
    assert lanes.tabs.tabText(lanes.tabs.indexOf(lanes.view)) == LANES_TAB_TODAY
    double_click(lanes.view, cell_point(lanes, "t1", "frontstage"))
    assert not lanes.editor.editor.isVisible()
    assert small_window.statusBar().currentMessage() == TODAY_ONLY
    assert document.touchpoint("t1").frontstage == "Shows the total"
    assert document.undo_stack.count() == 0
    qtbot.keyClick(small_window, Qt.Key.Key_1, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert lanes.tabs.tabText(lanes.tabs.indexOf(lanes.view)) == "Lanes"
    double_click(lanes.view, cell_point(lanes, "t1", "frontstage"))
    assert lanes.editor.editor.isVisible()  # today's journey: the lanes are edited again


def test_a_screen_reader_hears_the_cell_the_arrows_reach(qtbot, small_window, monkeypatch):
    """The lanes view's cells are drawn, not widgets: moving through them said nothing."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    told = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(told.append))
    lanes = show_lanes(qtbot, small_window)
    click(lanes.view, cell_point(lanes, "t1", "physical_evidence"))
    told.clear()
    qtbot.keyClick(lanes.view, Qt.Key.Key_Down)
    said = [e.message() for e in told if isinstance(e, QAccessibleAnnouncementEvent)]
    title = small_window.document.touchpoint("t1").title
    assert said == [f"{title}, Customer actions: Pays by card"]
    read = QAccessible.queryAccessibleInterface(lanes.view)
    assert read.text(QAccessible.Text.Description) == said[0]


def test_the_keys_arriving_in_the_lanes_show_where_they_are(qtbot, small_window):
    """Ctrl+2 gave the lanes the keys and marked no cell: nothing showed where they were
    until an arrow was pressed."""
    assert small_window.canvas.blueprint_scene.selected_touchpoint_ids() == []
    lanes = show_lanes(qtbot, small_window)
    qtbot.waitUntil(lanes.view.hasFocus)
    first = lanes.scene.journey()[0]
    assert lanes.view.current_cell == (first, LANE_FIELDS[0])
    assert lanes.scene.column(first).isSelected()  # so its marked cell is drawn
    qtbot.keyClick(lanes.view, Qt.Key.Key_Down)
    assert lanes.view.current_cell == (first, LANE_FIELDS[1])
