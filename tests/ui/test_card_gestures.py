"""A card's right-click menu, and flows drawn by dragging from the card's edge handle."""

import pytest
from PySide6.QtCore import QEvent, Qt

from tests.ui.canvas_helpers import LEFT, NO_BUTTON, context_click, mouse, on_screen
from tests.ui.editing_helpers import click_card, close_window, open_window, status, tools
from tests.ui.structure_helpers import choose, menu_texts


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def card_point(window, touchpoint_id, dx=60, dy=70):
    view = window.canvas
    card = view.blueprint_scene.card(touchpoint_id)
    view.ensureVisible(card, 40, 40)
    return on_screen(view, card.x() + dx, card.y() + dy)


def right_click_card(window, touchpoint_id):
    context_click(window.canvas, card_point(window, touchpoint_id))
    menu = tools(window).gestures.menu
    assert menu.isVisible()
    return menu


def flows(window):
    return [(f.from_id, f.to_id) for f in window.document.blueprint.flows]


def test_right_click_offers_the_cards_actions_and_selects_it(qtbot, window):
    menu = right_click_card(window, "t3")
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == ["t3"]
    assert menu_texts(menu) == [
        "Edit in Inspector",
        "Rename",
        "Add Friction Point",
        "Connect To…",
        "Duplicate",
        "Copy",
        "Cut",
        "Delete",
    ]
    choose(qtbot, menu, "Add Friction Point")
    assert [f.title for f in window.document.frictions_of("t3")] == ["New friction point"]
    editor = tools(window).inspector.frictions.editor.title
    assert editor.hasFocus() and editor.selectedText() == "New friction point"


def test_delete_from_the_menu_removes_the_card_and_says_what_went(qtbot, window):
    choose(qtbot, right_click_card(window, "t1"), "Delete")
    assert window.document.get("touchpoints", "t1") is None
    assert status(window).startswith("Removed 'Checkout' with 1 friction point and 1 flow.")


def test_connect_to_then_a_click_on_the_next_card_draws_the_flow(qtbot, window):
    choose(qtbot, right_click_card(window, "t3"), "Connect To…")
    assert status(window).startswith("Click the card the customer goes to next")
    click_card(window, "t1")
    assert ("t3", "t1") in flows(window)
    assert window.document.undo_stack.undoText().startswith("Connect")


def test_escape_cancels_connect_to(qtbot, window):
    choose(qtbot, right_click_card(window, "t3"), "Connect To…")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    count = len(flows(window))
    click_card(window, "t1")
    assert len(flows(window)) == count
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == ["t1"]


def test_dragging_from_the_edge_handle_to_another_card_draws_a_flow(qtbot, window):
    click_card(window, "t3")
    handle = tools(window).gestures.handle
    assert handle.isVisible()
    card = window.canvas.blueprint_scene.card("t3")
    assert handle.scenePos().x() == pytest.approx(card.sceneBoundingRect().right())
    view = window.canvas
    t1 = view.blueprint_scene.card("t1")

    def both_in_sight() -> bool:
        room = view.viewport().rect()
        return room.contains(view.mapFromScene(handle.scenePos())) and room.contains(
            on_screen(view, t1.x() + 60, t1.y() + 70)
        )

    for _ in range(12):  # zoom out, as a user does, until both cards are in sight
        if both_in_sight():
            break
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        view.ensureVisible(view.blueprint_scene.itemsBoundingRect(), 0, 0)
    assert both_in_sight()
    start = view.mapFromScene(handle.scenePos())
    end = on_screen(view, t1.x() + 60, t1.y() + 70)
    mouse(view, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for i in range(1, 6):
        mouse(view, QEvent.Type.MouseMove, start + (end - start) * i / 5, NO_BUTTON, LEFT)
    mouse(view, QEvent.Type.MouseButtonRelease, end, LEFT, NO_BUTTON)
    assert ("t3", "t1") in flows(window)
    # The card did not move with the drag: only a flow was drawn.
    assert (window.document.touchpoint("t3").stage_id) == "s2"
    window.document.undo_stack.undo()
    assert ("t3", "t1") not in flows(window)


def test_a_drag_let_go_on_no_card_draws_nothing_and_says_why(qtbot, window):
    click_card(window, "t3")
    view = window.canvas
    handle = tools(window).gestures.handle
    view.ensureVisible(handle, 20, 20)
    start = view.mapFromScene(handle.scenePos())
    layout = view.blueprint_scene.grid_layout
    cell = layout.cell("s1", "esc")
    end = on_screen(view, cell.right - 8, cell.bottom - 8)
    count = len(flows(window))
    mouse(view, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    mouse(view, QEvent.Type.MouseMove, end, NO_BUTTON, LEFT)
    mouse(view, QEvent.Type.MouseButtonRelease, end, LEFT, NO_BUTTON)
    assert len(flows(window)) == count
    assert status(window) == "No flow drawn: end it on another card."


def test_the_menu_key_opens_the_selected_cards_menu_under_it(qtbot, window):
    """The Menu key and Shift+F10 on a card picked with the arrow keys did nothing: the menu
    was looked for under the pointer, which the keys do not move."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    click_card(window, "t3")
    view = window.canvas
    view.setFocus()
    spot = QPoint(5, 5)
    press = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, spot, view.mapToGlobal(spot))
    QApplication.sendEvent(view, press)  # what Qt sends for the Menu key or Shift+F10
    menu = tools(window).gestures.menu
    qtbot.waitUntil(menu.isVisible)
    card = view.blueprint_scene.card("t3")
    under = view.viewport().mapToGlobal(view.mapFromScene(card.sceneBoundingRect().bottomLeft()))
    assert abs(menu.pos().y() - under.y()) <= 2  # under the card, not where the pointer is
    choose(qtbot, menu, "Add Friction Point")
    assert [f.title for f in window.document.frictions_of("t3")] == ["New friction point"]


def test_shift_f10_opens_the_selected_cards_menu_too(qtbot, window):
    """Qt opens a menu on Shift+F10 on Windows only."""
    click_card(window, "t3")
    view = window.canvas
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = tools(window).gestures.menu
    qtbot.waitUntil(menu.isVisible)
    menu.close()
