"""Where each flow arrow runs, computed from the layout alone (no Qt).

A reader must be able to follow every flow, even in a column where dozens of them run side
by side. So:

- **Ports**: the flows that leave or enter one side of a card are spread along that side,
  in the order of the cards at their other ends, instead of all meeting at its middle.
- **Lanes**: a flow that must travel up or down the grid does so in a *gutter*, the strip
  between two columns of cards, where nothing hides it. Flows whose runs overlap in one
  gutter get separate lanes, side by side, like the tracks of a railway (interval
  colouring: the fewest lanes for the overlaps there are).
- **Shapes**: such a flow leaves its card level, turns into its lane with a rounded
  corner, runs straight along it, and turns level again into its target, so the arrow
  head points into the card and is never drawn along the crowded lane.

Going forward through the stages, a flow leaves by the right and enters by the left, with
its lane in the gutter just left of its target; going back, the mirror image. Within one
column of cards, a card right below the other is joined top to bottom; further apart, the
flow runs in the gutter right of the column going down the journey, left of it going back
up.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from .layout import CARD_GAP, SIDE_PADDING, GridLayout, Rect

Point = tuple[float, float]
Cubic = tuple[Point, Point, Point, Point]

#: Closest a lane comes to the cards on either side of its gutter.
LANE_MARGIN = 4.0
#: Widest spacing of neighbouring lanes; narrower when a gutter holds many.
LANE_SPACING = 8.0
#: Radius of the corners where a flow turns into its lane and out of it.
CORNER = 8.0
#: Two runs in one gutter closer than this (vertically) share no lane.
LANE_CLEARANCE = 4.0
#: Share of a card's side kept free of ports at each end (its rounded corners).
PORT_INSET = 0.2
#: Magic number of a quarter circle drawn as a cubic.
_KAPPA = 0.5523


@dataclass(frozen=True, slots=True)
class Route:
    """A flow arrow: cubic curves joined end to end, from one card's side to another's."""

    segments: tuple[Cubic, ...]
    #: where the label sits: the middle of the lane, or of the curve
    middle: Point

    @property
    def start(self) -> Point:
        return self.segments[0][0]

    @property
    def end(self) -> Point:
        return self.segments[-1][3]


@dataclass(frozen=True, slots=True)
class _Plan:
    """How one flow runs, before ports and lanes are known."""

    source: Rect
    target: Rect
    exit: str  # side of the source: "left", "right", "top", "bottom"
    entry: str  # side of the target
    gutter: tuple[float, float] | None  # (left, right) edges of the gutter of its lane


def route_flows(layout: GridLayout, flows: Mapping[str, tuple[str, str]]) -> dict[str, Route]:
    """The route of every flow (id -> (from touchpoint, to touchpoint)) whose two cards are
    on the grid."""
    gutters = _Gutters(layout)
    plans: dict[str, _Plan] = {}
    for flow_id, (from_id, to_id) in flows.items():
        source, target = layout.cards.get(from_id), layout.cards.get(to_id)
        if source is not None and target is not None and from_id != to_id:
            plans[flow_id] = _plan(source, target, gutters)
    ports = assign_ports(
        {
            flow_id: ((flows[flow_id][0], plan.exit), (flows[flow_id][1], plan.entry))
            for flow_id, plan in plans.items()
        },
        {flow_id: (plan.source, plan.target) for flow_id, plan in plans.items()},
    )
    runs: dict[tuple[float, float], dict[str, tuple[float, float]]] = defaultdict(dict)
    for flow_id, plan in plans.items():
        if plan.gutter is not None:
            (_, y0), (_, y1) = ports[flow_id]
            runs[plan.gutter][flow_id] = (min(y0, y1), max(y0, y1))
    lane_x: dict[str, float] = {}
    for gutter, spans in runs.items():
        lanes = assign_lanes(spans)
        count = max(lanes.values()) + 1
        for flow_id, lane in lanes.items():
            lane_x[flow_id] = lane_position(gutter, lane, count)
    routes = {}
    for flow_id, plan in plans.items():
        start, end = ports[flow_id]
        if plan.gutter is None:
            routes[flow_id] = _straight_down(start, end)
        else:
            routes[flow_id] = _through_lane(start, lane_x[flow_id], end)
    return routes


def assign_lanes(spans: Mapping[str, tuple[float, float]]) -> dict[str, int]:
    """A lane for each run (id -> (top, bottom)) of one gutter: runs that overlap, or come
    within ``LANE_CLEARANCE`` of each other, never share one; as few lanes as that allows
    (taken top to bottom, each run into the first lane free by then)."""
    ordered = sorted(spans, key=lambda key: (spans[key][0], spans[key][0] - spans[key][1], key))
    free_from: list[float] = []  # lane -> the lowest point taken in it so far
    lanes: dict[str, int] = {}
    for key in ordered:
        top, bottom = spans[key]
        lane = next((i for i, low in enumerate(free_from) if low + LANE_CLEARANCE < top), None)
        if lane is None:
            lane = len(free_from)
            free_from.append(bottom)
        else:
            free_from[lane] = bottom
        lanes[key] = lane
    return lanes


def lane_position(gutter: tuple[float, float], lane: int, count: int) -> float:
    """The x of lane ``lane`` of ``count`` in a gutter: evenly spread, at most
    ``LANE_SPACING`` apart, centred, never nearer the cards than ``LANE_MARGIN``."""
    left, right = gutter
    room = max(0.0, right - left - 2 * LANE_MARGIN)
    spacing = LANE_SPACING if count < 2 else min(LANE_SPACING, room / (count - 1))
    middle = (left + right) / 2
    return middle + (lane - (count - 1) / 2) * spacing


def assign_ports(
    ends: Mapping[str, tuple[tuple[str, str], tuple[str, str]]],
    cards: Mapping[str, tuple[Rect, Rect]],
) -> dict[str, tuple[Point, Point]]:
    """Where each flow leaves its source and enters its target.

    ``ends``: flow id -> ((source card, side), (target card, side)); ``cards``: flow id ->
    (source rectangle, target rectangle). The flows on one side of one card are spread
    evenly along it (one flow: the middle), ordered by where their other ends are, so that
    they do not cross as they leave. A flow that leaves and enters by the same side (down or
    up a column of cards) is ordered the other way round: the farther its other end, the
    nearer the side's end its port, so that such flows nest instead of crossing.
    """
    by_side: dict[tuple[str, str], list[tuple[float, float, str, int]]] = defaultdict(list)
    for flow_id, ((source_id, exit_side), (target_id, entry_side)) in ends.items():
        source, target = cards[flow_id]
        nests = 1.0 if exit_side != entry_side else -1.0
        by_side[(source_id, exit_side)].append((*_across(exit_side, target, nests), flow_id, 0))
        by_side[(target_id, entry_side)].append((*_across(entry_side, source, nests), flow_id, 1))
    found: dict[str, list[Point]] = {flow_id: [(0.0, 0.0), (0.0, 0.0)] for flow_id in ends}
    for (_, side), members in by_side.items():
        members.sort()
        count = len(members)
        for place, (_, _, flow_id, which) in enumerate(members):
            rect = cards[flow_id][which]
            found[flow_id][which] = _port(rect, side, (place + 1) / (count + 1))
    return {flow_id: (points[0], points[1]) for flow_id, points in found.items()}


def _across(side: str, other: Rect, order: float) -> tuple[float, float]:
    """Sort key of a flow on ``side`` of a card: where its other card is along that side
    (``order`` -1: the other way round)."""
    x, y = other.center
    return (order * y, order * x) if side in ("left", "right") else (order * x, order * y)


def _port(rect: Rect, side: str, fraction: float) -> Point:
    fraction = PORT_INSET + (1 - 2 * PORT_INSET) * fraction
    if side == "left":
        return (rect.x, rect.y + rect.height * fraction)
    if side == "right":
        return (rect.right, rect.y + rect.height * fraction)
    if side == "top":
        return (rect.x + rect.width * fraction, rect.y)
    return (rect.x + rect.width * fraction, rect.bottom)


class _Gutters:
    """The strips between columns of cards, found from where the cards are."""

    def __init__(self, layout: GridLayout) -> None:
        self._lefts = sorted({rect.x for rect in layout.cards.values()})
        self._rights = sorted({rect.right for rect in layout.cards.values()})

    def left_of(self, x: float) -> tuple[float, float]:
        i = bisect.bisect_right(self._rights, x) - 1
        return (self._rights[i] if i >= 0 else x - SIDE_PADDING, x)

    def right_of(self, x: float) -> tuple[float, float]:
        i = bisect.bisect_left(self._lefts, x)
        return (x, self._lefts[i] if i < len(self._lefts) else x + SIDE_PADDING)


def _plan(source: Rect, target: Rect, gutters: _Gutters) -> _Plan:
    if target.x >= source.right:  # forward, to a later column
        return _Plan(source, target, "right", "left", gutters.left_of(target.x))
    if target.right <= source.x:  # back, to an earlier column
        return _Plan(source, target, "left", "right", gutters.right_of(target.right))
    down = target.y >= source.y
    gap = target.y - source.bottom if down else source.y - target.bottom
    if gap <= 2 * CARD_GAP:  # the card right below (or above): straight down (or up)
        return _Plan(source, target, *(("bottom", "top") if down else ("top", "bottom")), None)
    if down:
        return _Plan(source, target, "right", "right", gutters.right_of(source.right))
    return _Plan(source, target, "left", "left", gutters.left_of(source.x))


# --- shapes ---------------------------------------------------------------------------------


def _line(p: Point, q: Point) -> Cubic:
    dx, dy = (q[0] - p[0]) / 3, (q[1] - p[1]) / 3
    return (p, (p[0] + dx, p[1] + dy), (p[0] + 2 * dx, p[1] + 2 * dy), q)


def _corner(p: Point, leaving: Point, q: Point, arriving: Point, radius: float) -> Cubic:
    """A quarter turn from ``p`` heading ``leaving`` to ``q`` heading ``arriving``."""
    k = _KAPPA * radius
    return (
        p,
        (p[0] + leaving[0] * k, p[1] + leaving[1] * k),
        (q[0] - arriving[0] * k, q[1] - arriving[1] * k),
        q,
    )


def _sign(value: float) -> float:
    return 1.0 if value > 0 else -1.0 if value < 0 else 0.0


def _straight_down(start: Point, end: Point) -> Route:
    """From the bottom of a card to the top of the one right below it (or up)."""
    (x0, y0), (x1, y1) = start, end
    if abs(x1 - x0) < 0.5:
        segment = _line(start, end)
    else:
        bend = 12.0 * _sign(y1 - y0)
        segment = (start, (x0, y0 + bend), (x1, y1 - bend), end)
    return Route((segment,), ((x0 + x1) / 2, (y0 + y1) / 2))


def _through_lane(start: Point, lane: float, end: Point) -> Route:
    """Level out of the source, a rounded turn into the lane, along it, a rounded turn out,
    level into the target."""
    (x0, y0), (x1, y1) = start, end
    out, back, down = _sign(lane - x0), _sign(x1 - lane), _sign(y1 - y0)
    radius = min(CORNER, abs(lane - x0), abs(x1 - lane), abs(y1 - y0) / 2)
    if radius < 0.5:  # level with each other: no lane needed
        return Route((_line(start, end),), ((x0 + x1) / 2, (y0 + y1) / 2))
    points = (
        (lane - out * radius, y0),
        (lane, y0 + down * radius),
        (lane, y1 - down * radius),
        (lane + back * radius, y1),
    )
    segments = []
    if abs(points[0][0] - x0) > 0.01:
        segments.append(_line(start, points[0]))
    segments.append(_corner(points[0], (out, 0.0), points[1], (0.0, down), radius))
    if abs(points[2][1] - points[1][1]) > 0.01:
        segments.append(_line(points[1], points[2]))
    segments.append(_corner(points[2], (0.0, down), points[3], (back, 0.0), radius))
    if abs(x1 - points[3][0]) > 0.01:
        segments.append(_line(points[3], end))
    return Route(tuple(segments), (lane, (y0 + y1) / 2))
