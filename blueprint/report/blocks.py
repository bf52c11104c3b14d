"""A table cell of several plain lines in more than one style (a title, then a grey line).

A paragraph could do this too, but parsing markup for each of thousands of register rows
costs seconds; these lines are already broken (``text.wrap_lines``) and are drawn as they
are, so nothing in them is ever read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    font: str
    size: float
    leading: float
    colour: Color


class TextBlock(Flowable):
    """Lines of text drawn top down, left-aligned; splits between lines across pages."""

    def __init__(self, lines: list[Line]) -> None:
        super().__init__()
        self.lines = lines
        self.height_needed = sum(line.leading for line in lines)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # A table reads ``height`` when it splits a row across pages.
        self.width, self.height = avail_width, self.height_needed
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used, count = 0.0, 0
        for line in self.lines:
            if used + line.leading > avail_height:
                break
            used += line.leading
            count += 1
        if count == 0 or count == len(self.lines):
            return []
        return [TextBlock(self.lines[:count]), TextBlock(self.lines[count:])]

    def draw(self) -> None:
        canvas = self.canv
        top = self.height_needed
        for line in self.lines:
            # One font size below the top of the line, as a table places its own text.
            canvas.setFont(line.font, line.size)
            canvas.setFillColor(line.colour)
            canvas.drawString(0, top - line.size, line.text)
            top -= line.leading
