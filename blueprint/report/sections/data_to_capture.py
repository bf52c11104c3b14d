"""Data to capture: the estimated or unknown frequencies behind the improvements, in the
order to measure them (decisive first, then by swing), and the cards the team is guessing
about: backed by nothing or by estimates only, the most friction impact first."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ...analysis import Certainty, MeasureFirst
from ...analysis.evidence import Backing, UnbackedCard, backing_by_touchpoint, unbacked_cards
from ...analysis.journey import applies_to
from .. import formatting as fmt
from ..backing_text import BACKING_RULE, BACKING_WORDS, backing_counts, what_it_has
from ..certainty_text import count_word, ends_sentence
from ..context import RenderContext
from ..rtl import Paragraph
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

#: Cards with friction impact listed by name; the rest are counted.
UNBACKED_LISTED = 20
#: Cards without friction impact, backed by nothing, named in one line.
BARE_NAMED = 8

UNBACKED_COLUMNS = (
    Column("#", 16, numeric=True),
    Column("Touchpoint · stage · channel", 180),
    Column("Backed by", 62),
    Column("Friction\nimpact F", 56, numeric=True),
    Column("What it has", 179),
)


def listed(certainty: Certainty) -> tuple[MeasureFirst, ...]:
    """The rows the section shows: every decisive one, then the next by swing."""
    return certainty.measure_first[: max(MEASURE_FIRST_LISTED, len(certainty.decisive))]


def data_to_capture(ctx: RenderContext) -> list[Flowable]:
    return [
        Spacer(1, 14),
        CondPageBreak(ctx.height * 0.3),
        section_heading(ctx, DATA_TO_CAPTURE),
        *_measure_first(ctx),
        *_guesses(ctx),
    ]


def _measure_first(ctx: RenderContext) -> list[Flowable]:
    story: list[Flowable] = []
    certainty = ctx.certainty
    if not ctx.plan.improvements:  # the summary says so; no decision rests on a guess yet
        return story
    if not any(score.frictions for score in ctx.plan.improvements):
        story.append(
            Paragraph(
                "No improvement addresses a bad friction point yet, so no estimate is behind "
                "the plan's ranking: nothing to capture before deciding.",
                ctx.styles.body,
            )
        )
        return story
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
            "(measured ÷1.2 to ×1.2, estimated ½ to 2×, unknown ⅒ to 10×, or the range given "
            "for it). "
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
            name.append((ends_sentence(ctx.plan, certainty, item), ctx.styles.cell_muted))
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


def _guesses(ctx: RenderContext) -> list[Flowable]:
    """The cards backed by nothing or by estimates only: where the team is guessing."""
    plan = ctx.plan
    in_scope = [t for t in ctx.bp.touchpoints if applies_to(t.persona_ids, plan.persona_id)]
    if not in_scope:
        return []
    cards = backing_by_touchpoint(ctx.bp)
    counts = {b: sum(1 for t in in_scope if cards[t.id].backing == b) for b in Backing}
    found = unbacked_cards(ctx.bp, plan)
    story: list[Flowable] = [
        CondPageBreak(ctx.height * 0.2),
        Paragraph("Where the blueprint is a guess", ctx.styles.h2),
        Paragraph(f"{ctx.user(backing_counts(counts))} {BACKING_RULE}", ctx.styles.body),
    ]
    if not found:
        story.append(
            Paragraph("Every card is backed by measured data or evidence.", ctx.styles.body)
        )
        return story
    weighty = [u for u in found if u.impact > 0]
    listed: list[Flowable] = []
    if weighty:
        listed.append(
            Paragraph(
                "The cards the plan rests on, backed by nothing or by estimates only, the "
                "most friction impact first: measure them, or find a quote or an observation.",
                ctx.styles.body,
            )
        )
        listed.append(_unbacked_table(ctx, weighty[:UNBACKED_LISTED]))
        more = len(weighty) - UNBACKED_LISTED
        if more > 0:
            listed.append(
                Paragraph(
                    f"… and {fmt.plural(more, 'more card')} with less friction impact.",
                    ctx.styles.small,
                )
            )
    bare = [u for u in found if u.impact == 0]
    if bare:
        listed.append(Paragraph(_bare_line(ctx, bare), ctx.styles.small))
    # On one page (at most 20 rows): the line of cards without impact was left alone on a
    # page of its own after the table, the next section starting on a new page.
    story.append(KeepTogether(listed))
    return story


def _unbacked_table(ctx: RenderContext, rows: list[UnbackedCard]) -> Flowable:
    table = DataTable(ctx, UNBACKED_COLUMNS)
    for order, item in enumerate(rows, start=1):
        where = (
            f"{ctx.stage_names.get(item.stage_id, '?')} · "
            f"{ctx.channel_names.get(item.channel_id, '?')}"
        )
        table.add(
            [
                str(order),
                [(item.title, ctx.styles.cell), (where, ctx.styles.cell_muted)],
                BACKING_WORDS[item.card.backing],
                fmt.compact(item.impact),
                what_it_has(item),
            ]
        )
    return table.build()


def _bare_line(ctx: RenderContext, bare: list[UnbackedCard]) -> str:
    """The cards with no friction impact and little behind them, in one line."""
    named = [f"‘{ctx.user(u.title)}’" for u in bare[:BARE_NAMED]]
    more = len(bare) - BARE_NAMED
    if more > 0:
        named.append(f"{more:,} more")
    return (
        f"Without friction impact, backed by nothing or by estimates only "
        f"({fmt.plural(len(bare), 'card')}): {fmt.join_words(named)}."
    )
