"""Where friction lands customers on the stairway, today and tomorrow, side by side.

The six steps are drawn as on the staircase page; across each step, one bar for today and
one for tomorrow, as long as the monthly reach of the friction points that land customers
on that step, on one scale for both. Only numbers and the plan's own words are drawn.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from .comparison_text import number_text, signed_number
from .staircase import BAND_HEIGHT, LABEL_WIDTH, LEGEND_HEIGHT, STEPS, band_middle, draw_band
from .styles import ACCENT, INK, MUTED

HEADER_HEIGHT = 16
BAR_HEIGHT = 13
#: Room kept after the longest bar for its number.
NUMBER_ROOM = 62
TODAY_COLOUR = colors.HexColor("#8a94a6")
BETTER = colors.HexColor("#1f7a5a")
WORSE = colors.HexColor("#b3261e")


def distribution_drawing(
    before: tuple[float, ...],
    after: tuple[float, ...],
    names: tuple[str, str],
    width: float,
    regular: str,
    bold: str,
) -> Drawing:
    """``before`` and ``after``: the monthly reach landing on steps 0..5."""
    height = LEGEND_HEIGHT + STEPS * BAND_HEIGHT + HEADER_HEIGHT
    drawing = Drawing(width, height)
    for step in range(STEPS):
        draw_band(drawing, step, width, bold)
    left = LABEL_WIDTH + 14
    column = (width - left - 4) / 2
    largest = max((*before, *after), default=0.0)
    for i, (name, values, colour) in enumerate(
        ((names[0], before, TODAY_COLOUR), (names[1], after, ACCENT))
    ):
        x = left + i * column
        drawing.add(
            String(x, height - HEADER_HEIGHT + 4, name, fontName=bold, fontSize=8.5, fillColor=INK)
        )
        for step in range(STEPS):
            change = values[step] - before[step] if i == 1 else None
            _bar(drawing, x, column, step, values[step], largest, colour, change, regular)
    drawing.add(
        String(
            6,
            6,
            "Bars: how often a month friction lands customers on each step (those who give up "
            "land on 0), on one scale for both.",
            fontName=regular,
            fontSize=7,
            fillColor=MUTED,
        )
    )
    return drawing


def _bar(
    drawing: Drawing,
    x: float,
    column: float,
    step: int,
    value: float,
    largest: float,
    colour: colors.Color,
    change: float | None,
    regular: str,
) -> None:
    middle = band_middle(step)
    length = (column - NUMBER_ROOM) * value / largest if largest > 0 else 0.0
    if length > 0:
        drawing.add(
            Rect(
                x,
                middle - BAR_HEIGHT / 2,
                max(length, 1.5),
                BAR_HEIGHT,
                fillColor=colour,
                strokeColor=None,
            )
        )
    label = number_text(value)
    drawing.add(
        String(x + length + 4, middle - 3, label, fontName=regular, fontSize=7.5, fillColor=INK)
    )
    if change and (signed := signed_number(change)) is not None:
        # Less friction on a step is not better in itself (it may have moved up a step), so
        # the change is coloured only by its sign where customers are lost: step 0.
        tint = (BETTER if change < 0 else WORSE) if step == 0 else MUTED
        text = f"({signed})"
        offset = x + length + 4 + stringWidth(label, regular, 7.5) + 3
        drawing.add(String(offset, middle - 3, text, fontName=regular, fontSize=7, fillColor=tint))
