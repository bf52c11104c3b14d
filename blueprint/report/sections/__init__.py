"""The sections of the plan, in the order a manager reads them."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..context import RenderContext
from .common import SECTION_TITLES, SectionHeading
from .cover import cover
from .data_to_capture import data_to_capture
from .formulas import formulas
from .nothing_to_plan import nothing_to_plan
from .open_threads import open_threads_section
from .persona_channels import persona_channels
from .ranked_plan import ranked_plan
from .register import register
from .stairway import staircase
from .summary import summary
from .today_and_tomorrow import today_and_tomorrow
from .where_it_hurts import where_it_hurts

#: Each builder returns its flowables, starting with its own page break where it needs one.
BUILDERS = (
    summary,
    today_and_tomorrow,  # nothing without a future state
    staircase,
    ranked_plan,
    where_it_hurts,
    persona_channels,
    data_to_capture,
    register,
    formulas,
    open_threads_section,  # nothing unless asked for
)


def compose(ctx: RenderContext) -> list[Flowable]:
    """The whole story of the PDF after the cover page."""
    if ctx.plan.is_empty:
        return nothing_to_plan(ctx) + open_threads_section(ctx)
    story: list[Flowable] = []
    for build in BUILDERS:
        story += build(ctx)
    return story


__all__ = ["SECTION_TITLES", "SectionHeading", "compose", "cover"]
