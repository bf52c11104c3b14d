"""Measures and evidence in the inspector, driven as a person does: clicks, keys, popups.

The small blueprint with what backs it (``evidence_blueprint``): the checkout (t1) has two
measures and a quote, and its slow page's frequency follows the first measure; the long
hold (x2, on t2) has an observation with a recording that is not there; the complaint
(t3) has nothing. The whole blueprint has an estimated 'Contacts per month'.
"""

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from blueprint.storage import save_blueprint
from blueprint.ui.document import Document
from blueprint.ui.inspector.attachment import SAVE_FIRST, UNSAVED
from blueprint.ui.inspector.touchpoint_inspector import EVIDENCE_TAB, FRICTION_TAB
from tests.factories import evidence_blueprint
from tests.ui.editing_helpers import (
    click_card,
    close_window,
    open_window,
    pick_from_popup,
    pick_with_keys,
    replace_text,
    status,
    tools,
)

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def document(qapp):
    return Document(evidence_blueprint())


@pytest.fixture
def window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


def inspector(window):
    return tools(window).inspector


def open_tab(qtbot, window, index):
    """Click the inspector's tab, as a person does."""
    tabs = inspector(window).tabs
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    # A page seen for the first time is laid out when the event loop runs, as it does
    # before a person's next click.
    page = tabs.currentWidget().widget()
    qtbot.waitUntil(lambda: page.height() >= page.minimumSizeHint().height())


def rows(panel) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def click_row(qtbot, panel, row):
    item = panel.list.item(row)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), LEFT, pos=rect.center())


def backing(window):
    return inspector(window).backing


# --- what the tab shows --------------------------------------------------------------------


def test_the_evidence_tab_shows_what_backs_the_card(qtbot, window):
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    page = backing(window)
    assert rows(page.measures) == [
        "Slow page views: 20 views per week · measured",
        "NPS: 31 points · measured",
    ]
    assert rows(page.evidence) == ["“I gave up waiting for the page” · interview, 2026-09-02"]
    assert page.verdict.text().startswith(
        "Backed by measured data or evidence: Slow page views, NPS"
    )
    assert inspector(window).tabs.tabText(EVIDENCE_TAB) == "Evidence (3)"
    assert page.measures.editor.origin.text() == "analytics-export.xlsx"
    click_card(window, "t3")
    assert rows(page.measures) == [] and page.measures.empty_note.isVisible()
    assert page.verdict.text() == "Backed by nothing yet: the team is guessing here."
    assert inspector(window).tabs.tabText(EVIDENCE_TAB) == "Evidence"


# --- measures ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_on_a_focused_button_presses_it_as_space_does(qtbot, window, key):
    """Only Space pressed a focused Add measure: Enter, the key a keyboard user tries
    first, did nothing."""
    click_card(window, "t3")
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).measures
    panel.add_button.setFocus()
    qtbot.keyClick(panel.add_button, key)
    qtbot.waitUntil(lambda: window.document.undo_stack.undoText().startswith("Add measure"))


def test_a_list_the_keys_are_in_draws_a_frame_round_it(qtbot, window):
    """Tab into the Measures list showed no sign of it: buttons and fields drew a focus
    frame, the lists none."""
    from PySide6.QtGui import QPalette

    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    listing = backing(window).measures.list

    def framed() -> int:
        image = listing.grab().toImage()
        mark = listing.palette().color(QPalette.ColorRole.Highlight)
        edge = [(x, 0) for x in range(image.width())] + [(0, y) for y in range(image.height())]
        return sum(1 for x, y in edge if image.pixelColor(x, y) == mark)

    backing(window).measures.add_button.setFocus()
    qtbot.waitUntil(lambda: backing(window).measures.add_button.hasFocus())
    assert framed() == 0
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus)
    assert framed() > listing.width()


def test_add_a_measure_pick_its_name_and_type_its_value_each_field_one_step(qtbot, window):
    click_card(window, "t3")
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).measures
    stack = window.document.undo_stack
    qtbot.mouseClick(panel.add_button, LEFT)
    assert stack.undoText() == "Add measure 'New measure' to 'Complain'"
    editor = panel.editor
    assert editor.name.lineEdit().hasFocus()
    # A measure with no number yet backs nothing: not known until the team says how.
    assert rows(panel) == ["New measure: 0 · unknown"]
    assert backing(window).verdict.text() == "Backed by nothing yet: the team is guessing here."
    pick_with_keys(qtbot, editor.name, "CSAT")
    replace_text(qtbot, editor.value, "64")
    replace_text(qtbot, editor.unit, "%")
    pick_from_popup(qtbot, editor.source, "measured")
    replace_text(qtbot, editor.origin, "Qualtrics")
    assert rows(panel) == ["CSAT: 64% · measured"]
    assert backing(window).verdict.text().startswith("Backed by measured data or evidence: CSAT")
    measure = window.document.blueprint.measures[-1]
    assert (measure.touchpoint_id, measure.name, measure.value) == ("t3", "CSAT", 64)
    assert stack.count() == 6  # add, name, value, unit, source, origin: typing merged per field
    assert stack.undoText() == "Edit origin of 'CSAT'"
    for _ in range(4):
        stack.undo()
    assert rows(panel) == ["CSAT: 0 · unknown"]
    stack.undo()
    stack.undo()
    assert rows(panel) == [] and window.document.blueprint.measures[-1].id != measure.id


def test_removing_every_measure_by_keyboard_leaves_the_keys_on_add(qtbot, window):
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).measures
    click_row(qtbot, panel, 0)
    panel.remove_button.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert rows(panel) == []
    assert panel.add_button.hasFocus()  # not the toolbar's filter, unseen


def test_any_name_may_be_typed(qtbot, window):
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).measures
    click_row(qtbot, panel, 1)
    replace_text(qtbot, panel.editor.name.lineEdit(), "Repeat visits within 7 days")
    assert window.document.entity("measures", "m2").name == "Repeat visits within 7 days"
    assert window.document.undo_stack.count() == 1


def test_a_date_that_is_not_one_is_explained_beside_the_field(qtbot, window):
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).measures
    click_row(qtbot, panel, 1)  # NPS, no date
    editor = panel.editor
    replace_text(qtbot, editor.date, "31/10/2026")
    qtbot.keyClick(editor.date, Qt.Key.Key_Tab)
    assert editor.date_note.isVisible()
    assert "must be a date written YYYY-MM-DD, not '31/10/2026'" in editor.date_note.text()
    assert "YYYY-MM-DD" in status(window)
    assert window.document.entity("measures", "m2").date is None
    replace_text(qtbot, editor.date, "2026-10-31")
    assert window.document.entity("measures", "m2").date == "2026-10-31"
    assert not editor.date_note.isVisible()
    assert window.document.undo_stack.count() == 1
    assert "YYYY-MM-DD" not in status(window)  # the mended date's old error is gone too


def test_a_measures_new_value_moves_the_frequency_that_follows_it_in_the_same_step(qtbot, window):
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    editor = backing(window).measures.editor
    assert "1 friction frequency follows this measure" in editor.followers.text()
    replace_text(qtbot, editor.value, "35")
    open_tab(qtbot, window, FRICTION_TAB)
    form = inspector(window).frictions.editor
    assert form.count.text() == "35" and form.count.isReadOnly()
    assert form.follows.text() == "measured — from analytics-export.xlsx, 2026-10-31"
    stack = window.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert form.count.text() == "20"
    assert window.document.entity("measures", "m1").value == 20


def test_a_frequency_taken_from_a_measure_and_released(qtbot, window):
    click_card(window, "t2")
    open_tab(qtbot, window, FRICTION_TAB)
    form = inspector(window).frictions.editor
    assert form.measure.currentText() == "none: typed in"
    assert not form.count.isReadOnly() and form.period.isEnabled()
    whole = "Contacts per month: 1,200 per month · estimated (whole blueprint)"
    pick_from_popup(qtbot, form.measure, whole)
    frequency = window.document.entity("frictions", "x2").frequency
    assert (frequency.count, frequency.per, frequency.source, frequency.measure_id) == (
        1200,
        "month",
        "estimated",
        "m3",
    )
    assert form.count.text() == "1200" and form.count.isReadOnly()
    assert not form.period.isEnabled() and not form.source.isEnabled()
    assert form.follows.isVisible() and form.follows.text().startswith("estimated — from")
    stack = window.document.undo_stack
    assert stack.undoText() == "Take the frequency of 'Long hold' from 'Contacts per month'"
    pick_from_popup(qtbot, form.measure, "none: typed in")
    assert not form.count.isReadOnly() and not form.follows.isVisible()
    replace_text(qtbot, form.count, "900")
    assert window.document.entity("frictions", "x2").frequency.count == 900
    assert stack.count() == 3


def test_a_frequency_is_offered_counts_only_not_a_score(qtbot, window):
    """The checkout's NPS is not a count (no period): its slow page may follow the page views
    counted a week, or the blueprint's contacts a month, not the NPS."""
    click_card(window, "t1")
    open_tab(qtbot, window, FRICTION_TAB)
    form = inspector(window).frictions.editor
    offered = [form.measure.itemText(i) for i in range(form.measure.count())]
    assert offered == [
        "none: typed in",
        "Slow page views: 20 views per week · measured",
        "Contacts per month: 1,200 per month · estimated (whole blueprint)",
    ]
    # Made a count (given a period), the NPS would be offered: the rule is the period's.
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).measures
    click_row(qtbot, panel, 1)
    pick_from_popup(qtbot, panel.editor.period, "per month")
    open_tab(qtbot, window, FRICTION_TAB)
    assert form.measure.count() == 4


def test_removing_a_measure_leaves_its_frequency_to_be_typed(qtbot, window):
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).measures
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert rows(panel) == ["NPS: 31 points · measured"]
    open_tab(qtbot, window, FRICTION_TAB)
    form = inspector(window).frictions.editor
    assert form.measure.currentText() == "none: typed in"
    assert form.count.text() == "20" and not form.count.isReadOnly()
    window.document.undo_stack.undo()
    assert form.count.isReadOnly()


# --- evidence ------------------------------------------------------------------------------


def test_add_a_quote_and_an_observation_type_them_and_remove_one(qtbot, window):
    click_card(window, "t3")
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).evidence
    qtbot.mouseClick(panel.add_quote, LEFT)
    assert panel.editor.text.hasFocus()
    qtbot.keyClicks(panel.editor.text, "Nobody called me back")
    qtbot.mouseClick(panel.add_observation, LEFT)
    qtbot.keyClicks(panel.editor.text, "Complaints wait 3 weeks")
    pick_from_popup(qtbot, panel.editor.source, "call recording")
    assert rows(panel) == [
        "“Nobody called me back” · interview",
        "Seen: Complaints wait 3 weeks · call recording",
    ]
    assert backing(window).verdict.text().startswith("Backed by measured data")
    stack = window.document.undo_stack
    assert stack.count() == 5  # add, its words, add, its words, its source
    qtbot.mouseClick(panel.remove_button, LEFT)
    assert rows(panel) == ["“Nobody called me back” · interview"]
    stack.undo()
    assert len(rows(panel)) == 2


def test_evidence_about_a_friction_point_on_the_friction_tab_and_a_missing_file(qtbot, window):
    click_card(window, "t2")
    open_tab(qtbot, window, FRICTION_TAB)
    panel = inspector(window).frictions.evidence
    assert rows(panel) == ["Seen: Hold music loops every 40 s · call recording, 📎"]
    attachment = panel.editor.attachment
    assert attachment.missing.isVisible()
    assert attachment.missing.text() == f"⚠ missing: recordings/call-17.mp3{UNSAVED}"
    assert not attachment.picture.isVisible() and not attachment.open.isEnabled()
    qtbot.mouseClick(panel.add_quote, LEFT)
    qtbot.keyClicks(panel.editor.text, "I hung up after 20 minutes")
    assert window.document.blueprint.evidence[-1].about_id == "x2"


def test_a_quote_added_low_in_the_friction_tab_is_brought_into_sight(qtbot, window):
    """On a 720-line screen the new quote's text box opened below the panel's bottom edge:
    the words typed went somewhere out of sight."""
    from PySide6.QtWidgets import QScrollArea

    window.resize(1280, 560)
    click_card(window, "t2")
    open_tab(qtbot, window, FRICTION_TAB)
    panel = inspector(window).frictions.evidence
    scroll = next(w for w in _ancestors(panel.add_quote) if isinstance(w, QScrollArea))
    scroll.verticalScrollBar().setValue(0)
    qtbot.mouseClick(panel.add_quote, LEFT)
    text = panel.editor.text

    def in_sight() -> bool:  # the whole box, where the words typed appear
        top = text.mapTo(scroll.viewport(), QPoint(0, 0)).y()
        return top >= 0 and top + text.height() <= scroll.viewport().height()

    qtbot.waitUntil(in_sight)
    assert text.hasFocus()


def _ancestors(widget):
    while widget is not None:
        yield widget
        widget = widget.parentWidget()


def test_an_attached_image_shows_as_a_thumbnail_and_as_missing_when_gone(
    qtbot, qapp, tmp_path, monkeypatch
):
    path = tmp_path / "shop" / "small.blueprint"
    path.parent.mkdir()
    save_blueprint(evidence_blueprint(), path)
    picture = tmp_path / "shop" / "photos" / "queue.png"
    picture.parent.mkdir()
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    assert image.save(str(picture))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    window = open_window(qtbot, Document(evidence_blueprint(), path))
    try:
        click_card(window, "t1")
        open_tab(qtbot, window, EVIDENCE_TAB)
        attachment = backing(window).evidence.editor.attachment
        qtbot.mouseClick(attachment.choose, LEFT)
        assert window.document.entity("evidence", "e1").attachment == "photos/queue.png"
        assert attachment.picture.isVisible() and not attachment.missing.isVisible()
        shown = attachment.picture.pixmap()
        assert shown.width() <= 220 and shown.height() <= 150 and not shown.isNull()
        picture.unlink()
        click_card(window, "t3")
        click_card(window, "t1")
        assert attachment.missing.text() == "⚠ missing: photos/queue.png"
        assert not attachment.picture.isVisible()
    finally:
        close_window(window)


def test_an_attachment_no_system_could_have_shows_as_missing(qtbot, qapp, tmp_path):
    bp = evidence_blueprint()
    bp.evidence[0].attachment = "photos/\x00queue.png"
    path = tmp_path / "small.blueprint"
    save_blueprint(bp, path)
    window = open_window(qtbot, Document(bp, path))
    try:
        click_card(window, "t1")
        open_tab(qtbot, window, EVIDENCE_TAB)
        attachment = backing(window).evidence.editor.attachment
        assert attachment.missing.isVisible() and not attachment.open.isEnabled()
    finally:
        close_window(window)


def test_a_file_is_attached_only_to_a_saved_blueprint(qtbot, window):
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    attachment = backing(window).evidence.editor.attachment
    qtbot.mouseClick(attachment.choose, LEFT)  # no file dialog: it would fail the test
    assert status(window) == SAVE_FIRST
    assert window.document.undo_stack.count() == 0


def test_a_link_opens_in_the_browser_and_anything_else_is_only_kept(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    editor = backing(window).evidence.editor
    replace_text(qtbot, editor.link, "https://surveys.example.com/r/123")
    assert editor.open_link.isVisible()
    qtbot.mouseClick(editor.open_link, LEFT, pos=QPoint(12, editor.open_link.height() // 2))
    assert opened == ["https://surveys.example.com/r/123"]
    replace_text(qtbot, editor.link, "file:///etc/passwd")
    assert "Not a web address" in editor.open_link.text()
    qtbot.mouseClick(editor.open_link, LEFT, pos=QPoint(12, editor.open_link.height() // 2))
    assert opened == ["https://surveys.example.com/r/123"]
    assert window.document.entity("evidence", "e1").link == "file:///etc/passwd"


def test_markup_typed_in_a_field_is_shown_as_typed(qtbot, window):
    click_card(window, "t1")
    open_tab(qtbot, window, EVIDENCE_TAB)
    page = backing(window)
    click_row(qtbot, page.measures, 1)
    replace_text(qtbot, page.measures.editor.name.lineEdit(), "<b>NPS</b> & co")
    assert rows(page.measures)[1] == "<b>NPS</b> & co: 31 points · measured"
    assert page.verdict.textFormat() == Qt.TextFormat.PlainText
    assert "<b>NPS</b> & co" in page.verdict.text()


# --- the whole blueprint's measures --------------------------------------------------------


def test_a_measure_of_the_whole_blueprint_is_offered_to_every_frequency(qtbot, window):
    action = next(a for a in window.menus.file.actions() if a.text() == "&Blueprint Properties…")
    action.trigger()
    dialog = window.properties.dialog
    qtbot.waitExposed(dialog)
    panel = dialog.measures
    assert rows(panel) == ["Contacts per month: 1,200 per month · estimated"]
    qtbot.mouseClick(panel.add_button, LEFT)
    qtbot.keyClicks(panel.editor.name.lineEdit(), "Complaints a month")
    replace_text(qtbot, panel.editor.value, "45")
    pick_with_keys(qtbot, panel.editor.period, "per month")
    pick_from_popup(qtbot, panel.editor.source, "measured")
    added = window.document.blueprint.measures[-1]
    assert (added.touchpoint_id, added.name, added.value) == (None, "Complaints a month", 45)
    dialog.close()
    click_card(window, "t2")
    open_tab(qtbot, window, FRICTION_TAB)
    offered = [
        inspector(window).frictions.editor.measure.itemText(i)
        for i in range(inspector(window).frictions.editor.measure.count())
    ]
    assert "Complaints a month: 45 per month · measured (whole blueprint)" in offered


def test_the_blueprint_file_is_never_touched_by_showing_things(qtbot, window):
    click_card(window, "t2")
    for tab in (FRICTION_TAB, EVIDENCE_TAB):
        open_tab(qtbot, window, tab)
    assert window.document.undo_stack.count() == 0
    assert not Path("recordings").exists()


def test_a_quote_added_and_not_typed_backs_nothing_until_it_is(qtbot, window):
    """Add quote, then a click away: the card read "Backed by measured data", and the plan
    printed "New quote: type the customer's words" as a customer's words."""
    from blueprint.analysis import build_plan
    from blueprint.report.content.improvements import backing as plan_backing
    from blueprint.report.content.subject import PlanSubject

    click_card(window, "t3")
    open_tab(qtbot, window, EVIDENCE_TAB)
    panel = backing(window).evidence
    qtbot.mouseClick(panel.add_quote, LEFT)
    click_card(window, "t1")
    click_card(window, "t3")
    assert backing(window).verdict.text() == "Backed by nothing yet: the team is guessing here."
    assert rows(panel) == ["New quote, not written yet: it backs nothing until its words are typed"]
    bp = window.document.blueprint
    plan = build_plan(bp)
    subject = PlanSubject(bp=bp, plan=plan, date=datetime.date(2026, 12, 7))
    assert not any("New quote" in plan_backing(subject, s) for s in plan.improvements)
    qtbot.mouseClick(
        panel.list.viewport(), LEFT, pos=panel.list.visualItemRect(panel.list.item(0)).center()
    )
    panel.editor.text.setFocus()
    panel.editor.text.selectAll()
    qtbot.keyClicks(panel.editor.text, "Nobody called me back")
    click_card(window, "t1")
    click_card(window, "t3")
    assert backing(window).verdict.text().startswith("Backed by measured data or evidence")


def test_a_cost_or_a_share_per_period_is_not_offered_as_a_frequency(qtbot, window):
    """ "Cost to serve: 46.2 GBP per customer per year" was offered as a friction's count."""
    from blueprint.model import Measure, Period
    from blueprint.ui.inspector.evidence_text import frequency_measures

    bp = window.document.blueprint.model_copy(deep=True)
    bp.measures += [
        Measure(
            name="Cost to serve", value=46.2, unit=f"{bp.currency} per customer", period=Period.YEAR
        ),
        Measure(name="Repeat calls", value=12, unit="%", period=Period.MONTH),
        Measure(name="Calls", value=300, unit="calls", period=Period.MONTH),
    ]
    names = [m.name for m, _wide in frequency_measures(bp, "t1")]
    assert "Calls" in names
    assert "Cost to serve" not in names and "Repeat calls" not in names
