"""Tooltips and messages that show user text as typed."""

from __future__ import annotations

import html

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QWidget

#: Lines up to this many characters are never wrapped: a tooltip is as wide as its longest
#: line, as a plain one is. Qt wraps a tooltip of markup at a width of its own choosing,
#: which broke a card's "EPIC: Easy 4, ... Contextual 4" line in two. Longer lines (a quote)
#: wrap.
LONGEST_UNWRAPPED = 80


def plain_tip(text: str) -> str:
    """A tooltip that shows user text as typed: Qt would render markup in a plain tooltip."""
    short = all(len(line) <= LONGEST_UNWRAPPED for line in text.split("\n"))
    return f"<p style='white-space:{'pre' if short else 'pre-wrap'}'>{html.escape(text)}</p>"


def set_plain_tip(widget: QWidget, text: str) -> None:
    """``text`` as a widget's tooltip (``plain_tip``; none when empty) and as what a screen
    reader says of it: without a description of its own, Qt gives a screen reader the
    tooltip, markup and all."""
    widget.setToolTip(plain_tip(text) if text else "")
    widget.setAccessibleDescription(text)


def as_typed(text: str) -> str:
    """``text`` for a message box (which, like a tooltip, shows what looks like markup as
    markup): itself, unless Qt would take it for markup (a file named '<b>plan</b>.blueprint',
    a person's name), then escaped to show as typed."""
    return plain_tip(text) if Qt.mightBeRichText(text) else text
