"""The heat map: friction impact per cell of the grid, stages across and channels down.

What each cell holds, and where it sits on the colour scale, is ``content.heat_map``'s.
When there are more stages than fit the page width, the map is cut into several tables of
consecutive stages, each with the channel names.
"""

from __future__ import annotations

from math import ceil

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table

from . import palette
from .content.heat_map import SCALE_LABEL, TOTAL_LABEL, HeatMap, scale_fraction
from .context import RenderContext
from .styles import INK, MUTED, RULE, text_width

CHANNEL_COLUMN = 100.0
MIN_STAGE_COLUMN = 40.0
EMPTY_CELL = colors.HexColor(palette.EMPTY_CELL)
HEAD_SIZE = 6.0
PAD = 2.5


def heat_colour(fraction: float) -> colors.Color:
    """The scale's colour at ``fraction`` (0..1), interpolated between its stops."""
    return colors.HexColor(palette.heat_hex(fraction))


def stage_chunks(stage_count: int, width: float) -> list[range]:
    """Consecutive stages per table, as even as possible, each column at least readable."""
    per_table = max(1, int((width - CHANNEL_COLUMN) // MIN_STAGE_COLUMN))
    tables = ceil(stage_count / per_table)
    chunks, start = [], 0
    for i in range(tables):
        size = stage_count // tables + (1 if i < stage_count % tables else 0)
        chunks.append(range(start, start + size))
        start += size
    return chunks


def heat_map_tables(ctx: RenderContext, heat: HeatMap) -> list[Table]:
    return [_table(ctx, heat, chunk) for chunk in stage_chunks(len(heat.stages), ctx.width)]


def _table(ctx: RenderContext, heat: HeatMap, chunk: range) -> Table:
    styles = ctx.styles
    stage_width = min(70.0, (ctx.width - CHANNEL_COLUMN) / max(1, len(chunk)))
    widths = [CHANNEL_COLUMN] + [stage_width] * len(chunk)
    head_room = stage_width - 2 * PAD
    head = ParagraphStyle("heat_head", parent=styles.head, fontSize=HEAD_SIZE)
    rows: list[list] = [[""] + [ctx.text.cell(heat.stages[i], head, head_room) for i in chunk]]
    commands: list[tuple] = []
    for r, (channel, cells) in enumerate(zip(heat.channels, heat.cells, strict=True), start=1):
        row = [ctx.text.cell(channel, styles.cell, text_width(CHANNEL_COLUMN))]
        for c, i in enumerate(chunk, start=1):
            cell = cells[i]
            row.append("" if cell is None else cell.text)
            if cell is not None:
                commands += _cell_colour(c, r, cell.fraction)
        rows.append(row)
    label = ctx.text.cell(TOTAL_LABEL, ctx.styles.cell_bold, text_width(CHANNEL_COLUMN))
    rows.append([label, *(heat.totals[i] for i in chunk)])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_style(ctx, commands, len(rows)))
    return table


def _cell_colour(column: int, row: int, fraction: float) -> list[tuple]:
    commands = [("BACKGROUND", (column, row), (column, row), heat_colour(fraction))]
    ink = palette.heat_ink(fraction)
    if ink != palette.INK:
        commands.append(("TEXTCOLOR", (column, row), (column, row), colors.HexColor(ink)))
    return commands


def _style(ctx: RenderContext, commands: list[tuple], row_count: int) -> list[tuple]:
    fonts = ctx.fonts
    last = row_count - 1
    return [
        ("FONT", (0, 0), (-1, -1), fonts.regular, 6.8, 8.2),
        ("FONT", (0, 0), (-1, 0), fonts.bold, HEAD_SIZE, HEAD_SIZE * 1.2),
        ("FONT", (0, last), (-1, last), fonts.bold, 6.8, 8.2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (1, 1), (-1, last - 1), EMPTY_CELL),  # the grid shows without friction
        ("GRID", (1, 1), (-1, last - 1), 1, colors.white),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEABOVE", (0, last), (-1, last), 0.8, RULE),
        ("LINEBELOW", (0, 1), (0, last - 1), 0.25, RULE),
        *commands,
    ]


def scale_legend(ctx: RenderContext, largest: str) -> Table:
    """The colour scale as a strip, from no impact to the largest cell."""
    steps = 10
    swatch = 14.0
    label_width = 44.0
    cells = [["0", *([""] * steps), largest, SCALE_LABEL]]
    widths = [18.0, *([swatch] * steps), label_width, 120.0]
    strip = Table(cells, colWidths=widths, rowHeights=[9], hAlign="LEFT")
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), ctx.fonts.regular, 6.5, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("TEXTCOLOR", (-1, 0), (-1, 0), MUTED),
        ("ALIGN", (0, 0), (0, 0), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for i in range(steps):
        colour = heat_colour(scale_fraction(i, steps))
        commands.append(("BACKGROUND", (i + 1, 0), (i + 1, 0), colour))
    strip.setStyle(commands)
    return strip
