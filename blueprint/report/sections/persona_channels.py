"""The channels your customers prefer: each persona's preferred channel at each stage
against the channels the journey uses there (DOMAIN.md, "The channels each persona
prefers"). Absent when no persona names a preference."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak

from ...analysis import PersonaChannelFit, StageFit
from .. import formatting as fmt
from ..context import RenderContext
from ..formatting import channel_fit_text
from ..rtl import Paragraph
from ..tables import Column, DataTable
from .common import PERSONA_CHANNELS, section_heading

#: Rows where the journey misses the preferred channel; the Match column says so in words.
MISMATCH_FILL = colors.HexColor("#fbeee0")
MATCH = "yes"
MISSED = "NO: none in the preferred channel"
NOTHING = "NO: nothing for this persona here"

COLUMNS = (
    Column("Persona", 76),
    Column("Stage", 66),
    Column("Prefers", 68),
    Column("Channels the journey uses there", 116),
    Column("Fit", 58, numeric=True),
    Column("Pushed off\na month", 46, numeric=True),
    Column("Match", 75),
)


def persona_channels(ctx: RenderContext) -> list[Flowable]:
    fits = ctx.persona_channel_fits
    if not fits:
        return []
    table = DataTable(ctx, COLUMNS)
    for fit in fits:
        _persona_rows(ctx, table, fit)
    return [
        PageBreak(),
        section_heading(ctx, PERSONA_CHANNELS),
        Paragraph(
            "For each persona, the channel it prefers at a stage against the channels today's "
            "journey gives it there. <b>Fit</b> is the share of the stage's touchpoints for the "
            "persona that sit in the preferred channel; where no touchpoint of the stage is for "
            "the persona, there is no fit and the journey offers it nothing. <b>Pushed off</b> "
            "is the monthly reach of bad friction points on those touchpoints in the preferred "
            "channel that make customers give up or send them to another channel. A persona's "
            "<b>channel fit</b> is the mean of its fits. Rows marked NO in the Match column "
            "(and shaded) are stages where the journey misses the preferred channel.",
            ctx.styles.body,
        ),
        table.build(),
    ]


def _persona_rows(ctx: RenderContext, table: DataTable, fit: PersonaChannelFit) -> None:
    for i, stage in enumerate(fit.stages):
        table.add(
            [
                fit.name if i == 0 else "",
                ctx.stage_names.get(stage.stage_id, stage.stage_id),
                ctx.channel_names.get(stage.preferred_channel_id, stage.preferred_channel_id),
                _channels_used(ctx, stage),
                _fit_text(stage),
                fmt.compact(stage.pushed_off) if stage.pushed_off else fmt.DASH,
                MATCH if not stage.mismatch else NOTHING if stage.offers_nothing else MISSED,
            ],
            fill=MISMATCH_FILL if stage.mismatch else None,
        )
    table.add(
        ["", "Channel fit", "", "", channel_fit_text(fit), "", ""],
        bold=True,
    )


def _channels_used(ctx: RenderContext, stage: StageFit) -> str:
    if not stage.channel_ids:
        return "none: no touchpoint for this persona"
    return ", ".join(ctx.channel_names.get(c, c) for c in stage.channel_ids)


def _fit_text(stage: StageFit) -> str:
    if stage.fit is None:
        return fmt.DASH
    return f"{fmt.percent(stage.fit)} ({stage.in_preferred} of {stage.touchpoints})"
