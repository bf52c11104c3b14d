"""Today and tomorrow: what the future state drawn in the blueprint changes, in figures.

Only in the plan of a blueprint that draws a future state. The plan's ranking stays on
today's journey; this section sets each figure of today against tomorrow's.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from ..content import today_and_tomorrow as content
from ..content.today_and_tomorrow import BIGGEST_NOTE, NAMES, NO_CHANGE, TodayAndTomorrow
from ..context import RenderContext
from ..distribution import distribution_drawing
from ..rtl import Paragraph
from ..tables import Column, DataTable
from .common import TODAY_AND_TOMORROW, section_heading
from .ranked_plan import KEEP_WITH_HEADING

FIGURE_COLUMNS = (
    Column("Figure", 200),
    Column("Today", 95, numeric=True),
    Column("Tomorrow", 95, numeric=True),
    Column("Change", 105, numeric=True),
)
STAGE_COLUMNS = (
    Column("Stage", 110),
    Column("EPIC index\ntoday", 52, numeric=True),
    Column("EPIC index\ntomorrow", 58, numeric=True),
    Column("Change", 62, numeric=True),
    Column("Weakest letter\ntoday → tomorrow", 78),
    Column("Emotion\ntoday", 46, numeric=True),
    Column("Emotion\ntomorrow", 52, numeric=True),
    Column("Change", 38, numeric=True),
)
PERSONA_COLUMNS = (
    Column("Persona", 100),
    Column("Friction\nimpact", 60, numeric=True),
    Column("Friction cost\na year", 70, numeric=True),
    Column("Lost journeys\na year", 64, numeric=True),
    Column("Failure-demand\nshare", 72, numeric=True),
    Column("Channel\nswitches", 50, numeric=True),
    Column("EPIC\nindex", 60, numeric=True),
)


def today_and_tomorrow(ctx: RenderContext) -> list[Flowable]:
    said = content.today_and_tomorrow(ctx)
    if said is None:
        return []
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, TODAY_AND_TOMORROW),
        Paragraph(ctx.user(said.intro), ctx.styles.body),
    ]
    if said.headline:
        story.append(Paragraph(f"<b>{ctx.user(said.headline)}</b>", ctx.styles.body))
    before, after = said.stairway
    story += [
        Spacer(1, 2),
        distribution_drawing(before, after, NAMES, ctx.width, ctx.fonts.regular, ctx.fonts.bold),
        Spacer(1, 6),
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph("The figures, today and tomorrow", ctx.styles.h2),
        _figures_table(ctx, said),
    ]
    if said.cost_note:
        story.append(Paragraph(ctx.user(said.cost_note), ctx.styles.small))
    story += _biggest(ctx, said)
    story += _table(ctx, "EPIC and emotion by stage", None, STAGE_COLUMNS, said.stages)
    story += _table(
        ctx,
        "Change by persona",
        "Tomorrow minus today over the touchpoints that apply to each persona, their "
        "friction points and the flows between them.",
        PERSONA_COLUMNS,
        said.personas,
    )
    story += _differences(ctx, said)
    return story


def _figures_table(ctx: RenderContext, said: TodayAndTomorrow) -> Flowable:
    table = DataTable(ctx, FIGURE_COLUMNS)
    for row in said.figures:
        table.add([row.figure, row.today, row.tomorrow, row.change], bold=row.strong)
    return table.build()


def _biggest(ctx: RenderContext, said: TodayAndTomorrow) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph(said.biggest_title, ctx.styles.h2),
    ]
    if not said.biggest:
        story.append(Paragraph(NO_CHANGE, ctx.styles.body))
        return story
    items = "<br/>".join(
        f"{n}.&nbsp;&nbsp;{ctx.user(sentence)}" for n, sentence in enumerate(said.biggest, 1)
    )
    story.append(Paragraph(items, ctx.styles.body))
    story.append(Paragraph(BIGGEST_NOTE, ctx.styles.small))
    return story


def _table(
    ctx: RenderContext,
    title: str,
    intro: str | None,
    columns: tuple[Column, ...],
    rows: tuple[tuple[str, ...], ...],
) -> list[Flowable]:
    if not rows:
        return []
    table = DataTable(ctx, columns)
    for row in rows:
        table.add(list(row))
    story: list[Flowable] = [CondPageBreak(KEEP_WITH_HEADING), Paragraph(title, ctx.styles.h2)]
    if intro:
        story.append(Paragraph(intro, ctx.styles.body))
    return [*story, table.build()]


def _differences(ctx: RenderContext, said: TodayAndTomorrow) -> list[Flowable]:
    if not said.differences:
        return []
    lines = []
    for difference in said.differences:
        line = ctx.user(difference.text)
        if difference.brought_by:
            line += (
                f" <font color='#5f6b7a'>(brought about by {ctx.user(difference.brought_by)})"
                "</font>"
            )
        lines.append(f"•&nbsp;{line}")
    if said.more_differences:
        lines.append(said.more_differences)
    # A paragraph each, none broken before its last line: the list as one paragraph left a
    # page holding "by #1)" alone.
    line_style = ParagraphStyle(
        "difference", parent=ctx.styles.body, spaceBefore=0, spaceAfter=0, allowWidows=0
    )
    return [
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph("What the future state changes", ctx.styles.h2),
        Paragraph(
            "Each addition, removal and change, with the improvements of the plan that bring "
            "it about (by rank).",
            ctx.styles.body,
        ),
        *(Paragraph(line, line_style) for line in lines),
    ]
