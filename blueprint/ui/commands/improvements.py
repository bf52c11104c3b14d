"""Improvements: add, remove, and which friction points each addresses.

Editing one field is a ``FieldEdit`` (``EditImprovement``); the friction points an
improvement addresses are chosen in one step with ``SetImprovementFrictions``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Improvement
from ..document import Document
from .base import BlueprintCommand, CommandError, SetField, insert_new, quoted
from .removal import removing_alone


def _checked_frictions(document: Document, friction_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(friction_ids))
    for missing in (i for i in ids if document.get("frictions", i) is None):
        raise CommandError(f"there is no friction point with id {missing!r}")
    return ids


class AddImprovement(BlueprintCommand):
    """Add an improvement (built by the caller, with a new id), last in the list."""

    def __init__(self, document: Document, improvement: Improvement) -> None:
        improvement = improvement.model_copy(deep=True)
        insert = insert_new(document, "improvements", improvement)
        _checked_frictions(document, improvement.friction_ids)
        self.improvement_id = improvement.id
        text = f"Add improvement {quoted(improvement.title)}"
        super().__init__(document, text, [insert])


class RemoveImprovement(BlueprintCommand):
    """Remove an improvement, with the comments and merge conflicts about it."""

    def __init__(self, document: Document, improvement_id: str) -> None:
        improvement = document.get("improvements", improvement_id)
        if improvement is None:
            raise CommandError(f"there is no improvement with id {improvement_id!r}")
        text = f"Remove improvement {quoted(improvement.title)}"
        changes = removing_alone(document.blueprint, "improvements", improvement_id)
        super().__init__(document, text, changes)


class SetImprovementFrictions(BlueprintCommand):
    """The friction points an improvement addresses, chosen in one step."""

    def __init__(
        self, document: Document, improvement_id: str, friction_ids: Iterable[str]
    ) -> None:
        improvement = document.get("improvements", improvement_id)
        if improvement is None:
            raise CommandError(f"there is no improvement with id {improvement_id!r}")
        new = _checked_frictions(document, friction_ids)
        old = improvement.friction_ids
        changes = (
            []
            if new == old
            else [SetField("improvements", improvement_id, "friction_ids", old, new)]
        )
        text = f"Choose friction points of {quoted(improvement.title)}"
        super().__init__(document, text, changes)
