"""Numbers, money, dates and the names of the method, as the plan prints them."""

from __future__ import annotations

import datetime
import math
import re

from ..analysis import PersonaChannelFit, Wave
from ..model import Period
from ..model.defaults import STEP_NAMES

CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
PERIOD_WORDS = {
    Period.DAY: "day",
    Period.WEEK: "week",
    Period.MONTH: "month",
    Period.QUARTER: "quarter",
    Period.YEAR: "year",
}
DASH = "–"
#: A figure that cannot be computed yet (a count or a cost not given), shown where it stands.
NOT_KNOWN = "not known"
#: What each wave holds: one of its improvements, and why it is in that wave.
WAVE_KINDS = {
    Wave.NOW: "quick win",
    Wave.NEXT: "big bet",
    Wave.LATER: "fill-in",
    Wave.RECONSIDER: "money pit",
}
WAVE_REASONS = {
    Wave.NOW: "high impact, low effort",
    Wave.NEXT: "high impact, high effort",
    Wave.LATER: "low impact, low effort",
    Wave.RECONSIDER: "low impact, high effort",
}
WAVE_MEANINGS = {wave: f"{WAVE_KINDS[wave]}s: {WAVE_REASONS[wave]}" for wave in Wave}


def half_up(value: float) -> int:
    """The nearest whole number, a half away from zero (2.5 is 3, -2.5 is -3), as a reader
    rounds; Python's ``round`` makes 2.5 2."""
    below = math.floor(value)
    if value - below == 0.5:  # exact: a float minus its whole part loses nothing
        return below + 1 if value > 0 else below
    return round(value)


def money(amount: float, currency: str) -> str:
    """``€ 179,402`` for EUR, GBP and USD; ``CHF 179,402`` for any other ISO code. An
    amount that rounds to 0 but is not 0 is ``under € 1`` ("would avoid about € 0 a year"
    read as nothing)."""
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    if 0 < abs(amount) < 0.5:
        return f"{'-' if amount < 0 else ''}under {symbol} 1"
    return f"{symbol} {half_up(amount):,}"


NO_BREAK_SPACE = "\u00a0"
#: The space of ``money``'s ``€ 179,402`` or ``CHF 179,402`` (signed or not), before a digit,
#: and the one after "≥" (at least) before an amount.
_AT_LEAST = r"(?<=≥) (?=[-€£$A-Z])"
_AT_LEAST_SPACE = re.compile(_AT_LEAST)
_MONEY_SPACE = re.compile(rf"(?<=[€£$]) (?=\d)|(?<=\b[A-Z]{{3}}) (?=\d)|{_AT_LEAST}")


def unbroken_money(text: str) -> str:
    """``text`` with a no-break space between each currency and its amount, for text set in
    lines of a page: a line never ends on ``about £`` with the amount on the next. (The
    space is drawn as any other; text for a terminal or a file keeps the plain one.)"""
    return _MONEY_SPACE.sub(NO_BREAK_SPACE, text)


def unbroken_at_least(text: str) -> str:
    """``text`` with "≥" (at least) kept with the amount after it, and nothing else joined:
    a table cell may still break after a currency (``≥ IDR`` over its number)."""
    return _AT_LEAST_SPACE.sub(NO_BREAK_SPACE, text)


def whole(value: float) -> str:
    """A count or an impact: whole, with thousands separators."""
    return f"{half_up(value):,}"


def decimal(value: float, places: int = 1) -> str:
    """A value where small numbers matter: ``2.5``, ``12.3``; thousands get a separator. A
    half rounds away from zero as a reader rounds it: a mean of 9 / 4 is ``2.3``, and one of
    43 / 20 (2.15, a float a hair below it) ``2.2``."""
    scale = 10**places
    return f"{half_up(value * scale) / scale:,.{places}f}"


def number(value: float) -> str:
    """Whole above 100, one decimal below: the precision a reader can use. Nothing but 0 is
    0: a value too small for a decimal has two significant digits ("0.0012"; every priority
    of a blueprint of rare friction read "0.0", a ranking with no visible ground), and one
    below a millionth reads "<0.000001"."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return whole(value)
    if abs(value) >= 0.05:
        return decimal(value)
    if abs(value) < 0.000001:
        return f"{'-' if value < 0 else ''}<0.000001"
    return decimal(value, min(6, 1 - math.floor(math.log10(abs(value)))))


def frequency(count: float, period: str) -> str:
    """``12 / week``; a count of 0 is a frequency nobody has given yet: ``unknown``."""
    return f"{number(count)} / {PERIOD_WORDS[period]}" if count else "unknown"


def compact(value: float) -> str:
    """A short number for a narrow cell: ``950``, ``12,536``, ``184k``, ``3.2M``, ``41bn``
    (``486,666,667M`` was a thousand billion, unreadable)."""
    if value >= 999_500_000_000:
        return f"{value / 1e12:,.1f}tn" if value < 9_999_500_000_000 else f"{value / 1e12:,.0f}tn"
    if value >= 999_500_000:
        return f"{value / 1e9:.1f}bn" if value < 9_999_500_000 else f"{value / 1e9:,.0f}bn"
    if value >= 9_999_500:
        return f"{value / 1_000_000:,.0f}M"
    if value >= 999_500:
        return f"{value / 1_000_000:.1f}M"
    if value >= 99_950:
        return f"{value / 1000:,.0f}k"
    return number(value)


def percent(share: float) -> str:
    """``23%`` for 0.225: a half rounds up, as every other number of the plan (the float
    noise of ``share * 100`` is dropped first, so 0.145 is 15%)."""
    return f"{half_up(round(share * 100, 9))}%"


def percents(shares: list[float]) -> list[str]:
    """Shares of one whole as percentages shown together, adding up to what their sum
    rounds to (100 for a whole): each rounded down, then the points left given to those
    with the largest remainders. A share above 0 shown as 0 reads ``<1%``, one below 1
    shown as 100 ``over 99%``. One share alone rounds as ``percent`` does."""
    hundredths = [round(share * 100, 9) for share in shares]  # the float noise dropped
    shown = [math.floor(h) for h in hundredths]
    left = half_up(sum(hundredths)) - sum(shown)
    largest = sorted(range(len(shares)), key=lambda i: (shown[i] - hundredths[i], -hundredths[i]))
    for i in largest[: max(0, left)]:
        shown[i] += 1
    return [_percent_shown(share, points) for share, points in zip(shares, shown, strict=True)]


def _percent_shown(share: float, points: int) -> str:
    if share > 0 and points == 0:
        return "<1%"
    if share < 1 and points >= 100:
        return "over 99%"
    return f"{points}%"


def long_date(day: datetime.date) -> str:
    """``23 November 2026``: the same in every locale, so the output does not vary."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def step_label(step: int) -> str:
    return f"{step} {STEP_NAMES.get(step, '')}".strip()


def lift_text(current: int | None, target: int, lift: int | None) -> str:
    """``1 → 4 (+3)``; a dash when there is no current step (no linked bad friction)."""
    if current is None or lift is None:
        return DASH
    return f"{current} → {target} ({lift:+d})"


def plural(count: int, noun: str, many: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else (many or noun + 's')}"


def every(count: int, noun: str, many: str | None = None) -> str:
    """``both improvements``, ``all 3 improvements``: every one of ``count`` things (two
    or more)."""
    plural_noun = many or noun + "s"
    return f"both {plural_noun}" if count == 2 else f"all {count:,} {plural_noun}"


def join_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def channel_fit_text(fit: PersonaChannelFit) -> str:
    """``67%``; ``not known`` when no stage with a preference has a touchpoint for it."""
    return percent(fit.channel_fit) if fit.channel_fit is not None else NOT_KNOWN
