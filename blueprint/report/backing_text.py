"""How well the plan is backed by data, in the words a manager reads: one place for the
PDF and any other medium (plain text: the caller escapes it for its own)."""

from __future__ import annotations

from ..analysis.evidence import Backing, ImpactBacking, UnbackedCard
from . import formatting as fmt

#: How each verdict is said in a table cell.
BACKING_WORDS = {
    Backing.MEASURED: "measured data or evidence",  # as the editor says it
    Backing.ESTIMATED: "estimates only",
    Backing.NOTHING: "nothing",
}

#: The rule of ``analysis.evidence``, as the plan states it.
BACKING_RULE = (
    "A card is backed by measured data or evidence when it has a measured figure (an NPS, a "
    "contact count, a completion rate), a bad friction point whose frequency is measured, or "
    "a quote or an observation about it or its friction points; by estimates only when all it has "
    "are estimated figures or estimated frequencies; otherwise by nothing."
)


def impact_backing_sentence(split: ImpactBacking) -> str | None:
    """ "62% of the friction impact rests on measured frequencies; 30% on estimates and 8% on
    unknown ones." None when there is no friction impact at all."""
    share = split.measured_share
    if share is None:
        return None
    total = split.total
    if share == 1:
        return "All of the friction impact rests on measured frequencies."
    # Shown together, the shares add up to 100.
    measured, estimated, unknown = fmt.percents(
        [share, split.estimated / total, split.unknown / total]
    )
    if share == 0:
        lead = "None of the friction impact rests on measured frequencies"
    else:
        lead = (
            f"{measured[0].upper()}{measured[1:]} of the friction impact rests on measured "
            "frequencies"
        )
    rest = [
        f"{shown} on {words}"
        for part, shown, words in (
            (split.estimated, estimated, "estimates"),
            (split.unknown, unknown, "unknown ones"),
        )
        if part > 0
    ]
    return f"{lead}; {fmt.join_words(rest)}."


def backing_counts(counts: dict[Backing, int]) -> str:
    """ "Of 31 touchpoints, 12 are backed by measured data or evidence, 6 by estimates only
    and 13 by nothing." """
    total = sum(counts.values())
    measured = counts.get(Backing.MEASURED, 0)
    parts = [
        f"{measured} {'is' if measured == 1 else 'are'} backed by "
        f"{BACKING_WORDS[Backing.MEASURED]}",
        f"{counts.get(Backing.ESTIMATED, 0)} by {BACKING_WORDS[Backing.ESTIMATED]}",
        f"{counts.get(Backing.NOTHING, 0)} by {BACKING_WORDS[Backing.NOTHING]}",
    ]
    return f"Of {fmt.plural(total, 'touchpoint')}, {fmt.join_words(parts)}."


def what_it_has(card: UnbackedCard) -> str:
    """What backs an unbacked card, or that nothing does."""
    facts = card.card.facts()
    return "; ".join(facts) if facts else "no measure, no evidence, no friction frequency"
