"""The deck itself: a 16:9 presentation whose every slide has a real title (PowerPoint's
outline, and a screen reader, read the slides by it) and speaker notes."""

from __future__ import annotations

import datetime

from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Pt

from .. import palette
from ..content.formulas import Formula
from .draw import FONT, Box, colour
from .notes import set_notes
from .text import one_line

WIDTH, HEIGHT = 960.0, 540.0  # points: 13.33 x 7.5 inches
MARGIN = 36.0
TITLE = Box(MARGIN, 20, WIDTH - 2 * MARGIN, 46)
#: Where a slide's content goes, under its title.
BODY = Box(MARGIN, 76, WIDTH - 2 * MARGIN, HEIGHT - 76 - 28)
TITLE_SIZE = 26
#: Between blocks of a slide.
GAP = 10.0

# The layouts of python-pptx's default template.
TITLE_SLIDE, TITLE_ONLY = 0, 5


def new_presentation(title: str, author: str, date: datetime.date) -> PresentationType:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Pt(WIDTH), Pt(HEIGHT)
    properties = deck.core_properties
    properties.title = one_line(title)[:255]
    properties.author = one_line(author)[:255]
    properties.subject = "Service improvement plan"
    properties.comments = "Made with blueprint"
    properties.last_modified_by = "blueprint"
    properties.revision = 1
    # Dated by the plan, not by the clock: the same plan gives the same deck.
    moment = datetime.datetime(date.year, date.month, date.day)
    properties.created = properties.modified = moment
    return deck


def titled_slide(
    deck: PresentationType, title: str, lead: list[str], formulas: tuple[Formula, ...]
) -> Slide:
    """A slide with ``title`` in its title placeholder, and its notes."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    place_title(slide, title, TITLE, TITLE_SIZE)
    set_notes(slide, lead, formulas)
    return slide


def place_title(slide: Slide, title: str, box: Box, size: float) -> None:
    shape = slide.shapes.title
    shape.left, shape.top = Pt(box.left), Pt(box.top)
    shape.width, shape.height = Pt(box.width), Pt(box.height)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = one_line(title)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    for run in paragraph.runs:
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = True
        run.font.color.rgb = colour(palette.ACCENT)
