"""Tooltips with user text: shown as typed, one line of the tip a line on screen."""

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from blueprint.ui.tips import plain_tip
from tests.ui.text_helpers import shown_as

CARD = (
    "Checks <b>fibre</b> availability by postcode\n"
    "EPIC: Easy 4, Personalised 3, Intuitive –, Contextual 4\n"
    "Emotion: +1 (pleased)"
)


def shown_tip(qtbot, widget: QWidget, text: str) -> QLabel:
    """The label Qt shows ``text`` in as a tooltip over ``widget`` (the label's parent)."""
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    QToolTip.showText(widget.mapToGlobal(QPoint(5, 5)), text, widget, widget.rect(), 60_000)
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "qtooltip_label" and w.isVisible()
    )


def test_a_tip_of_short_lines_shows_each_line_whole_and_as_typed(qtbot):
    window = QWidget()  # the tip's parent: it lives as long as the window
    label = shown_tip(qtbot, window, plain_tip(CARD))
    try:
        assert shown_as(label.text()) == CARD
        lines = round(label.contentsRect().height() / label.fontMetrics().lineSpacing())
        assert lines == 3  # Qt wrapped the EPIC line in two before
    finally:
        QToolTip.hideText()


def test_a_tip_with_a_long_line_wraps_it_rather_than_run_off_the_screen(qtbot):
    quote = "The engineer never came and nobody called " * 12  # 504 characters, one line
    window = QWidget()
    label = shown_tip(qtbot, window, plain_tip(quote))
    try:
        assert shown_as(label.text()) == quote
        assert label.width() < label.fontMetrics().horizontalAdvance(quote) / 2
    finally:
        QToolTip.hideText()
