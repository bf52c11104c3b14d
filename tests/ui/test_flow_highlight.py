"""Clicking a card lights up its flows and dims every other, so they can be followed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from blueprint.model import Touchpoint
from blueprint.ui.canvas import palette
from blueprint.ui.canvas.emphasis import mix
from blueprint.ui.canvas.flow_item import DIMMED, Emphasis
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import CanvasView
from blueprint.ui.commands import AddFlow, AddTouchpoint
from tests.ui.canvas_helpers import on_screen
from tests.ui.test_view import on_the_screen

LEFT = Qt.MouseButton.LeftButton
SWITCH_DIMMED = mix(palette.CHANNEL_SWITCH, palette.CANVAS, DIMMED)


@pytest.fixture
def view(qtbot, small):
    """The small blueprint at 100%, with t1 -> t5 (down the Purchase column, a plain flow)
    beside f1 (t1 -> t2) and f2 (t2 -> t3), both channel switches."""
    for tp_id in ("t4", "t5"):
        touchpoint = Touchpoint(id=tp_id, title=tp_id, stage_id="s1", channel_id="web")
        small.push(AddTouchpoint(small, touchpoint))
    small.push(AddFlow(small, "t1", "t5", flow_id="f9"))
    view = CanvasView(BlueprintScene(small))
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    qtbot.waitExposed(view)
    view.actual_size()
    view.centerOn(500, 350)
    return view


def click_card(qtbot, view, tp_id):
    rect = view.blueprint_scene.grid_layout.cards[tp_id]
    qtbot.mouseClick(view.viewport(), LEFT, pos=on_screen(view, rect.x + 40, rect.y + 60))


def colours_along(view, flow_id) -> list[QColor]:
    """The darkest pixel near each of 20 points along the flow, as shown on the screen."""
    image = on_the_screen(view)
    path = view.blueprint_scene.flow_item(flow_id).path()
    found = []
    for i in range(1, 20):
        point = on_screen(view, *path.pointAtPercent(i / 20).toTuple())
        near = [
            image.pixelColor(point.x() + dx, point.y() + dy)
            for dx in range(-2, 3)
            for dy in range(-2, 3)
        ]
        found.append(min(near, key=lambda c: c.red() + c.green() + c.blue()))
    return found


def close(found: QColor, expected: str, within: int = 40) -> bool:
    wanted = QColor(expected)
    return all(
        abs(a - b) <= within for a, b in zip(found.getRgb()[:3], wanted.getRgb()[:3], strict=True)
    )


def drawn_in(view, flow_id, colour: str, within: int = 40) -> int:
    """How many of the points along the flow show it in ``colour``."""
    return sum(close(found, colour, within) for found in colours_along(view, flow_id))


def test_clicking_a_card_highlights_its_flows_and_dims_the_others(qtbot, view):
    scene = view.blueprint_scene
    assert drawn_in(view, "f1", palette.CHANNEL_SWITCH) >= 5
    # Dimmed, a flow still reads on a projector (3:1): its colour is near its own.
    assert drawn_in(view, "f1", SWITCH_DIMMED, within=20) == 0

    click_card(qtbot, view, "t5")

    assert scene.selected_touchpoint_ids() == ["t5"]
    assert scene.flow_emphasis("f9") is Emphasis.HIGHLIGHTED
    assert scene.flow_emphasis("f1") is Emphasis.DIMMED
    assert scene.flow_emphasis("f2") is Emphasis.DIMMED
    # t5's flow stands out in its own colour; t1 -> t2 fades into the canvas.
    assert drawn_in(view, "f9", palette.FLOW) >= 15
    assert drawn_in(view, "f1", SWITCH_DIMMED, within=20) >= 5
    assert drawn_in(view, "f1", palette.CHANNEL_SWITCH, within=20) == 0


def test_a_highlighted_flow_is_drawn_wider_than_a_plain_one(qtbot, view):
    def width_across_lane() -> int:
        flow = view.blueprint_scene.flow_item("f9")
        (x, top), _, _, (_, bottom) = next(
            s for s in flow.segments if s[0][0] == s[3][0] and abs(s[3][1] - s[0][1]) > 50
        )
        image = on_the_screen(view)
        middle = on_screen(view, x, (top + bottom) / 2)
        return sum(
            close(image.pixelColor(middle.x() + dx, middle.y()), palette.FLOW, within=60)
            for dx in range(-6, 7)
        )

    plain = width_across_lane()
    click_card(qtbot, view, "t1")
    assert view.blueprint_scene.flow_emphasis("f9") is Emphasis.HIGHLIGHTED
    assert width_across_lane() > plain


def test_clicking_the_empty_canvas_shows_every_flow_plainly_again(qtbot, view):
    scene = view.blueprint_scene
    click_card(qtbot, view, "t5")
    assert drawn_in(view, "f1", palette.CHANNEL_SWITCH) == 0
    cell = scene.grid_layout.cell("s2", "web")
    qtbot.mouseClick(view.viewport(), LEFT, pos=on_screen(view, *cell.center))
    assert scene.selected_touchpoint_ids() == []
    assert {scene.flow_emphasis(f) for f in ("f1", "f2", "f9")} == {Emphasis.PLAIN}
    assert drawn_in(view, "f1", palette.CHANNEL_SWITCH) >= 5


def test_selecting_two_cards_highlights_the_flows_of_both(qtbot, view):
    scene = view.blueprint_scene
    click_card(qtbot, view, "t5")
    rect = scene.grid_layout.cards["t3"]
    qtbot.mouseClick(
        view.viewport(),
        LEFT,
        Qt.KeyboardModifier.ControlModifier,
        on_screen(view, rect.x + 40, rect.y + 60),
    )
    assert set(scene.selected_touchpoint_ids()) == {"t3", "t5"}
    assert scene.flow_emphasis("f9") is Emphasis.HIGHLIGHTED
    assert scene.flow_emphasis("f2") is Emphasis.HIGHLIGHTED
    assert scene.flow_emphasis("f1") is Emphasis.DIMMED
