"""Where everything sits on the canvas, computed from the model alone (no Qt).

Columns are stages, rows are channels. A cell stacks its cards top to bottom, up to the
layout's ``stack`` height, then starts another column of cards beside them; a stage column
is as wide as its widest cell and a channel row as tall as its tallest, so cards never
overlap. ``stack`` is 3 for a workshop-sized blueprint and grows with the fullest cell, so
a blueprint of thousands of cards stays roughly as wide as it is tall.
Scene coordinates: the top-left corner is (0, 0); stage headers run along the top and
channel headers down the left, and the cells start at (ROW_HEADER_WIDTH, HEADER_HEIGHT).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...model import Blueprint

CARD_WIDTH = 232
CARD_HEIGHT = 104
CARD_GAP = 12
CELL_PADDING = 12
#: Room left and right of a stage's cards: the gutters between stages carry the lanes of the
#: flows that run up and down the grid (``routing``), side by side.
SIDE_PADDING = 24
#: Cards stacked in one cell before the cell grows sideways instead of down (at least).
MIN_STACK = 3
HEADER_HEIGHT = 60
ROW_HEADER_WIDTH = 232
#: A channel with no touchpoint at all stays low, so empty rows do not push the rest away.
EMPTY_ROW_HEIGHT = 64


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


@dataclass(frozen=True, slots=True)
class Band:
    """A column (x, width) or a row (y, height) of the grid."""

    start: float
    size: float

    @property
    def end(self) -> float:
        return self.start + self.size


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a card is: its cell and its place in the cell."""

    stage_id: str
    channel_id: str
    index: int


@dataclass(frozen=True)
class GridLayout:
    columns: dict[str, Band]  # stage id -> column, left to right
    rows: dict[str, Band]  # channel id -> row, top to bottom
    cards: dict[str, Rect]  # touchpoint id -> card
    slots: dict[str, Slot]  # touchpoint id -> cell and place in it
    width: float
    height: float
    stack: int = MIN_STACK  # cards one above the other in a cell before a new card column

    @property
    def body(self) -> Rect:
        """The cells, without the headers."""
        return Rect(
            ROW_HEADER_WIDTH,
            HEADER_HEIGHT,
            self.width - ROW_HEADER_WIDTH,
            self.height - HEADER_HEIGHT,
        )

    def cell(self, stage_id: str, channel_id: str) -> Rect:
        column, row = self.columns[stage_id], self.rows[channel_id]
        return Rect(column.start, row.start, column.size, row.size)

    def stage_header(self, stage_id: str) -> Rect:
        column = self.columns[stage_id]
        return Rect(column.start, 0, column.size, HEADER_HEIGHT)

    def channel_header(self, channel_id: str) -> Rect:
        row = self.rows[channel_id]
        return Rect(0, row.start, ROW_HEADER_WIDTH, row.size)

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        stage = next((s for s, band in self.columns.items() if band.start <= x < band.end), None)
        channel = next((c for c, band in self.rows.items() if band.start <= y < band.end), None)
        return None if stage is None or channel is None else (stage, channel)


def slot_offset(index: int, stack: int = MIN_STACK) -> tuple[float, float]:
    """Top-left of the ``index``-th card of a cell, from the cell's top-left."""
    column, row = divmod(index, stack)
    return (
        SIDE_PADDING + column * (CARD_WIDTH + CARD_GAP),
        CELL_PADDING + row * (CARD_HEIGHT + CARD_GAP),
    )


def _extent(count: int, card: float, padding: float = CELL_PADDING) -> float:
    return count * card + (count - 1) * CARD_GAP + 2 * padding


def compute_layout(blueprint: Blueprint) -> GridLayout:
    stage_ids = [s.id for s in blueprint.stages]
    channel_ids = [c.id for c in blueprint.channels]
    known_stages, known_channels = set(stage_ids), set(channel_ids)
    slots: dict[str, Slot] = {}
    counts: dict[tuple[str, str], int] = {}
    for tp in blueprint.touchpoints:
        if tp.stage_id not in known_stages or tp.channel_id not in known_channels:
            continue  # a broken reference: validation reports it, the canvas skips it
        cell = (tp.stage_id, tp.channel_id)
        slots[tp.id] = Slot(tp.stage_id, tp.channel_id, counts.get(cell, 0))
        counts[cell] = counts.get(cell, 0) + 1

    stack = stack_height(max(counts.values(), default=0))
    card_columns = dict.fromkeys(stage_ids, 1)
    card_rows = dict.fromkeys(channel_ids, 0)
    for (stage, channel), count in counts.items():
        card_columns[stage] = max(card_columns[stage], math.ceil(count / stack))
        card_rows[channel] = max(card_rows[channel], min(count, stack))

    columns, x = {}, float(ROW_HEADER_WIDTH)
    for stage in stage_ids:
        columns[stage] = Band(x, _extent(card_columns[stage], CARD_WIDTH, SIDE_PADDING))
        x = columns[stage].end
    rows, y = {}, float(HEADER_HEIGHT)
    for channel in channel_ids:
        count = card_rows[channel]
        rows[channel] = Band(y, _extent(count, CARD_HEIGHT) if count else EMPTY_ROW_HEIGHT)
        y = rows[channel].end

    cards = {}
    for tp_id, slot in slots.items():
        dx, dy = slot_offset(slot.index, stack)
        cards[tp_id] = Rect(
            columns[slot.stage_id].start + dx,
            rows[slot.channel_id].start + dy,
            CARD_WIDTH,
            CARD_HEIGHT,
        )
    return GridLayout(columns, rows, cards, slots, x, y, stack)


def stack_height(fullest: int) -> int:
    """Cards per card column: about sqrt(0.6 n) for the fullest cell of n cards, which
    makes a full cell about twice as wide as tall, like the screens it is shown on."""
    return max(MIN_STACK, math.ceil(math.sqrt(0.6 * fullest)))


def drop_slot(layout: GridLayout, x: float, y: float, moving_id: str) -> Slot | None:
    """Where a card dropped at (x, y) goes: its cell, and its index among the cell's
    other cards (the card being moved left out). None outside the cells."""
    cell = layout.cell_at(x, y)
    if cell is None:
        return None
    stage_id, channel_id = cell
    others = [
        s.index
        for tp, s in layout.slots.items()
        if (s.stage_id, s.channel_id) == cell and tp != moving_id
    ]
    rect = layout.cell(stage_id, channel_id)
    card_column = max(0, int((x - rect.x - SIDE_PADDING + CARD_GAP / 2) // (CARD_WIDTH + CARD_GAP)))
    # Cards in this card column whose middle is above the drop point come before it.
    pitch = CARD_HEIGHT + CARD_GAP
    above = math.floor((y - rect.y - CELL_PADDING - CARD_HEIGHT / 2) / pitch) + 1
    slot = card_column * layout.stack + min(max(above, 0), layout.stack)
    moving = layout.slots.get(moving_id)
    if moving is not None and (moving.stage_id, moving.channel_id) == cell and moving.index < slot:
        slot -= 1  # the moved card's own slot is freed
    return Slot(stage_id, channel_id, min(slot, len(others)))
