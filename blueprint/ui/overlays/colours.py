"""The colours the overlays add to the canvas, as hex strings (no Qt).

They carry meaning, so they are the same in the light and the dark theme and keep WCAG's
3:1 for graphics on the cells of both; the surface colours come from ``canvas.palette``.
"""

from __future__ import annotations

from ..canvas.emphasis import mix

#: Friction impact of a cell, from none to the largest: the PDF's heat map scale
#: (``report.heatmap.SCALE``; importing the report would load the PDF engine at start-up).
HEAT_SCALE = ("#fff4e6", "#fdd7a8", "#f7a35c", "#e0622c", "#a83216")
#: Cards and friction markers of the highlighted improvement: neither a score colour nor
#: the selection's blue.
HIGHLIGHT = "#d81b84"
#: Cards that match the search.
SEARCH_HIT = "#b07d00"


def heat_colour(fraction: float) -> str:
    """The heat scale at ``fraction`` (0..1), interpolated between its stops."""
    fraction = min(1.0, max(0.0, fraction))
    position = fraction * (len(HEAT_SCALE) - 1)
    low = min(int(position), len(HEAT_SCALE) - 2)
    return mix(HEAT_SCALE[low], HEAT_SCALE[low + 1], position - low)
