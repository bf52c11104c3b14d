"""Two states of the journey in words and numbers: the same for the PDF and the command line.

No reportlab here (as in ``saving``): the command line and the editor print the same text.
"""

from __future__ import annotations

from collections.abc import Callable

from ..changes import Change, Comparison, FiguresDelta, Unit
from ..changes.compare import FRICTION_COST, FRICTION_IMPACT, LOST_JOURNEYS
from ..model import EpicLetter
from . import formatting as fmt

#: How a delta of a bounded figure is counted.
_POINTS = {Unit.PERCENT, Unit.INDEX}


def value_text(change: Change, value: float | None, currency: str) -> str:
    """One side of a figure as the plan prints it: ``£ 7,200``, ``25.7%``, ``38``. A share
    has the decimal its change in points has: "76% -> 68%, -7.7 points" did not add up."""
    if value is None:
        return fmt.DASH
    unit = change.measure.unit
    if unit == Unit.MONEY:
        return fmt.money(value, currency)
    if unit == Unit.PERCENT:
        return f"{fmt.decimal(value)}%"
    if unit == Unit.EMOTION:
        return f"{value:+.1f}" if value else "0"
    if unit == Unit.COUNT:
        return fmt.whole(value)
    if unit == Unit.INDEX:
        return fmt.decimal(value)
    return number_text(value)


def number_text(value: float) -> str:
    """A reach or an impact: whole when it is whole or large, else one decimal."""
    return fmt.whole(value) if _shown_whole(value) else fmt.decimal(value)


def _shown_whole(value: float) -> bool:
    return value == round(value) or abs(value) >= 100


def below_shown(delta: float) -> bool:
    """A change too small for one decimal (``0.0``): neither a rise nor a fall to a reader,
    so it gets no sign (``-0.0`` reads as a fall of nothing)."""
    return fmt.half_up(abs(delta) * 10) == 0


def signed_number(change: float) -> str | None:
    """A change of a reach, signed: ``+1.5``, ``-12``; None when none is shown."""
    if below_shown(change):
        return None
    return ("+" if change > 0 else "-") + number_text(abs(change))


def shown_delta(change: Change) -> float | None:
    """The change as the reader can check it against the two values shown: when both are
    shown as whole numbers, the difference of those (86,853 -> 60,579 is -26,274, though the
    values before rounding differ by 26,273.2)."""
    delta, before, after = change.delta, change.before, change.after
    if delta is None or before is None or after is None:
        return delta
    unit = change.measure.unit
    # Money and counts are always whole; a reach or an impact as ``number_text`` shows it.
    whole = unit in (Unit.MONEY, Unit.COUNT) or (
        unit not in _POINTS
        and unit != Unit.EMOTION
        and _shown_whole(before)
        and _shown_whole(after)
    )
    return float(fmt.half_up(after) - fmt.half_up(before)) if whole else delta


def delta_text(change: Change, currency: str) -> str:
    """The change, signed: ``-£ 6,480``, ``-22.0 points``, ``+1``, ``0``."""
    delta = shown_delta(change)
    if delta is None:
        return fmt.DASH
    if not delta:
        return "0"
    if below_shown(delta):
        return _amount(change, 0.0, currency) if change.measure.unit in _POINTS else "0.0"
    sign = "+" if delta > 0 else "-"
    return sign + _amount(change, abs(delta), currency)


def _amount(change: Change, amount: float, currency: str) -> str:
    """A size of a change without its sign: ``£ 6,480``, ``21.9 points``, ``1``."""
    unit = change.measure.unit
    if unit in _POINTS:
        return f"{fmt.decimal(amount)} points"
    if unit == Unit.EMOTION:
        return fmt.decimal(amount)
    if unit == Unit.MONEY:
        return fmt.money(amount, currency)
    if unit == Unit.COUNT:
        return fmt.whole(amount)
    return number_text(amount)


def change_sentence(change: Change, currency: str) -> str:
    """``Friction cost a year falls by £ 6,480, from £ 7,200 to £ 720.``"""
    delta = shown_delta(change)
    label = change.measure.label
    if delta is None:
        return f"{label}: {value_text(change, change.before, currency)} before, " + (
            f"{value_text(change, change.after, currency)} after."
        )
    if not delta:
        return f"{label} stays at {value_text(change, change.after, currency)}."
    verb = ("fall" if delta < 0 else "rise") + ("" if change.measure.plural else "s")
    by = _amount(change, abs(delta), currency)
    if below_shown(delta):
        by = "less than " + (
            _amount(change, 0.1, currency) if change.measure.unit in _POINTS else "0.1"
        )
    return (
        f"{label} {verb} by {by}, from "
        f"{value_text(change, change.before, currency)} to "
        f"{value_text(change, change.after, currency)}."
    )


def biggest_shown(delta: FiguresDelta, count: int = 3) -> tuple[Change, ...]:
    """The biggest changes a reader sees as changes: not one whose two values are shown
    alike ("Friction impact stays at 374" was the biggest change of 373.5 to 373.8)."""
    return delta.biggest(count, lambda change: shown_delta(change) != 0)


def shown_cut(delta: FiguresDelta) -> float:
    """What the friction cost falls by (negative: rises by), as its two amounts shown
    subtract."""
    shown = shown_delta(delta.change(FRICTION_COST))
    return delta.avoidable_cost if shown is None else -shown


def avoidable_text(delta: FiguresDelta, currency: str) -> str:
    """The avoidable cost a year: ``£ 6,480``, or ``none (rises by £ 570)``, never a
    negative amount."""
    cut = shown_cut(delta)
    if cut >= 0:
        return fmt.money(cut, currency)
    return f"none (rises by {fmt.money(-cut, currency)})"


def headline_sentence(
    delta: FiguresDelta, currency: str, where: str = "", names: dict[str, str] | None = None
) -> str | None:
    """The future state's headline in one sentence: the contact cost it cuts (and the lost
    journeys it saves) when it cuts any, else what it saves of lost journeys and friction
    impact; and, after a "but", which of those three gets worse. A future that cuts the
    cost while more customers give up says the loss first, and the cut as no saving for
    those who give up. Else its biggest change; None when nothing changes.
    ``where`` follows the subject, e.g. `` (section 2)``; ``names`` names the channels
    (by id) whose cost per contact is not set."""
    subject = f"The future state drawn in this blueprint{where}"
    cost = delta.change(FRICTION_COST)
    lost, impact = delta.change(LOST_JOURNEYS), delta.change(FRICTION_IMPACT)
    gains: list[str] = []
    if delta.avoidable_cost > 0:
        bound, note = _cost_bound(delta, names or {})
        gain = (
            f"cut the friction cost by {bound} {fmt.money(shown_cut(delta), currency)} "
            f"a year, from {value_text(cost, cost.before, currency)} to "
            f"{value_text(cost, cost.after, currency)}{note}"
        )
        gains.append(gain)
    if lost.better:
        gains.append(f"save {_amount(lost, -(lost.delta or 0.0), currency)} lost journeys a year")
    if impact.better and delta.avoidable_cost <= 0:
        gains.append(f"cut the friction impact by {_percent_of(impact)}")
    rises = (
        (cost, f"the friction cost rises by {_amount(cost, cost.delta or 0.0, currency)} a year"),
        (lost, f"lost journeys rise by {_amount(lost, lost.delta or 0.0, currency)} a year"),
        (impact, f"the friction impact rises by {_percent_of(impact)}"),
    )
    losses = [words for change, words in rises if change.better is False]
    if gains and lost.better is False and delta.avoidable_cost > 0:
        # The cost falls as more customers give up: the loss first, and the cut said as
        # what it partly is (it read "would cut the friction cost by $1.6M" first when
        # every customer gave up).
        return (
            f"{subject}: {fmt.join_words(losses)}. It would {', and '.join(gains)}, but "
            "customers who give up make no contact: what they no longer cost is no saving."
        )
    if gains:
        sentence = f"{subject} would {', and '.join(gains)}"
        return sentence + (f", but {fmt.join_words(losses)}." if losses else ".")
    if losses:  # it led with the friction impact, a unit of the method, and not the cost
        return f"{subject} would make things worse: {fmt.join_words(losses)}."
    biggest = biggest_shown(delta, 1)
    if not biggest:
        return None
    return f"{subject}: {_mid_sentence(change_sentence(biggest[0], currency))}"


def _mid_sentence(sentence: str) -> str:
    """A sentence after a colon: "the EPIC index rises…" read "…: The EPIC index rises"."""
    first, _, rest = sentence.partition(" ")
    lower = first[:1].lower() + first[1:] if first[1:2].islower() else first
    return f"{lower} {rest}" if rest else lower


def _cost_bound(delta: FiguresDelta, names: dict[str, str]) -> tuple[str, str]:
    """How sure a cut of the friction cost is where channels have no cost per contact (they
    count 0), and the note that names them: contacts moved tomorrow into such a channel
    still happen, so the cut is at most what is shown (it was "about", and a manager read
    contacts moved to social media as a saving); contacts there today only, at least."""
    before = delta.before.cost_unknown_channel_ids
    after = delta.after.cost_unknown_channel_ids
    if not before and not after:
        return "about", ""

    def named(ids) -> str:
        return fmt.join_words([names.get(c, c) for c in dict.fromkeys(ids)])

    moved_to = [c for c in after if c not in before]
    left = [c for c in before if c not in after]
    if moved_to and not left:
        them = "it" if len(moved_to) == 1 else "them"
        return "up to", (
            f" (the contacts it moves to {named(moved_to)} still happen there, but no cost "
            f"per contact is set for {them}: they count as 0)"
        )
    if left and not moved_to:
        return "at least", (
            f" (no cost per contact is set for {named(left)}, so today's contacts there count as 0)"
        )
    return (
        "about",
        f" (in contacts whose cost is known; none is set for {named((*before, *after))})",
    )


def _percent_of(change: Change) -> str:
    """A change as a share of its value before: "60%" (the whole amount when it was 0)."""
    delta = abs(change.delta or 0.0)
    if not change.before:
        return number_text(delta)
    return fmt.percent(delta / abs(change.before))


def cost_note(delta: FiguresDelta, names: dict[str, str]) -> str | None:
    """Which landing channels have no cost per contact, counted 0 in the friction cost."""
    unknown = [names.get(c, c) for c in delta.cost_unknown_channel_ids]
    if not unknown:
        return None
    return f"cost per contact unknown for {fmt.join_words(unknown)} (counted as 0)"


def figure_sentences(comparison: Comparison) -> list[str]:
    """Every headline figure for every customer (or the persona compared), a sentence each,
    and which costs are not known: what the editor shows beside the differences."""
    whole = comparison.whole
    lines = [
        change_sentence(change, comparison.currency)
        for change in whole.headline
        if change.before is not None or change.after is not None  # else nothing to say
    ]
    note = cost_note(whole, comparison.names)
    if note:
        lines.append(f"{note[0].upper()}{note[1:]}.")
    return lines


# --- the comparison as plain text (the command line) ----------------------------------------


def comparison_lines(
    comparison: Comparison, title: str, name: Callable[[str], str] = lambda text: text
) -> list[str]:
    """The whole comparison as lines of plain text: the figures for every customer (or the
    persona asked for), the stairway, each stage, the three biggest changes, each persona,
    and what the future state changes. ``name`` cleans user text (names of stages...)."""
    names = {key: name(value) for key, value in comparison.names.items()}
    before, after = comparison.before_name, comparison.after_name
    lines = [f"{name(title)}: {before} -> {after}"]
    whole = comparison.whole
    if whole.persona_id is not None:
        lines.append(f"For persona {names.get(whole.persona_id, whole.persona_id)}")
    lines += ["", *_figures_block(whole, comparison, names)]
    biggest = biggest_shown(whole)
    lines += ["", f"The {_count_word(len(biggest))}:" if biggest else "Nothing changes."]
    lines += [f"  - {change_sentence(c, comparison.currency)}" for c in biggest]
    for persona in comparison.personas:
        persona_name = names.get(persona.persona_id or "", persona.persona_id or "")
        lines += ["", f"For persona {persona_name}", *_headline_table(persona, comparison)]
    for persona_id in comparison.unmatched_persona_ids:
        lines.append(f"Persona {names.get(persona_id, persona_id)} is in one file only.")
    if comparison.differences:
        lines += ["", f"What the future state changes ({len(comparison.differences)}):"]
        lines += [f"  - {name(d.describe())}" for d in comparison.differences]
    return lines


def _figures_block(delta: FiguresDelta, comparison: Comparison, names: dict[str, str]) -> list[str]:
    currency = comparison.currency
    lines = _headline_table(delta, comparison)
    saving = f"Avoidable cost a year: {avoidable_text(delta, currency)}"
    note = cost_note(delta, names)
    lines += ["", saving + (f"; {note}" if note else "")]
    lines += ["", "Friction landing on each step of the stairway, a month"]
    rows = [
        [
            fmt.step_label(step),
            value_text(c, c.before, currency),
            value_text(c, c.after, currency),
            delta_text(c, currency),
        ]
        for step, c in reversed(list(enumerate(delta.stairway)))
    ]
    lines += _table(["step", comparison.before_name, comparison.after_name, "change"], rows)
    lines += ["", "By stage"]
    rows = [
        [
            names.get(s.stage_id, s.stage_id),
            value_text(s.epic_index, s.epic_index.before, currency),
            value_text(s.epic_index, s.epic_index.after, currency),
            delta_text(s.epic_index, currency),
            f"{_letter(s.weakest_before)} -> {_letter(s.weakest_after)}",
            value_text(s.emotion, s.emotion.before, currency),
            value_text(s.emotion, s.emotion.after, currency),
            delta_text(s.emotion, currency),
        ]
        for s in delta.stages
    ]
    before, after = comparison.before_name, comparison.after_name
    headers = [
        "stage",
        f"EPIC {before}",
        f"EPIC {after}",
        "change",
        "weakest letter",
        f"emotion {before}",
        f"emotion {after}",
        "change",
    ]
    return lines + _table(headers, rows)


def _headline_table(delta: FiguresDelta, comparison: Comparison) -> list[str]:
    currency = comparison.currency
    rows = [
        [
            c.measure.label,
            value_text(c, c.before, currency),
            value_text(c, c.after, currency),
            delta_text(c, currency),
        ]
        for c in delta.headline
    ]
    rows.append(
        [
            "Weakest EPIC letter",
            _letter(delta.before.epic.weakest),
            _letter(delta.after.epic.weakest),
            "",
        ]
    )
    return _table(["", comparison.before_name, comparison.after_name, "change"], rows)


def _count_word(count: int) -> str:
    return "biggest change" if count == 1 else f"{('two', 'three')[count - 2]} biggest changes"


def biggest_title(count: int) -> str:
    """The heading over the biggest changes, counting them (the PDF said "three" over two,
    where the command line said "two")."""
    return f"The {_count_word(count)}" if count else "The biggest changes"


def _letter(letter: EpicLetter | None) -> str:
    return letter.value if letter else fmt.DASH


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell: the first left-aligned, the others right."""
    everything = [headers, *rows]
    widths = [max(len(row[i]) for row in everything) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        return ("  " + "  ".join(cells)).rstrip()

    return [line(row) for row in everything]
