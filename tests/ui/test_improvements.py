"""The Improvements dock: the ranked plan, live, sorted and filtered; the terms of a score;
what the canvas is asked to highlight; user text shown as typed."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from blueprint.ui.commands import EditFriction, EditImprovement
from blueprint.ui.document import Document
from blueprint.ui.plan.improvements_model import ImprovementColumn
from tests.ui.editing_helpers import close_window, open_window

SMS = "imp-proactive-install-sms"
BILL = "imp-first-bill-explainer"
#: The ranking of the broadband sample, as its PDF plan prints it.
RANKING = [
    "imp-proactive-install-sms",
    "imp-first-bill-explainer",
    "imp-credit-decline-alternative",
    "imp-status-page-rebuild",
    "imp-loyalty-offer-online",
    "imp-bot-line-test",
    "imp-preconfigured-router",
    "imp-two-hour-windows",
    "imp-agent-single-view",
    "imp-coverage-address-cleanup",
    "imp-complaint-callback-48h",
    "imp-repair-history-to-engineer",
]
C = ImprovementColumn


# --- helpers, shared with test_improvements_editing ------------------------------------------


@pytest.fixture
def window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


@pytest.fixture
def dock(window):
    return show_dock(window)


def show_dock(window):
    """Open the dock from the View menu, as a user does (it starts hidden)."""
    dock = window.improvements
    toggle = next(a for a in window.menus.view.actions() if a is dock.toggleViewAction())
    assert not dock.isVisible()
    toggle.trigger()
    assert dock.isVisible()
    return dock


def settle() -> None:
    """Let the live plan announce its change (it does so once the event loop runs)."""
    QApplication.processEvents()


def cell(dock, row: int, column: ImprovementColumn) -> str:
    return dock.proxy.index(row, column).data()


def column_texts(dock, column: ImprovementColumn) -> list[str]:
    return [cell(dock, row, column) for row in range(dock.proxy.rowCount())]


def row_of(dock, improvement_id: str) -> int:
    return dock.table.shown_ids().index(improvement_id)


def click_row(qtbot, dock, row: int) -> None:
    table = dock.table
    index = dock.proxy.index(row, C.TITLE)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def select(qtbot, dock, improvement_id: str) -> None:
    click_row(qtbot, dock, row_of(dock, improvement_id))
    assert dock.selected_id == improvement_id


def click_header(qtbot, dock, column: ImprovementColumn) -> None:
    header = dock.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(x, header.height() // 2),
    )


def choose_wave(qtbot, dock, label: str) -> None:
    """Step through the closed wave box with the arrow keys to the wanted entry."""
    combo = dock.wave
    combo.setFocus()
    labels = [combo.itemText(i) for i in range(combo.count())]
    target = labels.index(label)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def breakdown_lines(dock) -> list[str]:
    """Every line of the breakdown as 'term | value | how', indented by depth."""
    tree = dock.breakdown
    found: list[str] = []

    def walk(item, depth):
        found.append("  " * depth + " | ".join(item.text(c) for c in range(3)))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i), 0)
    return found


def as_number(text: str) -> float:
    return float(text.replace(",", "").replace("£", "").replace("≥", "").strip())


# --- the table -------------------------------------------------------------------------------


def test_the_dock_is_in_the_view_menu_and_its_action_in_the_plan_menu(window):
    dock = window.improvements
    assert dock.toggleViewAction() in window.menus.view.actions()
    assert dock.toggleViewAction().text() == "Im&provements"
    assert dock.new_action in window.menus.plan.actions()
    assert dock.objectName() == "improvementsDock"
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea


def test_the_table_shows_the_plans_ranking_for_the_sample(qtbot, dock):
    assert dock.table.shown_ids() == RANKING
    qtbot.waitUntil(lambda: not dock.certainty.stale, timeout=10_000)
    first = [cell(dock, 0, column) for column in C]
    assert first == [
        "1",
        "Proactive install-date SMS with a live status link",
        "Now",
        "£ 179,402",
        "1 → 5 (+4)",
        "100%",
        "#1",
        "12,536",
        "25,073",
        "2",
        "quick win",
    ]
    assert column_texts(dock, C.RANK) == [str(rank) for rank in range(1, 13)]
    assert column_texts(dock, C.WAVE).count("Now") == 3
    assert "12 improvements for every customer" in dock.summary.text()


def test_sort_by_a_column_sorts_the_numbers_as_numbers(qtbot, dock):
    click_header(qtbot, dock, C.IMPACT)
    impacts = [as_number(text) for text in column_texts(dock, C.IMPACT)]
    assert impacts in (sorted(impacts), sorted(impacts, reverse=True))
    assert impacts != sorted(impacts, key=str)  # "11,878" would sort before "2,911" as text
    click_header(qtbot, dock, C.IMPACT)
    assert [as_number(text) for text in column_texts(dock, C.IMPACT)] == impacts[::-1]
    click_header(qtbot, dock, C.COST)
    costs = [as_number(text) for text in column_texts(dock, C.COST)]
    assert costs in (sorted(costs), sorted(costs, reverse=True))
    click_header(qtbot, dock, C.RANK)
    ranks = [int(text) for text in column_texts(dock, C.RANK)]
    assert ranks in (list(range(1, 13)), list(range(12, 0, -1)))


def test_filter_by_wave(qtbot, dock):
    choose_wave(qtbot, dock, "Now")
    assert column_texts(dock, C.WAVE) == ["Now"] * 3
    assert dock.table.shown_ids() == RANKING[:3]
    choose_wave(qtbot, dock, "Reconsider")
    assert set(column_texts(dock, C.WAVE)) == {"Reconsider"}
    assert len(column_texts(dock, C.WAVE)) == 4
    choose_wave(qtbot, dock, "All waves")
    assert dock.table.shown_ids() == RANKING


def test_a_wave_with_no_improvement_says_so_instead_of_a_blank_table(qtbot, broadband):
    bp = broadband.model_copy(
        update={
            "improvements": [i.model_copy(update={"effort": 8}) for i in broadband.improvements]
        }
    )
    window = open_window(qtbot, Document(bp))
    try:
        dock = show_dock(window)
        assert not dock.empty_wave.isVisible()
        choose_wave(qtbot, dock, "Now")
        assert dock.table.shown_ids() == []
        assert dock.empty_wave.isVisible()
        assert dock.empty_wave.text() == (
            "No improvement is in the Now wave (quick wins: high impact, low effort). "
            "Choose All waves to see them all."
        )
        choose_wave(qtbot, dock, "All waves")
        assert not dock.empty_wave.isVisible()
    finally:
        close_window(window)


def test_a_friction_severity_edited_elsewhere_changes_the_dock(qtbot, window, dock):
    select(qtbot, dock, BILL)
    row = row_of(dock, BILL)
    assert cell(dock, row, C.IMPACT) == "7,350"
    document = window.document
    # The canvas side of the editor edits friction points by this command.
    document.push(EditFriction(document, "fr-prorata-bill", "severity", 4))  # was 2
    settle()
    row = row_of(dock, BILL)
    assert cell(dock, row, C.IMPACT) == "14,700"
    assert cell(dock, row, C.PRIORITY) == "14,700"
    assert dock.table.shown_ids()[0] == BILL  # now ranked first
    assert cell(dock, 0, C.RANK) == "1"
    assert dock.selected_id == BILL  # still selected, by id
    assert dock.table.selected_id() == BILL
    lines = [line.strip() for line in breakdown_lines(dock)]
    assert "Impact I | 14,700 | confidence × Σ F = 1 × 14,700" in lines


def test_a_hidden_dock_catches_up_when_shown(qtbot, window):
    document = window.document
    document.push(EditImprovement(document, BILL, "effort", 8))
    settle()
    dock = show_dock(window)
    row = row_of(dock, BILL)
    assert cell(dock, row, C.EFFORT) == "8"
    assert cell(dock, row, C.PRIORITY) == "919"  # 7,350 / 8


def test_the_selection_stays_while_the_plan_is_filtered_and_recomputed(qtbot, window, dock):
    choose_wave(qtbot, dock, "Now")
    select(qtbot, dock, SMS)
    document = window.document
    document.push(EditImprovement(document, SMS, "effort", 8))  # a money pit? a big bet now
    settle()
    assert SMS not in dock.table.shown_ids()  # out of the Now wave
    assert dock.selected_id == SMS  # the form still shows it
    assert dock.form.title.text() == "Proactive install-date SMS with a live status link"
    choose_wave(qtbot, dock, "All waves")
    assert dock.table.selected_id() == SMS


def test_select_an_improvement_by_id_from_another_view(qtbot, window):
    dock = window.improvements
    assert dock.select_improvement("imp-two-hour-windows")
    assert dock.isVisible()
    assert dock.table.selected_id() == "imp-two-hour-windows"
    choose_wave(qtbot, dock, "Now")
    assert dock.select_improvement("imp-repair-history-to-engineer")  # in Reconsider
    assert dock.wave.currentText() == "All waves"
    assert dock.table.selected_id() == "imp-repair-history-to-engineer"
    assert not dock.select_improvement("no-such-improvement")


# --- the breakdown ------------------------------------------------------------------------------


def test_the_breakdown_shows_every_term_for_the_selected_improvement(qtbot, dock):
    nothing = "Select an improvement to see how its score is computed. |  | "
    assert breakdown_lines(dock) == [nothing]
    select(qtbot, dock, SMS)
    lines = breakdown_lines(dock)
    assert lines[0] == "Priority P | 12,536 | I / effort = 25,073 / 2"
    assert lines[1] == "  Impact I | 25,073 | confidence × Σ F = 1 × 25,073"
    frictions = [line.strip() for line in lines if line.strip().startswith("F: ")]
    assert [f.split(" | ")[0] for f in frictions] == [
        "F: Order email has no install date",
        "F: Order status form times out",
        "F: Install slot moved without telling the customer",
        "F: No installation option in the phone menu",
    ]
    assert frictions[1] == (
        "F: Order status form times out | 12,642 | r × severity × w × (1 + d) = "
        "860 × 3 × 1.23 × (1 + 3)"
    )
    start = lines.index("    " + frictions[1])
    terms = [line.strip() for line in lines[start + 1 : start + 7]]
    assert terms == [
        "Reach r | 860 | a month: count × period factor = 860 a month × 1 (measured)",
        "Severity | 3 | serious",
        "Segment weight w | 1.23 | value weights of all 3 personas, by share",
        "Origin step o | 4 | step of Website / account",
        "Landing step l | 1 | pushed into Live chat with an agent",
        "Drop d | 3 | max(0, o − l) = max(0, 4 − 1)",
    ]
    text = "\n".join(lines)
    assert "Quadrant | quick win | wave Now" in text
    assert "Impact | high | I ≥ median I: 25,073 ≥ 5,305" in text
    assert "Effort | low | effort ≤ 2: 2 ≤ 2" in text
    assert "Avoidable cost a year | £ 179,402 | Σ r × 12 × cost per contact × share" in text
    assert "Lift | +4 | target step − current step = 5 − 1" in text


def test_the_breakdown_shows_good_friction_as_not_counted(qtbot, window, dock):
    document = window.document
    from blueprint.ui.commands import SetImprovementFrictions

    linked = ["fr-prorata-bill", "fr-drill-route-confirm"]
    document.push(SetImprovementFrictions(document, BILL, linked))
    settle()
    select(qtbot, dock, BILL)
    text = "\n".join(breakdown_lines(dock))
    assert "Good friction: Engineer confirms the drilling route | 0 | deliberate" in text
    assert "Impact I | 7,350 |" in text  # unchanged: good friction never counts


# --- the canvas highlight -----------------------------------------------------------------------


def test_highlight_requested_carries_the_selected_improvements_ids(qtbot, window, dock):
    with qtbot.waitSignal(dock.highlightRequested) as blocker:
        select(qtbot, dock, "imp-status-page-rebuild")
    assert blocker.args == [
        ["tp-web-status-form", "tp-status-chat"],
        ["fr-status-form-timeout", "fr-chat-cannot-see-order"],
    ]
    document = window.document
    with qtbot.waitSignal(dock.highlightRequested) as blocker:
        document.push(EditImprovement(document, "imp-status-page-rebuild", "effort", 1))
        settle()  # the plan is recomputed: the highlight is asked for again
    assert blocker.args[1] == ["fr-status-form-timeout", "fr-chat-cannot-see-order"]
    with qtbot.waitSignal(dock.highlightRequested) as blocker:
        dock.table.clearSelection()
    assert blocker.args == [[], []]
    with qtbot.waitSignal(dock.highlightRequested) as blocker:
        select(qtbot, dock, BILL)
    assert blocker.args == [["tp-first-bill"], ["fr-prorata-bill"]]
    with qtbot.waitSignal(dock.highlightRequested) as blocker:
        dock.toggleViewAction().trigger()  # hidden: nothing to highlight
    assert blocker.args == [[], []]


# --- user text -----------------------------------------------------------------------------------


def test_markup_in_titles_is_shown_as_typed(qtbot, window, dock):
    hostile = "<b>Bold</b> <script>alert(1)</script> &amp;"
    document = window.document
    document.push(EditImprovement(document, BILL, "title", hostile))
    document.push(EditFriction(document, "fr-prorata-bill", "title", "<i>Bill</i>"))
    settle()
    select(qtbot, dock, BILL)
    row = row_of(dock, BILL)
    assert cell(dock, row, C.TITLE) == hostile
    tip = dock.proxy.index(row, C.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tip and "<b>" not in tip
    assert dock.form.title.text() == hostile
    assert dock.form.frictions.list.item(0).text().startswith("◆2 <i>Bill</i>")
    assert "F: <i>Bill</i> | 7,350 |" in "\n".join(breakdown_lines(dock))
    assert dock.summary.textFormat() == Qt.TextFormat.PlainText


def test_an_improvement_done_already_is_marked_in_the_table_and_the_saving(window, dock):
    """It showed as any other (rank, Now, its saving), as the PDF marks it."""
    from blueprint.model import Status

    document = window.document
    document.push(EditImprovement(document, BILL, "status", Status.DONE))
    settle()
    row = row_of(dock, BILL)
    assert cell(dock, row, C.TITLE).startswith("Done: ")  # first: a narrow column cuts the end
    assert dock.summary.text().endswith(" of it with the 2 done already")  # 1 already


def test_selecting_an_improvement_lights_up_its_cards_on_the_canvas(qtbot, broadband):
    from blueprint.ui.canvas import palette
    from blueprint.ui.document import Document
    from tests.ui.window_helpers import close_quietly, shown_window

    window = shown_window(qtbot, Document(broadband))
    scene = window.canvas.blueprint_scene

    def lit() -> set[str]:
        return {
            i for i, card in scene.cards().items() if card.emphasis.outline == palette.HIGHLIGHT
        }

    try:
        improvement = next(i for i in broadband.improvements if i.friction_ids)
        owners = {f.touchpoint_id for f in broadband.frictions if f.id in improvement.friction_ids}
        assert lit() == set()
        window.improvements.select_improvement(improvement.id)
        qtbot.waitUntil(lambda: lit() == owners)
        assert window.overlays.highlighted.friction_ids == frozenset(improvement.friction_ids)
    finally:
        close_quietly(window)


def test_the_totals_name_the_channels_without_a_cost_per_contact(dock):
    text = dock.summary.text()
    assert "they would avoid at least £" in text
    assert "(set a cost per contact for Social media to count theirs too); £ " in text
    assert text.endswith(" of it with the one done already")  # the sample has one done


def test_on_a_projector_screen_the_form_shows_every_effort_button_whole(qtbot, window):
    """At 1280x720 the form was squeezed below its fields' width and cut: half of the
    Effort '8' button, the title and the action clipped, with no way to scroll to them."""
    window.resize(1280, 720)
    dock = show_dock(window)
    qtbot.waitUntil(lambda: dock.table.model().rowCount() > 0)
    qtbot.mouseClick(
        dock.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dock.table.visualRect(dock.table.model().index(0, 1)).center(),
    )
    qtbot.waitUntil(lambda: dock.form.effort.isEnabled())
    buttons = dock.form.effort.findChildren(QToolButton)
    assert [b.text() for b in buttons][-1] == "8"
    for button in buttons:
        assert button.visibleRegion().boundingRect() == button.rect(), button.text()


def test_the_keys_reaching_the_table_choose_its_first_row(qtbot, window, dock):
    """Tabbed into, the table showed only a faint box round one cell: no row was chosen."""
    table = dock.table
    assert table.current_row() < 0
    dock.wave.setFocus()  # the field before the table
    for _ in range(10):
        if table.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert table.hasFocus()
    assert table.current_row() == 0 and dock.selected_id == table.shown_ids()[0]


def test_on_a_projector_the_panel_leaves_the_canvas_room(qtbot, window):
    """At 1280x720 the Improvements panel took more than half of the window as it opened,
    and the canvas kept one row of cards."""
    from blueprint.ui.plan.docks import MOST_OF_THE_HEIGHT

    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.height() <= 720)
    dock = show_dock(window)
    qtbot.waitUntil(lambda: dock.height() > 0)
    qtbot.wait(50)  # the window lays the panel out
    assert dock.height() <= window.height() * MOST_OF_THE_HEIGHT + 2
    assert window.canvas.height() >= window.height() * 0.3


def test_down_in_a_one_line_field_leaves_the_form_where_it_is(qtbot, window, dock):
    """Down in the improvement's Title scrolled the form, the field half out of sight."""
    from PySide6.QtWidgets import QScrollArea

    window.resize(1280, 720)
    select(qtbot, dock, BILL)
    area = next(a for a in dock.findChildren(QScrollArea) if a.isAncestorOf(dock.form.title))
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the form is taller than its window
    dock.form.title.setFocus()
    qtbot.waitUntil(dock.form.title.hasFocus)
    before = bar.value()
    for _ in range(3):
        qtbot.keyClick(dock.form.title, Qt.Key.Key_Down)
    assert bar.value() == before


def _rows_in_sight(tree) -> int:
    """How many of the tree's rows are wholly in its viewport."""
    view, index, rows = tree.viewport().rect(), tree.indexAt(QPoint(1, 1)), 0
    while index.isValid() and view.contains(tree.visualRect(index)):
        rows, index = rows + 1, tree.indexBelow(index)
    return rows


def test_on_a_projector_the_score_and_measure_first_each_show_several_rows(qtbot, window):
    """At 1280x720 the score's breakdown and the Measure first list shared one column and
    each showed two rows: the score's terms and the friction points to measure took
    scrolling row by row. They are two tabs, each with the column's height."""
    from blueprint.ui.plan.improvements_dock import MEASURE_FIRST_TAB

    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.height() <= 720)
    dock = show_dock(window)
    select(qtbot, dock, BILL)
    qtbot.waitUntil(lambda: dock.breakdown.topLevelItemCount() > 0)
    qtbot.wait(50)
    assert _rows_in_sight(dock.breakdown) >= 4
    tabs = dock.explained.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(MEASURE_FIRST_TAB).center())
    qtbot.waitUntil(lambda: dock.measure_first.isVisible())
    qtbot.waitUntil(lambda: dock.measure_first.topLevelItemCount() >= 4, timeout=20_000)
    assert _rows_in_sight(dock.measure_first) >= 4


def test_in_a_narrow_pane_the_deepest_terms_keep_their_words_whole(qtbot):
    """At 1280x720 the breakdown's term column read "Re… r", "Ori… ste…": a third of the
    pane, less four levels of indentation, left no room for a word."""
    from blueprint.analysis import build_plan
    from blueprint.storage import load_blueprint
    from blueprint.ui.plan.improvements_breakdown import ScoreBreakdown, score_terms

    bp = load_blueprint("samples/airline-delayed-bag.blueprint")
    plan = build_plan(bp)
    tree = ScoreBreakdown()
    qtbot.addWidget(tree)
    tree.resize(285, 500)
    tree.show()
    qtbot.waitExposed(tree)
    deep = max(plan.improvements, key=lambda s: len(s.frictions))
    tree.show_terms(score_terms(deep, plan, bp))
    metrics = tree.fontMetrics()
    cut = []
    for item, depth in _items(tree):
        rect = tree.visualItemRect(item)
        room = tree.visualRect(tree.indexFromItem(item, 0)).width()
        longest = max(item.text(0).split(), key=metrics.horizontalAdvance, default="")
        if metrics.horizontalAdvance(longest) > room - 8 and rect.height():
            cut.append((depth, longest))
    assert cut == []
    # The formulas keep the rest of the pane.
    assert tree.columnWidth(0) <= tree.viewport().width() // 2


def _items(tree):
    def walk(item, depth):
        yield item, depth
        for i in range(item.childCount()):
            yield from walk(item.child(i), depth + 1)

    for i in range(tree.topLevelItemCount()):
        yield from walk(tree.topLevelItem(i), 0)


def test_a_long_word_typed_in_a_title_does_not_widen_the_term_column(qtbot):
    """One long word of a friction point's title took half the pane, and was cut still."""
    from blueprint.analysis import build_plan
    from blueprint.storage import load_blueprint
    from blueprint.ui.plan.improvements_breakdown import ScoreBreakdown, score_terms

    bp = load_blueprint("samples/airline-delayed-bag.blueprint")
    plan = build_plan(bp)
    deep = max(plan.improvements, key=lambda s: len(s.frictions))
    tree = ScoreBreakdown()
    qtbot.addWidget(tree)
    tree.resize(450, 500)
    tree.show()
    qtbot.waitExposed(tree)
    tree.show_terms(score_terms(deep, plan, bp))
    usual = tree.columnWidth(0)
    long_title = "Gepäckermittlungsantragsformularunterschrift fehlt"
    for friction in bp.frictions:
        if friction.id in {f.friction_id for f in deep.frictions}:
            friction.title = long_title
    plan = build_plan(bp)
    deep = next(s for s in plan.improvements if s.improvement_id == deep.improvement_id)
    tree.show_terms(score_terms(deep, plan, bp))
    assert tree.columnWidth(0) == usual
