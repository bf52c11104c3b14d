"""A blueprint as its tables, and back: what both encodings share.

Writing gives, for each sheet, its header and its rows of ``CellValue``. Reading takes what
an encoding read (a ``Table`` per sheet: header and numbered rows of ``RawCell``), checks
every cell, builds every entity, then checks the blueprint as a whole, and either returns it
or raises one error listing each problem by sheet, row and column: nothing is half-read.
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ...model import Blueprint, PreferredChannel, Presence, document_problems
from ...model.measures import out_of_step
from ...model.validation import problems_from_validation_error
from ..errors import SpreadsheetError
from .cells import BadCell, CellValue, RawCell, Unreadable, clip, shown, text_of
from .columns import FIRST_EXPORTED, Column, PersonaPreference, Sheet
from .kinds import MISSING, OMIT, REASON_SEPARATOR
from .sheets import PREFERENCES_SHEET, SHEETS

#: The blueprint's own fields, in its sheet.
OWN_FIELDS = ("title", "organisation", "currency", "description")
NOUNS = {
    "stages": "stage",
    "channels": "channel",
    "personas": "persona",
    "touchpoints": "touchpoint",
    "contact_reasons": "contact reason",
}


# --- writing ----------------------------------------------------------------------------------


def header(sheet: Sheet) -> list[str]:
    return [column.name for column in sheet.columns]


def sheet_rows(sheet: Sheet, bp: Blueprint, names: BlueprintNames) -> Iterator[list[CellValue]]:
    """The rows of ``sheet`` for ``bp``, in document order."""
    columns = [(column.path.split("."), column.kind) for column in sheet.columns]
    for item in sheet.items(bp):
        yield [kind.write(_value(item, path), names) for path, kind in columns]


def _value(item: Any, path: list[str]) -> Any:
    for part in path:
        if item is None:
            return MISSING
        item = getattr(item, part)
    return item


class BlueprintNames:
    """Names and titles of a whole blueprint, for writing its sheets."""

    def __init__(self, bp: Blueprint) -> None:
        self._names = {
            kind: {e.id: e.name for e in getattr(bp, kind)}
            for kind in ("stages", "channels", "personas")
        }
        self._names["touchpoints"] = {t.id: t.title for t in bp.touchpoints}
        self._reasons = {r.id: r for r in bp.contact_reasons}

    def name_of(self, collection: str, entity_id: str) -> str:
        return self._names[collection].get(entity_id, entity_id)

    def reason_path(self, reason_id: str) -> str:
        reason = self._reasons.get(reason_id)
        if reason is None:
            return reason_id
        parent = self._reasons.get(reason.parent_id) if reason.parent_id else None
        return f"{parent.name}{REASON_SEPARATOR}{reason.name}" if parent else reason.name

    def reason_demand(self, reason_id: str) -> str:
        reason = self._reasons.get(reason_id)
        return reason.demand.value if reason else ""


# --- reading ----------------------------------------------------------------------------------


@dataclass
class Table:
    """One sheet as an encoding read it."""

    label: str  # how messages name it: "Touchpoints" or "touchpoints.csv"
    header: Sequence[RawCell]
    #: (the row's number as the spreadsheet shows it, its cells)
    rows: Iterable[tuple[int, Sequence[RawCell]]]
    comma_decimal: bool = False
    #: its dates written 30/09/2026 put the day first (True), the month (False), or either
    day_first: bool | None = None


#: Names listed when a cell names none of them: every stage, channel and persona of a grid.
LISTED_NAMES = 30


class ReadNames:
    """What the sheets read so far hold, for the sheets after them to name it."""

    def __init__(self) -> None:
        self._by_id: dict[str, dict[str, Any]] = {kind: {} for kind in NOUNS}
        self._exact: dict[str, dict[str, str]] = {kind: {} for kind in NOUNS}
        self._loose: dict[str, dict[str, list[str]]] = {kind: {} for kind in NOUNS}
        #: (noun, id) -> [(name, sheet label, row number)], to say where a problem is
        self.rows: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
        #: ids and names of rows that could not be read: a cell naming one is not reported
        #: again (the row's own problem is)
        self._broken: dict[str, set[str]] = {kind: set() for kind in NOUNS}
        #: sheets that could not be read at all (a required column missing): every row is
        #: unreadable, so no cell naming one of them is reported
        self._broken_sheets: set[str] = set()

    def add_broken_sheet(self, collection: str | None) -> None:
        if collection in NOUNS:
            self._broken_sheets.add(collection)

    def add_broken(self, collection: str | None, row: _Row) -> None:
        if collection not in NOUNS:
            return
        for column in ("id", "title" if collection == "touchpoints" else "name"):
            cell = row.cell(column)
            if isinstance(cell, str | int | float) and not isinstance(cell, bool):
                self._broken[collection] |= {text_of(cell), loosely(text_of(cell))}

    def _unknown(self, collection: str, wanted: str, message: str) -> BadCell:
        broken = self._broken[collection]
        follows = collection in self._broken_sheets or wanted in broken or loosely(wanted) in broken
        return BadCell(message, quoted=True, follows=follows)

    def add(self, collection: str | None, entity: Any, label: str, number: int) -> None:
        entity_id = getattr(entity, "id", None)
        if entity_id is not None:
            place = (entity.display_name, label, number)
            self.rows.setdefault((entity.noun, entity_id), []).append(place)
        if collection not in NOUNS:
            return
        name = entity.title if collection == "touchpoints" else entity.name
        self._by_id[collection].setdefault(entity.id, entity)
        self._exact[collection].setdefault(name, entity.id)
        self._loose[collection].setdefault(loosely(name), []).append(entity.id)

    def touchpoint_state(self, touchpoint_id: str) -> Presence | None:
        touchpoint = self._by_id["touchpoints"].get(touchpoint_id)
        return None if touchpoint is None else touchpoint.state

    def name_of(self, collection: str, entity_id: str) -> str:
        entity = self._by_id[collection].get(entity_id)
        if entity is None:
            message = f"no {NOUNS[collection]} has the id {clip(entity_id)!r}"
            raise self._unknown(collection, entity_id, message)
        return entity.title if collection == "touchpoints" else entity.name

    def id_named(self, collection: str, name: str) -> str:
        found = self._exact[collection].get(name)
        if found is not None:
            return found
        loose = self._loose[collection].get(loosely(name), [])
        if len(loose) == 1:
            return loose[0]
        noun = NOUNS[collection]
        if loose:
            raise BadCell(f"{len(loose)} {noun}s are named {clip(name)!r}", quoted=True)
        known = list(self._exact[collection])
        # Whole names, and all of a grid's: the ones cut short ("'Older first-time fibre
        # custom…'", "'Retention', …") were the very names to type.
        shown = known[:LISTED_NAMES]
        listed = ", ".join(repr(clip(n, 80)) for n in shown) + (
            ", …" if known[len(shown) :] else ""
        )
        where = f"(there are: {listed})" if known else "(there are none)"
        meant = likely_meant(name, known)
        hint = f"; did you mean {meant!r}?" if meant else ""
        # The hint first: a dialog cuts a long line, and the list of names came before it.
        raise self._unknown(collection, name, f"no {noun} is named {clip(name)!r}{hint} {where}")

    def names(self, collection: str) -> Sequence[str]:
        return list(self._exact[collection])

    def any_touchpoint_titled(self, title: str) -> bool:
        """Whether a row of the Touchpoints sheet has this title (read, or not readable)."""
        loose = loosely(title)
        return bool(self._loose["touchpoints"].get(loose)) or loose in self._broken["touchpoints"]

    def touchpoint_titled(self, title: str) -> str:
        ids = [i for i in self._loose["touchpoints"].get(loosely(title), [])]
        exact = [i for i in ids if self._by_id["touchpoints"][i].title == title]
        ids = exact if len(exact) == 1 else ids
        if len(ids) == 1:
            return ids[0]
        if not ids:
            raise self._unknown("touchpoints", title, f"no touchpoint is titled {clip(title)!r}")
        rows = ", ".join(str(self.rows[("touchpoint", i)][0][2]) for i in ids[:5])
        raise BadCell(
            f"{len(ids)} touchpoints are titled {clip(title)!r} (Touchpoints rows {rows}); "
            "give the one you mean by its id",
            quoted=True,
        )

    def reason_path(self, reason_id: str) -> str:
        reason = self._by_id["contact_reasons"].get(reason_id)
        if reason is None:
            message = f"no contact reason has the id {clip(reason_id)!r}"
            raise self._unknown("contact_reasons", reason_id, message)
        parent = self._by_id["contact_reasons"].get(reason.parent_id or "")
        return f"{parent.name}{REASON_SEPARATOR}{reason.name}" if parent else reason.name

    def reason_demand(self, reason_id: str) -> str:
        self.reason_path(reason_id)  # known?
        return self._by_id["contact_reasons"][reason_id].demand.value

    def reason_at(self, path: str) -> str:
        wanted = loosely(path)
        reasons = self._by_id["contact_reasons"]
        found = [i for i in reasons if loosely(self.reason_path(i)) == wanted]
        if len(found) == 1:
            return found[0]
        if found:
            raise BadCell(
                f"{len(found)} contact reasons are {clip(path)!r}; give the one you mean in "
                "contact_reason_id",
                quoted=True,
            )
        raise BadCell(f"no contact reason is {clip(path)!r}", quoted=True)


def likely_meant(name: str, known: Sequence[str]) -> str | None:
    """The one name a mistyped or shortened one most likely means ("Busy family" for "Busy
    family household"), if any."""
    wanted = loosely(name)
    starting = [n for n in known if loosely(n).startswith(wanted)] if wanted else []
    if len(starting) == 1:
        return starting[0]
    close = difflib.get_close_matches(wanted, [loosely(n) for n in known], n=1, cutoff=0.75)
    return next((n for n in known if close and loosely(n) == close[0]), None)


def loosely(name: str) -> str:
    return " ".join(name.split()).casefold()


def normalise_header(cell: RawCell) -> str:
    text = "" if cell is None else str(cell)
    return "_".join(text.replace("\ufeff", "").strip().casefold().replace("-", " ").split())


class _Row:
    def __init__(
        self, cells: dict[str, RawCell], comma_decimal: bool, day_first: bool | None
    ) -> None:
        self._cells = cells
        #: numbers may be written 2,5 (a file from a locale that writes them so)
        self.comma_decimal = comma_decimal
        #: dates written with slashes put the day first (``Table.day_first``)
        self.day_first = day_first

    def cell(self, column: str) -> RawCell:
        return self._cells.get(column)

    def cells(self) -> Iterable[tuple[str, RawCell]]:
        return self._cells.items()


def _blank(cell: RawCell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def find_columns(
    label: str,
    head: Sequence[RawCell],
    known: Sequence[str],
    required: Iterable[str],
    problems: list[str],
    guessed: set[str] | None = None,
) -> dict[str, int] | None:
    """Where each ``known`` column is in the header row ``head`` of the sheet (or file)
    ``label``. A column named twice, one that looks like a misspelt known column, and a
    ``required`` one missing are each a problem; None when a required one is missing.
    ``guessed`` collects the known columns a misspelt one was taken for (said already)."""
    names = [normalise_header(cell) for cell in head]
    where: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            continue
        if name in where:
            problems.append(f"{label}: has two columns named {name!r}")
        elif name in known:
            where[name] = index
        else:
            guess = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
            if guess and guessed is not None:
                guessed.add(guess[0])
            if guess and guess[0] not in names:
                problems.append(
                    f"{label}: column {name!r} is not one blueprint reads; did you mean "
                    f"{guess[0]!r}?"
                )
            elif guess:  # what is typed in it would be dropped unseen
                problems.append(
                    f"{label}: column {name!r} is not one blueprint reads, and looks like "
                    f"{guess[0]!r}, which is there too: remove one of them, or rename it"
                )
    missing = [name for name in required if name not in where]
    if missing:
        listed = ", ".join(repr(m) for m in missing)
        problems.append(f"{label}: has no column {listed} (the header is its first row)")
        return None
    return where


def _read_rows(
    sheet: Sheet,
    table: Table,
    names: ReadNames,
    problems: list[str],
    unread: list[str] | None = None,
) -> Iterator[tuple[Any, int]]:
    required = [column.name for column in sheet.columns if column.required]
    guessed: set[str] = set()
    where = find_columns(table.label, table.header, header(sheet), required, problems, guessed)
    exported = where is not None and "id" in where  # its rows have a value in each
    filled = [c for c in sheet.columns if c.filled] if exported else []
    gone = _deleted_columns(sheet, where, guessed) if exported else []
    if gone:
        listed = ", ".join(repr(name) for name in gone)
        problems.append(
            f"{table.label}: has no column {listed}, which every export of it has: put the "
            "column back (deleted, it would empty that field, or give it the default, in "
            "every row)"
        )
        where = None
    if where is None:
        names.add_broken_sheet(sheet.collection)
        return
    width = max(where.values(), default=-1) + 1
    others = UnreadColumns(table.label, table.header, where)
    for number, cells in table.rows:
        if all(_blank(c) for c in cells):
            continue
        others.count(cells)
        beyond = [i for i in range(width, len(cells)) if not _blank(cells[i])]
        if beyond and beyond[0] >= len(table.header):
            problems.append(
                f"{table.label} row {number}: has a value beyond the last column of the header"
            )
        row = _Row(
            {name: cells[i] if i < len(cells) else None for name, i in where.items()},
            table.comma_decimal,
            table.day_first,
        )
        emptied = _emptied(filled, table.label, number, row, problems)
        entity = _entity(sheet, table.label, number, row, names, problems, emptied)
        if entity is not None:
            yield entity, number
        else:
            names.add_broken(sheet.collection, row)
    if unread is not None:
        unread += others.said()


#: What an import left behind, named in full up to this many; the rest counted.
UNREAD_NAMED = 10


def unread_sentence(unread: Sequence[str]) -> str:
    """What an import left behind (``read_blueprint``'s ``unread``), for the user."""
    named = "; ".join(unread[:UNREAD_NAMED])
    if len(unread) > UNREAD_NAMED:
        named += f"; and {len(unread) - UNREAD_NAMED} more"
    return (
        f"not read, as a blueprint has no place for it (an export leaves it out, so keep the "
        f"workbook or the files): {named}."
    )


class UnreadColumns:
    """The columns of a header that blueprint does not read (a designer's own: a column of
    workshop comments), and how many of their cells hold something, row after row: what an
    import leaves behind, to be said (``said``)."""

    def __init__(self, label: str, head: Sequence[RawCell], where: Mapping[str, int]) -> None:
        self._label, self._head = label, head
        read = set(where.values())
        self._filled = {
            i: 0 for i, cell in enumerate(head) if i not in read and normalise_header(cell)
        }

    def count(self, cells: Sequence[RawCell]) -> None:
        for i in self._filled:
            if i < len(cells) and not _blank(cells[i]):
                self._filled[i] += 1

    def said(self) -> list[str]:
        return [
            f"{self._label} column {clip(str(self._head[i]).strip())!r} "
            f"({count} filled {'cell' if count == 1 else 'cells'})"
            for i, count in self._filled.items()
            if count
        ]


def _deleted_columns(sheet: Sheet, where: dict[str, int] | None, guessed: set[str]) -> list[str]:
    """The columns of an export missing from a sheet that is one: every column a filled
    one has a value in, and any column at all of a sheet that kept most of them (deleted,
    a state, a cost per contact or the notes would be emptied in every row, unsaid). A
    sheet made by hand with a few columns (an id among them) is not an export; a column
    misspelt is said already; a column newer than the first exports may be missing from a
    workbook exported before it was (every workbook made before it then failed to import)."""
    if where is None:
        return []
    kept = sum(1 for c in sheet.columns if c.name in where)
    most = 2 * kept > len(sheet.columns)
    return [
        c.name
        for c in sheet.columns
        if c.name not in where
        and c.name not in guessed
        and c.since == FIRST_EXPORTED
        and (c.filled or most)
    ]


def _emptied(
    filled: list[Column], label: str, number: int, row: _Row, problems: list[str]
) -> list[str]:
    """The fields of a row that came from an export whose cells were emptied where the export
    wrote a value: each is a problem, not a silent default. A row came from an export when
    it has an id and some of those cells filled in (a row added by hand, with an id typed
    to link it, may leave them all empty for the defaults)."""
    if not filled or _blank(row.cell("id")):
        return []
    empty = [column for column in filled if _blank(row.cell(column.name))]
    if len(empty) == len(filled):
        return []
    for column in empty:
        kind = column.kind
        if kind.choices:
            hint = f"one of {', '.join(kind.choices)}"
        elif kind.bounds:
            hint = f"a whole number from {kind.bounds[0]} to {kind.bounds[1]}"
        else:
            hint = kind.typed
        problems.append(f"{label} row {number}, column '{column.name}': is empty; type {hint}")
    return [column.field for column in empty if column.field]


def _entity(
    sheet: Sheet,
    label: str,
    number: int,
    row: _Row,
    names: ReadNames,
    problems: list[str],
    emptied: Sequence[str] = (),
) -> Any:
    """The row's entity, or None with each of its problems said (``emptied``: fields
    already said to be wrongly empty, read as their defaults only to find the others)."""
    fields: dict[str, Any] = {}
    unreadable = [(name, cell) for name, cell in row.cells() if isinstance(cell, Unreadable)]
    for name, cell in unreadable:
        problems.append(f"{label} row {number}, column '{name}': {cell.reason}")
    if unreadable:
        return None
    failed: list[str] = list(emptied)  # the fields of the cells that could not be read
    for column in sheet.columns:
        if column.field is None:
            continue
        cell = row.cell(column.name)
        try:
            value = column.kind.read(cell, names, row)
        except BadCell as error:
            got = "" if error.quoted else f" (got {shown(cell)})"
            if not error.follows:
                problems.append(f"{label} row {number}, column '{column.name}': {error}{got}")
            failed.append(column.field)
            continue
        if value is not OMIT:
            _put(fields, column.field.split("."), value)
    for group in sheet.groups:
        _drop_if_empty(fields, group.split("."))
    if "id" not in fields and sheet.by_field.get("id") is not None:
        fields["id"] = _row_id(sheet, number, row)
    try:
        entity = sheet.make(**fields)
    except ValidationError as error:
        # Said with the cells that could not be read, so that one pass names every problem
        # of the row (an empty title too), but for what those cells leave missing.
        for problem in problems_from_validation_error(error.errors(), None):
            if not _within(problem.field, failed):
                problems.append(_where(sheet, label, number, problem.field) + problem.message)
        return None
    return None if failed else entity


#: Names the ids of rows added without one (any fixed UUID does; this one must not change).
_ROW_IDS = uuid.UUID("6f1d3c2a-8b7e-5a41-9c0d-2e4f6a8b0c1d")


def _row_id(sheet: Sheet, number: int, row: _Row) -> str:
    """The id of a row added without one: the same for the same row of the same workbook
    (fresh ones at each import made two people importing one workbook hold the same new
    friction point under two ids, which a merge then kept twice)."""
    cells = "\x1f".join(f"{name}={cell!r}" for name, cell in row.cells())
    return uuid.uuid5(_ROW_IDS, f"{sheet.title}\x1f{number}\x1f{cells}").hex


def _within(field: str | None, fields: list[str]) -> bool:
    """Whether ``field`` is one of ``fields`` or part of one (or holds one)."""
    if field is None:
        return False
    return any(field == f or field.startswith(f + ".") or f.startswith(field + ".") for f in fields)


def _put(fields: dict, path: list[str], value: Any) -> None:
    for part in path[:-1]:
        fields = fields.setdefault(part, {})
    fields[path[-1]] = value


def _drop_if_empty(fields: dict, path: list[str]) -> None:
    for part in path[:-1]:
        fields = fields.get(part, {})
    if path[-1] in fields and not fields[path[-1]]:
        del fields[path[-1]]


def _where(sheet: Sheet, label: str, number: int, field: str | None) -> str:
    column = sheet.column_for(field)
    return f"{label} row {number}" + (f", column '{column.name}': " if column else ": ")


def read_blueprint(
    tables: Mapping[str, Table],
    error: type[SpreadsheetError] = SpreadsheetError,
    unread: list[str] | None = None,
) -> Blueprint:
    """The blueprint that ``tables`` (one per sheet, by sheet title) hold; ``error`` (listing
    every problem by sheet, row and column) when they cannot be read as one. ``unread``
    collects the columns blueprint does not read that hold something (said to the user: an
    export leaves them out)."""
    problems: list[str] = []
    names = ReadNames()
    lists: dict[str, list[Any]] = {}
    own: list[Blueprint] = []
    for sheet in SHEETS:
        table = tables[sheet.title]
        rows = []
        for entity, number in _read_rows(sheet, table, names, problems, unread):
            names.add(sheet.collection, entity, table.label, number)
            rows.append((entity, number))
        if sheet.collection is not None:
            lists[sheet.collection] = [entity for entity, _ in rows]
        elif sheet is PREFERENCES_SHEET:
            _prefer(rows, lists.get("personas", []), table.label, problems)
        else:
            own = [entity for entity, _ in rows]
            if len(own) > 1:
                problems.append(
                    f"{table.label}: must have one row under its header (the blueprint's "
                    f"title, organisation, currency and description); it has {len(own)}"
                )
    if problems:
        raise error(problems)
    fields = {name: getattr(own[0], name) for name in OWN_FIELDS} if own else {}
    bp = Blueprint(**fields, **lists)
    located = [_locate(problem, names) for problem in [*document_problems(bp), *out_of_step(bp)]]
    if located:
        raise error(located)
    return bp


def _prefer(
    rows: list[tuple[PersonaPreference, int]],
    personas: list[Any],
    label: str,
    problems: list[str],
) -> None:
    """Each row to its persona's preferred channels, in row order."""
    by_id = {p.id: p for p in personas}
    for row, number in rows:
        persona = by_id[row.persona_id]
        if any(p.stage_id == row.stage_id for p in persona.preferred_channels):
            problems.append(
                f"{label} row {number}, column 'stage': the persona {clip(persona.name)!r} "
                "already prefers a channel at this stage (one a stage)"
            )
            continue
        persona.preferred_channels.append(
            PreferredChannel(stage_id=row.stage_id, channel_id=row.channel_id)
        )


def _locate(problem: Any, names: ReadNames) -> str:
    """A problem of the whole blueprint, said where it is in the sheets."""
    places = names.rows.get((problem.noun, problem.entity_id or ""), [])
    sheet = next((s for s in SHEETS if s.noun == problem.noun), None)
    if not places or sheet is None:
        return str(problem)
    # Two rows with one id: the problem is the one named like the row.
    _, label, number = next((p for p in places if p[0] == problem.name), places[0])
    return _where(sheet, label, number, problem.field) + problem.message
