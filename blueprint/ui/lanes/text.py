"""Lane text as the cells show it: paragraphs wrapped to the column, the overflow elided."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ..canvas.drawing import wrap

ELLIPSIS = "…"


def wrapped(text: str, chosen_font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` in at most ``max_lines`` lines of ``width``, its line breaks kept; the last
    line ends in an ellipsis when some of the text did not fit."""
    lines: list[str] = []
    paragraphs = text.split("\n")
    for index, paragraph in enumerate(paragraphs):
        room = max_lines - len(lines)
        if room <= 0:
            _elide_last(lines, chosen_font, width)
            break
        lines.extend(wrap(paragraph, chosen_font, width, room) if paragraph else [""])
        if len(lines) == max_lines and index < len(paragraphs) - 1:
            _elide_last(lines, chosen_font, width)
            break
    return lines


def _elide_last(lines: list[str], chosen_font: QFont, width: float) -> None:
    if lines and not lines[-1].endswith(ELLIPSIS):
        metrics = QFontMetricsF(chosen_font)
        last = metrics.elidedText(lines[-1] + ELLIPSIS, Qt.TextElideMode.ElideRight, width)
        lines[-1] = last if last.endswith(ELLIPSIS) else last + ELLIPSIS


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as typed (markup and all), wrapped, its breaks kept."""
    body = html.escape(text).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"
