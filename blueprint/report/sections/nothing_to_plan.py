"""The plan with nothing to rank: say why, and say what is still missing."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ..content.nothing_to_plan import nothing_to_plan as content
from ..context import RenderContext
from ..rtl import Paragraph
from .common import NOTHING_TO_PLAN, section_heading


def nothing_to_plan(ctx: RenderContext) -> list[Flowable]:
    said = content(ctx)
    items = "".join(
        f"<br/>{n}.&nbsp;&nbsp;{ctx.markup(step)}" for n, step in enumerate(said.steps, 1)
    )
    return [
        PageBreak(),
        section_heading(ctx, NOTHING_TO_PLAN),
        Paragraph(ctx.user(said.finding), ctx.styles.body),
        Paragraph(ctx.user(said.to_add) + items, ctx.styles.body),
        Paragraph(said.then, ctx.styles.body),
    ]
