"""What the plan would save, in words: one sentence for the summary page and the editor.

A saving of 0 is never a headline: where costs per contact are missing the sentence says
which channels lack one and what to fill in; where they are estimates it says so.
"""

from __future__ import annotations

from ..analysis import ImprovementScore, Plan, total_avoidable_cost
from ..model import FrequencySource, Status
from . import formatting as fmt
from .content.rich import Rich, Span, emphasised, listed, plain_text, rich, strong

COST_UNKNOWN = "cost unknown"
AT_LEAST = "≥"
#: Said under a table whose amounts have ``AT_LEAST`` before them (a manager met it unsaid).
AT_LEAST_KEY = (
    f"{AT_LEAST}: at least this much; some of its contacts land in a channel with no cost "
    "per contact, counted as 0."
)


def saving_rich(plan: Plan, channel_names: dict[str, str], currency: str) -> Rich:
    """ "would avoid about EUR 12,000 a year in contacts", or what is missing to know it;
    the figure (or what to fill in) is the strong part."""
    unknown = [channel_names.get(c, c) for c in plan.cost_unknown_channel_ids]
    fill = rich("set a cost per contact for ", listed(unknown))
    amount = fmt.money(plan.total_avoidable_cost, currency)
    if plan.total_avoidable_cost > 0:
        parts: list[str | Span | Rich] = [
            # "about under € 1" said nothing a reader could use twice
            "would avoid "
            + ("" if plan.total_avoidable_cost < 0.5 else "at least " if unknown else "about "),
            strong(f"{amount} a year"),
            " in contacts",
        ]
        if plan.cost_estimated_channel_ids:
            parts.append(", at estimated costs per contact")
        measured, guessed = _sources(plan)
        if guessed:
            # "at least" speaks of the costs missing; the counts themselves may be a tenth
            # or ten times what was guessed.
            parts.append(
                ", partly on guessed frequencies"
                if measured
                else ", if the frequencies guessed hold"
            )
        if unknown:
            parts += [" (", fill, " to count theirs too)"]
        done = [score for score in plan.improvements if is_done(score)]
        done_cost = total_avoidable_cost(done)
        if done_cost > 0:  # a saving made already is not one to come: said apart
            parts.append(
                f"; {fmt.money(done_cost, currency)} of it with the "
                f"{'one' if len(done) == 1 else fmt.whole(len(done))} done already"
            )
        return rich(*parts)
    one = len(plan.improvements) == 1
    if not_counted_yet(plan):
        # Counts of 0 are frequencies nobody has given yet, not customers who stay; a cost
        # per contact filled in would still show nothing.
        return rich(
            "would avoid contacts not counted yet: ",
            strong(f"give how often {'its' if one else 'their'} friction points happen"),
            f" to see what {'it saves' if one else 'they save'}",
        )
    if unknown:
        return rich(
            "would avoid contacts whose cost is not known yet: ", emphasised(fill), " to see it"
        )
    they = "it helps" if one else "they help"
    return rich(
        f"would avoid no contact cost (the customers {they} give up or stay where they are)"
    )


def is_done(score: ImprovementScore) -> bool:
    """Done: ranked as any other (the plan is of today's journey), but nothing to start."""
    return score.status == Status.DONE


def not_counted_yet(plan: Plan) -> bool:
    """True when no friction point the improvements address has a count yet: what they
    save is not known, rather than nothing."""
    addressed = [f for score in plan.improvements for f in score.frictions]
    return bool(addressed) and not any(f.count for f in addressed)


def _sources(plan: Plan) -> tuple[bool, bool]:
    """Whether the friction points the improvements address with a count have measured
    counts among them, and guessed ones (estimated or unknown)."""
    counted = [f for score in plan.improvements for f in score.frictions if f.count]
    measured = [f.source == FrequencySource.MEASURED for f in counted]
    return any(measured), not all(measured)


def saving_sentence(plan: Plan, channel_names: dict[str, str], currency: str) -> str:
    """``saving_rich`` as plain text, for the editor."""
    return plain_text(saving_rich(plan, channel_names, currency))


def avoidable_cost_text(score: ImprovementScore, currency: str) -> str:
    """One improvement's avoidable cost for a table cell: ``€ 1,200``, ``≥ € 1,200`` when
    some of its contacts land in a channel with no cost, ``cost unknown`` when all do."""
    amount = fmt.money(score.avoidable_cost, currency)
    if not score.cost_unknown_channel_ids:
        return amount
    return f"{AT_LEAST} {amount}" if at_least(score) else COST_UNKNOWN


def at_least(score: ImprovementScore) -> bool:
    """Its avoidable cost is shown as a floor (``≥``): some of its contacts land in a channel
    with no cost per contact. Where one is shown, ``AT_LEAST_KEY`` says what it means."""
    return bool(score.cost_unknown_channel_ids) and score.avoidable_cost > 0
