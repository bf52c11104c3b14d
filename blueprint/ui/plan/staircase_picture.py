"""The staircase of the plan as an SVG drawing: the PDF's own picture, for the editor.

The report draws the staircase (``report.staircase``); this module only chooses the lifts,
asks the report for the drawing at the width the editor has, and turns it into SVG for Qt.
Which improvement each lift is, and where it sits, is the report's own geometry
(``report.content.staircase``), so the editor never repeats it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing

from ...analysis import ImprovementScore, Plan
from ...report.content.staircase import StaircaseGeometry, staircase_geometry
from ...report.fonts import BOLD, REGULAR
from ...report.sections.stairway import MAX_DRAWN
from ...report.staircase import LEGEND_HEIGHT, Lift, geometry_drawing
from ...report.styles import MARGIN_X, page_size
from .staircase_fonts import qt_font_family, reportlab_fonts

#: The narrowest drawing: as wide as the PDF draws it on A4, so its legend line fits.
MIN_WIDTH = page_size("a4")[0] - 2 * MARGIN_X


@dataclass(frozen=True, slots=True)
class LiftSpot:
    """Where one lift is drawn, in the drawing's points (y up, as reportlab measures)."""

    score: ImprovementScore
    x: float
    half_width: float  # of the column that belongs to this lift
    y: float  # the centre of its mark: the current step


@dataclass(frozen=True, slots=True)
class StaircasePicture:
    svg: bytes
    width: float
    height: float
    #: The improvements drawn, by rank, and those left out of the drawing, and why.
    drawn: tuple[ImprovementScore, ...]
    crowded: tuple[ImprovementScore, ...]  # more than ``MAX_DRAWN`` lifts
    no_step: tuple[ImprovementScore, ...]  # no linked bad friction point: no current step
    spots: tuple[LiftSpot, ...]

    def spot_at(self, x: float, y: float) -> LiftSpot | None:
        """The lift whose column holds the point (drawing points, y up), if any."""
        if not LEGEND_HEIGHT <= y <= self.height:
            return None
        for spot in self.spots:
            if abs(x - spot.x) <= spot.half_width:
                return spot
        return None


def staircase_picture(plan: Plan, width: float) -> StaircasePicture:
    """Every improvement of ``plan`` that has a current step, as a lift, ``width`` points wide
    (at least ``MIN_WIDTH``). Raises ``ReportError`` when the bundled fonts are missing."""
    liftable = [s for s in plan.improvements if s.current_step is not None]
    drawn, crowded = liftable[:MAX_DRAWN], liftable[MAX_DRAWN:]
    no_step = [s for s in plan.improvements if s.current_step is None]
    lifts = [Lift(s.rank, s.wave, s.current_step, s.target_step) for s in drawn]  # type: ignore[arg-type]
    fonts = reportlab_fonts()
    geometry = staircase_geometry(lifts, max(MIN_WIDTH, width))
    drawing = geometry_drawing(geometry, fonts.regular, fonts.bold)
    return StaircasePicture(
        svg=_svg(drawing),
        width=drawing.width,
        height=drawing.height,
        drawn=tuple(drawn),
        crowded=tuple(crowded),
        no_step=tuple(no_step),
        spots=_spots(geometry, drawn),
    )


def _svg(drawing: Drawing) -> bytes:
    # The report names its fonts for reportlab; Qt knows the same font by its family name.
    family = qt_font_family()
    faces = {REGULAR: {"family": family}, BOLD: {"family": family, "weight": "bold"}}
    # useClip: a clip attribute instead of a <clipPath>, which Qt would paint as a black box.
    svg = renderSVG.drawToString(drawing, fontHacks=faces, useClip=True)
    return svg.encode("utf-8")


def _spots(geometry: StaircaseGeometry, drawn: list[ImprovementScore]) -> tuple[LiftSpot, ...]:
    # Where the drawing put each lift: its mark at the current step, its column around it.
    return tuple(
        LiftSpot(score, shape.x, shape.half_width, shape.start)
        for score, shape in zip(drawn, geometry.lifts, strict=True)
    )
