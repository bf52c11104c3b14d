"""The ranked plan: every improvement, wave by wave, by priority inside each wave."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from ...analysis import ImprovementScore, Wave
from .. import formatting as fmt
from ..content.improvements import improvement_row
from ..context import RenderContext
from ..formatting import WAVE_MEANINGS
from ..rtl import Paragraph
from ..saving import AT_LEAST_KEY, at_least
from ..styles import MUTED, WAVE_COLOURS
from ..tables import Column, DataTable
from ..text import escape
from .common import RANKED_PLAN, holds, section_heading, sub_heading

#: Widths are relative, set in points for A4; the linked friction points are listed under
#: each title, where the widest column gives them room.
#: Room a heading needs below it (its own line, the table header and a row or two).
KEEP_WITH_HEADING = 110

PLAN_COLUMNS = (
    Column("#", 18, numeric=True),
    Column("Improvement · linked friction points", 181),
    Column("Action · quadrant", 42),
    Column("Owner", 60),  # "Management" fits, as owners' titles have it
    Column("Effort", 28, numeric=True),
    Column("Impact\nI", 34, numeric=True),
    Column("Priority\nP", 36, numeric=True),
    Column("Avoidable\ncost a year", 50, numeric=True),
    Column("Lift", 44),
)


def ranked_plan(ctx: RenderContext) -> list[Flowable]:
    if not holds(ctx, RANKED_PLAN):
        return []
    plan = ctx.plan
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, RANKED_PLAN),
        Paragraph(
            "Every improvement, in four waves: <b>Now</b> (quick wins), <b>Next</b> (big "
            "bets), <b>Later</b> (fill-ins) and <b>Reconsider</b> (money pits). Inside a wave, "
            "by priority P = I / effort. Impact I is high when it is above 0 and reaches the "
            f"median of all improvements ({fmt.number(plan.median_impact or 0)}); effort is "
            "low at 2 points or less. # is the rank over the whole plan."
            + (f" {escape(AT_LEAST_KEY)}" if any(at_least(s) for s in plan.improvements) else ""),
            ctx.styles.body,
        ),
    ]
    for wave in Wave:
        story += _wave(ctx, wave, plan.waves[wave])
    return story


def _wave(ctx: RenderContext, wave: Wave, scores: tuple[ImprovementScore, ...]) -> list[Flowable]:
    colour = WAVE_COLOURS[wave].hexval()[2:]
    title = f"{wave.value}: {WAVE_MEANINGS[wave]}"
    muted = MUTED.hexval()[2:]
    markup = (
        f'<font color="#{colour}">{wave.value}</font>'
        f'<font name="{ctx.fonts.regular}" size="9" color="#{muted}">&nbsp;&nbsp;'
        f"{WAVE_MEANINGS[wave]} · {fmt.plural(len(scores), 'improvement')}</font>"
    )
    heading = sub_heading(ctx, f"wave-{wave.name.lower()}", markup, title)
    # A wave's heading never ends a page: it goes over with the first rows of its table.
    keep = CondPageBreak(KEEP_WITH_HEADING)
    if not scores:
        return [keep, heading, Paragraph("No improvement in this wave.", ctx.styles.small)]
    table = DataTable(ctx, PLAN_COLUMNS)
    for score in scores:
        table.add(_row(ctx, score))
    return [keep, heading, table.build()]


def _row(ctx: RenderContext, score: ImprovementScore) -> list:
    styles = ctx.styles
    row = improvement_row(ctx, score)
    return [
        row.rank,
        [
            (row.title, styles.cell_bold),
            (row.status, styles.cell),
            (row.linked, styles.cell_muted),
            (row.backing, styles.cell_muted),
        ],
        [row.action, row.quadrant],
        row.owner,
        row.effort,
        row.impact,
        row.priority,
        # Customers who no longer give up: the only gain of some improvements (£ 0 alone
        # read as nothing gained).
        [row.avoidable_cost]
        + ([f"{row.lost_journeys} lost journeys"] if row.lost_journeys != fmt.DASH else []),
        row.lift,
    ]
