"""The colours the friction heat map adds to the canvas, as hex strings (no Qt).

Each cell with friction is tinted, and labelled with its impact in a pill of its heat
colour: the pill, edged and numbered, carries the finding; the tint is a background, kept
light enough (dark enough, on a dark canvas) that the flows, cards and marks drawn over it
keep their contrast. The surface colours come from ``canvas.palette``.
"""

from __future__ import annotations

from ..canvas import palette
from ..canvas.emphasis import mix

#: Friction impact of a cell, from none to the largest: the PDF's heat map scale
#: (``report.palette.HEAT_SCALE``; importing the report would load the PDF engine at start-up).
HEAT_SCALE = ("#fff4e6", "#fdd7a8", "#f7a35c", "#e0622c", "#a83216")
#: How far the hottest cell's tint departs from the cell's own shade, as a contrast ratio;
#: cooler cells' tints depart less. Whatever is drawn over the cells at 4.5:1 to their
#: shade keeps 3:1 to every tint.
HOTTEST_TINT_CONTRAST = 1.5
COOLEST_TINT_CONTRAST = 1.15

#: The evidence overlay's marks (``evidence_marks``): a card backed by measured data gets a
#: solid disc of this colour with "M" on it; one backed by estimates only a ring of this
#: one, "E" in the card's ink inside. Both are edged with ``palette.MARK_EDGE``.
EVIDENCE_MEASURED = "#1a7837"
EVIDENCE_ESTIMATED = "#f4c26b"

#: What the colours are drawn on (see ``palette.DRAWN_ON``): the pills and marks are fills.
DRAWN_ON: dict[str, tuple[palette.Use, ...]] = {
    "HEAT_SCALE": (palette.FILL,),
    "EVIDENCE_MEASURED": (palette.FILL,),
    "EVIDENCE_ESTIMATED": (palette.FILL,),
}


def heat_colour(fraction: float) -> str:
    """The heat scale at ``fraction`` (0..1), interpolated between its stops."""
    fraction = min(1.0, max(0.0, fraction))
    position = fraction * (len(HEAT_SCALE) - 1)
    low = min(int(position), len(HEAT_SCALE) - 2)
    return mix(HEAT_SCALE[low], HEAT_SCALE[low + 1], position - low)


def heat_tint(shade: str, fraction: float) -> str:
    """The tint of a cell of this shade at ``fraction`` of the largest impact: its heat
    colour mixed into the shade until the two are as far apart as the heat says."""
    fraction = min(1.0, max(0.0, fraction))
    wanted = COOLEST_TINT_CONTRAST + (HOTTEST_TINT_CONTRAST - COOLEST_TINT_CONTRAST) * fraction
    fill = heat_colour(fraction)
    if palette.contrast_ratio(fill, shade) <= wanted:
        return fill
    low, high = 0.0, 1.0  # the ratio grows with the amount mixed in: halve the interval
    for _ in range(16):
        middle = (low + high) / 2
        if palette.contrast_ratio(mix(shade, fill, middle), shade) <= wanted:
            low = middle
        else:
            high = middle
    return mix(shade, fill, low)
