"""Reorder stages and channels by dragging their headers: one step on release, Esc cancels."""

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import snapshot
from tests.ui.editing_helpers import close_window, open_window
from tests.ui.structure_helpers import (
    CHANNELS,
    KEY_ESCAPE,
    STAGES,
    drag_header,
    header_on_screen,
    move_to,
    point_after,
    point_before,
    press_header,
    release,
    strip,
    structure,
)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def order(window, kind):
    return [e.id for e in getattr(window.document.blueprint, kind)]


def test_drag_a_stage_header_before_another(window):
    before = snapshot(window.document)
    drag_header(window, STAGES, "s2", point_before(window, STAGES, "s1"))
    assert order(window, "stages") == ["s2", "s1"]
    assert header_on_screen(window, STAGES, "s2") < header_on_screen(window, STAGES, "s1")
    # The cards went with their column.
    scene = window.canvas.blueprint_scene
    assert scene.card("t2").x() < scene.card("t1").x()
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Move stage 'Support'"
    assert not structure(window).drag.dragging
    stack.undo()
    assert snapshot(window.document) == before
    assert header_on_screen(window, STAGES, "s1") < header_on_screen(window, STAGES, "s2")


def test_drag_a_channel_header_to_the_top(window):
    drag_header(window, CHANNELS, "esc", point_before(window, CHANNELS, "web"))
    assert order(window, "channels") == ["esc", "web", "phone"]
    tops = [header_on_screen(window, CHANNELS, c) for c in ("esc", "web", "phone")]
    assert tops == sorted(tops)
    assert window.document.undo_stack.undoText() == "Move channel 'Complaints'"


def test_drag_a_channel_down_past_the_next_one(window):
    drag_header(window, CHANNELS, "web", point_after(window, CHANNELS, "phone"))
    assert order(window, "channels") == ["phone", "web", "esc"]
    assert window.document.undo_stack.count() == 1


def test_while_dragging_a_bar_shows_where_the_stage_would_go(window):
    start = press_header(window, STAGES, "s2")
    end = point_before(window, STAGES, "s1")
    move_to(window, STAGES, start, end)
    drag = structure(window).drag
    assert drag.dragging and drag.target.index == 0
    picture = drag.picture
    column_strip = strip(window, STAGES)
    gap_x = column_strip.mapFromScene(QPointF(drag.target.boundary, 0)).x()
    assert picture.marker.isVisible()
    assert abs(picture.marker.geometry().center().x() - gap_x) <= 1
    # The bar carries on down the cells, and the header follows the pointer.
    assert picture.guide.isVisible()
    guide = picture.guide.geometry()
    body = window.canvas.blueprint_scene.grid_layout.body
    cells = window.canvas.mapFromScene(QRectF(body.x, body.y, body.width, body.height))
    shown = cells.boundingRect().intersected(window.canvas.viewport().rect())
    assert (guide.top(), guide.bottom()) == (shown.top(), shown.bottom())
    assert picture.ghost.isVisible() and picture.ghost.geometry().contains(end)
    assert order(window, "stages") == ["s1", "s2"]  # nothing moves before the drop
    release(window, STAGES, end)
    assert not picture.marker.isVisible() and not drag.dragging
    assert order(window, "stages") == ["s2", "s1"]


def test_escape_cancels_the_drag(qtbot, window):
    start = press_header(window, CHANNELS, "esc")
    end = point_before(window, CHANNELS, "web")
    move_to(window, CHANNELS, start, end)
    drag = structure(window).drag
    picture = drag.picture
    assert picture.marker.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or window, KEY_ESCAPE)
    assert not drag.dragging and not picture.marker.isVisible()
    release(window, CHANNELS, end)
    assert order(window, "channels") == ["web", "phone", "esc"]
    assert window.document.undo_stack.count() == 0


def test_a_drop_where_it_was_changes_nothing(window):
    start = press_header(window, STAGES, "s1")
    end = point_after(window, STAGES, "s1") + QPoint(20, 0)
    move_to(window, STAGES, start, end)
    drag = structure(window).drag
    assert drag.dragging and not drag.target.moves
    assert not drag.picture.marker.isVisible()  # no bar: it would not move
    release(window, STAGES, end)
    assert window.document.undo_stack.count() == 0


def test_a_click_on_a_header_is_not_a_drag(window):
    start = press_header(window, STAGES, "s2")
    move_to(window, STAGES, start, start + QPoint(1, 0), steps=1)
    assert not structure(window).drag.dragging
    release(window, STAGES, start)
    assert window.document.undo_stack.count() == 0


@pytest.fixture
def broadband_window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


def test_dragging_to_the_edge_scrolls_to_stages_out_of_sight(qtbot, broadband_window):
    window = broadband_window
    bar = window.canvas.horizontalScrollBar()
    bar.setValue(0)
    assert bar.maximum() > 0  # some stages are out of sight
    first = window.document.blueprint.stages[0].id
    start = press_header(window, STAGES, first)
    column_strip = strip(window, STAGES)
    in_sight = [
        s.id
        for s in window.document.blueprint.stages
        if header_on_screen(window, STAGES, s.id) < column_strip.viewport().width()
    ]
    edge = QPoint(column_strip.viewport().width() - 4, start.y())
    move_to(window, STAGES, start, edge)
    qtbot.waitUntil(lambda: bar.value() >= bar.maximum() // 2)
    release(window, STAGES, edge)
    stages = [s.id for s in window.document.blueprint.stages]
    assert stages.index(first) >= len(in_sight)  # beyond the stages seen when it started
    assert window.document.undo_stack.count() == 1


def test_a_click_on_a_header_ends_a_rename_in_progress(qtbot, window):
    rename = structure(window).rename
    rename.start(STAGES, "s1")
    qtbot.keyClicks(rename.editor(), "Buying")
    start = press_header(window, STAGES, "s2")
    release(window, STAGES, start)
    assert rename.target is None
    assert window.document.entity("stages", "s1").name == "Buying"
