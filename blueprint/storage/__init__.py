"""Reading and writing blueprint files: JSON format, migrations, CSV, atomic writes."""

from .atomic import atomic_write_bytes, remove_stale_temporaries
from .errors import (
    BinaryFileError,
    BlueprintFileError,
    CsvError,
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
    SaveError,
    UnsupportedNumberError,
)
from .jsonfile import (
    EXTENSION,
    MAX_FILE_BYTES,
    dumps_blueprint,
    load_blueprint,
    loads_blueprint,
    save_blueprint,
)

__all__ = [
    "EXTENSION",
    "MAX_FILE_BYTES",
    "BinaryFileError",
    "BlueprintFileError",
    "CsvError",
    "DuplicateKeyError",
    "EmptyFileError",
    "EncodingError",
    "FileTooLargeError",
    "InvalidBlueprintError",
    "LoadError",
    "MalformedJSONError",
    "NestingTooDeepError",
    "NewerVersionError",
    "NotABlueprintError",
    "SaveError",
    "UnsupportedNumberError",
    "atomic_write_bytes",
    "dumps_blueprint",
    "load_blueprint",
    "loads_blueprint",
    "remove_stale_temporaries",
    "save_blueprint",
]
