"""Where everything sits in the lanes view, computed from the model alone (no Qt).

The classic service blueprint, turned so that it reads like the grid: stages run left to
right, each touchpoint of a stage is a column under it, and the lanes run across them,
top to bottom, cut by the three lines of the method.

Scene coordinates: the lane labels run down the left (``LABEL_WIDTH``), the stage bands
and the touchpoints' titles along the top (``HEADER_HEIGHT``); the lane cells start at
(LABEL_WIDTH, HEADER_HEIGHT).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...model import Touchpoint
from ..canvas.layout import Band, Rect


@dataclass(frozen=True)
class Lane:
    field: str  # the Touchpoint field it shows
    name: str


@dataclass(frozen=True)
class Rule:
    """A line of the method, drawn under the lane ``above``."""

    above: str
    name: str


#: The lanes, top to bottom.
LANES = (
    Lane("physical_evidence", "Physical evidence"),
    Lane("customer_action", "Customer actions"),
    Lane("frontstage", "Frontstage"),
    Lane("backstage", "Backstage"),
    Lane("support_processes", "Support processes"),
)
LANE_FIELDS = tuple(lane.field for lane in LANES)
RULES = (
    Rule("customer_action", "Line of interaction"),
    Rule("frontstage", "Line of visibility"),
    Rule("backstage", "Line of internal interaction"),
)

LABEL_WIDTH = 210
STAGE_BAND_HEIGHT = 40
COLUMN_HEADER_HEIGHT = 76
HEADER_HEIGHT = STAGE_BAND_HEIGHT + COLUMN_HEADER_HEIGHT
COLUMN_WIDTH = 250
#: A stage without touchpoints keeps a narrow column, so it is seen to be empty.
EMPTY_STAGE_WIDTH = 170
#: Between two stages: the canvas shows through, so each stage reads as a block.
STAGE_GAP = 8
RULE_HEIGHT = 28
CELL_PADDING = 10
LINE_HEIGHT = 20
TEXT_PIXELS = 15
#: A lane is as tall as its longest text needs, within these limits (longer text is
#: elided in the cell and shown whole in its tooltip and its editor).
MIN_LINES, MAX_LINES = 2, 7
#: Average advance of a character of the lane text, as a share of its pixel size, with
#: room to spare: an estimate too low elides a line, too high leaves a line blank.
CHAR_WIDTH = 0.56


def text_width() -> float:
    return COLUMN_WIDTH - 2 * CELL_PADDING


def estimated_lines(text: str) -> int:
    """How many lines ``text`` takes in a lane cell, about, without laying it out.

    Laying out the text of thousands of touchpoints would take most of a second; the cells
    lay out only what they show, when they show it.
    """
    per_line = text_width() / (CHAR_WIDTH * TEXT_PIXELS)
    return sum(max(1, math.ceil(len(paragraph) / per_line)) for paragraph in text.split("\n"))


def lane_lines(touchpoint: Touchpoint) -> tuple[int, ...]:
    """The estimated lines of each lane's text of one touchpoint, in lane order."""
    return tuple(
        estimated_lines(text) if (text := getattr(touchpoint, field)) else 0
        for field in LANE_FIELDS
    )


def lane_height(lines: int) -> float:
    return 2 * CELL_PADDING + LINE_HEIGHT * min(MAX_LINES, max(MIN_LINES, lines))


@dataclass(frozen=True)
class LanesLayout:
    #: touchpoint id -> its column (x, width)
    columns: Mapping[str, Band]
    #: stage id -> its band (x, width), touchpoints and all
    stages: Mapping[str, Band]
    #: lane field -> its row (y, height)
    lanes: Mapping[str, Band]
    #: rule name -> the y of the line
    rules: Mapping[str, float]
    width: float
    height: float

    @property
    def body(self) -> Rect:
        """The lane cells, without the headers."""
        return Rect(
            LABEL_WIDTH, HEADER_HEIGHT, self.width - LABEL_WIDTH, self.height - HEADER_HEIGHT
        )

    def cell(self, touchpoint_id: str, field: str) -> Rect:
        column, lane = self.columns[touchpoint_id], self.lanes[field]
        return Rect(column.start, lane.start, column.size, lane.size)

    def lane_at(self, y: float) -> str | None:
        for field, lane in self.lanes.items():
            if lane.start <= y < lane.start + lane.size:
                return field
        return None


EMPTY_LAYOUT = LanesLayout({}, {}, {}, {}, LABEL_WIDTH, HEADER_HEIGHT)


def compute_layout(
    stages: Sequence[tuple[str, Sequence[str]]], lines: Mapping[str, int]
) -> LanesLayout:
    """``stages``: each stage id with its touchpoint ids in order; ``lines``: the lines the
    tallest text of each lane needs."""
    columns: dict[str, Band] = {}
    stage_bands: dict[str, Band] = {}
    x = float(LABEL_WIDTH)
    for stage_id, touchpoint_ids in stages:
        start = x
        for touchpoint_id in touchpoint_ids:
            columns[touchpoint_id] = Band(x, COLUMN_WIDTH)
            x += COLUMN_WIDTH
        if not touchpoint_ids:
            x += EMPTY_STAGE_WIDTH
        stage_bands[stage_id] = Band(start, x - start)
        x += STAGE_GAP
    lanes: dict[str, Band] = {}
    rules: dict[str, float] = {}
    below = {rule.above: rule.name for rule in RULES}
    y = float(HEADER_HEIGHT)
    for lane in LANES:
        height = lane_height(lines.get(lane.field, 0))
        lanes[lane.field] = Band(y, height)
        y += height
        if lane.field in below:
            rules[below[lane.field]] = y + RULE_HEIGHT / 2
            y += RULE_HEIGHT
    return LanesLayout(columns, stage_bands, lanes, rules, max(x, LABEL_WIDTH), y)
