"""The text of a PDF page as it is drawn: glyph by glyph, in the order they stand on a line.

pypdf's ``extract_text`` reorders right-to-left characters itself (it assumes the PDF holds
them in logical order), so it cannot tell whether the PDF draws them in the right order.
Here each shown string is decoded through its font's ToUnicode map and nothing else: the
characters of a line come out left to right, as the glyphs are placed (Arabic as its joined
presentation forms).
"""

from __future__ import annotations

import re

from pypdf import PageObject
from pypdf.generic import ContentStream

#: Operators that start a new line of text.
_MOVES = {b"BT", b"ET", b"Td", b"TD", b"Tm", b"T*"}


def _to_unicode(font) -> dict[int, str]:
    codes: dict[int, str] = {}
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return codes
    data = cmap.get_object().get_data().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for source, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            codes[int(source, 16)] = bytes.fromhex(target).decode("utf-16-be")
    return codes


def _raw(string) -> bytes:
    return string.original_bytes if hasattr(string, "original_bytes") else bytes(string)


def drawn_lines(page: PageObject) -> list[str]:
    """Each line of text on ``page``, its characters in the order they are drawn."""
    fonts = {
        name: _to_unicode(font.get_object())
        for name, font in page["/Resources"].get("/Font", {}).items()
    }
    lines: list[str] = []
    current: list[str] = []
    codes: dict[int, str] = {}

    def show(string) -> None:
        current.append("".join(codes.get(b, "\ufffd") for b in _raw(string)))

    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"Tf":
            codes = fonts.get(operands[0], {})
        elif operator in _MOVES or operator in (b"'", b'"'):
            if current:
                lines.append("".join(current))
                current = []
            if operator in (b"'", b'"'):
                show(operands[-1])
        elif operator == b"Tj":
            show(operands[0])
        elif operator == b"TJ":
            for item in operands[0]:
                if not isinstance(item, (int, float)) and hasattr(item, "__len__"):
                    show(item)
    if current:
        lines.append("".join(current))
    return lines
