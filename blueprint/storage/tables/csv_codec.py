"""The tables as CSV files: one file per sheet in a folder, written and read.

Written as UTF-8 with a byte order mark (so spreadsheet programs take it for UTF-8), comma
separated, text formula-safe (``cells.neutralise``). Read forgivingly, as spreadsheets save
them in many locales: comma, semicolon or tab separated (and Excel's ``sep=`` line), a
decimal comma in semicolon and tab files, blank lines before the header.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...model import Blueprint
from ..atomic import (
    atomic_write_files,
    describe_os_error,
)
from ..errors import CsvError
from ..jsonfile import UTF16_32_BOMS
from .cells import CellValue, day_first_of, neutralise, number_text, restore
from .kinds import Date
from .reading import read_table_file
from .sheets import SHEETS, WRITING_ORDER
from .workbook import (
    BlueprintNames,
    Table,
    header,
    normalise_header,
    read_blueprint,
    sheet_rows,
)

MAX_CSV_BYTES = 64 * 1024 * 1024


# --- writing ------------------------------------------------------------------------------


#: Before the rows of a CSV file, so that spreadsheet programs read it as UTF-8: Excel reads a
#: CSV without one in the legacy code page ("CrÃ©dit", "â‚¬").
UTF8_BOM = "\ufeff".encode()


def csv_bytes(head: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return UTF8_BOM + buffer.getvalue().encode("utf-8")


def _cell(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    return number_text(value)


def export_csv_folder(bp: Blueprint, folder: Path | str) -> list[Path]:
    """Write one CSV file per sheet into ``folder`` (touchpoints.csv first), all as one: a
    failure half-way (a full disk) leaves every file there as it was, never a folder of new
    and old files that an import would take as one blueprint."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CsvError([f"cannot create the folder: {describe_os_error(error)}"], folder) from None
    names = BlueprintNames(bp)
    files = [
        (folder / sheet.file, csv_bytes(header(sheet), sheet_rows(sheet, bp, names)))
        for sheet in WRITING_ORDER
    ]
    atomic_write_files(files)
    return [path for path, _data in files]


# --- reading ------------------------------------------------------------------------------


@dataclass
class CsvTable:
    """A CSV file as read: its header and its numbered rows of cells, as typed."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str
    #: how its bytes were read: UTF-8, or ``WINDOWS_1252`` for a file that is not UTF-8
    encoding: str = "UTF-8"

    @property
    def comma_decimal(self) -> bool:
        """';' and tab separated files come from locales that write 2,5."""
        return self.delimiter != ","

    def cells_of(self, columns: Collection[str]) -> Iterator[str]:
        """The cells of the columns named (as ``normalise_header`` names them)."""
        where = [i for i, name in enumerate(self.header) if normalise_header(name) in columns]
        return (cell for i in where for cell in self.cells_at(i))

    def cells_at(self, column: int) -> Iterator[str]:
        """The cells of one column, by its index."""
        return (cells[column] for _, cells in self.rows if column < len(cells))


#: What Excel's plain "CSV" writes in Western Europe and the Americas (the ANSI code page),
#: and what a file that is not UTF-8 is read as.
WINDOWS_1252 = "Windows-1252"


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was read in: UTF-8 (with or without its mark),
    else Windows-1252, the usual other (a contact centre's export saved by Excel as plain
    'CSV'); a file that is neither is refused."""
    data = read_table_file(path, MAX_CSV_BYTES, CsvError)
    if data.startswith(UTF16_32_BOMS):  # Excel's "Unicode Text": its NUL bytes are not binary
        raise CsvError(
            [
                "is encoded as UTF-16 or UTF-32, not UTF-8; save it from the spreadsheet as "
                "'CSV UTF-8'"
            ],
            path,
        )
    if b"\x00" in data:
        raise CsvError(["is a binary file, not CSV text"], path)
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    not_utf8 = CsvError(
        [f"is not UTF-8 text (line {line}); save it from the spreadsheet as 'CSV UTF-8'"], path
    )
    lenient = data.decode("utf-8", errors="replace")
    if any(ord(c) > 127 and c != "\ufffd" for c in lenient):
        raise not_utf8  # UTF-8 with a stray byte: read as Windows-1252 its accents garble
    try:
        return data.decode("cp1252"), WINDOWS_1252
    except UnicodeDecodeError:
        raise not_utf8 from None


def not_utf8(paths: list[Path]) -> list[Path]:
    """Those of the CSV files (read before) that were read as Windows-1252: to be said,
    as accented names may have come out otherwise than typed."""
    return [p for p in paths if p.is_file() and read_text(p)[1] != "UTF-8"]


def _delimiter(head: str) -> str:
    """The separator of the header row: spreadsheets in many locales write ';' or tabs.

    Only the delimiter is guessed; the quote character is always '"' (csv.Sniffer also
    guesses quotes, and takes a cell such as '' for quoting).
    """
    counts = {sep: head.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv(path: Path) -> CsvTable:
    """A CSV file's header and rows; ``CsvError`` when it is not readable CSV."""
    text, encoding = read_text(path)
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
    rows = list(enumerate(table[1:], start=skip + 2))
    return CsvTable(table[0], rows, delimiter, encoding)


def _table(label: str, read: CsvTable, day_first: bool | None) -> Table:
    """A CSV file as one of the tables of a blueprint: text restored, empty cells None."""
    rows = [(n, [restore(c) if c else None for c in cells]) for n, cells in read.rows]
    return Table(label, read.header, rows, read.comma_decimal, day_first)


def sheet_files(folder: Path | str) -> list[Path]:
    """The files of a folder written by ``export_csv_folder``, one per sheet."""
    return [Path(folder) / sheet.file for sheet in SHEETS]


def import_csv_folder(folder: Path | str, unread: list[str] | None = None) -> Blueprint:
    """The blueprint a folder of CSV files written by ``export_csv_folder`` holds (edited or
    not). Raises ``CsvError`` listing every problem by file, row and column. ``unread``
    collects the columns with something in them that blueprint does not read."""
    folder = Path(folder)
    missing = [p.name for p in sheet_files(folder) if not p.is_file()]
    if missing:
        listed = ", ".join(missing)
        problem = (
            f"has no {listed}; a folder exported by blueprint has one CSV file per kind of "
            "entity, even an empty one: keep every file, with its header row"
        )
        if (folder / "touchpoints.csv").is_file():
            problem += (
                " (to build a blueprint from touchpoints.csv and frictions.csv alone, give "
                "the files instead of the folder)"
            )
        raise CsvError([problem], folder)
    reads = {sheet.title: read_csv(folder / sheet.file) for sheet in SHEETS}
    # Which of day and month comes first, as any date of the folder shows: one spreadsheet
    # saved all its files, writing every date alike (the date columns only: a title typed
    # 13/5/2026 tells nothing of them).
    day_first = day_first_of(
        cell
        for sheet in SHEETS
        for cell in reads[sheet.title].cells_of(
            {c.name for c in sheet.columns if isinstance(c.kind, Date)}
        )
    )
    tables = {sheet.title: _table(sheet.file, reads[sheet.title], day_first) for sheet in SHEETS}
    try:
        return read_blueprint(tables, CsvError, unread)
    except CsvError as error:
        raise error.with_path(folder) from None
