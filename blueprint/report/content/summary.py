"""The summary: what a manager reads in two minutes, and decides on."""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis import (
    Certainty,
    ImprovementScore,
    Plan,
    Wave,
    impact_backing,
    lost_journeys,
    total_avoidable_cost,
)
from ...analysis.epic import LETTER_NAMES
from ...changes import Comparison
from ...model import FrequencySource, Status
from .. import formatting as fmt
from ..backing_text import impact_backing_sentence
from ..certainty_text import count_word, stability_sentence
from ..comparison_text import headline_sentence
from ..formatting import WAVE_KINDS, WAVE_REASONS
from ..saving import (
    AT_LEAST_KEY,
    COST_UNKNOWN,
    at_least,
    avoidable_cost_text,
    is_done,
    not_counted_yet,
    saving_rich,
)
from .improvements import ImprovementRow, improvement_row
from .outline import (
    DATA_TO_CAPTURE,
    PERSONA_CHANNELS,
    RANKED_PLAN,
    TODAY_AND_TOMORROW,
    WHERE_IT_HURTS,
    Section,
)
from .rich import Rich, listed, rich, strong
from .subject import PlanSubject

#: Items of the Now wave listed by name on the summary; the rest are counted.
NOW_LISTED = 6
#: Stages whose weakest EPIC letter the summary shows (the weakest ones, when there are more).
SUMMARY_STAGES = 12


@dataclass(frozen=True, slots=True)
class Tile:
    """One key figure: its value, big, and what it is, small."""

    value: str
    label: str


@dataclass(frozen=True, slots=True)
class NowItem:
    rank: int
    title: str
    facts: str  # owner, effort, avoidable cost


@dataclass(frozen=True, slots=True)
class Summary:
    lead: Rich
    #: The wave to start with: Now, or the first after it with an improvement that addresses
    #: bad friction (Now has no quick win); None when no improvement addresses any.
    start: Wave | None
    tomorrow: Rich | None
    personas: Rich | None
    how_sure: Rich | None
    #: how much of the friction impact rests on measured frequencies
    backed: Rich | None
    tiles: tuple[Tile, ...]
    top: tuple[ImprovementRow, ...]
    now: tuple[NowItem, ...]
    #: Why the list is not the Now wave (or is empty), and how many more are not listed.
    no_now: str | None
    more_now: str | None
    #: The improvements left off the list because they are done already.
    done: Rich | None
    measure_first: Rich | None
    #: What "≥" means, when an amount shown (top list, Now list) has it; else None.
    at_least_key: str | None


def summary(subject: PlanSubject) -> Summary:
    start = start_wave(subject.plan)
    listed = starters(subject.plan, start)
    # Improvements that address nothing, all at P 0, are no ranking to show.
    top = subject.plan.top_improvements if _addressing(subject.plan) else ()
    shown = (*top, *listed[:NOW_LISTED])
    return Summary(
        lead=rich(_lead(subject, start, listed), _persona_scope(subject)),
        start=start,
        tomorrow=_tomorrow(subject),
        personas=_personas(subject),
        how_sure=_how_sure(subject) if _to_decide(subject.plan) else None,
        backed=_backed(subject),
        tiles=tiles(subject, start),
        top=tuple(improvement_row(subject, s) for s in top),
        now=tuple(_now_item(subject, s) for s in listed[:NOW_LISTED]),
        no_now=_no_now(subject, start),
        more_now=_more_now(subject, start, len(listed) - NOW_LISTED),
        done=_done(subject, start),
        measure_first=_measure_first(subject) if _to_decide(subject.plan) else None,
        at_least_key=AT_LEAST_KEY if any(at_least(s) for s in shown) else None,
    )


def start_wave(plan: Plan) -> Wave | None:
    """The first wave, Now first, with an improvement to start: one that addresses bad
    friction and is not done; None when none is left (nothing to start), or while nothing
    is counted (every improvement then reads as low impact: a wave of money pits)."""
    if not_counted_yet(plan):
        return None
    for wave in Wave:
        if any(_to_start(score) for score in plan.waves[wave]):
            return wave
    return None


def starters(plan: Plan, start: Wave | None) -> list[ImprovementScore]:
    """The improvements of the wave to start with, by priority, but for any that address
    no bad friction (a fill-in, with nothing to gain until it is linked) or are done."""
    return [] if start is None else [s for s in plan.waves[start] if _to_start(s)]


def _to_start(score: ImprovementScore) -> bool:
    return bool(score.frictions) and not is_done(score)


def _to_decide(plan: Plan) -> bool:
    """Some improvement that addresses bad friction is not done: how sure its rank is, and
    what to measure first, are worth a manager's time (with all done, they decide nothing)."""
    return any(not is_done(score) for score in _addressing(plan))


def _addressing(plan: Plan) -> list[ImprovementScore]:
    """The improvements that address bad friction, done or not, by rank."""
    return [score for score in plan.improvements if score.frictions]


def start_heading(said: Summary) -> str:
    """The heading of the list of improvements to start with."""
    if said.start is None:
        return "Start now: nothing yet"
    return f"Start now: the {said.start.value} wave"


def _no_now(subject: PlanSubject, start: Wave | None) -> str | None:
    plan = subject.plan
    if start is Wave.NOW:
        return None
    if not plan.improvements:
        return "Nothing to start until improvements are added."
    if not _addressing(plan):
        return "Nothing to start: no improvement addresses a bad friction point yet."
    if not_counted_yet(plan):
        return "Nothing to start yet: the friction points behind the improvements have no count."
    if start is None:
        return "Nothing to start: every improvement that addresses a bad friction point is done."
    if plan.waves[Wave.NOW]:
        return (
            f"Every quick win is done. Start with the {start.value} wave, the {WAVE_KINDS[start]}s:"
        )
    return (
        "No quick wins: every improvement is either low impact or high effort. Start with the "
        f"{start.value} wave, the {WAVE_KINDS[start]}s:"
    )


def _done(subject: PlanSubject, start: Wave | None) -> Rich | None:
    """The done improvements of the waves up to the one to start with: a list to start
    from would otherwise hold them, or would seem to have forgotten them."""
    waves = list(Wave) if start is None else list(Wave)[: list(Wave).index(start) + 1]
    done = [s for wave in waves for s in subject.plan.waves[wave] if s.frictions and is_done(s)]
    if not done:
        return None
    more = len(done) - NOW_LISTED
    named = listed(
        [rich(f"#{s.rank} ", s.title) for s in done[:NOW_LISTED]]
        + ([f"{more:,} more"] if more > 0 else [])
    )
    return rich("Done already, so not listed: ", named, ".")


def _in(subject: PlanSubject, section: Section, before: str = " (", after: str = ")") -> str:
    said = subject.where(section)
    return f"{before}{said}{after}" if said else ""


def _lead(subject: PlanSubject, start: Wave | None, listed: list[ImprovementScore]) -> Rich:
    """``listed``: the improvements of the wave to start with (``starters``)."""
    plan = subject.plan
    count = len(plan.improvements)
    frictions = fmt.plural(len(plan.frictions), "friction point")
    if not count:
        return rich(
            f"The blueprint records {frictions} but no improvements yet. Add improvements that "
            f"address {'it' if len(plan.frictions) == 1 else 'them'} to get a ranked plan."
        )
    addressing = _addressing(plan)
    if not addressing:
        if all(score.good_friction_ids for score in plan.improvements):
            them = "it is" if count == 1 else "they are"
            return rich(
                f"{'The one improvement addresses' if count == 1 else 'The improvements address'}"
                f" only friction points marked good (deliberate friction, kept on purpose), so "
                f"nothing is ranked for removal: mark as bad the friction points {them} meant "
                "to remove."
            )
        if count == 1:
            return rich(
                "The one improvement addresses no bad friction point yet: link it to the "
                "friction points it would remove, and the plan ranks it."
            )
        return rich(
            f"None of the {fmt.plural(count, 'improvement')} addresses a bad friction point "
            "yet: link each to the friction points it would remove, and the plan ranks them."
        )
    addressed = fmt.plural(len(subject.ranks_by_friction), "friction point")
    verb, they = ("addresses", "it") if count == 1 else ("address", "together they")
    saving = saving_rich(plan, subject.channel_names, subject.bp.currency)
    finished = sum(1 for score in plan.improvements if is_done(score))
    improvements = fmt.plural(count, "improvement") + (
        f" ({finished:,} done already)" if finished and start is not None else ""
    )
    said = rich(f"{improvements} {verb} {addressed}; {they} ", saving)
    if not_counted_yet(plan):
        return rich(said, ". Until they are counted the waves rank nothing: count them first.")
    if start is None:
        done = (
            "It is done"
            if count == 1
            else "All of them are done"
            if len(addressing) == count
            else "Every one that addresses a bad friction point is done"
        )
        return rich(said, f". {done}: nothing is left to start.")
    return rich(
        said,
        ". Start with the ",
        strong(start.value),
        f" wave ({fmt.plural(len(listed), WAVE_KINDS[start])}): {WAVE_REASONS[start]}.",
        _wave_buys(subject, start, listed),
    )


def _persona_scope(subject: PlanSubject) -> Rich | str:
    """For a plan of one persona, whose customers its figures count: every customer at the
    persona's touchpoints (a touchpoint for no persona in particular is for all), not the
    persona's alone; a manager read $952,116 as what a persona of 12% of customers costs."""
    name = subject.persona_name
    if name is None or not _addressing(subject.plan):
        return ""
    persona = next((p for p in subject.bp.personas if p.id == subject.plan.persona_id), None)
    whose = (
        f"those of the persona's {fmt.percent(persona.share / 100)} of customers"
        if persona is not None and persona.share is not None
        else "the persona's"
    )
    # No number right after the name: after a right-to-left one, the deck drew it in the
    # name's direction ("50 ,<name>% of customers").
    return rich(
        " The plan keeps the touchpoints that apply to ",
        name,
        f" but counts every customer who passes them: its figures are not {whose} alone.",
    )


def _wave_buys(subject: PlanSubject, start: Wave, wave: list[ImprovementScore]) -> Rich | str:
    """What the wave to start with buys on its own: the total above is every improvement
    made, money pits included, and a manager decides on the first step."""
    plan = subject.plan
    if len(wave) == len(plan.improvements):
        return ""
    cost = total_avoidable_cost(wave)
    frictions = {f.friction_id: f for score in wave for f in score.frictions}
    lost = lost_journeys(frictions.values())
    gains = []
    if cost:
        some_unknown = any(score.cost_unknown_channel_ids for score in wave)
        gains.append(
            f"{'at least ' if some_unknown else ''}{subject.money(cost)} a year in contacts"
        )
    if lost:
        gains.append(f"{fmt.whole(lost)} lost journeys a year")
    if not gains:
        return ""
    return rich(f" The {start.value} wave alone would avoid ", strong(" and ".join(gains)), ".")


def _tomorrow(subject: PlanSubject) -> Rich | None:
    """The future state's headline gain, in one sentence, when the blueprint draws one."""
    comparison = subject.comparison
    if comparison is None:
        return None
    where = _in(subject, TODAY_AND_TOMORROW)
    sentence = headline_sentence(comparison.whole, comparison.currency, where, comparison.names)
    if sentence is None:
        sentence = f"The future state drawn in this blueprint{where} changes none of its figures."
    return rich(strong("Tomorrow:"), " ", sentence, _brought_about(subject, comparison))


def _brought_about(subject: PlanSubject, comparison: Comparison) -> str:
    """Which improvements of the plan bring the future state about: a manager read what it
    saves beside what the improvements avoid, with nothing linking the two."""
    changed = {d.entity_id for d in comparison.differences}
    rank_of = {s.improvement_id: s.rank for s in subject.plan.improvements}
    ranks = sorted(
        rank_of[i.id]
        for i in subject.bp.improvements
        if i.id in rank_of and changed & {*i.brings_about}
    )
    if not ranks:
        return ""
    marks = fmt.join_words([f"#{rank}" for rank in ranks])
    if len(ranks) == 1:
        return f" Improvement {marks} brings it about."
    return f" Improvements {marks} bring it about."


def _personas(subject: PlanSubject) -> Rich | None:
    """How well the journey fits each persona's preferred channels."""
    fits = subject.persona_channel_fits
    if not fits:
        return None
    where = _in(subject, PERSONA_CHANNELS)
    if len(fits) > 1 and all(fit.channel_fit is None for fit in fits):
        # "Gold not known, Family not known and Solo not known" told nothing, three times.
        return rich(
            strong("Channel fit by persona"),
            f": not known for any of the {count_word(len(fits))} personas: at the stages "
            f"where each names a preferred channel, no touchpoint applies to it{where}.",
        )
    parts: list = [
        strong("Channel fit by persona"),
        " (share of its touchpoints in the channel it prefers, over the stages where it "
        f"names one{_in(subject, PERSONA_CHANNELS, '; ', '')}): ",
    ]
    for i, fit in enumerate(fits):
        if i:
            parts.append(", " if i < len(fits) - 1 else " and ")
        # The name on its own: a space inside it went with a right-to-left name's run
        # ("Family عائلة25%").
        parts += [fit.name, " ", strong(fmt.channel_fit_text(fit))]
    parts.append(".")
    return rich(*parts)


def _how_sure(subject: PlanSubject) -> Rich | None:
    """The one sentence on how stable the plan is, and where that is explained."""
    certainty = subject.certainty
    if certainty is None or not (sentence := stability_sentence(subject.plan, certainty)):
        return None
    where = _in(subject, DATA_TO_CAPTURE) if certainty.decisive else ""
    return rich(strong(sentence), where)


def _backed(subject: PlanSubject) -> Rich | None:
    """The one sentence on how much of the friction impact rests on measured data."""
    sentence = impact_backing_sentence(impact_backing(subject.plan))
    if sentence is None:
        return None
    return rich(sentence, _in(subject, DATA_TO_CAPTURE))


def tiles(subject: PlanSubject, start: Wave | None) -> tuple[Tile, ...]:
    """The six key figures: avoidable cost, lost journeys, failure demand, channel
    switches, the weakest EPIC letter and the size of the Now wave."""
    plan = subject.plan
    unknown = [subject.channel_names.get(c, c) for c in plan.cost_unknown_channel_ids]
    count = len(plan.improvements)
    cost_label = "avoidable cost a year" + (
        f", with {fmt.every(count, 'improvement')} made" if count > 1 else ""
    )
    if unknown:
        cost_label += f"; cost unknown for {fmt.join_words(unknown)} (counted as 0)"
    share = plan.failure_demand.share
    if not count:
        cost = Tile(fmt.DASH, "avoidable cost a year: nothing planned to avoid it")
    elif not _addressing(plan):
        cost = Tile(
            fmt.DASH, "avoidable cost a year: no improvement addresses a bad friction point yet"
        )
    elif (unknown or not_counted_yet(plan)) and not plan.total_avoidable_cost:
        cost = Tile(fmt.NOT_KNOWN, cost_label)
    else:
        cost = Tile(subject.money(plan.total_avoidable_cost), cost_label)
    return (
        cost,
        _lost_journeys_tile(plan),
        Tile(
            fmt.percent(share) if share is not None else fmt.NOT_KNOWN,
            "failure demand: share of contacts caused by something not done, or not done right"
            if share is not None
            else _no_failure_demand(subject),
        ),
        Tile(
            fmt.whole(len(plan.channel_switches)),
            "channel switches: steps where the journey changes channel",
        ),
        _weakest_tile(subject),
        _now_tile(plan, start),
    )


def _now_tile(plan: Plan, start: Wave | None) -> Tile:
    """The size of the Now wave, and, when some of it is done already, how many are left to
    start: the number the lead gives ("the Now wave (2 quick wins)" beside a tile of 3).
    Without quick wins, the wave to start with: a big "0" headlined the page."""
    now = plan.waves[Wave.NOW]
    if not now:
        if start is None:
            return Tile("None", "quick wins: no improvement is high impact and low effort")
        count = len(plan.waves[start])
        kind = WAVE_KINDS[start] + ("" if count == 1 else "s")
        noun = "improvement" if count == 1 else "improvements"
        return Tile(
            fmt.whole(count), f"{noun} in the {start.value} wave ({kind}) to start: no quick wins"
        )
    label = (
        "improvement in the Now wave (a quick win)"
        if len(now) == 1
        else "improvements in the Now wave (quick wins)"
    )
    done = sum(1 for score in now if is_done(score))
    if done:
        label += f": {len(now) - done:,} to start, {done:,} done already"
    return Tile(fmt.whole(len(now)), label)


def _lost_journeys_tile(plan: Plan) -> Tile:
    """Lost journeys a year; "not known" where customers give up at friction points with no
    count yet (a 0 read as nobody giving up)."""
    uncounted = [
        f
        for f in plan.frictions
        if f.gives_up
        and not f.good
        and not f.count
        and f.source != FrequencySource.MEASURED  # measured at 0: nobody gave up, known
    ]
    if plan.lost_journeys or not uncounted:
        return Tile(fmt.whole(plan.lost_journeys), "lost journeys a year: customers who give up")
    verb = "has" if len(uncounted) == 1 else "have"
    return Tile(
        fmt.NOT_KNOWN,
        f"lost journeys a year: {fmt.plural(len(uncounted), 'friction point')} where customers "
        f"give up {verb} no count yet",
    )


def _no_failure_demand(subject: PlanSubject) -> str:
    """Why there is no failure-demand share: no friction point names a contact reason, or
    those that do have no count yet."""
    named = subject.frictions_by_id
    linked = [f for f in subject.plan.frictions if named[f.friction_id].contact_reason_id]
    if linked:
        return "failure demand: the friction points linked to a contact reason have no count yet"
    return "failure demand: no friction point is linked to a contact reason"


def _weakest_tile(subject: PlanSubject) -> Tile:
    overall = subject.plan.epic_overall
    if overall.weakest is None:
        return Tile(fmt.DASH, "weakest EPIC letter: no touchpoint has EPIC scores yet")
    letter = overall.weakest
    mean = overall.letters[letter]
    scoring = overall.letter_scored[letter]
    return Tile(
        f"{letter.value} · {LETTER_NAMES[letter]}",
        f"weakest EPIC letter: mean {fmt.decimal(mean or 0)} of 5 over the "
        f"{fmt.plural(scoring, 'touchpoint')} that {'scores' if scoring == 1 else 'score'} it",
    )


def _now_item(subject: PlanSubject, score: ImprovementScore) -> NowItem:
    cost = avoidable_cost_text(score, subject.bp.currency)
    facts = [f"effort {score.effort}"]
    # Customers who give up make no contact: what that saves is journeys, not contacts.
    if score.avoidable_cost or score.cost_unknown_channel_ids or not score.lost_journeys:
        facts.append(cost if cost == COST_UNKNOWN else f"{cost} a year")
    if score.lost_journeys:
        lost = fmt.plural(fmt.half_up(score.lost_journeys), "lost journey")
        facts.append(f"{lost} a year saved")
    if score.owner.strip():
        facts.insert(0, f"owner {score.owner}")
    if score.status == Status.IN_PROGRESS:
        facts.insert(0, "in progress")
    return NowItem(score.rank, score.title, ", ".join(facts))


def _more_now(subject: PlanSubject, start: Wave | None, more: int) -> str | None:
    if start is None or more <= 0:
        return None
    noun = f"more {WAVE_KINDS[start]}"
    return f"… and {fmt.plural(more, noun)}{_in(subject, RANKED_PLAN, ' in ', '')}."


def _measure_first(subject: PlanSubject) -> Rich | None:
    certainty = subject.certainty
    if certainty is None or not certainty.measure_first:
        return None
    first = certainty.decisive or certainty.measure_first[:1]
    guessed = len(certainty.measure_first)
    more = len(first) - 3
    return rich(
        strong("Measure first:"),
        " ",
        listed(
            [rich("‘", m.title, "’") for m in first[:3]] + ([f"{more:,} more"] if more > 0 else [])
        ),
        f", {_why_first(certainty)}; "
        f"{fmt.plural(guessed, 'friction point')} behind the improvements "
        f"{'has' if guessed == 1 else 'have'} an estimated or unknown frequency"
        f"{_in(subject, DATA_TO_CAPTURE)}.",
    )


def _why_first(certainty: Certainty) -> str:
    """Why the first of the list is first: decisive, the largest swing, or (a swing of 0)
    no count given yet, which no plausible case can move."""
    if certainty.decisive:
        return "decisive"
    first = certainty.measure_first[0]
    return "the largest swing" if first.swing else "no count given yet"


def epic_by_stage(subject: PlanSubject) -> tuple[list[tuple[str, str, str]], str | None]:
    """(stage, weakest letter, EPIC index) rows, and a note when only the weakest stages
    are shown."""
    plan, stages = subject.plan, subject.bp.stages
    if len(stages) > SUMMARY_STAGES:  # the weakest stages only: the rest are in Where it hurts
        index = {s.id: plan.epic_by_stage[s.id].index for s in stages}
        ranked = sorted(index, key=lambda sid: (index[sid] is None, index[sid] or 0))
        shown = set(ranked[:SUMMARY_STAGES])
        stages = [s for s in stages if s.id in shown]
    rows = []
    for stage in stages:
        epic = plan.epic_by_stage.get(stage.id)
        if epic is None or epic.weakest is None:
            rows.append((stage.name, fmt.DASH, fmt.DASH))
            continue
        letter = epic.weakest
        rows.append(
            (stage.name, f"{letter.value} · {LETTER_NAMES[letter]}", fmt.whole(epic.index or 0))
        )
    note = None
    if len(subject.bp.stages) > SUMMARY_STAGES:
        note = (
            f"The {SUMMARY_STAGES} stages with the lowest EPIC index; all "
            f"{len(subject.bp.stages)}{_in(subject, WHERE_IT_HURTS, ' in ', '')}."
        )
    return rows, note
