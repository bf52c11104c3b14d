"""Shapes, text and tables on a slide, in points, in the plan's palette.

Everything is drawn through python-pptx as native shapes: a manager can move, recolour and
retype any of it. Coordinates are points from the slide's top-left corner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from .. import palette
from ..content.rich import Rich, Span, plain_text
from .text import collapse, fitting_size, one_line, text_height

FONT = "Calibri"


def colour(hex_colour: str) -> RGBColor:
    return RGBColor(*palette.rgb(hex_colour))


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph: text or a sentence with strong spans, its size, colour and look."""

    text: str | Rich
    size: float
    colour: str = palette.INK
    bold: bool = False
    align: PP_ALIGN = PP_ALIGN.LEFT
    space_after: float = 0.0


def rect(
    slide: Slide,
    box: Box,
    fill: str | None,
    *,
    shape: MSO_SHAPE = MSO_SHAPE.RECTANGLE,
    line: str | None = None,
    line_width: float = 0.75,
    name: str | None = None,
):
    """A filled shape with no text; ``line`` None draws no outline."""
    drawn = slide.shapes.add_shape(shape, Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height))
    if fill is None:
        drawn.fill.background()
    else:
        drawn.fill.solid()
        drawn.fill.fore_color.rgb = colour(fill)
    if line is None:
        drawn.line.fill.background()
    else:
        drawn.line.color.rgb = colour(line)
        drawn.line.width = Pt(line_width)
    # The shape keeps no theme style: its fill and line are set here, and the style's
    # shadow would otherwise show (LibreOffice draws it even under an empty effect list).
    style = drawn._element.find(qn("p:style"))
    if style is not None:
        drawn._element.remove(style)
    if name:
        drawn.name = one_line(name)
    return drawn


def line(
    slide: Slide,
    start: tuple[float, float],
    end: tuple[float, float],
    stroke: str,
    width: float,
    *,
    dashed: bool = False,
    name: str | None = None,
):
    drawn = slide.shapes.add_connector(
        MSO_CONNECTOR.STRAIGHT, Pt(start[0]), Pt(start[1]), Pt(end[0]), Pt(end[1])
    )
    drawn.line.color.rgb = colour(stroke)
    drawn.line.width = Pt(width)
    if dashed:
        drawn.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    if name:
        drawn.name = one_line(name)
    return drawn


def text_box(
    slide: Slide,
    box: Box,
    paragraphs: Sequence[Para],
    *,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    margin: float = 0.0,
    name: str | None = None,
    shrink: bool = True,
):
    """A text box holding ``paragraphs``; sized by the caller to fit, and told to shrink
    its text should an editor's font still run over."""
    drawn = slide.shapes.add_textbox(Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height))
    frame = drawn.text_frame
    set_paragraphs(frame, paragraphs, anchor=anchor, margin=margin, shrink=shrink)
    if name:
        drawn.name = one_line(name)
    return drawn


def fitted(
    slide: Slide,
    box: Box,
    paragraphs: list[tuple[str | Rich, float, str, bool]],
    *,
    largest: float,
    smallest: float,
    name: str | None = None,
    shrink_box: bool = False,
) -> float:
    """Paragraphs of (text, relative size, colour, bold) at the largest size that fits;
    with ``shrink_box`` the box is only as tall as its text. Returns the box's height."""
    measured = _measured(paragraphs)
    size = fitting_size(measured, box.width, box.height, largest=largest, smallest=smallest)
    if shrink_box:
        box = Box(
            box.left, box.top, box.width, min(box.height, text_height(measured, size, box.width))
        )
    text_box(
        slide,
        box,
        [
            Para(text, size * relative, tint, bold, space_after=size * relative * 0.4)
            for text, relative, tint, bold in paragraphs
        ],
        name=name,
    )
    return box.height


def fitted_size(
    box: Box,
    paragraphs: list[tuple[str | Rich, float, str, bool]],
    *,
    largest: float,
    smallest: float,
) -> float:
    """The size ``fitted`` would set ``paragraphs`` at in ``box``."""
    measured = _measured(paragraphs)
    return fitting_size(measured, box.width, box.height, largest=largest, smallest=smallest)


def _measured(paragraphs: list[tuple[str | Rich, float, str, bool]]) -> list[tuple[str, float]]:
    return [(t if isinstance(t, str) else plain_text(t), rel) for t, rel, _, _ in paragraphs]


def set_paragraphs(
    frame: TextFrame,
    paragraphs: Sequence[Para],
    *,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    margin: float = 0.0,
    shrink: bool = True,
) -> None:
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Pt(margin)
    frame.margin_top = frame.margin_bottom = Pt(margin / 2)
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE if shrink else MSO_AUTO_SIZE.NONE
    for i, para in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        write(paragraph, para)


def write(paragraph: _Paragraph, para: Para) -> None:
    """Fill one paragraph: a run per span, user text as literal text."""
    paragraph.alignment = para.align
    if para.space_after:
        paragraph.space_after = Pt(para.space_after)
    if isinstance(para.text, str):
        spans: Rich = (Span(one_line(para.text)),)
    else:
        spans = tuple(Span(collapse(span.text), span.strong) for span in para.text)
    for span in spans:
        text = span.text
        if not text:
            continue
        run = paragraph.add_run()
        run.text = text
        font = run.font
        font.name = FONT
        font.size = Pt(para.size)
        font.bold = para.bold or span.strong
        font.color.rgb = colour(para.colour)


def plain(text: str | Rich) -> str:
    return text if isinstance(text, str) else "".join(span.text for span in text)


# --- tables -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    heading: str
    weight: float
    numeric: bool = False
    #: The size of its cells (not its heading) where smaller than the table's: room for its
    #: longest amount on one line.
    size: float | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    colour: str = palette.INK
    fill: str | None = None
    bold: bool = False


def table(
    slide: Slide,
    box: Box,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell | str]],
    *,
    size: float,
    row_height: float,
    header_height: float,
    name: str | None = None,
):
    """A native table: a shaded header row, numbers right-aligned, rows zebra-striped
    unless a cell brings its own fill."""
    frame = slide.shapes.add_table(
        len(rows) + 1, len(columns), Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height)
    )
    if name:
        frame.name = one_line(name)
    grid = frame.table
    grid.first_row = True
    grid.horz_banding = False
    total = sum(c.weight for c in columns)
    for i, column in enumerate(columns):
        grid.columns[i].width = Pt(box.width * column.weight / total)
    grid.rows[0].height = Pt(header_height)
    for r in range(1, len(rows) + 1):
        grid.rows[r].height = Pt(row_height)
    for c, column in enumerate(columns):
        _cell(
            grid.cell(0, c), Cell(column.heading, fill=palette.HEADER_FILL, bold=True), column, size
        )
    for r, row in enumerate(rows, start=1):
        zebra = palette.ZEBRA if r % 2 == 0 else palette.WHITE
        for c, (value, column) in enumerate(zip(row, columns, strict=True)):
            cell = Cell(value) if isinstance(value, str) else value
            if cell.fill is None:
                cell = Cell(cell.text, cell.colour, zebra, cell.bold)
            _cell(grid.cell(r, c), cell, column, column.size or size)
    return frame


def _cell(target, cell: Cell, column: Column, size: float) -> None:
    target.fill.solid()
    target.fill.fore_color.rgb = colour(cell.fill or palette.WHITE)
    target.margin_left = target.margin_right = Pt(4)
    target.margin_top = target.margin_bottom = Pt(2)
    target.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame = target.text_frame
    frame.word_wrap = True
    align = PP_ALIGN.RIGHT if column.numeric else PP_ALIGN.LEFT
    write(frame.paragraphs[0], Para(cell.text, size, cell.colour, cell.bold, align))
