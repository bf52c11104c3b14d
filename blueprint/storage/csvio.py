"""Building a blueprint from two spreadsheets of rows: touchpoints and friction points.

Facilitators often start in a spreadsheet. ``import_csv`` builds a whole blueprint from a
touchpoints sheet (and, optionally, a frictions sheet), creating the stages, channels,
personas and contact reasons named in the rows, and either succeeds completely or reports
every bad row and column. The export, and the lossless round trip of every sheet, are the
tables' (``storage.tables``): the two sheets read here are the first two it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..model import (
    Blueprint,
    Channel,
    ContactReason,
    Demand,
    Epic,
    Frequency,
    FrequencySource,
    Friction,
    FrictionKind,
    FrictionNature,
    Period,
    Persona,
    Stage,
    Touchpoint,
    document_problems,
)
from ..model.defaults import DEFAULT_CONTACT_REASONS, channel_default_for
from ..model.ids import is_valid_id, new_id
from ..model.validation import problems_from_validation_error
from .errors import CsvError
from .tables import csv_codec
from .tables.cells import BadCell, choice, clip, decimal, neutralise, restore, yes_no
from .tables.kinds import LIST_SEPARATOR, REASON_SEPARATOR
from .tables.sheets import FRICTIONS_SHEET, IMPROVEMENTS_SHEET, TOUCHPOINTS_SHEET
from .tables.workbook import UnreadColumns, find_columns, header

TOUCHPOINTS_FILE = TOUCHPOINTS_SHEET.file
FRICTIONS_FILE = FRICTIONS_SHEET.file
IMPROVEMENTS_FILE = IMPROVEMENTS_SHEET.file

MAX_CSV_BYTES = csv_codec.MAX_CSV_BYTES
#: Kept here for the callers that import them from this module.
__all__ = ["LIST_SEPARATOR", "export_csv", "import_csv", "neutralise", "restore"]


def export_csv(bp: Blueprint, folder: Path | str) -> list[Path]:
    """Write one CSV file per sheet of the blueprint's tables into ``folder``:
    touchpoints.csv, frictions.csv and improvements.csv first (the two-sheet ``import_csv``
    reads the first two), then the rest; ``import_csv_folder`` reads them all back."""
    return csv_codec.export_csv_folder(bp, folder)


# --- import -------------------------------------------------------------------------------

#: The columns the two-sheet import reads; the sheets have more (ignored here, so they are
#: not taken for misspellings of these).
TOUCHPOINT_COLUMNS = tuple(header(TOUCHPOINTS_SHEET))
FRICTION_COLUMNS = tuple(header(FRICTIONS_SHEET))


@dataclass
class _Row:
    """One data row, read by column name, collecting its problems."""

    file: str
    number: int
    cells: dict[str, str]
    problems: list[str]
    comma_decimal: bool = False  # ';' and tab files come from locales writing 2,5

    def text(self, column: str) -> str:
        """A name, a number or a choice: surrounding spaces are noise."""
        return restore(self.cells.get(column, "").strip())

    def prose(self, column: str) -> str:
        """Free text (lanes, notes, descriptions), kept exactly as typed."""
        return restore(self.cells.get(column, ""))

    def parse(self, column: str, parser: Callable[[str], Any], default: Any = None) -> Any:
        raw = self.text(column)
        if raw == "":
            return default
        try:
            return parser(raw)
        except BadCell as error:
            self.fail(column, f"{error} (got {clip(raw)!r})")
            return default

    def whole(self, column: str, low: int, high: int, default: int | None = None) -> Any:
        def parse(raw: str) -> int:
            value = decimal(raw, self.comma_decimal)
            if not value.is_integer() or not low <= value <= high:
                raise BadCell(f"must be a whole number from {low} to {high}")
            return int(value)

        return self.parse(column, parse, default)

    def amount(self, column: str, default: float | None = None) -> Any:
        def parse(raw: str) -> float:
            value = decimal(raw, self.comma_decimal)
            if value < 0:
                raise BadCell("must not be negative")
            return value

        return self.parse(column, parse, default)

    def fail(self, column: str, message: str) -> None:
        self.problems.append(f"{self.file} row {self.number}, column '{column}': {message}")


def _read_rows(
    path: Path,
    known: Sequence[str],
    required: Sequence[str],
    problems: list[str],
    unread: list[str] | None,
) -> list[_Row]:
    table = csv_codec.read_csv(path)
    label = path.name
    where = find_columns(label, table.header, known, required, problems)
    if where is None:
        raise CsvError(problems)
    others = UnreadColumns(label, table.header, where)
    rows = []
    for number, cells in table.rows:
        if not any(cell.strip() for cell in cells):
            continue
        others.count(cells)
        if len(cells) > len(table.header) and any(c.strip() for c in cells[len(table.header) :]):
            problems.append(f"{label} row {number}: has more cells than the header has columns")
        rows.append(
            _Row(
                label,
                number,
                {name: cells[i] for name, i in where.items() if i < len(cells)},
                problems,
                comma_decimal=table.comma_decimal,
            )
        )
    if unread is not None:
        unread += others.said()
    return rows


class _Builder:
    """Collects the entities named in rows, creating each stage, channel... once."""

    def __init__(self) -> None:
        self.bp = Blueprint(title="Imported blueprint")
        self.stages: dict[str, Stage] = {}
        self.channels: dict[str, Channel] = {}
        self.personas: dict[str, Persona] = {}
        self.reasons: dict[str, ContactReason] = {}
        self.ids: set[str] = set()
        self._default_demand = {
            name.casefold(): demand
            for _primary, secondaries in DEFAULT_CONTACT_REASONS
            for name, demand in secondaries
        }

    def take_id(self, row: _Row, column: str = "id") -> str:
        wanted = row.text(column)
        if wanted and not is_valid_id(wanted):
            row.fail(column, "is not a valid id (letters, digits, '-', '_', '.', ':')")
        elif wanted and wanted in self.ids:
            row.fail(column, f"the id {wanted!r} is used by another row")
        elif wanted:
            self.ids.add(wanted)
            return wanted
        return new_id()

    def stage(self, name: str) -> Stage:
        key = name.casefold()
        if key not in self.stages:
            self.stages[key] = Stage(name=name)
        return self.stages[key]

    def channel(self, name: str) -> Channel:
        key = name.casefold()
        if key not in self.channels:
            default = channel_default_for(name)
            self.channels[key] = Channel(name=name, kind=default.kind, step=default.step)
        return self.channels[key]

    def persona(self, name: str) -> Persona:
        key = name.casefold()
        if key not in self.personas:
            self.personas[key] = Persona(name=name)
        return self.personas[key]

    def reason(self, path: str, demand: Demand | None = None) -> ContactReason:
        """The reason at ``path`` ("Primary > Secondary"), created on first mention.

        Its demand is the one given, else the default tree's for that name, else value.
        """
        names = [part.strip() for part in path.split(REASON_SEPARATOR.strip()) if part.strip()]
        primary_name, secondary_name = names[0], REASON_SEPARATOR.strip().join(names[1:])
        primary = self.reasons.get(primary_name.casefold())
        if primary is None:
            primary = ContactReason(name=primary_name)
            self.reasons[primary_name.casefold()] = primary
        if not secondary_name:
            if demand is not None:
                primary.demand = demand
            return primary
        key = f"{primary_name}\x00{secondary_name}".casefold()
        if key not in self.reasons:
            demand = demand or self._default_demand.get(secondary_name.casefold(), Demand.VALUE)
            self.reasons[key] = ContactReason(
                name=secondary_name, parent_id=primary.id, demand=demand
            )
        return self.reasons[key]

    def finish(self) -> Blueprint:
        bp = self.bp
        bp.stages = list(self.stages.values())
        order = {id(c): i for i, c in enumerate(self.channels.values())}
        # Channels top to bottom by stairway step, the best step on top, as in the method.
        bp.channels = sorted(self.channels.values(), key=lambda c: (-c.step, order[id(c)]))
        bp.personas = list(self.personas.values())
        bp.contact_reasons = list(self.reasons.values())
        return bp


def _named(row: _Row, column: str, make: Callable[[str], Any], name: str) -> Any:
    """A stage, channel, persona or reason named in a cell; None (and a problem) if invalid."""
    try:
        return make(name)
    except ValidationError as error:
        row.fail(column, problems_from_validation_error(error.errors(), {})[0].message)
        return None


def _import_touchpoints(builder: _Builder, rows: list[_Row]) -> _TouchpointIndex:
    index = _TouchpointIndex()
    for row in rows:
        title, stage_name, channel_name = row.text("title"), row.text("stage"), row.text("channel")
        for column, value in (("title", title), ("stage", stage_name), ("channel", channel_name)):
            if not value:
                row.fail(column, "is empty; every touchpoint needs a title, a stage and a channel")
        stage = _named(row, "stage", builder.stage, stage_name) if stage_name else None
        channel = _named(row, "channel", builder.channel, channel_name) if channel_name else None
        personas = [
            _named(row, "personas", builder.persona, n.strip())
            for n in row.text("personas").split(";")
            if n.strip()
        ]
        fields = dict(
            id=builder.take_id(row),
            title=title,
            customer_action=row.prose("customer_action"),
            physical_evidence=row.prose("physical_evidence"),
            frontstage=row.prose("frontstage"),
            backstage=row.prose("backstage"),
            support_processes=row.prose("support_processes"),
            emotion=row.whole("emotion", -2, 2),
            epic=Epic(
                easy=row.whole("epic_easy", 1, 5),
                personalised=row.whole("epic_personalised", 1, 5),
                intuitive=row.whole("epic_intuitive", 1, 5),
                contextual=row.whole("epic_contextual", 1, 5),
            ),
            persona_ids=list(dict.fromkeys(p.id for p in personas if p is not None)),
            duration_minutes=row.amount("duration_minutes"),
            wait_minutes=row.amount("wait_minutes"),
            notes=row.prose("notes"),
        )
        if not (title and stage and channel):
            continue
        touchpoint = _construct(
            Touchpoint, {**fields, "stage_id": stage.id, "channel_id": channel.id}, row
        )
        if touchpoint is not None:
            builder.bp.touchpoints.append(touchpoint)
            index.add(touchpoint, row.number)
    return index


class _TouchpointIndex:
    """Touchpoints by id and by title, remembering the rows that made them."""

    def __init__(self) -> None:
        self.by_id: dict[str, Touchpoint] = {}
        self.by_title: dict[str, list[tuple[Touchpoint, int]]] = {}

    def add(self, touchpoint: Touchpoint, row_number: int) -> None:
        self.by_id[touchpoint.id] = touchpoint
        self.by_title.setdefault(touchpoint.title.casefold(), []).append((touchpoint, row_number))

    def find(self, row: _Row) -> Touchpoint | None:
        ref, title = row.text("touchpoint_id"), row.text("touchpoint")
        if ref and ref in self.by_id:
            return self.by_id[ref]
        if title:
            matches = self.by_title.get(title.casefold(), [])
            if len(matches) == 1:
                return matches[0][0]
            if matches:
                rows = ", ".join(str(number) for _, number in matches[:5])
                row.fail(
                    "touchpoint",
                    f"{len(matches)} touchpoints are titled {clip(title)!r} (touchpoint rows "
                    f"{rows}); give the one you mean in touchpoint_id",
                )
                return None
        if ref:
            row.fail("touchpoint_id", f"no touchpoint row has the id {clip(ref)!r}")
        elif title:
            row.fail("touchpoint", f"no touchpoint is titled {clip(title)!r}")
        else:
            row.fail("touchpoint", "is empty; say which touchpoint the friction belongs to")
        return None


def _import_frictions(builder: _Builder, rows: list[_Row], touchpoints: _TouchpointIndex) -> None:
    for row in rows:
        title = row.text("title")
        if not title:
            row.fail("title", "is empty; every friction point needs a title")
        touchpoint = touchpoints.find(row)
        leads_to_name, reason_path = row.text("leads_to_channel"), row.text("contact_reason")
        demand = row.parse("contact_reason_demand", choice(Demand))
        leads_to = (
            _named(row, "leads_to_channel", builder.channel, leads_to_name)
            if leads_to_name
            else None
        )
        reason = (
            _named(row, "contact_reason", lambda p, d=demand: builder.reason(p, d), reason_path)
            if reason_path.strip(" >")
            else None
        )
        fields = dict(
            id=builder.take_id(row),
            title=title,
            description=row.prose("description"),
            kind=row.parse("kind", choice(FrictionKind), FrictionKind.HESITATION),
            nature=row.parse("nature", choice(FrictionNature), FrictionNature.BAD),
            severity=row.whole("severity", 1, 4, 2),
            frequency=Frequency(
                count=row.amount("frequency_count", 0),
                per=row.parse("frequency_per", choice(Period), Period.MONTH),
                source=row.parse(
                    "frequency_source", choice(FrequencySource), FrequencySource.UNKNOWN
                ),
                **_frequency_range(row),
            ),
            leads_to_channel_id=leads_to.id if leads_to else None,
            gives_up=row.parse("gives_up", yes_no, False),
            contact_reason_id=reason.id if reason else None,
        )
        if touchpoint is None or not title:
            continue
        friction = _construct(Friction, {**fields, "touchpoint_id": touchpoint.id}, row)
        if friction is not None:
            builder.bp.frictions.append(friction)


def _frequency_range(row: _Row) -> dict[str, float]:
    """The optional low and high counts; a low above the high is reported, not guessed at."""
    low, high = row.amount("frequency_low"), row.amount("frequency_high")
    if low is not None and high is not None and low > high:
        row.fail(
            "frequency_high",
            f"is {high:g}, below frequency_low ({low:g}); the low count must be at most the high",
        )
        return {}
    return {name: value for name, value in (("low", low), ("high", high)) if value is not None}


def _construct(model: type, fields: dict, row: _Row) -> Any:
    try:
        return model(**fields)
    except ValidationError as error:
        for problem in problems_from_validation_error(error.errors(), {}):
            row.fail(problem.field or "?", problem.message)
        return None


def import_csv(
    touchpoints_csv: Path | str,
    frictions_csv: Path | str | None = None,
    unread: list[str] | None = None,
) -> Blueprint:
    """Build a blueprint from a touchpoints CSV and, optionally, a frictions CSV.

    Raises ``CsvError`` listing every bad row and column; nothing is half-imported.
    ``unread`` collects the columns with something in them that it does not read.
    """
    problems: list[str] = []
    builder = _Builder()
    tp_rows = _read_rows(
        Path(touchpoints_csv), TOUCHPOINT_COLUMNS, ("title", "stage", "channel"), problems, unread
    )
    index = _import_touchpoints(builder, tp_rows)
    if frictions_csv is not None:
        fr_rows = _read_rows(Path(frictions_csv), FRICTION_COLUMNS, ("title",), problems, unread)
        _import_frictions(builder, fr_rows, index)
    if problems:
        raise CsvError(problems)
    bp = builder.finish()
    remaining = document_problems(bp)
    if remaining:
        raise CsvError([str(p) for p in remaining])
    return bp
