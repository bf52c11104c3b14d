"""The cover: what the plan is about, for whom, from whom, and when."""

from __future__ import annotations

from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, Spacer

from ..content import cover as content
from ..context import RenderContext
from ..document import fit_line
from ..fitting import stacked_height
from ..rtl import Paragraph
from ..styles import ACCENT, MUTED

#: The room above the cover's title: a sixth of the page, or less when the cover needs it.
TOP_ROOM = 0.16
#: The least room above it, when a long title or description fills the page.
TOP_ROOM_LEAST = 12
#: Lines of the title at most, cut with an ellipsis beyond: a title of 2,000 characters
#: filled the cover and set the rest of it in 4-point type (the file keeps it whole).
TITLE_LINES = 4


def cover(ctx: RenderContext) -> list[Flowable]:
    """One page, whatever the title and the description: the room above the title gives way
    first, then the whole cover is set smaller."""
    body = _body(ctx)
    height = stacked_height(body, ctx.width, ctx.height)
    top = max(TOP_ROOM_LEAST, min(ctx.height * TOP_ROOM, ctx.height - height))
    return [Spacer(1, top), KeepInFrame(ctx.width, ctx.height - top, body, mode="shrink")]


def _body(ctx: RenderContext) -> list[Flowable]:
    styles = ctx.styles
    said = content.cover(ctx)
    story: list[Flowable] = [
        HRFlowable(width="18%", thickness=3, color=ACCENT, hAlign="LEFT", spaceAfter=10),
        Paragraph(said.kicker, styles.kicker),
        Paragraph(
            ctx.user(
                fit_line(
                    said.title,
                    styles.title.fontName,
                    styles.title.fontSize,
                    ctx.width * TITLE_LINES,
                )
            ),
            styles.title,
        ),
    ]
    if said.organisation is not None:
        story.append(Paragraph(ctx.user(said.organisation), styles.subtitle))
    story.append(Paragraph(said.date, styles.subtitle))
    story += [Spacer(1, 18), Paragraph(ctx.markup(said.personas), styles.body)]
    if said.description is not None:
        story.append(Paragraph(ctx.user(said.description), styles.body))
    story += [
        Spacer(1, 18),
        *_contents(ctx, said.contents),
        Spacer(1, 18),
        Paragraph(ctx.user(said.made_from), styles.small),
    ]
    return story


def _contents(ctx: RenderContext, titles: tuple[str, ...]) -> list[Flowable]:
    if not titles:
        return []
    accent, muted = ACCENT.hexval()[2:], MUTED.hexval()[2:]
    lines = [f'<font color="#{accent}"><b>In this plan</b></font>']
    for number, title in enumerate(titles, start=1):
        lines.append(f'<font color="#{muted}">{number}</font>&nbsp;&nbsp;{ctx.user(title)}')
    return [Paragraph("<br/>".join(lines), ctx.styles.body)]
