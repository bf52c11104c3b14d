"""Pieces every section uses: headings that become bookmarks, and short notes."""

from __future__ import annotations

from ..content.outline import (
    DATA_TO_CAPTURE,
    FORMULAS,
    NOTHING_TO_PLAN,
    OPTIONAL_SECTIONS,
    PERSONA_CHANNELS,
    RANKED_PLAN,
    REGISTER,
    SECTION_TITLES,
    SECTIONS,
    SECTIONS_WITH_FUTURE,
    STAIRCASE,
    SUMMARY,
    TODAY_AND_TOMORROW,
    WHERE_IT_HURTS,
    Section,
    holds,
    plan_sections,
    section_number,
)
from ..context import RenderContext
from ..rtl import Paragraph

__all__ = [
    "DATA_TO_CAPTURE",
    "FORMULAS",
    "NOTHING_TO_PLAN",
    "OPTIONAL_SECTIONS",
    "PERSONA_CHANNELS",
    "RANKED_PLAN",
    "REGISTER",
    "SECTIONS",
    "SECTIONS_WITH_FUTURE",
    "SECTION_TITLES",
    "STAIRCASE",
    "SUMMARY",
    "TODAY_AND_TOMORROW",
    "WHERE_IT_HURTS",
    "SectionHeading",
    "holds",
    "plan_sections",
    "section_heading",
    "section_number",
    "sub_heading",
    "where",
]


class SectionHeading(Paragraph):
    """A heading that the document turns into a PDF bookmark and an outline entry."""

    def __init__(
        self, markup: str, style, key: str, title: str, level: int, label: str | None = None
    ) -> None:
        super().__init__(markup, style)
        self.outline_key = key
        self.outline_title = title
        self.outline_level = level
        self.label = label or title  # for progress messages


def where(ctx: RenderContext, section: Section) -> str:
    """`` (section 3)`` after a mention of ``section``; nothing when the plan lacks it."""
    said = ctx.where(section)
    return f" ({said})" if said else ""


def section_heading(ctx: RenderContext, section: Section) -> SectionHeading:
    """A numbered first-level heading (the plan's own words, so no user text)."""
    key, title = section
    number = section_number(ctx, section)
    if number is None:
        return SectionHeading(title, ctx.styles.h1, key, title, 0)
    return SectionHeading(
        f"{number}&nbsp;&nbsp;{title}", ctx.styles.h1, key, f"{number}  {title}", 0, title
    )


def sub_heading(ctx: RenderContext, key: str, title_markup: str, title: str) -> SectionHeading:
    """A second-level heading; ``title_markup`` must already be safe markup."""
    return SectionHeading(title_markup, ctx.styles.h2, key, title, 1)
