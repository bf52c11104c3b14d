"""Kinds of column: how one field of an entity becomes a cell, and a cell becomes the field.

Each kind writes a ``CellValue`` (text, a number, or nothing) and reads a ``RawCell`` (what
an encoding hands back, dates and true/false included). Reading returns ``OMIT`` for an
empty cell, so the field keeps its default, and raises ``BadCell`` with what the cell must
be. The names and titles a kind needs come from ``Names`` while writing (the whole blueprint) and
a ``Lookup`` while reading (the sheets read so far).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from ...model import EpicLetter, Presence
from ...model.entities import timestamp_of
from ...model.ids import is_valid_id
from .cells import (
    BadCell,
    CellValue,
    PercentCell,
    RawCell,
    choice,
    clip,
    iso_date,
    number,
    text_of,
    whole,
    yes_no,
)

#: An empty cell: the field is left out and keeps its default.
OMIT: Any = type("Omit", (), {"__repr__": lambda self: "OMIT"})()
#: The field's owner is absent (no future values at all): nothing to write.
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
LIST_SEPARATOR = "; "
REASON_SEPARATOR = " > "
#: In a future EPIC column: the letter has no score tomorrow (empty: tomorrow keeps today's).
NO_SCORE = "none"


class Names(Protocol):
    """Names and titles by id, for writing the kinds that show names."""

    def name_of(self, collection: str, entity_id: str) -> str: ...

    def reason_path(self, reason_id: str) -> str: ...

    def reason_demand(self, reason_id: str) -> str: ...


class Lookup(Names, Protocol):
    """What reading needs too: ids by name or title (``BadCell`` when none is found)."""

    def id_named(self, collection: str, name: str) -> str: ...

    def names(self, collection: str) -> Sequence[str]: ...

    def touchpoint_titled(self, title: str) -> str: ...

    def any_touchpoint_titled(self, title: str) -> bool: ...

    def reason_at(self, path: str) -> str: ...

    def touchpoint_state(self, touchpoint_id: str) -> Presence | None: ...


class Row(Protocol):
    """The row being read: its other cells (for a kind that reads a pair of columns), and
    whether its numbers may have a decimal comma and its dates the day first."""

    comma_decimal: bool
    day_first: bool | None

    def cell(self, column: str) -> RawCell: ...


def _blank(cell: RawCell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


@dataclass(frozen=True)
class Kind:
    """Free text, kept exactly; an empty cell is an empty text."""

    #: what a spreadsheet should offer as a drop-down (fixed choices)
    choices: tuple[str, ...] = ()
    #: whole numbers from..to, which a spreadsheet checks as they are typed
    bounds: tuple[int, int] | None = None
    #: the drop-down lists the names of this collection (a sheet of the workbook)
    names_from: str | None = None
    #: what to type in a cell an export filled and someone emptied
    typed: str = "a number"

    def write(self, value: Any, names: Names) -> CellValue:
        if value is MISSING or value is None or value == "":
            return None
        return value

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return text_of(cell)


@dataclass(frozen=True)
class MaybeText(Kind):
    """Text that may be absent (a title tomorrow): an empty cell is no text at all."""

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return OMIT if cell is None or cell == "" else text_of(cell)


@dataclass(frozen=True)
class Word(Kind):
    """An id, a reference to one, or a short code: surrounding blanks are noise."""

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return OMIT if _blank(cell) else text_of(cell).strip()


@dataclass(frozen=True)
class Whole(Kind):
    low: int = 0
    high: int = 0

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return OMIT if _blank(cell) else whole(cell, self.low, self.high, row.comma_decimal)


@dataclass(frozen=True)
class Amount(Kind):
    """A number; ``least`` when it may not go below it."""

    least: float | None = None

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell):
            return OMIT
        value = number(cell, row.comma_decimal)
        if self.least is not None and value < self.least:
            raise BadCell("must not be negative" if self.least == 0 else f"must be >= {self.least}")
        return value


@dataclass(frozen=True)
class Percent(Amount):
    """A number read as a spreadsheet shows it: a cell shown as a percentage (Excel keeps
    55% as 0.55) reads as 55."""

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if isinstance(cell, PercentCell):
            cell = cell.percent
        return super().read(cell, lookup, row)


@dataclass(frozen=True)
class UnitBeside(Kind):
    """A unit of the number in ``value_column``: '%' when that cell is shown as a
    percentage and the unit is left empty (as the text '12%' in Import Metrics)."""

    value_column: str = "value"

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell) and isinstance(row.cell(self.value_column), PercentCell):
            return "%"
        return text_of(cell)


@dataclass(frozen=True)
class Choice(Kind):
    enum: type[StrEnum] | None = None

    def write(self, value: Any, names: Names) -> CellValue:
        return None if value is MISSING or value is None else str(value.value)

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        assert self.enum is not None
        return OMIT if _blank(cell) else choice(self.enum)(cell)


def choice_of(enum: type[StrEnum]) -> Choice:
    return Choice(choices=tuple(m.value for m in enum), enum=enum)


@dataclass(frozen=True)
class StateOfOwners(Choice):
    """Which states a row is in (both, current, future); left empty on a new row, the
    state of the touchpoints it belongs to when one of them is in one state only (a new
    friction point of a card of today only was refused: "is in both states, but its
    touchpoint is not")."""

    #: (id column, title column) of each touchpoint the row belongs to
    owners: tuple[tuple[str, str], ...] = ()

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if not _blank(cell):
            return super().read(cell, lookup, row)
        states = {lookup.touchpoint_state(i) for i in self._owner_ids(lookup, row)}
        single = states - {Presence.BOTH, None}
        return single.pop() if len(single) == 1 else OMIT

    def _owner_ids(self, lookup: Lookup, row: Row) -> list[str]:
        found = []
        for id_column, title_column in self.owners:
            given, title = row.cell(id_column), row.cell(title_column)
            try:
                if not _blank(given):
                    found.append(text_of(given).strip())
                elif not _blank(title):
                    found.append(lookup.touchpoint_titled(text_of(title)))
            except BadCell:
                continue  # the reference column says what is wrong with it
        return found


def state_of_owners(*owners: tuple[str, str]) -> StateOfOwners:
    return StateOfOwners(choices=tuple(m.value for m in Presence), enum=Presence, owners=owners)


@dataclass(frozen=True)
class YesNo(Kind):
    def write(self, value: Any, names: Names) -> CellValue:
        if value is MISSING or value is None:
            return None
        return "yes" if value else "no"

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return OMIT if _blank(cell) else yes_no(cell)


@dataclass(frozen=True)
class Date(Kind):
    """A date, written as ISO text (2026-10-31): it sorts as a date and no spreadsheet
    reads it in another order of day and month."""

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return OMIT if _blank(cell) else iso_date(cell, row.day_first)


@dataclass(frozen=True)
class Moment(Kind):
    """A moment (when a comment was written), as the file holds it: ISO text with its
    offset. A spreadsheet's date-and-time cell, or ISO text without an offset, is a time on
    this computer's clock (Excel's cells have no offset, and every comment typed there was
    refused); a blank cell in a new row is now."""

    typed: str = "a date and time, such as 2026-12-06 19:49"

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell):
            return timestamp_of(datetime.now())
        if isinstance(cell, datetime):
            return timestamp_of(cell)
        if isinstance(cell, date):
            return timestamp_of(datetime(cell.year, cell.month, cell.day))
        text = text_of(cell).strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text  # the file's own rule says what is wrong with it
        return text if moment.tzinfo is not None else timestamp_of(moment)


@dataclass(frozen=True)
class Json(Kind):
    """Any JSON value (what a merge conflict keeps), as JSON text."""

    def write(self, value: Any, names: Names) -> CellValue:
        if value is MISSING or value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell):
            return OMIT
        try:
            return json.loads(text_of(cell))
        except ValueError:
            raise BadCell('must be a JSON value, such as "text", 3 or null') from None


@dataclass(frozen=True)
class IdList(Kind):
    """Ids separated by '; ' (an id holds neither ';' nor a blank)."""

    def write(self, value: Any, names: Names) -> CellValue:
        return LIST_SEPARATOR.join(value) if value and value is not MISSING else None

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell):
            return OMIT
        ids = [part.strip() for part in text_of(cell).split(";") if part.strip()]
        wrong = next((i for i in ids if not is_valid_id(i)), None)
        if wrong is not None:
            raise BadCell(
                f"{clip(wrong)!r} is not an id (ids are separated by '; ', and hold letters, "
                "digits, '_', '.', ':' and '-')",
                quoted=True,
            )
        return ids


@dataclass(frozen=True)
class Letters(Kind):
    """EPIC letters: 'EC'."""

    def write(self, value: Any, names: Names) -> CellValue:
        return "".join(letter.value for letter in value) if value else None

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell):
            return OMIT
        letters = [c for c in text_of(cell).upper() if not c.isspace() and c not in ",;"]
        allowed = {letter.value for letter in EpicLetter}
        if any(c not in allowed for c in letters):
            raise BadCell("must be EPIC letters: E, P, I and C, such as EC")
        return [EpicLetter(c) for c in letters]


@dataclass(frozen=True)
class FutureScore(Kind):
    """A letter of tomorrow's EPIC: 1..5, 'none' (no score tomorrow), or empty. Tomorrow's
    EPIC is set as a whole: when any of its letters is filled in, an empty one is 'none'."""

    def write(self, value: Any, names: Names) -> CellValue:
        if value is MISSING:
            return None
        return NO_SCORE if value is None else value

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell):
            return OMIT
        if isinstance(cell, str) and cell.strip().casefold() == NO_SCORE:
            return None
        try:
            return whole(cell, 1, 5)
        except BadCell:
            raise BadCell(f"must be a whole number from 1 to 5, or '{NO_SCORE}'") from None


# --- names and titles -------------------------------------------------------------------------


@dataclass(frozen=True)
class NameOf(Kind):
    """A stage, channel or persona by its name (names of these are unique in a blueprint)."""

    collection: str = ""

    def write(self, value: Any, names: Names) -> CellValue:
        if value is MISSING or value is None:
            return None
        return names.name_of(self.collection, value)

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell):
            return OMIT
        return lookup.id_named(self.collection, text_of(cell))


@dataclass(frozen=True)
class NamesOf(Kind):
    """Several personas by name, separated by '; '."""

    collection: str = ""

    def write(self, value: Any, names: Names) -> CellValue:
        if not value or value is MISSING:
            return None
        return LIST_SEPARATOR.join(names.name_of(self.collection, v) for v in value)

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        if _blank(cell):
            return OMIT
        text = text_of(cell)
        names = split_names(text, lookup.names(self.collection))
        if names is None:  # typed by a person: "Busy parent;home worker"
            names = [part.strip() for part in text.split(";") if part.strip()]
        return [lookup.id_named(self.collection, name) for name in names]


def split_names(text: str, known: Sequence[str]) -> list[str] | None:
    """``text`` cut at '; ' into names that are all ``known``, when there is one way to.

    A name may itself hold '; ', so the pieces are joined back where that makes a name.
    None when no cut (or more than one) makes known names only."""
    pieces = text.split(LIST_SEPARATOR)
    names = set(known)
    # ways[i]: the cuts of pieces[i:] into known names (at most two kept: one is enough).
    ways: list[list[list[str]]] = [[] for _ in pieces] + [[[]]]
    for start in range(len(pieces) - 1, -1, -1):
        for end in range(start + 1, len(pieces) + 1):
            name = LIST_SEPARATOR.join(pieces[start:end])
            if name in names:
                ways[start] += [[name, *rest] for rest in ways[end]][:2]
        ways[start] = ways[start][:2]
    return ways[0][0] if len(ways[0]) == 1 else None


@dataclass(frozen=True)
class TitleOf(Kind):
    """A touchpoint's title beside its id, for people: it is checked when the two are read
    back, and it finds the touchpoint when the id is left empty."""

    def write(self, value: Any, names: Names) -> CellValue:
        if value is MISSING or value is None:
            return None
        return names.name_of("touchpoints", value)

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return OMIT  # read by its TouchpointRef


@dataclass(frozen=True)
class TouchpointRef(Kind):
    """A touchpoint's id, with its title in the column ``title_column``."""

    title_column: str = ""
    required: bool = True

    def write(self, value: Any, names: Names) -> CellValue:
        return None if value is MISSING or value is None else value

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        title_cell = row.cell(self.title_column)
        title = None if _blank(title_cell) else text_of(title_cell)
        if _blank(cell):
            if title is not None:
                return lookup.touchpoint_titled(title)
            if self.required:
                raise BadCell(
                    f"is empty; give the touchpoint's id, or its title in column "
                    f"'{self.title_column}'"
                )
            return OMIT
        wanted = text_of(cell).strip()
        known = lookup.name_of("touchpoints", wanted)
        if (
            title is not None
            and known.strip().casefold() != title.strip().casefold()
            # A title no touchpoint has is the one it had before a rename in its own sheet:
            # the id says which. A title another touchpoint has may be a new link: ask.
            and lookup.any_touchpoint_titled(title)
        ):
            raise BadCell(
                f"is the touchpoint {clip(known)!r}, but column '{self.title_column}' says "
                f"{clip(title)!r}; change one of them so they agree",
                quoted=True,
            )
        return wanted


@dataclass(frozen=True)
class ReasonPathOf(Kind):
    """A contact reason as 'Primary > Secondary', beside its id, for people."""

    def write(self, value: Any, names: Names) -> CellValue:
        return None if value is MISSING or value is None else names.reason_path(value)

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return OMIT  # read by its ReasonRef


@dataclass(frozen=True)
class ReasonDemandOf(Kind):
    """The demand of the contact reason beside it, for people (it is set on the reason)."""

    def write(self, value: Any, names: Names) -> CellValue:
        return None if value is MISSING or value is None else names.reason_demand(value)

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        return OMIT  # read by its ReasonRef


@dataclass(frozen=True)
class ReasonRef(Kind):
    """A contact reason's id, with its path and demand in two columns for people."""

    path_column: str = ""
    demand_column: str = ""

    def read(self, cell: RawCell, lookup: Lookup, row: Row) -> Any:
        path_cell, demand_cell = row.cell(self.path_column), row.cell(self.demand_column)
        path = None if _blank(path_cell) else text_of(path_cell).strip()
        if _blank(cell):
            if path is None:
                return OMIT
            reason_id = lookup.reason_at(path)
        else:
            reason_id = text_of(cell).strip()
            known = lookup.reason_path(reason_id)
            if path is not None and known.strip().casefold() != path.casefold():
                raise BadCell(
                    f"is the contact reason {clip(known)!r}, but column '{self.path_column}' "
                    f"says {clip(path)!r}; change one of them so they agree",
                    quoted=True,
                )
        demand = None if _blank(demand_cell) else text_of(demand_cell).strip().casefold()
        if demand is not None and demand != lookup.reason_demand(reason_id):
            raise BadCell(
                f"is a reason of {lookup.reason_demand(reason_id)} demand, but column "
                f"'{self.demand_column}' says {demand!r}; a reason's demand is set in its own "
                "sheet",
                quoted=True,
            )
        return reason_id
