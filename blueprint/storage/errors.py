"""Typed errors of reading and writing blueprint files.

Every error carries the path (when there is one) and a message a person can act on;
``str(error)`` is that message, ready for a dialog or one line on stderr.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model.validation import Problem


class BlueprintFileError(Exception):
    """Base of every storage error."""

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        self.reason = reason
        self.path = Path(path) if path is not None else None
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason

    def __str__(self) -> str:
        return self.message

    #: Problems a dialog lists; the rest are behind its Show Details (``details``).
    LISTED = 10

    def listed(self) -> str:
        """The message for a dialog: one problem to a line where there are several (twenty
        joined by semicolons made one paragraph the height of a laptop's screen)."""
        return self.message

    def details(self) -> str:
        """Every problem whole, one to a line, where ``listed`` names only the first ones or
        cuts one short; else ""."""
        problems = [str(p) for p in getattr(self, "problems", ())]
        cut = len(problems) > self.LISTED or _any_too_long(problems)
        return bullets(problems) if cut else ""

    def with_path(self, path: Path | str) -> BlueprintFileError:
        self.path = Path(path)
        self.args = (self.message,)
        return self


#: How much of one problem a dialog shows (the rest behind Show Details): a stage or a channel
#: misnamed lists every name there is, and fifteen such lines made a dialog taller than a
#: laptop's screen, its buttons below the edge.
SHOWN_CHARS = 150


def bullets(problems: Sequence[object], limit: int | None = None) -> str:
    """Problems one to a line; with a ``limit``, for a dialog: that many, each cut at
    ``SHOWN_CHARS``, then how many more and where they are."""
    if limit is None:
        return "\n".join(f"• {problem}" for problem in problems)
    lines = [f"• {_cut(str(problem))}" for problem in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"… and {len(problems) - limit} more (Show Details… lists them all)")
    elif _any_too_long(problems):
        lines.append("(Show Details… gives each in full)")
    return "\n".join(lines)


def _any_too_long(problems: Sequence[object]) -> bool:
    """Whether a dialog cuts one of ``problems`` short."""
    return any(len(str(problem)) > SHOWN_CHARS for problem in problems)


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1].rstrip() + "…"


class LoadError(BlueprintFileError):
    """The file could not be opened as a blueprint."""


class FileTooLargeError(LoadError):
    pass


class EmptyFileError(LoadError):
    pass


class BinaryFileError(LoadError):
    pass


class EncodingError(LoadError):
    pass


class MalformedJSONError(LoadError):
    """Not JSON at all, or JSON cut short."""


class DuplicateKeyError(MalformedJSONError):
    """The same key twice in one JSON object: one value would be silently lost."""


class NestingTooDeepError(LoadError):
    pass


class UnsupportedNumberError(LoadError):
    """A number that is not finite, or too long to be a real value."""


class NotABlueprintError(LoadError):
    """Valid JSON, but not a blueprint document (wrong root, no format marker)."""


class NewerVersionError(LoadError):
    """Made by a newer version of Blueprint: refused rather than half-read."""


class InvalidBlueprintError(LoadError):
    """A blueprint document that breaks the model's rules; ``problems`` lists each one."""

    def __init__(
        self, problems: Sequence[Problem], path: Path | str | None = None, limit: int = 20
    ) -> None:
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:limit])
        more = len(self.problems) - limit
        if more > 0:
            shown += f"; and {more} more problem{'s' if more > 1 else ''}"
        count = len(self.problems)
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''} in the blueprint: {shown}", path
        )

    def listed(self) -> str:
        count = len(self.problems)
        if count < 2:
            return self.message
        where = f"{self.path}: " if self.path else ""
        return f"{where}{count} problems in the blueprint:\n" + bullets(self.problems, self.LISTED)


class SaveError(BlueprintFileError):
    """The file could not be written; the previous file on disk is untouched."""


class SpreadsheetError(BlueprintFileError):
    """A spreadsheet that cannot be imported (or written); ``problems`` lists each bad sheet,
    row and column."""

    def __init__(self, problems: Sequence[str], path: Path | str | None = None) -> None:
        self.problems = list(problems)
        shown = "; ".join(self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"; and {more} more"
        super().__init__(shown, path)

    def listed(self) -> str:
        where = f"{self.path}:\n\n" if self.path else ""
        return f"{where}{bullets(self.problems, self.LISTED)}"


class CsvError(SpreadsheetError):
    """A CSV file (or a folder of them) that cannot be imported."""


class XlsxError(SpreadsheetError):
    """An Excel workbook that cannot be imported, or a blueprint that cannot be written as one."""
