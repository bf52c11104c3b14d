"""Finding touchpoints by their words, whatever the case and accents (no Qt).

"cafe" finds "Café", "STRASSE" finds "straße": text is compared casefolded, decomposed, with
its accents dropped. Every word of the query must appear somewhere in the touchpoint's
texts (its title, its lanes, its notes, the titles and descriptions of its friction
points), in any order.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from ...model import Blueprint, Touchpoint

#: The texts of a touchpoint that the search reads, besides its friction points'.
TOUCHPOINT_TEXTS = (
    "title",
    "customer_action",
    "physical_evidence",
    "frontstage",
    "backstage",
    "support_processes",
    "notes",
)


def normalise(text: str) -> str:
    """``text`` as the search compares it: no case, no accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", bare).casefold()


def query_words(query: str) -> list[str]:
    return normalise(query).split()


def searchable_texts(blueprint: Blueprint) -> dict[str, str]:
    """touchpoint id -> all its searchable text, normalised, one field a line."""
    friction_texts: dict[str, list[str]] = defaultdict(list)
    for friction in blueprint.frictions:
        friction_texts[friction.touchpoint_id] += [friction.title, friction.description]
    return {
        tp.id: normalise("\n".join([*_own_texts(tp), *friction_texts[tp.id]]))
        for tp in blueprint.touchpoints
    }


def _own_texts(touchpoint: Touchpoint) -> list[str]:
    return [getattr(touchpoint, name) for name in TOUCHPOINT_TEXTS]


def matching(texts: dict[str, str], query: str) -> set[str]:
    """The touchpoints whose texts hold every word of ``query`` (none for a blank query)."""
    words = query_words(query)
    if not words:
        return set()
    return {tp_id for tp_id, text in texts.items() if all(word in text for word in words)}
