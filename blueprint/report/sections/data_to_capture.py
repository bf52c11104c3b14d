"""Data to capture: the estimated or unknown frequencies behind the top improvements."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from .. import formatting as fmt
from ..context import RenderContext
from ..tables import Column, DataTable
from .common import DATA_TO_CAPTURE, section_heading

GAP_COLUMNS = (
    Column("Friction point · touchpoint", 190),
    Column("Stage · channel", 100),
    Column("Frequency\nnow", 50, numeric=True),
    Column("Source", 45),
    Column("Impact\nF", 45, numeric=True),
    Column("Behind\nimprovement", 63),
)


def data_to_capture(ctx: RenderContext) -> list[Flowable]:
    gaps = ctx.plan.data_gaps
    story: list[Flowable] = [
        Spacer(1, 14),
        CondPageBreak(ctx.height * 0.3),
        section_heading(ctx, DATA_TO_CAPTURE),
    ]
    if not gaps:
        story.append(
            Paragraph(
                "Every friction point behind the top improvements has a measured frequency: "
                "nothing to capture before deciding.",
                ctx.styles.body,
            )
        )
        return story
    story.append(
        Paragraph(
            "Measuring is an action. The top improvements rest on these friction points, whose "
            f"frequency is estimated or unknown ({fmt.plural(len(gaps), 'friction point')}). "
            "Count them (contact logs, analytics, a week of tally marks) before committing the "
            "budget: the ranking moves with the reach r.",
            ctx.styles.body,
        )
    )
    table = DataTable(ctx, GAP_COLUMNS)
    top_ranks = {s.rank for s in ctx.plan.top_improvements}
    for gap in gaps:
        ranks = [r for r in ctx.ranks_by_friction.get(gap.friction_id, []) if r in top_ranks]
        touchpoint = ctx.touchpoint_titles.get(gap.touchpoint_id, gap.touchpoint_id)
        table.add(
            [
                [
                    (gap.title, ctx.styles.cell),
                    (touchpoint, ctx.styles.cell_muted),
                ],
                [ctx.stage_names.get(gap.stage_id, ""), ctx.channel_names.get(gap.channel_id, "")],
                fmt.frequency(gap.count, gap.period),
                gap.source,
                fmt.number(gap.impact),
                ", ".join(f"#{r}" for r in ranks),
            ]
        )
    story.append(table.build())
    return story
