"""The words the panels use for measures and evidence (no Qt): list rows, choices, captions.

User text is kept as typed: these strings go into plain-text widgets only.
"""

from __future__ import annotations

from ...model import (
    Blueprint,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Measure,
    Period,
)
from ...model.entities import PLACEHOLDER_OBSERVATION, PLACEHOLDER_QUOTE
from .choices import PERIODS, SOURCES

#: Names offered for a measure; any other name may be typed.
MEASURE_NAMES = (
    "NPS",
    "CSAT",
    "CES",
    "Contacts per month",
    "Completion rate",
    "Cost to serve",
)

MEASURE_PERIODS: tuple[tuple[Period | None, str], ...] = ((None, "not a count"), *PERIODS)
MEASURE_SOURCES = SOURCES

EVIDENCE_KINDS: tuple[tuple[EvidenceKind, str], ...] = (
    (EvidenceKind.QUOTE, "Quote: the customer's own words"),
    (EvidenceKind.OBSERVATION, "Observation: what someone saw"),
)
EVIDENCE_SOURCES: tuple[tuple[EvidenceSource, str], ...] = (
    (EvidenceSource.INTERVIEW, "interview"),
    (EvidenceSource.SURVEY, "survey"),
    (EvidenceSource.CALL_RECORDING, "call recording"),
    (EvidenceSource.ANALYTICS, "analytics"),
    (EvidenceSource.OBSERVATION, "observation"),
    (EvidenceSource.OTHER, "other"),
)

#: What the friction form's "Follows measure" offers for a frequency typed by hand.
TYPED_IN = "none: typed in"
DATE_HELP = "A date written YYYY-MM-DD, such as 2026-10-31; empty when not known"


def number_text(value: float) -> str:
    """12 as '12', 1200 as '1,200', 31.25 as '31.25', 0.0042 as '0.0042'."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def measure_value(measure: Measure) -> str:
    """Its value with its unit and period: '31 points', '73%', '1,200 contacts per month'."""
    text = number_text(measure.value)
    unit = measure.unit.strip()
    if unit:
        text += unit if unit in ("%", "‰") else f" {unit}"
    if measure.period is not None:
        text += f" per {measure.period.value}"
    return text


def measure_row(measure: Measure) -> str:
    """One line of a list of measures: 'NPS: 31 points · measured'."""
    return f"{one_line(measure.name)}: {measure_value(measure)} · {measure.source.value}"


def measure_tip(measure: Measure) -> str:
    lines = [measure.name, measure_value(measure), f"Source: {measure.source.value}"]
    if measure.date:
        lines.append(f"Date: {measure.date}")
    if measure.origin.strip():
        lines.append(f"From: {measure.origin}")
    return "\n".join(lines)


def measure_choice(measure: Measure, blueprint_wide: bool) -> str:
    """A measure offered to a friction's frequency: 'Contacts per month: 1,200 … (whole
    blueprint)'."""
    where = " (whole blueprint)" if blueprint_wide else ""
    return f"{measure_row(measure)}{where}"


def frequency_measures(
    bp: Blueprint, touchpoint_id: str, followed_id: str | None = None
) -> list[tuple[Measure, bool]]:
    """The measures a friction point of this touchpoint may take its frequency from: the
    touchpoint's own counts, then the whole blueprint's (with True). A count is a measure
    with a period; an NPS or a rate is not one, but the measure the frequency already
    follows (``followed_id``, from a file) is offered whatever it is."""

    def offered(measure: Measure) -> bool:
        if measure.id == followed_id:
            return True
        return measure.period is not None and not _money_or_share(measure, bp.currency)

    own = [(m, False) for m in bp.measures if m.touchpoint_id == touchpoint_id and offered(m)]
    wide = [(m, True) for m in bp.measures if m.touchpoint_id is None and offered(m)]
    return own + wide


#: Signs of a unit that is money, not a count.
_MONEY_SIGNS = frozenset("£$€¥₹%")


def _money_or_share(measure: Measure, currency: str) -> bool:
    """A cost or a share per period ("46.2 GBP per customer per year", "12 % a month"):
    not how often something happens (a cost to serve was offered as a frequency)."""
    words = measure.unit.replace("/", " ").split()
    return any(w.upper() == currency.upper() or set(w) & _MONEY_SIGNS for w in words)


def follows_caption(measure: Measure) -> str:
    """Under a frequency that follows a measure: 'measured — from Genesys export.xlsx,
    2026-10-31'."""
    origin = measure.origin.strip() or f"the measure '{one_line(measure.name, 40)}'"
    date = f", {measure.date}" if measure.date else ""
    return f"{measure.source.value} — from {one_line(origin, 60)}{date}"


def followers_caption(count: int) -> str:
    if not count:
        return ""
    what = "1 friction frequency follows" if count == 1 else f"{count} friction frequencies follow"
    return f"{what} this measure: its value, period and source carry over."


def evidence_row(evidence: Evidence) -> str:
    """One line of a list of evidence: '“I gave up waiting” · interview, 2026-09-02'."""
    if not evidence.written:  # its placeholder words: said for what they are
        noun = "quote" if evidence.kind == EvidenceKind.QUOTE else "observation"
        return f"New {noun}, not written yet: it backs nothing until its words are typed"
    said = one_line(evidence.text, 70)
    text = f"“{said}”" if evidence.kind == EvidenceKind.QUOTE else f"Seen: {said}"
    facts = [evidence.source.value]
    if evidence.date:
        facts.append(evidence.date)
    if evidence.attachment.strip():
        facts.append("📎")
    return f"{text} · {', '.join(facts)}"


def one_line(text: str, limit: int = 80) -> str:
    """User text on one line, clipped with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


NEW_MEASURE = "New measure"
NEW_QUOTE = PLACEHOLDER_QUOTE
NEW_OBSERVATION = PLACEHOLDER_OBSERVATION
