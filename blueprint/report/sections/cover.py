"""The cover: what the plan is about, for whom, from whom, and when."""

from __future__ import annotations

from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

from .. import formatting as fmt
from ..context import RenderContext
from ..styles import ACCENT, MUTED
from .common import FORMULAS, plan_sections, section_number


def cover(ctx: RenderContext) -> list[Flowable]:
    styles = ctx.styles
    bp = ctx.bp
    story: list[Flowable] = [
        Spacer(1, ctx.height * 0.16),
        HRFlowable(width="18%", thickness=3, color=ACCENT, hAlign="LEFT", spaceAfter=10),
        Paragraph("SERVICE IMPROVEMENT PLAN", styles.kicker),
        Paragraph(ctx.user(bp.title), styles.title),
    ]
    if bp.organisation.strip():
        story.append(Paragraph(ctx.user(bp.organisation), styles.subtitle))
    story.append(Paragraph(fmt.long_date(ctx.date), styles.subtitle))
    story += [Spacer(1, 18), Paragraph(_personas_line(ctx), styles.body)]
    if bp.description.strip():
        story.append(Paragraph(ctx.user(bp.description), styles.body))
    story += [
        Spacer(1, 18),
        *_contents(ctx),
        Spacer(1, 18),
        Paragraph(_made_from(ctx), styles.small),
    ]
    return story


def _personas_line(ctx: RenderContext) -> str:
    if ctx.persona_name is not None:
        return f"<b>Plan for persona:</b> {ctx.user(ctx.persona_name)}"
    names = [ctx.user(p.name) for p in ctx.bp.personas]
    if not names:
        return (
            "<b>Personas covered:</b> all customers (the blueprint defines no personas, so "
            "every customer counts the same)"
        )
    return f"<b>Personas covered:</b> {fmt.join_words(names)}"


def _contents(ctx: RenderContext) -> list[Flowable]:
    if ctx.plan.is_empty:
        return []
    accent, muted = ACCENT.hexval()[2:], MUTED.hexval()[2:]
    lines = [f'<font color="#{accent}"><b>In this plan</b></font>']
    for number, (_, title) in enumerate(plan_sections(ctx), start=1):
        lines.append(f'<font color="#{muted}">{number}</font>&nbsp;&nbsp;{title}')
    return [Paragraph("<br/>".join(lines), ctx.styles.body)]


def _made_from(ctx: RenderContext) -> str:
    bp = ctx.bp
    made = (
        f"Made with blueprint from {fmt.plural(len(bp.touchpoints), 'touchpoint')}, "
        f"{fmt.plural(len(bp.frictions), 'friction point')} and "
        f"{fmt.plural(len(bp.improvements), 'improvement')}."
    )
    if ctx.plan.is_empty:
        return made
    return (
        f"{made} Every number in this plan is computed from them; section "
        f"{section_number(ctx, FORMULAS)} shows how."
    )
