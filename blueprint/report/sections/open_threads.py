"""Open comment threads: what the team is still discussing, at the end of the plan. Only in a
plan whose maker asked for it (``blueprint plan --comments``, or the export dialog's box):
comments are the team's working notes, not the manager's reading."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ...analysis.threads import Thread, date_words, open_threads, subject_words
from .. import formatting as fmt
from .. import rtl
from ..content.outline import OPEN_THREADS
from ..context import RenderContext
from ..rtl import Paragraph
from ..tables import Column, DataTable
from .common import SectionHeading, section_heading

THREAD_COLUMNS = (
    Column("About", 170),
    Column("Thread", 340),
)


def open_threads_section(ctx: RenderContext) -> list[Flowable]:
    if not ctx.comments:
        return []
    story: list[Flowable] = [
        Spacer(1, 14),
        CondPageBreak(ctx.height * 0.3),
        _heading(ctx),
    ]
    found = open_threads(ctx.bp)
    if not found:
        story.append(
            Paragraph("No open comment thread: every discussion is resolved.", ctx.styles.body)
        )
        return story
    story.append(
        Paragraph(
            f"What the team is still discussing: {fmt.plural(len(found), 'open thread')}, "
            "each with its replies, in the order they were started. Resolved threads are left "
            "out.",
            ctx.styles.body,
        )
    )
    table = DataTable(ctx, THREAD_COLUMNS)
    for thread in found:
        table.add([_about(ctx, thread), _said(ctx, thread)])
    story.append(table.build())
    return story


def _heading(ctx: RenderContext) -> SectionHeading:
    if ctx.plan.is_empty:  # after "Nothing to plan yet", which has no number either
        key, title = OPEN_THREADS
        return SectionHeading(title, ctx.styles.h1, key, title, 0)
    return section_heading(ctx, OPEN_THREADS)


def _about(ctx: RenderContext, thread: Thread) -> list[tuple[str, object]]:
    words = subject_words(ctx.bp, thread.about_id)
    parts = [(words[:1].upper() + words[1:], ctx.styles.cell)]
    touchpoint = next((t for t in ctx.bp.touchpoints if t.id == thread.about_id), None)
    if touchpoint is not None:
        where = f"{ctx.stage_names.get(touchpoint.stage_id, '')} · "
        where += ctx.channel_names.get(touchpoint.channel_id, "")
        parts.append((where, ctx.styles.cell_muted))
    return parts


def _said(ctx: RenderContext, thread: Thread) -> list[tuple[str, object]]:
    parts: list[tuple[str, object]] = []
    for i, comment in enumerate(thread.comments):
        author = comment.author
        if rtl.needs_bidi(author):  # its own direction: "Reply: دانا, 7 Dec", not "7 ,دانا"
            author = rtl.isolate(author)
        heading = f"{author}, {date_words(comment.at)}"
        if i:
            heading = f"Reply: {heading}"
        parts.append((heading, ctx.styles.cell_muted))
        # Each line as written: a list or two paragraphs in a comment stay apart.
        parts += [(line, ctx.styles.cell) for line in comment.text.splitlines()]
    return parts
