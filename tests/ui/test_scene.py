"""The scene shows the document, and follows every command and its undo."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from blueprint.analysis.threads import talk_by_touchpoint
from blueprint.model import Friction, Touchpoint
from blueprint.model.states import current_state
from blueprint.ui.canvas import palette
from blueprint.ui.canvas.card import (
    BADGE,
    EMOTION_SIZE,
    EPIC_BADGE_GAP,
    EPIC_BADGE_WIDTH,
    PADDING,
)
from blueprint.ui.canvas.card_face import CardFace
from blueprint.ui.canvas.export import render_image
from blueprint.ui.canvas.layout import CARD_HEIGHT, CARD_WIDTH, compute_layout
from blueprint.ui.canvas.routing import route_flows
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.commands import (
    AddFlow,
    AddFriction,
    AddTouchpoint,
    EditChannel,
    EditFriction,
    EditTouchpoint,
    MoveTouchpoint,
    RemoveStage,
    RenameStage,
)
from blueprint.ui.document import Document
from tests.ui.test_undo_property import SAMPLE_BLUEPRINTS, apply_random_command


@pytest.fixture
def scene(document):
    scene = BlueprintScene(document, parent=document)
    yield scene
    scene.setParent(None)


@pytest.fixture
def small_scene(small):
    return BlueprintScene(small, parent=small)


def card_at(scene, touchpoint_id):
    card = scene.card(touchpoint_id)
    return (card.pos().x(), card.pos().y())


def test_the_scene_shows_every_touchpoint_flow_stage_and_channel(scene, broadband):
    today = current_state(broadband)  # a scene opens on today's journey
    assert len(scene.cards()) == len(today.touchpoints)
    assert len(scene.flow_items()) == len(today.flows)
    for stage in broadband.stages:
        assert scene.stage_header(stage.id).name == stage.name
    for channel in broadband.channels:
        header = scene.channel_header(channel.id)
        assert (header.name, header.step) == (channel.name, channel.step)


def test_cards_sit_where_the_layout_says_and_never_overlap(scene, broadband):
    today = current_state(broadband)
    layout = compute_layout(today)
    for tp in today.touchpoints:
        rect = layout.cards[tp.id]
        assert card_at(scene, tp.id) == (rect.x, rect.y)
    boxes = [c.sceneBoundingRect().adjusted(2, 2, -2, -2) for c in scene.cards().values()]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_a_card_shows_title_epic_frictions_and_emotion(small_scene, small):
    small.push(EditTouchpoint(small, "t2", "epic.easy", 1))
    small.push(EditTouchpoint(small, "t2", "epic.intuitive", 5))
    small.push(EditTouchpoint(small, "t2", "emotion", -2))
    card = small_scene.card("t2")
    assert card.title_lines() == ["Call about order"]
    # The four EPIC boxes along the bottom, coloured by score, grey when unset.
    top = CARD_HEIGHT - PADDING - BADGE
    pitch = EPIC_BADGE_WIDTH + EPIC_BADGE_GAP
    box_colours = [pixel(card, PADDING + i * pitch + 3, top + 4) for i in range(4)]
    assert box_colours == [
        QColor(palette.EPIC_SCORE[1]),
        QColor(palette.UNSET),
        QColor(palette.EPIC_SCORE[5]),
        QColor(palette.UNSET),
    ]
    # The friction marker at the bottom right, coloured by its severity (3).
    marker_middle = pixel(card, CARD_WIDTH - PADDING - BADGE / 2 - 5, top + BADGE / 2)
    assert marker_middle == QColor(palette.SEVERITY[3])
    # The emotion face at the top right, red for angry.
    face_edge = pixel(card, CARD_WIDTH - PADDING - EMOTION_SIZE / 2, PADDING + 3)
    assert face_edge == QColor(palette.EMOTION[-2])
    assert "Emotion: -2 (angry)" in card.toolTip()


def test_a_long_title_wraps_and_is_elided_after_three_lines(small_scene, small):
    small.push(EditTouchpoint(small, "t1", "title", "word " * 60))
    lines = small_scene.card("t1").title_lines()
    assert len(lines) == 3 and lines[-1].endswith("…")


def test_friction_markers_follow_friction_edits_worst_first(small_scene, small):
    card = small_scene.card("t1")
    typo = Friction(id="x9", title="Typo", touchpoint_id="t1", severity=1)
    check = Friction(id="g", title="Confirm", touchpoint_id="t1", nature="good")
    small.push(AddFriction(small, typo))
    small.push(AddFriction(small, check))
    small.push(EditFriction(small, "x9", "severity", 4))
    assert small_scene.card("t1") is card  # updated in place, not rebuilt
    marks = [(m.severity, m.good) for m in card.face.frictions]
    assert marks == [(4, False), (2, False), (2, True)]
    assert card.face.frictions[0].colour == palette.SEVERITY[4]
    assert card.face.frictions[2].colour == palette.GOOD_FRICTION


def test_adding_a_touchpoint_adds_its_card_in_its_cell_and_undo_takes_it_away(small_scene, small):
    tp = Touchpoint(id="n", title="Pay", stage_id="s2", channel_id="web")
    small.push(AddTouchpoint(small, tp))
    cell = small_scene.grid_layout.cell("s2", "web")
    x, y = card_at(small_scene, "n")
    assert cell.contains(x, y)
    small.undo_stack.undo()
    assert small_scene.card("n") is None
    assert len([i for i in small_scene.items() if i is not None]) > 0


def test_moving_a_touchpoint_moves_its_card_and_reshapes_the_grid(small_scene, small):
    height_before = small_scene.grid_layout.rows["phone"].size
    small.push(MoveTouchpoint(small, "t1", "s2", "phone"))
    assert small_scene.grid_layout.rows["phone"].size > height_before
    x, y = card_at(small_scene, "t1")
    assert small_scene.grid_layout.cell("s2", "phone").contains(x, y)
    assert card_at(small_scene, "t1")[1] > card_at(small_scene, "t2")[1]
    small.undo_stack.undo()
    assert small_scene.grid_layout.cell("s1", "web").contains(*card_at(small_scene, "t1"))


def test_a_flow_between_channels_is_drawn_as_a_channel_switch(small_scene, small):
    switch = small_scene.flow_item("f1")  # web -> phone
    assert switch.is_channel_switch
    assert switch.pen().color() == QColor(palette.CHANNEL_SWITCH)
    assert switch.pen().style() == Qt.PenStyle.CustomDashLine
    small.push(MoveTouchpoint(small, "t1", "s1", "phone"))
    assert not small_scene.flow_item("f1").is_channel_switch
    assert small_scene.flow_item("f1").pen().style() == Qt.PenStyle.SolidLine


def test_a_flow_arrow_runs_from_one_card_to_the_other(small_scene, small):
    small.push(AddFlow(small, "t1", "t3", flow_id="f9"))
    path = small_scene.flow_item("f9").path()
    start, end = path.pointAtPercent(0), path.pointAtPercent(1)
    source, target = small_scene.card("t1"), small_scene.card("t3")
    assert source.sceneBoundingRect().adjusted(-1, -1, 1, 1).contains(start)
    assert target.sceneBoundingRect().adjusted(-1, -1, 1, 1).contains(end)


def test_removing_a_stage_removes_its_column_and_cards_and_undo_brings_them_back(scene, document):
    stage = document.blueprint.stages[4]
    today = current_state(document.blueprint).touchpoints
    doomed = [t.id for t in today if t.stage_id == stage.id]
    assert doomed
    cards, flows = len(scene.cards()), len(scene.flow_items())
    document.push(RemoveStage(document, stage.id))
    assert scene.stage_header(stage.id) is None
    assert all(scene.card(i) is None for i in doomed)
    assert len(scene.cards()) == cards - len(doomed)
    assert len(scene.flow_items()) < flows
    document.undo_stack.undo()
    assert scene.stage_header(stage.id).name == stage.name
    assert len(scene.cards()) == cards and len(scene.flow_items()) == flows


def test_headers_follow_renames_and_stairway_steps(small_scene, small):
    small.push(RenameStage(small, "s1", "Buy"))
    small.push(EditChannel(small, "web", "step", 5))
    assert small_scene.stage_header("s1").name == "Buy"
    assert small_scene.channel_header("web").step == 5
    assert "Stairway step 5: No contact needed" in small_scene.channel_header("web").toolTip()


def test_a_reset_document_is_drawn_afresh(small_scene, small, broadband):
    small.reset(broadband)
    assert len(small_scene.cards()) == len(current_state(broadband).touchpoints)
    assert small_scene.card("t1") is None


def test_selection_is_not_an_undo_step(small_scene, small):
    small_scene.select_touchpoints(["t2", "t1"])
    assert small_scene.selected_touchpoint_ids() == ["t1", "t2"]
    assert small.undo_stack.count() == 0


def render(scene, region: QRectF, scale: float) -> QImage:
    size = (int(region.width() * scale), int(region.height() * scale))
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), region)
    painter.end()
    return image


def pixel(card, x: float, y: float) -> QColor:
    """The colour the scene shows at point (x, y) of the card, at actual size."""
    origin = card.scenePos()
    image = render(card.scene(), QRectF(origin.x() + x, origin.y() + y, 1, 1), 1.0)
    return image.pixelColor(0, 0)


def test_far_out_a_card_is_a_box_in_the_colour_of_its_worst_friction(small_scene):
    card = small_scene.card("t2")  # friction of severity 3
    region = card.sceneBoundingRect()
    near = render(small_scene, region, 1.0)
    far = render(small_scene, region, 0.2)
    middle = far.pixelColor(far.width() // 2, far.height() // 2)
    assert middle == QColor(palette.SEVERITY[3])
    # Near, the middle of the card is its white face (title and badges around it).
    assert near.pixelColor(near.width() // 2, int(near.height() * 0.62)) == QColor(palette.CARD)


def test_far_out_the_headers_still_name_their_stages_and_channels(small_scene):
    """One zoom step out of the overview drew the headers as bare colour: a room on a
    projector saw coloured boxes and no stage or channel name."""

    def inked(item, ink: str) -> int:
        image = render(small_scene, item.sceneBoundingRect(), 0.25)
        return sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if _near(image.pixelColor(x, y), QColor(ink))
        )

    assert inked(small_scene.stage_header("s1"), palette.STAGE_HEADER_INK) >= 10
    assert inked(small_scene.channel_header("phone"), palette.INK) >= 10


def _near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


def test_the_whole_canvas_renders_to_a_picture_with_its_headers(scene, tmp_path):
    image = render_image(scene, 0.5)
    layout = scene.grid_layout
    assert (image.width(), image.height()) == (round(layout.width / 2), round(layout.height / 2))
    # The stage header band along the top, in the header colour.
    assert image.pixelColor(image.width() - 3, 3) == QColor(palette.STAGE_HEADER)
    path = tmp_path / "canvas.png"
    assert image.save(str(path)) and path.stat().st_size > 10_000


# --- the scene catches up with each edit: only what changed, as if drawn afresh ---------------


def assert_scene_shows(scene, document):
    """What the scene shows is what a scene drawn afresh from the document would show: its
    journey of today (the view a scene opens on)."""
    bp = current_state(document.blueprint)
    talk = talk_by_touchpoint(document.blueprint)  # open threads and conflicts on each card
    layout = compute_layout(bp)
    assert scene.grid_layout.cards == layout.cards
    assert set(scene.cards()) == {t.id for t in bp.touchpoints}
    for tp_id, card in scene.cards().items():
        rect = layout.cards.get(tp_id)
        assert card.isVisible() == (rect is not None)
        if rect is not None:
            assert (card.x(), card.y()) == (rect.x, rect.y)
        tp = document.touchpoint(tp_id)
        face = CardFace.of(tp, document.frictions_of(tp_id))
        assert card.face == face.noted(*talk.get(tp_id, (0, 0)))
    assert set(scene.flow_items()) == {f.id for f in bp.flows}
    channel_of = {t.id: t.channel_id for t in bp.touchpoints}
    routes = route_flows(layout, {f.id: (f.from_id, f.to_id) for f in bp.flows})
    for flow in bp.flows:
        item = scene.flow_item(flow.id)
        source, target = layout.cards.get(flow.from_id), layout.cards.get(flow.to_id)
        assert item.isVisible() == (source is not None and target is not None)
        if item.isVisible():
            assert item.segments == routes[flow.id].segments
            assert item.is_channel_switch == (channel_of[flow.from_id] != channel_of[flow.to_id])
            assert item.label == flow.label


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_after_any_edit_undo_or_redo_the_scene_shows_the_document(qapp, data):
    blueprint = data.draw(st.sampled_from(SAMPLE_BLUEPRINTS)).model_copy(deep=True)
    document = Document(blueprint)
    scene = BlueprintScene(document, parent=document)
    scene.show_overview(data.draw(st.booleans()))  # far out or near: the same items
    for _ in range(data.draw(st.integers(1, 12), label="steps")):
        if document.undo_stack.canUndo() and data.draw(st.integers(0, 4)) == 0:
            document.undo_stack.undo()
        else:
            apply_random_command(data.draw, document)
        assert_scene_shows(scene, document)
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert_scene_shows(scene, document)
    while document.undo_stack.canRedo():
        document.undo_stack.redo()
    assert_scene_shows(scene, document)
