"""reportlab's Paragraph, drawing each line with right-to-left text in visual order.

reportlab orders the text of a line left to right as it comes (its own bidi support needs
``rlbidi``, which is not on PyPI). Here the paragraph is wrapped and split across pages as
reportlab does it, in logical order, and only while it is drawn are its lines swapped for
their visual order (``lines.visual_frag_lines``). The widths do not change: the same glyphs
are drawn, in another order. A paragraph without right-to-left text is drawn by reportlab
alone, as before.
"""

from __future__ import annotations

from reportlab.platypus import paragraph

from .lines import visual_frag_lines, visual_lines
from .shaping import needs_bidi


class Paragraph(paragraph.Paragraph):
    def __init__(self, text, style=None, *args, **kwargs) -> None:
        super().__init__(text, style, *args, **kwargs)
        if isinstance(text, str):  # the markup (no character reference spells right-to-left)
            self._bidi = needs_bidi(text)
        else:  # a split half, made from the frags of the whole
            self._bidi = any(needs_bidi(f.text) for f in self.frags if hasattr(f, "text"))

    def drawPara(self, debug: int = 0) -> None:
        if not self._bidi:
            return super().drawPara(debug)
        logical = self.blPara
        self.blPara = _visual(logical)
        try:
            return super().drawPara(debug)
        finally:
            self.blPara = logical


def _visual(para):
    if para.kind == 0:  # one font: lines of words
        texts = [" ".join(words) for _, words in para.lines]
        visual = visual_lines(texts)
        lines = [
            (extra, text.split(" ")) for (extra, _), text in zip(para.lines, visual, strict=True)
        ]
    else:
        lines = visual_frag_lines(para.lines)
    return para.clone(lines=lines)
