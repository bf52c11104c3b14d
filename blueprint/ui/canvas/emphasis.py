"""View state laid over a card from outside the document (no Qt).

Overlays, filters, search and the highlight of an improvement decide what each card should
look like; the card only paints it. Emphasis is never saved and never undone: it belongs to
the view, like the selection.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...contrast import mix as mix  # where the canvas's modules have taken it from

#: How much of a faded friction marker still shows.
FADED_OPACITY = 0.25


@dataclass(frozen=True, slots=True)
class CardEmphasis:
    #: below 1, drawn see-through: the card does not match a filter, or another is highlighted
    opacity: float = 1.0
    #: the card's face in this colour (e.g. its EPIC score); None: the plain card
    fill: str | None = None
    #: a strong outline around the card in this colour (highlight, search result)
    outline: str | None = None
    #: friction markers drawn see-through: they do not match a filter
    faded_frictions: frozenset[str] = frozenset()
    #: friction markers ringed in the outline colour: they are highlighted
    marked_frictions: frozenset[str] = frozenset()


PLAIN = CardEmphasis()
