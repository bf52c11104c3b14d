"""Colours of the canvas, as hex strings (no Qt), chosen to read on a projector.

Scores run red (bad) to green (good) on a ColorBrewer diverging scale, which keeps its
order in greyscale; every colour also comes with a letter or number on the item, so colour
is never the only signal.

The surface colours (backgrounds, lines, text) are the light theme's; ``ui.theme`` swaps
them for the dark ones when the system is dark. Items read them when they paint.
``DRAWN_ON``, at the end, says what each colour is drawn on, for the contrast it needs.
"""

from __future__ import annotations

from functools import cache

from ...contrast import MARK_CONTRAST, TEXT_CONTRAST, most_readable
from ...contrast import contrast_ratio as contrast_ratio  # one formula, Qt-free
from ...model import FrictionNature

INK = "#1d2630"
#: Text and drawing on a coloured badge or face: dark in both themes, as the colours are;
#: ``ink_on`` chooses it or white.
DARK_INK = "#0e1318"
WHITE = "#ffffff"
MUTED_INK = "#56616d"
CANVAS = "#f4f6f8"
CELL = "#ffffff"
CELL_ALTERNATE = "#f7f9fb"
GRID_LINE = "#7b8692"
STAGE_HEADER = "#2f3e4e"
STAGE_HEADER_INK = "#ffffff"
CHANNEL_HEADER = "#e7ecf1"
CARD = "#ffffff"
CARD_BORDER = "#65707c"
SELECTION = "#1f6fd1"
#: The ring around the card (or cell) the keys act on.
FOCUS = "#1d2630"
#: The edge of a coloured mark (a score, a severity, a step): the mark stands out by its
#: edge on any surface, whatever its colour.
MARK_EDGE = "#3d4854"
UNSET = "#e3e6ea"
UNSET_INK = "#56606b"
FLOW = "#56657a"
#: A flow that changes channel: a finding in itself, so it stands out.
CHANNEL_SWITCH = "#b84d00"
GOOD_FRICTION = "#22699c"
#: flows seen from far away: the same hues, paler, so the cards stand out
FAR_FLOW = "#84909d"
FAR_CHANNEL_SWITCH = "#d16a1c"
#: Cards and friction markers of the highlighted improvement: neither a score colour nor
#: the selection's blue.
HIGHLIGHT = "#b3136c"
#: Cards that match the search.
SEARCH_HIT = "#8a6100"
#: The sign on a card while a merge conflict about it waits for someone to decide: the same
#: in both themes, a "!" in ``ink_on`` it, edged with ``MARK_EDGE``.
CONFLICT = "#6a3d9a"
#: The corner's mark while tomorrow's journey is shown: "Tomorrow", in ``ink_on`` it.
STATE_MARK = "#fee08b"

#: EPIC letter score 1..5
EPIC_SCORE = {1: "#d73027", 2: "#fc8d59", 3: "#fee08b", 4: "#91cf60", 5: "#1a9850"}
#: friction severity 1 cosmetic .. 4 blocks the customer
SEVERITY = {1: "#fed976", 2: "#fd8d3c", 3: "#e31a1c", 4: "#800026"}
#: emotion -2 angry .. +2 delighted
EMOTION = {-2: "#d73027", -1: "#fc8d59", 0: "#c9ced4", 1: "#91cf60", 2: "#1a9850"}
#: Each persona's colour, by its place in the list of personas (then again from the first):
#: the band around the cell it prefers, and the flag in a stage header where the journey
#: misses that cell. The same in both themes: a band is edged with MARK_EDGE, a flag carries
#: a sign and a number in ``ink_on`` its colour.
PERSONA = {0: "#7b3294", 1: "#008080", 2: "#c2185b", 3: "#5e7d00", 4: "#3f51b5", 5: "#a0522d"}
#: stairway step 0 escalation .. 5 no contact needed
STEP = {0: "#b2182b", 1: "#ef8a62", 2: "#f4c26b", 3: "#a6d96a", 4: "#4dac26", 5: "#1a7837"}


def epic_colour(score: float | None) -> str:
    return UNSET if score is None else EPIC_SCORE[min(5, max(1, round(score)))]


def severity_colour(severity: int, nature: FrictionNature | str) -> str:
    return GOOD_FRICTION if nature == FrictionNature.GOOD else SEVERITY[severity]


def emotion_colour(emotion: int | None) -> str:
    return UNSET if emotion is None else EMOTION[emotion]


def persona_colour(index: int) -> str:
    """The colour of the persona at ``index`` in the blueprint's list of personas."""
    return PERSONA[index % len(PERSONA)]


def ink_on(background: str) -> str:
    """Dark or white text, whichever has the more contrast on the background."""
    return _ink_on(background, DARK_INK)


@cache
def _ink_on(background: str, dark_ink: str) -> str:
    # dark_ink is part of the key: it is read when painting, and a theme may change it
    return most_readable(background, (dark_ink, WHITE))


# --- what each colour is drawn on ----------------------------------------------------------
#
# WCAG 2.1 AA: text reads at 4.5:1 on what it sits on (1.4.3), a line or mark that means
# something stands out at 3:1 (1.4.11). Every colour above says here what it is drawn on;
# ``ui.contrast`` turns that into pairs and a test checks them in every theme, so a colour
# added without saying, or one that does not read, fails the tests.

TEXT = TEXT_CONTRAST
MARK = MARK_CONTRAST
#: Drawn under everything else: what it needs is said by what is drawn on it.
SURFACE = "surface"
#: A coloured mark (a score, a severity, a step): filled, edged with ``MARK_EDGE``, its
#: number or letter (or face) drawn on it in ``ink_on(fill)``.
FILL = "fill"
#: The cells under the friction heat map's tints: ``ui.contrast`` adds the tints.
HEAT_TINTS = "HEAT_TINTS"

_CELLS = ("CELL", "CELL_ALTERNATE")
_OVER_CELLS = (*_CELLS, HEAT_TINTS)  # drawn over the cells, above the heat map

#: A use of a colour: SURFACE, FILL, or (minimum contrast, names of what it is drawn on).
Use = str | tuple[float, tuple[str, ...]]
#: colour name -> its uses
DRAWN_ON: dict[str, tuple[Use, ...]] = {
    "CANVAS": (SURFACE, (MARK, ("STAGE_HEADER",))),  # the gap between stage headers
    "CELL": (SURFACE,),
    "CELL_ALTERNATE": (SURFACE,),
    "STAGE_HEADER": (SURFACE,),
    "CHANNEL_HEADER": (SURFACE,),
    "CARD": (SURFACE,),
    "INK": ((TEXT, ("CARD", *_CELLS, "CHANNEL_HEADER", "CANVAS")),),
    "MUTED_INK": ((TEXT, ("CARD", *_CELLS, "CHANNEL_HEADER", "CANVAS")),),
    "STAGE_HEADER_INK": ((TEXT, ("STAGE_HEADER",)),),
    "DARK_INK": (FILL,),  # ink_on chooses it, or white, for what is drawn on a fill
    "WHITE": (FILL,),
    "GRID_LINE": ((MARK, (*_CELLS, "CHANNEL_HEADER")),),
    "CARD_BORDER": ((MARK, _OVER_CELLS),),
    "SELECTION": ((MARK, (*_OVER_CELLS, "CARD")),),
    "FOCUS": ((MARK, _OVER_CELLS),),
    "MARK_EDGE": ((MARK, ("CARD", "CHANNEL_HEADER", *_OVER_CELLS)),),
    "UNSET": (FILL,),
    "UNSET_INK": ((TEXT, ("UNSET", *_CELLS)),),  # an unset letter, an empty lane's hint
    "FLOW": ((MARK, _OVER_CELLS),),
    "CHANNEL_SWITCH": ((MARK, _OVER_CELLS),),
    "GOOD_FRICTION": ((TEXT, ("CARD",)),),  # its ring and its severity digit
    "FAR_FLOW": ((MARK, _CELLS),),
    "FAR_CHANNEL_SWITCH": ((MARK, _CELLS),),
    "HIGHLIGHT": ((MARK, (*_OVER_CELLS, "CARD")),),
    "SEARCH_HIT": ((MARK, (*_OVER_CELLS, "CARD")),),
    "EPIC_SCORE": (FILL,),
    "SEVERITY": (FILL,),
    "EMOTION": (FILL,),
    "STEP": (FILL,),
    "PERSONA": (FILL,),
    "CONFLICT": (FILL,),
    "STATE_MARK": (FILL,),
}
