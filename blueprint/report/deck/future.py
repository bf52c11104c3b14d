"""Today and tomorrow: the future state's figures against today's, and where friction lands
customers on the stairway before and after, as native tables and bars."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation

from .. import palette
from ..comparison_text import number_text, signed_number
from ..content.formulas import Formula, pick
from ..content.outline import TODAY_AND_TOMORROW
from ..content.rich import Rich
from ..content.today_and_tomorrow import BIGGEST_NOTE, NAMES, NO_CHANGE, TodayAndTomorrow
from ..formatting import STEP_NAMES
from .draw import Box, Cell, Column, Para, fitted, rect, table, text_box
from .frame import BODY, GAP, titled_slide
from .tables import row_height_of, whole_amounts

FIGURE_COLUMNS = (
    Column("Figure", 2.6),
    Column("Today", 1.1, numeric=True),
    Column("Tomorrow", 1.1, numeric=True),
    Column("Change", 1.3, numeric=True),
)
FUTURE_FORMULAS = (
    "change",
    "friction_impact",
    "friction_cost",
    "lost_journeys",
    "failure_demand",
    "channel_switch",
    "epic",
)
STAIRWAY_FORMULAS = ("landing", "reach", "stairway", "change")
STAIRWAY_TITLE = "Where friction lands customers, today and tomorrow"
TABLE_SIZE = 13.0
ROW = 28.0


def future_slides(deck: Presentation, said: TodayAndTomorrow, formulas: tuple[Formula, ...]) -> int:
    lead = [said.headline or "", said.cost_note or ""]
    slide = titled_slide(deck, TODAY_AND_TOMORROW[1], lead, pick(formulas, *FUTURE_FORMULAS))
    top = BODY.top
    if said.headline:
        box = Box(BODY.left, top, BODY.width, 46)
        fitted(slide, box, [(said.headline, 1.0, palette.INK, True)], largest=16, smallest=10)
        top = box.bottom + GAP
    left_width = BODY.width * 0.6
    columns, rows = whole_amounts(
        FIGURE_COLUMNS,
        [
            [Cell(r.figure, bold=r.strong), r.today, r.tomorrow, Cell(r.change, bold=r.strong)]
            for r in said.figures
        ],
        left_width,
        TABLE_SIZE,
    )
    heights = [row_height_of(row, columns, left_width, TABLE_SIZE) for row in rows]
    height = ROW + sum(heights)
    table(
        slide,
        Box(BODY.left, top, left_width, height),
        columns,
        rows,
        size=TABLE_SIZE,
        row_height=ROW,
        header_height=ROW,
        name="Today and tomorrow",
    )
    if said.cost_note:
        text_box(
            slide,
            Box(BODY.left, min(top + height + 6, BODY.bottom - 30), left_width, 30),
            [Para(said.cost_note, 9, palette.MUTED)],
        )
    side = Box(BODY.left + left_width + 20, top, BODY.width - left_width - 20, BODY.bottom - top)
    lines: list[tuple[str | Rich, float, str, bool]] = [
        (said.biggest_title, 1.1, palette.INK, True)
    ]
    if said.biggest:
        lines += [(f"{n}.  {s}", 1.0, palette.INK, False) for n, s in enumerate(said.biggest, 1)]
        lines.append((BIGGEST_NOTE, 0.8, palette.MUTED, False))
    else:
        lines.append((NO_CHANGE, 1.0, palette.INK, False))
    fitted(slide, side, lines, largest=16, smallest=8, name="The biggest changes")
    _stairway_slide(deck, said, formulas)
    return 2


def _stairway_slide(deck: Presentation, said: TodayAndTomorrow, formulas) -> None:
    """Six bands, step 5 on top; across each, a bar for today and one for tomorrow, as long
    as the monthly reach of the friction landing on that step, on one scale for both."""
    lead = [
        "Bars: how often a month friction lands customers on each step (those who give up "
        "land on 0), on one scale for both."
    ]
    slide = titled_slide(deck, STAIRWAY_TITLE, lead, pick(formulas, *STAIRWAY_FORMULAS))
    before, after = said.stairway
    largest = max((*before, *after), default=0.0)
    label_width, header = 200.0, 22.0
    band_height = (BODY.height - header - 22) / 6
    column = (BODY.width - label_width - 16) / 2
    for i, name in enumerate(NAMES):
        x = BODY.left + label_width + 12 + i * column
        text_box(slide, Box(x, BODY.top, column, header), [Para(name, 13, palette.INK, bold=True)])
    for step in range(6):
        top = BODY.top + header + (5 - step) * band_height
        band = Box(BODY.left, top, BODY.width, band_height)
        rect(slide, band, palette.BAND_TINTS[step], name=f"Step {step}")
        rect(
            slide,
            Box(band.left, top, label_width * (step + 1) / 6, band_height),
            palette.tread_tint(step),
        )
        text_box(
            slide,
            Box(band.left + 8, top, label_width - 12, band_height),
            [Para(f"{step}  {STEP_NAMES[step]}", 11, palette.INK, bold=True)],
            anchor=MSO_ANCHOR.MIDDLE,
        )
        for i, (values, tint) in enumerate(
            ((before, palette.TODAY_COLOUR), (after, palette.ACCENT))
        ):
            x = BODY.left + label_width + 12 + i * column
            change = values[step] - before[step] if i else None
            _bar(slide, Box(x, top, column, band_height), step, values[step], largest, tint, change)
    text_box(
        slide,
        Box(BODY.left, BODY.bottom - 18, BODY.width, 18),
        [Para(lead[0], 10, palette.MUTED)],
    )


def _bar(
    slide, room: Box, step: int, value: float, largest: float, tint: str, change: float | None
) -> None:
    length = (room.width - 96) * value / largest if largest > 0 else 0.0
    bar_height = min(18.0, room.height * 0.45)
    middle = room.top + room.height / 2
    if length > 0:
        bar = Box(room.left, middle - bar_height / 2, max(length, 1.5), bar_height)
        rect(slide, bar, tint)
    paragraph = [Para(number_text(value), 10, palette.INK)]
    if change and (signed := signed_number(change)) is not None:
        # As on the PDF: less friction on a step is not better in itself (it may have moved
        # up a step), so a change is coloured by its sign only where customers are lost.
        colour = (palette.BETTER if change < 0 else palette.WORSE) if step == 0 else palette.MUTED
        paragraph.append(Para(f"({signed})", 9, colour))
    text_box(
        slide,
        Box(room.left + length + 4, middle - 14, 92, 28),
        paragraph,
        anchor=MSO_ANCHOR.MIDDLE,
    )
