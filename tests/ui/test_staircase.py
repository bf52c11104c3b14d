"""The Staircase dock: the PDF's staircase in the editor, following the live plan."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFontDatabase, QHelpEvent
from PySide6.QtWidgets import QToolTip

from blueprint.analysis import Wave, build_plan
from blueprint.model import Improvement
from blueprint.report.formatting import step_label
from blueprint.ui.commands import AddImprovement, EditImprovement, RemoveImprovement
from blueprint.ui.document import Document
from tests.ui.window_helpers import close_quietly, shown_window

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(qtbot, document):
    window = shown_window(qtbot, document)
    yield window
    close_quietly(window)


def show_staircase(qtbot, window):
    """As the user does: View > Staircase."""
    toggle = next(a for a in window.menus.view.actions() if a.text() == "&Staircase")
    toggle.trigger()
    qtbot.waitUntil(lambda: window.staircase.panel is not None)
    panel = window.staircase.panel
    qtbot.waitUntil(lambda: panel.isVisible() and not panel.is_stale)
    return panel


def drawn_svg(panel) -> ET.Element:
    return ET.fromstring(panel.canvas.picture.svg)


def lift_circles(panel) -> int:
    """The lifts' marks in the drawing (circles, squares, diamonds: a wave's shape), less the
    legend's one per wave."""
    svg = drawn_svg(panel)
    circles = list(svg.iter(f"{SVG}circle"))
    corners = [p for p in svg.iter(f"{SVG}polygon") if len(p.get("points").split(",")) == 4]
    return len(circles) + len(corners) - len(Wave)


def drawn_text(panel) -> list[str]:
    return ["".join(t.itertext()) for t in drawn_svg(panel).iter(f"{SVG}text")]


def legend_rows(panel) -> list[list[str]]:
    tree = panel.legend
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def liftable(blueprint, persona_id=None):
    plan = build_plan(blueprint, persona_id)
    return [s for s in plan.improvements if s.current_step is not None]


def test_the_staircase_is_made_only_when_first_shown(qtbot, window):
    staircase = window.staircase
    assert staircase.dock.objectName() == "staircaseDock"
    assert not staircase.dock.isVisible()
    assert staircase.panel is None  # nothing drawn, nor reportlab loaded, for a hidden dock
    assert staircase.toggle.toolTip()
    show_staircase(qtbot, window)
    assert staircase.dock.isVisible() and staircase.toggle.isChecked()


def test_the_staircase_draws_one_lift_per_improvement(qtbot, window):
    panel = show_staircase(qtbot, window)
    scores = liftable(window.document.blueprint)
    assert len(scores) == len(window.document.blueprint.improvements) == 12
    assert lift_circles(panel) == 12
    text = drawn_text(panel)
    for score in scores:
        assert str(score.rank) in text  # the rank, in its circle
    assert "Self-service in the moment" in text
    rows = legend_rows(panel)
    assert [row[1] for row in rows] == [s.title for s in scores]
    first = scores[0]
    assert rows[0][2:] == [first.wave.value, f"{first.current_step} → {first.target_step} (+4)"]
    assert panel.header.text() == "For every customer · 12 improvements"
    assert not panel.showing_message()


def test_the_text_is_drawn_in_a_font_qt_has(qtbot, window):
    panel = show_staircase(qtbot, window)
    styles = [t.get("style") for t in drawn_svg(panel).iter(f"{SVG}text")]
    families = {
        part.split(":", 1)[1].strip()
        for style in styles
        for part in style.split(";")
        if part.strip().startswith("font-family")
    }
    assert families and all(QFontDatabase.hasFamily(family) for family in families)
    assert any("font-weight: bold" in style for style in styles)


def test_the_staircase_follows_an_edit_and_its_undo(qtbot, window):
    panel = show_staircase(qtbot, window)
    document = window.document
    first = liftable(document.blueprint)[0]
    with qtbot.waitSignal(window.live_plan.changed):
        document.push(EditImprovement(document, first.improvement_id, "target_step", 3))
    assert legend_rows(panel)[0][3] == f"{first.current_step} → 3 (+2)"
    assert "+2" in drawn_text(panel)

    with qtbot.waitSignal(window.live_plan.changed):
        document.push(RemoveImprovement(document, first.improvement_id))
    assert lift_circles(panel) == 11
    assert first.title not in [row[1] for row in legend_rows(panel)]

    for _ in range(2):
        with qtbot.waitSignal(window.live_plan.changed):
            window.undo_action.trigger()
    assert lift_circles(panel) == 12
    assert legend_rows(panel)[0][1:] == [
        first.title,
        first.wave.value,
        f"{first.current_step} → {first.target_step} (+4)",
    ]


def test_the_staircase_follows_the_persona(qtbot, window):
    panel = show_staircase(qtbot, window)
    blueprint = window.document.blueprint
    everyone = liftable(blueprint)
    persona = next(p for p in blueprint.personas if len(liftable(blueprint, p.id)) < len(everyone))
    with qtbot.waitSignal(window.live_plan.changed):
        window.live_plan.set_persona(persona.id)
    for_persona = liftable(blueprint, persona.id)
    assert lift_circles(panel) == len(for_persona)
    assert [row[1] for row in legend_rows(panel)] == [s.title for s in for_persona]
    assert panel.header.text() == (
        f"For the persona {persona.name} · {len(for_persona)} improvements"
    )

    with qtbot.waitSignal(window.live_plan.changed):
        window.live_plan.set_persona(None)
    assert lift_circles(panel) == len(everyone)
    assert panel.header.text() == "For every customer · 12 improvements"


def test_an_empty_plan_shows_a_message_instead_of_a_picture(qtbot):
    window = shown_window(qtbot, Document())
    try:
        panel = show_staircase(qtbot, window)
        assert panel.showing_message()
        assert panel.message.text().startswith("No improvements yet")
        assert panel.canvas.picture is None

        document = window.document
        with qtbot.waitSignal(window.live_plan.changed):
            document.push(AddImprovement(document, Improvement(title="<b>Call back</b>")))
        assert panel.showing_message()
        assert "none of the 1 improvement is linked to a bad friction point" in (
            panel.message.text()
        )
    finally:
        close_quietly(window)


def test_a_hidden_staircase_catches_up_when_shown_again(qtbot, window):
    panel = show_staircase(qtbot, window)
    window.staircase.toggle.trigger()  # hidden again
    qtbot.waitUntil(lambda: not panel.isVisible())
    document = window.document
    first = liftable(document.blueprint)[0]
    drawn_before = panel.canvas.picture
    with qtbot.waitSignal(window.live_plan.changed):
        document.push(RemoveImprovement(document, first.improvement_id))
    assert panel.is_stale and panel.canvas.picture is drawn_before  # not redrawn while hidden

    show_staircase(qtbot, window)
    assert lift_circles(panel) == 11


def test_pointing_at_a_lift_finds_its_improvement(qtbot, window):
    panel = show_staircase(qtbot, window)
    canvas = panel.canvas
    for spot in canvas.picture.spots:
        found = canvas.spot_at(canvas.spot_position(spot))
        assert found is not None and found.score.rank == spot.score.rank
    assert canvas.spot_at(canvas.picture_rect().topLeft()) is None  # the step labels
    assert "#1 " + liftable(window.document.blueprint)[0].title in (canvas.accessibleDescription())


def test_a_wider_dock_draws_a_wider_staircase(qtbot, window):
    panel = show_staircase(qtbot, window)
    canvas, dock = panel.canvas, window.staircase.dock
    dock.setFloating(True)

    def settled_at(width: int) -> float:
        before = canvas.width()
        dock.resize(width, 380)
        qtbot.waitUntil(
            lambda: (
                canvas.width() != before and abs(canvas.wanted_width() - canvas.picture.width) <= 1
            )
        )
        return canvas.picture.width

    narrow = settled_at(1000)
    assert settled_at(1900) > narrow * 1.3  # the lifts spread out; the text keeps its size
    assert lift_circles(panel) == 12


def test_a_title_with_markup_is_shown_as_typed(qtbot, window, monkeypatch):
    panel = show_staircase(qtbot, window)
    document = window.document
    first = liftable(document.blueprint)[0]
    title = "<b>SMS</b> & <i>status</i>"
    with qtbot.waitSignal(window.live_plan.changed):
        document.push(EditImprovement(document, first.improvement_id, "title", title))
    assert legend_rows(panel)[0][1] == title
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, widget=None: shown.append(text))
    canvas = panel.canvas
    at = canvas.spot_position(canvas.picture.spots[0]).toPoint()
    canvas.event(QHelpEvent(QEvent.Type.ToolTip, at, canvas.mapToGlobal(at)))
    canvas.event(QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), canvas.mapToGlobal(QPoint(2, 2))))
    assert "#1 &lt;b&gt;SMS&lt;/b&gt; &amp; &lt;i&gt;status&lt;/i&gt;" in shown[0]
    assert f"{first.wave.value} wave" in shown[0]
    assert f"up to {step_label(first.target_step)} (+{first.lift})" in shown[0]
    assert shown[1].startswith("The stairway of service")  # away from the lifts: what it is


def test_a_short_panel_scrolls_rather_than_shrink_the_words(qtbot, window):
    """Along the bottom of a 1280x720 window the drawing was shrunk to fit: its step names
    5 to 6 px high, unreadable on a projector."""
    from PySide6.QtWidgets import QScrollArea

    panel = show_staircase(qtbot, window)
    canvas, dock = panel.canvas, window.staircase.dock
    dock.setFloating(True)
    dock.resize(1000, 200)

    def scale() -> float:
        return canvas.picture_rect().width() / canvas.picture.width

    qtbot.waitUntil(lambda: abs(canvas.wanted_width() - canvas.picture.width) <= 1)
    assert scale() >= 1.0  # the PDF's point sizes at least
    window_onto = canvas.parentWidget().parentWidget()
    assert isinstance(window_onto, QScrollArea)
    assert window_onto.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    assert window_onto.focusPolicy() == Qt.FocusPolicy.NoFocus  # no nameless stop of the keys


def test_the_keys_on_a_lift_in_the_list_scroll_its_mark_into_sight(qtbot, window):
    """At 1280x720 the lowest step, with the marks of the lifts that start there, was below
    the panel's edge, and the picture takes no keys: moving through the list now brings
    each lift's mark into sight, the row it is on shown whole."""
    panel = show_staircase(qtbot, window)
    canvas, dock = panel.canvas, window.staircase.dock
    dock.setFloating(True)
    dock.resize(1000, 150)
    qtbot.waitUntil(lambda: abs(canvas.wanted_width() - canvas.picture.width) <= 1)
    area = canvas.parentWidget().parentWidget()
    area.setMinimumHeight(0)
    area.setFixedHeight(150)  # a panel as short as the lowest step's top
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    lowest = min(range(len(canvas.picture.spots)), key=lambda i: canvas.picture.spots[i].y)

    def in_sight(row: int) -> bool:
        mark = canvas.spot_position(canvas.picture.spots[row])
        return area.viewport().rect().contains(canvas.mapTo(area.viewport(), mark.toPoint()))

    area.verticalScrollBar().setValue(0)
    assert not in_sight(lowest)  # the lowest step is out of sight at first
    tree = panel.legend
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    for _ in range(lowest):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem() is tree.topLevelItem(lowest)
    qtbot.waitUntil(lambda: in_sight(lowest))
    assert tree.currentItem().isSelected()
