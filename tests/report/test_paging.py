"""A long table laid out a page at a time (report/paging.py): every row once, in order, and
every page as full as its rows allow, whatever the window of rows laid out for it."""

from __future__ import annotations

import io
import re

import pypdf
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from blueprint.report.fonts import bundled_fonts
from blueprint.report.paging import MARGIN, PagedTable, RowLook, TableLook
from blueprint.report.styles import DATA_TABLE_LINES, cell_style


def _rows_by_page(rows: list[list]) -> list[list[int]]:
    font = bundled_fonts().regular
    styles = [cell_style(f"c{i}", font, 7, 8.4) for i in range(2)]
    look = TableLook(
        ["Row", "Text"], [60, 300], styles, styles, styles, DATA_TABLE_LINES,
        (colors.white, colors.lightgrey),
    )  # fmt: skip
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, topMargin=72, bottomMargin=72)
    frame_height = document.height - 12  # the frame's padding: 6 pt at the top and bottom
    document.build([PagedTable(look, rows, [RowLook()] * len(rows), frame_height)])
    pages = pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages
    return [[int(n) for n in re.findall(r"\brow-(\d+)\b", page.extract_text())] for page in pages]


def test_a_page_after_one_of_tall_rows_is_filled_with_the_short_rows_that_follow():
    # Five rows of thirty lines fill the first page or so; what follows is a row a line.
    tall = [[f"row-{i}", "\n".join(["a tall row"] * 30)] for i in range(5)]
    short = [[f"row-{i}", "one line"] for i in range(5, 400)]
    pages = _rows_by_page(tall + short)

    assert [n for page in pages for n in dict.fromkeys(page)] == list(range(400))
    first_short_page = next(page for page in pages if page and page[-1] >= 5)
    full_page = max(len(set(page)) for page in pages)
    # The page of the first short rows holds as many as a page holds, not just the few more
    # than the page of tall rows before it took.
    later = pages[pages.index(first_short_page) + 1]
    assert len(set(later)) == full_page > len(set(pages[0])) + MARGIN
    for page in pages[pages.index(first_short_page) + 1 : -1]:
        assert len(set(page)) == full_page
