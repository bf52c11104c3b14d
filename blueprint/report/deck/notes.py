"""Speaker notes: how each number on a slide is computed, in the formulas' own words.

The formulas are ``content.formulas``, the text of the PDF's formulas page; a slide names the
ones behind its numbers by key, and its notes list them.
"""

from __future__ import annotations

from pptx.slide import Slide

from ..content.formulas import Formula
from .text import xml_safe

HOW = "How the numbers on this slide are computed:"


def notes_text(lead: list[str], formulas: tuple[Formula, ...]) -> str:
    """The notes: what the slide shows, then each formula behind its numbers."""
    parts = [text for text in lead if text]
    if formulas:
        parts.append(HOW)
        parts += [f"• {formula.sentence}" for formula in formulas]
    return "\n".join(parts)


def set_notes(slide: Slide, lead: list[str], formulas: tuple[Formula, ...]) -> None:
    # One paragraph per line: python-pptx makes a paragraph of each line of the text.
    lines = [" ".join(xml_safe(line).split()) for line in notes_text(lead, formulas).split("\n")]
    slide.notes_slide.notes_text_frame.text = "\n".join(lines)
