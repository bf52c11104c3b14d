"""Measures taken from a spreadsheet: the CSV or XLSX export of an analytics tool or a
contact centre, one number a row.

A ``MetricsMapping`` says which column names the touchpoint (by id or by title), which holds
the measure's name (or one name for every row), its value, and optionally its date, unit,
period, source and origin. ``read_metrics`` works out what the rows change without changing
anything: measures to add, measures to update (the same touchpoint, name and date), friction
points whose frequency follows an updated measure, and the rows it could not place, each
with its number and why. A file that cannot be read as a whole (not a spreadsheet, a column
missing, merged cells, formulas in a mapped column) is refused with nothing placed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ...model import Blueprint, Frequency, FrequencySource, Measure, Period
from ...model.measures import frequency_from
from ...model.validation import problems_from_validation_error
from ..errors import CsvError, SpreadsheetError, XlsxError
from . import csv_codec, xlsx_codec
from .cells import (
    BadCell,
    PercentCell,
    RawCell,
    Unreadable,
    choice,
    clip,
    day_first_of,
    iso_date,
    number,
    restore,
    text_of,
)
from .workbook import likely_meant, loosely, normalise_header

#: How the touchpoint column names a touchpoint.
BY_ID, BY_TITLE = "id", "title"
PREVIEW_ROWS = 20
#: At most this many unreadable cells are listed before the error is raised.
SHOWN_PROBLEMS = 20

#: Headers that analytics and contact-centre exports use, for a first guess of the mapping.
_GUESSES = {
    "touchpoint": ("touchpoint_id", "touchpoint", "touchpoint_title", "step", "page", "id"),
    "measure": ("measure", "metric", "kpi", "name", "measure_name", "indicator"),
    "value": ("value", "count", "volume", "total", "amount", "score"),
    "date": ("date", "day", "month", "week", "period_start", "start_date"),
    "unit": ("unit", "units"),
    "period": ("period", "per", "interval", "granularity"),
    "source": ("source", "quality"),
    "origin": ("origin", "system", "tool", "report"),
}


@dataclass(frozen=True)
class MetricsMapping:
    """Which column holds what; columns are named by their header text."""

    touchpoint: str
    value: str
    match: str = BY_ID  # BY_ID or BY_TITLE
    measure: str | None = None  # the column holding each row's measure name...
    name: str | None = None  # ...or one name for every row
    date: str | None = None
    unit: str | None = None
    period: str | None = None
    source: str | None = None
    origin: str | None = None  # else the file's name

    def columns(self) -> dict[str, str]:
        """What each mapped column is for, by its header."""
        roles = ("touchpoint", "value", "measure", "date", "unit", "period", "source", "origin")
        return {role: getattr(self, role) for role in roles if getattr(self, role)}


@dataclass(frozen=True)
class Unplaced:
    """A row the import could not place, and why."""

    row: int
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@dataclass(frozen=True)
class Refollow:
    """A friction point whose frequency follows a measure the import updates."""

    friction_id: str
    old: Frequency
    new: Frequency


@dataclass
class MetricsImport:
    """What importing the rows would change; nothing is changed until it is applied."""

    source: str  # the file (and sheet) the rows came from, for messages
    rows: int = 0  # data rows read
    added: list[Measure] = field(default_factory=list)
    #: (the measure as it is, the measure as the import makes it)
    updated: list[tuple[Measure, Measure]] = field(default_factory=list)
    refollowed: list[Refollow] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.updated or self.refollowed)

    def summary(self) -> str:
        parts = [
            _count(len(self.added), "measure added", "measures added"),
            _count(len(self.updated), "measure updated", "measures updated"),
        ]
        if self.refollowed:
            parts.append(
                _count(
                    len(self.refollowed),
                    "friction point follows them",
                    "friction points follow them",
                )
            )
        # "2 of 4 rows": the rows placed, not every row read, when some could not be.
        kept = f"{self.rows - len(self.unplaced):,} of " if self.unplaced else ""
        placed = f"{kept}{self.rows:,} row{'s' if self.rows != 1 else ''} of {self.source}: "
        tail = (
            f"; {len(self.unplaced):,} row{'s' if len(self.unplaced) != 1 else ''} not placed"
            if self.unplaced
            else ""
        )
        return placed + ", ".join(parts) + tail


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def apply_metrics(bp: Blueprint, result: MetricsImport) -> None:
    """Make the changes in ``bp`` (the command line's way; the editor pushes commands)."""
    by_id = {m.id: i for i, m in enumerate(bp.measures)}
    for old, new in result.updated:
        bp.measures[by_id[old.id]] = new
    bp.measures.extend(result.added)
    frictions = {f.id: f for f in bp.frictions}
    for change in result.refollowed:
        frictions[change.friction_id].frequency = change.new


# --- the file -------------------------------------------------------------------------------


@dataclass
class MetricsTable:
    """A spreadsheet of metrics as read: the header and the rows, streamed."""

    label: str  # "calls.xlsx, sheet 'Calls'"
    header: list[str]
    rows: Iterator[tuple[int, Sequence[RawCell]]]
    comma_decimal: bool = False
    #: whether the dates of a column (by index) put the day first (``cells.day_first_of``)
    day_first_in: Callable[[int], bool | None] = lambda _column: None
    sheets: list[str] = field(default_factory=list)  # of a workbook
    sheet: str | None = None  # the one read


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in xlsx_codec.EXTENSIONS


def sheet_names(path: Path | str) -> list[str]:
    """The sheets of a workbook ([] for a CSV file)."""
    path = Path(path)
    if not is_workbook(path):
        return []
    with xlsx_codec.open_workbook(path) as workbook:
        return xlsx_codec.worksheet_names(workbook)


class open_metrics:
    """``with open_metrics(path, sheet) as table``: a CSV file, or one sheet of a workbook
    (the first unless ``sheet`` names one), ready to be read row by row."""

    def __init__(self, path: Path | str, sheet: str | None = None) -> None:
        self._path = Path(path)
        self._sheet = sheet
        self._workbook: Any = None

    def __enter__(self) -> MetricsTable:
        path = self._path
        if not is_workbook(path):
            read = csv_codec.read_csv(path)
            rows = (
                (n, [restore(c) if c.strip() else None for c in cells]) for n, cells in read.rows
            )
            header = [restore(c).strip() for c in read.header]
            label = path.name
            if read.encoding != "UTF-8":  # Excel's plain 'CSV': said wherever the file is
                label += f" (read as {read.encoding}: it is not UTF-8)"
            return MetricsTable(
                label,
                header,
                rows,
                read.comma_decimal,
                lambda column: day_first_of(read.cells_at(column)),
            )
        self._workbook = xlsx_codec.open_workbook(path)
        workbook = self._workbook.__enter__()
        try:
            return self._sheet_of(workbook, path)
        except BaseException:
            self._workbook.__exit__(None, None, None)
            raise

    def _sheet_of(self, workbook: Any, path: Path) -> MetricsTable:
        names = xlsx_codec.worksheet_names(workbook)
        sheet = self._sheet or names[0]
        if sheet not in names:
            listed = ", ".join(repr(n) for n in names)
            raise XlsxError([f"has no sheet {sheet!r} (its sheets: {listed})"], path)
        worksheet = workbook[sheet]
        merged = xlsx_codec.merged_cells(workbook, worksheet)
        if merged:
            raise XlsxError(merged, path)
        table = xlsx_codec.table_of(worksheet, sheet)
        header = [text_of(c).strip() if not isinstance(c, Unreadable) else "" for c in table.header]
        label = f"{path.name}, sheet {sheet!r}" if len(names) > 1 else path.name
        return MetricsTable(label, header, iter(table.rows), sheets=names, sheet=sheet)

    def __exit__(self, *exc: object) -> None:
        if self._workbook is not None:
            self._workbook.__exit__(*exc)


def preview(
    path: Path | str, sheet: str | None = None, rows: int = PREVIEW_ROWS
) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    """The header, the first ``rows`` rows as text with their row numbers (as the
    spreadsheet numbers them, and the report of unplaced rows), and the sheets."""
    with open_metrics(path, sheet) as table:
        shown = []
        for number, cells in table.rows:
            if len(shown) >= rows:
                break
            if any(c is not None for c in cells):
                shown.append((number, [_preview_text(c) for c in cells]))
        return table.header, shown, table.sheets


def _preview_text(cell: RawCell) -> str:
    if isinstance(cell, Unreadable):
        return "(formula)" if "formula" in cell.reason else "(error)"
    return text_of(cell)


def guess_mapping(header: Sequence[str]) -> dict[str, str]:
    """For each role, the first header that an export commonly gives it (by its name)."""
    normalised = {normalise_header(h): h for h in header if h}
    guessed: dict[str, str] = {}
    for role, names in _GUESSES.items():
        for name in names:
            found = normalised.get(name)
            if found is not None and found not in guessed.values():
                guessed[role] = found
                break
    return guessed


# --- placing the rows ---------------------------------------------------------------------------


def read_metrics(
    bp: Blueprint, path: Path | str, mapping: MetricsMapping, sheet: str | None = None
) -> MetricsImport:
    """What importing ``path`` into ``bp`` would change. Raises ``CsvError`` or ``XlsxError``
    when the file cannot be read as a whole; rows that cannot be placed are reported in the
    result instead."""
    path = Path(path)
    error_type = XlsxError if is_workbook(path) else CsvError
    if not mapping.measure and not (mapping.name and mapping.name.strip()):
        raise error_type(["say which column holds the measure's name, or give one name"], path)
    with open_metrics(path, sheet) as table:
        where = _locate_columns(table, mapping, path, error_type)
        placer = _Placer(bp, mapping, table, path.name)
        if "date" in where:
            placer.day_first = table.day_first_in(where["date"])
        broken: list[str] = []
        for number, cells in table.rows:
            row = {role: cells[i] if i < len(cells) else None for role, i in where.items()}
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in row.values()):
                continue
            bad = [(r, c) for r, c in row.items() if isinstance(c, Unreadable)]
            for role, cell in bad:
                broken.append(f"row {number}, column {mapping.columns()[role]!r}: {cell.reason}")
            if not broken:  # else the file is refused: placing more rows is of no use
                placer.place(number, row)
        if broken:
            more = len(broken) - SHOWN_PROBLEMS
            shown = broken[:SHOWN_PROBLEMS] + ([f"and {more} more"] if more > 0 else [])
            raise error_type(shown, path)
        return placer.finish()


def _locate_columns(
    table: MetricsTable, mapping: MetricsMapping, path: Path, error: type[SpreadsheetError]
) -> dict[str, int]:
    exact = {h: i for i, h in reversed(list(enumerate(table.header))) if h}
    loose = {normalise_header(h): i for i, h in reversed(list(enumerate(table.header))) if h}
    where, missing = {}, []
    for role, name in mapping.columns().items():
        index = exact.get(name, loose.get(normalise_header(name)))
        if index is None:
            missing.append(name)
        else:
            where[role] = index
    if missing:
        has = ", ".join(repr(h) for h in table.header if h) or "none"
        listed = ", ".join(repr(m) for m in missing)
        where = f"sheet {table.sheet!r} " if table.sheet else ""
        raise error([f"{where}has no column {listed} (its columns: {has})"], path)
    return where


class _Placer:
    """Places rows one by one: the measure each row gives, and what it adds or updates."""

    def __init__(self, bp: Blueprint, mapping: MetricsMapping, table: MetricsTable, name: str):
        self.bp = bp
        self.mapping = mapping
        self.comma_decimal = table.comma_decimal
        #: the date column's dates put the day first (as one of them shows), or either
        self.day_first: bool | None = None
        self.origin = name
        self.result = MetricsImport(table.label)
        self._ids = {t.id for t in bp.touchpoints}
        self._titles: dict[str, list[str]] = {}
        for tp in bp.touchpoints:
            self._titles.setdefault(loosely(tp.title), []).append(tp.id)
        self._exact_titles: dict[str, list[str]] = {}
        for tp in bp.touchpoints:
            self._exact_titles.setdefault(tp.title, []).append(tp.id)
        self._by_id = {m.id: m for m in bp.measures}
        self._existing: dict[tuple, Measure] = {}
        for measure in bp.measures:
            self._existing.setdefault(_key(measure), measure)
        #: key -> (row, measure): the last row of each key wins
        self._placed: dict[tuple, tuple[int, Measure]] = {}

    def place(self, number: int, row: dict[str, RawCell]) -> None:
        self.result.rows += 1
        try:
            measure = self._measure(row)
        except BadCell as error:
            self.result.unplaced.append(Unplaced(number, str(error)))
            return
        key = _key(measure)
        earlier = self._placed.get(key)
        if earlier is not None:
            self.result.unplaced.append(
                Unplaced(
                    earlier[0],
                    f"row {number} gives the same touchpoint, measure and date, and is used "
                    "instead",
                )
            )
        self._placed[key] = (number, measure)

    def _measure(self, row: dict[str, RawCell]) -> Measure:
        mapping = self.mapping
        touchpoint_id = self._touchpoint(row.get("touchpoint"))
        name = _text(row.get("measure")) if mapping.measure else (mapping.name or "").strip()
        if not name:
            raise BadCell(f"the measure's name (column {mapping.measure!r}) is empty")
        value, unit = self._value(row.get("value"))
        fields: dict[str, Any] = {
            "touchpoint_id": touchpoint_id,
            "name": name,
            "value": value,
            "origin": _text(row.get("origin")) or self.origin,
        }
        unit = _text(row.get("unit")) or unit
        if unit:
            fields["unit"] = unit
        # What the row leaves empty is left out: a measure it updates keeps its own.
        for role, parse in (
            ("date", lambda cell: iso_date(cell, self.day_first)),
            ("period", choice(Period)),
            ("source", choice(FrequencySource)),
        ):
            cell = row.get(role)
            if _text(cell):
                fields[role] = self._cell(role, cell, parse)
        try:
            return Measure(**fields)
        except ValidationError as error:
            problem = problems_from_validation_error(error.errors(), None)[0]
            raise BadCell(f"the measure's {problem.field or 'value'} {problem.message}") from None

    def _cell(self, role: str, cell: RawCell, parse: Any) -> Any:
        try:
            return parse(cell)
        except BadCell as error:
            column = self.mapping.columns()[role]
            quoted = "" if error.quoted else f" (got {clip(text_of(cell))!r})"
            raise BadCell(f"column {column!r} {error}{quoted}") from None

    def _value(self, cell: RawCell) -> tuple[float, str]:
        column = self.mapping.value
        if cell is None or not _text(cell):
            raise BadCell(f"the value (column {column!r}) is empty")
        unit = ""
        if isinstance(cell, PercentCell):  # shown as 12%, kept as 0.12: as the text "12%"
            cell, unit = cell.percent, "%"
        elif isinstance(cell, str) and cell.strip().endswith("%"):
            cell, unit = cell.strip()[:-1], "%"
        try:
            return number(cell, self.comma_decimal), unit
        except BadCell as error:
            got = clip(text_of(cell))
            raise BadCell(f"the value (column {column!r}) {error} (got {got!r})") from None

    def _touchpoint(self, cell: RawCell) -> str:
        column = self.mapping.touchpoint
        wanted = _text(cell)
        if not wanted:
            raise BadCell(f"no touchpoint given (column {column!r} is empty)")
        if self.mapping.match == BY_ID and wanted in self._ids:
            return wanted
        found = self._exact_titles.get(text_of(cell)) or self._titles.get(loosely(wanted), [])
        if self.mapping.match == BY_ID:
            # A sheet of titles read as ids placed nothing, and said nothing of why.
            hint = "; that is a touchpoint's title: match the touchpoints by title" if found else ""
            raise BadCell(f"no touchpoint has the id {clip(wanted)!r}{hint}")
        if len(found) == 1:
            return found[0]
        if found:
            raise BadCell(
                f"{len(found)} touchpoints are titled {clip(wanted)!r}; name it by its id instead"
            )
        guess = likely_meant(wanted, [tp.title for tp in self.bp.touchpoints])
        hint = f"; did you mean {guess!r}?" if guess else ""
        raise BadCell(f"no touchpoint is titled {clip(wanted)!r}{hint}")

    def finish(self) -> MetricsImport:
        result = self.result
        result.unplaced.sort(key=lambda u: u.row)
        updated: dict[str, Measure] = {}
        for key, (_, measure) in self._placed.items():
            old = self._existing.get(key)
            if old is None:
                result.added.append(measure)
                continue
            new = self._updated(old, measure)
            if new != old:
                result.updated.append((old, new))
                updated[new.id] = new
        # One pass over the friction points (a measure at a time walked them all for each):
        # one that follows an updated measure follows its new value; one that follows a
        # dated measure moves to a later figure of it the file adds (next month's export,
        # added as a measure of its own date): it kept the first month's.
        latest = self._latest_added()
        for friction in self.bp.frictions:
            measure_id = friction.frequency.measure_id
            if measure_id is None:
                continue
            followed = updated.get(measure_id) or self._by_id.get(measure_id)
            if followed is None:
                continue
            later = latest.get(_series(followed))
            if later is not None and followed.date is not None and later.date > followed.date:
                followed = later
            new_frequency = frequency_from(followed, friction.frequency)
            if new_frequency != friction.frequency:
                result.refollowed.append(Refollow(friction.id, friction.frequency, new_frequency))
        return result

    def _latest_added(self) -> dict[tuple, Measure]:
        """The dated measures the file adds, the latest of each touchpoint and name."""
        latest: dict[tuple, Measure] = {}
        for added in self.result.added:
            key = _series(added)
            if added.date is not None and (key not in latest or added.date > latest[key].date):
                latest[key] = added
        return latest

    def _updated(self, old: Measure, row: Measure) -> Measure:
        """The measure as it is, with what the row says (what it leaves out stays)."""
        changes: dict[str, Any] = {"value": row.value, "origin": row.origin}
        for name in ("unit", "period", "source"):
            if name in row.model_fields_set:
                changes[name] = getattr(row, name)
        return old.model_copy(update=changes)


def _key(measure: Measure) -> tuple:
    return (*_series(measure), measure.date)


def _series(measure: Measure) -> tuple:
    """The figures of one measure over time: its touchpoint and its name."""
    return (measure.touchpoint_id, loosely(measure.name))


def _text(cell: RawCell) -> str:
    return text_of(cell).strip() if cell is not None else ""
