"""The staircase section: the drawing, which improvement each lift is, and what is not drawn."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer

from ..content import staircase as content
from ..content.staircase import MAX_DRAWN, NotDrawn
from ..context import RenderContext
from ..rtl import Paragraph
from ..staircase import staircase_drawing
from ..tables import Column, DataTable
from .common import STAIRCASE, holds, section_heading
from .summary import wave_markup

__all__ = ["MAX_DRAWN", "staircase"]

LEGEND_COLUMNS = (
    Column("#", 18, numeric=True),
    Column("Improvement", 183),
    Column("Wave", 52),
    Column("Current step", 106),
    Column("Target step", 106),
    Column("Lift", 28, numeric=True),
)


def staircase(ctx: RenderContext) -> list[Flowable]:
    if not holds(ctx, STAIRCASE):
        return []
    said = content.staircase(ctx)
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, STAIRCASE),
        Paragraph(ctx.markup(said.intro), ctx.styles.body),
        Spacer(1, 4),
        staircase_drawing(list(said.lifts), ctx.width, ctx.fonts.regular, ctx.fonts.bold),
        Spacer(1, 8),
    ]
    if said.drawn:
        story.append(_legend_table(ctx, said))
    if said.none_drawn is not None:
        story.append(Paragraph(said.none_drawn, ctx.styles.body))
    story += [_not_drawn(ctx, missing) for missing in said.not_drawn]
    return story


def _not_drawn(ctx: RenderContext, missing: NotDrawn) -> Paragraph:
    style = ParagraphStyle("not-drawn", parent=ctx.styles.small, spaceBefore=6)
    return Paragraph(ctx.markup(missing.sentence), style)


def _legend_table(ctx: RenderContext, said: content.Staircase) -> Flowable:
    table = DataTable(ctx, LEGEND_COLUMNS)
    for row in said.drawn:
        table.add(
            [
                row.rank,
                row.title,
                Paragraph(wave_markup(row.wave), ctx.styles.cell),
                row.current_step,
                row.target_step,
                row.lift_only,
            ]
        )
    return table.build()
