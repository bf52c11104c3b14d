"""The friction register: every friction point with every term of its impact."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ...analysis import FrictionScore
from .. import formatting as fmt
from ..context import RenderContext
from ..rtl import Paragraph
from ..styles import GOOD_FILL
from ..tables import Column, DataTable
from .common import FORMULAS, REGISTER, section_heading, section_number

#: Widths are relative, set in points for A4. Where the friction point sits (touchpoint,
#: stage, channel) is the grey line under its title.
REGISTER_COLUMNS = (
    Column("Friction point · touchpoint · stage · channel", 182),
    Column("Kind · nature", 42),
    Column("Sev.", 23, numeric=True),
    Column("Count / period", 64, numeric=True),
    Column("Source", 42),
    Column("r", 34, numeric=True),
    Column("w", 22, numeric=True),
    Column("o", 14, numeric=True),
    Column("l", 14, numeric=True),
    Column("d", 14, numeric=True),
    Column("F", 42, numeric=True),
)


def register(ctx: RenderContext) -> list[Flowable]:
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, REGISTER),
        Paragraph(
            "Every friction point, in journey order (stage, then channel). r: monthly reach; "
            "w: segment weight; o: origin step; l: landing step; d: drop; F: friction impact "
            f"(section {section_number(ctx, FORMULAS)} gives the formulas). <b>Good</b> "
            "friction is deliberate (a confirmation, a protective check): it is shown, never "
            "prioritised for removal, and its F is 0.",
            ctx.styles.body,
        ),
    ]
    frictions = _journey_order(ctx)
    if not frictions:
        story.append(Paragraph("No friction point recorded yet.", ctx.styles.body))
        return story
    table = DataTable(ctx, REGISTER_COLUMNS)
    for friction in frictions:
        table.add(_row(ctx, friction), fill=GOOD_FILL if friction.good else None)
    story.append(table.build())
    return story


def _journey_order(ctx: RenderContext) -> list[FrictionScore]:
    stage_order = {s.id: i for i, s in enumerate(ctx.bp.stages)}
    channel_order = {c.id: i for i, c in enumerate(ctx.bp.channels)}
    # sorted() is stable: document order inside a cell.
    return sorted(
        ctx.plan.frictions,
        key=lambda f: (stage_order.get(f.stage_id, 0), channel_order.get(f.channel_id, 0)),
    )


def _row(ctx: RenderContext, f: FrictionScore) -> list:
    friction = ctx.frictions_by_id.get(f.friction_id)
    where = " · ".join(
        (
            ctx.touchpoint_titles.get(f.touchpoint_id, f.touchpoint_id),
            ctx.stage_names.get(f.stage_id, f.stage_id),
            ctx.channel_names.get(f.channel_id, f.channel_id),
        )
    )
    kind = [friction.kind.value if friction is not None else fmt.DASH]
    kind.append("good, deliberate" if f.good else "bad")
    if f.gives_up:
        kind.append("gives up")
    return [
        [(f.title, ctx.styles.cell), (where, ctx.styles.cell_muted)],
        kind,
        str(f.severity),
        fmt.frequency(f.count, f.period),
        f.source,
        fmt.number(f.reach),
        fmt.decimal(f.weight, 2),
        str(f.origin_step),
        str(f.landing_step),
        str(f.drop),
        "0" if f.good else fmt.number(f.impact),
    ]
