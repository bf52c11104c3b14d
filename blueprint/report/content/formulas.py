"""How the scores are computed: every formula of the method, in words and in symbols.

One text for the PDF's formulas page and the deck's speaker notes, each formula under a key
so that a slide's notes explain exactly the numbers it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis import ACTION_SHARE, MONTHLY_FACTOR
from ...analysis.plan import LOW_EFFORT_MAX
from .. import formatting as fmt
from ..backing_text import BACKING_RULE
from .subject import PlanSubject

_PERIOD_FACTORS = {"day": "365/12", "week": "52/12", "month": "1", "quarter": "1/3", "year": "1/12"}

#: The formulas' keys, in the order of the plan's page.
KEYS = (
    "reach",
    "origin",
    "landing",
    "drop",
    "weight",
    "friction_impact",
    "impact",
    "priority",
    "quadrant",
    "waves",
    "avoidable_cost",
    "lost_journeys",
    "lift",
    "epic",
    "failure_demand",
    "channel_switch",
    "backing",
    "impact_backing",
)


@dataclass(frozen=True, slots=True)
class Formula:
    key: str
    term: str
    formula: str
    words: str

    @property
    def sentence(self) -> str:
        """``Priority P: P = I / effort. Ranks the plan. ...``"""
        return f"{self.term}: {self.formula}. {self.words}"


def formulas(subject: PlanSubject) -> tuple[Formula, ...]:
    """Every formula of the method, in the order the plan explains them."""
    shares = ", ".join(f"{action.value} {share:g}" for action, share in ACTION_SHARE.items())
    periods = ", ".join(f"{p.value} {_PERIOD_FACTORS[p.value]}" for p in MONTHLY_FACTOR)
    median = (
        fmt.number(subject.plan.median_impact) if subject.plan.median_impact is not None else "–"
    )
    rows = [
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
        (
            "Backing of a card",
            "measured data; else estimates only; else nothing",
            f"{BACKING_RULE} Only bad friction counts; measures of the whole blueprint back "
            "no card.",
        ),
        (
            "Impact on measured data",
            "Σ F (measured frequency) / Σ F",
            "The share of the friction impact whose friction points have a measured frequency "
            "(one taken from a measure has that measure's source).",
        ),
    ]
    said = tuple(Formula(key, *row) for key, row in zip(KEYS, rows, strict=True))
    return said + (FUTURE_FORMULAS if subject.comparison is not None else ())


#: What a state of the journey costs, for the plan of a blueprint that draws a future state.
FUTURE_FORMULAS = (
    Formula(
        "friction_cost",
        "Friction cost a year",
        "Σ r × 12 × cost per contact",
        "Of a state of the journey (today's or tomorrow's): over its bad friction points "
        "where customers do not give up, at the cost per contact of the landing channel; a "
        "channel with no cost counts 0 and is named. What it falls by from today to tomorrow "
        "is the future state's avoidable cost a year.",
    ),
    Formula(
        "stairway",
        "Friction landing on a step",
        "Σ r over the friction points whose l is that step",
        "How often a month friction lands customers on each step of the stairway, in one "
        "state; those who give up land on 0.",
    ),
    Formula(
        "emotion",
        "Emotion of a stage",
        "mean of the set emotions",
        "Over the stage's touchpoints, from −2 (angry) to +2 (delighted).",
    ),
    Formula(
        "change",
        "Change",
        "tomorrow − today",
        "Each figure is computed for today's journey and for tomorrow's on its own; shares "
        "and indexes change in percentage points.",
    ),
)


def pick(formulas: tuple[Formula, ...], *keys: str) -> tuple[Formula, ...]:
    """The formulas under ``keys``, in that order."""
    by_key = {f.key: f for f in formulas}
    return tuple(by_key[key] for key in keys)
