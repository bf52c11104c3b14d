"""Where flows run: ports spread along card sides, parallel runs in lanes of their own."""

import subprocess
import sys
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blueprint.model import Channel, ChannelKind, Flow, Touchpoint
from blueprint.storage import load_blueprint
from blueprint.ui.canvas.layout import Rect, compute_layout
from blueprint.ui.canvas.routing import (
    LANE_CLEARANCE,
    LANE_MARGIN,
    LANE_SPACING,
    CardIndex,
    assign_lanes,
    lane_position,
    route_flows,
)
from tests.conftest import ROOT
from tests.factories import small_blueprint

spans = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3),
    st.tuples(st.integers(0, 400), st.integers(0, 200)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=25,
)


def overlap(a, b) -> bool:
    return a[0] <= b[1] + LANE_CLEARANCE and b[0] <= a[1] + LANE_CLEARANCE


@given(spans)
def test_runs_that_overlap_never_share_a_lane(runs):
    lanes = assign_lanes(runs)
    assert set(lanes) == set(runs)
    for a in runs:
        for b in runs:
            if a != b and overlap(runs[a], runs[b]):
                assert lanes[a] != lanes[b], (a, b)


@given(spans)
def test_as_few_lanes_as_the_most_runs_side_by_side(runs):
    lanes = assign_lanes(runs)
    # Intervals: the fewest lanes is the most runs that all pass one height (a run holds
    # its lane to LANE_CLEARANCE below its end).
    depths = [
        sum(1 for r in runs.values() if r[0] <= top <= r[1] + LANE_CLEARANCE)
        for top, _ in runs.values()
    ]
    assert (max(lanes.values()) + 1 if lanes else 0) == max(depths, default=0)


def test_runs_one_after_the_other_share_a_lane():
    assert assign_lanes({"a": (0, 100), "b": (120, 200), "c": (50, 150)}) == {
        "a": 0,
        "c": 1,
        "b": 0,
    }


@given(st.integers(1, 30), st.floats(12, 80))
def test_lanes_are_spread_in_their_gutter_in_order(count, width):
    gutter = (500.0, 500.0 + width)
    xs = [lane_position(gutter, lane, count) for lane in range(count)]
    assert xs == sorted(xs)
    assert all(b - a <= LANE_SPACING + 1e-9 for a, b in pairwise(xs))
    if count * LANE_SPACING <= width - 2 * LANE_MARGIN:
        assert all(gutter[0] + LANE_MARGIN <= x <= gutter[1] - LANE_MARGIN for x in xs)
    assert abs((xs[0] + xs[-1]) / 2 - sum(gutter) / 2) < 1e-9  # centred


def dense_column():
    """Stage s1 holds a card in each of five more channels below the web's; flows from each
    to the phone channel of s2, and down the column from the web's card to four of them."""
    bp = small_blueprint()
    bp.channels += [
        Channel(id=f"c{i}", name=f"Channel {i}", kind=ChannelKind.SELF_HELP, step=3)
        for i in range(5)
    ]
    bp.touchpoints += [
        Touchpoint(id=f"w{i}", title=f"w{i}", stage_id="s1", channel_id=f"c{i}") for i in range(5)
    ]
    bp.flows += [Flow(id=f"down{i}", from_id="t1", to_id=f"w{i}") for i in range(1, 5)]
    bp.flows += [Flow(id=f"out{i}", from_id=f"w{i}", to_id="t2") for i in range(5)]
    return bp


def routes_of(bp):
    layout = compute_layout(bp)
    return layout, route_flows(layout, {f.id: (f.from_id, f.to_id) for f in bp.flows})


def vertical_runs(route):
    """(x, top, bottom) of each straight stretch of the route that runs up or down."""
    runs = []
    for (x0, y0), _, _, (x1, y1) in route.segments:
        if abs(x1 - x0) < 1e-9 and abs(y1 - y0) > 1:
            runs.append((x0, min(y0, y1), max(y0, y1)))
    return runs


def test_parallel_flows_down_a_column_run_in_lanes_of_their_own():
    bp = dense_column()
    layout, routes = routes_of(bp)
    runs = {flow_id: vertical_runs(route) for flow_id, route in routes.items()}
    down = [runs[f"down{i}"] for i in range(1, 5)]
    assert all(len(r) == 1 for r in down)
    xs = [r[0][0] for r in down]
    assert len(set(xs)) == 4, "four flows down one column, four lanes"
    column_right = layout.cards["t1"].right
    next_column = layout.cards["t2"].x
    assert all(column_right < x < next_column for x in xs), "in the gutter, beside the cards"


def test_no_two_flows_share_a_stretch_of_line():
    for bp in (dense_column(), load_blueprint(ROOT / "samples/broadband-installation.blueprint")):
        _, routes = routes_of(bp)
        stretches = [
            (flow_id, run) for flow_id, route in routes.items() for run in vertical_runs(route)
        ]
        for i, (a, (xa, ta, ba)) in enumerate(stretches):
            for b, (xb, tb, bb) in stretches[i + 1 :]:
                if a != b and abs(xa - xb) < 1:
                    assert ba < tb or bb < ta, f"{a} and {b} run along each other at x={xa}"


def test_flows_leaving_one_side_of_a_card_leave_from_points_of_their_own():
    _, routes = routes_of(dense_column())
    starts = [routes[f"down{i}"].start for i in range(1, 5)]
    assert len(set(starts)) == 4
    ends = [routes[f"out{i}"].end for i in range(5)]
    assert len(set(ends)) == 5


def test_each_arrow_starts_on_its_source_and_points_into_its_target_from_outside():
    bp = load_blueprint(ROOT / "samples/airline-delayed-bag.blueprint")
    layout, routes = routes_of(bp)
    for flow in bp.flows:
        route = routes[flow.id]
        source, target = layout.cards[flow.from_id], layout.cards[flow.to_id]
        assert on_border(source, route.start), flow.id
        assert on_border(target, route.end), flow.id
        # The head is drawn from the last control point to the tip: outside the card, so
        # the head lies in the open, not under the card.
        (cx, cy) = route.segments[-1][2]
        assert not (target.x < cx < target.right and target.y < cy < target.bottom), flow.id


def on_border(rect, point) -> bool:
    x, y = point
    inside = rect.x - 0.01 <= x <= rect.right + 0.01 and rect.y - 0.01 <= y <= rect.bottom + 0.01
    edge = min(abs(x - rect.x), abs(x - rect.right), abs(y - rect.y), abs(y - rect.bottom))
    return inside and edge < 0.01


def test_the_routing_module_loads_no_qt():
    code = "import sys, blueprint.ui.canvas.routing; print('PySide6' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.strip() == "False"


_rects = st.builds(
    Rect,
    st.sampled_from([0.0, 240.0, 480.0]),  # cards share the edges of their column
    st.floats(0, 2000),
    st.just(232.0),
    st.floats(20, 200),
)


def _covers(cards, left, right, y, height) -> bool:
    return any(
        c.x < right and left < c.right and c.y < y + height / 2 and y - height / 2 < c.bottom
        for c in cards
    )


@given(
    cards=st.lists(_rects, max_size=30),
    left=st.floats(-50, 800),
    width=st.floats(1, 300),
    top=st.floats(-50, 2200),
    length=st.floats(0, 400),
    near=st.floats(0, 1),
)
def test_the_free_place_nearest_the_middle_is_found_as_every_card_would_say(
    cards, left, width, top, length, near
):
    right, bottom, height = left + width, top + length, 20.0
    middle = top + near * length
    found = CardIndex(cards).nearest_free(left, right, top, bottom, height, middle)
    places = [top + length * i / 400 for i in range(401)] + [middle]
    free = [y for y in places if not _covers(cards, left, right, y, height)]
    if found is None:
        assert free == []
    else:
        assert top <= found <= bottom
        assert not _covers(cards, left + 1e-6, right - 1e-6, found, height - 1e-6)
        assert all(abs(y - middle) >= abs(found - middle) - 1e-6 for y in free)


def test_a_label_in_a_gutter_slides_along_its_lane_off_the_cards(qtbot, document):
    """'form times out' sat on the corner of the card beside its lane, in the broadband
    sample; a label whose lane has room is clear of every card."""
    from blueprint.ui.canvas.card import CardItem
    from tests.ui.window_helpers import close_quietly, shown_window

    window = shown_window(qtbot, document)
    try:
        scene = window.canvas.blueprint_scene
        cards = [i.sceneBoundingRect() for i in scene.items() if isinstance(i, CardItem)]
        flow = next(f for f in scene._flows.values() if f.label == "form times out")
        plate = flow.label_rect()
        assert not any(plate.intersects(card) for card in cards)
        route = flow._drawn[0]
        assert route.run is not None  # it took a lane, and stayed on it
        assert route.run[0][0] == pytest.approx(plate.center().x())
    finally:
        close_quietly(window)
