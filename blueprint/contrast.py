"""Colours as ``#rrggbb`` strings: how well one reads on another (WCAG 2), and mixing two;
for the editor, the PDF and the deck.

No Qt and no reportlab here: colours are ``#rrggbb`` strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

#: WCAG 2.1 AA: text reads at 4.5:1 on what it sits on (1.4.3); a line or mark that means
#: something stands out at 3:1 (1.4.11).
TEXT_CONTRAST = 4.5
MARK_CONTRAST = 3.0


def rgb(colour: str) -> tuple[int, int, int]:
    """``#1d4e89`` as (29, 78, 137)."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


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

    red, green, blue = rgb(hex_colour)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def mix(first: str, second: str, amount: float) -> str:
    """``first`` moved ``amount`` (0..1) of the way towards ``second``, both ``#rrggbb``."""
    a, b = rgb(first), rgb(second)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def faintest_readable(ground: str, ink: str, grounds: Iterable[str], ratio: float) -> str:
    """The colour nearest ``ground`` on the way to ``ink`` that reads at ``ratio`` or more
    on every one of ``grounds`` (``ink`` itself when nothing fainter does): a hint that
    recedes as far as it can and is still read."""
    grounds = tuple(grounds)
    for step in range(101):
        colour = mix(ground, ink, step / 100)
        if all(contrast_ratio(colour, g) >= ratio for g in grounds):
            return colour
    return ink
