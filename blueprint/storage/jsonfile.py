"""The ``.blueprint`` file format: canonical UTF-8 JSON with a format marker and a version.

Reading is defensive: whatever the bytes, the caller gets a ``Blueprint`` or one
``LoadError`` subclass with a message a person can act on. Writing is canonical (fixed key
order, keys at their default left out, entities in document order, 2-space indent, newline
at the end) so that saving an unchanged file gives the same bytes and git diffs stay small.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticSerializationError

from .. import __version__
from ..collector import collector_paused
from ..model import FORMAT_MARKER, SCHEMA_VERSION, Blueprint, document_problems
from ..model.validation import missing_ids, problems_from_validation_error
from .atomic import (
    NotRegularFile,
    TooLarge,
    atomic_write_bytes,
    describe_os_error,
    open_regular_file,
)
from .errors import (
    BinaryFileError,
    DuplicateKeyError,
    EmptyFileError,
    EncodingError,
    FileTooLargeError,
    InvalidBlueprintError,
    LoadError,
    MalformedJSONError,
    NestingTooDeepError,
    NewerVersionError,
    NotABlueprintError,
    UnsupportedNumberError,
)
from .migrations import FIRST_SCHEMA_VERSION, MigrationGap, migrate

EXTENSION = ".blueprint"
# Straight to UTF-8 bytes: model_dump_json would build a str only for us to encode it again.
_SERIALIZER = TypeAdapter(Blueprint)
#: The largest file blueprint opens (docs/file-format.md). A blueprint of 20,000 touchpoints,
#: 60,000 friction points and 6,000 improvements with every text field filled is 56 MiB; the
#: limit leaves room for it to grow (future states, evidence) and for files written by other
#: tools with every default spelt out, while a file far beyond any blueprint (1 GB) is
#: refused from its size alone, before a byte of it is read.
MAX_FILE_BYTES = 256 * 2**20

UTF16_32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_CONFLICT_MARKER = re.compile(r"^(<{7}|>{7}) ", re.MULTILINE)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


# --- reading ------------------------------------------------------------------------------


#: The name that reads a blueprint from standard input, where ``pipes`` are read.
STDIN = "-"


def load_blueprint(path: Path | str, pipes: bool = False) -> Blueprint:
    """Read and validate the blueprint at ``path``. Raises a ``LoadError`` subclass.
    ``pipes``: also from a pipe (the shell's ``<(git show HEAD:plan.blueprint)``) or, for
    ``-``, standard input: for a command line, never the editor (a pipe nobody writes to
    would hang it)."""
    return load_blueprint_and_version(path, pipes)[0]


def load_blueprint_and_version(path: Path | str, pipes: bool = False) -> tuple[Blueprint, int]:
    """The blueprint at ``path``, and the version of the file format it was written in
    (older than ``SCHEMA_VERSION``: upgraded as it was read, and saved in the current one)."""
    path = Path(path)
    try:
        data = _read_piped(path) if pipes and _is_pipe(path) else _read_bounded(path)
        return _loads(data)
    except (BinaryFileError, EncodingError, MalformedJSONError) as error:
        other = OTHER_KINDS.get(path.suffix.lower())
        if other:  # a workbook or a deck opened as a blueprint: what it is, what to do
            error.reason = f"is {other[0]}, not a blueprint: {other[1]}"
        raise error.with_path(path) from error.__cause__
    except LoadError as error:
        raise error.with_path(path) from error.__cause__


#: Files people open as a blueprint that are something else: what each is, and what to do.
_WORKBOOK = (
    "an Excel workbook",
    "import it with File › Import from Excel… (blueprint import-xlsx)",
)
_MADE = "open the .blueprint file it was made from"
OTHER_KINDS = {
    ".xlsx": _WORKBOOK,
    ".xlsm": _WORKBOOK,
    ".csv": (
        "a CSV file",
        "import it with blueprint import-csv, or as metrics with File › Import Metrics…",
    ),
    ".ods": (
        "an OpenDocument spreadsheet",
        "save it from its program as an Excel workbook (.xlsx), then import that with File › "
        "Import from Excel… (blueprint import-xlsx)",
    ),
    ".pdf": ("a PDF (a plan?)", _MADE),
    ".pptx": ("a PowerPoint deck (a plan?)", _MADE),
}


def _read_bounded(path: Path) -> bytes:
    try:
        return open_regular_file(path, MAX_FILE_BYTES)
    except TooLarge as error:
        raise _too_large(error.args[0]) from None
    except NotRegularFile:
        raise LoadError("cannot open: it is not a regular file (a pipe or a device?)") from None
    except IsADirectoryError:
        raise LoadError("cannot open: it is a folder, not a file") from None
    except OSError as error:
        raise LoadError(f"cannot open: {describe_os_error(error, reading=True)}") from None


def _is_pipe(path: Path) -> bool:
    if str(path) == STDIN:
        return True
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def _read_piped(path: Path) -> bytes:
    """What a pipe holds, up to one byte more than a blueprint may be."""
    try:
        if str(path) == STDIN:
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(path, "rb") as pipe:
                data = pipe.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise LoadError(f"cannot read: {describe_os_error(error, reading=True)}") from None
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"is too large to be a blueprint (over {MAX_FILE_BYTES // 2**20} MiB)"
        )
    return data


def _too_large(size: int) -> FileTooLargeError:
    return FileTooLargeError(
        f"is too large to be a blueprint ({size / 2**20:.1f} MiB; the limit is "
        f"{MAX_FILE_BYTES // 2**20} MiB)"
    )


def loads_blueprint(data: bytes) -> Blueprint:
    """Parse and validate a blueprint from the bytes of a file."""
    return _loads(data)[0]


@collector_paused()  # the parsed JSON and the model: a million objects made, none freed
def _loads(data: bytes) -> tuple[Blueprint, int]:
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    document = parse_document(data)
    version = document.get("schema_version")  # as written, before any upgrade
    document = upgrade_document(document)
    try:
        blueprint = Blueprint.model_validate(document)
    except ValidationError as error:
        problems = problems_from_validation_error(error.errors(include_url=False), document)
        raise InvalidBlueprintError(problems) from None
    problems = missing_ids(document) + document_problems(blueprint)
    if problems:
        raise InvalidBlueprintError(problems)
    return blueprint, version  # type: ignore[return-value]  # checked by upgrade_document


def parse_document(data: bytes) -> dict:
    """Bytes -> the raw JSON object of a blueprint file, or a ``LoadError``."""
    text = _decode(data)
    try:
        document = json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_object_without_repeats
        )
    except json.JSONDecodeError as error:
        raise _malformed(text, error) from None
    except RecursionError:
        raise NestingTooDeepError(
            "is not a blueprint: its data is nested far too deeply to be read"
        ) from None
    except ValueError:  # an integer with thousands of digits
        raise UnsupportedNumberError(
            "contains a number with thousands of digits, which cannot be a real value"
        ) from None
    # A file with no backslash (what blueprint writes, mostly) needs no search for surrogates:
    # finding one character is a tenth of the time of the search, on a large file.
    if "\\" in text and _SURROGATE_ESCAPE.search(text):
        _reject_lone_surrogates(document)
    if not isinstance(document, dict):
        raise NotABlueprintError(
            f"is JSON, but not a blueprint: the top level is {_json_type(document)}, not an object"
        )
    return document


def _decode(data: bytes) -> str:
    if not data or data.isspace():  # data.strip() would copy a whole large file to ask
        raise EmptyFileError("is empty: there is no blueprint in it")
    if data.startswith(UTF16_32_BOMS):
        raise EncodingError(
            "is encoded as UTF-16 or UTF-32; blueprint files are UTF-8 (re-save it as UTF-8)"
        )
    if b"\x00" in data:
        raise BinaryFileError("is a binary file (it contains NUL bytes), not a blueprint")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise EncodingError(
            f"is not valid UTF-8 (byte {error.start + 1}, line {line}); blueprint files are "
            "UTF-8 text: re-save it as UTF-8"
        ) from None


def _object_without_repeats(pairs: list[tuple[str, object]]) -> dict:
    # Plain json.loads keeps the last of two equal keys and drops the other without a word:
    # after a clumsy merge that silently loses a designer's text.
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise DuplicateKeyError(
            f'repeats the key "{repeated[:60]}" within one object, so one of its values would '
            "be lost; keep only one (a merge may have gone wrong)"
        )
    return document


def _reject_constant(name: str) -> float:
    raise UnsupportedNumberError(
        f"contains {name}, which is not a number a blueprint can hold (values must be finite)"
    )


def _malformed(text: str, error: json.JSONDecodeError) -> MalformedJSONError:
    where = f"line {error.lineno}, column {error.colno}"
    # Some of the parser's messages end in "at" already ("Unterminated string starting at").
    found = f"{error.msg} {where}" if error.msg.endswith(" at") else f"{error.msg} at {where}"
    if _CONFLICT_MARKER.search(text):
        return MalformedJSONError(
            "contains merge conflict markers (<<<<<<<, =======, >>>>>>>): resolve the conflict "
            "in a text editor or with git, then open it again"
        )
    if text.lstrip()[:1] not in "{[":
        return MalformedJSONError(f"is not a blueprint file: it is not JSON ({found})")
    outside_strings = _JSON_STRING.sub("", text)
    opened = outside_strings.count("{") + outside_strings.count("[")
    closed = outside_strings.count("}") + outside_strings.count("]")
    if opened > closed or error.msg.startswith("Unterminated string"):
        return MalformedJSONError(
            f"is cut short: it ends before all its brackets are closed ({found}); was it "
            "copied or saved completely?"
        )
    return MalformedJSONError(f"is not valid JSON: {found}")


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return "a number"


def _reject_lone_surrogates(value: object) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise EncodingError(
                    "contains a broken character escape (a lone UTF-16 surrogate such as "
                    "\\ud800) that is not a real character"
                ) from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def upgrade_document(document: dict) -> dict:
    """Check the format marker and version of a raw document and migrate it to the current one."""
    marker = document.get("format")
    if marker != FORMAT_MARKER:
        raise NotABlueprintError(
            f'is JSON, but not a blueprint: it has no "format": "{FORMAT_MARKER}" marker'
        )
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise NotABlueprintError(
            f"has no valid schema_version (it must be a whole number such as {SCHEMA_VERSION})"
        )
    if version > SCHEMA_VERSION:
        shown = str(version) if version < 10**6 else "far in the future"
        raise NewerVersionError(
            f"was made by a newer version of Blueprint (its file format is version {shown}; "
            f"Blueprint {__version__} reads formats up to version {SCHEMA_VERSION}). "
            "Update Blueprint to open it."
        )
    if version < FIRST_SCHEMA_VERSION:
        raise NotABlueprintError(f"has an impossible schema_version {version}")
    try:
        return migrate(document, version)
    except MigrationGap as gap:
        raise LoadError(
            f"uses schema version {gap.args[0]}, which this version of blueprint cannot upgrade"
        ) from None


# --- writing ------------------------------------------------------------------------------


def dumps_blueprint(blueprint: Blueprint) -> bytes:
    """The canonical bytes of a blueprint file."""
    try:
        return _canonical_json(blueprint)
    except PydanticSerializationError:
        # Text holding a lone UTF-16 surrogate (half a character, e.g. from a broken paste)
        # cannot be written as UTF-8. Rather than refuse to save, and lose the work, write
        # U+FFFD in its place and everything else as it is.
        return _canonical_json(_replace_lone_surrogates(blueprint))


#: The two keys every file starts with, whatever else holds its default.
_HEAD = f'{{\n  "format": "{FORMAT_MARKER}",\n  "schema_version": {SCHEMA_VERSION}'.encode()


def _canonical_json(blueprint: Blueprint) -> bytes:
    # Keys at their default are left out: every reader of the version fills them in; a new
    # blueprint's file shrinks by a quarter. The marker and the version are defaults of the
    # model too, but a file is not a blueprint without them.
    body = _SERIALIZER.dump_json(blueprint, indent=2, exclude_defaults=True)
    if body == b"{}":
        return _HEAD + b"\n}\n"
    return _HEAD + b",\n" + body[2:] + b"\n"


def _replace_lone_surrogates(blueprint: Blueprint) -> Blueprint:
    def clean(value: object) -> object:
        if isinstance(value, str):
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return Blueprint.model_validate(clean(blueprint.model_dump()))


def save_blueprint(blueprint: Blueprint, path: Path | str) -> None:
    """Save atomically; on failure raise ``SaveError`` and leave any old file untouched."""
    atomic_write_bytes(path, dumps_blueprint(blueprint))
