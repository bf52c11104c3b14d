"""The Measure first tab's tooltips, as a user hovering a row reads them: what each end of
the friction point's range changes, the top three and the Now wave alike."""

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from blueprint.storage import load_blueprint
from blueprint.ui.document import Document
from tests.conftest import ROOT
from tests.ui.editing_helpers import close_window, open_window
from tests.ui.test_plan_certainty import show_measure_first
from tests.ui.text_helpers import shown_as

AIRLINE = ROOT / "samples" / "airline-delayed-bag.blueprint"
SAME = "the same top three and the same Now wave"


@pytest.fixture
def airline(qapp):
    return Document(load_blueprint(AIRLINE))


def hover(qtbot, shown, title: str) -> str:
    """Rest the mouse on the row of ``title``, and read the tooltip that comes up."""
    item = next(
        shown.topLevelItem(i)
        for i in range(shown.topLevelItemCount())
        if shown.topLevelItem(i).text(1) == title
    )
    shown.scrollToItem(item)
    viewport = shown.viewport()
    spot = shown.visualItemRect(item).intersected(viewport.rect()).center()
    QTest.mouseMove(viewport, spot)
    # What Qt sends once the mouse has rested there (sent, so the view's filter sees it).
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, spot, viewport.mapToGlobal(spot))
    )
    assert QToolTip.isVisible()
    text = shown_as(QToolTip.text())
    QToolTip.hideText()  # gone before the next row is hovered
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    return text


def test_a_decisive_rows_tip_says_what_each_end_changes(qtbot, airline):
    window = open_window(qtbot, airline)
    try:
        dock = show_measure_first(qtbot, window)
        shown = dock.measure_first
        assert hover(qtbot, shown, "Receipt upload fails for phone photos") == (
            "Receipt upload fails for phone photos\n"
            "estimated, 350 a month (plausible 175–700).\n"
            f"At 175 a month: {SAME}. At 700 a month: #6 joins the Now wave, #5 leaves it.\n"
            "Click to show it on the canvas."
        )
        # The top three stay at the low end, but the Now wave does not.
        assert (
            "At 120 a month: #6 joins the Now wave, #5 leaves it. "
            "At 12,000 a month: #5 joins the top three, #3 leaves."
        ) in hover(qtbot, shown, "Allowance differs between pages")
        # A row marked decisive never says both ends change nothing.
        rows = [shown.topLevelItem(i) for i in range(shown.topLevelItemCount())]
        decisive = [r.text(1) for r in rows if r.text(2) == "◆ yes"]
        assert len(decisive) == 4
        for title in decisive:
            tip = hover(qtbot, shown, title)
            assert tip.count("the same top three") <= 1 and "At either end" not in tip, tip
        # One that is not decisive says so in one phrase.
        assert f"At either end of its range: {SAME}." in hover(
            qtbot, shown, "No baggage option in the phone menu"
        )
    finally:
        close_window(window)
