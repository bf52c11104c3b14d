"""Data tables: ruled, numbers right-aligned, a header row that repeats on every page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .context import RenderContext
from .paging import PagedTable, RowLook, TableLook
from .rtl import Paragraph
from .styles import (
    DATA_TABLE_LINES,
    ZEBRA,
    cell_style,
    column_widths,
    shrunk_to_fit,
    text_width,
)
from .text import escape, words, wrap_lines

Cell = str | Flowable
#: What a row gives for a cell: text (wrapped), several lines (each wrapped), parts in their
#: own styles (a title, then a grey line), or a ready flowable.
Value = str | list[str] | list[tuple[str, ParagraphStyle]] | Flowable


@dataclass(frozen=True)
class Column:
    """A column: its heading (a new line at each "\\n"), its relative width, whether it
    holds numbers, whether its text is bold."""

    heading: str
    weight: float
    numeric: bool = False
    bold: bool = False


class DataTable:
    """Collects the rows of one table, each cell wrapped to its column's width."""

    def __init__(
        self, ctx: RenderContext, columns: Sequence[Column], width: float | None = None
    ) -> None:
        self.ctx = ctx
        self.columns = list(columns)
        self.widths = column_widths([c.weight for c in columns], width or ctx.width)
        self._room = [text_width(w) for w in self.widths]
        styles = ctx.styles
        self._styles = [
            styles.cell_bold if c.bold else styles.cell_right if c.numeric else styles.cell
            for c in columns
        ]
        self._rows: list[list[Cell]] = []
        self._looks: list[RowLook] = []

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, values: Sequence[Value], bold: bool = False, fill: Color | None = None) -> None:
        """One row of cells (see ``Value``); text is wrapped to its column."""
        bold_style = self.ctx.styles.cell_bold
        cells = [
            self._cell(value, column, bold_style if bold else style, room)
            for value, column, style, room in zip(
                values, self.columns, self._styles, self._room, strict=True
            )
        ]
        self._rows.append(cells)
        self._looks.append(RowLook(bold, fill))

    def _cell(self, value: Value, column: Column, style: ParagraphStyle, room: float) -> Cell:
        text = self.ctx.text
        if isinstance(value, Flowable):
            return value
        if isinstance(value, str):
            if column.numeric and text.covered(value):
                return number_cell(value, style, room)
            return text.cell(value, style, room)
        if value and isinstance(value[0], tuple):
            return text.block(value, room)  # type: ignore[arg-type]
        return text.cell(value, style, room)  # type: ignore[arg-type]

    def build(self) -> Flowable:
        """The table: LongTables whose header row repeats at the top of every page, laid
        out a page at a time (``PagedTable``). Rows may split across pages, so one very
        tall row (a long list of linked friction points) can never stop the layout."""
        header = [
            self.ctx.text.cell(c.heading.split("\n"), self.ctx.styles.head, room)
            for c, room in zip(self.columns, self._room, strict=True)
        ]
        look = TableLook(
            header,
            self.widths,
            header_styles=self._cell_styles("head", heading=True),
            body_styles=self._cell_styles("body"),
            bold_styles=self._cell_styles("bold", bold=True),
            lines=DATA_TABLE_LINES,
            zebra=(colors.white, ZEBRA),
        )
        return PagedTable(look, self._rows, self._looks, self.ctx.height)

    def _cell_styles(self, name: str, heading: bool = False, bold: bool = False) -> list:
        fonts, styles = self.ctx.fonts, self.ctx.styles
        result = []
        for i, column in enumerate(self.columns):
            style = styles.head if heading else styles.cell
            font = fonts.bold if heading or bold or column.bold else fonts.regular
            align = "RIGHT" if column.numeric else "LEFT"
            result.append(cell_style(f"{name}-{i}", font, style.fontSize, style.leading, align))
        return result


def number_cell(value: str, style: ParagraphStyle, room: float) -> Cell:
    """A number's cell: as it is where it fits; else over lines at its spaces ("JPY" above
    "34,086,456"), and smaller where even a line's one word is wider than the column. Never
    broken between its digits, never running into the next column."""
    if stringWidth(value, style.fontName, style.fontSize) <= room:
        return value
    parts = words(value)
    fitted = shrunk_to_fit(style, parts, room)
    if fitted is style:
        return "\n".join(wrap_lines(value, style.fontName, style.fontSize, room))
    return Paragraph("<br/>".join(escape(w) for w in parts), fitted)
