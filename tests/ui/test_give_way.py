"""On a narrow screen the side panels give the canvas their room while nothing is selected."""

import pytest

from blueprint.ui.inspector.give_way import NARROW_SCREEN_WIDTH
from tests.ui.editing_helpers import (
    click_card,
    click_empty_place,
    close_window,
    open_window,
    tools,
)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    assert window.screen().availableGeometry().width() < NARROW_SCREEN_WIDTH
    yield window
    close_window(window)


def test_the_panels_give_way_when_nothing_is_selected_and_come_back_with_a_card(qtbot, window):
    inspector = tools(window).inspector_dock
    click_card(window, "t1")
    assert inspector.isVisible()
    narrow = window.canvas.width()
    click_empty_place(window, "s1", "esc")
    assert not inspector.isVisible() and not tools(window).personas_dock.isVisible()
    qtbot.waitUntil(lambda: window.canvas.width() > narrow)
    click_card(window, "t2")
    assert inspector.isVisible()
    assert tools(window).inspector.touchpoint_id == "t2"


def test_the_arrow_keys_onto_an_empty_cell_leave_the_panels_where_they_are(qtbot, window):
    """Stepping card, empty cell, card with the keys made the canvas jump sideways twice."""
    from PySide6.QtCore import Qt

    inspector = tools(window).inspector_dock
    click_card(window, "t1")
    assert inspector.isVisible()
    width = window.canvas.width()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)  # s2 / web: an empty cell
    assert tools(window).keyboard.cursor_cell() == ("s2", "web")
    assert inspector.isVisible() and window.canvas.width() == width
    qtbot.keyClick(window.canvas, Qt.Key.Key_Left)
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == ["t1"]
    assert inspector.isVisible()


def test_a_panel_the_user_closed_stays_closed(qtbot, window):
    inspector = tools(window).inspector_dock
    click_card(window, "t1")
    inspector.toggleViewAction().trigger()  # View > Inspector: closed by the user
    click_empty_place(window, "s1", "esc")
    click_card(window, "t2")
    assert not inspector.isVisible()


def test_a_card_picked_at_the_right_edge_stays_in_sight_when_the_panels_come_back(qtbot, document):
    window = open_window(qtbot, document)
    try:
        view = window.canvas
        window.resize(1200, 700)  # a laptop's window
        click_card(window, "tp-first-agent-call")
        click_empty_place(window, "stage-awareness", "ch-mobile-app")  # the panels give way
        qtbot.waitUntil(lambda: view.viewport().width() > 800)
        card = view.blueprint_scene.card("tp-technician-visit")
        view.horizontalScrollBar().setValue(0)
        view.ensureVisible(card, 0, 0)  # right at the right edge of the wide canvas
        edge = view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        assert edge.right() > view.viewport().width() - 60
        click_card(window, "tp-technician-visit")
        assert tools(window).inspector_dock.isVisible()

        def in_sight() -> bool:
            shown = view.mapFromScene(card.sceneBoundingRect()).boundingRect()
            return view.viewport().rect().contains(shown)

        qtbot.waitUntil(in_sight)
    finally:
        close_window(window)
