"""The evidence overlay: a mark on every card says how well it is backed (M measured data or
evidence, E estimates only, ? nothing), follows the edits that change it, and is never an
edit itself."""

import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from blueprint.analysis import Backing, backing_by_touchpoint
from blueprint.model.states import current_state
from blueprint.ui import theme
from blueprint.ui.canvas import palette
from blueprint.ui.document import Document
from blueprint.ui.inspector.touchpoint_inspector import EVIDENCE_TAB, FRICTION_TAB
from blueprint.ui.overlays.colours import EVIDENCE_ESTIMATED, EVIDENCE_MEASURED
from blueprint.ui.overlays.evidence_marks import LETTERS, RADIUS
from tests.factories import evidence_blueprint
from tests.ui.canvas_helpers import NO_BUTTON, mouse, on_screen
from tests.ui.editing_helpers import click_card, close_window, open_window, tools
from tests.ui.test_overlays import roomy_window, untouched, view_action
from tests.ui.window_helpers import close_quietly

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, document):
    """The broadband sample, the panels closed."""
    window = roomy_window(qtbot, document)
    yield window
    close_quietly(window)


def marks(window):
    return window.overlays.evidence.marks()


def switch_on(qtbot, window):
    """Click Evidence on the overlays bar, as a person does."""
    button = window.overlays.bar.widgetForAction(window.overlays.evidence_action)
    qtbot.mouseClick(button, LEFT)


def pixel(window, x: float, y: float) -> QColor:
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    window.canvas.blueprint_scene.render(painter, QRectF(0, 0, 1, 1), QRectF(x, y, 1, 1))
    painter.end()
    return image.pixelColor(0, 0)


def drawn(window, touchpoint_id: str) -> Backing:
    """What the mark on a card shows, read from the picture: a solid disc, a ring of the
    estimate colour, or hollow (the card's colour inside a dashed edge)."""
    mark = marks(window)[touchpoint_id]
    inside = pixel(window, mark.centre.x(), mark.centre.y() + RADIUS - 3)
    colours = {
        Backing.MEASURED: EVIDENCE_MEASURED,
        Backing.ESTIMATED: EVIDENCE_ESTIMATED,
        Backing.NOTHING: palette.CARD,
    }

    def distance(hex_colour: str) -> int:
        other = QColor(hex_colour)
        return sum(abs(a - b) for a, b in zip(inside.getRgb()[:3], other.getRgb()[:3], strict=True))

    nearest = min(colours, key=lambda backing: distance(colours[backing]))
    assert distance(colours[nearest]) < 30, inside.name()
    return nearest


def test_view_overlays_evidence_marks_every_card_and_is_not_an_edit(qtbot, window, broadband):
    action = view_action(window, "Evidence")
    assert action.isCheckable() and not action.isChecked()
    assert marks(window) == {}
    action.trigger()
    today = current_state(broadband)
    expected = {tp_id: card.backing for tp_id, card in backing_by_touchpoint(today).items()}
    assert {tp_id: mark.backing for tp_id, mark in marks(window).items()} == expected
    assert set(expected.values()) == set(Backing)  # the sample has all three
    assert window.overlays.legend.evidence.isVisible()
    action.trigger()
    assert marks(window) == {} and not window.overlays.legend.evidence.isVisible()
    assert untouched(window)


def test_each_mark_sits_on_its_cards_corner_and_shows_its_kind(qtbot, window):
    switch_on(qtbot, window)
    assert window.overlays.evidence_action.isChecked()
    layout = window.canvas.blueprint_scene.grid_layout
    for tp_id, backing in (
        ("tp-web-status-form", Backing.MEASURED),  # a completion rate, a quote
        ("tp-coverage-check", Backing.ESTIMATED),  # an estimated frequency only
        ("tp-fibre-street-ad", Backing.NOTHING),  # an ad nobody measured
    ):
        mark = marks(window)[tp_id]
        card = layout.cards[tp_id]
        assert (mark.centre.x(), mark.centre.y()) == (card.x, card.y)
        assert drawn(window, tp_id) == backing
        assert f"({LETTERS[backing]})" in mark.tooltip


def test_hovering_a_mark_says_what_backs_the_card(qtbot, window):
    switch_on(qtbot, window)
    mark = marks(window)["tp-web-status-form"]
    view = window.canvas
    view.centerOn(mark.centre)
    mouse(
        view,
        QEvent.Type.MouseMove,
        on_screen(view, mark.centre.x(), mark.centre.y()),
        NO_BUTTON,
        NO_BUTTON,
    )
    tip = window.overlays.evidence.item.toolTip()
    assert "Checks order status on the web form" in tip
    assert "Backed by measured data or evidence (M)" in tip
    assert "Completion rate, Sessions ending in a time-out (measured)" in tip


def test_the_mark_changes_with_a_quote_added_in_the_inspector_and_back_on_undo(qtbot, qapp):
    window = open_window(qtbot, Document(evidence_blueprint()))
    try:
        switch_on(qtbot, window)
        assert drawn(window, "t3") == Backing.NOTHING
        click_card(window, "t3")
        inspector = tools(window).inspector
        bar = inspector.tabs.tabBar()
        qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(EVIDENCE_TAB).center())
        qtbot.mouseClick(inspector.backing.evidence.add_quote, LEFT)
        assert marks(window)["t3"].backing == Backing.NOTHING  # its words not typed yet
        qtbot.keyClicks(inspector.backing.evidence.editor.text, "Nobody called me back")
        qtbot.keyClick(inspector.backing.evidence.editor.text, Qt.Key.Key_Tab)  # leaves it
        qtbot.waitUntil(lambda: marks(window)["t3"].backing == Backing.MEASURED)
        assert drawn(window, "t3") == Backing.MEASURED
        window.canvas.setFocus()
        qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: marks(window)["t3"].backing == Backing.NOTHING)
        assert drawn(window, "t3") == Backing.NOTHING
    finally:
        close_window(window)


def test_an_estimate_gives_a_ring(qtbot, qapp):
    bp = evidence_blueprint()
    bp.frictions[1].frequency.source = "estimated"
    bp.frictions[1].frequency.count = 30
    window = open_window(qtbot, Document(bp))
    try:
        switch_on(qtbot, window)
        assert drawn(window, "t2") == Backing.MEASURED  # the observation about its hold
        click_card(window, "t2")
        inspector = tools(window).inspector
        bar = inspector.tabs.tabBar()
        qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(FRICTION_TAB).center())
        panel = inspector.frictions.evidence
        qtbot.waitUntil(lambda: panel.remove_button.height() > 0)
        qtbot.mouseClick(panel.remove_button, LEFT)
        qtbot.waitUntil(lambda: marks(window)["t2"].backing == Backing.ESTIMATED)
        assert drawn(window, "t2") == Backing.ESTIMATED
    finally:
        close_window(window)


def test_the_marks_read_in_the_dark_theme_too(qtbot, window, monkeypatch):
    switch_on(qtbot, window)
    theme.use_theme(theme.DARK)
    window.overlays.refresh()
    QApplication.processEvents()
    assert drawn(window, "tp-fibre-street-ad") == Backing.NOTHING  # the dark card inside
    assert drawn(window, "tp-web-status-form") == Backing.MEASURED
