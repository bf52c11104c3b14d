"""Content that must stay on one page: how tall it is, and how much smaller to set it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, KeepInFrame
from reportlab.platypus.flowables import _listWrapOn

#: How closely the scale of a page set smaller is found (a thousandth of its size).
_PRECISION = 0.001
#: Set no smaller than this: a sixteenth of the size is unreadable anyway.
_SMALLEST = 1 / 16


def stacked_height(flowables: Sequence[Flowable], width: float, height: float) -> float:
    """The height of flowables one above the other, their spaces before and after counted."""
    total = 0.0
    for flowable in flowables:
        _, tall = flowable.wrap(width, height)
        total += tall + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def one_page(width: float, room: float, laid_out: Callable[[float], list[Flowable]]) -> Flowable:
    """What ``laid_out(width)`` makes, set smaller where it would run over ``room``.

    It is laid out again on a page as much wider as it is set smaller: reportlab's shrink
    alone re-wraps the paragraphs but leaves a table's fixed columns as they were, so the
    tables came out narrower than the text around them.
    """

    def fits(scale: float) -> bool:
        return stacked_height(laid_out(width * scale), width * scale, room * scale) <= room * scale

    scale = 1.0
    if not fits(scale):
        low, high = 1.0, 2.0
        while not fits(high) and high < 1 / _SMALLEST:
            low, high = high, high * 2
        while high - low > _PRECISION * low:
            middle = (low + high) / 2
            low, high = (low, middle) if fits(middle) else (middle, high)
        scale = high
    return _Scaled(width, room, laid_out(width * scale), scale)


class _Scaled(KeepInFrame):
    """Content laid out ``scale`` times wider, drawn ``scale`` times smaller into the page.

    reportlab's own shrink searches its scale again from the height alone, and overshoots
    by up to a few percent: the page came out as a narrower block, its tables and tiles
    short of the text frame's right edge.
    """

    def __init__(self, width: float, room: float, content: list[Flowable], scale: float):
        super().__init__(width, room, content, mode="shrink")
        self._fixed = scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._fixed == 1.0:
            return super().wrap(availWidth, availHeight)
        width, height = _listWrapOn(self._content, self.maxWidth * self._fixed, self.canv)
        self._scale = self._fixed
        self.width, self.height = width / self._fixed, height / self._fixed
        return self.width, self.height
