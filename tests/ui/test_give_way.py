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


def test_a_panel_the_user_closed_stays_closed(qtbot, window):
    inspector = tools(window).inspector_dock
    click_card(window, "t1")
    inspector.toggleViewAction().trigger()  # View > Inspector: closed by the user
    click_empty_place(window, "s1", "esc")
    click_card(window, "t2")
    assert not inspector.isVisible()


def test_a_card_picked_near_the_edge_stays_in_sight_when_the_panels_come_back(qtbot, window):
    view = window.canvas
    click_empty_place(window, "s1", "esc")  # the panels give way: the canvas is wide
    card = view.blueprint_scene.card("t3")
    view.ensureVisible(card, 0, 0)
    assert view.viewport().rect().contains(view.mapFromScene(card.sceneBoundingRect().center()))
    click_card(window, "t3")

    def in_sight() -> bool:
        shown = view.mapFromScene(card.sceneBoundingRect()).boundingRect()
        return view.viewport().rect().contains(shown)

    qtbot.waitUntil(in_sight)
    assert tools(window).inspector_dock.isVisible()
