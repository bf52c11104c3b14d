"""The plan of an empty blueprint: say so, and say what to add."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ..content.nothing_to_plan import NOTHING, STEPS_TO_ADD, THEN, TO_ADD
from ..context import RenderContext
from ..rtl import Paragraph
from .common import NOTHING_TO_PLAN, section_heading


def nothing_to_plan(ctx: RenderContext) -> list[Flowable]:
    items = "".join(
        f"<br/>{n}.&nbsp;&nbsp;{ctx.markup(step)}" for n, step in enumerate(STEPS_TO_ADD, 1)
    )
    return [
        PageBreak(),
        section_heading(ctx, NOTHING_TO_PLAN),
        Paragraph(NOTHING, ctx.styles.body),
        Paragraph(TO_ADD + items, ctx.styles.body),
        Paragraph(THEN, ctx.styles.body),
    ]
