"""What every section of the PDF reads: the plan's subject, and reportlab's fonts and styles."""

from __future__ import annotations

from dataclasses import dataclass

from .content.rich import Rich
from .content.subject import PlanSubject
from .fonts import BundledFonts
from .styles import Styles
from .text import Typesetter


@dataclass(kw_only=True)
class RenderContext(PlanSubject):
    fonts: BundledFonts
    styles: Styles
    text: Typesetter
    width: float  # of the text frame, in points
    height: float

    def user(self, text: str) -> str:
        """User text as paragraph markup: escaped, in fonts that draw it."""
        return self.text.markup(text)

    def markup(self, sentence: Rich) -> str:
        """A sentence as paragraph markup: every span literal, strong ones in bold."""
        return "".join(
            f"<b>{self.text.markup(span.text)}</b>" if span.strong else self.text.markup(span.text)
            for span in sentence
        )
