"""A table laid out one page at a time: linear time, and its header only at page tops.

reportlab splits a table by building a new table of every remaining row, so a table of
6,000 rows costs time proportional to the square of its length. ``PagedTable`` hands
reportlab a window of rows longer than the page holds (as many as any page can hold on the
table's first page, then a few more than the page before took), lets it split that window
(rows split across pages where they must be), and carries what did not fit, plus the rows
after the window, on to the top of the next page, where the header is repeated. Every part
shares the table's lists of rows and looks, and knows where in them it starts: a part that
copied the rows after it would make the table quadratic again (a register of 60,000 rows
has 1,200 pages).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, LongTable
from reportlab.platypus.tables import CellStyle

#: More rows than any page holds: a data table row is at least 13.8 pt high (one line and
#: its padding) and the text frame of A4 or Letter at most 730 pt, so 53 rows at most.
WINDOW = 64
#: After the first page, a window holds this many rows more than the page before took:
#: rows of several lines fill a page with twenty, and laying out 64 each time was most of
#: the time of a large register. A page that takes every row of its window is laid out
#: again with a full window, so the pages are the same whatever the window.
MARGIN = 8


@dataclass(frozen=True, slots=True)
class RowLook:
    """How one body row differs from the rest: bold text, a background of its own."""

    bold: bool = False
    fill: Color | None = None


@dataclass(frozen=True)
class TableLook:
    """What every window of a table shares.

    Cell styles (font, padding, alignment) are given to reportlab as ready ``CellStyle``
    objects, one per column and shared by every row: applying them as style commands costs
    a call per cell and per command, which was most of the time of a large register.
    """

    header: list
    widths: list[float]
    header_styles: list[CellStyle]
    body_styles: list[CellStyle]
    bold_styles: list[CellStyle]
    lines: list[tuple]  # rules and backgrounds: commands that do not touch cell styles
    zebra: tuple[Color, Color]


def make_table(
    look: TableLook, rows: Sequence[list], looks: Sequence[RowLook], first: int
) -> LongTable:
    """A table of the header and ``rows``; ``first`` is the index of the first row in the
    whole table, so the zebra stripes run on without a break from page to page."""
    styles = [look.header_styles] + [
        look.bold_styles if row_look.bold else look.body_styles for row_look in looks
    ]
    stripes = list(look.zebra) if first % 2 == 0 else [look.zebra[1], look.zebra[0]]
    commands = [*look.lines, ("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes)]
    commands += [
        ("BACKGROUND", (0, row), (-1, row), row_look.fill)
        for row, row_look in enumerate(looks, start=1)
        if row_look.fill is not None
    ]
    return LongTable(
        [look.header, *rows],
        colWidths=look.widths,
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
        cellStyles=styles,
        style=commands,
    )


class PagedTable(Flowable):
    """A table of more rows than fit a window; see the module's docstring.

    This part shows the rows of ``rows`` from ``first`` on; ``carried``, when given, are the
    first of them as reportlab left them at the foot of the page before (a row split in two
    goes on with its second half).
    """

    def __init__(
        self,
        look: TableLook,
        rows: list[list],
        looks: list[RowLook],
        frame_height: float,
        first: int = 0,
        continued: bool = False,
        carried: list[list] | None = None,
        window: int = WINDOW,
    ) -> None:
        super().__init__()
        self.look = look
        self.rows = rows
        self.looks = looks
        self.frame_height = frame_height
        self.first = first
        self.continued = continued
        self.carried = carried or []
        self.window = window  # rows laid out for this page, at most
        self._window: LongTable | None = None

    @property
    def remaining(self) -> int:
        """Rows of this part and of every part after it."""
        return len(self.rows) - self.first

    def _mid_page(self, avail_height: float) -> bool:
        """True for the rest of a table asked to go on below other content: it belongs at
        the top of the next page. (reportlab would place it in the space left under the
        part before, with its header repeated in the middle of the page.)"""
        return self.continued and avail_height < self.frame_height - 1

    def _the_window(self) -> LongTable:
        if self._window is None:
            after = self.first + len(self.carried)
            rows = self.carried + self.rows[after : self.first + self.window]
            looks = self.looks[self.first : self.first + self.window]
            self._window = make_table(self.look, rows, looks, self.first)
        return self._window

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self._the_window().wrap(avail_width, avail_height)
        if self.remaining > self.window or self._mid_page(avail_height):
            height = max(height, avail_height + 1)  # more rows follow: ask to be split
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        self._the_window().drawOn(self.canv, 0, 0)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self._mid_page(avail_height):
            return []  # nothing here: the frame moves on to the next page
        window = self._the_window()
        parts = window.split(avail_width, avail_height)
        if not parts:
            return []  # nothing fits here: the next frame will try
        if len(parts) == 1:  # the whole window fits
            if self.remaining <= self.window:
                return parts
            if self.window < WINDOW:  # more rows might fit: lay the page out again
                self.window, self._window = WINDOW, None
                return self.split(avail_width, avail_height)
            return [window, self._rest(self.window, [])]
        placed, rest = parts[0], parts[1]
        # What reportlab kept for the next page (the cell values of its second part; a row
        # split in two counts on both sides), then every row after the window.
        carried = [list(row) for row in rest._cellvalues[1:]]
        taken = min(self.window, self.remaining) - len(carried)
        return [placed, self._rest(taken, carried, len(placed._cellvalues) - 1 + MARGIN)]

    def _rest(self, taken: int, carried: list[list], window: int = WINDOW) -> PagedTable:
        return PagedTable(
            self.look,
            self.rows,
            self.looks,
            self.frame_height,
            self.first + taken,
            continued=True,
            carried=carried,
            window=max(len(carried), min(window, WINDOW)),  # the carried rows at least
        )
