"""How the scores are computed: every formula of the method, in words and in symbols."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ..content.formulas import formulas as all_formulas
from ..context import RenderContext
from ..rtl import Paragraph
from ..tables import Column, DataTable
from .common import FORMULAS, section_heading

FORMULA_COLUMNS = (
    Column("Term", 1.5, bold=True),
    Column("Formula", 2.6),
    Column("In words", 4.6),
)


def formulas(ctx: RenderContext) -> list[Flowable]:
    table = DataTable(ctx, FORMULA_COLUMNS)
    for formula in all_formulas(ctx):
        table.add([formula.term, formula.formula, formula.words])
    return [
        PageBreak(),
        section_heading(ctx, FORMULAS),
        Paragraph(
            "Every number in this plan follows from the blueprint by these formulas; the "
            "friction register shows each term.",
            ctx.styles.body,
        ),
        table.build(),
    ]
