"""The heat map: friction impact per cell of the grid, stages across and channels down.

Colour follows the square root of the share of the largest cell, so a cell a tenth of the
largest is still visibly warm. When there are more stages than fit the page width, the map
is cut into several tables of consecutive stages, each with the channel names.
"""

from __future__ import annotations

from math import ceil, sqrt

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table

from .context import RenderContext
from .formatting import compact
from .styles import INK, MUTED, RULE, text_width

#: The colour scale, from no impact to the largest cell.
SCALE = ("#fff4e6", "#fdd7a8", "#f7a35c", "#e0622c", "#a83216")
WHITE_TEXT_FROM = 0.62
CHANNEL_COLUMN = 100.0
MIN_STAGE_COLUMN = 40.0
TOTAL_LABEL = "All channels"
EMPTY_CELL = colors.HexColor("#f4f6f8")
HEAD_SIZE = 6.0
PAD = 2.5


def heat_colour(fraction: float) -> colors.Color:
    """The scale's colour at ``fraction`` (0..1), interpolated between its stops."""
    fraction = min(1.0, max(0.0, fraction))
    position = fraction * (len(SCALE) - 1)
    low = int(position)
    high = min(low + 1, len(SCALE) - 1)
    return (
        colors.linearlyInterpolatedColor(
            colors.HexColor(SCALE[low]), colors.HexColor(SCALE[high]), low, high, position
        )
        if high != low
        else colors.HexColor(SCALE[low])
    )


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


def heat_map_tables(ctx: RenderContext) -> list[Table]:
    stages, channels = ctx.bp.stages, ctx.bp.channels
    largest = max(ctx.plan.heat_map.values(), default=0.0)
    return [
        _table(ctx, [stages[i] for i in chunk], channels, largest)
        for chunk in stage_chunks(len(stages), ctx.width)
    ]


def _table(ctx: RenderContext, stages, channels, largest: float) -> Table:
    styles = ctx.styles
    heat = ctx.plan.heat_map
    stage_width = min(70.0, (ctx.width - CHANNEL_COLUMN) / max(1, len(stages)))
    widths = [CHANNEL_COLUMN] + [stage_width] * len(stages)
    head_room = stage_width - 2 * PAD
    head = ParagraphStyle("heat_head", parent=styles.head, fontSize=HEAD_SIZE)
    rows: list[list] = [[""] + [ctx.text.cell(s.name, head, head_room) for s in stages]]
    commands: list[tuple] = []
    for r, channel in enumerate(channels, start=1):
        row = [ctx.text.cell(channel.name, styles.cell, text_width(CHANNEL_COLUMN))]
        for c, stage in enumerate(stages, start=1):
            value = heat.get((stage.id, channel.id))
            row.append("" if value is None else compact(value))
            if value is not None:
                commands += _cell_colour(c, r, value, largest)
        rows.append(row)
    rows.append(_totals_row(ctx, stages, commands, len(rows)))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_style(ctx, commands, len(rows)))
    return table


def _totals_row(ctx: RenderContext, stages, commands: list, row: int) -> list:
    heat = ctx.plan.heat_map
    totals = []
    for stage in stages:
        cells = [v for (s, _), v in heat.items() if s == stage.id]
        totals.append(compact(sum(cells)) if cells else "")
    return [ctx.text.cell(TOTAL_LABEL, ctx.styles.cell_bold, text_width(CHANNEL_COLUMN)), *totals]


def _cell_colour(column: int, row: int, value: float, largest: float) -> list[tuple]:
    fraction = sqrt(value / largest) if largest > 0 else 0.0
    commands = [("BACKGROUND", (column, row), (column, row), heat_colour(fraction))]
    if fraction >= WHITE_TEXT_FROM:
        commands.append(("TEXTCOLOR", (column, row), (column, row), colors.white))
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


def scale_legend(ctx: RenderContext, largest: float) -> Table:
    """The colour scale as a strip, from no impact to the largest cell."""
    steps = 10
    swatch = 14.0
    label_width = 44.0
    cells = [["0", *([""] * steps), compact(largest), "friction impact F of a cell"]]
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
        colour = heat_colour(sqrt((i + 0.5) / steps))
        commands.append(("BACKGROUND", (i + 1, 0), (i + 1, 0), colour))
    strip.setStyle(commands)
    return strip
