"""A three-way merge from the editor: the base is what the editor last loaded or saved (for
a sync tool's conflicted copy, whose common version nobody knows, what the two share), ours
the document as it is in the editor, theirs the file on disk or a sync tool's copy. The
result replaces the document in one undo step; the conflicts it records are in the file's
list of conflicts, on their cards, until someone decides them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...model import Blueprint
from ..commands.replace import ReplaceBlueprint
from ..document import Document
from ..preferences import who_i_am


class MergeFailed(Exception):
    """No merge could be made; the message says why, and nothing changed."""


@dataclass(frozen=True)
class Merged:
    #: what the Edit menu calls the step
    step: str
    #: how many new conflicts it recorded
    conflicts: int
    #: it changed nothing (theirs held nothing new)
    nothing_new: bool


def merge_available() -> bool:
    try:
        from ...changes import merge  # noqa: F401
    except ImportError:
        return False
    return True


def merge_into(
    document: Document,
    base: Blueprint | None,
    theirs: Blueprint,
    what: str,
    theirs_name: str,
    follow: Callable[[bool], None] | None = None,
) -> Merged:
    """Merge ``theirs`` into the document, ``base`` being the version both came from; None
    when it is not known (a sync tool's conflicted copy): what the two share is then the
    base, and every value they differ in is a conflict to decide. Each conflict names the
    two sides: this person's copy and ``theirs_name``, for whoever opens the file next.
    ``follow`` goes with the undo step (``ReplaceBlueprint``)."""
    try:
        from ...changes.merge import MergeError, merge_blueprints, shared_version
    except ImportError as error:  # an installation without the merge: said, not a traceback
        raise MergeFailed("this version of Blueprint cannot merge") from error
    if base is None:
        base = shared_version(document.blueprint, theirs)
    try:
        names = (f"{who_i_am()}'s copy", theirs_name)
        result = merge_blueprints(base, document.blueprint, theirs, names=names)
    except MergeError as error:
        raise MergeFailed(str(error)) from error
    step = f"Merge {what}"
    command = ReplaceBlueprint(document, result.blueprint, step, follow)
    nothing_new = command.isObsolete()
    document.push(command)
    return Merged(step, len(result.conflicts), nothing_new)


def merged_words(merged: Merged, what: str) -> str:
    """The status line after a merge."""
    if merged.nothing_new:
        return f"Merged {what}: it holds nothing you do not have."
    if merged.conflicts:
        noun = "conflict" if merged.conflicts == 1 else "conflicts"
        return (
            f"Merged {what}: {merged.conflicts} {noun} to decide, marked ! on their cards "
            "(View › Comments › Conflicts). Undo takes the merge back."
        )
    return f"Merged {what}. Undo takes the merge back."
