"""Wrapped lines in visual order: plain lines of one style, and a paragraph's lines of frags.

The levels are resolved over all the lines of a paragraph at once, and each line is then
reordered on its own: the bidi algorithm's order of work (wrap, then reorder each line).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .uba import Levels, resolve


def visual_lines(lines: Sequence[str], direction: int | None = None) -> list[str]:
    """Lines of one paragraph (logical order, as wrapped) as drawn, left to right.

    ``direction`` 0 or 1, or None to take the first strong character's, as an editor does
    for a field of text.
    """
    levels = resolve(" ".join(lines), direction)
    result = []
    start = 0
    for line in lines:
        end = start + len(line)
        result.append(levels.visual(start, end))
        start = end + 1
    return result


def visual_frag_lines(lines: Sequence[Any]) -> list[Any]:
    """reportlab ``FragLine``s (a paragraph of several fonts) with their frags reordered.

    The frags of a line are cut where the visual order moves from one to another: each
    piece keeps its font, size and colour. A forced line break (``<br/>``) ends a paragraph
    as the bidi algorithm sees it, so the lines after it are resolved apart.
    """
    result: list[Any] = []
    group: list[Any] = []
    for line in lines:
        group.append(line)
        if getattr(line, "lineBreak", False):
            result += _reorder_group(group)
            group = []
    return result + _reorder_group(group)


def _reorder_group(lines: list[Any]) -> list[Any]:
    if not lines:
        return []
    owners: list[list[Any]] = []  # the frag of each character, line by line
    texts: list[str] = []
    for line in lines:
        line_owners = []
        for frag in line.words:
            if _is_text(frag):
                line_owners += [frag] * len(frag.text)
        owners.append(line_owners)
        texts.append("".join(frag.text for frag in line.words if _is_text(frag)))
    levels = resolve(" ".join(texts))
    reordered = []
    start = 0
    for line, line_owners, text in zip(lines, owners, texts, strict=True):
        words = _visual_frags(levels, start, start + len(text), line_owners)
        words += [frag for frag in line.words if not _is_text(frag)]  # a line break, last
        reordered.append(line.clone(words=words))
        start += len(text) + 1
    return reordered


def _visual_frags(levels: Levels, start: int, end: int, owners: list[Any]) -> list[Any]:
    frags: list[Any] = []
    current, chars = None, []
    for i in levels.line_order(start, end):
        owner = owners[i - start]
        if owner is not current and chars:
            frags.append(current.clone(text="".join(chars)))
            chars = []
        current = owner
        chars.append(levels.glyph(i))
    if chars:
        frags.append(current.clone(text="".join(chars)))
    return frags


def _is_text(frag: Any) -> bool:
    # Images and callbacks (``cbDefn``) have no text to reorder; a line break has ''.
    return not hasattr(frag, "cbDefn") and bool(getattr(frag, "text", ""))
