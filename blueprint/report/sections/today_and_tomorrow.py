"""Today and tomorrow: what the future state drawn in the blueprint changes, in figures.

Only in the plan of a blueprint that draws a future state. The plan's ranking stays on
today's journey; this section sets each figure of today against tomorrow's.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from ...analysis.epic import LETTER_NAMES
from ...changes import Change, Comparison, DifferenceKind, FiguresDelta
from ...changes.compare import FRICTION_COST
from ...model import EpicLetter
from .. import formatting as fmt
from ..comparison_text import change_sentence, cost_note, delta_text, headline_sentence, value_text
from ..context import RenderContext
from ..distribution import distribution_drawing
from ..tables import Column, DataTable
from .common import FORMULAS, RANKED_PLAN, TODAY_AND_TOMORROW, section_heading, section_number
from .ranked_plan import KEEP_WITH_HEADING

NAMES = ("Today", "Tomorrow")
#: Differences listed one by one; the rest are counted.
DIFFERENCES_LISTED = 30

FIGURE_COLUMNS = (
    Column("Figure", 200),
    Column("Today", 95, numeric=True),
    Column("Tomorrow", 95, numeric=True),
    Column("Change", 105, numeric=True),
)
STAGE_COLUMNS = (
    Column("Stage", 110),
    Column("EPIC index\ntoday", 52, numeric=True),
    Column("EPIC index\ntomorrow", 58, numeric=True),
    Column("Change", 62, numeric=True),
    Column("Weakest letter\ntoday → tomorrow", 78),
    Column("Emotion\ntoday", 46, numeric=True),
    Column("Emotion\ntomorrow", 52, numeric=True),
    Column("Change", 38, numeric=True),
)
PERSONA_COLUMNS = (
    Column("Persona", 100),
    Column("Friction\nimpact", 60, numeric=True),
    Column("Friction cost\na year", 70, numeric=True),
    Column("Lost journeys\na year", 64, numeric=True),
    Column("Failure-demand\nshare", 72, numeric=True),
    Column("Channel\nswitches", 50, numeric=True),
    Column("EPIC\nindex", 60, numeric=True),
)


def today_and_tomorrow(ctx: RenderContext) -> list[Flowable]:
    comparison = ctx.comparison
    if comparison is None:
        return []
    whole = comparison.whole
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, TODAY_AND_TOMORROW),
        Paragraph(_intro(ctx, comparison), ctx.styles.body),
    ]
    headline = headline_sentence(whole, comparison.currency)
    if headline:
        story.append(Paragraph(f"<b>{headline}</b>", ctx.styles.body))
    story += [
        Spacer(1, 2),
        distribution_drawing(
            whole.before.stairway,
            whole.after.stairway,
            NAMES,
            ctx.width,
            ctx.fonts.regular,
            ctx.fonts.bold,
        ),
        Spacer(1, 6),
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph("The figures, today and tomorrow", ctx.styles.h2),
        _figures_table(ctx, whole, comparison.currency),
    ]
    if note := cost_note(whole, ctx.channel_names | comparison.names):
        story.append(Paragraph(ctx.user(f"Friction cost: {note}."), ctx.styles.small))
    story += _biggest(ctx, whole, comparison.currency)
    story += _stages(ctx, whole, comparison)
    story += _personas(ctx, comparison)
    story += _differences(ctx, comparison)
    return story


def _intro(ctx: RenderContext, comparison: Comparison) -> str:
    kinds = [d.kind for d in comparison.differences]
    counts = [
        fmt.plural(kinds.count(kind), word)
        for kind, word in (
            (DifferenceKind.ADDED, "addition"),
            (DifferenceKind.REMOVED, "removal"),
            (DifferenceKind.CHANGED, "change"),
        )
        if kinds.count(kind)
    ]
    persona = ""
    if comparison.whole.persona_id is not None:
        name = comparison.names.get(comparison.whole.persona_id, comparison.whole.persona_id)
        persona = f" The figures are those of persona {ctx.user(name)}."
    return (
        "The blueprint draws the journey as it should be as well as it is: "
        f"{fmt.join_words(counts) or 'no change'} (listed at the end of this section). Each "
        "figure is computed for today's journey and for tomorrow's on its own, with the "
        f"formulas of section {section_number(ctx, FORMULAS)}; a change is tomorrow minus "
        "today, and shares change in percentage points. The plan itself (from section "
        f"{section_number(ctx, RANKED_PLAN)}) is ranked on today's journey.{persona}"
    )


def _figures_table(ctx: RenderContext, delta: FiguresDelta, currency: str) -> Flowable:
    table = DataTable(ctx, FIGURE_COLUMNS)
    for change in delta.headline:
        table.add(_figure_row(change, currency))
        if change.measure == FRICTION_COST:
            saving = delta.avoidable_cost
            table.add(
                [
                    "Avoidable cost a year: what the friction cost falls by",
                    "",
                    "",
                    fmt.money(saving, currency)
                    if saving >= 0
                    else f"none (rises by {fmt.money(-saving, currency)})",
                ],
                bold=True,
            )
    table.add(
        [
            "Weakest EPIC letter",
            _letter(delta.before.epic.weakest),
            _letter(delta.after.epic.weakest),
            "",
        ]
    )
    return table.build()


def _figure_row(change: Change, currency: str) -> list[str]:
    return [
        change.measure.label,
        value_text(change, change.before, currency),
        value_text(change, change.after, currency),
        delta_text(change, currency),
    ]


def _letter(letter: EpicLetter | None) -> str:
    return f"{letter.value} · {LETTER_NAMES[letter]}" if letter else fmt.DASH


def _biggest(ctx: RenderContext, delta: FiguresDelta, currency: str) -> list[Flowable]:
    biggest = delta.biggest()
    story: list[Flowable] = [
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph(
            "The three biggest changes" if len(biggest) != 1 else "The biggest change",
            ctx.styles.h2,
        ),
    ]
    if not biggest:
        story.append(
            Paragraph(
                "None: the future state drawn changes none of these figures.", ctx.styles.body
            )
        )
        return story
    items = "".join(
        f"<br/>{n}.&nbsp;&nbsp;{change_sentence(c, currency)}" for n, c in enumerate(biggest, 1)
    )
    story.append(Paragraph(items.removeprefix("<br/>"), ctx.styles.body))
    story.append(
        Paragraph(
            "Biggest against its own scale: an amount by the share of it that changes, a share "
            "or an index by the points it moves out of 100.",
            ctx.styles.small,
        )
    )
    return story


def _stages(ctx: RenderContext, delta: FiguresDelta, comparison: Comparison) -> list[Flowable]:
    table = DataTable(ctx, STAGE_COLUMNS)
    currency = comparison.currency
    for stage in delta.stages:
        epic, emotion = stage.epic_index, stage.emotion
        table.add(
            [
                comparison.names.get(stage.stage_id, stage.stage_id),
                value_text(epic, epic.before, currency),
                value_text(epic, epic.after, currency),
                delta_text(epic, currency),
                f"{_short(stage.weakest_before)} → {_short(stage.weakest_after)}",
                value_text(emotion, emotion.before, currency),
                value_text(emotion, emotion.after, currency),
                delta_text(emotion, currency),
            ]
        )
    if not len(table):
        return []
    return [
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph("EPIC and emotion by stage", ctx.styles.h2),
        table.build(),
    ]


def _short(letter: EpicLetter | None) -> str:
    return letter.value if letter else fmt.DASH


def _personas(ctx: RenderContext, comparison: Comparison) -> list[Flowable]:
    if not comparison.personas:
        return []
    currency = comparison.currency
    table = DataTable(ctx, PERSONA_COLUMNS)
    for persona in comparison.personas:
        name = comparison.names.get(persona.persona_id or "", persona.persona_id or "")
        table.add([name, *(delta_text(c, currency) for c in persona.headline)])
    return [
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph("Change by persona", ctx.styles.h2),
        Paragraph(
            "Tomorrow minus today over the touchpoints that apply to each persona, their "
            "friction points and the flows between them.",
            ctx.styles.body,
        ),
        table.build(),
    ]


def _differences(ctx: RenderContext, comparison: Comparison) -> list[Flowable]:
    found = comparison.differences
    if not found:
        return []
    ranks = {s.improvement_id: s.rank for s in ctx.plan.improvements}
    brought: dict[str, list[str]] = {}
    for improvement in ctx.bp.improvements:
        mark = f"#{ranks[improvement.id]}" if improvement.id in ranks else improvement.title
        for entity_id in improvement.brings_about:
            brought.setdefault(entity_id, []).append(mark)
    lines = []
    for difference in found[:DIFFERENCES_LISTED]:
        line = ctx.user(difference.describe())
        if by := brought.get(difference.entity_id):
            line += f" <font color='#5f6b7a'>(brought about by {ctx.user(', '.join(by))})</font>"
        lines.append(f"•&nbsp;{line}")
    more = len(found) - DIFFERENCES_LISTED
    if more > 0:
        lines.append(f"… and {fmt.plural(more, 'more difference')}.")
    return [
        CondPageBreak(KEEP_WITH_HEADING),
        Paragraph("What the future state changes", ctx.styles.h2),
        Paragraph(
            "Each addition, removal and change, with the improvements of the plan that bring "
            "it about (by rank).",
            ctx.styles.body,
        ),
        Paragraph("<br/>".join(lines), ctx.styles.body),
    ]
