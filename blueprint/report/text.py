"""User text into the PDF, safely: escaped, in a font that can draw it, wrapped to fit.

Every string that comes from a blueprint file (titles, names, owners...) reaches the page
through ``Typesetter``: ``markup`` for paragraph text, ``cell`` for table cells. Files come
from strangers, so nothing in them may act as markup (load an image, make a link, change the
formatting), and no character may be dropped silently: characters the bundled font lacks
are drawn in an installed font that has them, or as a visible placeholder that the render
result reports. Right-to-left text is joined and drawn in visual order (``rtl``): user text
is isolated from the plan's words around it, and each wrapped line is reordered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from . import rtl
from .blocks import Line, TextBlock
from .fonts import BundledFonts, FallbackFonts
from .formatting import NO_BREAK_SPACE, unbroken_money
from .rtl import Paragraph

#: Drawn, in the bundled font and in grey, where no font can draw a character.
PLACEHOLDER = "\ufffd"
PLACEHOLDER_COLOUR = "#8a8a8a"
_QUOTES = {'"': "&quot;", "'": "&#39;"}


def escape(text: str) -> str:
    """The one escaping of text for reportlab's paragraph markup: & < > and both quotes."""
    return _xml_escape(text, _QUOTES)


#: Where a line may break: any white space but a no-break space.
_BREAKS = re.compile(rf"[^\S{NO_BREAK_SPACE}]+")


def words(text: str) -> list[str]:
    """The words of ``text`` between which a line may break: a no-break space joins two."""
    return [word for word in _BREAKS.split(text) if word]


def plain(text: str) -> str:
    """Runs of whitespace (new lines, tabs) as one space, as a paragraph shows them; a
    no-break space stays one."""
    return " ".join(words(text))


@dataclass
class Typesetter:
    """Turns user text into markup or table cells for one render, and records what it drew."""

    fonts: BundledFonts
    fallback: FallbackFonts
    missing: set[str] = field(default_factory=set)
    fallback_sources: set[str] = field(default_factory=set)
    _markup_cache: dict[str, str] = field(default_factory=dict)
    _shaped_cache: dict[str, str] = field(default_factory=dict)
    #: What is drawn as it is: in the bundled font, and nothing right-to-left.
    _as_is: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self._as_is = self.fonts.covered - rtl.RIGHT_TO_LEFT

    def covered(self, text: str) -> bool:
        """True when ``text`` is drawn as it is: every character in the bundled font, in
        logical order (no right-to-left character)."""
        return set(text) <= self._as_is

    def markup(self, text: str) -> str:
        """Paragraph markup that prints ``text`` literally, each character in a font that has it.

        Right-to-left text is joined and isolated: it keeps its own direction in a sentence of
        the plan's words, and a ``rtl.Paragraph`` draws it in visual order.
        """
        cached = self._markup_cache.get(text)
        if cached is None:
            key, text = text, unbroken_money(text)
            if self.covered(text):
                cached = escape(text)
            elif rtl.needs_bidi(text):
                runs = self._runs(self._shaped(plain(text)))
                cached = rtl.isolate("".join(self._run_markup(f, r, bidi=True) for f, r in runs))
            else:
                cached = self._runs_markup(text)
            self._markup_cache[key] = cached
        return cached

    def cell(self, text: str | list[str], style: ParagraphStyle, width: float) -> str | Paragraph:
        """A table cell for ``text`` in ``style``, wrapped to ``width`` points.

        Text the bundled font draws entirely is broken into lines here and handed to the
        table as plain lines: a table draws those literally (no markup is parsed) and about
        five times faster than a paragraph, which matters in a register of thousands of rows.
        Anything else becomes a paragraph with font runs and placeholders. A list of texts
        gives one line (or more, wrapped) for each.
        """
        # A currency kept with its amount: a huge amount in a narrow column broke as "£" on
        # one line and the number on the next.
        parts = [unbroken_money(plain(t)) for t in ([text] if isinstance(text, str) else text)]
        font, size = style.fontName, style.fontSize
        if all(self.covered(part) for part in parts):
            return "\n".join(line for part in parts for line in wrap_lines(part, font, size, width))
        if all(self._bundled_draws(part) for part in parts):  # right-to-left, one font
            return "\n".join(
                line for part in parts for line in self._lines(part, font, size, width)
            )
        return Paragraph("<br/>".join(self.markup(part) for part in parts), style)

    def block(self, parts: list[tuple[str, ParagraphStyle]], width: float) -> Flowable:
        """A cell of several parts, each in its own style (a title, then a grey line).

        Like ``cell``: pre-broken plain lines when the bundled font draws everything, else
        one paragraph with a line break between the parts.
        """
        parts = [(plain(text), style) for text, style in parts if text.strip()]
        if all(self.covered(text) for text, _ in parts):
            return _text_block(parts, width, wrap_lines)
        if all(self._bundled_draws(text) for text, _ in parts):  # right-to-left, one font
            return _text_block(parts, width, self._lines)
        first_style = parts[0][1] if parts else None
        markup = "<br/>".join(
            f'<font name="{style.fontName}" size="{style.fontSize}" '
            f'color="#{style.textColor.hexval()[2:]}">{self.markup(text)}</font>'
            for text, style in parts
        )
        return Paragraph(markup, first_style)

    # --- right-to-left text ------------------------------------------------------------------

    def _shaped(self, text: str) -> str:
        """``text`` with its Arabic letters joined, where it has right-to-left text."""
        if not rtl.needs_bidi(text):
            return text
        shaped = self._shaped_cache.get(text)
        if shaped is None:
            shaped = self._shaped_cache[text] = rtl.shape(text, self.fonts.covered)
        return shaped

    def _bundled_draws(self, text: str) -> bool:
        return set(self._shaped(text)) <= self.fonts.covered

    def _lines(self, text: str, font: str, size: float, width: float) -> list[str]:
        """``text`` wrapped to ``width``, each line as drawn (right-to-left text reordered)."""
        if self.covered(text):
            return wrap_lines(text, font, size, width)
        return rtl.visual_lines(wrap_lines(self._shaped(text), font, size, width))

    # --- runs of one font -------------------------------------------------------------------

    def _runs_markup(self, text: str) -> str:
        return "".join(self._run_markup(font, run) for font, run in self._runs(text))

    def _runs(self, text: str) -> list[tuple[str | None, str]]:
        """``text`` cut into runs: (None, bundled text), (font name, text), ("", placeholders)."""
        runs: list[tuple[str | None, str]] = []
        for char in text:
            font = self._font_of(char)
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        return runs

    def _font_of(self, char: str) -> str | None:
        if char in self.fonts.covered or char.isspace():
            return None
        found = self.fallback.font_for(ord(char))
        if found is None:
            self.missing.add(char)
            return ""
        self.fallback_sources.add(found.source)
        return found.name

    @staticmethod
    def _run_markup(font: str | None, run: str, bidi: bool = False) -> str:
        if font is None:
            return escape(run)
        if font == "":
            # In right-to-left text, a placeholder reads in the direction of its letter.
            marks = [rtl.direction_mark(c) if bidi else "" for c in run]
            shown = "".join(f"{mark}{PLACEHOLDER}{mark}" for mark in marks)
            return f'<font color="{PLACEHOLDER_COLOUR}">{shown}</font>'
        return f'<font name="{font}">{escape(run)}</font>'


def _text_block(
    parts: list[tuple[str, ParagraphStyle]],
    width: float,
    lines: Callable[[str, str, float, float], list[str]],
) -> TextBlock:
    return TextBlock(
        [
            Line(line, style.fontName, style.fontSize, style.leading, style.textColor)
            for text, style in parts
            for line in lines(text, style.fontName, style.fontSize, width)
        ]
    )


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is broken between letters."""
    if stringWidth(text, font, size) <= width:
        return [text] if text else [""]  # most cells: one line, one measurement
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    line, line_width = "", 0.0
    for word in words(text):
        word_width = stringWidth(word, font, size)
        if word_width > width:
            pieces = _break_word(word, font, size, width)
            if line:
                lines.append(line)
            lines += pieces[:-1]
            line, line_width = pieces[-1], stringWidth(pieces[-1], font, size)
        elif not line:
            line, line_width = word, word_width
        elif line_width + space + word_width <= width:
            line, line_width = f"{line} {word}", line_width + space + word_width
        else:
            lines.append(line)
            line, line_width = word, word_width
    if line:
        lines.append(line)
    return lines or [""]


#: Letters a word broken across lines keeps at least on a line ("Managemen-t" read badly).
_LEAST_PIECE = 3


#: Widths that differ by less than this (points) are the same width.
_FITS = 1e-6


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too wide for the line, in pieces that fit: broken with a hyphen between two
    letters of a left-to-right script, and never leaving one or two letters alone where
    the word is long enough to spare them."""
    widths = [stringWidth(char, font, size) for char in word]
    hyphen = stringWidth("-", font, size)
    pieces: list[str] = []
    start = 0
    rest = sum(widths)  # of the letters from ``start`` on: kept, not summed at each piece
    # What fits to a millionth of a point fits: the running total drifts by rounding, and
    # the rest of a word that exactly filled the line was cut once more.
    while rest - width > _FITS:
        end, used = start, 0.0
        while end < len(word) and used + widths[end] + hyphen <= width:
            used += widths[end]
            end += 1
        end = max(end, start + 1)  # a letter wider than the line goes on its own
        if end >= len(word):
            break
        tail = len(word) - end
        if 0 < tail < _LEAST_PIECE and end - start > 2 * _LEAST_PIECE:
            end = len(word) - _LEAST_PIECE
        head, after = word[end - 1], word[end]
        joined = head.isalpha() and after.isalpha() and not {head, after} & rtl.RIGHT_TO_LEFT
        pieces.append(word[start:end] + ("-" if joined else ""))
        rest -= sum(widths[start:end])
        start = end
    pieces.append(word[start:])
    return pieces
