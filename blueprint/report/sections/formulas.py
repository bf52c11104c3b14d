"""How the scores are computed: every formula of the method, in words and in symbols."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph

from ...analysis import ACTION_SHARE, MONTHLY_FACTOR
from ...analysis.plan import LOW_EFFORT_MAX
from .. import formatting as fmt
from ..context import RenderContext
from ..tables import Column, DataTable
from .common import FORMULAS, section_heading

FORMULA_COLUMNS = (
    Column("Term", 1.5, bold=True),
    Column("Formula", 2.6),
    Column("In words", 4.6),
)

_PERIOD_FACTORS = {"day": "365/12", "week": "52/12", "month": "1", "quarter": "1/3", "year": "1/12"}


def _rows(ctx: RenderContext) -> list[tuple[str, str, str]]:
    shares = ", ".join(f"{action.value} {share:g}" for action, share in ACTION_SHARE.items())
    periods = ", ".join(f"{p.value} {_PERIOD_FACTORS[p.value]}" for p in MONTHLY_FACTOR)
    median = fmt.number(ctx.plan.median_impact) if ctx.plan.median_impact is not None else "–"
    return [
        (
            "Monthly reach r",
            "r = count × period factor",
            f"How many times a month the friction happens. Period factors: {periods}.",
        ),
        (
            "Origin step o",
            "o = step of the touchpoint's channel",
            "Where on the stairway the customer is when the friction happens.",
        ),
        (
            "Landing step l",
            "l = 0 if customers give up; else step of the leads-to channel; else o",
            "Where the friction pushes the customer.",
        ),
        ("Drop d", "d = max(0, o − l)", "How many steps down the stairs the friction pushes."),
        (
            "Segment weight w",
            "w = Σ(value weight × share) / Σ share",
            "Over the personas the touchpoint applies to (all when it lists none). The plain mean "
            "of value weights when a share is missing or the shares sum to 0; 1.0 when the "
            "blueprint has no personas.",
        ),
        (
            "Friction impact F",
            "F = r × severity × w × (1 + d)",
            "For bad friction. Good (deliberate) friction has F = 0 and is never prioritised.",
        ),
        ("Impact I", "I = confidence × Σ F", "Over the improvement's linked bad friction points."),
        (
            "Priority P",
            "P = I / effort",
            "Ranks the plan. Ties: higher I first, then title, then id.",
        ),
        (
            "Quadrant",
            f"high impact: I > 0 and I ≥ median I ({median}); "
            f"low effort: effort ≤ {LOW_EFFORT_MAX}",
            "Quick win (high, low), big bet (high, high), fill-in (low, low), money pit (low, "
            "high).",
        ),
        (
            "Waves",
            "Now, Next, Later, Reconsider",
            "Now = quick wins, Next = big bets, Later = fill-ins, Reconsider = money pits; by "
            "priority inside each wave.",
        ),
        (
            "Annual avoidable cost",
            "Σ r × 12 × cost per contact × share",
            f"Over the linked bad friction points, at the cost per contact of the landing channel. "
            f"Share by action: {shares}. A channel with no cost counts 0 and is listed as cost "
            "unknown. The plan's total counts each friction point once, at the largest saving any "
            "improvement offers for it.",
        ),
        (
            "Lost journeys a year",
            "r × 12",
            "Over the friction points where customers give up: counted apart from cost.",
        ),
        (
            "Current step, lift",
            "current = min l; lift = target step − current",
            "The lowest landing step among the improvement's friction points, and how far the "
            "improvement lifts customers.",
        ),
        (
            "EPIC score, index",
            "score = mean of set letters; index = (score − 1) × 25",
            "Per touchpoint; a stage's or channel's score is the mean over its scored touchpoints. "
            "The index runs 0 to 100. The weakest letter has the lowest mean.",
        ),
        (
            "Failure-demand share",
            "failure contacts / all contacts",
            "Over friction points linked to a contact reason, each counted by its reach r.",
        ),
        (
            "Channel switch",
            "a flow between two channels",
            "A flow whose two touchpoints sit in different channels.",
        ),
    ]


def formulas(ctx: RenderContext) -> list[Flowable]:
    table = DataTable(ctx, FORMULA_COLUMNS)
    for row in _rows(ctx):
        table.add(list(row))
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
