"""Pieces every section uses: headings that become bookmarks, and short notes."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Paragraph

from ..context import RenderContext


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


#: Section keys and titles, in the order of the plan (the outline and the tests use them).
SUMMARY = ("summary", "Summary")
#: Only in the plan of a blueprint that draws a future state, right after the summary.
TODAY_AND_TOMORROW = ("today-and-tomorrow", "Today and tomorrow")
STAIRCASE = ("staircase", "The staircase of service")
RANKED_PLAN = ("ranked-plan", "The ranked plan, wave by wave")
WHERE_IT_HURTS = ("where-it-hurts", "Where it hurts")
PERSONA_CHANNELS = ("persona-channels", "The channels your customers prefer")
DATA_TO_CAPTURE = ("data-to-capture", "Data to capture")
REGISTER = ("friction-register", "Friction register")
FORMULAS = ("formulas", "How the scores are computed")
NOTHING_TO_PLAN = ("nothing-to-plan", "Nothing to plan yet")

#: The numbered sections of a plan of one state, in order.
SECTIONS = (
    SUMMARY,
    STAIRCASE,
    RANKED_PLAN,
    WHERE_IT_HURTS,
    PERSONA_CHANNELS,
    DATA_TO_CAPTURE,
    REGISTER,
    FORMULAS,
)
SECTION_TITLES = tuple(title for _, title in SECTIONS)
#: ... and of a plan whose blueprint draws a future state.
SECTIONS_WITH_FUTURE = (SUMMARY, TODAY_AND_TOMORROW, *SECTIONS[1:])

#: Sections a plan holds only when it has something to say in them; every other one is
#: always there. Numbers follow the sections present.
OPTIONAL_SECTIONS: dict[tuple[str, str], Callable[[RenderContext], bool]] = {
    PERSONA_CHANNELS: lambda ctx: bool(ctx.persona_channel_fits),
}


def plan_sections(ctx: RenderContext) -> tuple[tuple[str, str], ...]:
    """The numbered sections of this plan, in order: only those it holds."""
    sections = SECTIONS_WITH_FUTURE if ctx.comparison is not None else SECTIONS
    return tuple(s for s in sections if s not in OPTIONAL_SECTIONS or OPTIONAL_SECTIONS[s](ctx))


def section_number(ctx: RenderContext, section: tuple[str, str]) -> int | None:
    sections = plan_sections(ctx)
    return sections.index(section) + 1 if section in sections else None


def section_heading(ctx: RenderContext, section: tuple[str, str]) -> SectionHeading:
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
