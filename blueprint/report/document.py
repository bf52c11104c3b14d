"""The PDF document: pages, running header and footer, "Page x of y", bookmarks, metadata.

"Page x of y" is drawn in one pass: each page places a form named after its number, and the
forms are written when the canvas is saved, once the total is known. Each section heading
becomes a bookmark and an entry of the PDF outline as it is laid out.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .context import RenderContext
from .rtl import Paragraph
from .styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, RULE

HEADER_SIZE = 7.5
ELLIPSIS = "…"


class PlanCanvas(Canvas):
    """A canvas that numbers its pages "Page x of y" once it knows y."""

    def __init__(self, *args, footer_font: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.footer_font = footer_font
        self.pages = 0
        self._numbered: list[int] = []

    def showPage(self) -> None:
        self.pages += 1
        super().showPage()

    def place_page_number(self, right: float, baseline: float) -> None:
        """Put this page's "Page x of y", right-aligned at (right, baseline)."""
        number = self.getPageNumber()
        self._numbered.append(number)
        self.saveState()
        self.translate(right, baseline)
        self.doForm(f"page-number-{number}")
        self.restoreState()

    def save(self) -> None:
        for number in self._numbered:
            self.beginForm(f"page-number-{number}", lowerx=-200, lowery=-4, upperx=2, uppery=12)
            self.setFont(self.footer_font, HEADER_SIZE)
            self.setFillColor(MUTED)
            self.drawRightString(0, 0, f"Page {number} of {self.pages}")
            self.endForm()
        super().save()


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line of ``width`` points, cut with an ellipsis when it is longer."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


class PlanDocument(BaseDocTemplate):
    """A cover page without header, then pages with the running header and footer."""

    def __init__(
        self,
        buffer: io.BytesIO,
        ctx: RenderContext,
        pagesize: tuple[float, float],
        reproducible: bool,
        on_section: Callable[[str], None],
    ) -> None:
        bp = ctx.bp
        super().__init__(
            buffer,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=bp.title,
            author=bp.organisation.strip() or "blueprint",
            subject="Service improvement plan",
            creator="blueprint",
            invariant=1 if reproducible else 0,
        )
        self.ctx = ctx
        self._on_section = on_section
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], pagesize=pagesize),
                PageTemplate(id="body", frames=[frame], onPage=self._decorate, pagesize=pagesize),
            ]
        )
        self._header = self._running_header()
        self._footer = self._running_footer()

    def _running_header(self) -> Paragraph:
        ctx = self.ctx
        room = self.width * 0.7
        title = fit_line(ctx.bp.title, ctx.fonts.regular, HEADER_SIZE, room)
        return Paragraph(ctx.user(title), ctx.styles.header)

    def _running_footer(self) -> Paragraph:
        ctx = self.ctx
        parts = [ctx.bp.organisation.strip()] if ctx.bp.organisation.strip() else []
        if ctx.persona_name is not None:
            parts.append(f"persona: {ctx.persona_name}")
        line = fit_line(" · ".join(parts), ctx.fonts.regular, HEADER_SIZE, self.width * 0.7)
        return Paragraph(ctx.user(line), ctx.styles.header)

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        left, right = self.leftMargin, width - self.rightMargin
        top = height - self.topMargin + 10
        canvas.saveState()
        self._header.wrap(right - left, 20)
        self._header.drawOn(canvas, left, top)
        canvas.setFont(self.ctx.fonts.regular, HEADER_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(right, top + 1.5, "Improvement plan")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 3, right, top - 3)
        bottom = self.bottomMargin - 20
        canvas.line(left, bottom + 10, right, bottom + 10)
        self._footer.wrap(right - left, 20)
        self._footer.drawOn(canvas, left, bottom - 1.5)
        if isinstance(canvas, PlanCanvas):
            canvas.place_page_number(right, bottom)
        canvas.restoreState()

    def beforeDocument(self) -> None:
        self.canv.showOutline()  # open the viewer with the bookmarks shown

    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "outline_key", None)
        if key is None:
            return
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.outline_title, key, level=flowable.outline_level)
        if flowable.outline_level == 0:
            self._on_section(flowable.label)
