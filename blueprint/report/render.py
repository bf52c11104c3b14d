"""``render_plan_pdf``: the one entry point the command line and the editor call."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import count
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, NextPageTemplate
from reportlab.platypus.doctemplate import LayoutError

from ..analysis import Certainty, Plan, plan_certainty
from ..collector import collector_paused
from ..model import Blueprint
from .compat import reportlab_adjusted
from .content.subject import subject_fields
from .context import RenderContext
from .document import PlanCanvas, PlanDocument
from .errors import ReportError
from .fonts import BundledFonts, FallbackFonts, bundled_fonts
from .output import write_output
from .sections import compose, cover
from .styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, make_styles, page_size
from .text import Typesetter

Progress = Callable[[str, float], None]

# Where the stages of a render sit between 0 and 1; laying out pages takes most of the time.
_COMPOSED, _LAID_OUT = 0.15, 0.95


@dataclass(frozen=True)
class RenderResult:
    pages: int
    #: Characters no available font could draw; a placeholder was drawn for each.
    missing_characters: tuple[str, ...]
    #: Installed font files used for characters the bundled font lacks.
    fallback_fonts: tuple[str, ...]


@collector_paused()  # a million flowables and cells; paused, the peak memory is the same
def render_plan_pdf(
    bp: Blueprint,
    plan: Plan,
    output: BinaryIO | Path | str,
    *,
    paper: str = "a4",
    reproducible: bool = False,
    date: datetime.date | None = None,
    progress: Progress | None = None,
    certainty: Certainty | None = None,
    comments: bool = False,
) -> RenderResult:
    """Write the PDF improvement plan of ``plan`` (computed from ``bp``) to ``output``.

    When ``bp`` draws a future state, the plan is about today's journey (as ``build_plan``
    computes it) and gains a section setting today against tomorrow.

    ``output`` is a path (written atomically: the old file stays whole if the write fails)
    or a binary stream. ``paper`` is "a4" or "letter". ``reproducible`` makes the bytes
    depend on the input only (fixed metadata dates and document id); pass ``date`` too for
    output that is the same on another day. ``progress`` receives (stage, fraction 0..1) a
    handful of times. ``certainty`` is how sure ``plan`` is (``plan_certainty``); it is
    computed with the defaults (K = 3, the fixed seed) when not given. ``comments`` adds the
    open comment threads, last (they are left out unless asked for). Neither ``bp`` nor
    ``plan`` is changed.

    Raises ``ReportError`` when the plan cannot be made (unknown paper size, missing bundled
    fonts) and ``blueprint.storage.SaveError`` when the output cannot be written.
    """
    report = progress or (lambda stage, fraction: None)
    size = page_size(paper)
    report("Preparing fonts", 0.0)
    fonts = bundled_fonts()
    if certainty is None:
        certainty = plan_certainty(bp, plan)
    ctx = _context(bp, plan, fonts, size, date or datetime.date.today(), certainty)
    ctx.comments = comments
    report("Composing the plan", 0.05)
    story = [*cover(ctx), NextPageTemplate("body"), *compose(ctx)]
    report("Laying out the pages", _COMPOSED)
    data, pages = _lay_out(ctx, story, size, reproducible, report)
    report("Writing the file", _LAID_OUT)
    write_output(output, data, "PDF")
    report("Done", 1.0)
    return RenderResult(
        pages=pages,
        missing_characters=tuple(sorted(ctx.text.missing)),
        fallback_fonts=tuple(sorted(ctx.text.fallback_sources)),
    )


def _context(
    bp: Blueprint,
    plan: Plan,
    fonts: BundledFonts,
    size: tuple[float, float],
    date: datetime.date,
    certainty: Certainty,
) -> RenderContext:
    width, height = size
    return RenderContext(
        **subject_fields(bp, plan, date, certainty),  # type: ignore[arg-type]
        fonts=fonts,
        styles=make_styles(fonts),
        text=Typesetter(fonts, FallbackFonts()),
        width=width - 2 * MARGIN_X,
        height=height - MARGIN_TOP - MARGIN_BOTTOM,
    )


def _lay_out(
    ctx: RenderContext,
    story: list[Flowable],
    size: tuple[float, float],
    reproducible: bool,
    report: Progress,
) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages; progress is reported section by section."""
    sections = sum(1 for f in story if getattr(f, "outline_level", None) == 0)
    started = count()

    def on_section(title: str) -> None:
        fraction = _COMPOSED + (_LAID_OUT - _COMPOSED) * next(started) / max(1, sections)
        report(f"Laying out: {title}", fraction)

    buffer = io.BytesIO()
    doc = PlanDocument(buffer, ctx, size, reproducible, on_section)
    canvas = partial(PlanCanvas, footer_font=ctx.fonts.regular)
    try:
        with reportlab_adjusted():
            doc.build(story, canvasmaker=canvas)
    except LayoutError as error:
        raise ReportError(
            f"the plan could not be laid out on the page ({error}); this is a bug in "
            "blueprint, please report it with the blueprint file"
        ) from error
    return buffer.getvalue(), doc.canv.pages
