"""The cover, the summary, the staircase and the empty plan's slide: what they say is
``report.content``'s, as on the PDF's pages; here it is only set on a slide."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation
from pptx.slide import Slide

from ...analysis import Wave
from .. import palette
from ..content import cover as cover_content
from ..content import staircase as staircase_content
from ..content import summary as summary_content
from ..content.formulas import Formula, pick
from ..content.nothing_to_plan import nothing_to_plan
from ..content.outline import NOTHING_TO_PLAN, STAIRCASE, SUMMARY
from ..content.rich import Rich, plain_text, rich, strong
from ..content.staircase import LEGEND
from ..content.subject import PlanSubject
from .draw import Box, Para, fitted, fitted_size, rect, text_box
from .frame import BODY, GAP, HEIGHT, MARGIN, TITLE_SLIDE, WIDTH, place_title, titled_slide
from .notes import set_notes
from .staircase import draw_mark, draw_staircase
from .text import fitting_size

# --- the cover --------------------------------------------------------------------------------


def cover_slide(deck: Presentation, subject: PlanSubject, notes: str) -> Slide:
    said = cover_content.cover(subject)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE])
    rect(slide, Box(MARGIN, 120, 96, 5), palette.ACCENT)
    text_box(
        slide,
        Box(MARGIN, 92, WIDTH - 2 * MARGIN, 22),
        [Para(said.kicker, 13, palette.ACCENT, bold=True)],
        shrink=False,
    )
    title_box = Box(MARGIN, 134, WIDTH - 2 * MARGIN, 112)
    size = fitting_size(
        [(said.title, 1)], title_box.width, title_box.height, largest=40, smallest=16
    )
    place_title(slide, said.title, title_box, size)
    slide.shapes.title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    lines: list[tuple[str | Rich, float, str, bool]] = []
    if said.organisation:
        lines.append((said.organisation, 1.15, palette.MUTED, False))
    lines.append((said.date, 1.15, palette.MUTED, False))
    lines.append((said.personas, 1.0, palette.INK, False))
    if said.description:
        lines.append((said.description, 0.9, palette.INK, False))
    subtitle = slide.placeholders[1]  # the layout's subtitle: filled, never left empty
    subtitle.element.getparent().remove(subtitle.element)
    fitted(slide, Box(MARGIN, 252, WIDTH - 2 * MARGIN, 200), lines, largest=18, smallest=9)
    text_box(
        slide,
        Box(MARGIN, HEIGHT - 70, WIDTH - 2 * MARGIN, 40),
        [Para(said.made_from, 11, palette.MUTED)],
    )
    set_notes(slide, [notes, said.made_from], ())
    return slide


# --- the summary ------------------------------------------------------------------------------

SUMMARY_FORMULAS = (
    "avoidable_cost",
    "lost_journeys",
    "failure_demand",
    "channel_switch",
    "epic",
    "quadrant",
    "waves",
)


def summary_slide(deck: Presentation, subject: PlanSubject, formulas: tuple[Formula, ...]):
    said = summary_content.summary(subject)
    keys = SUMMARY_FORMULAS + (("friction_cost", "change") if said.tomorrow else ())
    sentences = [said.lead, said.tomorrow, said.how_sure, said.backed]
    lead = [plain_text(s) for s in sentences if s]  # every one in the notes
    slide = titled_slide(deck, SUMMARY[1], lead, pick(formulas, *keys))
    top = BODY.top
    # What the plan avoids and what tomorrow buys, in type a room reads: the four sentences
    # together were set in 9.5 points, the smallest text of the slide. How sure the plan is
    # goes with the Now wave it is about; how much rests on measures, to the notes.
    top += fitted(
        slide,
        Box(BODY.left, top, BODY.width, 130),
        [(s, 1.0, palette.INK, False) for s in (said.lead, said.tomorrow) if s],
        largest=14,
        smallest=SUMMARY_SMALLEST,
        name="Summary sentences",
        shrink_box=True,
    )
    top += 2 * GAP
    tile_width = (BODY.width - 2 * GAP) / 3
    tile_height = 74.0
    for i, tile in enumerate(said.tiles):
        row, column = divmod(i, 3)
        box = Box(
            BODY.left + column * (tile_width + GAP),
            top + row * (tile_height + GAP),
            tile_width,
            tile_height,
        )
        _tile(slide, box, tile)
    top += 2 * tile_height + 2 * GAP
    _now(slide, Box(BODY.left, top, BODY.width, BODY.bottom - top), said)
    return slide


#: The summary's sentences are set no smaller than this (points).
SUMMARY_SMALLEST = 12

#: A tile's label set smaller than this (points) is cut to its first part, where it has one.
READABLE_LABEL = 10


def _label_size(label: str, inner: Box) -> float:
    return fitting_size([(label, 1)], inner.width, inner.height - 32, largest=11, smallest=7)


def _tile(slide: Slide, box: Box, tile: summary_content.Tile) -> None:
    rect(slide, box, palette.TILE_FILL, name=f"Figure: {tile.label.split(':')[0]}")
    inner = Box(box.left + 10, box.top + 6, box.width - 20, box.height - 10)
    value_size = fitting_size([(tile.value, 1)], inner.width, 30, largest=22, smallest=12)
    label = tile.label
    label_size = _label_size(label, inner)
    if label_size < READABLE_LABEL and "; " in label:
        # What follows the semicolon ("cost unknown for Social media and …") is said in the
        # summary's sentence above; in full, the label was set in 7-point type.
        label = label.split("; ")[0]
        label_size = _label_size(label, inner)
    text_box(
        slide,
        inner,
        [
            Para(tile.value, value_size, palette.INK, bold=True, space_after=2),
            Para(label, label_size, palette.MUTED),
        ],
    )


def _now(slide: Slide, box: Box, said: summary_content.Summary) -> None:
    lines: list[tuple[str | Rich, float, str, bool]] = [
        (summary_content.start_heading(said), 1.1, palette.INK, True)
    ]
    if said.no_now:
        lines.append((said.no_now, 1.0, palette.INK, False))
    for item in said.now:
        lines.append(
            (
                rich(strong(f"#{item.rank} "), item.title, f" · {item.facts}"),
                1.0,
                palette.INK,
                False,
            )
        )
    if said.more_now:
        lines.append((said.more_now, 0.9, palette.MUTED, False))
    if said.done:
        lines.append((said.done, 0.9, palette.MUTED, False))
    if said.how_sure:
        lines.append((said.how_sure, 0.9, palette.INK, False))
    if said.measure_first:
        lines.append((said.measure_first, 0.9, palette.MUTED, False))
    fitted(slide, box, lines, largest=13, smallest=7, name="The Now wave")


# --- the staircase ----------------------------------------------------------------------------

STAIRCASE_FORMULAS = ("origin", "landing", "drop", "lift")
DRAWING_WIDTH = 560.0


def staircase_slide(deck: Presentation, subject: PlanSubject, formulas: tuple[Formula, ...]):
    said = staircase_content.staircase(subject)
    lead = [plain_text(said.intro), LEGEND]
    slide = titled_slide(deck, STAIRCASE[1], lead, pick(formulas, *STAIRCASE_FORMULAS))
    drawing = Box(BODY.left, BODY.top, DRAWING_WIDTH, BODY.height - 22)
    draw_staircase(slide, drawing, said.lifts)
    text_box(
        slide,
        Box(BODY.left, drawing.bottom + 4, DRAWING_WIDTH, 18),
        [Para(LEGEND, 10, palette.MUTED)],
    )
    side = Box(drawing.right + 18, BODY.top, BODY.right - drawing.right - 18, BODY.height)
    _waves_legend(slide, Box(side.left, side.top, side.width, 16))
    side = Box(side.left, side.top + 24, side.width, side.height - 24)
    lines = _lift_lines(said, steps=True)
    if fitted_size(side, lines, largest=13, smallest=6.5) < READABLE_ON_A_PROJECTOR:
        # Many lifts or long titles: the steps are on the drawing; the titles stay legible.
        lines = _lift_lines(said, steps=False)
    fitted(slide, side, lines, largest=13, smallest=6.5, name="Which improvement each lift is")
    return slide


#: Points below which the staircase's key drops each lift's steps (it read 6.4 pt with
#: twelve lifts: too small on a projector).
READABLE_ON_A_PROJECTOR = 10.0


def _lift_lines(
    said: staircase_content.Staircase, steps: bool
) -> list[tuple[str | Rich, float, str, bool]]:
    lines: list[tuple[str | Rich, float, str, bool]] = []
    for row in said.drawn:
        wave = "" if steps else f" · {row.wave.value}"  # the wave said, not by colour alone
        lines.append((rich(strong(f"#{row.rank} "), row.title, wave), 1.0, palette.INK, False))
        if steps:
            lines.append(
                (
                    f"{row.wave.value} · {row.current_step} → {row.target_step}",
                    0.8,
                    palette.WAVE_COLOURS[row.wave],
                    False,
                )
            )
    if said.none_drawn:
        lines.append((said.none_drawn, 1.0, palette.INK, False))
    for missing in said.not_drawn:
        lines.append((missing.sentence, 0.85, palette.MUTED, False))
    return lines


def _waves_legend(slide: Slide, box: Box) -> None:
    """Each wave's mark in its colour, and its name."""
    x = box.left
    for wave in Wave:
        draw_mark(
            slide,
            Box(x, box.top + 4, 9, 9),
            staircase_content.WAVE_MARKS[wave],
            palette.WAVE_COLOURS[wave],
            edge=None,
            widths=(1.5, 1.5),
        )
        width = 14 + 7 * len(wave.value)
        text_box(
            slide,
            Box(x + 12, box.top, width, box.height),
            [Para(wave.value, 10, palette.INK)],
            anchor=MSO_ANCHOR.MIDDLE,
            shrink=False,
        )
        x += 12 + width


# --- nothing to plan --------------------------------------------------------------------------


def nothing_slide(deck: Presentation, subject: PlanSubject) -> Slide:
    said = nothing_to_plan(subject)
    slide = titled_slide(deck, NOTHING_TO_PLAN[1], [said.finding, said.then], ())
    lines: list[tuple[str | Rich, float, str, bool]] = [
        (said.finding, 1.0, palette.INK, False),
        (said.to_add, 1.0, palette.INK, False),
    ]
    lines += [
        (rich(f"{n}.  ", step), 1.0, palette.INK, False) for n, step in enumerate(said.steps, 1)
    ]
    lines.append((said.then, 1.0, palette.INK, False))
    fitted(slide, BODY, lines, largest=18, smallest=9)
    return slide
