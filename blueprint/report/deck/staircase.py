"""The staircase of service as native shapes: the geometry the PDF draws, turned the right
way up for a slide (``content.staircase`` measures y up from the bottom)."""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide

from .. import palette
from ..content.staircase import (
    MARK_REACH,
    Band,
    Lift,
    LiftShape,
    Mark,
    StaircaseGeometry,
    staircase_geometry,
)
from .draw import Box, Para, line, rect, set_paragraphs, text_box

LABEL_WIDTH = 190
#: Room under the bands (the PDF keeps it for its legend; the slide sets that beside).
BOTTOM = 4
BADGE = 20
ARROW_HEAD = 11
SHAFT = 3.5


def draw_staircase(slide: Slide, box: Box, lifts: tuple[Lift, ...]) -> StaircaseGeometry:
    """The six bands and a lift for each of ``lifts``, filling ``box``."""
    band_height = (box.height - BOTTOM) / 6
    geometry = staircase_geometry(
        lifts,
        box.width,
        band_height=band_height,
        label_width=LABEL_WIDTH,
        bottom=BOTTOM,
        top_pad=0,
        arrow_head=ARROW_HEAD,
        radius_range=(7.0, 12.0),
    )

    def y(up: float) -> float:  # from the drawing's bottom, up, to the slide's top, down
        return box.top + geometry.height - up

    for band in geometry.bands:
        _band(slide, box, band, y)
    for shape in geometry.lifts:
        _lift(slide, box, shape, y)
    return geometry


def _band(slide: Slide, box: Box, band: Band, y) -> None:
    top = y(band.bottom + band.height)
    rect(slide, Box(box.left, top, box.width, band.height), band.tint, name=f"Step {band.step}")
    rect(slide, Box(box.left, top, band.tread, band.height), band.tread_tint)
    middle = y(band.middle)
    badge = Box(box.left + 8, middle - BADGE / 2, BADGE, BADGE)
    drawn = rect(slide, badge, palette.INK, shape=MSO_SHAPE.ROUNDED_RECTANGLE)
    drawn.text_frame.margin_left = drawn.text_frame.margin_right = 0
    set_paragraphs(
        drawn.text_frame,
        [Para(str(band.step), 11, palette.WHITE, bold=True, align=PP_ALIGN.CENTER)],
        anchor=MSO_ANCHOR.MIDDLE,
        shrink=False,
    )
    text_box(
        slide,
        Box(box.left + 34, middle - 10, LABEL_WIDTH - 38, 20),
        [Para(band.name, 11, palette.INK, bold=True)],
        anchor=MSO_ANCHOR.MIDDLE,
        shrink=False,
    )
    separator = box.left + LABEL_WIDTH
    line(slide, (separator, top + 5), (separator, top + band.height - 5), palette.RULE, 0.5)


#: A wave's mark as a native shape.
MARK_SHAPES = {
    Mark.CIRCLE: MSO_SHAPE.OVAL,
    Mark.SQUARE: MSO_SHAPE.RECTANGLE,
    Mark.DIAMOND: MSO_SHAPE.DIAMOND,
    Mark.RING: MSO_SHAPE.OVAL,
}


def draw_mark(
    slide: Slide,
    box: Box,
    mark: Mark,
    colour: str,
    *,
    edge: str | None,
    widths: tuple[float, float],
    name: str | None = None,
):
    """A wave's mark in ``box``: filled in ``colour`` and edged in ``edge`` (none: no edge),
    or, hollow, white and edged in ``colour``; ``widths``: the edge's, filled and hollow."""
    hollow = mark.hollow
    return rect(
        slide,
        box,
        palette.WHITE if hollow else colour,
        shape=MARK_SHAPES[mark],
        line=colour if hollow else edge,
        line_width=widths[1] if hollow else widths[0],
        name=name,
    )


def _lift(slide: Slide, box: Box, shape: LiftShape, y) -> None:
    x = box.left + shape.x
    start = y(shape.start)
    rank = shape.lift.rank
    if shape.tip is not None and shape.shaft_end is not None:
        tip, shaft_end = y(shape.tip), y(shape.shaft_end)
        line(slide, (x, start), (x, shaft_end), shape.colour, SHAFT, dashed=shape.dashed)
        head = Box(x - 7, min(tip, shaft_end), 14, abs(shaft_end - tip))
        arrow = rect(slide, head, shape.colour, shape=MSO_SHAPE.ISOSCELES_TRIANGLE)
        if shape.dashed:  # a drop points down
            arrow.rotation = 180
        arrow.name = f"Arrow head {rank}"
    r = shape.radius
    reach, hollow = r * MARK_REACH[shape.mark], shape.mark.hollow
    circle = draw_mark(
        slide,
        Box(x - reach, start - reach, 2 * reach, 2 * reach),
        shape.mark,
        shape.colour,
        edge=palette.WHITE,
        widths=(1.25, 2.0),
        name=f"Lift {rank}",
    )
    frame = circle.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    size = 10 if rank < 10 else 8.5 if rank < 100 else 7
    set_paragraphs(
        frame,
        [
            Para(
                str(rank),
                size,
                shape.colour if hollow else palette.WHITE,
                bold=True,
                align=PP_ALIGN.CENTER,
            )
        ],
        anchor=MSO_ANCHOR.MIDDLE,
        shrink=False,
    )
    label_y = y(shape.end) - 16 if shape.tip is not None else start - r - 16
    text_box(
        slide,
        Box(x + r + 1, label_y, 34, 14),
        [Para(shape.label, 9, shape.colour, bold=True)],
        shrink=False,
    )
