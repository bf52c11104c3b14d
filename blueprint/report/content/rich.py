"""Sentences with emphasis, as plain data: the PDF sets a strong span in bold markup, the
deck in a bold run, the editor as plain text. Every span is literal text: whoever draws it
escapes it for its medium, so a title from a file never acts as markup anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    strong: bool = False


#: A sentence (or a few): spans in reading order.
Rich = tuple[Span, ...]


def rich(*parts: str | Span | Rich) -> Rich:
    """Spans from text (plain), spans and other sentences, in order; empty text dropped."""
    spans: list[Span] = []
    for part in parts:
        if isinstance(part, str):
            part = Span(part)
        for span in (part,) if isinstance(part, Span) else part:
            if span.text:
                spans.append(span)
    return tuple(spans)


def strong(text: str) -> Span:
    return Span(text, strong=True)


def plain_text(sentence: Rich) -> str:
    """The sentence as plain text, emphasis dropped."""
    return "".join(span.text for span in sentence)
