"""Sentences with emphasis, as plain data: the PDF sets a strong span in bold markup, the
deck in a bold run, the editor as plain text. Every span is literal text: whoever draws it
escapes it for its medium, so a title from a file never acts as markup anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def listed(items: Sequence[str | Rich]) -> Rich:
    """``a``, ``a and b``, ``a, b and c`` (``formatting.join_words``), each item a span of its
    own (or spans: quotes around a name go in spans of their own): a medium sets
    right-to-left text apart span by span, and a list in one span read as one right-to-left
    run, the commas and the "and" among the names and the names in reverse order."""
    parts: list[str | Span | Rich] = []
    for i, item in enumerate(items):
        if i:
            parts.append(" and " if i == len(items) - 1 else ", ")
        parts.append(item)
    return rich(*parts)


def strong(text: str) -> Span:
    return Span(text, strong=True)


def emphasised(sentence: Rich) -> Rich:
    """The sentence with every span strong."""
    return tuple(Span(span.text, strong=True) for span in sentence)


def plain_text(sentence: Rich) -> str:
    """The sentence as plain text, emphasis dropped."""
    return "".join(span.text for span in sentence)
