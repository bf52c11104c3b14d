"""The plan's tools together in one window, as a facilitator, a designer and a manager use
them: keys that do one thing, the grid brought into sight when an action needs it, the View
menu in groups, a fresh start on another file, and closing while a PDF is being made."""

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from blueprint.model import FrictionNature, Improvement
from blueprint.model.states import current_state
from blueprint.ui.commands import AddImprovement, EditTouchpoint
from blueprint.ui.document import Document
from blueprint.ui.overlays.filters import NO_FILTER
from blueprint.ui.plan import export_job
from blueprint.ui.plan.export_action import PlanExport
from blueprint.ui.plan.improvements_model import ImprovementColumn
from blueprint.ui.plan.improvements_table import TITLE_WIDTH
from blueprint.ui.plan.staircase_panel import NOTE_NAMES
from blueprint.ui.workshop.mode import ENTERED
from tests.ui.conftest import ROOT
from tests.ui.editing_helpers import CTRL, click_card, close_window, open_window, tools
from tests.ui.test_contact_reasons import type_in_place
from tests.ui.test_overlays_filters import choose, faded
from tests.ui.test_plan_export import answer_dialog, plan_action
from tests.ui.test_search import canvas_window, search_for

GROCERY = ROOT / "samples" / "grocery-delivery.blueprint"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


@pytest.fixture
def small_window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def show_lanes(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.lanes.tabs.currentWidget() is window.lanes.view
    window.lanes.view.setFocus()


def grid_in_sight(window) -> bool:
    return window.lanes.tabs.currentWidget() is window.canvas and window.canvas.isVisible()


# --- one key, one action ---------------------------------------------------------------------


@pytest.fixture
def delete_keys_with_ctrl_d(monkeypatch, qapp):
    """The Delete keys of KDE and GNOME, which include Ctrl+D (the test platform has Del only)."""
    bindings = QKeySequence.keyBindings

    def linux_bindings(key):
        keys = list(bindings(key))
        if key == QKeySequence.StandardKey.Delete:
            keys.append(QKeySequence("Ctrl+D"))
        return keys

    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(linux_bindings))


def test_ctrl_d_duplicates_even_where_the_desktop_binds_it_to_delete(
    qtbot, delete_keys_with_ctrl_d, small
):
    window = open_window(qtbot, small)
    try:
        assert [k.toString() for k in window.delete_action.shortcuts()] == ["Del"]
        seen: dict[str, str] = {}
        for action in window.findChildren(QAction):
            for key in action.shortcuts():
                other = seen.setdefault(key.toString(), action.text())
                assert other == action.text(), f"{key.toString()}: {other} and {action.text()}"
        click_card(window, "t1")
        count = len(window.document.blueprint.touchpoints)
        qtbot.keyClick(window.canvas, Qt.Key.Key_D, CTRL)
        assert len(window.document.blueprint.touchpoints) == count + 1
        assert window.undo_action.text().startswith("&Undo Duplicate")
    finally:
        close_window(window)


# --- the grid in sight when an action needs it -----------------------------------------------


def test_going_to_a_search_result_from_the_lanes_shows_it_on_the_grid(qtbot, document):
    window = canvas_window(qtbot, document)
    try:
        show_lanes(qtbot, window)
        search_for(qtbot, window, "router")
        field = window.overlays.find_bar.field
        results = window.overlays.search.results()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert grid_in_sight(window)
        assert window.canvas.blueprint_scene.selected_touchpoint_ids() == [results[0]]
        # The keys stay in the find field: Enter goes on to the next result.
        assert field.hasFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert window.overlays.find_bar.count.text() == f"2 of {len(results)}"
        assert window.canvas.blueprint_scene.selected_touchpoint_ids() == [results[1]]
    finally:
        close_window(window)


def test_nothing_found_leaves_the_lanes_in_sight(qtbot, small_window):
    show_lanes(qtbot, small_window)
    search_for(qtbot, small_window, "no such words anywhere")
    qtbot.keyClick(small_window.overlays.find_bar.field, Qt.Key.Key_Return)
    assert small_window.lanes.tabs.currentWidget() is small_window.lanes.view


def test_adding_a_touchpoint_from_the_lanes_names_it_on_the_grid_in_sight(qtbot, small_window):
    click_card(small_window, "t2")
    show_lanes(qtbot, small_window)
    qtbot.keyClick(small_window.lanes.view, Qt.Key.Key_Return, CTRL)
    assert grid_in_sight(small_window)
    editor = tools(small_window).rename.editor
    assert editor.isVisible() and editor.hasFocus()
    qtbot.keyClicks(editor, "Agent calls back")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    cell = small_window.document.cell_touchpoints("s2", "phone")
    assert [t.title for t in cell][-1] == "Agent calls back"


def test_rename_from_the_edit_menu_on_the_lanes_renames_on_the_grid_in_sight(qtbot, small_window):
    click_card(small_window, "t1")
    show_lanes(qtbot, small_window)
    tools(small_window).actions.rename_action.trigger()
    assert grid_in_sight(small_window)
    editor = tools(small_window).rename.editor
    assert editor.isVisible() and editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


# --- the menus -------------------------------------------------------------------------------


def test_the_view_menu_lists_the_panels_together_then_the_overlays_then_workshop_mode(window):
    entries = [
        "---" if a.isSeparator() else a.text().replace("&", "") for a in window.menus.view.actions()
    ]
    panels = ["Inspector", "Personas", "Improvements", "Staircase", "Contact Reasons", "Comments"]
    start = entries.index("Inspector")
    moves = ["Next Pane", "Previous Pane"]  # F6, Shift+F6: from panel to panel
    assert entries[start - 1 : start + len(panels) + 3] == ["---", *panels, *moves, "---"]
    assert entries[-3:] == ["Overlays", "---", "Workshop Mode"]
    # Each mnemonic letter once: Alt+V then the letter goes straight to its entry.
    letters = []
    for action in window.menus.view.actions():
        text = action.text()
        if "&" in text:
            letters.append(text[text.index("&") + 1].lower())
        else:  # Inspector and Personas had none: Alt+V, then Down six times
            assert action.isSeparator(), text
    assert len(letters) == len(set(letters)), letters


def test_the_submenus_have_a_status_hint_and_a_tooltip_too(window):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.menu() is not None:
                assert action.statusTip(), action.text()
                assert action.toolTip() != action.text().replace("&", ""), action.text()


def test_a_name_with_an_ampersand_reads_as_typed_in_undo_and_redo(qtbot, small_window):
    small_window.contact_reasons.dock.toggleViewAction().trigger()
    panel = small_window.contact_reasons.panel
    qtbot.waitUntil(panel.isVisible)
    qtbot.mouseClick(panel.add_primary_button, LEFT)
    type_in_place(qtbot, panel, "Prices & offers")
    # '&&' in an action's text shows one '&'; a single '&' would vanish as a mnemonic.
    undo, redo = small_window.menus.undo, small_window.menus.redo
    assert undo.text() == "&Undo Rename contact reason 'New reason' to 'Prices && offers'"
    undo.trigger()
    assert redo.text() == "&Redo Rename contact reason 'New reason' to 'Prices && offers'"
    assert undo.text() == "&Undo Add contact reason 'New reason'"
    undo.trigger()
    assert undo.text() == "&Undo"


# --- another file ----------------------------------------------------------------------------


def test_opening_another_file_shows_all_of_it(qtbot, window):
    choose(qtbot, window.overlays.bar.kind, "Hesitation")
    choose(qtbot, window.overlays.bar.persona, window.document.blueprint.personas[0].name)
    assert faded(window)
    assert window.open_path(GROCERY)
    assert window.overlays.friction_filter == NO_FILTER
    assert window.overlays.bar.kind.currentText() == "All kinds"
    assert window.overlays.bar.persona.currentText() == "All customers"
    assert window.live_plan.persona_id is None
    assert faded(window) == set()


# --- the staircase of a large plan -----------------------------------------------------------


def test_the_staircase_names_a_few_lifts_it_cannot_draw_and_counts_the_others(qtbot, window):
    document = window.document
    today = current_state(document.blueprint).frictions  # the plan ranks today's journey
    bad = [f for f in today if f.nature == FrictionNature.BAD]
    for number in range(30):
        idea = Improvement(title=f"Idea {number}", friction_ids=[bad[number % len(bad)].id])
        document.push(AddImprovement(document, idea))
    panel = window.staircase.show()
    qtbot.waitUntil(lambda: panel.isVisible() and not panel.is_stale)
    note = panel.not_drawn.text()
    assert note.startswith("Not drawn (only 16 lifts fit the drawing): ")
    liftable = len(window.live_plan.plan.improvements)  # each has a bad friction point
    assert note.count("#") == NOTE_NAMES
    assert f"and {liftable - 16 - NOTE_NAMES} more, listed in the Improvements panel" in note


# --- the improvements table ------------------------------------------------------------------


def test_a_narrow_improvements_table_keeps_titles_and_whole_numbers(qtbot, window):
    window.improvements.toggleViewAction().trigger()
    table = window.improvements.table
    qtbot.waitUntil(lambda: table.isVisible() and table.model().rowCount() > 0)
    window.resize(900, 700)
    qtbot.waitUntil(lambda: table.viewport().width() < 500)
    header = table.horizontalHeader()
    assert header.sectionSize(ImprovementColumn.TITLE) >= TITLE_WIDTH
    source, advance = table.source(), table.fontMetrics().horizontalAdvance
    for column in ImprovementColumn:
        if column != ImprovementColumn.TITLE:
            widest = max(advance(text) for text in source.texts(column))
            assert header.sectionSize(column) > widest, column.name


# --- closing -----------------------------------------------------------------------------------


@pytest.fixture
def held_export(monkeypatch):
    """An export that waits before building the plan until the gate opens: the test acts
    while it surely runs. No PDF viewer opens."""
    gate = threading.Event()
    build_plan = export_job.build_plan

    def held(*args, **kwargs):
        assert gate.wait(10), "the test never opened the gate"
        return build_plan(*args, **kwargs)

    monkeypatch.setattr(export_job, "build_plan", held)
    monkeypatch.setattr(PlanExport, "open_document", lambda self, path: True)
    yield gate
    gate.set()  # never leave a thread waiting


def test_closing_during_an_export_asks_and_keeping_it_keeps_the_window(
    qtbot, broadband, tmp_path, monkeypatch, held_export
):
    window = open_window(qtbot, Document(broadband, tmp_path / "broadband.blueprint"))
    try:
        touchpoint = window.document.blueprint.touchpoints[0]
        window.document.push(EditTouchpoint(window.document, touchpoint.id, "title", "Edited"))
        answer_dialog(monkeypatch, qtbot)
        plan_action(window).trigger()
        assert window.plan_export.running
        asked = []
        monkeypatch.setattr(
            window,
            "ask_unsaved",
            lambda: asked.append("unsaved") or QMessageBox.StandardButton.Discard,
        )
        monkeypatch.setattr(window.plan_export, "ask_stop", lambda: asked.append("stop") or False)
        assert not window.close()
        assert asked == ["unsaved", "stop"]
        assert window.isVisible() and window.plan_export.running
        with qtbot.waitSignal(window.plan_export.exportFinished, timeout=60_000):
            held_export.set()
        assert (tmp_path / "broadband-plan.pdf").exists()
        assert window.document.is_modified()  # nothing was dropped: the window stayed
    finally:
        close_window(window)


def test_a_close_the_user_cancels_keeps_workshop_mode(qtbot, window, monkeypatch):
    qtbot.keyClick(window.canvas, Qt.Key.Key_F11)
    assert window.workshop.active and window.statusBar().currentMessage() == ENTERED
    line = window.workshop.bar.line
    qtbot.keyClicks(line, "Hears about fibre")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    monkeypatch.setattr(window, "ask_unsaved", lambda: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.workshop.active and window.workshop.toolbar.isVisible()
