"""The tables as an Excel workbook (.xlsx), written and read with openpyxl.

Writing streams each sheet (openpyxl's write-only mode): a frozen, bold header row, column
widths, a filter, and drop-downs where a column has fixed choices. Text goes in as string
cells only, formula-safe (``cells.neutralise``), with the characters XML cannot hold written
the way Excel writes them (``_x000D_``), so every text comes back exactly.

Reading streams too (read-only mode), so a sheet of 100,000 rows is read in one pass. A
workbook is refused, with the sheet, row and column, when it holds a formula (blueprint
reads values, not formulas: a formula's last result may be missing or stale), an error
value such as #N/A, or merged cells (a merged cell holds its value in its first row only).
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from ...model import Blueprint
from ..atomic import (
    atomic_write_bytes,
)
from ..errors import XlsxError
from .cells import CellValue, PercentCell, RawCell, Unreadable, clip, neutralise, restore
from .columns import Column, Sheet
from .reading import read_table_file
from .sheets import SHEETS, WRITING_ORDER
from .workbook import BlueprintNames, Table, header, read_blueprint, sheet_rows

#: Excel holds at most this many characters in a cell.
MAX_CELL_TEXT = 32_767
#: Workbooks larger than this are refused before they are opened.
MAX_XLSX_BYTES = 256 * 1024 * 1024
#: The last row of a sheet: a drop-down covers the column, rows added later included.
LAST_ROW = 1_048_576
EXTENSIONS = (".xlsx", ".xlsm")

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_HEADER_ALIGNMENT = Alignment(vertical="top")


# --- text that XML cannot hold ------------------------------------------------------------

# What Excel itself writes as _xHHHH_: control characters, CR (XML would read it back as a
# line feed), and the two non-characters. A literal "_xHHHH_" gets its "_" escaped.
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape(text: str) -> str:
    """``text`` as an OOXML string (ST_Xstring): Excel and LibreOffice show the real text."""
    if text and not text.strip():  # blanks only: Excel drops them unless escaped
        return "".join(f"_x{ord(c):04X}_" for c in text)
    return _NEEDS_ESCAPE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape(text: str) -> str:
    """Undo ``escape`` (and read what Excel escaped the same way)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


# --- writing ------------------------------------------------------------------------------


def export_xlsx(bp: Blueprint, path: Path | str) -> Path:
    """Write ``bp`` as a workbook, one sheet per kind of entity; atomic: a failed export
    leaves no half-written file. Raises ``XlsxError`` (a text too long for a cell) or
    ``SaveError``."""
    path = Path(path)
    try:
        data = xlsx_bytes(bp)
    except XlsxError as error:
        raise error.with_path(path) from None
    atomic_write_bytes(path, data)
    return path


def xlsx_bytes(bp: Blueprint) -> bytes:
    workbook = Workbook(write_only=True)
    names = BlueprintNames(bp)
    sheets = {sheet.title: workbook.create_sheet(sheet.title) for sheet in WRITING_ORDER}
    # Every cell is made before the first is written: a text too long for a cell stops the
    # export before openpyxl has begun a sheet.
    rows = {
        sheet.title: [
            [_cell(sheets[sheet.title], v, sheet, n, i) for i, v in enumerate(row)]
            for n, row in enumerate(sheet_rows(sheet, bp, names), start=1)
        ]
        for sheet in WRITING_ORDER
    }
    counts = {sheet.title: len(rows.get(sheet.title, ())) for sheet in SHEETS}
    for sheet in WRITING_ORDER:
        worksheet = sheets[sheet.title]
        _lay_out(worksheet, sheet)
        worksheet.append([_header_cell(worksheet, name) for name in header(sheet)])
        for row in rows[sheet.title]:
            worksheet.append(row)
        last = get_column_letter(len(sheet.columns))
        worksheet.auto_filter.ref = f"A1:{last}{counts[sheet.title] + 1}"
        _add_drop_downs(worksheet, sheet, counts)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _lay_out(worksheet: Any, sheet: Sheet) -> None:
    """What must be set before the first row: the frozen header and the column widths."""
    worksheet.freeze_panes = "A2"
    for index, column in enumerate(sheet.columns, start=1):
        # Wide enough for the (bold) header too.
        width = max(column.width, len(column.name) + 3)
        worksheet.column_dimensions[get_column_letter(index)].width = width


def _header_cell(worksheet: Any, name: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value=name)
    cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGNMENT
    return cell


def _cell(worksheet: Any, value: CellValue, sheet: Sheet, number: int, index: int) -> Any:
    if isinstance(value, float) and float(f"{value:.16g}") != value:
        # openpyxl writes 16 digits, and some numbers need 17 to come back exactly.
        cell = WriteOnlyCell(worksheet, value=repr(value))
        cell.data_type = "n"
        return cell
    if not isinstance(value, str):
        return value
    text = escape(neutralise(value))
    if len(text) > MAX_CELL_TEXT:
        column = sheet.columns[index].name
        raise XlsxError(
            [
                f"{sheet.title} row {number + 1}, column '{column}': holds {len(text):,} "
                f"characters, more than an Excel cell holds ({MAX_CELL_TEXT:,}); shorten it, or "
                "export as CSV"
            ]
        )
    if text not in ERROR_CODES:
        return text  # a string cell (neutralise guards the '=' openpyxl takes for a formula)
    # openpyxl takes the text "#N/A" for an error value: the user typed it, it stays text.
    cell = WriteOnlyCell(worksheet, value=text)
    cell.data_type = "s"
    return cell


def _add_drop_downs(worksheet: Any, sheet: Sheet, counts: dict[str, int]) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        validation = _validation(column, counts)
        if validation is not None:
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            worksheet.data_validations.append(validation)


def _validation(column: Column, counts: dict[str, int]) -> DataValidation | None:
    kind = column.kind
    if kind.choices:
        listed = ", ".join(kind.choices)
        return DataValidation(
            type="list",
            formula1='"' + ",".join(kind.choices) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.name,
            error=f"Choose one of: {listed}",
        )
    if kind.bounds is not None:
        low, high = kind.bounds
        return DataValidation(
            type="whole",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.name,
            error=f"A whole number from {low} to {high}",
        )
    if kind.names_from is not None:
        source = next(s for s in SHEETS if s.collection == kind.names_from)
        letter = get_column_letter(1 + [c.name for c in source.columns].index("name"))
        last = max(counts[source.title] + 1, 2) + 500  # room for a few more
        return DataValidation(
            type="list",
            formula1=f"'{source.title}'!${letter}$2:${letter}${last}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.name,
            error=f"Choose one of the names in the {source.title} sheet",
        )
    return None


# --- reading ------------------------------------------------------------------------------


def import_xlsx(path: Path | str, unread: list[str] | None = None) -> Blueprint:
    """The blueprint a workbook exported by blueprint holds (edited or not). Raises
    ``XlsxError`` listing every problem by sheet, row and column; nothing is half-read.
    ``unread`` collects what it holds that blueprint does not read: a designer's own
    columns and sheets, with something in them."""
    path = Path(path)
    with open_workbook(path) as workbook:
        worksheets = _blueprint_sheets(workbook, path)
        problems = [p for ws in worksheets.values() for p in merged_cells(workbook, ws)]
        if problems:
            raise XlsxError(problems, path)
        tables = {title: table_of(ws, title) for title, ws in worksheets.items()}
        try:
            bp = read_blueprint(tables, XlsxError, unread)
        except XlsxError as error:
            raise error.with_path(path) from None
        if unread is not None:
            ours = {ws.title for ws in worksheets.values()}
            unread += [
                f"sheet {clip(sheet.title)!r}"
                for sheet in workbook.worksheets  # a chart sheet leaves nothing behind
                if sheet.title not in ours and _holds_something(sheet)
            ]
        return bp


def worksheet_names(workbook: Any) -> list[str]:
    """The names of a workbook's sheets of cells, in order: not its chart sheets, which hold
    no rows to read."""
    return [sheet.title for sheet in workbook.worksheets]


def _holds_something(sheet: Any) -> bool:
    """A worksheet with a value in it."""
    return any(c is not None and str(c).strip() for _, cells in rows_of(sheet) for c in cells)


class open_workbook:
    """A workbook opened to stream its sheets (``with open_workbook(path) as workbook``);
    ``XlsxError`` when the file is not one."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._workbook: Any = None

    def __enter__(self) -> Any:
        path = self._path
        data = read_table_file(path, MAX_XLSX_BYTES, XlsxError)
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise XlsxError(
                [
                    "is an old-style Excel file (.xls) or a password-protected workbook; save "
                    "it from Excel as an Excel Workbook (.xlsx), without a password"
                ],
                path,
            )
        try:
            with warnings.catch_warnings():
                # openpyxl warns of what it leaves out (styles, extensions) on every open.
                warnings.simplefilter("ignore")
                self._workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError) as e:
            said = _other_zip(data) or _reason(e)
            raise XlsxError([f"is not an Excel workbook (.xlsx): {said}"], path) from None
        except OSError:  # openpyxl: a zip archive with no workbook in it
            said = _other_zip(data) or "it is a zip archive with no workbook in it"
            raise XlsxError([f"is not an Excel workbook (.xlsx): {said}"], path) from None
        return self._workbook

    def __exit__(self, *exc: object) -> None:
        if self._workbook is not None:
            self._workbook.close()


#: Zip archives that are not workbooks, by a part each has: what they are.
_OTHER_ZIPS = (
    ("ppt/presentation.xml", "it is a PowerPoint deck (a plan?)"),
    ("word/document.xml", "it is a Word document"),
    ("content.xml", "it is an OpenDocument file; save it from its program as .xlsx"),
)


def _other_zip(data: bytes) -> str | None:
    """What a zip archive that is not a workbook is (a deck, a document, an OpenDocument
    spreadsheet), as its parts tell; None when they do not, or it is no zip archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    return next((kind for part, kind in _OTHER_ZIPS if part in names), None)


def _reason(error: Exception) -> str:
    if isinstance(error, zipfile.BadZipFile):
        return "it is not a zip archive, as every .xlsx file is"
    if isinstance(error, KeyError):
        return "a part every workbook has is missing"
    return str(error) or type(error).__name__


def _blueprint_sheets(workbook: Any, path: Path) -> dict[str, Any]:
    """The worksheets of the blueprint's sheets, by sheet title (case does not matter)."""
    present = {name.casefold(): name for name in workbook.sheetnames}
    missing = [s.title for s in SHEETS if s.title.casefold() not in present]
    if missing:
        has = ", ".join(repr(n) for n in workbook.sheetnames[:10])
        if len(workbook.sheetnames) > 10:
            has += f" and {len(workbook.sheetnames) - 10} more"
        if len(missing) == len(SHEETS):
            problem = (
                f"is not a workbook exported by blueprint: it has none of its sheets (it has "
                f"{has}); to take measures from it, use Import Metrics (import-metrics)"
            )
        else:
            listed = ", ".join(repr(m) for m in missing)
            problem = (
                f"has no sheet {listed} (it has {has}); a workbook exported by blueprint has "
                "one sheet per kind of entity, even an empty one: keep every sheet, with its "
                "header row"
            )
        raise XlsxError([problem], path)
    return {s.title: workbook[present[s.title.casefold()]] for s in SHEETS}


def table_of(worksheet: Any, label: str) -> Table:
    """A worksheet as a table: its first row the header, the rest streamed."""
    worksheet.reset_dimensions()  # some writers give a wrong size; read every row there is
    rows = rows_of(worksheet)
    first = next(rows, (1, ()))
    return Table(label, first[1], rows)


def rows_of(worksheet: Any) -> Iterator[tuple[int, Sequence[RawCell]]]:
    """(row number, cells) for each row, text restored exactly; a formula or an error value
    becomes an ``Unreadable`` cell that says what it holds."""
    for number, row in enumerate(worksheet.iter_rows(), start=1):
        yield number, [_raw(cell) for cell in row]


def _raw(cell: Any) -> RawCell:
    value = cell.value
    kind = getattr(cell, "data_type", None)
    if value is None:
        return None
    if kind == "f":
        shown = str(value)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        return Unreadable(
            f"holds a formula ({shown}); blueprint reads values, not formulas: copy the column "
            "and paste it back as values only"
        )
    if kind == "e":
        return Unreadable(f"holds the error value {value}; put a value there, or leave it empty")
    if isinstance(value, str):
        return restore(unescape(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown_as = getattr(cell, "number_format", None) or ""
        return PercentCell(value) if "%" in shown_as else value
    if isinstance(value, datetime | date | bool):
        return value
    return str(value)  # a time of day, a duration: read as its text


def merged_cells(workbook: Any, worksheet: Any) -> list[str]:
    """The merged ranges of a worksheet, each as a problem. openpyxl's read-only sheets do
    not say which cells are merged, so the sheet's XML is searched for them (they come
    after the rows)."""
    archive = getattr(workbook, "_archive", None)
    part = getattr(worksheet, "_worksheet_path", None)
    if archive is None or part is None:
        return []
    found: list[str] = []
    tail = b""
    with archive.open(part) as source:
        while chunk := source.read(1 << 20):
            block = tail + chunk
            found += [m.group(1).decode() for m in _MERGE.finditer(block)]
            tail = block[-200:]  # an element cut in two is whole in the next block
    return [
        f"{worksheet.title}: cells {ref} are merged; unmerge them and fill in every row (a "
        "merged cell holds its value in its first row only)"
        for ref in dict.fromkeys(found)
    ]


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")
