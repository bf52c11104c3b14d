"""F6 and Shift+F6 go round the canvas and the panels in sight; Tab never walks into a panel
hidden behind another panel's tab. Keys pressed on the focused widget, as a person does."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from tests.ui.editing_helpers import click_card, close_window, open_window, tools

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    window.resize(1600, 1000)
    window.improvements.toggleViewAction().trigger()  # a panel along the bottom too
    qtbot.waitUntil(lambda: window.improvements.isAncestorOf(QApplication.focusWidget()))
    click_card(window, "t1")  # the inspector has fields to go to
    window.canvas.setFocus()
    yield window
    close_window(window)


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def pane_of_focus(window):
    """The dock holding the focus, or the canvas."""
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, QDockWidget):
        if widget is window.canvas:
            return widget
        widget = widget.parentWidget()
    return widget


def test_f6_goes_round_the_canvas_and_the_panels_in_sight(qtbot, window):
    inspector = tools(window).inspector_dock
    improvements = window.improvements
    seen = []
    for _ in range(3):
        press(qtbot, Key.Key_F6)
        seen.append(pane_of_focus(window))
    assert seen == [inspector, improvements, window.canvas]
    press(qtbot, Key.Key_F6, SHIFT)
    assert pane_of_focus(window) is improvements
    press(qtbot, Key.Key_F6, SHIFT)
    assert pane_of_focus(window) is inspector


def test_f6_comes_back_to_where_the_focus_was_in_a_panel(qtbot, window):
    press(qtbot, Key.Key_F6)
    notes = tools(window).inspector.fields.notes
    notes.setFocus()
    press(qtbot, Key.Key_F6)
    press(qtbot, Key.Key_F6)
    press(qtbot, Key.Key_F6)
    assert notes.hasFocus()


def test_f6_skips_a_panel_behind_another_panels_tab(qtbot, window):
    personas = tools(window).personas_dock
    assert personas.isVisible()  # open, but behind the inspector's tab
    for _ in range(8):
        press(qtbot, Key.Key_F6)
        assert pane_of_focus(window) is not personas


def test_tab_never_lands_in_a_panel_behind_another_panels_tab(qtbot, window):
    personas = tools(window).personas_dock
    reached = set()
    for _ in range(60):
        press(qtbot, Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert not personas.isAncestorOf(focus), focus
        reached.add(pane_of_focus(window))
    # Round the whole window: the canvas, the inspector's fields, the plan's.
    assert {window.canvas, tools(window).inspector_dock, window.improvements} <= reached
    for _ in range(60):
        press(qtbot, Key.Key_Tab, SHIFT)
        assert not personas.isAncestorOf(QApplication.focusWidget())


def test_the_panel_brought_to_the_front_is_reached_again(qtbot, window):
    personas = tools(window).personas_dock
    personas.raise_()  # its tab chosen
    qtbot.waitUntil(lambda: not personas.visibleRegion().isEmpty())
    panes = []
    for _ in range(3):
        press(qtbot, Key.Key_F6)
        panes.append(pane_of_focus(window))
    assert personas in panes and tools(window).inspector_dock not in panes


def choose_in_view_menu(qtbot, window, letter) -> None:
    """Alt+V, then the entry's underlined letter, as a person does."""
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menus.view)
    qtbot.keyClick(window.menus.view, letter)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_view_menu_brings_a_panel_behind_a_tab_to_the_front(qtbot, window):
    personas, inspector = tools(window).personas_dock, tools(window).inspector_dock
    toggle = personas.toggleViewAction()
    assert personas.visibleRegion().isEmpty()  # open, behind the inspector's tab
    assert not toggle.isChecked()  # the menu does not say it is in sight
    choose_in_view_menu(qtbot, window, Key.Key_E)  # View > P&ersonas
    qtbot.waitUntil(lambda: not personas.visibleRegion().isEmpty())
    assert personas.isVisible() and toggle.isChecked()
    assert inspector.visibleRegion().isEmpty() and not inspector.toggleViewAction().isChecked()
    choose_in_view_menu(qtbot, window, Key.Key_E)  # now in sight: the entry closes it
    qtbot.waitUntil(lambda: not personas.isVisible())
    assert not toggle.isChecked()
    qtbot.waitUntil(lambda: not inspector.visibleRegion().isEmpty())  # its tab in front again
    assert inspector.toggleViewAction().isChecked()


def test_alt_letter_on_an_inspector_tab_takes_the_keys_into_it(qtbot, window):
    """Alt+R from the card's title showed the Friction tab and left the keys in the title,
    selected: the next letters typed renamed the card."""
    inspector = tools(window).inspector
    title = inspector.fields.title
    title.setFocus()
    title.selectAll()
    before = window.document.touchpoint("t1").title
    qtbot.keyClick(title, Key.Key_R, Qt.KeyboardModifier.AltModifier)  # F&riction
    qtbot.waitUntil(lambda: not title.hasFocus())
    assert inspector.tabs.currentIndex() == 2
    assert inspector.tabs.currentWidget().isAncestorOf(QApplication.focusWidget())
    qtbot.keyClicks(QApplication.focusWidget(), "Zz")
    assert window.document.touchpoint("t1").title == before


def test_tab_into_a_scrolled_panel_scrolls_the_field_into_sight(qtbot, window):
    """The Friction tab scrolled to its bottom: Tab from the tab bar reached its list, out
    of sight."""
    window.resize(1280, 720)
    inspector = tools(window).inspector
    inspector.tabs.setCurrentIndex(2)  # Friction
    page = inspector.tabs.currentWidget()
    bar = page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    frictions = inspector.frictions.list
    assert frictions.visibleRegion().isEmpty()
    inspector.tabs.tabBar().setFocus()
    press(qtbot, Key.Key_Tab)
    assert QApplication.focusWidget() is frictions
    qtbot.waitUntil(lambda: not frictions.visibleRegion().isEmpty())
