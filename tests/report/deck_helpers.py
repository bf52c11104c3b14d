"""Making a deck in memory and reading it back with python-pptx, as a manager's PowerPoint
would: slide titles, tables, shapes, pictures and speaker notes."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from blueprint.analysis import Plan, build_plan
from blueprint.model import Blueprint
from blueprint.report import DeckResult, render_plan_pptx

DATE = datetime.date(2026, 11, 23)


@dataclass
class Deck:
    result: DeckResult
    data: bytes
    plan: Plan

    def __post_init__(self) -> None:
        self.presentation = Presentation(io.BytesIO(self.data))
        self.slides = list(self.presentation.slides)

    @property
    def titles(self) -> list[str]:
        return [slide.shapes.title.text for slide in self.slides]

    def slide(self, title: str):
        """The first slide whose title starts with ``title``."""
        return next(s for s in self.slides if s.shapes.title.text.startswith(title))

    def slides_titled(self, title: str) -> list:
        return [s for s in self.slides if s.shapes.title.text.startswith(title)]


def render_deck(bp: Blueprint, plan: Plan | None = None, **options) -> Deck:
    plan = plan or build_plan(bp)
    options.setdefault("date", DATE)
    buffer = io.BytesIO()
    result = render_plan_pptx(bp, plan, buffer, **options)
    return Deck(result, buffer.getvalue(), plan)


def texts(slide) -> list[str]:
    """The text of every shape of a slide, table cells one by one."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame and shape.text_frame.text:
            found.append(shape.text_frame.text)
        if shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def table_rows(slide) -> list[list[str]]:
    """The rows of the slide's one table, header first."""
    (table,) = [shape.table for shape in slide.shapes if shape.has_table]
    return [[cell.text for cell in row.cells] for row in table.rows]


def notes(slide) -> str:
    assert slide.has_notes_slide, f"no notes on {slide.shapes.title.text!r}"
    return slide.notes_slide.notes_text_frame.text


def pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
