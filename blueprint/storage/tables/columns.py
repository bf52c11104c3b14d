"""What a column of a sheet is (``Column``) and what a sheet is (``Sheet``): the parts
``sheets`` describes the blueprint's tables with."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ...model import Blueprint
from ...model.entities import Entity
from .kinds import Kind, Word

TEXT, WORD = Kind(), Word()
#: The file format (schema version) of the first spreadsheet exports.
FIRST_EXPORTED = 4
ID_WIDTH, NAME_WIDTH, PROSE_WIDTH, NUMBER_WIDTH = 34, 28, 36, 10


@dataclass(frozen=True)
class Column:
    """One column: its header, what it holds, and which field of the entity it is."""

    name: str
    kind: Kind = TEXT
    #: the field (dotted: ``epic.easy``) the column is read into; None: written for people
    field: str | None = None
    #: the field it is written from, when not ``field`` (a title shown beside an id)
    source: str | None = None
    width: int = 14
    #: a sheet without this column cannot be read
    required: bool = False
    #: an export always writes a value here (a choice, a score, a count): in a sheet with
    #: ids, a row with an id whose cell is empty, or the column gone, is a problem (the
    #: field's default would silently replace the value); a new row may leave it empty
    filled: bool = False
    #: the file format whose exports first wrote it: a workbook exported before lacks it
    since: int = FIRST_EXPORTED

    @property
    def path(self) -> str:
        return self.source or self.field or ""


def col(name: str, kind: Kind = TEXT, width: int = 14, **options: Any) -> Column:
    """A column read into the field of the same name."""
    return Column(name, kind, options.pop("field", name), width=width, **options)


class PersonaPreference(Entity):
    """One row of the preferred channels sheet: a persona's channel at a stage."""

    noun: ClassVar[str] = "preferred channel"
    persona_id: str
    stage_id: str
    channel_id: str


@dataclass(frozen=True)
class Sheet:
    """One kind of entity as a table."""

    title: str  # of the worksheet
    file: str  # of the CSV file
    noun: str  # what a row is, in messages
    columns: tuple[Column, ...]
    #: the rows to write: entities of the blueprint (or the blueprint itself)
    items: Callable[[Blueprint], Iterable[Any]]
    #: an entity from a row's fields; pydantic's ValidationError when one is wrong
    make: Callable[..., Any]
    #: nested objects (``future``, ``future.epic``) left unset when all their cells are empty;
    #: deepest first
    groups: tuple[str, ...] = ()
    #: the blueprint's list the rows go to (None: the blueprint's own fields, preferences)
    collection: str | None = None
    by_field: dict[str, Column] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self.by_field.update({c.field: c for c in self.columns if c.field})

    def column_for(self, field_path: str | None) -> Column | None:
        """The column a field (or a nested field of it) is read from."""
        if not field_path:
            return None
        if field_path in self.by_field:
            return self.by_field[field_path]
        return next((c for f, c in self.by_field.items() if f.startswith(field_path + ".")), None)
