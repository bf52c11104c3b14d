"""The staircase section: the drawing, which improvement each lift is, and what is not drawn."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from ...analysis import ImprovementScore
from .. import formatting as fmt
from ..context import RenderContext
from ..staircase import Lift, staircase_drawing
from ..tables import Column, DataTable
from .common import STAIRCASE, section_heading
from .summary import wave_markup

#: Lifts the drawing holds side by side and still reads; more top improvements are listed.
MAX_DRAWN = 16

LEGEND_COLUMNS = (
    Column("#", 18, numeric=True),
    Column("Improvement", 183),
    Column("Wave", 52),
    Column("Current step", 106),
    Column("Target step", 106),
    Column("Lift", 28, numeric=True),
)


def staircase(ctx: RenderContext) -> list[Flowable]:
    top = ctx.plan.top_improvements
    liftable = [s for s in top if s.current_step is not None]
    drawn, crowded = liftable[:MAX_DRAWN], liftable[MAX_DRAWN:]
    lifts = [Lift(s.rank, s.wave, s.current_step, s.target_step) for s in drawn]  # type: ignore[arg-type]
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, STAIRCASE),
        Paragraph(_intro(len(top)), ctx.styles.body),
        Spacer(1, 4),
        staircase_drawing(lifts, ctx.width, ctx.fonts.regular, ctx.fonts.bold),
        Spacer(1, 8),
    ]
    if drawn:
        story.append(_legend_table(ctx, drawn))
    else:
        story.append(
            Paragraph("No improvement has a current step to lift from yet.", ctx.styles.body)
        )
    no_step = [s for s in top if s.current_step is None]
    if no_step:
        story.append(_not_drawn(ctx, "no linked bad friction point, so no current step", no_step))
    if crowded:
        story.append(_not_drawn(ctx, f"only {MAX_DRAWN} lifts fit the drawing", crowded))
    return story


def _intro(top: int) -> str:
    return (
        "Friction pushes customers down the stairs, towards contact, escalation or giving up; "
        f"improvements lift them back up. Each arrow is one of the top "
        f"{fmt.plural(top, 'improvement')}: it starts at its <b>current step</b> (the lowest "
        "step its friction points land customers on) and ends at its <b>target step</b>. The "
        "number in the circle is its rank."
    )


def _not_drawn(ctx: RenderContext, why: str, scores: list[ImprovementScore]) -> Paragraph:
    names = "; ".join(f"#{s.rank} {ctx.user(s.title)}" for s in scores)
    style = ParagraphStyle("not-drawn", parent=ctx.styles.small, spaceBefore=6)
    return Paragraph(f"<b>Not drawn</b> ({why}): {names}", style)


def _legend_table(ctx: RenderContext, drawn: list[ImprovementScore]) -> Flowable:
    table = DataTable(ctx, LEGEND_COLUMNS)
    for s in drawn:
        table.add(
            [
                str(s.rank),
                s.title,
                Paragraph(wave_markup(s.wave), ctx.styles.cell),
                fmt.step_label(s.current_step),
                fmt.step_label(s.target_step),
                f"{s.lift:+d}",
            ]
        )
    return table.build()
