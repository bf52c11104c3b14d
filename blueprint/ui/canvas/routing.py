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
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

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
#: Farthest a label of a flow that takes no lane moves up or down from its middle.
NEAR_MIDDLE = 36.0
#: Magic number of a quarter circle drawn as a cubic.
_KAPPA = 0.5523


@dataclass(frozen=True, slots=True)
class Route:
    """A flow arrow: cubic curves joined end to end, from one card's side to another's."""

    segments: tuple[Cubic, ...]
    #: where the label sits: the middle of the lane, or of the curve
    middle: Point
    #: the straight stretch along a lane (top or bottom first), where a label may slide to
    #: keep off the cards beside the lane; None for a flow that takes no lane
    run: tuple[Point, Point] | None = None

    def label_range(self) -> tuple[float, float, float]:
        """(x, top, bottom): where the label's centre may sit, best at the middle: along
        the lane, or, for a flow that takes none, just above or below its middle."""
        x, middle = self.middle
        if self.run is None:
            return x, middle - NEAR_MIDDLE, middle + NEAR_MIDDLE
        (x, one), (_, other) = self.run
        return x, min(one, other), max(one, other)

    @property
    def start(self) -> Point:
        return self.segments[0][0]

    @property
    def end(self) -> Point:
        return self.segments[-1][3]


class CardIndex:
    """The cards' rectangles, for finding quickly where a small rectangle (a flow's label)
    covers none: cards are grouped by their left and right edges (a column of cards shares
    them), each group sorted top to bottom."""

    def __init__(self, cards: Iterable[Rect]) -> None:
        columns: dict[tuple[float, float], list[tuple[float, float]]] = defaultdict(list)
        for card in cards:
            columns[(card.x, card.right)].append((card.y, card.bottom))
        self._columns = [(left, right, sorted(spans)) for (left, right), spans in columns.items()]
        self._longest = {
            (left, right): max(bottom - top for top, bottom in spans)
            for left, right, spans in self._columns
        }

    def nearest_free(
        self, left: float, right: float, top: float, bottom: float, height: float, near: float
    ) -> float | None:
        """The centre, between ``top`` and ``bottom`` and nearest ``near``, of a rectangle
        from ``left`` to ``right`` and ``height`` high that covers no card; None when every
        such place covers one."""
        half = height / 2
        blocked: list[tuple[float, float]] = []  # centres that would cover a card
        for x0, x1, spans in self._columns:
            if x1 <= left or x0 >= right:
                continue
            start = bisect.bisect_left(spans, (top - half - self._longest[(x0, x1)], -math.inf))
            for y0, y1 in spans[start:]:
                if y0 >= bottom + half:
                    break
                if y1 > top - half:
                    blocked.append((y0 - half, y1 + half))
        blocked.sort()
        merged: list[list[float]] = []
        for lo, hi in blocked:
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        best: float | None = None
        for candidate in [near] + [edge for lo, hi in merged for edge in (lo, hi)]:
            if not top <= candidate <= bottom:
                continue
            if any(lo < candidate < hi for lo, hi in merged):
                continue
            if best is None or abs(candidate - near) < abs(best - near):
                best = candidate
        return best


class _Plan(NamedTuple):
    """How one flow runs, before ports and lanes are known."""

    source: Rect
    target: Rect
    exit: str  # side of the source: "left", "right", "top", "bottom"
    entry: str  # side of the target
    gutter: tuple[float, float] | None  # (left, right) edges of the gutter of its lane


#: (start, lane or None, end) -> the route they make: kept by the caller from one call to
#: the next, as most flows keep their route when a card moves.
RouteCache = dict[tuple[Point, float | None, Point], "Route"]


def route_flows(
    layout: GridLayout, flows: Mapping[str, tuple[str, str]], known: RouteCache | None = None
) -> dict[str, Route]:
    """The route of every flow (id -> (from touchpoint, to touchpoint)) whose two cards are
    on the grid. ``known``: routes made by earlier calls, reused (and added to)."""
    known = {} if known is None else known
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
    for flow_id in plans:
        start, end = ports[flow_id]
        lane = lane_x.get(flow_id)
        route = known.get((start, lane, end))
        if route is None:
            route = _straight_down(start, end) if lane is None else _through_lane(start, lane, end)
            known[(start, lane, end)] = route
        routes[flow_id] = route
    return routes


def assign_lanes(spans: Mapping[str, tuple[float, float]]) -> dict[str, int]:
    """A lane for each run (id -> (top, bottom)) of one gutter: runs that overlap, or come
    within ``LANE_CLEARANCE`` of each other, never share one; as few lanes as that allows
    (taken top to bottom, each run into the lane that has been free the longest)."""
    ordered = sorted(spans.items(), key=lambda item: (item[1][0], item[1][0] - item[1][1], item[0]))
    free: list[tuple[float, int]] = []  # heap: (the lowest point taken in a lane, the lane)
    lanes: dict[str, int] = {}
    for key, (top, bottom) in ordered:
        if free and free[0][0] + LANE_CLEARANCE < top:
            lane = free[0][1]
            heapq.heapreplace(free, (bottom, lane))
        else:
            lane = len(free)
            heapq.heappush(free, (bottom, lane))
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
    # (card, side) -> (where the other card is along that side, flow, 0 source / 1 target)
    by_side: dict[tuple[str, str], list[tuple[float, float, str, int]]] = defaultdict(list)
    for flow_id, ((source_id, exit_side), (target_id, entry_side)) in ends.items():
        source, target = cards[flow_id]
        o = 1.0 if exit_side != entry_side else -1.0  # the other way round: nesting
        sx, sy = source.x + source.width / 2, source.y + source.height / 2
        tx, ty = target.x + target.width / 2, target.y + target.height / 2
        level = exit_side in _LEVEL
        by_side[(source_id, exit_side)].append(
            (o * ty, o * tx, flow_id, 0) if level else (o * tx, o * ty, flow_id, 0)
        )
        level = entry_side in _LEVEL
        by_side[(target_id, entry_side)].append(
            (o * sy, o * sx, flow_id, 1) if level else (o * sx, o * sy, flow_id, 1)
        )
    starts: dict[str, Point] = {}
    finishes: dict[str, Point] = {}
    span = 1 - 2 * PORT_INSET
    for (_, side), members in by_side.items():
        members.sort()
        step = span / (len(members) + 1)
        for place, (_, _, flow_id, which) in enumerate(members, 1):
            rect = cards[flow_id][which]
            fraction = PORT_INSET + step * place
            if side == "left":
                point = (rect.x, rect.y + rect.height * fraction)
            elif side == "right":
                point = (rect.x + rect.width, rect.y + rect.height * fraction)
            elif side == "top":
                point = (rect.x + rect.width * fraction, rect.y)
            else:
                point = (rect.x + rect.width * fraction, rect.y + rect.height)
            (finishes if which else starts)[flow_id] = point
    return {flow_id: (starts[flow_id], finishes[flow_id]) for flow_id in ends}


#: Sides a flow leaves or enters level (sideways), rather than up or down.
_LEVEL = frozenset(("left", "right"))


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
    return Route(tuple(segments), (lane, (y0 + y1) / 2), (points[1], points[2]))
