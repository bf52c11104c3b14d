"""Where it hurts: the heat map of friction impact, and EPIC by stage."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from ...analysis.epic import LETTER_NAMES, LETTERS, EpicSummary
from .. import formatting as fmt
from ..content.heat_map import NO_GRID, heat_map
from ..context import RenderContext
from ..heatmap import heat_map_tables, scale_legend
from ..rtl import Paragraph
from ..tables import Column, DataTable
from .common import WHERE_IT_HURTS, section_heading
from .ranked_plan import KEEP_WITH_HEADING

EPIC_COLUMNS = (
    Column("Stage", 96),
    Column("Scored\ntouchpoints", 52, numeric=True),
    Column("EPIC score\n(1–5)", 48, numeric=True),
    Column("EPIC index\n(0–100)", 48, numeric=True),
    Column("E\neasy", 36, numeric=True),
    Column("P\npersonalised", 56, numeric=True),
    Column("I\nintuitive", 42, numeric=True),
    Column("C\ncontextual", 48, numeric=True),
    Column("Weakest letter", 67),
)


def where_it_hurts(ctx: RenderContext) -> list[Flowable]:
    heat = heat_map(ctx)
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, WHERE_IT_HURTS),
        Paragraph(heat.intro, ctx.styles.body),
    ]
    if heat.empty:
        story.append(Paragraph(NO_GRID, ctx.styles.body))
    else:
        for table in heat_map_tables(ctx, heat):
            story += [table, Spacer(1, 8)]
        story.append(scale_legend(ctx, heat.largest))
    story += [
        Spacer(1, 10),
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph("EPIC by stage", ctx.styles.h2),
        *_epic(ctx),
    ]
    return story


def _epic(ctx: RenderContext) -> list[Flowable]:
    intro = Paragraph(
        "Easy, Personalised, Intuitive, Contextual: each scored 1 to 5 per touchpoint. A "
        "stage's score is the mean over its scored touchpoints; the index puts it on 0 to 100. "
        "The weakest letter of each stage is where to look first.",
        ctx.styles.body,
    )
    table = DataTable(ctx, EPIC_COLUMNS)
    for stage in ctx.bp.stages:
        table.add(_epic_row(stage.name, ctx.plan.epic_by_stage.get(stage.id)))
    table.add(_epic_row("All stages", ctx.plan.epic_overall), bold=True)
    return [intro, table.build()]


def _epic_row(name: str, summary: EpicSummary | None) -> list[str]:
    if summary is None or summary.score is None:
        return [name, "0", *([fmt.DASH] * (len(EPIC_COLUMNS) - 2))]
    letters = [
        fmt.decimal(mean) if (mean := summary.letters.get(letter)) is not None else fmt.DASH
        for letter in LETTERS
    ]
    weakest = (
        f"{summary.weakest.value} · {LETTER_NAMES[summary.weakest]}"
        if summary.weakest
        else fmt.DASH
    )
    return [
        name,
        str(summary.scored),
        fmt.decimal(summary.score),
        fmt.whole(summary.index or 0),
        *letters,
        weakest,
    ]
