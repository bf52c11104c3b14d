"""Text into the deck, safely: characters XML cannot hold removed, whitespace as one space,
and a size that fits the box.

Everything in a slide is text PowerPoint sets itself, in the font the deck names; PowerPoint
finds a font for any script, so no character needs drawing here. Files come from
strangers: a title may hold ``<b>`` or ``&`` (python-pptx writes them as text, so they show
literally) or a control character that XML 1.0 cannot carry at all (removed here, or the
whole deck would fail to save).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..fonts import bundled_fonts
from ..formatting import unbroken_at_least
from ..text import plain, wrap_lines

#: Characters no XML 1.0 document may hold: C0 controls but tab, line feed and carriage
#: return; lone surrogates; the two non-characters U+FFFE and U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold; line breaks kept."""
    return _ILLEGAL.sub("", text)


def collapse(text: str) -> str:
    """``text`` safe for XML, each run of whitespace as one space (kept at either end: a
    span of a sentence may start or end with the space before the next)."""
    return re.sub(r"\s+", " ", xml_safe(text))


def one_line(text: str) -> str:
    """``text`` safe for XML, runs of whitespace (new lines, tabs) as one space; a no-break
    space stays one."""
    return plain(xml_safe(text))


def amount_text(text: str) -> str:
    """An amount of a table cell as it may break: only after its currency (``≥ IDR`` over
    ``805,904,000,000,000``), never inside its number, which has no space to break at."""
    return unbroken_at_least(text)


def unbroken_size(
    words: Collection[tuple[str, bool]], width: float, *, largest: float, smallest: float
) -> float:
    """The largest size (from ``largest`` down in steps of half a point) at which each of
    ``words`` (word, bold) stays whole on a line ``width`` points wide; ``smallest`` if none.

    A word wider than its line is broken between any two characters: a huge amount read
    ``8,823,305,500,0`` over ``00,000``, another number.
    """
    size = largest
    while size > smallest:
        if all(lines_needed(word, size, width, bold) == 1 for word, bold in words):
            return size
        size -= 0.5
    return smallest


def lines_needed(text: str, size: float, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes at ``size`` points in a column ``width`` points wide.

    Measured in the bundled DejaVu Sans, which is wider than the deck's Calibri, so a box
    sized by it does not overflow in PowerPoint or in LibreOffice's Carlito.
    """
    fonts = bundled_fonts()
    return len(wrap_lines(one_line(text), fonts.bold if bold else fonts.regular, size, width))


def fitting_size(
    paragraphs: list[tuple[str, float]],
    width: float,
    height: float,
    *,
    largest: float,
    smallest: float,
    leading: float = 1.2,
    gap: float = 0.4,
) -> float:
    """The largest scale (``smallest``/``largest`` of the first paragraph's size, in steps
    of half a point) at which ``paragraphs`` (text, size relative to 1) fit the box.

    Returns the size of a paragraph of relative size 1; the box's own padding is the
    caller's to subtract.
    """
    size = largest
    while size > smallest:
        if text_height(paragraphs, size, width, leading, gap) <= height:
            return size
        size -= 0.5
    return smallest


def text_height(
    paragraphs: list[tuple[str, float]],
    size: float,
    width: float,
    leading: float = 1.2,
    gap: float = 0.4,
) -> float:
    """How tall ``paragraphs`` stand at ``size`` in a column ``width`` points wide."""
    total = 0.0
    for text, relative in paragraphs:
        points = size * relative
        total += lines_needed(text, points, width) * points * leading + points * gap
    return total
