"""The canvas view as a user meets it: zoom, frozen headers, double-click, drag."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication

from blueprint.model import Touchpoint
from blueprint.ui.canvas import palette
from blueprint.ui.canvas.card import TITLE_FONT
from blueprint.ui.canvas.drawing import SIMPLE_DETAIL
from blueprint.ui.canvas.layout import HEADER_HEIGHT, ROW_HEADER_WIDTH
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import READABLE_ZOOM, ZOOM_STEP, CanvasView
from blueprint.ui.commands import AddFlow, AddTouchpoint, MoveTouchpoint
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
    view.resize(2600, 2400)  # room for all of the broadband sample at a readable size
    view.fit_to_window()
    layout = scene_of(view).grid_layout
    assert layout.width * view.zoom() <= view.width()
    assert layout.height * view.zoom() <= view.height()
    # Nothing left to scroll to: every stage and channel is in sight.
    assert view.horizontalScrollBar().maximum() == view.horizontalScrollBar().minimum()
    assert view.verticalScrollBar().maximum() == view.verticalScrollBar().minimum()


def test_fit_to_window_stops_at_a_readable_size_and_says_so(qtbot, view):
    # 1000 x 700: the whole sample would make its card titles 4 px high.
    with qtbot.waitSignal(view.problem) as said:
        view.fit_to_window()
    assert view.zoom() == pytest.approx(READABLE_ZOOM)
    assert TITLE_FONT * view.zoom() >= 10
    assert said.args[0].startswith("All of it would be too small to read: shown at 65%")
    assert view.horizontalScrollBar().value() == view.horizontalScrollBar().minimum()


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


def colour_near(image, point: QPoint, colour: QColor, reach: int = 1, within: int = 0) -> bool:
    """Some pixel within ``reach`` of ``point`` has ``colour``, give or take ``within`` on
    each of red, green and blue (antialiased lines are a little lighter)."""

    def close(found: QColor) -> bool:
        pairs = zip(found.getRgb()[:3], colour.getRgb()[:3], strict=True)
        return all(abs(a - b) <= within for a, b in pairs)

    return any(
        close(image.pixelColor(point.x() + dx, point.y() + dy))
        for dx in range(-reach, reach + 1)
        for dy in range(-reach, reach + 1)
    )


def test_far_out_each_card_is_a_box_in_its_colour_and_still_answers_clicks(view, qtbot):
    scene = scene_of(view)
    view.set_zoom(0.2)
    assert view.zoom() < SIMPLE_DETAIL
    shown = view.viewport().grab().toImage()
    for tp_id, card in scene.cards().items():
        centre = on_screen(view, *scene.grid_layout.cards[tp_id].center)
        assert colour_near(shown, centre, QColor(card.face.summary_colour)), tp_id
    tp_id, rect = next(iter(scene.grid_layout.cards.items()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=on_screen(view, *rect.center))
    assert scene.selected_touchpoint_ids() == [tp_id]
    shown = view.viewport().grab().toImage()
    band = on_screen(view, rect.center[0], rect.y + 0.1 * rect.height)
    assert colour_near(shown, band, QColor(palette.SELECTION))
    view.actual_size()  # near again: the card paints its own face
    view.centerOn(*rect.center)
    shown = view.viewport().grab().toImage()
    face = on_screen(view, rect.center[0], rect.y + 0.62 * rect.height)
    assert colour_near(shown, face, QColor(palette.CARD))


def test_far_out_the_boxes_sit_on_their_cards_in_the_window_itself(view, qtbot):
    """As the window shows it, not a fresh picture of the viewport (grab()): the overview's
    kept picture once went to the viewport's offset in its window a second time."""
    scene = scene_of(view)
    view.set_zoom(0.2)

    def in_place() -> list[str]:
        shown = on_the_screen(view)
        return [
            tp_id
            for tp_id, card in scene.cards().items()
            if not colour_near(
                shown,
                on_screen(view, *scene.grid_layout.cards[tp_id].center),
                QColor(card.face.summary_colour),
            )
        ]

    qtbot.waitUntil(lambda: in_place() == [])


def bowing_flow(small):
    """f9, from t1 down to t5 in the same cell: it bows beside the cards between them."""
    for tp_id in ("t4", "t5"):
        touchpoint = Touchpoint(id=tp_id, title=tp_id, stage_id="s1", channel_id="web")
        small.push(AddTouchpoint(small, touchpoint))
    small.push(AddFlow(small, "t1", "t5", flow_id="f9"))


def on_the_screen(view):
    """What the window shows now, repaints pending included: not a fresh paint (grab())."""
    QApplication.processEvents()
    image = view.screen().grabWindow(view.winId()).toImage()
    corner = view.viewport().mapTo(view, QPoint(0, 0))
    return image.copy(corner.x(), corner.y(), view.viewport().width(), view.viewport().height())


def flow_shown_at(view, point, colour: str) -> bool:
    shown = on_the_screen(view)
    return colour_near(shown, on_screen(view, *point), QColor(colour), reach=2, within=48)


@pytest.mark.parametrize("zoom", [0.5, 1.0, 2.0])
def test_flows_are_drawn_at_every_readable_zoom(small_view, small, zoom):
    bowing_flow(small)
    small_view.set_zoom(zoom)
    flow = scene_of(small_view).flow_item("f9")
    assert not flow.is_channel_switch and flow.path().length() > 200
    assert flow_shown_at(small_view, flow.path().pointAtPercent(0.5).toTuple(), palette.FLOW)


def test_a_flow_is_drawn_anew_where_its_card_went(small_view, small):
    bowing_flow(small)
    flow = scene_of(small_view).flow_item("f9")
    before = flow.path().pointAtPercent(0.5).toTuple()
    assert flow_shown_at(small_view, before, palette.FLOW)
    small.push(MoveTouchpoint(small, "t5", "s2", "web"))  # now beside t1, one stage on
    after = flow.path().pointAtPercent(0.5).toTuple()
    assert flow_shown_at(small_view, after, palette.FLOW)
    assert not flow_shown_at(small_view, before, palette.FLOW)
    small.undo_stack.undo()
    assert flow_shown_at(small_view, before, palette.FLOW)
    assert not flow_shown_at(small_view, after, palette.FLOW)


def test_a_flow_added_is_drawn_and_undone_is_gone(small_view, small):
    bowing_flow(small)
    flow = scene_of(small_view).flow_item("f9")
    middle = flow.path().pointAtPercent(0.5).toTuple()
    assert flow_shown_at(small_view, middle, palette.FLOW)
    small.undo_stack.undo()  # only the flow goes: nothing else moves or repaints
    assert not flow_shown_at(small_view, middle, palette.FLOW)
    small.undo_stack.redo()
    assert flow_shown_at(small_view, middle, palette.FLOW)


def test_a_selected_flow_is_highlighted(small_view, small, qtbot):
    bowing_flow(small)
    flow = scene_of(small_view).flow_item("f9")
    middle = flow.path().pointAtPercent(0.5).toTuple()
    qtbot.mouseClick(
        small_view.viewport(), Qt.MouseButton.LeftButton, pos=on_screen(small_view, *middle)
    )
    assert flow.isSelected()
    assert flow_shown_at(small_view, middle, palette.SELECTION)
    scene_of(small_view).clearSelection()
    assert flow_shown_at(small_view, middle, palette.FLOW)


def test_new_colours_reach_the_cards_a_view_keeps_pictures_of(small_view, monkeypatch, qtbot):
    rect = scene_of(small_view).grid_layout.cards["t1"]
    face = on_screen(small_view, rect.center[0], rect.y + 0.62 * rect.height)
    assert colour_near(small_view.viewport().grab().toImage(), face, QColor(palette.CARD))
    monkeypatch.setattr(palette, "CARD", "#ffeedd")  # what a change of theme does
    scene_of(small_view).update()

    def repainted() -> bool:
        return colour_near(small_view.viewport().grab().toImage(), face, QColor("#ffeedd"))

    qtbot.waitUntil(repainted, timeout=2000)
