"""Data to capture: the estimated or unknown frequencies behind the improvements, in the
order to measure them (decisive first, then by swing)."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from ...analysis import Certainty, MeasureFirst, Plan
from .. import formatting as fmt
from ..certainty_text import count_word, end_effect
from ..context import RenderContext
from ..tables import Column, DataTable
from .common import DATA_TO_CAPTURE, section_heading

#: Rows of the measure-first table beyond the decisive ones (all decisive ones are listed).
MEASURE_FIRST_LISTED = 15

GAP_COLUMNS = (
    Column("#", 16, numeric=True),
    Column("Friction point · touchpoint", 172),
    Column("Decisive?", 48),
    Column("Source", 46),
    Column("Reach a month\n(plausible range)", 78, numeric=True),
    Column("Swing\nin P", 44, numeric=True),
    Column("Behind\nimprovement", 89),
)

DECISIVE_MARK = "◆ yes"


def listed(certainty: Certainty) -> tuple[MeasureFirst, ...]:
    """The rows the section shows: every decisive one, then the next by swing."""
    return certainty.measure_first[: max(MEASURE_FIRST_LISTED, len(certainty.decisive))]


def data_to_capture(ctx: RenderContext) -> list[Flowable]:
    story: list[Flowable] = [
        Spacer(1, 14),
        CondPageBreak(ctx.height * 0.3),
        section_heading(ctx, DATA_TO_CAPTURE),
    ]
    certainty = ctx.certainty
    if certainty is None or not certainty.measure_first:
        story.append(
            Paragraph(
                "Every friction point behind the improvements has a measured frequency: "
                "nothing to capture before deciding.",
                ctx.styles.body,
            )
        )
        return story
    rows = listed(certainty)
    decisive = len(certainty.decisive)
    counted = fmt.plural(len(certainty.measure_first), "friction point")
    k = count_word(certainty.k)
    story.append(
        Paragraph(
            "Measuring is an action. The improvements rest on these friction points, whose "
            f"frequency is estimated or unknown ({counted}), in the order to measure them. "
            "A friction point is <b>decisive</b> when its reach alone, at either end of its "
            f"plausible range, changes the top {k} or the "
            "Now wave: measure those first. The <b>swing</b> is the largest change in "
            "priority P of an improvement it is behind, over both ends of the range "
            "(measured ±20%, estimated ½ to 2×, unknown ⅒ to 10×, or the range given for it). "
            + (
                f"{fmt.plural(decisive, 'friction point is', 'friction points are')} decisive."
                if decisive
                else "None is decisive: no single estimate changes the decision."
            ),
            ctx.styles.body,
        )
    )
    table = DataTable(ctx, GAP_COLUMNS)
    ranks = {s.improvement_id: s.rank for s in ctx.plan.improvements}
    for order, item in enumerate(rows, start=1):
        friction = ctx.frictions_by_id.get(item.friction_id)
        touchpoint = (
            ctx.touchpoint_titles.get(friction.touchpoint_id, "") if friction is not None else ""
        )
        name = [(item.title, ctx.styles.cell), (touchpoint, ctx.styles.cell_muted)]
        if item.decisive:
            name.append((_ends(ctx.plan, certainty, item), ctx.styles.cell_muted))
        table.add(
            [
                str(order),
                name,
                [(DECISIVE_MARK, ctx.styles.cell_bold)] if item.decisive else "no",
                item.source,
                [
                    fmt.number(item.reach),
                    f"({fmt.number(item.range.low)}–{fmt.number(item.range.high)})",
                ],
                fmt.compact(item.swing),
                ", ".join(f"#{ranks[i]}" for i in item.improvement_ids if i in ranks),
            ]
        )
    story.append(table.build())
    more = len(certainty.measure_first) - len(rows)
    if more > 0:
        story.append(
            Paragraph(
                f"… and {fmt.plural(more, 'more friction point')}, none decisive, with smaller "
                "swings (all of them in <i>blueprint plan FILE --format json</i>).",
                ctx.styles.small,
            )
        )
    return story


def _ends(plan: Plan, certainty: Certainty, item: MeasureFirst) -> str:
    if set(item.top_k_at_low) == set(item.top_k_at_high) == set(certainty.top_k):
        return "Either end of its range moves an improvement into or out of the Now wave."
    low = end_effect(plan, certainty, item.top_k_at_low)
    high = end_effect(plan, certainty, item.top_k_at_high)
    return (
        f"At {fmt.number(item.range.low)} a month: {low}. At {fmt.number(item.range.high)}: {high}."
    )
