"""Characters no font on this computer draws, said where the blueprint uses them: the warning
after a plan or a deck is made named code points alone ("U+1F4E6 U+1F916"), which told a
facilitator neither what they were nor which title to change."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from ..model import Blueprint
from ..model.collections import COLLECTIONS

#: Characters listed by name and place; the rest are counted.
SHOWN = 6
#: How much of a name a place quotes.
NAME_LIMIT = 40


def _texts(value: Any) -> Iterator[str]:
    """Every string in a field's value, nested models and lists included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def _quoted(name: str) -> str:
    name = " ".join(name.split())
    return f"'{name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1].rstrip() + '…'}'"


def _places(bp: Blueprint) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of the blueprint, in file order."""
    for name in ("title", "description", "organisation", "currency"):
        yield f"the blueprint's {name}", getattr(bp, name)
    for collection in COLLECTIONS:
        for entity in getattr(bp, collection):
            # Named by its name or title; a quote or a comment, which has neither, by the
            # text itself (its id would mean nothing to anyone).
            named = getattr(entity, "name", None) or getattr(entity, "title", None)
            for text in _texts(entity):
                yield f"the {entity.noun} {_quoted(named or text)}", text


def first_places(bp: Blueprint, characters: Iterable[str]) -> dict[str, str]:
    """Where each of ``characters`` is first used ("the channel 'WhatsApp 🤖'"); a character
    the blueprint does not hold (drawn by the report itself) has no entry."""
    wanted, found = set(characters), {}
    for where, text in _places(bp):
        for char in wanted.intersection(text):
            found[char] = where
        wanted.difference_update(found)
        if not wanted:
            break
    return found


def undrawn_words(bp: Blueprint, missing: tuple[str, ...]) -> str:
    """The characters, each with its code point and where it is used, for a warning: "📦
    (U+1F4E6) in the improvement 'Proactive delivery news 📦', 🤖 (U+1F916) in the channel
    'WhatsApp 🤖'"."""
    places = first_places(bp, missing[:SHOWN])
    listed = []
    for char in missing[:SHOWN]:
        named = f"{char} (U+{ord(char):04X})"
        listed.append(f"{named} in {places[char]}" if char in places else named)
    more = len(missing) - SHOWN
    return ", ".join(listed) + (f" and {more} more" if more > 0 else "")
