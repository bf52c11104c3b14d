"""Colours of the canvas, as hex strings (no Qt), chosen to read on a projector.

Scores run red (bad) to green (good) on a ColorBrewer diverging scale, which keeps its
order in greyscale; every colour also comes with a letter or number on the item, so colour
is never the only signal.

The surface colours (backgrounds, lines, text) are the light theme's; ``ui.theme`` swaps
them for the dark ones when the system is dark. Items read them when they paint.
"""

from __future__ import annotations

from ...model import FrictionNature

INK = "#1d2630"
#: Text on a coloured badge or face: dark in both themes, as the colours are the same.
DARK_INK = "#1d2630"
MUTED_INK = "#5f6b78"
CANVAS = "#f4f6f8"
CELL = "#ffffff"
CELL_ALTERNATE = "#f7f9fb"
GRID_LINE = "#d5dce3"
STAGE_HEADER = "#2f3e4e"
STAGE_HEADER_INK = "#ffffff"
CHANNEL_HEADER = "#e7ecf1"
CARD = "#ffffff"
CARD_BORDER = "#8d9aa8"
SELECTION = "#1f6fd1"
UNSET = "#e3e6ea"
UNSET_INK = "#9aa3ad"
FLOW = "#56657a"
#: A flow that changes channel: a finding in itself, so it stands out.
CHANNEL_SWITCH = "#e66100"
GOOD_FRICTION = "#2c7fb8"
#: flows seen from far away: the same hues, mixed with the canvas so cards stand out
FAR_FLOW = "#c3cad3"
FAR_CHANNEL_SWITCH = "#f3c29c"

#: EPIC letter score 1..5
EPIC_SCORE = {1: "#d73027", 2: "#fc8d59", 3: "#fee08b", 4: "#91cf60", 5: "#1a9850"}
#: friction severity 1 cosmetic .. 4 blocks the customer
SEVERITY = {1: "#fed976", 2: "#fd8d3c", 3: "#e31a1c", 4: "#800026"}
#: emotion -2 angry .. +2 delighted
EMOTION = {-2: "#d73027", -1: "#fc8d59", 0: "#c9ced4", 1: "#91cf60", 2: "#1a9850"}
#: stairway step 0 escalation .. 5 no contact needed
STEP = {0: "#b2182b", 1: "#ef8a62", 2: "#f4c26b", 3: "#a6d96a", 4: "#4dac26", 5: "#1a7837"}


def epic_colour(score: float | None) -> str:
    return UNSET if score is None else EPIC_SCORE[min(5, max(1, round(score)))]


def severity_colour(severity: int, nature: FrictionNature | str) -> str:
    return GOOD_FRICTION if nature == FrictionNature.GOOD else SEVERITY[severity]


def emotion_colour(emotion: int | None) -> str:
    return UNSET if emotion is None else EMOTION[emotion]


def ink_on(background: str) -> str:
    """Dark or white text, whichever reads better on the background."""
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.299 * red + 0.587 * green + 0.114 * blue
    return DARK_INK if luminance > 150 else "#ffffff"
