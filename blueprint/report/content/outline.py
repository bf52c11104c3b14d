"""The sections of the plan, in the order a manager reads them, and which a plan holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .subject import PlanSubject

#: A section of the plan: (key, title).
Section = tuple[str, str]

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
#: Last, and only when the plan's maker asks for the team's comments.
OPEN_THREADS = ("open-threads", "Open comment threads")

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
OPTIONAL_SECTIONS: dict[Section, Callable[[PlanSubject], bool]] = {
    # Without improvements there is no lift to draw and no wave to fill: the summary says so.
    STAIRCASE: lambda subject: bool(subject.plan.improvements),
    RANKED_PLAN: lambda subject: bool(subject.plan.improvements),
    PERSONA_CHANNELS: lambda subject: bool(subject.persona_channel_fits),
}


def holds(subject: PlanSubject, section: Section) -> bool:
    """Whether this plan holds ``section``."""
    return section in plan_sections(subject)


def plan_sections(subject: PlanSubject) -> tuple[Section, ...]:
    """The numbered sections of this plan, in order: only those it holds."""
    sections = SECTIONS_WITH_FUTURE if subject.comparison is not None else SECTIONS
    held = tuple(s for s in sections if s not in OPTIONAL_SECTIONS or OPTIONAL_SECTIONS[s](subject))
    return (*held, OPEN_THREADS) if subject.comments else held


def section_number(subject: PlanSubject, section: Section) -> int | None:
    sections = plan_sections(subject)
    return sections.index(section) + 1 if section in sections else None
