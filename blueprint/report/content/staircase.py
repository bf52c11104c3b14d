"""The staircase of service: which improvements are drawn as lifts, what the page says about
them, and where every band and lift sits: one geometry for the PDF's drawing and the deck's
shapes.

Coordinates are points with y up from the bottom of the drawing, as reportlab measures; the
deck turns them over. Six bands, step 5 (no contact needed) at the top and step 0
(escalation or lost) at the bottom. Each improvement is a column: an arrow from the step its
friction lands customers on today (current step) to the step it aims for (target step),
marked with its rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ...analysis import ImprovementScore, Wave
from .. import formatting as fmt
from ..formatting import STEP_NAMES
from ..palette import BAND_TINTS, WAVE_COLOURS, tread_tint
from .improvements import ImprovementRow, improvement_row
from .rich import Rich, rich, strong
from .subject import PlanSubject

STEPS = 6
#: Lifts the drawing holds side by side and still reads; more top improvements are listed.
MAX_DRAWN = 16
LABEL_WIDTH = 150
BAND_HEIGHT = 38
LEGEND_HEIGHT = 22
TOP_PAD = 4
#: Room between the labels (and the right edge) and the first (and last) lift's column.
PLOT_MARGIN = 6
ARROW_HEAD = 7.0
LEGEND = "Mark: the rank, at the current step. Arrow: to the target step."


@dataclass(frozen=True, slots=True)
class Lift:
    rank: int
    wave: Wave
    current: int
    target: int


@dataclass(frozen=True, slots=True)
class NotDrawn:
    why: str
    rows: tuple[ImprovementRow, ...]

    @property
    def sentence(self) -> Rich:
        names = "; ".join(f"#{row.rank} {row.title}" for row in self.rows)
        return rich(strong("Not drawn"), f" ({self.why}): {names}")


@dataclass(frozen=True, slots=True)
class Staircase:
    intro: Rich
    lifts: tuple[Lift, ...]
    #: The improvements drawn, by rank, for the legend beside the drawing.
    drawn: tuple[ImprovementRow, ...]
    not_drawn: tuple[NotDrawn, ...]
    #: Said when no improvement has a current step.
    none_drawn: str | None


def staircase(subject: PlanSubject) -> Staircase:
    top = subject.plan.top_improvements
    liftable = [s for s in top if s.current_step is not None]
    drawn, crowded = liftable[:MAX_DRAWN], liftable[MAX_DRAWN:]
    no_step = [s for s in top if s.current_step is None]
    not_drawn = []
    if no_step:
        not_drawn.append(
            _not_drawn(subject, "no linked bad friction point, so no current step", no_step)
        )
    if crowded:
        not_drawn.append(_not_drawn(subject, f"only {MAX_DRAWN} lifts fit the drawing", crowded))
    return Staircase(
        intro=_intro(len(top)),
        lifts=tuple(lifts_of(drawn)),
        drawn=tuple(improvement_row(subject, s) for s in drawn),
        not_drawn=tuple(not_drawn),
        none_drawn=None if drawn else "No improvement has a current step to lift from yet.",
    )


def lifts_of(scores: list[ImprovementScore]) -> list[Lift]:
    """The lifts of improvements that have a current step."""
    return [Lift(s.rank, s.wave, s.current_step, s.target_step) for s in scores]  # type: ignore[arg-type]


def _not_drawn(subject: PlanSubject, why: str, scores: list[ImprovementScore]) -> NotDrawn:
    return NotDrawn(why, tuple(improvement_row(subject, s) for s in scores))


def _intro(top: int) -> Rich:
    if top == 0:
        which = "Each arrow is an improvement"
    elif top == 1:
        which = "The arrow is the top improvement"
    else:
        which = f"Each arrow is one of the top {fmt.plural(top, 'improvement')}"
    return rich(
        "Friction pushes customers down the stairs, towards contact, escalation or giving up; "
        f"improvements lift them back up. {which}: it starts at its ",
        strong("current step"),
        " (the lowest step its friction points land customers on) and ends at its ",
        strong("target step"),
        ". The number in its mark is its rank; the mark's shape and colour are its wave.",
    )


# --- geometry ---------------------------------------------------------------------------------


class Mark(StrEnum):
    """The shape of a lift's mark at its current step."""

    CIRCLE = "circle"
    SQUARE = "square"
    DIAMOND = "diamond"
    RING = "ring"  # a hollow circle: edged in the colour, the number in it too

    @property
    def hollow(self) -> bool:
        return self is Mark.RING


#: Each wave's mark: the waves differ by shape as well as by colour, so that they still
#: differ printed in grey or on a pale projector (Reconsider, the money pits, hollow).
WAVE_MARKS = {
    Wave.NOW: Mark.CIRCLE,
    Wave.NEXT: Mark.SQUARE,
    Wave.LATER: Mark.DIAMOND,
    Wave.RECONSIDER: Mark.RING,
}


#: How far a mark reaches from its centre, against the circle's radius: each looks about as
#: large as the circle and holds the same rank number.
MARK_REACH = {Mark.CIRCLE: 1.0, Mark.SQUARE: 0.9, Mark.DIAMOND: 1.25, Mark.RING: 1.0}


def mark_outline(mark: Mark, x: float, y: float, radius: float) -> tuple[tuple[float, float], ...]:
    """The corners of a mark centred on (x, y) (none for a circle or a ring), counter-clockwise
    from the right; a square's half side and a diamond's corners are ``MARK_REACH`` of
    ``radius`` away."""
    reach = radius * MARK_REACH[mark]
    if mark is Mark.SQUARE:
        return (
            (x + reach, y + reach),
            (x - reach, y + reach),
            (x - reach, y - reach),
            (x + reach, y - reach),
        )
    if mark is Mark.DIAMOND:
        return ((x + reach, y), (x, y + reach), (x - reach, y), (x, y - reach))
    return ()


@dataclass(frozen=True, slots=True)
class Band:
    step: int
    name: str
    bottom: float
    height: float
    tint: str
    #: Behind the labels, a block as long as the step is high: together, a flight of stairs.
    tread: float
    tread_tint: str

    @property
    def middle(self) -> float:
        return self.bottom + self.height / 2


@dataclass(frozen=True, slots=True)
class LiftShape:
    lift: Lift
    colour: str
    mark: Mark
    x: float
    #: The centre of the rank's circle (the current step) and its radius.
    start: float
    radius: float
    #: The middle of the target step; the arrow's tip and where its head begins (None when
    #: the improvement keeps customers on their step: a circle and no arrow).
    end: float
    tip: float | None
    shaft_end: float | None
    #: A drop (target below current) is dashed: it lowers the stairs.
    dashed: bool
    #: ``+4``, ``-2``, ``±0``
    label: str
    half_width: float  # of the column that belongs to this lift


@dataclass(frozen=True, slots=True)
class StaircaseGeometry:
    width: float
    height: float
    label_width: float
    bands: tuple[Band, ...]
    lifts: tuple[LiftShape, ...]


def staircase_geometry(
    lifts: list[Lift] | tuple[Lift, ...],
    width: float,
    *,
    band_height: float = BAND_HEIGHT,
    label_width: float = LABEL_WIDTH,
    bottom: float = LEGEND_HEIGHT,
    top_pad: float = TOP_PAD,
    arrow_head: float = ARROW_HEAD,
    radius_range: tuple[float, float] = (4.0, 7.5),
) -> StaircaseGeometry:
    """Where the bands and lifts of a staircase ``width`` points wide sit; ``bottom`` is the
    room kept under the bands (for the legend)."""
    bands = tuple(
        Band(
            step=step,
            name=STEP_NAMES[step],
            bottom=bottom + step * band_height,
            height=band_height,
            tint=BAND_TINTS[step],
            tread=label_width * (step + 1) / STEPS,
            tread_tint=tread_tint(step),
        )
        for step in range(STEPS)
    )
    shapes: list[LiftShape] = []
    plot_left, plot_right = label_width + PLOT_MARGIN, width - PLOT_MARGIN
    if lifts:
        spacing = (plot_right - plot_left) / len(lifts)
        low, high = radius_range
        radius = max(low, min(high, spacing / 2 - 1.5))
        for i, lift in enumerate(lifts):
            x = plot_left + spacing * (i + 0.5)
            shapes.append(_lift(lift, x, radius, spacing / 2, bands, arrow_head))
    height = bottom + STEPS * band_height + top_pad
    return StaircaseGeometry(width, height, label_width, bands, tuple(shapes))


def _lift(
    lift: Lift, x: float, radius: float, half: float, bands: tuple[Band, ...], head: float
) -> LiftShape:
    start, end = bands[lift.current].middle, bands[lift.target].middle
    tip = shaft_end = None
    if lift.target != lift.current:
        direction = 1 if lift.target > lift.current else -1
        tip = end - direction * 2
        shaft_end = tip - direction * head
    moves = lift.target != lift.current
    return LiftShape(
        lift=lift,
        colour=WAVE_COLOURS[lift.wave],
        mark=WAVE_MARKS[lift.wave],
        x=x,
        start=start,
        radius=radius,
        end=end,
        tip=tip,
        shaft_end=shaft_end,
        dashed=lift.target < lift.current,
        label=f"{lift.target - lift.current:+d}" if moves else "±0",
        half_width=half,
    )
