"""How sure the plan is, in the Improvements dock: P(top 3) and the rank range, drawn off
the UI thread, stale until the new worlds land after an edit, and explained."""

from PySide6.QtCore import Qt

from blueprint.analysis import build_plan, plan_certainty
from blueprint.report import formatting as fmt
from blueprint.ui.plan.improvements_dock import MEASURE_FIRST_TAB
from blueprint.ui.plan.improvements_model import UPDATING
from tests.ui.editing_helpers import click_card, close_window, open_window, tools
from tests.ui.test_improvements import C, breakdown_lines, cell, row_of, select, settle, show_dock

CREDIT = "imp-credit-decline-alternative"
BOT = "imp-bot-line-test"
WIFI = "Wifi speed far below the package speed"


def header(dock, column) -> str:
    return dock.model.headerData(column, Qt.Orientation.Horizontal)


def landed(qtbot, dock) -> None:
    qtbot.waitUntil(lambda: not dock.certainty.stale, timeout=20_000)


def show_measure_first(qtbot, window):
    """The Improvements dock opened, its plausible cases drawn, and its Measure first tab
    clicked, as a user does; the dock."""
    dock = show_dock(window)
    landed(qtbot, dock)
    tabs = dock.explained.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(MEASURE_FIRST_TAB).center())
    qtbot.waitUntil(dock.measure_first.isVisible)
    return dock


def expected(window):
    bp = window.document.blueprint
    return plan_certainty(bp, build_plan(bp))


def test_p_top_3_and_the_rank_range_follow_lift_and_are_explained(qtbot, document):
    window = open_window(qtbot, document)
    try:
        dock = show_dock(window)
        landed(qtbot, dock)
        assert header(dock, C.SURE) == "P(top 3)"
        assert [header(dock, c) for c in C][4:7] == ["Lift", "P(top 3)", "Rank\nrange"]
        sure = expected(window).of(CREDIT)
        assert 0.3 < sure.p_top_k < 0.7  # #3 in the plan, but often not in plausible worlds
        row = row_of(dock, CREDIT)
        assert cell(dock, row, C.SURE) == f"{fmt.percent(sure.p_top_k)}"
        assert cell(dock, row, C.RANK_RANGE) == "#3–5"
        select(qtbot, dock, CREDIT)
        lines = [line.strip() for line in breakdown_lines(dock)]
        assert any(line.startswith(f"P(top 3) | {fmt.percent(sure.p_top_k)} | ") for line in lines)
        assert any(line.startswith("Rank range | #3–5 | ") for line in lines)
    finally:
        close_window(window)


def test_marking_a_decisive_estimate_measured_updates_the_dock_stale_first(qtbot, document):
    window = open_window(qtbot, document)
    try:
        dock = show_dock(window)
        landed(qtbot, dock)
        before = cell(dock, row_of(dock, BOT), C.SURE)
        assert before != "0%"
        # Every time the dock hears of the worlds, note what its header says.
        headers = []
        dock.certainty.changed.connect(lambda: headers.append(header(dock, C.SURE)))
        # Mark the decisive friction point measured in the inspector, by keyboard.
        click_card(window, "tp-activation-check")
        inspector = tools(window).inspector
        inspector.tabs.setCurrentIndex(2)
        panel = inspector.frictions
        row = next(i for i in range(panel.list.count()) if WIFI in panel.list.item(i).text())
        item = panel.list.item(row)
        qtbot.mouseClick(
            panel.list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.list.visualItemRect(item).center(),
        )
        source = panel.editor.source
        source.setFocus()
        qtbot.keyClick(source, Qt.Key.Key_Home)  # unknown -> measured
        assert window.document.entity("frictions", "fr-speed-below-promise").frequency.source == (
            "measured"
        )
        settle()
        landed(qtbot, dock)
        # First the old numbers, marked as being redrawn; then the new ones.
        assert headers[0] == f"P(top 3)\n{UPDATING}"
        assert headers[-1] == "P(top 3)"
        now = expected(window)
        assert cell(dock, row_of(dock, BOT), C.SURE) == f"{fmt.percent(now.of(BOT).p_top_k)}"
        assert cell(dock, row_of(dock, BOT), C.SURE) != before
        assert WIFI not in [m.title for m in now.measure_first]
    finally:
        close_window(window)


def test_a_new_edit_cancels_the_run_in_progress(qtbot, document, monkeypatch):
    import time

    from blueprint.ui.plan import live_certainty

    # The first run after the edit takes as long as it is let: until it is cancelled.
    real, calls = live_certainty.certainty_of, []

    def slow_first(plan, frequencies, cancelled=None, **options):
        calls.append(plan)
        if len(calls) == 1:
            deadline = time.monotonic() + 20
            while not cancelled() and time.monotonic() < deadline:
                time.sleep(0.005)
        return real(plan, frequencies, cancelled=cancelled, **options)

    window = open_window(qtbot, document)
    try:
        dock = show_dock(window)
        live = dock.certainty
        landed(qtbot, dock)
        monkeypatch.setattr(live_certainty, "certainty_of", slow_first)
        results = []
        live.changed.connect(lambda: results.append(None if live.stale else live.plan))
        select(qtbot, dock, CREDIT)
        form = dock.form
        qtbot.mouseClick(form.effort.button(8), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(calls) == 1)
        first_run = live.runs_in_progress
        assert len(first_run) == 1
        qtbot.mouseClick(form.effort.button(1), Qt.MouseButton.LeftButton)
        settle()
        assert first_run[0] not in live.runs_in_progress  # the edit stopped the stale run
        landed(qtbot, dock)
        # Only the worlds of the plan as it is now ever landed, and the dock shows them.
        landed_plans = [r for r in results if r is not None]
        assert landed_plans == [window.live_plan.plan], len(landed_plans)
        assert cell(dock, row_of(dock, CREDIT), C.SURE) == (
            f"{fmt.percent(expected(window).of(CREDIT).p_top_k)}"
        )
    finally:
        close_window(window)


def test_the_measure_first_list_names_the_decisive_estimates_first(qtbot, document):
    window = open_window(qtbot, document)
    try:
        dock = show_dock(window)
        landed(qtbot, dock)
        shown = dock.measure_first
        rows = [
            [shown.topLevelItem(i).text(c) for c in range(4)]
            for i in range(shown.topLevelItemCount())
        ]
        now = expected(window)
        assert [r[1] for r in rows] == [m.title for m in now.measure_first]
        assert rows[0][1:3] == [WIFI, "◆ yes"]
        assert [r[2] for r in rows].count("◆ yes") == len(now.decisive)
        assert dock.stability.text() == (
            f"In {fmt.percent(now.stability)} of plausible cases the same three improvements "
            f"lead; measuring ‘{WIFI}’ and the two other decisive friction points would "
            "do the most to settle it."
        )
        assert len(now.decisive) == 3
        assert dock.explained.tabText(MEASURE_FIRST_TAB) == "Measure first"
    finally:
        close_window(window)


def test_clicking_a_friction_to_measure_first_shows_it_on_its_card(qtbot, document):
    window = open_window(qtbot, document)
    try:
        dock = show_measure_first(qtbot, window)
        shown = dock.measure_first
        first = expected(window).measure_first[0]
        item = shown.topLevelItem(0)
        assert item.text(1) == first.title
        # The part of the row in sight: in a narrow window the list scrolls sideways.
        spot = shown.visualItemRect(item).intersected(shown.viewport().rect()).center()
        qtbot.mouseClick(shown.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        friction = window.document.entity("frictions", first.friction_id)
        scene = window.canvas.blueprint_scene
        assert scene.selected_touchpoint_ids() == [friction.touchpoint_id]
        inspector = tools(window).inspector
        assert inspector.picked_friction_id() == first.friction_id
        assert inspector.frictions.editor.title.text() == first.title
    finally:
        close_window(window)


def test_with_every_improvement_removed_it_does_not_call_the_frequencies_measured(qtbot, document):
    """Undone or removed down to none, the caption said 'Every frequency behind the
    improvements is measured.' over a blueprint whose frequencies were all guesses."""
    window = open_window(qtbot, document)
    try:
        dock = show_dock(window)
        landed(qtbot, dock)
        while window.document.blueprint.improvements:
            select(qtbot, dock, window.document.blueprint.improvements[0].id)
            qtbot.mouseClick(dock.remove_button, Qt.MouseButton.LeftButton)
            settle()
        landed(qtbot, dock)
        qtbot.waitUntil(lambda: "No improvement addresses" in dock.stability.text())
        assert "measured" not in dock.stability.text()
    finally:
        close_window(window)
