"""The summary: one page a manager reads in two minutes, and decides."""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from ...analysis import Wave
from ..content import summary as content
from ..content.summary import NOW_LISTED, SUMMARY_STAGES, NowItem, Tile
from ..context import RenderContext
from ..fitting import one_page
from ..formatting import unbroken_money
from ..rtl import Paragraph
from ..styles import TILE_FILL, WAVE_COLOURS, shrunk_to_fit
from ..tables import Column, DataTable
from ..text import words
from .common import SUMMARY, section_heading

__all__ = ["NOW_LISTED", "SUMMARY_STAGES", "TOP_COLUMNS", "summary", "wave_markup"]

TOP_COLUMNS = (
    Column("#", 18, numeric=True),
    Column("Improvement", 230),
    Column("Wave", 55),
    Column("Priority P", 50, numeric=True),
    Column("Avoidable cost a year", 80, numeric=True),
    Column("Lost journeys saved a year", 70, numeric=True),
)


def summary(ctx: RenderContext) -> list[Flowable]:
    said = content.summary(ctx)
    heading = section_heading(ctx, SUMMARY)
    _, heading_height = heading.wrap(ctx.width, ctx.height)
    room = ctx.height - heading_height - ctx.styles.h1.spaceAfter - 4
    # One page, whatever the titles: the content is set smaller rather than run over.
    page = one_page(ctx.width, room, lambda width: _body(replace(ctx, width=width), said))
    return [PageBreak(), heading, page]


def _body(ctx: RenderContext, said: content.Summary) -> list[Flowable]:
    sentences = [said.lead, said.tomorrow, said.personas, said.how_sure, said.backed]
    return [
        *(Paragraph(ctx.markup(s), ctx.styles.body) for s in sentences if s is not None),
        _tiles(ctx, said.tiles),
        # Without improvements the lead says so: no empty table to repeat it.
        *(
            [Paragraph("Top improvements", ctx.styles.h2), _top_table(ctx, said)]
            if said.top
            else []
        ),
        *([Paragraph(said.at_least_key, ctx.styles.small)] if said.at_least_key else []),
        Spacer(1, 6),
        _now_and_epic(ctx, said),
    ]


#: A tile's padding, left and right (reportlab's default right padding is 6).
TILE_PADDING = (8, 6)


def _tile(ctx: RenderContext, tile: Tile, room: float) -> list[Paragraph]:
    # A large amount is set smaller rather than broken between its digits or its sign.
    value_style = shrunk_to_fit(ctx.styles.tile_value, words(unbroken_money(tile.value)), room)
    return [
        Paragraph(ctx.user(tile.value), value_style),
        Paragraph(ctx.user(tile.label), ctx.styles.tile_label),
    ]


def _tiles(ctx: RenderContext, tiles: tuple[Tile, ...]) -> Table:
    width = ctx.width / 3
    cells = [_tile(ctx, tile, width - sum(TILE_PADDING)) for tile in tiles]
    grid = [cells[0:3], cells[3:6]]
    table = Table(grid, colWidths=[width] * 3, hAlign="LEFT")
    table.setStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), TILE_FILL),
            ("LINEAFTER", (0, 0), (1, -1), 3, "white"),
            ("LINEBELOW", (0, 0), (-1, 0), 3, "white"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), TILE_PADDING[0]),
            ("RIGHTPADDING", (0, 0), (-1, -1), TILE_PADDING[1]),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]
    )
    return table


def wave_markup(wave: Wave) -> str:
    colour = WAVE_COLOURS[wave].hexval()[2:]
    return f'<font color="#{colour}"><b>{wave.value}</b></font>'


def _top_table(ctx: RenderContext, said: content.Summary) -> Flowable:
    table = DataTable(ctx, TOP_COLUMNS)
    for row in said.top:
        table.add(
            [
                row.rank,
                row.listed_title,
                Paragraph(wave_markup(row.wave), ctx.styles.cell),
                row.priority,
                row.avoidable_cost,
                row.lost_journeys,
            ]
        )
    return table.build()


def _now_and_epic(ctx: RenderContext, said: content.Summary) -> Table:
    half = (ctx.width - 12) / 2
    left = [Paragraph(content.start_heading(said), ctx.styles.h2), *_now_list(ctx, said)]
    right = [Paragraph("Weakest EPIC letter by stage", ctx.styles.h2), *_epic_by_stage(ctx, half)]
    table = Table([[left, right]], colWidths=[half + 12, half], hAlign="LEFT")
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 12),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ]
    )
    return table


def _now_list(ctx: RenderContext, said: content.Summary) -> list[Flowable]:
    items: list[Flowable] = [Paragraph(_now_item(ctx, item), ctx.styles.body) for item in said.now]
    if said.no_now is not None:
        items.insert(0, Paragraph(said.no_now, ctx.styles.body))
    if said.more_now is not None:
        items.append(Paragraph(said.more_now, ctx.styles.small))
    if said.done is not None:
        items.append(Paragraph(ctx.markup(said.done), ctx.styles.small))
    if said.measure_first is not None:
        items.append(Paragraph(ctx.markup(said.measure_first), ctx.styles.small))
    return items


def _now_item(ctx: RenderContext, item: NowItem) -> str:
    return (
        f"<b>#{item.rank}</b> {ctx.user(item.title)}<br/>"
        f"<font size=7.5>{ctx.user(item.facts)}</font>"
    )


def _epic_by_stage(ctx: RenderContext, width: float) -> list[Flowable]:
    columns = (Column("Stage", 3.2), Column("Weakest", 1.6), Column("EPIC index", 1.2, True))
    table = DataTable(ctx, columns, width)
    rows, note = content.epic_by_stage(ctx)
    for row in rows:
        table.add(list(row))
    if not len(table):
        return [Paragraph("The blueprint has no stages.", ctx.styles.body)]
    story: list[Flowable] = [table.build()]
    if note is not None:
        story.append(Paragraph(note, ctx.styles.small))
    return story
