"""How sure the plan is, in the words a manager reads: one place for the PDF and the editor."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis import Certainty, MeasureFirst, Plan
from ..analysis.certainty import NowChange
from . import formatting as fmt
from .saving import not_counted_yet

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_word(n: int) -> str:
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def share_text(share: float) -> str:
    """83%; never "100%" for a share below 1 ("over 99%"), nor "0%" for one above 0 ("<1%")."""
    return fmt.percents([share])[0]


def stability_sentence(plan: Plan, certainty: Certainty) -> str:
    """ "In 83% of plausible cases the same three improvements lead; measuring 'X' would
    do the most to settle it." Plain text: the caller quotes and escapes it for its medium."""
    count = min(certainty.k, len(plan.improvements))
    if count == 0:
        return ""
    if len(plan.improvements) <= certainty.k:
        return _too_few_to_leave_the_top(plan, certainty)
    which = (
        "the same improvement leads"
        if count == 1
        else f"the same {count_word(count)} improvements lead"
    )
    if not_counted_yet(plan):
        # Every reach is 0, at both ends of every range: the same lead in every case is
        # an order by title, not a sure one.
        return "Nothing is counted yet, so their order says nothing: count the friction first."
    if certainty.stability == 1:
        return f"In every plausible case {which}."
    sentence = f"In {share_text(certainty.stability)} of plausible cases {which}"
    if certainty.decisive:
        # Not "would settle most of it": measured, the airline's four decisive counts lift
        # its 52% to 76%, half the doubt. They do more than any other count would.
        return f"{sentence}; {_settling(certainty)} would do the most to settle it."
    if not certainty.measure_first:  # nothing guessed: the ±20% of measured counts moves it
        return (
            f"{sentence}; every frequency behind them is measured: they are close, and "
            "measuring again would not settle it."
        )
    return f"{sentence}; no single estimate decides it, so measure the list under Data to capture."


def _settling(certainty: Certainty) -> str:
    """What to measure to settle the lead: each decisive friction point alone changes it,
    so one named of three would not settle it."""
    decisive = certainty.decisive
    first = f"‘{decisive[0].title}’"
    if len(decisive) == 1:
        return f"measuring {first}"
    if len(decisive) == 2:
        return f"measuring {first} and ‘{decisive[1].title}’"
    others = count_word(len(decisive) - 1)
    return f"measuring {first} and the {others} other decisive friction points"


def _too_few_to_leave_the_top(plan: Plan, certainty: Certainty) -> str:
    """No more improvements than the top K: they are all in it in every case, which says
    nothing of how sure their order is ("the same two improvements lead" beside a decisive
    friction point read as a contradiction)."""
    n = len(plan.improvements)
    top = f"the top {count_word(certainty.k)}"
    if n == 1:
        sentence = f"The one improvement is in {top} in every plausible case"
    else:
        which = "both" if n == 2 else f"all {count_word(n)}"
        sentence = (
            f"With {count_word(n)} improvements, {which} are in {top} in every plausible case; "
            "their rank ranges say how sure their order is"
        )
    decisive = certainty.decisive
    if decisive:
        return f"{sentence}. Measuring ‘{decisive[0].title}’ could move one into another wave."
    return f"{sentence}."


def ends_sentence(plan: Plan, certainty: Certainty, item: MeasureFirst) -> str:
    """What each end of a friction point's range changes, for the PDF and the editor alike:
    "At 175 a month: the same top three and the same Now wave. At 700 a month: #6 joins the
    Now wave, #5 leaves it." """
    low = _end_effect(plan, certainty, item.top_k_at_low, item.now_at_low)
    high = _end_effect(plan, certainty, item.top_k_at_high, item.now_at_high)
    if low == high:
        return f"At either end of its range: {low}."
    return (
        f"At {fmt.number(item.range.low)} a month: {low}. "
        f"At {fmt.number(item.range.high)} a month: {high}."
    )


def _end_effect(
    plan: Plan, certainty: Certainty, top_at_end: tuple[str, ...], now_at_end: NowChange
) -> str:
    """What the top K and the Now wave become with one friction point at one end of its
    range: each that changes says who joins and who leaves it."""
    ranks = {s.improvement_id: s.rank for s in plan.improvements}
    planned = certainty.top_k
    k = f"top {count_word(len(planned))}"
    changes = []
    entering = [i for i in top_at_end if i not in planned]
    if entering:
        dropped = [i for i in planned if i not in top_at_end]
        changes.append(f"{_joins(ranks, entering)} the {k}, {_leave(ranks, dropped)}")
    joining, leaving = now_at_end.joining, now_at_end.leaving
    if joining and leaving:
        changes.append(f"{_joins(ranks, joining)} the Now wave, {_leave(ranks, leaving)} it")
    elif joining:
        changes.append(f"{_joins(ranks, joining)} the Now wave")
    elif leaving:
        changes.append(f"{_leave(ranks, leaving)} the Now wave")
    return "; ".join(changes) or f"the same {k} and the same Now wave"


def _joins(ranks: dict[str, int], ids: Sequence[str]) -> str:
    return f"{_numbers(ranks, ids)} {'joins' if len(ids) == 1 else 'join'}"


def _leave(ranks: dict[str, int], ids: Sequence[str]) -> str:
    return f"{_numbers(ranks, ids)} {'leaves' if len(ids) == 1 else 'leave'}"


def _numbers(ranks: dict[str, int], ids: Sequence[str]) -> str:
    """The improvements by their rank in the plan, best first: "#5, #6"."""
    return ", ".join(f"#{rank}" for rank in sorted(ranks[i] for i in ids))
