"""Which text needs the bidi algorithm, and Arabic letters in their joined forms.

A PDF shows glyphs where it is told to: nothing joins Arabic letters or reorders right-to-
left text on the way. The letters are given here the form their neighbours call for (initial,
medial, final or isolated, and the lam-alef ligatures), as the Unicode presentation forms
the bundled DejaVu Sans draws; ``arabic-reshaper`` knows the joining rules. This is done in
logical order, before the text is measured and wrapped, so that widths are those drawn.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from .uba import bidi_class

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper

#: Where right-to-left characters are (checked against the whole of Unicode by a test).
_RTL_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x10FFF))
_RTL_BLOCKS += ((0x1E800, 0x1EFFF),)
_RTL_CONTROLS = "\u200f\u202b\u202e\u2067"  # RLM, RLE, RLO, RLI
_RTL_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "RLI"})


def _right_to_left() -> frozenset[str]:
    chars = {chr(c) for first, last in _RTL_BLOCKS for c in range(first, last + 1)}
    return frozenset(c for c in chars | set(_RTL_CONTROLS) if bidi_class(c) in _RTL_CLASSES)


#: Characters that make a text need the bidi algorithm: without one, every level is even and
#: the visual order is the logical one. (Arabic letters, which join, are among them.)
RIGHT_TO_LEFT: frozenset[str] = _right_to_left()


def needs_bidi(text: str) -> bool:
    return not RIGHT_TO_LEFT.isdisjoint(text)


def shape(text: str, drawable: frozenset[str]) -> str:
    """``text`` with its Arabic letters in joined forms, where ``drawable`` has them.

    A joined form the font lacks is given back as its plain letter (drawn unjoined, perhaps
    from a fallback font), never lost.
    """
    # Letters join within a word only (a space joins nothing): shaped word by word, each
    # word once, for the words of a plan come back in title after title.
    shaped = " ".join(_shape_word(word, drawable) for word in text.split(" "))
    if set(shaped) <= drawable:
        return shaped
    return "".join(
        c if c in drawable or not _is_presentation_form(c) else unicodedata.normalize("NFKC", c)
        for c in shaped
    )


def _is_presentation_form(char: str) -> bool:
    return "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff"


@lru_cache(maxsize=65536)
def _shape_word(word: str, drawable: frozenset[str]) -> str:
    return _reshaper(drawable).reshape(word) if needs_bidi(word) else word


@lru_cache(maxsize=4)
def _reshaper(drawable: frozenset[str]) -> ArabicReshaper:
    # Loaded with the first Arabic word: a plan without any does not pay for it.
    from arabic_reshaper import ArabicReshaper
    from arabic_reshaper.ligatures import LETTERS_LIGATURES, SENTENCES_LIGATURES, WORDS_LIGATURES

    configuration: dict[str, bool] = {
        "delete_harakat": False,  # vowel marks are drawn, as typed
        "delete_tatweel": False,
        "support_ligatures": True,
    }
    # Only the lam-alef ligatures, and only those the font draws: the word and phrase
    # ligatures replace whole words with one sign, which is not what was typed.
    for name, _ in (*SENTENCES_LIGATURES, *WORDS_LIGATURES):
        configuration[name] = False
    for name, (_, forms) in LETTERS_LIGATURES:
        configuration[name] = all(form in drawable for form in forms if form)
    return ArabicReshaper(configuration=configuration)
