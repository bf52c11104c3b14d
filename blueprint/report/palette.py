"""The plan's colours as hex strings: one palette for the PDF and the deck.

No reportlab here: ``styles`` turns these into reportlab colours for the PDF, and the deck
reads them as they are.
"""

from __future__ import annotations

from ..analysis import Wave
from ..contrast import TEXT_CONTRAST, contrast_ratio, mix, most_readable
from ..contrast import rgb as rgb  # the deck reads colours through the palette

INK = "#1f2933"
MUTED = "#5f6b7a"
RULE = "#cfd6de"
ACCENT = "#1d4e89"
HEADER_FILL = "#e8edf3"
ZEBRA = "#f6f8fa"
GOOD_FILL = "#eaf5ee"
TILE_FILL = "#f3f6f9"
WHITE = "#ffffff"
BLACK = "#000000"

#: Each wave's colour: as text on white and under a white rank number, each reads at
#: 4.5:1 or more.
WAVE_COLOURS = {
    Wave.NOW: "#1f7a5a",
    Wave.NEXT: "#1d4e89",
    Wave.LATER: "#5e6e84",
    Wave.RECONSIDER: "#a85f22",
}

#: The stairway's bands from pale red (customers lost) to pale green (no contact needed).
BAND_TINTS = ("#fbeceb", "#fcf1e8", "#fbf5e6", "#f3f6ea", "#eaf4ee", "#e4f1ee")
#: What a band's tread (the block behind its label) is darkened towards, and how far.
TREAD_SHADE, TREAD_AMOUNT = "#8a94a6", 0.16

#: Friction impact of a cell of the heat map, from no impact to the largest cell.
HEAT_SCALE = ("#fff4e6", "#fdd7a8", "#f7a35c", "#e0622c", "#a83216")
EMPTY_CELL = "#f4f6f8"

#: Today against tomorrow: today's bars, and a change for the better or the worse.
TODAY_COLOUR = "#8a94a6"
BETTER = "#1f7a5a"
WORSE = "#b3261e"


def heat_hex(fraction: float) -> str:
    """The heat scale at ``fraction`` (0..1) of the largest cell, between its stops."""
    fraction = min(1.0, max(0.0, fraction))
    position = fraction * (len(HEAT_SCALE) - 1)
    low = min(int(position), len(HEAT_SCALE) - 2)
    return mix(HEAT_SCALE[low], HEAT_SCALE[low + 1], position - low)


def heat_ink(fraction: float) -> str:
    """The ink of a heat-map cell's number: dark or white, whichever reads better on it;
    black where neither reads at 4.5:1 (the mid oranges)."""
    fill = heat_hex(fraction)
    ink = most_readable(fill, (INK, WHITE))
    if contrast_ratio(ink, fill) >= TEXT_CONTRAST:
        return ink
    return most_readable(fill, (BLACK, WHITE))


def tread_tint(step: int) -> str:
    return mix(BAND_TINTS[step], TREAD_SHADE, TREAD_AMOUNT)
