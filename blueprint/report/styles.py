"""The plan's look: page geometry, a restrained palette, type sizes and table styles.

One sans-serif family (DejaVu Sans), four sizes of heading and body, one accent colour and
one colour per wave. Numbers are right-aligned in every table.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.tables import CellStyle

from . import palette
from .errors import ReportError
from .fonts import BundledFonts

PAPER_SIZES = {"a4": A4, "letter": LETTER}
TABLE_LEADING = 1.2
CELL_PAD_X = 3
CELL_PAD_Y = 2.2
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm

INK = colors.HexColor(palette.INK)
MUTED = colors.HexColor(palette.MUTED)
RULE = colors.HexColor(palette.RULE)
ACCENT = colors.HexColor(palette.ACCENT)
HEADER_FILL = colors.HexColor(palette.HEADER_FILL)
ZEBRA = colors.HexColor(palette.ZEBRA)
GOOD_FILL = colors.HexColor(palette.GOOD_FILL)
TILE_FILL = colors.HexColor(palette.TILE_FILL)

WAVE_COLOURS = {wave: colors.HexColor(hex_) for wave, hex_ in palette.WAVE_COLOURS.items()}


def page_size(paper: str) -> tuple[float, float]:
    try:
        return PAPER_SIZES[paper.lower()]
    except (KeyError, AttributeError):
        raise ReportError(f"unknown paper size {paper!r}: use 'a4' or 'letter'") from None


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of one render, in the bundled fonts."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    kicker: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_muted: ParagraphStyle
    head: ParagraphStyle
    tile_value: ParagraphStyle
    tile_label: ParagraphStyle
    header: ParagraphStyle


def make_styles(fonts: BundledFonts) -> Styles:
    regular, bold = fonts.regular, fonts.bold

    def style(name: str, **kw) -> ParagraphStyle:
        kw.setdefault("fontName", regular)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, **kw)

    # Table text is led at 1.2 x its size: reportlab splits a row across pages assuming that
    # leading, and any other would let the first half of a split row run past the frame.
    cell = style("cell", fontSize=7, leading=7 * TABLE_LEADING)
    head = style("head", fontName=bold, fontSize=6.8, leading=6.8 * TABLE_LEADING)
    return Styles(
        title=style("title", fontName=bold, fontSize=26, leading=31, spaceAfter=10),
        subtitle=style("subtitle", fontSize=13, leading=17, textColor=MUTED, spaceAfter=4),
        kicker=style(
            "kicker", fontName=bold, fontSize=9, leading=12, textColor=ACCENT, spaceAfter=14
        ),
        h1=style("h1", fontName=bold, fontSize=16, leading=20, textColor=ACCENT, spaceAfter=8),
        h2=style("h2", fontName=bold, fontSize=10.5, leading=13, spaceBefore=10, spaceAfter=4),
        body=style("body", fontSize=9, leading=12.5, spaceAfter=6),
        small=style("small", fontSize=7.5, leading=9.8, textColor=MUTED, spaceAfter=4),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=bold),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_muted=ParagraphStyle(
            "cell_muted", parent=cell, fontSize=6.3, leading=6.3 * TABLE_LEADING, textColor=MUTED
        ),
        head=head,
        tile_value=style("tile_value", fontName=bold, fontSize=15, leading=18),
        tile_label=style("tile_label", fontSize=7.5, leading=9.5, textColor=MUTED),
        header=style("header", fontSize=7.5, leading=9, textColor=MUTED),
    )


def cell_style(name: str, font: str, size: float, leading: float, align: str = "LEFT") -> CellStyle:
    """The look of a data table cell: top-aligned, ink on white, small even padding."""
    style = CellStyle(name)
    style.fontname, style.fontsize, style.leading = font, size, leading
    style.color = INK
    style.alignment = align
    style.valign = "TOP"
    style.leftPadding = style.rightPadding = CELL_PAD_X
    style.topPadding = CELL_PAD_Y
    style.bottomPadding = CELL_PAD_Y + 0.8
    return style


#: Rules of a data table: a shaded header row over an accent line, hairlines between rows.
DATA_TABLE_LINES: list[tuple] = [
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
]


def column_widths(fractions: list[float], width: float) -> list[float]:
    """Column widths in points from relative weights, filling ``width``."""
    total = sum(fractions)
    return [width * f / total for f in fractions]


def shrunk_to_fit(style: ParagraphStyle, words: list[str], width: float) -> ParagraphStyle:
    """``style``, or a copy in a smaller size in which the widest of ``words`` fits ``width``
    points: a number is never broken between its digits (reportlab would break the widest
    word of a line to make it fit, "6,523,100,00" above "0,000")."""
    widest = max((stringWidth(w, style.fontName, style.fontSize) for w in words), default=0)
    if widest <= width:
        return style
    size = style.fontSize * width / widest * 0.98  # a hair below: metrics round
    scale = size / style.fontSize
    return ParagraphStyle(
        f"{style.name}-{size:.2f}", parent=style, fontSize=size, leading=style.leading * scale
    )


def text_width(column_width: float) -> float:
    """The room for text in a cell of a data table."""
    return column_width - 2 * CELL_PAD_X
