"""Contact reasons: the two-level tree of why customers get in touch.

A primary reason has no parent; a secondary reason belongs to a primary one. Removing a
reason removes its secondaries with it, and friction points linked to any of them are
unlinked (in the same undo step). Renaming, the demand and the description are field edits
(``EditContactReason``).
"""

from __future__ import annotations

from ...model import ContactReason
from ..document import Document
from .base import BlueprintCommand, Change, CommandError, Remove, SetField, insert_new, quoted


class AddContactReason(BlueprintCommand):
    """Add a reason: a primary one (no parent) or a secondary one under a primary."""

    def __init__(self, document: Document, reason: ContactReason) -> None:
        reason = reason.model_copy(deep=True)
        insert = insert_new(document, "contact_reasons", reason)
        if reason.parent_id is not None:
            parent = document.get("contact_reasons", reason.parent_id)
            if parent is None:
                raise CommandError(f"there is no contact reason with id {reason.parent_id!r}")
            if parent.parent_id is not None:
                raise CommandError(
                    f"{quoted(parent.name)} is itself a secondary reason: "
                    "contact reasons have two levels only"
                )
        self.reason_id = reason.id
        text = f"Add contact reason {quoted(reason.name)}"
        super().__init__(document, text, [insert])


def reasons_removed_with(document: Document, reason_id: str) -> list[str]:
    """The reason and, for a primary one, its secondary reasons."""
    return [reason_id] + [
        r.id for r in document.blueprint.contact_reasons if r.parent_id == reason_id
    ]


def frictions_unlinked_by(document: Document, reason_id: str) -> list[str]:
    """Friction points that would lose their contact reason if this one were removed."""
    gone = set(reasons_removed_with(document, reason_id))
    return [f.id for f in document.blueprint.frictions if f.contact_reason_id in gone]


class RemoveContactReason(BlueprintCommand):
    """Remove a reason with its secondary reasons; linked friction points are unlinked."""

    def __init__(self, document: Document, reason_id: str) -> None:
        reason = document.get("contact_reasons", reason_id)
        if reason is None:
            raise CommandError(f"there is no contact reason with id {reason_id!r}")
        changes: list[Change] = []
        for fid in frictions_unlinked_by(document, reason_id):
            old = document.entity("frictions", fid).contact_reason_id
            changes.append(SetField("frictions", fid, "contact_reason_id", old, None))
        # Secondaries first: a reason is never left pointing at a removed parent.
        removed = reasons_removed_with(document, reason_id)
        changes += [Remove("contact_reasons", rid) for rid in reversed(removed)]
        super().__init__(document, f"Remove contact reason {quoted(reason.name)}", changes)
