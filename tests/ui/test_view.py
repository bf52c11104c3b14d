"""The canvas view as a user meets it: zoom, frozen headers, double-click, drag."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from blueprint.ui.canvas.layout import HEADER_HEIGHT, ROW_HEADER_WIDTH
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import ZOOM_STEP, CanvasView
from blueprint.ui.commands import MoveTouchpoint
from tests.ui.canvas_helpers import double_click, drag, on_screen


@pytest.fixture
def view(qtbot, document):
    view = CanvasView(BlueprintScene(document))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.actual_size()
    return view


@pytest.fixture
def small_view(qtbot, small):
    view = CanvasView(BlueprintScene(small))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def scene_of(view):
    return view.blueprint_scene


def test_zoom_in_out_and_actual_size(view, qtbot):
    with qtbot.waitSignal(view.zoomChanged) as zoomed:
        view.zoom_in()
    assert zoomed.args == [pytest.approx(ZOOM_STEP)]
    view.zoom_out()
    view.zoom_out()
    assert view.zoom() == pytest.approx(1 / ZOOM_STEP)
    view.actual_size()
    assert view.zoom() == 1.0


def test_ctrl_wheel_zooms_and_a_plain_wheel_scrolls(view):
    def wheel(modifiers):
        centre = QPointF(view.viewport().rect().center())
        event = QWheelEvent(
            centre,
            QPointF(view.viewport().mapToGlobal(centre.toPoint())),
            QPoint(),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)

    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(ZOOM_STEP)
    view.verticalScrollBar().setValue(300)
    wheel(Qt.KeyboardModifier.NoModifier)
    assert view.zoom() == pytest.approx(ZOOM_STEP)
    assert view.verticalScrollBar().value() < 300


def test_fit_to_window_shows_the_whole_blueprint(view):
    view.fit_to_window()
    layout = scene_of(view).grid_layout
    assert layout.width * view.zoom() <= view.width()
    assert layout.height * view.zoom() <= view.height()
    # Nothing left to scroll to: every stage and channel is in sight.
    assert view.horizontalScrollBar().maximum() == view.horizontalScrollBar().minimum()
    assert view.verticalScrollBar().maximum() == view.verticalScrollBar().minimum()


def test_headers_stay_in_sight_and_in_line_with_the_cells_while_scrolling(view):
    view.horizontalScrollBar().setValue(700)
    view.verticalScrollBar().setValue(500)
    columns, rows = view._column_headers, view._row_headers
    left_of_cells = view.mapToScene(QPoint(0, 0))
    # The stage header strip sits above the cells and shows the same stretch of stages.
    assert columns.geometry().bottom() < view.viewport().geometry().top()
    assert columns.mapToScene(QPoint(0, 0)).x() == pytest.approx(left_of_cells.x(), abs=1)
    assert columns.mapToScene(QPoint(0, 0)).y() == pytest.approx(0, abs=1)
    # The channel header strip sits left of the cells and shows the same channels.
    assert rows.geometry().right() < view.viewport().geometry().left()
    assert rows.mapToScene(QPoint(0, 0)).y() == pytest.approx(left_of_cells.y(), abs=1)
    assert rows.mapToScene(QPoint(0, 0)).x() == pytest.approx(0, abs=1)
    assert columns.height() == round(HEADER_HEIGHT * view.zoom())
    assert rows.width() == round(ROW_HEADER_WIDTH * view.zoom())


def test_a_header_scrolled_into_view_shows_that_stage(view, document):
    stage = document.blueprint.stages[6]
    column = scene_of(view).grid_layout.columns[stage.id]
    view.horizontalScrollBar().setValue(int(column.start))  # scroll values are scene x
    strip = view._column_headers
    items = strip.items(QPoint(20, strip.height() // 2))
    assert any(getattr(item, "stage_id", None) == stage.id for item in items)


def test_double_click_on_an_empty_cell_asks_for_a_touchpoint_there(small_view, qtbot):
    cell = scene_of(small_view).grid_layout.cell("s2", "web")
    with qtbot.waitSignal(small_view.addTouchpointRequested) as request:
        double_click(small_view, on_screen(small_view, *cell.center))
    assert request.args == ["s2", "web"]


def test_double_click_on_a_card_opens_it_instead(small_view, qtbot):
    scene = scene_of(small_view)
    card = scene.grid_layout.cards["t1"]
    with (
        qtbot.assertNotEmitted(small_view.addTouchpointRequested),
        qtbot.waitSignal(scene.touchpointActivated) as activated,
    ):
        double_click(small_view, on_screen(small_view, *card.center))
    assert activated.args == ["t1"]


def test_dragging_a_card_to_another_cell_is_one_move_pushed_on_release(small_view, small):
    scene = scene_of(small_view)
    start = on_screen(small_view, *scene.grid_layout.cards["t1"].center)
    target = scene.grid_layout.cell("s2", "web")
    end = on_screen(small_view, *target.center)
    drag(small_view, start, end, steps=8)
    assert small.undo_stack.count() == 1
    assert small.undo_stack.undoText() == "Move 'Checkout' to Support / Website"
    tp = small.touchpoint("t1")
    assert (tp.stage_id, tp.channel_id) == ("s2", "web")
    card = scene.card("t1")
    assert scene.grid_layout.cell("s2", "web").contains(card.pos().x(), card.pos().y())
    small.undo_stack.undo()
    assert scene.grid_layout.cell("s1", "web").contains(card.pos().x(), card.pos().y())


def test_dragging_a_card_a_little_within_its_place_changes_nothing(small_view, small):
    scene = scene_of(small_view)
    card = scene.card("t1")
    before = card.pos()
    start = on_screen(small_view, *scene.grid_layout.cards["t1"].center)
    drag(small_view, start, start + QPoint(12, 20), steps=4)
    assert small.undo_stack.count() == 0
    assert card.pos() == before


def test_dropping_a_card_outside_the_grid_puts_it_back(small_view, small):
    scene = scene_of(small_view)
    card = scene.card("t1")
    before = card.pos()
    start = on_screen(small_view, *scene.grid_layout.cards["t1"].center)
    far_right = on_screen(small_view, scene.grid_layout.width + 100, 200)
    small_view.resize(2000, 900)
    drag(small_view, start, far_right)
    assert small.undo_stack.count() == 0
    assert card.pos() == before


def test_clicking_a_card_selects_it_without_an_undo_step(small_view, small, qtbot):
    point = on_screen(small_view, *scene_of(small_view).grid_layout.cards["t2"].center)
    qtbot.mouseClick(small_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert scene_of(small_view).selected_touchpoint_ids() == ["t2"]
    assert small.undo_stack.count() == 0


def test_dragging_a_card_below_its_neighbour_reorders_the_cell(small_view, small):
    small.push(MoveTouchpoint(small, "t3", "s2", "phone"))  # the cell holds t2 then t3
    scene = scene_of(small_view)
    lower = scene.grid_layout.cards["t3"]
    start = on_screen(small_view, *scene.grid_layout.cards["t2"].center)
    drag(small_view, start, on_screen(small_view, lower.center[0], lower.bottom - 8))
    assert small.undo_stack.undoText() == "Reorder 'Call about order' in Support / Phone"
    assert [t.id for t in small.cell_touchpoints("s2", "phone")] == ["t3", "t2"]
    assert scene.card("t3").pos().y() < scene.card("t2").pos().y()
