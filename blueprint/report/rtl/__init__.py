"""Right-to-left text in the PDF: Arabic letters joined, and every line in visual order.

- ``shape``: Arabic letters in the form their neighbours call for, before wrapping.
- ``visual_lines``: wrapped plain lines (table cells) reordered by the bidi algorithm.
- ``Paragraph``: reportlab's paragraph, drawing its lines in visual order.
- ``isolate``: user text set apart in a sentence of the plan's own words, so that its
  direction is its own (as an editor shows a field), whatever surrounds it.

Text without a right-to-left character (``needs_bidi``) takes none of these paths.
"""

from __future__ import annotations

from .lines import visual_lines
from .paragraph import Paragraph
from .shaping import RIGHT_TO_LEFT, needs_bidi, shape
from .uba import bidi_class

#: First strong isolate, pop directional isolate: drawn as nothing (``fonts.INVISIBLE_CONTROLS``).
FSI, PDI = "\u2068", "\u2069"


def isolate(markup: str) -> str:
    return f"{FSI}{markup}{PDI}"


#: An invisible character of each strong direction: left-to-right, right-to-left and Arabic
#: letter marks.
_MARKS = {"L": "\u200e", "R": "\u200f", "AL": "\u061c"}


def direction_mark(char: str) -> str:
    """The invisible mark that stands in for ``char``'s strong direction, or ''."""
    return _MARKS.get(bidi_class(char), "")


__all__ = [
    "FSI",
    "PDI",
    "RIGHT_TO_LEFT",
    "Paragraph",
    "direction_mark",
    "isolate",
    "needs_bidi",
    "shape",
    "visual_lines",
]
