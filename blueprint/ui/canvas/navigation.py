"""Moving across the grid with the arrow keys: from a card or an empty cell to the next one
(no Qt).

Within a cell the cards stand in columns of ``layout.stack``; an arrow goes to the card
beside, above or below in the same cell, and past the cell's edge into the neighbouring
cell: to its nearest card, or to the cell itself when it has none. At the grid's edge there
is nowhere to go.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .layout import GridLayout


class Direction(Enum):
    LEFT = (-1, 0)
    RIGHT = (1, 0)
    UP = (0, -1)
    DOWN = (0, 1)


@dataclass(frozen=True, slots=True)
class Place:
    """A card, or an empty place of a cell (``touchpoint_id`` None)."""

    stage_id: str
    channel_id: str
    touchpoint_id: str | None = None

    @property
    def cell(self) -> tuple[str, str]:
        return (self.stage_id, self.channel_id)


def place_of(layout: GridLayout, touchpoint_id: str) -> Place | None:
    slot = layout.slots.get(touchpoint_id)
    return None if slot is None else Place(slot.stage_id, slot.channel_id, touchpoint_id)


def first_place(layout: GridLayout) -> Place | None:
    """The top-left cell: its first card, or the cell itself."""
    if not layout.columns or not layout.rows:
        return None
    return place_in(layout, (next(iter(layout.columns)), next(iter(layout.rows))))


def place_in(layout: GridLayout, cell: tuple[str, str]) -> Place:
    """A cell's first card, or the cell itself when it has none."""
    cards = _cards_in(layout, cell)
    return Place(*cell, cards[0] if cards else None)


def position(layout: GridLayout, cell: tuple[str, str]) -> tuple[int, int] | None:
    """The cell's column and row in the grid; None when it is not in it."""
    stages, channels = list(layout.columns), list(layout.rows)
    if cell[0] not in layout.columns or cell[1] not in layout.rows:
        return None
    return stages.index(cell[0]), channels.index(cell[1])


def nearest_cell(
    layout: GridLayout, cell: tuple[str, str], was: tuple[int, int]
) -> tuple[str, str] | None:
    """The cell in the grid nearest to ``cell``, whose stage or channel may have gone; ``was``
    is where it stood (column, row): a removed stage's cell gives way to the stage that took
    its place (the one before, when it was the last), a removed channel's likewise."""
    stages, channels = list(layout.columns), list(layout.rows)
    if not stages or not channels:
        return None
    stage = cell[0] if cell[0] in layout.columns else stages[min(was[0], len(stages) - 1)]
    channel = cell[1] if cell[1] in layout.rows else channels[min(was[1], len(channels) - 1)]
    return stage, channel


def step(layout: GridLayout, place: Place, direction: Direction) -> Place | None:
    """Where an arrow key goes from ``place``; None at the grid's edge (or for a place no
    longer in the grid)."""
    if place.stage_id not in layout.columns or place.channel_id not in layout.rows:
        return None
    cards = _cards_in(layout, place.cell)
    column, row = 0, 0
    if place.touchpoint_id is not None:
        if place.touchpoint_id not in cards:
            return None
        column, row = divmod(cards.index(place.touchpoint_id), layout.stack)
        inside = _within_cell(cards, column, row, direction, layout.stack)
        if inside is not None:
            return Place(*place.cell, inside)
    neighbour = _neighbour_cell(layout, place.cell, direction)
    if neighbour is None:
        return None
    entered = _entering(_cards_in(layout, neighbour), column, row, direction, layout.stack)
    return Place(*neighbour, entered)


def _cards_in(layout: GridLayout, cell: tuple[str, str]) -> list[str]:
    """The cell's cards in their order (their slots' indices)."""
    found = [(s.index, tp) for tp, s in layout.slots.items() if (s.stage_id, s.channel_id) == cell]
    return [tp for _index, tp in sorted(found)]


def _within_cell(
    cards: list[str], column: int, row: int, direction: Direction, stack: int
) -> str | None:
    dx, dy = direction.value
    column, row = column + dx, row + dy
    if column < 0 or not 0 <= row < stack:
        return None
    index = column * stack + row
    if index < len(cards):
        return cards[index]
    if dx > 0 and column * stack < len(cards):  # a shorter column to the right: its last
        return cards[-1]
    return None


def _neighbour_cell(
    layout: GridLayout, cell: tuple[str, str], direction: Direction
) -> tuple[str, str] | None:
    dx, dy = direction.value
    stages, channels = list(layout.columns), list(layout.rows)
    column, row = stages.index(cell[0]) + dx, channels.index(cell[1]) + dy
    if not 0 <= column < len(stages) or not 0 <= row < len(channels):
        return None
    return (stages[column], channels[row])


def _entering(
    cards: list[str], column: int, row: int, direction: Direction, stack: int
) -> str | None:
    """The card an arrow lands on in a neighbouring cell: the nearest to where it came
    from, on the side it comes in by; None for an empty cell."""
    if not cards:
        return None
    columns = -(-len(cards) // stack)

    def in_column(index: int) -> list[str]:
        return cards[index * stack : (index + 1) * stack]

    if direction in (Direction.LEFT, Direction.RIGHT):
        entered = in_column(columns - 1 if direction is Direction.LEFT else 0)
        return entered[min(row, len(entered) - 1)]
    entered = in_column(min(column, columns - 1))
    return entered[-1] if direction is Direction.UP else entered[0]
