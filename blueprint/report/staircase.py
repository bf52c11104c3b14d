"""The staircase of service as a reportlab drawing, with each improvement drawn as a lift.

Where each band and lift sits is ``content.staircase``'s geometry (the deck draws the same);
this module only paints it. Only the plan's own words and numbers are drawn here;
improvement titles are set beside the drawing as paragraphs, where user text is escaped.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..analysis import Wave
from .content.staircase import (
    BAND_HEIGHT,
    LABEL_WIDTH,
    LEGEND,
    LEGEND_HEIGHT,
    STEPS,
    TOP_PAD,
    WAVE_MARKS,
    Band,
    Lift,
    LiftShape,
    Mark,
    StaircaseGeometry,
    mark_outline,
    staircase_geometry,
)
from .palette import TREAD_AMOUNT, TREAD_SHADE
from .styles import INK, MUTED, RULE, WAVE_COLOURS

__all__ = [
    "BAND_HEIGHT",
    "LABEL_WIDTH",
    "LEGEND_HEIGHT",
    "STEPS",
    "TOP_PAD",
    "Lift",
    "band_middle",
    "draw_band",
    "staircase_drawing",
]


def staircase_drawing(lifts: list[Lift], width: float, regular: str, bold: str) -> Drawing:
    return geometry_drawing(staircase_geometry(lifts, width), regular, bold)


def geometry_drawing(geometry: StaircaseGeometry, regular: str, bold: str) -> Drawing:
    """The staircase laid out as ``geometry`` says (for a caller that keeps the geometry)."""
    width = geometry.width
    drawing = Drawing(width, geometry.height)
    for band in geometry.bands:
        draw_band(drawing, band, width, bold)
    for shape in geometry.lifts:
        _lift(drawing, shape, bold)
    _legend(drawing, regular)
    return drawing


def _bands() -> tuple[Band, ...]:
    return staircase_geometry([], LABEL_WIDTH).bands


def band_middle(step: int) -> float:
    return _bands()[step].middle


def draw_band(drawing: Drawing, band: Band | int, width: float, bold: str) -> None:
    """One step of the stairway across ``width``: its tint, its number and its name."""
    if isinstance(band, int):
        band = _bands()[band]
    bottom, height = band.bottom, band.height
    tint = colors.HexColor(band.tint)
    drawing.add(Rect(0, bottom, width, height, fillColor=tint, strokeColor=None))
    drawing.add(Rect(0, bottom, band.tread, height, fillColor=_darker(tint), strokeColor=None))
    drawing.add(Line(0, bottom, width, bottom, strokeColor=colors.white, strokeWidth=1.5))
    # The step number in a badge, then its name: the left edge reads as a stairway.
    middle = band.middle
    badge = 15
    drawing.add(
        Rect(6, middle - badge / 2, badge, badge, rx=2, ry=2, fillColor=INK, strokeColor=None)
    )
    drawing.add(
        String(
            6 + badge / 2,
            middle - 3,
            str(band.step),
            fontName=bold,
            fontSize=9,
            fillColor=colors.white,
            textAnchor="middle",
        )
    )
    size = _fitting_size(band.name, bold, LABEL_WIDTH - 28 - 4)
    drawing.add(String(28, middle - 3, band.name, fontName=bold, fontSize=size, fillColor=INK))
    drawing.add(
        Line(
            LABEL_WIDTH,
            bottom + 4,
            LABEL_WIDTH,
            bottom + height - 4,
            strokeColor=RULE,
            strokeWidth=0.5,
        )
    )


def _fitting_size(text: str, font: str, room: float, largest: float = 8.5) -> float:
    """The largest size up to ``largest`` at which ``text`` fits in ``room`` (6.5 at least)."""
    width = stringWidth(text, font, largest)
    return largest if width <= room else max(6.5, largest * room / width)


def _darker(colour: colors.Color) -> colors.Color:
    shade = colors.HexColor(TREAD_SHADE)
    return colors.linearlyInterpolatedColor(colour, shade, 0, 1, TREAD_AMOUNT)


def _lift(drawing: Drawing, shape: LiftShape, bold: str) -> None:
    colour = colors.HexColor(shape.colour)
    x, start, radius = shape.x, shape.start, shape.radius
    if shape.tip is not None and shape.shaft_end is not None:
        dash = [2.5, 2] if shape.dashed else None
        drawing.add(
            Line(
                x,
                start,
                x,
                shape.shaft_end,
                strokeColor=colour,
                strokeWidth=2.4,
                strokeDashArray=dash,
            )
        )
        drawing.add(
            Polygon(
                [x - 4.2, shape.shaft_end, x + 4.2, shape.shaft_end, x, shape.tip],
                fillColor=colour,
                strokeColor=None,
            )
        )
    drawing.add(_mark(shape.mark, x, start, radius, colour, colors.white))
    rank = shape.lift.rank
    number = colour if shape.mark.hollow else colors.white
    size = 7.5 if rank < 100 else 6
    drawing.add(
        String(
            x,
            start - size * 0.36,
            str(rank),
            fontName=bold,
            fontSize=size,
            fillColor=number,
            textAnchor="middle",
        )
    )
    drawing.add(
        String(
            x + radius + 2,
            shape.end + 2 if shape.tip is not None else start + 4,
            shape.label,
            fontName=bold,
            fontSize=6.5,
            fillColor=colour,
        )
    )


def _mark(
    mark: Mark, x: float, y: float, radius: float, fill: colors.Color, edge: colors.Color | None
) -> Circle | Polygon:
    """A wave's mark in its colour, edged in ``edge``; a hollow one is white, edged in it."""
    if mark.hollow:
        return Circle(x, y, radius, fillColor=colors.white, strokeColor=fill, strokeWidth=1.8)
    outline = mark_outline(mark, x, y, radius)
    if not outline:
        return Circle(x, y, radius, fillColor=fill, strokeColor=edge, strokeWidth=1)
    points = [value for corner in outline for value in corner]
    return Polygon(points, fillColor=fill, strokeColor=edge, strokeWidth=1)


def _legend(drawing: Drawing, regular: str) -> None:
    x, y, size = 6.0, 6.0, 7.0
    drawing.add(String(x, y, "Wave:", fontName=regular, fontSize=size, fillColor=MUTED))
    x += stringWidth("Wave:", regular, size) + 8
    for wave in Wave:
        drawing.add(_mark(WAVE_MARKS[wave], x + 4, y + 2.5, 3.6, WAVE_COLOURS[wave], None))
        drawing.add(String(x + 11, y, wave.value, fontName=regular, fontSize=size, fillColor=INK))
        x += 11 + stringWidth(wave.value, regular, size) + 12
    drawing.add(String(x + 8, y, LEGEND, fontName=regular, fontSize=size, fillColor=MUTED))
