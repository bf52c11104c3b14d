"""What a spreadsheet cell may hold, and the rules both encodings (CSV and XLSX) share.

The formula-safe rule (OWASP "CSV injection"): a text that a spreadsheet would take for a
formula is written with a leading apostrophe, in CSV and in XLSX alike, so that it is never
run, not even after someone saves the workbook as CSV and opens that; ``restore`` takes the
apostrophe off again, so the text comes back exactly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypeAlias


@dataclass(frozen=True)
class Unreadable:
    """A cell an encoding has no value for (a formula, an error value): ``reason`` says what
    it holds and what to do."""

    reason: str


class PercentCell(float):
    """A number a spreadsheet shows as a percentage: Excel keeps 55% as 0.55. A column that
    counts in percent (a persona's share, a measure's value) reads it as 55."""

    @property
    def percent(self) -> float:
        return round(float(self) * 100, 9)  # 0.55 * 100 is 55.00000000000001


#: A value as a sheet holds it, before an encoding writes it: text, a number, or nothing.
CellValue: TypeAlias = str | int | float | None
#: A cell as an encoding reads it back (a workbook also has dates and true/false cells).
RawCell: TypeAlias = str | int | float | bool | datetime | date | Unreadable | None

#: A spreadsheet runs a cell as a formula when it starts with one of these...
_FORMULA_SIGNS = "=+-@"
#: ...or with one of these (OWASP), or is a guarded text already (so ``restore`` is exact).
_UNSAFE_STARTS = ("\t", "\r", "\n", "'")
#: Blanks a spreadsheet may trim before it looks for a formula sign (" =1+1").
_BLANKS = " \t\r\n"


def is_formula_like(text: str) -> bool:
    """True for a text a spreadsheet might run as a formula, or one ``restore`` would change."""
    if text.startswith(_UNSAFE_STARTS):
        return True
    first = text.lstrip(_BLANKS)[:1]
    return first != "" and first in _FORMULA_SIGNS


def neutralise(text: str) -> str:
    """The text as a spreadsheet cell that is never run: a quote before anything formula-like."""
    return "'" + text if is_formula_like(text) else text


def restore(cell: str) -> str:
    """Undo ``neutralise``: ``restore(neutralise(text)) == text`` for every text."""
    if cell.startswith("'") and is_formula_like(cell[1:]):
        return cell[1:]
    return cell


def number_text(value: float | int) -> str:
    """A number as CSV writes it: whole numbers without '.0', others exactly (repr)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


class BadCell(ValueError):
    """A cell that cannot mean what its column says; the message says what it must be.
    ``quoted``: the message quotes the cell already (else the reader adds "(got ...)")."""

    def __init__(self, message: str, quoted: bool = False, follows: bool = False) -> None:
        super().__init__(message)
        self.quoted = quoted
        #: the cell names a row that is wrong itself: that row's problem says it all
        self.follows = follows


def clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: A number grouped in thousands by dots, with or without a decimal comma: 1.200 or 1.200,5.
_DOT_GROUPS = re.compile(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?")


def decimal(raw: str, comma_decimal: bool = False) -> float:
    """A number typed as text. A comma is a decimal mark only where the file's locale uses
    one (';' and tab separated files); elsewhere "1,200" is refused rather than guessed at."""
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    if comma_decimal and _DOT_GROUPS.fullmatch(text):
        # Where a comma marks decimals, a dot groups thousands: "1.200" is 1200 (it was read
        # as 1.2, a thousand times too small), "1.200,5" is 1200.5.
        text = text.replace(".", "")
    if "," in text:
        if not comma_decimal or "." in text:
            raise BadCell("must be a number written with a dot for decimals, like 1200 or 2.5")
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise BadCell("must be a number") from None
    if not math.isfinite(value):
        raise BadCell("must be a finite number")
    return value


def number(cell: RawCell, comma_decimal: bool = False) -> float:
    """A number cell, or a number typed as text."""
    if isinstance(cell, bool | datetime | date):
        raise BadCell("must be a number")
    if isinstance(cell, int | float):
        if not math.isfinite(cell):
            raise BadCell("must be a finite number")
        return float(cell)
    return decimal(str(cell), comma_decimal)


def whole(cell: RawCell, low: int, high: int, comma_decimal: bool = False) -> int:
    try:
        value = number(cell, comma_decimal)
    except BadCell:
        value = math.nan
    if not value.is_integer() or not low <= value <= high:
        raise BadCell(f"must be a whole number from {low} to {high}")
    return int(value)


def yes_no(cell: RawCell) -> bool:
    if isinstance(cell, bool):
        return cell
    key = str(cell).strip().casefold()
    if key in ("yes", "y", "true", "1", "x"):
        return True
    if key in ("no", "n", "false", "0"):
        return False
    raise BadCell("must be yes or no")


def choice(enum_type: type[StrEnum]) -> Callable[[RawCell], StrEnum]:
    """A parser of one of the enum's values, forgiving case, spaces and underscores."""

    def parse(cell: RawCell) -> StrEnum:
        key = " ".join(str(cell).replace("_", " ").split()).casefold()
        for member in enum_type:
            if member.value.casefold() == key:
                return member
        allowed = ", ".join(m.value for m in enum_type)
        raise BadCell(f"must be one of {allowed}")

    return parse


#: A date as a spreadsheet writes it in a CSV file in the computer's short form: day, month
#: and year between dots (30.09.2026, always the day first), or between slashes or dashes
#: (30/09/2026, 9/30/2026, 30-9-2026: either order).
_LOCAL_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
#: The year first, then the month and the day, between slashes, dots or dashes (2026/09/30).
_YEAR_FIRST = re.compile(r"(\d{4})([./-])(\d{1,2})\2(\d{1,2})")


def day_first_of(texts: Iterable[str]) -> bool | None:
    """Whether dates written with slashes or dashes put the day first, as one of them shows
    (its first number above 12: True; its second: False); None when none shows it, or they
    disagree. ``texts``: the cells of the columns read as dates, of every file a spreadsheet
    wrote at once (it writes every date alike)."""
    shown = set()
    for text in texts:
        match = _LOCAL_DATE.fullmatch(text.strip())
        if match is not None and match.group(2) != ".":
            a, b = int(match.group(1)), int(match.group(3))
            if (a > 12) != (b > 12):
                shown.add(a > 12)
    return shown.pop() if len(shown) == 1 else None


def iso_date(cell: RawCell, day_first: bool | None = None) -> str:
    """A date cell, or a date typed as text: in ISO form (2026-10-31), or in the short form
    Excel writes a CSV file's dates in when it saves it (30/09/2026, 9/30/2026, 30.09.2026)
    where that form says which is the day: dots put it first, a number above 12 can only be
    the day, and ``day_first`` is what the file's other dates show (``day_first_of``).
    Else 03/04/2026 is refused: the 3rd of April or March the 4th is a guess."""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    text = str(cell).strip()
    candidate = text[:10] if len(text) > 10 and text[10] in "T " else text
    try:
        if len(candidate) != 10:
            raise ValueError
        return date.fromisoformat(candidate).isoformat()
    except ValueError:
        pass
    local = _LOCAL_DATE.fullmatch(text)
    if local is not None:
        return _local_date(text, local, day_first)
    year_first = _YEAR_FIRST.fullmatch(text)
    if year_first is not None:
        year, _, month, day = year_first.groups()
        return _dated(text, int(year), int(month), int(day))
    raise BadCell(
        f"must be a date: a date cell, or text written YYYY-MM-DD such as 2026-10-31 "
        f"(got {clip(text)!r})",
        quoted=True,
    )


def _local_date(text: str, match: re.Match[str], day_first: bool | None) -> str:
    first, separator, second, year = match.groups()
    a, b = int(first), int(second)
    if separator == "." or a > 12:
        day, month = a, b
    elif b > 12:
        day, month = b, a
    elif day_first is not None:
        day, month = (a, b) if day_first else (b, a)
    else:
        one, other = (_iso(year, b, a), _iso(year, a, b))
        raise BadCell(
            f"must be a date written YYYY-MM-DD: {text!r} could be {one} or {other} (a "
            "spreadsheet saving a CSV file writes dates in the computer's own form: set the "
            "column's format to yyyy-mm-dd before saving)",
            quoted=True,
        )
    return _dated(text, int(year), month, day)


def _dated(text: str, year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise BadCell(f"must be a date: there is no day {text!r}", quoted=True) from None


def _iso(year: str, month: int, day: int) -> str:
    return f"{year}-{month:02d}-{day:02d}"


def text_of(cell: RawCell) -> str:
    """Any cell as text: a number a spreadsheet made of digits typed in a text column comes
    back as those digits."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, PercentCell):
        return f"{number_text(cell.percent)}%"  # as the spreadsheet shows it
    if isinstance(cell, int | float):
        return number_text(cell)
    return cell


def shown(cell: RawCell) -> str:
    """A cell as a message quotes it."""
    return repr(clip(text_of(cell)))
