"""The staircase of service as a vector drawing, with each improvement drawn as a lift.

Six bands, step 5 (no contact needed) at the top and step 0 (escalation or lost) at the
bottom. Each improvement is a column: an arrow from the step its friction lands customers on
today (current step) to the step it aims for (target step), marked with its rank. Colour
says the wave. Only the plan's own words and numbers are drawn here; improvement titles are
set beside the drawing as paragraphs, where user text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..analysis import Wave
from .formatting import STEP_NAMES
from .styles import INK, MUTED, RULE, WAVE_COLOURS

STEPS = 6
LABEL_WIDTH = 150
BAND_HEIGHT = 38
LEGEND_HEIGHT = 22
TOP_PAD = 4
#: Bands from pale red (customers lost) to pale green (no contact needed): worse to better.
BAND_TINTS = ("#fbeceb", "#fcf1e8", "#fbf5e6", "#f3f6ea", "#eaf4ee", "#e4f1ee")


@dataclass(frozen=True, slots=True)
class Lift:
    rank: int
    wave: Wave
    current: int
    target: int


def staircase_drawing(lifts: list[Lift], width: float, regular: str, bold: str) -> Drawing:
    height = LEGEND_HEIGHT + STEPS * BAND_HEIGHT + TOP_PAD
    drawing = Drawing(width, height)
    for step in range(STEPS):
        draw_band(drawing, step, width, regular, bold)
    plot_left, plot_right = LABEL_WIDTH + 6, width - 6
    if lifts:
        spacing = (plot_right - plot_left) / len(lifts)
        radius = max(4.0, min(7.5, spacing / 2 - 1.5))
        for i, lift in enumerate(lifts):
            _lift(drawing, plot_left + spacing * (i + 0.5), lift, radius, bold)
    _legend(drawing, regular)
    return drawing


def band_bottom(step: int) -> float:
    return LEGEND_HEIGHT + step * BAND_HEIGHT


def band_middle(step: int) -> float:
    return band_bottom(step) + BAND_HEIGHT / 2


def draw_band(drawing: Drawing, step: int, width: float, regular: str, bold: str) -> None:
    """One step of the stairway across ``width``: its tint, its number and its name."""
    bottom = band_bottom(step)
    tint = colors.HexColor(BAND_TINTS[step])
    drawing.add(Rect(0, bottom, width, BAND_HEIGHT, fillColor=tint, strokeColor=None))
    # Behind the labels, a block as long as the step is high: together, a flight of stairs.
    tread = LABEL_WIDTH * (step + 1) / STEPS
    drawing.add(Rect(0, bottom, tread, BAND_HEIGHT, fillColor=_darker(tint), strokeColor=None))
    drawing.add(Line(0, bottom, width, bottom, strokeColor=colors.white, strokeWidth=1.5))
    # The step number in a badge, then its name: the left edge reads as a stairway.
    middle = band_middle(step)
    badge = 15
    drawing.add(
        Rect(6, middle - badge / 2, badge, badge, rx=2, ry=2, fillColor=INK, strokeColor=None)
    )
    drawing.add(
        String(
            6 + badge / 2,
            middle - 3,
            str(step),
            fontName=bold,
            fontSize=9,
            fillColor=colors.white,
            textAnchor="middle",
        )
    )
    drawing.add(
        String(28, middle - 3, STEP_NAMES[step], fontName=bold, fontSize=8.5, fillColor=INK)
    )
    drawing.add(
        Line(
            LABEL_WIDTH,
            bottom + 4,
            LABEL_WIDTH,
            bottom + BAND_HEIGHT - 4,
            strokeColor=RULE,
            strokeWidth=0.5,
        )
    )


def _darker(colour: colors.Color) -> colors.Color:
    return colors.linearlyInterpolatedColor(colour, colors.HexColor("#8a94a6"), 0, 1, 0.16)


def _lift(drawing: Drawing, x: float, lift: Lift, radius: float, bold: str) -> None:
    colour = WAVE_COLOURS[lift.wave]
    start, end = band_middle(lift.current), band_middle(lift.target)
    if lift.target != lift.current:
        direction = 1 if lift.target > lift.current else -1
        head = 7.0
        tip = end - direction * 2
        shaft_end = tip - direction * head
        dash = None if direction > 0 else [2.5, 2]  # a drop is dashed: it lowers the stairs
        drawing.add(
            Line(x, start, x, shaft_end, strokeColor=colour, strokeWidth=2.4, strokeDashArray=dash)
        )
        drawing.add(
            Polygon(
                [x - 4.2, shaft_end, x + 4.2, shaft_end, x, tip], fillColor=colour, strokeColor=None
            )
        )
    drawing.add(Circle(x, start, radius, fillColor=colour, strokeColor=colors.white, strokeWidth=1))
    size = 7.5 if lift.rank < 100 else 6
    drawing.add(
        String(
            x,
            start - size * 0.36,
            str(lift.rank),
            fontName=bold,
            fontSize=size,
            fillColor=colors.white,
            textAnchor="middle",
        )
    )
    label = f"{lift.target - lift.current:+d}" if lift.target != lift.current else "±0"
    drawing.add(
        String(
            x + radius + 2,
            end + 2 if lift.target != lift.current else start + 4,
            label,
            fontName=bold,
            fontSize=6.5,
            fillColor=colour,
        )
    )


def _legend(drawing: Drawing, regular: str) -> None:
    x, y, size = 6.0, 6.0, 7.0
    drawing.add(String(x, y, "Wave:", fontName=regular, fontSize=size, fillColor=MUTED))
    x += stringWidth("Wave:", regular, size) + 8
    for wave in Wave:
        drawing.add(Circle(x + 4, y + 2.5, 4, fillColor=WAVE_COLOURS[wave], strokeColor=None))
        drawing.add(String(x + 11, y, wave.value, fontName=regular, fontSize=size, fillColor=INK))
        x += 11 + stringWidth(wave.value, regular, size) + 12
    drawing.add(
        String(
            x + 8,
            y,
            "Circle: the rank, at the current step. Arrow: up to the target step.",
            fontName=regular,
            fontSize=size,
            fillColor=MUTED,
        )
    )
