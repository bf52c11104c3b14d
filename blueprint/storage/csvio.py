"""Spreadsheet round trip: touchpoints, frictions and improvements as CSV files.

Facilitators often start in a spreadsheet. Export writes one CSV per entity type with
cells that a spreadsheet cannot mistake for formulas (OWASP CSV injection); import builds
a whole blueprint from rows, creating the stages, channels, personas and contact reasons
named in them, and either succeeds completely or reports every bad row and column.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
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
from .atomic import (
    NotRegularFile,
    TooLarge,
    atomic_write_bytes,
    describe_os_error,
    open_regular_file,
)
from .errors import CsvError

TOUCHPOINTS_FILE = "touchpoints.csv"
FRICTIONS_FILE = "frictions.csv"
IMPROVEMENTS_FILE = "improvements.csv"

LIST_SEPARATOR = "; "
REASON_SEPARATOR = " > "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
MAX_CSV_BYTES = 64 * 1024 * 1024


# --- cell encoding ------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """Make a text cell inert in spreadsheets: prefix a quote to anything formula-like.

    A cell already starting with a quote is prefixed too, so that ``restore`` is exact.
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def restore(cell: str) -> str:
    """Undo ``neutralise``."""
    if len(cell) >= 2 and cell[0] == "'" and cell[1] in "=+-@\t\r'":
        return cell[1:]
    return cell


def _number_cell(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- export -------------------------------------------------------------------------------


def _reason_path(bp: Blueprint) -> dict[str, str]:
    by_id = {r.id: r for r in bp.contact_reasons}
    paths = {}
    for reason in bp.contact_reasons:
        parent = by_id.get(reason.parent_id) if reason.parent_id else None
        paths[reason.id] = (
            f"{parent.name}{REASON_SEPARATOR}{reason.name}" if parent else reason.name
        )
    return paths


def touchpoint_rows(bp: Blueprint) -> tuple[list[str], list[list[str]]]:
    stages = {s.id: (i, s.name) for i, s in enumerate(bp.stages)}
    channels = {c.id: (i, c.name) for i, c in enumerate(bp.channels)}
    personas = {p.id: p.name for p in bp.personas}
    # Rows by stage, then channel, keeping document order within a cell: importing them
    # back creates the stages in the same left-to-right order.
    ordered = sorted(
        bp.touchpoints,
        key=lambda t: (stages.get(t.stage_id, (0,))[0], channels.get(t.channel_id, (0,))[0]),
    )
    header = list(TOUCHPOINT_COLUMNS)
    rows = []
    for tp in ordered:
        epic = tp.epic
        rows.append(
            [
                tp.id,
                neutralise(tp.title),
                neutralise(stages[tp.stage_id][1]),
                neutralise(channels[tp.channel_id][1]),
                neutralise(tp.customer_action),
                neutralise(tp.physical_evidence),
                neutralise(tp.frontstage),
                neutralise(tp.backstage),
                neutralise(tp.support_processes),
                _number_cell(tp.emotion),
                _number_cell(epic.easy),
                _number_cell(epic.personalised),
                _number_cell(epic.intuitive),
                _number_cell(epic.contextual),
                neutralise(LIST_SEPARATOR.join(personas[p] for p in tp.persona_ids)),
                _number_cell(tp.duration_minutes),
                _number_cell(tp.wait_minutes),
                neutralise(tp.notes),
            ]
        )
    return header, rows


def friction_rows(bp: Blueprint) -> tuple[list[str], list[list[str]]]:
    titles = {t.id: t.title for t in bp.touchpoints}
    channels = {c.id: c.name for c in bp.channels}
    reasons = _reason_path(bp)
    demands = {r.id: r.demand.value for r in bp.contact_reasons}
    rows = []
    for fr in bp.frictions:
        rows.append(
            [
                fr.id,
                fr.touchpoint_id,
                neutralise(titles.get(fr.touchpoint_id, "")),
                neutralise(fr.title),
                neutralise(fr.description),
                fr.kind.value,
                fr.nature.value,
                str(fr.severity),
                _number_cell(fr.frequency.count),
                fr.frequency.per.value,
                fr.frequency.source.value,
                _number_cell(fr.frequency.low),
                _number_cell(fr.frequency.high),
                neutralise(channels.get(fr.leads_to_channel_id or "", "")),
                "yes" if fr.gives_up else "no",
                neutralise(reasons.get(fr.contact_reason_id or "", "")),
                demands.get(fr.contact_reason_id or "", ""),
            ]
        )
    return list(FRICTION_COLUMNS), rows


def improvement_rows(bp: Blueprint) -> tuple[list[str], list[list[str]]]:
    rows = []
    for imp in bp.improvements:
        rows.append(
            [
                imp.id,
                neutralise(imp.title),
                neutralise(imp.description),
                LIST_SEPARATOR.join(imp.friction_ids),
                imp.action.value,
                str(imp.target_step),
                str(imp.effort),
                _number_cell(imp.confidence),
                neutralise(imp.owner),
                imp.status.value,
                "".join(letter.value for letter in imp.epic_letters),
            ]
        )
    return list(IMPROVEMENT_COLUMNS), rows


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    # A BOM so that spreadsheet programs read the file as UTF-8, not as a legacy code page.
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def export_csv(bp: Blueprint, folder: Path | str) -> list[Path]:
    """Write touchpoints.csv, frictions.csv and improvements.csv into ``folder``."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CsvError([f"cannot create the folder: {describe_os_error(error)}"], folder) from None
    written = []
    for name, build in (
        (TOUCHPOINTS_FILE, touchpoint_rows),
        (FRICTIONS_FILE, friction_rows),
        (IMPROVEMENTS_FILE, improvement_rows),
    ):
        path = folder / name
        atomic_write_bytes(path, _csv_bytes(*build(bp)))
        written.append(path)
    return written


# --- import -------------------------------------------------------------------------------

TOUCHPOINT_COLUMNS = (
    "id",
    "title",
    "stage",
    "channel",
    "customer_action",
    "physical_evidence",
    "frontstage",
    "backstage",
    "support_processes",
    "emotion",
    "epic_easy",
    "epic_personalised",
    "epic_intuitive",
    "epic_contextual",
    "personas",
    "duration_minutes",
    "wait_minutes",
    "notes",
)
FRICTION_COLUMNS = (
    "id",
    "touchpoint_id",
    "touchpoint",
    "title",
    "description",
    "kind",
    "nature",
    "severity",
    "frequency_count",
    "frequency_per",
    "frequency_source",
    "frequency_low",
    "frequency_high",
    "leads_to_channel",
    "gives_up",
    "contact_reason",
    "contact_reason_demand",
)
IMPROVEMENT_COLUMNS = (
    "id",
    "title",
    "description",
    "friction_ids",
    "action",
    "target_step",
    "effort",
    "confidence",
    "owner",
    "status",
    "epic_letters",
)


class _BadCell(ValueError):
    pass


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
        except _BadCell as error:
            self.fail(column, f"{error} (got {_clip(raw)!r})")
            return default

    def whole(self, column: str, low: int, high: int, default: int | None = None) -> Any:
        def parse(raw: str) -> int:
            value = _decimal(raw, self.comma_decimal)
            if not value.is_integer() or not low <= value <= high:
                raise _BadCell(f"must be a whole number from {low} to {high}")
            return int(value)

        return self.parse(column, parse, default)

    def amount(self, column: str, default: float | None = None) -> Any:
        def parse(raw: str) -> float:
            value = _decimal(raw, self.comma_decimal)
            if value < 0:
                raise _BadCell("must not be negative")
            return value

        return self.parse(column, parse, default)

    def fail(self, column: str, message: str) -> None:
        self.problems.append(f"{self.file} row {self.number}, column '{column}': {message}")


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decimal(raw: str, comma_decimal: bool) -> float:
    text = raw.replace(" ", "").replace("\u00a0", "")
    if "," in text:
        if not comma_decimal or "." in text:
            # "1,200" in a comma-separated file is a thousands separator or a typo: guessing
            # would make a count a thousand times too small.
            raise _BadCell("must be a number written with a dot for decimals, like 1200 or 2.5")
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise _BadCell("must be a number") from None
    if not math.isfinite(value):
        raise _BadCell("must be a finite number")
    return value


def _choice(enum_type: type[StrEnum]) -> Callable[[str], StrEnum]:
    def parse(raw: str) -> StrEnum:
        key = " ".join(raw.replace("_", " ").split()).casefold()
        for member in enum_type:
            if member.value.casefold() == key:
                return member
        allowed = ", ".join(m.value for m in enum_type)
        raise _BadCell(f"must be one of {allowed}")

    return parse


def _yes_no(raw: str) -> bool:
    key = raw.casefold()
    if key in ("yes", "y", "true", "1", "x"):
        return True
    if key in ("no", "n", "false", "0"):
        return False
    raise _BadCell("must be yes or no")


def _normalise_header(name: str) -> str:
    return "_".join(name.replace("\ufeff", "").strip().casefold().replace("-", " ").split())


def _delimiter(header: str) -> str:
    """The separator of the header row: spreadsheets in many locales write ';' or tabs.

    Only the delimiter is guessed; the quote character is always '"' (csv.Sniffer also
    guesses quotes, and takes a cell such as '' for quoting).
    """
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_text(path: Path) -> str:
    try:
        data = open_regular_file(path, MAX_CSV_BYTES)
    except TooLarge as error:
        raise CsvError(
            [f"is too large ({error.args[0] / 2**20:.0f} MiB; the limit is 64 MiB)"], path
        ) from None
    except NotRegularFile:
        raise CsvError(["is not a regular file (a pipe or a device?)"], path) from None
    except OSError as error:
        raise CsvError([f"cannot open: {describe_os_error(error, reading=True)}"], path) from None
    if b"\x00" in data:
        raise CsvError(["is a binary file, not CSV text"], path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CsvError(
            [f"is not UTF-8 text (line {line}); save it from the spreadsheet as 'CSV UTF-8'"],
            path,
        ) from None


def _read_rows(
    path: Path, known: Sequence[str], required: Sequence[str], problems: list[str]
) -> list[_Row]:
    text = _read_text(path)
    lines = text.splitlines(keepends=True)
    skip = 0
    while skip < len(lines) and not lines[skip].strip():
        skip += 1
    delimiter = None
    excel_separator = re.fullmatch(r"sep=(.)\s*", lines[skip]) if skip < len(lines) else None
    if excel_separator:  # Excel's "sep=;" hint line
        delimiter = excel_separator.group(1)
        skip += 1
    body = "".join(lines[skip:])
    delimiter = delimiter or _delimiter(lines[skip] if skip < len(lines) else "")
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_BYTES))
    try:
        table = list(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise CsvError([f"is not readable CSV ({error})"], path) from None
    if not table or not any(cell.strip() for cell in table[0]):
        raise CsvError(["has no header row"], path)
    header = [_normalise_header(cell) for cell in table[0]]
    missing = [column for column in required if column not in header]
    if missing:
        raise CsvError([f"has no column {', '.join(repr(m) for m in missing)}"], path)
    label = path.name
    for column in header:
        guess = difflib.get_close_matches(column, known, n=1, cutoff=0.8)
        if column and column not in known and guess:
            problems.append(
                f"{label}: column {column!r} is not one blueprint reads; did you mean {guess[0]!r}?"
            )
    rows = []
    for number, cells in enumerate(table[1:], start=skip + 2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            problems.append(f"{label} row {number}: has more cells than the header has columns")
        rows.append(
            _Row(
                label,
                number,
                dict(zip(header, cells, strict=False)),
                problems,
                comma_decimal=delimiter != ",",
            )
        )
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
                    f"{len(matches)} touchpoints are titled {_clip(title)!r} (touchpoint rows "
                    f"{rows}); give the one you mean in touchpoint_id",
                )
                return None
        if ref:
            row.fail("touchpoint_id", f"no touchpoint row has the id {_clip(ref)!r}")
        elif title:
            row.fail("touchpoint", f"no touchpoint is titled {_clip(title)!r}")
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
        demand = row.parse("contact_reason_demand", _choice(Demand))
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
            kind=row.parse("kind", _choice(FrictionKind), FrictionKind.HESITATION),
            nature=row.parse("nature", _choice(FrictionNature), FrictionNature.BAD),
            severity=row.whole("severity", 1, 4, 2),
            frequency=Frequency(
                count=row.amount("frequency_count", 0),
                per=row.parse("frequency_per", _choice(Period), Period.MONTH),
                source=row.parse(
                    "frequency_source", _choice(FrequencySource), FrequencySource.UNKNOWN
                ),
                **_frequency_range(row),
            ),
            leads_to_channel_id=leads_to.id if leads_to else None,
            gives_up=row.parse("gives_up", _yes_no, False),
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


def import_csv(touchpoints_csv: Path | str, frictions_csv: Path | str | None = None) -> Blueprint:
    """Build a blueprint from a touchpoints CSV and, optionally, a frictions CSV.

    Raises ``CsvError`` listing every bad row and column; nothing is half-imported.
    """
    problems: list[str] = []
    builder = _Builder()
    tp_rows = _read_rows(
        Path(touchpoints_csv), TOUCHPOINT_COLUMNS, ("title", "stage", "channel"), problems
    )
    index = _import_touchpoints(builder, tp_rows)
    if frictions_csv is not None:
        fr_rows = _read_rows(Path(frictions_csv), FRICTION_COLUMNS, ("title",), problems)
        _import_frictions(builder, fr_rows, index)
    if problems:
        raise CsvError(problems)
    bp = builder.finish()
    remaining = document_problems(bp)
    if remaining:
        raise CsvError([str(p) for p in remaining])
    return bp
