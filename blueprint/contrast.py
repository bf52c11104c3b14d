"""How well one colour reads on another (WCAG 2), for the editor, the PDF and the deck.

No Qt and no reportlab here: colours are ``#rrggbb`` strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two ``#rrggbb`` colours: 1 (none) .. 21 (black on white)."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def most_readable(background: str, inks: Iterable[str]) -> str:
    """The ink with the most contrast on ``background`` (the first of equals)."""
    return max(inks, key=lambda ink: contrast_ratio(ink, background))


@cache
def luminance(hex_colour: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour: 0 (black) .. 1 (white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
