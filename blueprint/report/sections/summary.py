"""The summary: one page a manager reads in two minutes, and decides."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Paragraph, Spacer, Table

from ...analysis import ImprovementScore, Wave
from ...analysis.epic import LETTER_NAMES
from .. import formatting as fmt
from ..certainty_text import stability_sentence
from ..comparison_text import headline_sentence
from ..context import RenderContext
from ..saving import COST_UNKNOWN, avoidable_cost_text, saving_sentence
from ..styles import TILE_FILL, WAVE_COLOURS
from ..tables import Column, DataTable
from .common import (
    DATA_TO_CAPTURE,
    PERSONA_CHANNELS,
    RANKED_PLAN,
    SUMMARY,
    TODAY_AND_TOMORROW,
    WHERE_IT_HURTS,
    section_heading,
    section_number,
)
from .persona_channels import channel_fit_text

#: Items of the Now wave listed by name on the summary; the rest are counted.
NOW_LISTED = 6
#: Stages whose weakest EPIC letter the summary shows (the weakest ones, when there are more).
SUMMARY_STAGES = 12

TOP_COLUMNS = (
    Column("#", 18, numeric=True),
    Column("Improvement", 270),
    Column("Wave", 60),
    Column("Priority P", 55, numeric=True),
    Column("Avoidable cost a year", 90, numeric=True),
)


def summary(ctx: RenderContext) -> list[Flowable]:
    heading = section_heading(ctx, SUMMARY)
    _, heading_height = heading.wrap(ctx.width, ctx.height)
    body = [
        Paragraph(_lead(ctx), ctx.styles.body),
        *_tomorrow(ctx),
        *_personas(ctx),
        *_how_sure(ctx),
        _tiles(ctx),
        Paragraph("Top improvements", ctx.styles.h2),
        _top_table(ctx),
        Spacer(1, 6),
        _now_and_epic(ctx),
    ]
    room = ctx.height - heading_height - ctx.styles.h1.spaceAfter - 4
    # One page, whatever the titles: the content shrinks rather than run over.
    fitted = KeepInFrame(ctx.width, room, body, mode="shrink")
    return [PageBreak(), heading, fitted]


def _lead(ctx: RenderContext) -> str:
    plan = ctx.plan
    count = len(plan.improvements)
    if not count:
        return (
            f"The blueprint records {fmt.plural(len(plan.frictions), 'friction point')} but no "
            "improvements yet. Add improvements that address them to get a ranked plan."
        )
    addressed = fmt.plural(len(ctx.ranks_by_friction), "friction point")
    verb, they = ("addresses", "it") if count == 1 else ("address", "together they")
    saving = saving_sentence(
        plan, ctx.channel_names, ctx.bp.currency, lambda text: f"<b>{text}</b>", ctx.user
    )
    return (
        f"{fmt.plural(count, 'improvement')} {verb} {addressed}; {they} {saving}. Start with "
        "the <b>Now</b> wave "
        f"({fmt.plural(len(plan.waves[Wave.NOW]), 'quick win')}): high impact for low effort."
    )


def _tomorrow(ctx: RenderContext) -> list[Paragraph]:
    """The future state's headline gain, in one sentence, when the blueprint draws one."""
    comparison = ctx.comparison
    if comparison is None:
        return []
    where = f" (section {section_number(ctx, TODAY_AND_TOMORROW)})"
    sentence = headline_sentence(comparison.whole, comparison.currency, where)
    if sentence is None:
        sentence = f"The future state drawn in this blueprint{where} changes none of its figures."
    return [Paragraph(f"<b>Tomorrow:</b> {sentence}", ctx.styles.body)]


def _personas(ctx: RenderContext) -> list[Flowable]:
    """The persona line: how well the journey fits each persona's preferred channels."""
    fits = ctx.persona_channel_fits
    if not fits:
        return []
    each = [f"{ctx.user(fit.name)} <b>{channel_fit_text(fit)}</b>" for fit in fits]
    return [
        Paragraph(
            f"<b>Channel fit by persona</b> (share of its touchpoints in the channel it prefers, "
            f"over the stages where it names one; section {section_number(ctx, PERSONA_CHANNELS)}"
            f"): {fmt.join_words(each)}.",
            ctx.styles.body,
        )
    ]


def _how_sure(ctx: RenderContext) -> list[Flowable]:
    """The one sentence on how stable the plan is, and where that is explained."""
    if ctx.certainty is None or not (sentence := stability_sentence(ctx.plan, ctx.certainty)):
        return []
    where = f" (section {section_number(ctx, DATA_TO_CAPTURE)})" if ctx.certainty.decisive else ""
    return [Paragraph(f"<b>{ctx.user(sentence)}</b>{where}", ctx.styles.body)]


def _tile(ctx: RenderContext, value: str, label: str) -> list[Paragraph]:
    return [Paragraph(value, ctx.styles.tile_value), Paragraph(label, ctx.styles.tile_label)]


def _tiles(ctx: RenderContext) -> Table:
    plan = ctx.plan
    unknown = [ctx.user(ctx.channel_names.get(c, c)) for c in plan.cost_unknown_channel_ids]
    cost_label = "avoidable cost a year"
    if unknown:
        cost_label += f"; cost unknown for {fmt.join_words(unknown)} (counted as 0)"
    share = plan.failure_demand.share
    tiles = [
        _tile(
            ctx,
            "not known"
            if unknown and not plan.total_avoidable_cost
            else ctx.money(plan.total_avoidable_cost),
            cost_label,
        ),
        _tile(ctx, fmt.whole(plan.lost_journeys), "lost journeys a year: customers who give up"),
        _tile(
            ctx,
            fmt.percent(share) if share is not None else "not known",
            "failure demand: share of contacts caused by something not done, or not done right"
            if share is not None
            else "failure demand: no friction point is linked to a contact reason",
        ),
        _tile(
            ctx,
            fmt.whole(len(plan.channel_switches)),
            "channel switches: steps where the journey changes channel",
        ),
        _weakest_tile(ctx),
        _tile(
            ctx,
            fmt.whole(len(plan.waves[Wave.NOW])),
            "improvements in the Now wave (quick wins)",
        ),
    ]
    grid = [tiles[0:3], tiles[3:6]]
    width = ctx.width / 3
    table = Table(grid, colWidths=[width] * 3, hAlign="LEFT")
    table.setStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), TILE_FILL),
            ("LINEAFTER", (0, 0), (1, -1), 3, "white"),
            ("LINEBELOW", (0, 0), (-1, 0), 3, "white"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]
    )
    return table


def _weakest_tile(ctx: RenderContext) -> list[Paragraph]:
    overall = ctx.plan.epic_overall
    if overall.weakest is None:
        return _tile(ctx, fmt.DASH, "weakest EPIC letter: no touchpoint has EPIC scores yet")
    letter = overall.weakest
    mean = overall.letters[letter]
    return _tile(
        ctx,
        f"{letter.value} · {LETTER_NAMES[letter]}",
        f"weakest EPIC letter: mean {fmt.decimal(mean or 0)} of 5 over "
        f"{fmt.plural(overall.scored, 'scored touchpoint')}",
    )


def wave_markup(wave: Wave) -> str:
    colour = WAVE_COLOURS[wave].hexval()[2:]
    return f'<font color="#{colour}"><b>{wave.value}</b></font>'


def _top_table(ctx: RenderContext) -> Flowable:
    top = ctx.plan.top_improvements
    if not top:
        return Paragraph("No improvements yet.", ctx.styles.body)
    table = DataTable(ctx, TOP_COLUMNS)
    for s in top:
        table.add(
            [
                str(s.rank),
                s.title,
                Paragraph(wave_markup(s.wave), ctx.styles.cell),
                fmt.compact(s.priority),
                avoidable_cost_text(s, ctx.bp.currency),
            ]
        )
    return table.build()


def _now_and_epic(ctx: RenderContext) -> Table:
    half = (ctx.width - 12) / 2
    left = [Paragraph("Start now: the Now wave", ctx.styles.h2), *_now_list(ctx)]
    right = [Paragraph("Weakest EPIC letter by stage", ctx.styles.h2), *_epic_by_stage(ctx, half)]
    table = Table([[left, right]], colWidths=[half + 12, half], hAlign="LEFT")
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 12),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ]
    )
    return table


def _now_list(ctx: RenderContext) -> list[Flowable]:
    now = ctx.plan.waves[Wave.NOW]
    if not now:
        return [
            Paragraph(
                "No quick wins: every improvement is either low impact or high effort. "
                "Start with the Next wave.",
                ctx.styles.body,
            )
        ]
    items = [Paragraph(_now_item(ctx, s), ctx.styles.body) for s in now[:NOW_LISTED]]
    more = len(now) - NOW_LISTED
    if more > 0:
        items.append(
            Paragraph(
                f"… and {fmt.plural(more, 'more quick win')} in section "
                f"{section_number(ctx, RANKED_PLAN)}.",
                ctx.styles.small,
            )
        )
    certainty = ctx.certainty
    if certainty is not None and certainty.measure_first:
        first = certainty.decisive or certainty.measure_first[:1]
        named = fmt.join_words([f"‘{ctx.user(m.title)}’" for m in first[:3]])
        more = len(first) - 3
        items.append(
            Paragraph(
                f"<b>Measure first:</b> {named}"
                + (f" and {fmt.plural(more, 'more')}" if more > 0 else "")
                + (
                    f", {'decisive' if certainty.decisive else 'the largest swing'}; "
                    f"{fmt.plural(len(certainty.measure_first), 'friction point')} behind the "
                    "improvements have an estimated or unknown frequency (section "
                    f"{section_number(ctx, DATA_TO_CAPTURE)})."
                ),
                ctx.styles.small,
            )
        )
    return items


def _now_item(ctx: RenderContext, score: ImprovementScore) -> str:
    cost = avoidable_cost_text(score, ctx.bp.currency)
    facts = [f"effort {score.effort}", cost if cost == COST_UNKNOWN else f"{cost} a year"]
    if score.owner.strip():
        facts.insert(0, f"owner {ctx.user(score.owner)}")
    return (
        f"<b>#{score.rank}</b> {ctx.user(score.title)}<br/><font size=7.5>{', '.join(facts)}</font>"
    )


def _epic_by_stage(ctx: RenderContext, width: float) -> list[Flowable]:
    columns = (Column("Stage", 3.2), Column("Weakest", 1.6), Column("EPIC index", 1.2, True))
    table = DataTable(ctx, columns, width)
    stages = ctx.bp.stages
    if len(stages) > SUMMARY_STAGES:  # the weakest stages only: the rest are in Where it hurts
        index = {s.id: ctx.plan.epic_by_stage[s.id].index for s in stages}
        ranked = sorted(index, key=lambda sid: (index[sid] is None, index[sid] or 0))
        shown = set(ranked[:SUMMARY_STAGES])
        stages = [s for s in stages if s.id in shown]
    for stage in stages:
        summary = ctx.plan.epic_by_stage.get(stage.id)
        if summary is None or summary.weakest is None:
            table.add([stage.name, fmt.DASH, fmt.DASH])
            continue
        letter = summary.weakest
        table.add(
            [stage.name, f"{letter.value} · {LETTER_NAMES[letter]}", fmt.whole(summary.index or 0)]
        )
    if not len(table):
        return [Paragraph("The blueprint has no stages.", ctx.styles.body)]
    story: list[Flowable] = [table.build()]
    if len(ctx.bp.stages) > SUMMARY_STAGES:
        story.append(
            Paragraph(
                f"The {SUMMARY_STAGES} stages with the lowest EPIC index; all "
                f"{len(ctx.bp.stages)} in section {section_number(ctx, WHERE_IT_HURTS)}.",
                ctx.styles.small,
            )
        )
    return story
