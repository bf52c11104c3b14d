"""The canvas by keyboard alone: arrows from card to card and cell to cell, the cell cursor,
Enter to edit or add, Escape to leave, the focus ring, Ctrl+0 keeping the selection in sight.
Every key goes to the real canvas view, as a person presses it."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from blueprint.ui.canvas import palette
from blueprint.ui.canvas.card import FOCUS_RING_INSET
from blueprint.ui.document import Document
from tests.ui.editing_helpers import (
    CTRL,
    click_card,
    click_empty_place,
    close_window,
    open_window,
    tools,
)
from tests.ui.structure_helpers import answer_removal, choose, structure
from tests.ui.talk_helpers import answer_next_dialog, click_in_dialog

Key = Qt.Key


def roomy_window(qtbot, document: Document):
    """A window the size of a laptop's screen, so the canvas has room beside the panels."""
    window = open_window(qtbot, document)
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.canvas.viewport().width() > 800)
    return window


@pytest.fixture
def window(qtbot, small):
    window = roomy_window(qtbot, small)
    yield window
    close_window(window)


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.canvas, key, modifiers)


def selected(window) -> list[str]:
    return window.canvas.blueprint_scene.selected_touchpoint_ids()


def cursor(window):
    return tools(window).keyboard.cursor_cell()


def inspected_title(window) -> str:
    return tools(window).inspector.fields.title.text()


def test_arrows_move_the_selection_between_cards_and_cells(qtbot, window):
    click_card(window, "t1")
    press(qtbot, window, Key.Key_Right)
    assert selected(window) == [] and cursor(window) == ("s2", "web")  # an empty cell
    assert tools(window).keyboard.cursor.rect() is not None  # outlined on the canvas
    press(qtbot, window, Key.Key_Down)
    assert selected(window) == ["t2"] and cursor(window) is None
    assert inspected_title(window) == "Call about order"  # the inspector follows
    press(qtbot, window, Key.Key_Down)
    assert selected(window) == ["t3"]
    press(qtbot, window, Key.Key_Down)  # the grid's edge: nowhere to go
    assert selected(window) == ["t3"]
    press(qtbot, window, Key.Key_Up)
    press(qtbot, window, Key.Key_Left)
    assert selected(window) == [] and cursor(window) == ("s1", "phone")


def test_the_arrows_never_scroll_away_from_the_selection(qtbot, broadband):
    window = roomy_window(qtbot, Document(broadband))
    try:
        view = window.canvas
        click_card(window, "tp-coverage-check")
        for _ in range(12):
            press(qtbot, window, Key.Key_Right)
        chosen = view.blueprint_scene.selected_touchpoint_ids()
        place = chosen[0] if chosen else None
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        if place is not None:
            assert shown.intersects(view.blueprint_scene.card(place).sceneBoundingRect())
        else:
            stage, channel = tools(window).keyboard.cursor_cell()
            cell = view.blueprint_scene.grid_layout.cell(stage, channel)
            assert shown.contains(QPointF(cell.x + 10, cell.y + 10))
    finally:
        close_window(window)


def test_enter_edits_the_title_in_place_and_escape_leaves(qtbot, window):
    click_card(window, "t1")
    press(qtbot, window, Key.Key_Return)
    editor = tools(window).rename.editor
    assert editor.isVisible() and editor.hasFocus() and editor.text() == "Checkout"
    qtbot.keyClicks(editor, "Pay")
    qtbot.keyClick(editor, Key.Key_Escape)
    assert not editor.isVisible()
    assert window.document.touchpoint("t1").title == "Checkout"
    assert window.canvas.hasFocus()  # back where the keys were
    press(qtbot, window, Key.Key_Return)
    qtbot.keyClicks(editor, "Pay for the order")
    qtbot.keyClick(editor, Key.Key_Return)
    assert not editor.isVisible()  # Enter commits and closes; it does not open it again
    assert window.document.touchpoint("t1").title == "Pay for the order"
    press(qtbot, window, Key.Key_Down)  # the keys go on from the card just edited
    assert cursor(window) == ("s1", "phone")


@pytest.mark.parametrize("modifiers", [Qt.KeyboardModifier.NoModifier, CTRL])
def test_enter_on_an_empty_cell_adds_a_card_there_ready_for_its_title(qtbot, window, modifiers):
    click_card(window, "t1")
    press(qtbot, window, Key.Key_Right)
    press(qtbot, window, Key.Key_Return, modifiers)
    added = [t for t in window.document.blueprint.touchpoints if t.id not in ("t1", "t2", "t3")]
    assert [(t.stage_id, t.channel_id) for t in added] == [("s2", "web")]
    editor = tools(window).rename.editor
    assert editor.isVisible() and editor.hasFocus()
    qtbot.keyClicks(editor, "Track the parcel")
    qtbot.keyClick(editor, Key.Key_Return)
    assert not editor.isVisible()
    assert window.document.touchpoint(added[0].id).title == "Track the parcel"
    assert selected(window) == [added[0].id] and cursor(window) is None


def test_the_focused_card_draws_a_ring_around_it(qtbot, window):
    view = window.canvas
    card = view.blueprint_scene.card("t1")

    def ring_pixels() -> list[QColor]:
        image = view.viewport().grab().toImage()
        top = card.y() + FOCUS_RING_INSET - 0.5  # the ring's middle, on a pixel row
        points = [view.mapFromScene(QPointF(card.x() + x, top)) for x in range(30, 200, 4)]
        return [image.pixelColor(p) for p in points]

    def ink(colours: list[QColor]) -> int:
        return sum(1 for c in colours if c.lightness() < 120)

    click_empty_place(window, "s2", "esc")
    assert ink(ring_pixels()) == 0
    click_card(window, "t1")
    press(qtbot, window, Key.Key_Down)
    press(qtbot, window, Key.Key_Up)  # back on t1, by the keys
    assert card.hasFocus()
    qtbot.waitUntil(lambda: ink(ring_pixels()) > 10)  # a dashed ring, in the focus ink
    assert QColor(palette.FOCUS).lightness() < 120


def test_a_click_on_an_empty_cell_puts_the_cell_cursor_there_and_enter_adds_a_card(qtbot, window):
    """The click chose the cell unseen, and Enter did nothing."""
    click_card(window, "t1")
    click_empty_place(window, "s2", "web")
    assert selected(window) == [] and cursor(window) == ("s2", "web")
    press(qtbot, window, Key.Key_Return)
    added = [t for t in window.document.blueprint.touchpoints if t.id not in ("t1", "t2", "t3")]
    assert [(t.stage_id, t.channel_id) for t in added] == [("s2", "web")]
    assert tools(window).rename.editor.hasFocus()


def test_the_mouse_takes_over_from_the_cell_cursor(qtbot, window):
    click_card(window, "t1")
    press(qtbot, window, Key.Key_Right)
    assert cursor(window) is not None
    click_card(window, "t2")
    assert cursor(window) is None and selected(window) == ["t2"]


def test_tabbing_into_the_canvas_gives_the_keys_a_place_to_start(qtbot, window):
    view = window.canvas
    view.clearFocus()
    view.blueprint_scene.clearSelection()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert selected(window) == ["t1"]  # the top-left cell's first card
    assert view.blueprint_scene.card("t1").hasFocus()


def test_ctrl_0_keeps_the_selection_in_sight(qtbot, broadband):
    window = roomy_window(qtbot, Document(broadband))
    try:
        view = window.canvas
        view.fit_to_window()
        scene = view.blueprint_scene
        far_right = max(scene.cards().values(), key=lambda c: (c.x(), c.y()))
        click_card(window, far_right.touchpoint_id)
        view.fit_to_window()  # the whole blueprint again, the card still selected
        press(qtbot, window, Key.Key_0, CTRL)
        assert view.zoom() == pytest.approx(1.0)
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.contains(far_right.sceneBoundingRect())
    finally:
        close_window(window)


def test_after_a_menu_the_card_keeps_the_keys_and_its_ring(qtbot, small):
    """Alt+E then Escape twice: the card stayed selected but lost the focus the keys and a
    screen reader follow."""
    from PySide6.QtWidgets import QApplication

    window = open_window(qtbot, small)
    try:
        click_card(window, "t1")
        window.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
        card = window.canvas.blueprint_scene.card("t1")
        assert card.hasFocus()
        qtbot.keyClick(window.canvas, Key.Key_E, Qt.KeyboardModifier.AltModifier)
        menu = window.menus.edit
        qtbot.waitUntil(menu.isVisible)
        qtbot.keyClick(menu, Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.menuBar())
        qtbot.keyClick(window.menuBar(), Key.Key_Escape)  # out of the menu bar
        qtbot.waitUntil(window.canvas.hasFocus)
        qtbot.waitUntil(lambda: window.canvas.blueprint_scene.focusItem() is card)
        press(qtbot, window, Key.Key_Right)  # the keys go on from the card
        assert cursor(window) == ("s2", "web")
    finally:
        close_window(window)


def test_deleting_a_card_leaves_the_keys_on_its_cell_and_undo_brings_it_back_chosen(qtbot, window):
    click_card(window, "t1")
    window.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
    press(qtbot, window, Key.Key_Down)
    press(qtbot, window, Key.Key_Up)
    press(qtbot, window, Key.Key_Delete)
    assert window.document.get("touchpoints", "t1") is None
    qtbot.waitUntil(lambda: cursor(window) == ("s1", "web"))  # an empty cell now
    press(qtbot, window, Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: selected(window) == ["t1"])
    assert window.canvas.blueprint_scene.card("t1").hasFocus()


def test_leaving_the_title_editor_hands_the_focus_straight_back_to_the_canvas(qtbot, window):
    """Escape put the focus on the toolbar's friction filter for a moment, which a screen
    reader announced before the canvas."""
    from PySide6.QtWidgets import QApplication

    click_card(window, "t1")
    window.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
    press(qtbot, window, Key.Key_Return)
    editor = tools(window).rename.editor
    qtbot.waitUntil(editor.hasFocus)
    went: list = []
    QApplication.instance().focusChanged.connect(lambda _old, new: went.append(new))
    qtbot.keyClick(editor, Key.Key_Escape)  # cancelled
    assert went == [window.canvas], went
    press(qtbot, window, Key.Key_Return)
    qtbot.waitUntil(editor.hasFocus)
    went.clear()
    qtbot.keyClick(editor, Key.Key_Return)  # committed
    assert went == [window.canvas], went


def test_undo_chooses_a_deleted_card_again_in_a_cell_with_others(qtbot, broadband):
    """The keys land on the next card of the cell; Ctrl+Z then chose nothing."""
    window = roomy_window(qtbot, Document(broadband))
    try:
        cells: dict = {}
        for touchpoint_id, slot in window.canvas.blueprint_scene.grid_layout.slots.items():
            cell = (slot.stage_id, slot.channel_id)
            cells.setdefault(cell, []).append((slot.index, touchpoint_id))
        cards = next(sorted(found) for found in cells.values() if len(found) > 1)
        first, second = cards[0][1], cards[1][1]
        click_card(window, first)
        window.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
        press(qtbot, window, Key.Key_Delete)
        qtbot.waitUntil(lambda: selected(window) == [second])  # the keys stay in the cell
        press(qtbot, window, Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: selected(window) == [first])
    finally:
        close_window(window)


def test_shift_and_an_arrow_choose_a_second_card_to_connect_or_disconnect_by_keys(qtbot, window):
    """Flows could only be made or removed with the mouse: the arrows replaced the
    selection, and Connect needs two cards, the first then the next."""
    click_card(window, "t3")
    # Complain, then Call about order above it.
    press(qtbot, window, Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert selected(window) == ["t2", "t3"]
    assert tools(window).selection.touchpoint_ids() == ["t3", "t2"]  # the order picked
    flows = {(f.from_id, f.to_id) for f in window.document.blueprint.flows}
    press(qtbot, window, Key.Key_L, CTRL)
    added = {(f.from_id, f.to_id) for f in window.document.blueprint.flows} - flows
    assert added == {("t3", "t2")}
    # Edit › Remove Flow, by its letter, takes the flows between the two cards chosen.
    from PySide6.QtWidgets import QApplication

    press(qtbot, window, Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menus.edit)
    qtbot.keyClick(window.menus.edit, Key.Key_L)
    assert not {f for f in window.document.blueprint.flows if {f.from_id, f.to_id} == {"t2", "t3"}}
    # Past empty cells, up to the next card; none that way: nothing changes.
    click_card(window, "t1")
    press(qtbot, window, Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert selected(window) == ["t1"]


def remove_from_the_structure_menu(qtbot, window, text: str) -> None:
    """Structure › Remove Stage… (or Channel…) by its keys (the test answers the dialog)."""
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(window.canvas, Key.Key_S, Qt.KeyboardModifier.AltModifier)
    menu = structure(window).menu.menu
    qtbot.waitUntil(menu.isVisible)
    choose(qtbot, menu, text)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas)


def test_removing_the_stage_under_the_cell_cursor_moves_it_to_the_stage_in_its_place(
    qtbot, window, monkeypatch
):
    """The cursor stayed on a cell no longer in the grid, and no arrow moved it again."""
    click_card(window, "t1")
    window.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
    press(qtbot, window, Key.Key_Right)
    assert cursor(window) == ("s2", "web")
    answer_removal(monkeypatch, accept=True)
    remove_from_the_structure_menu(qtbot, window, "Remove Stage…")
    assert [s.id for s in window.document.blueprint.stages] == ["s1"]
    qtbot.waitUntil(lambda: selected(window) == ["t1"])  # the last stage's: the one before
    press(qtbot, window, Key.Key_Down)  # the keys go on from there
    assert cursor(window) == ("s1", "phone")


def test_removing_the_channel_of_the_chosen_card_lands_the_keys_in_the_channel_above(qtbot, window):
    """The keys went to the top-left cell, far from where the user was (the card went
    while the dialog had the focus)."""
    click_card(window, "t3")  # Support / Complaints, the last channel
    window.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
    answered = answer_next_dialog(qtbot, click_in_dialog("Remove channel"))
    remove_from_the_structure_menu(qtbot, window, "Remove Channel…")
    assert answered
    assert window.document.get("channels", "esc") is None
    qtbot.waitUntil(lambda: selected(window) == ["t2"])  # Support / Phone
    press(qtbot, window, Key.Key_Left)
    assert cursor(window) == ("s1", "phone")


def test_a_file_opened_from_the_menu_gives_the_keys_its_top_left_cell(
    qtbot, window, monkeypatch, tmp_path
):
    """The keys were nowhere (or on a cell of the blueprint before) until an arrow was
    pressed, and the Structure menu's stage and channel entries stayed greyed."""
    import shutil

    from PySide6.QtWidgets import QApplication, QFileDialog

    from tests.ui.conftest import BROADBAND

    path = tmp_path / "broadband.blueprint"
    shutil.copyfile(BROADBAND, path)
    click_empty_place(window, "s2", "web")
    window.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window.canvas, Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.menus.file.isVisible)
    qtbot.keyClick(window.menus.file, Key.Key_O)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas)
    bp = window.document.blueprint
    top_left = (bp.stages[0].id, bp.channels[0].id)
    qtbot.waitUntil(lambda: cursor(window) == top_left)
    press(qtbot, window, Key.Key_Right)  # the keys go on from there, to the card beside
    [chosen] = selected(window)
    card = window.document.touchpoint(chosen)
    assert (card.stage_id, card.channel_id) == (bp.stages[1].id, bp.channels[0].id)
    # Opened again (Open Recent): the keys start at the top-left again, not where they were.
    assert window.open_path(path)
    qtbot.waitUntil(lambda: cursor(window) == top_left)


def test_a_click_after_a_file_opened_elsewhere_does_not_send_the_view_to_the_top_left(
    qtbot, window, tmp_path
):
    """The file opened while a field had the keys: the click that gave the canvas the focus,
    outside the grid, put the cell cursor on the top-left cell and scrolled there."""
    import shutil

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from tests.ui.canvas_helpers import LEFT, NO_BUTTON, mouse, on_screen
    from tests.ui.conftest import BROADBAND

    path = tmp_path / "broadband.blueprint"
    shutil.copyfile(BROADBAND, path)
    window.overlays.bar.persona.setFocus(Qt.FocusReason.OtherFocusReason)  # not the canvas
    assert window.open_path(path)
    qtbot.wait(50)  # the window settles, the keys still in the tool bar
    assert QApplication.focusWidget() is window.overlays.bar.persona
    view = window.canvas
    layout = view.blueprint_scene.grid_layout
    last = layout.cell(list(layout.columns)[-1], list(layout.rows)[-1])
    x, y = last.right + 40, last.bottom + 40  # beyond the grid
    view.centerOn(x, y)
    before = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    point = on_screen(view, x, y)
    mouse(view, QEvent.Type.MouseButtonPress, point, LEFT, LEFT)
    view.setFocus(Qt.FocusReason.MouseFocusReason)  # as the click gives it
    mouse(view, QEvent.Type.MouseButtonRelease, point, LEFT, NO_BUTTON)
    qtbot.wait(100)
    assert cursor(window) is None
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == before


def test_the_cell_cursor_rests_grey_while_the_keys_are_in_a_panel(qtbot, window):
    """With the keys in the Improvements table, the canvas still drew its bright dashed
    cell cursor: two focus marks on the projector, the real one the fainter."""
    window.improvements.toggleViewAction().trigger()  # View › Improvements: a panel
    click_card(window, "t1")
    click_empty_place(window, "s2", "web")
    marker = tools(window).keyboard.cursor.item
    assert marker.isVisible() and marker.pen().color() == QColor(palette.SELECTION)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    press(qtbot, window, Key.Key_F6)  # the keys go to the next pane
    qtbot.waitUntil(lambda: not window.canvas.hasFocus())
    assert marker.pen().color() == QColor(palette.MUTED_INK)
    assert marker.brush().style() == Qt.BrushStyle.NoBrush
    window.canvas.setFocus(Qt.FocusReason.TabFocusReason)  # and back to the canvas
    qtbot.waitUntil(window.canvas.hasFocus)
    assert marker.pen().color() == QColor(palette.SELECTION)
