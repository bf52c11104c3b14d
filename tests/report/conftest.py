"""Rendering helpers for the PDF plan tests: render, then read the PDF back with pypdf."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pypdf
import pytest

from blueprint.analysis import Plan, build_plan, persona_channel_fits
from blueprint.changes import has_future_state
from blueprint.model import Blueprint
from blueprint.report import RenderResult, render_plan_pdf
from blueprint.report import fonts as report_fonts
from blueprint.report.sections.common import (
    PERSONA_CHANNELS,
    RANKED_PLAN,
    SECTIONS,
    SECTIONS_WITH_FUTURE,
    STAIRCASE,
)

DATE = datetime.date(2026, 11, 23)


@dataclass
class Rendered:
    result: RenderResult
    data: bytes
    reader: pypdf.PdfReader
    plan: Plan
    #: The numbered sections, in order: with 'Today and tomorrow' when there is a future.
    sections: tuple[tuple[str, str], ...]

    def heading(self, section: tuple[str, str]) -> str:
        """A section's heading as the text reads it: ``3 The ranked plan, wave by wave``."""
        return f"{self.sections.index(section) + 1} {section[1]}"

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @cached_property
    def text(self) -> str:
        """All the text, whitespace runs as one space (titles wrap across lines)."""
        return flat("\n".join(self.pages))

    @cached_property
    def body(self) -> str:
        """The text after the cover (whose contents list names every section too)."""
        return flat("\n".join(self.pages[1:]))

    def section(self, start: str, end: str | None = None) -> str:
        """The body text from heading ``start`` to heading ``end`` (or the end)."""
        body = self.body
        begin = body.index(start)
        return body[begin : body.index(end, begin) if end else len(body)]

    def outline_titles(self) -> list[str]:
        titles: list[str] = []

        def walk(items) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    titles.append(item.title)

        walk(self.reader.outline)
        return titles


def flat(text: str) -> str:
    return " ".join(text.split())


def render(
    bp: Blueprint, plan: Plan | None = None, *, persona_id: str | None = None, **options
) -> Rendered:
    plan = plan or build_plan(bp, persona_id=persona_id)
    options.setdefault("date", DATE)
    buffer = io.BytesIO()
    result = render_plan_pdf(bp, plan, buffer, **options)
    data = buffer.getvalue()
    sections = SECTIONS_WITH_FUTURE if has_future_state(bp) else SECTIONS
    preferring = {f.persona_id for f in persona_channel_fits(bp)}
    if not (preferring if plan.persona_id is None else preferring & {plan.persona_id}):
        sections = tuple(s for s in sections if s != PERSONA_CHANNELS)
    if not plan.improvements:  # no lift to draw, no wave to fill
        sections = tuple(s for s in sections if s not in (STAIRCASE, RANKED_PLAN))
    return Rendered(result, data, pypdf.PdfReader(io.BytesIO(data)), plan, sections)


@pytest.fixture(autouse=True)
def no_system_fonts(tmp_path_factory, monkeypatch) -> Path:
    """Every test sees an empty folder of installed fonts unless it fills one itself, so what
    is drawn does not depend on the fonts of the machine running the tests."""
    folder = tmp_path_factory.mktemp("no-fonts")
    monkeypatch.setattr(report_fonts, "SYSTEM_FONT_DIRS", [folder])
    return folder
