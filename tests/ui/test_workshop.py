"""Workshop mode: full screen, larger type, docks away, and quick capture of cards; leaving
puts the window back as it was."""

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from blueprint.model import Blueprint
from blueprint.ui.document import Document
from blueprint.ui.workshop.mode import WORKSHOP_ZOOM
from tests.ui.editing_helpers import (
    click_card,
    click_empty_place,
    close_window,
    open_window,
    status,
    tools,
)

SOCIAL = "ch-social-media"
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


def enter_by_key(qtbot, window) -> None:
    qtbot.keyClick(window.canvas, Qt.Key.Key_F11)
    assert window.workshop.active


def bar(window):
    return window.workshop.bar


def capture(qtbot, window, title: str) -> None:
    line = bar(window).line
    assert line.hasFocus()
    qtbot.keyClicks(line, title)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def stage_ids(window) -> list[str]:
    return [s.id for s in window.document.blueprint.stages]


def titled(window, title: str):
    return next(t for t in window.document.blueprint.touchpoints if t.title == title)


def in_sight(window, touchpoint_id: str) -> bool:
    view = window.canvas
    card = view.blueprint_scene.card(touchpoint_id)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.contains(QRectF(card.sceneBoundingRect()).center())


def test_f11_enters_full_screen_with_larger_type_and_the_docks_away(qtbot, window):
    editing = tools(window)
    assert editing.inspector_dock.isVisible()
    font_size = window.font().pointSizeF()
    enter_by_key(qtbot, window)
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert window.font().pointSizeF() > font_size
    assert bar(window).line.font().pointSizeF() > window.font().pointSizeF()
    assert window.canvas.zoom() >= WORKSHOP_ZOOM
    assert not editing.inspector_dock.isVisible()
    assert not editing.personas_dock.isVisible()
    assert window.workshop.toolbar.isVisible() and bar(window).line.hasFocus()
    assert window.workshop.action.isChecked()
    assert "Esc leaves workshop mode" in status(window)
    # With nothing chosen on the canvas, the first cell is the target, and marked.
    first = window.document.blueprint
    assert bar(window).target.text() == (f"Next: {first.stages[0].name} × {first.channels[0].name}")
    assert window.workshop.capture.marker.rect() is not None


def test_three_titles_make_three_cards_in_consecutive_stages(qtbot, window):
    start = next(t for t in window.document.blueprint.touchpoints if t.channel_id == SOCIAL)
    click_card(window, start.id)
    assert window.workshop.action in window.menus.view.actions()
    window.workshop.action.trigger()
    first = stage_ids(window).index(start.stage_id)
    expected = stage_ids(window)[first : first + 3]
    for title in ("Sees a post", "Asks friends", "Compares offers"):
        capture(qtbot, window, title)
        assert in_sight(window, titled(window, title).id)
        assert bar(window).line.text() == ""
    cards = [titled(window, t) for t in ("Sees a post", "Asks friends", "Compares offers")]
    assert [(c.stage_id, c.channel_id) for c in cards] == [(s, SOCIAL) for s in expected]
    # Each is last in its cell, and the latest is the selected card.
    for card in cards:
        cell = window.document.cell_touchpoints(card.stage_id, SOCIAL)
        assert cell[-1].id == card.id
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == [cards[-1].id]
    names = {s.id: s.name for s in window.document.blueprint.stages}
    next_stage = stage_ids(window)[first + 3]
    assert bar(window).target.text() == f"Next: {names[next_stage]} × Social media"
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add touchpoint 'Sees a post'",
        "Add touchpoint 'Asks friends'",
        "Add touchpoint 'Compares offers'",
    ]
    # Ctrl+Z in the empty capture field undoes the last card and aims back at its cell.
    qtbot.keyClick(bar(window).line, Qt.Key.Key_Z, CTRL)
    titles = {t.title for t in window.document.blueprint.touchpoints}
    assert {"Sees a post", "Asks friends"} <= titles and "Compares offers" not in titles
    assert stack.count() == 3 and stack.index() == 2
    assert window.canvas.blueprint_scene.card(cards[-1].id) is None
    assert bar(window).target.text() == f"Next: {names[expected[2]]} × Social media"


def test_typing_in_the_field_is_undone_there_first(qtbot, window):
    enter_by_key(qtbot, window)
    line = bar(window).line
    qtbot.keyClicks(line, "Half a tit")
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert line.text() == ""
    assert window.document.undo_stack.count() == 0


def test_an_empty_enter_adds_nothing(qtbot, window):
    enter_by_key(qtbot, window)
    before = len(window.document.blueprint.touchpoints)
    target = bar(window).target.text()
    qtbot.keyClicks(bar(window).line, "   ")
    qtbot.keyClick(bar(window).line, Qt.Key.Key_Return)
    assert len(window.document.blueprint.touchpoints) == before
    assert window.document.undo_stack.count() == 0
    assert bar(window).target.text() == target


def test_tab_and_the_arrows_move_the_target(qtbot, window):
    enter_by_key(qtbot, window)
    blueprint = window.document.blueprint
    stages = [s.name for s in blueprint.stages]
    channels = [c.name for c in blueprint.channels]
    line = bar(window).line
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert bar(window).target.text() == f"Next: {stages[2]} × {channels[0]}"
    assert line.hasFocus()  # Tab moved the target, not the focus
    qtbot.keyClick(line, Qt.Key.Key_Backtab, SHIFT)
    assert bar(window).target.text() == f"Next: {stages[1]} × {channels[0]}"
    qtbot.keyClick(line, Qt.Key.Key_Down)
    qtbot.keyClick(line, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(line, Qt.Key.Key_Right, ALT)
    assert bar(window).target.text() == f"Next: {stages[2]} × {channels[2]}"
    qtbot.keyClick(line, Qt.Key.Key_Up)
    qtbot.keyClick(line, Qt.Key.Key_Left, ALT)
    assert bar(window).target.text() == f"Next: {stages[1]} × {channels[1]}"
    # At the edges the target stops.
    for _ in range(3):
        qtbot.keyClick(line, Qt.Key.Key_Up)
    assert bar(window).target.text() == f"Next: {stages[1]} × {channels[0]}"
    capture(qtbot, window, "Lands here")
    tp = titled(window, "Lands here")
    assert (tp.stage_id, tp.channel_id) == (blueprint.stages[1].id, blueprint.channels[0].id)


def test_at_the_last_stage_the_cards_stack_in_its_cell(qtbot, small):
    window = open_window(qtbot, small)
    try:
        enter_by_key(qtbot, window)
        assert bar(window).target.text() == "Next: Purchase × Website"
        for title in ("One", "Two", "Three"):
            capture(qtbot, window, title)
        cells = [(t.title, t.stage_id, t.channel_id) for t in small.blueprint.touchpoints]
        assert [c for c in cells if c[0] in ("One", "Two", "Three")] == [
            ("One", "s1", "web"),
            ("Two", "s2", "web"),
            ("Three", "s2", "web"),
        ]
        assert bar(window).target.text() == (
            "Next: Support × Website (last stage: the next cards stack here)"
        )
    finally:
        close_window(window)


def test_clicking_an_empty_place_aims_there_and_types_there(qtbot, small):
    window = open_window(qtbot, small)
    try:
        enter_by_key(qtbot, window)
        click_empty_place(window, "s2", "phone")
        qtbot.waitUntil(lambda: bar(window).target.text().startswith("Next: Support × Phone"))
        qtbot.waitUntil(bar(window).line.hasFocus)
        capture(qtbot, window, "Calls back")
        assert small.cell_touchpoints("s2", "phone")[-1].title == "Calls back"
    finally:
        close_window(window)


def test_escape_leaves_and_puts_everything_back(qtbot, window):
    editing = tools(window)
    window.contact_reasons.dock.toggleViewAction().trigger()  # one more dock, on the left
    window.canvas.set_zoom(0.8)
    state = window.windowState()
    font = window.font().pointSizeF()
    docks = {
        dock: dock.isVisible()
        for dock in (editing.inspector_dock, editing.personas_dock, window.contact_reasons.dock)
    }
    assert docks[window.contact_reasons.dock] and docks[editing.inspector_dock]
    enter_by_key(qtbot, window)
    assert not any(dock.isVisible() for dock in docks)
    capture(qtbot, window, "Kept after leaving")
    qtbot.keyClick(bar(window).line, Qt.Key.Key_Escape)
    assert not window.workshop.active
    assert window.windowState() == state
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert window.font().pointSizeF() == font
    assert window.canvas.zoom() == pytest.approx(0.8)
    assert {dock: dock.isVisible() for dock in docks} == docks
    assert not window.workshop.toolbar.isVisible()
    assert not window.workshop.action.isChecked()
    assert window.workshop.capture.marker.rect() is None
    # The card captured stays; Escape now belongs to the canvas again.
    assert titled(window, "Kept after leaving")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not window.workshop.active


def test_leaving_says_so_in_place_of_how_to_use_the_mode(qtbot, window):
    """After Escape the status bar still said "type a title and press Enter…; Esc leaves
    workshop mode", as if the mode were on."""
    enter_by_key(qtbot, window)
    assert "Esc leaves workshop mode" in window.statusBar().currentMessage()
    qtbot.keyClick(bar(window).line, Qt.Key.Key_Escape)
    assert not window.workshop.active
    assert window.statusBar().currentMessage() == "Left workshop mode (F11 enters it again)."


def test_captured_cards_do_not_bring_the_panels_back_and_leaving_does(qtbot, window):
    """On a narrow screen the panels give way while nothing is selected. A card captured
    in workshop mode is selected: the panels came back and squeezed the canvas, and after
    Escape they were gone for good (even with a card selected)."""
    editing = tools(window)
    assert editing.give_way is not None  # the offscreen screen is narrow
    click_card(window, "tp-fibre-street-ad")
    click_empty_place(window, "stage-awareness", "ch-mobile-app")
    assert not editing.inspector_dock.isVisible()
    enter_by_key(qtbot, window)
    capture(qtbot, window, "Sees an advert")
    capture(qtbot, window, "Reads the offer")
    assert not editing.inspector_dock.isVisible() and not editing.personas_dock.isVisible()
    qtbot.keyClick(bar(window).line, Qt.Key.Key_Escape)
    assert not window.workshop.active
    assert editing.inspector_dock.isVisible()
    assert editing.inspector.touchpoint_id == titled(window, "Reads the offer").id


def test_f6_goes_between_the_grid_and_the_capture_bar(qtbot, window):
    """F6 went round the grid and the docks only: in workshop mode it never reached the
    capture bar."""
    enter_by_key(qtbot, window)
    line = bar(window).line
    assert line.hasFocus()
    qtbot.keyClick(line, Qt.Key.Key_F6)
    assert window.canvas.hasFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F6)
    assert line.hasFocus()


def test_a_maximized_window_comes_back_maximized(qtbot, window):
    window.showMaximized()
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowMaximized))
    enter_by_key(qtbot, window)
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(window.canvas, Qt.Key.Key_F11)  # the same key leaves
    assert not window.workshop.active
    assert window.windowState() == Qt.WindowState.WindowMaximized


def test_closing_in_workshop_mode_leaves_it_first(qtbot, window):
    enter_by_key(qtbot, window)
    window.document.undo_stack.setClean()
    window.close()
    assert not window.workshop.active
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


def test_a_blueprint_without_stages_cannot_be_captured_into(qtbot):
    window = open_window(qtbot, Document(Blueprint(title="Empty")))
    try:
        enter_by_key(qtbot, window)
        assert bar(window).target.text() == "Add a stage and a channel first"
        assert not bar(window).line.isEnabled()
        assert QApplication.focusWidget() is not bar(window).line
    finally:
        close_window(window)


def test_escape_in_a_rename_in_place_cancels_the_rename_only(qtbot, window):
    enter_by_key(qtbot, window)
    capture(qtbot, window, "Typo titel")
    qtbot.keyClick(bar(window).line, Qt.Key.Key_F2)  # rename the card just captured
    rename = tools(window).rename
    assert rename.touchpoint_id == titled(window, "Typo titel").id
    qtbot.keyClick(rename.editor, Qt.Key.Key_Escape)
    assert rename.touchpoint_id is None
    assert window.workshop.active


def test_the_grid_is_shown_while_capturing_and_the_tab_put_back(qtbot, window):
    tabs = window.centralWidget()  # the grid and the lanes, as tabs
    assert isinstance(tabs, QTabWidget) and tabs.count() > 1
    lanes = next(i for i in range(tabs.count()) if tabs.widget(i) is not window.canvas)
    tabs.setCurrentIndex(lanes)
    enter_by_key(qtbot, window)
    assert tabs.currentWidget() is window.canvas
    capture(qtbot, window, "On the grid")
    assert in_sight(window, titled(window, "On the grid").id)
    qtbot.keyClick(bar(window).line, Qt.Key.Key_Escape)
    assert tabs.currentIndex() == lanes


def test_after_leaving_the_last_card_captured_is_in_sight(qtbot, window):
    """The window left full screen and its panels came back: the canvas narrowed, and the
    last card captured was left half off its right edge."""
    window.resize(1280, 720)
    editing = tools(window)
    editing.inspector_dock.show()
    enter_by_key(qtbot, window)
    for title in ("Sees the ad", "Checks the street", "Compares packages", "Orders online"):
        capture(qtbot, window, title)
        capture(qtbot, window, f"{title}, again")
    last = titled(window, "Orders online, again")
    qtbot.keyClick(bar(window).line, Qt.Key.Key_Escape)
    assert not window.workshop.active
    qtbot.waitUntil(lambda: window.canvas.blueprint_scene.selected_touchpoint_ids() == [last.id])
    view = window.canvas
    card = view.blueprint_scene.card(last.id).sceneBoundingRect()
    qtbot.waitUntil(lambda: view.mapToScene(view.viewport().rect()).boundingRect().contains(card))


def test_at_the_last_stage_the_field_keeps_its_width_on_a_projector(qtbot, window):
    """'Next: Retention × Phone with an agent (last stage: the next cards stack here)' took
    the row at 1280x720, and the field shrank until what was typed scrolled out of sight."""
    window.resize(1280, 720)
    enter_by_key(qtbot, window)
    line, target = bar(window).line, bar(window).target
    for _ in stage_ids(window):
        qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert "last stage" in target.text()
    qtbot.waitUntil(lambda: line.width() > 0)
    row = line.width() + target.width()
    assert line.width() >= row * 0.55  # its three fifths, less the spacing
    assert target.wordWrap()  # the target's words go over two lines instead
    # A screen reader hears where the next card goes, not only the label's name.
    assert target.text() in target.accessibleDescription()


def test_leaving_with_a_title_typed_and_not_added_says_where_it_waits(qtbot, window):
    """Escape with a title typed left workshop mode without adding the card, and nothing
    said the title was still in the bar."""
    enter_by_key(qtbot, window)
    qtbot.keyClicks(bar(window).line, "Calls to cancel")
    qtbot.keyClick(bar(window).line, Qt.Key.Key_Escape)
    assert not window.workshop.active
    assert "Calls to cancel" not in {t.title for t in window.document.blueprint.touchpoints}
    assert status(window) == (
        "Left workshop mode. 'Calls to cancel' was not added: it waits in the capture bar "
        "for the next time (F11)."
    )
