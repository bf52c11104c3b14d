"""The top improvements and the heat map as native tables, over as many slides as they need.

Rows are measured before they are placed (``text.lines_needed``): a table PowerPoint grows
to fit its text must still end above the slide's bottom edge, so a long table goes on over
continuation slides titled "(2 of 3)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from math import ceil

from pptx.presentation import Presentation

from .. import palette
from ..content.formulas import Formula, pick
from ..content.heat_map import NO_GRID, TOTAL_LABEL, HeatMap, scale_fraction
from ..content.improvements import ImprovementRow
from ..content.outline import WHERE_IT_HURTS
from ..saving import AT_LEAST_KEY
from .draw import Box, Cell, Column, Para, rect, table, text_box
from .frame import BODY, titled_slide
from .text import amount_text, lines_needed, one_line, unbroken_size

TOP_TITLE = "Top improvements"
TOP_COLUMNS = (
    Column("#", 0.45, numeric=True),
    Column("Improvement", 3.1),
    Column("Wave", 1.25),
    Column("Action · quadrant", 1.45),
    Column("Effort", 0.7, numeric=True),
    Column("Impact I", 0.95, numeric=True),
    Column("Priority P", 0.95, numeric=True),
    Column("Avoidable cost a year", 1.35, numeric=True),
    Column("Lost journeys saved a year", 1.2, numeric=True),
    Column("Lift", 1.05),
)
TOP_FORMULAS = (
    "reach",
    "weight",
    "friction_impact",
    "impact",
    "priority",
    "quadrant",
    "waves",
    "avoidable_cost",
    "lost_journeys",
    "lift",
)
TABLE_SIZE = 11.0
LEADING = 1.2
#: A cell's margins, top and bottom together, and what LibreOffice adds to a line.
PAD = 12.0
HEADER_HEIGHT = 34.0
#: Kept under the top improvements for the key of "≥".
KEY_ROOM = 26.0

HEAT_FORMULAS = ("reach", "origin", "landing", "drop", "weight", "friction_impact")
#: Stages across one slide's heat map, at most.
HEAT_STAGES = 9
HEAT_SIZE = 9.5
#: Kept under the heat map for its colour scale.
SCALE_ROOM = 26.0
CHANNEL_WEIGHT = 1.9
#: Set no smaller to keep a huge amount whole: below it, broken is still more legible.
AMOUNT_SMALLEST = 6.0
_FIGURE = re.compile(r"\d")


def title_of(title: str, part: int, parts: int) -> str:
    return title if parts == 1 else f"{title} ({part} of {parts})"


def _pages(heights: Sequence[float], room: float) -> list[range]:
    """Consecutive rows per slide, each slide's rows no taller than ``room``."""
    pages, start, used = [], 0, 0.0
    for i, height in enumerate(heights):
        if i > start and used + height > room:
            pages.append(range(start, i))
            start, used = i, 0.0
        used += height
    if start < len(heights) or not pages:
        pages.append(range(start, len(heights)))
    return pages


def _column_width(columns: Sequence[Column], index: int, width: float) -> float:
    return width * columns[index].weight / sum(c.weight for c in columns) - 8


# --- top improvements -------------------------------------------------------------------------


def _top_cells(row: ImprovementRow) -> list[Cell | str]:
    return [
        row.rank,
        Cell(row.listed_title, bold=True),
        Cell(row.wave.value, palette.WAVE_COLOURS[row.wave], bold=True),
        f"{row.action} · {row.quadrant}",
        row.effort,
        row.impact,
        row.priority,
        row.avoidable_cost,
        row.lost_journeys,
        row.lift,
    ]


def row_height_of(
    cells: Sequence[Cell | str], columns: Sequence[Column], width: float, size: float
):
    """How tall a row of ``cells`` stands, each in its column's size (``size`` unless set)."""
    tallest = 0.0
    for i, c in enumerate(cells):
        points = columns[i].size or size
        lines = lines_needed(
            c if isinstance(c, str) else c.text,
            points,
            _column_width(columns, i, width),
            bold=not isinstance(c, str) and c.bold,
        )
        tallest = max(tallest, lines * points)
    return tallest * LEADING + PAD


def whole_amounts(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell | str]], width: float, size: float
) -> tuple[tuple[Column, ...], list[list[Cell | str]]]:
    """The ``columns`` and ``rows`` of a table ``width`` wide, set at ``size``, with its
    amounts kept whole: each may break after its currency only, and a column of numbers is
    set as much smaller as its longest number needs to stay on one line (a huge amount read
    ``IDR`` / ``8,823,305,500,0`` / ``00,000``), every column of numbers at one size.
    Ordinary amounts keep ``size``."""
    rows = [
        [
            _amount_cell(cell) if column.numeric else cell
            for cell, column in zip(row, columns, strict=True)
        ]
        for row in rows
    ]
    # One size for every column of numbers, the smallest any needs: three neighbouring
    # columns set at three sizes read as a mistake.
    points = min(
        (
            unbroken_size(
                {number for row in rows for number in _numbers(row[i])},
                _column_width(columns, i, width),
                largest=size,
                smallest=AMOUNT_SMALLEST,
            )
            for i, column in enumerate(columns)
            if column.numeric
        ),
        default=size,
    )
    if points >= size:
        return tuple(columns), rows
    return tuple(replace(c, size=points) if c.numeric else c for c in columns), rows


def _numbers(cell: Cell | str) -> list[tuple[str, bool]]:
    """The words of ``cell`` with a figure in them, each with whether it is bold: what a
    column of numbers must keep whole (its other words wrap, as any text)."""
    text, bold = (cell, False) if isinstance(cell, str) else (cell.text, cell.bold)
    return [(word, bold) for word in one_line(text).split(" ") if _FIGURE.search(word)]


def _amount_cell(cell: Cell | str) -> Cell | str:
    return (
        amount_text(cell) if isinstance(cell, str) else replace(cell, text=amount_text(cell.text))
    )


def top_slides(
    deck: Presentation, rows: tuple[ImprovementRow, ...], formulas: tuple[Formula, ...]
) -> int:
    """The top improvements in rank order; the number of slides made."""
    columns, cells = whole_amounts(
        TOP_COLUMNS, [_top_cells(row) for row in rows], BODY.width, TABLE_SIZE
    )
    heights = [row_height_of(c, columns, BODY.width, TABLE_SIZE) for c in cells]
    # Under the table, what "≥" means where an amount has it.
    key = AT_LEAST_KEY if any(row.at_least for row in rows) else None
    pages = _pages(heights, BODY.height - HEADER_HEIGHT - (KEY_ROOM if key else 0))
    lead = [
        "The top improvements of the plan by rank: the highest priority P first. Their "
        "titles, waves and numbers are those of the PDF plan's summary and ranked plan."
    ]
    for part, page in enumerate(pages, start=1):
        slide = titled_slide(
            deck, title_of(TOP_TITLE, part, len(pages)), lead, pick(formulas, *TOP_FORMULAS)
        )
        if not rows:
            text_box(slide, BODY, [Para("No improvements yet.", 16)])
            continue
        height = HEADER_HEIGHT + sum(heights[i] for i in page)
        table(
            slide,
            Box(BODY.left, BODY.top, BODY.width, height),
            columns,
            [cells[i] for i in page],
            size=TABLE_SIZE,
            row_height=min(heights[i] for i in page),
            header_height=HEADER_HEIGHT,
            name="Top improvements",
        )
        if key:
            below = Box(BODY.left, BODY.top + height + 6, BODY.width, KEY_ROOM - 6)
            text_box(slide, below, [Para(key, 11, palette.MUTED)])
    return len(pages)


# --- the heat map -----------------------------------------------------------------------------


def _stage_chunks(count: int) -> list[range]:
    """Consecutive stages per slide, as even as possible."""
    parts = max(1, ceil(count / HEAT_STAGES))
    chunks, start = [], 0
    for i in range(parts):
        size = count // parts + (1 if i < count % parts else 0)
        chunks.append(range(start, start + size))
        start += size
    return chunks


def heat_slides(deck: Presentation, heat: HeatMap, formulas: tuple[Formula, ...]) -> int:
    """The heat map of friction impact, stages across and channels down; the slides made."""
    lead = [heat.intro]
    chosen = pick(formulas, *HEAT_FORMULAS)
    if heat.empty:
        slide = titled_slide(deck, WHERE_IT_HURTS[1], lead, chosen)
        text_box(slide, BODY, [Para(NO_GRID, 16)])
        return 1
    pieces = []
    for chunk in _stage_chunks(len(heat.stages)):
        columns = [Column("", CHANNEL_WEIGHT)] + [Column(heat.stages[i], 1, True) for i in chunk]
        rows: list[list[Cell | str]] = [
            [Cell(channel), *(_heat_cell(cells[i]) for i in chunk)]
            for channel, cells in zip(heat.channels, heat.cells, strict=True)
        ]
        header = row_height_of([c.heading for c in columns], columns, BODY.width, HEAT_SIZE)
        heights = [row_height_of(row, columns, BODY.width, HEAT_SIZE) for row in rows]
        total = row_height_of([TOTAL_LABEL], columns[:1], BODY.width, HEAT_SIZE)
        room = BODY.height - header - total - SCALE_ROOM
        for page in _pages(heights, room):
            last = page.stop == len(rows)
            body = [rows[i] for i in page]
            if last:
                body.append(
                    [
                        Cell(TOTAL_LABEL, bold=True),
                        *(Cell(heat.totals[i], bold=True) for i in chunk),
                    ]
                )
            pieces.append(
                (columns, body, header, [heights[i] for i in page] + ([total] if last else []))
            )
    for part, (columns, body, header, heights) in enumerate(pieces, start=1):
        slide = titled_slide(deck, title_of(WHERE_IT_HURTS[1], part, len(pieces)), lead, chosen)
        height = header + sum(heights)
        table(
            slide,
            Box(BODY.left, BODY.top, BODY.width, height),
            columns,
            body,
            size=HEAT_SIZE,
            row_height=min(heights),
            header_height=header,
            name="Heat map",
        )
        _scale(slide, Box(BODY.left, BODY.bottom - 14, BODY.width, 14), heat)
    return len(pieces)


def _heat_cell(cell) -> Cell:
    if cell is None:
        return Cell("", fill=palette.EMPTY_CELL)
    ink = palette.heat_ink(cell.fraction)
    return Cell(cell.text, ink, palette.heat_hex(cell.fraction))


def _scale(slide, box: Box, heat: HeatMap) -> None:
    """The colour scale as a strip, from no impact to the largest cell."""
    steps, swatch = 10, 16.0
    text_box(
        slide,
        Box(box.left, box.top - 2, 14, box.height + 4),
        [Para("0", 9, palette.INK)],
        shrink=False,
    )
    x = box.left + 16
    for i in range(steps):
        rect(
            slide,
            Box(x + i * swatch, box.top, swatch, box.height),
            palette.heat_hex(scale_fraction(i, steps)),
        )
    x += steps * swatch + 4
    text_box(
        slide,
        Box(x, box.top - 2, 400, box.height + 4),
        [Para(f"{heat.largest}   {heat.scale_label}", 9, palette.MUTED)],
        shrink=False,
    )
