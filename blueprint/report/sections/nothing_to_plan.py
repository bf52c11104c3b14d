"""The plan of an empty blueprint: say so, and say what to add."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph

from ..context import RenderContext
from .common import NOTHING_TO_PLAN, section_heading

STEPS_TO_ADD = (
    "<b>Touchpoints</b> in the grid: one per step of the journey, in its stage and channel.",
    "<b>Friction points</b> on those touchpoints: what makes customers hesitate, slows them "
    "or breaks the journey, with a severity, how often it happens and the channel it pushes "
    "customers into.",
    "<b>Improvements</b> that address the friction points, each with an action, a target "
    "step on the stairway, an effort and a confidence.",
)


def nothing_to_plan(ctx: RenderContext) -> list[Flowable]:
    items = "".join(f"<br/>{n}.&nbsp;&nbsp;{step}" for n, step in enumerate(STEPS_TO_ADD, 1))
    return [
        PageBreak(),
        section_heading(ctx, NOTHING_TO_PLAN),
        Paragraph(
            "This blueprint has no friction points and no improvements yet, so there is "
            "nothing to rank, cost or draw.",
            ctx.styles.body,
        ),
        Paragraph("To get a plan, add:" + items, ctx.styles.body),
        Paragraph(
            "Then export the plan again: it will hold a one-page summary, the staircase of "
            "service, the ranked plan by wave, a heat map of where it hurts, the data to "
            "capture and the friction register.",
            ctx.styles.body,
        ),
    ]
