"""Deciding a merge conflict: keep one side's value or the other's. One undo step either way.

A conflict says which side's value the file holds (``kept_from``) and which one it set aside
(``other_from``): "ours" is the side the merge was made into (the branch merged into, the
editor's own document), "theirs" the other; since version 5 the conflict also names both
(``side_name``: "main", "plan (Bob's conflicted copy).blueprint"), and the editor says those
names, not "mine" and "theirs", which were right only for whoever merged. Keeping the side
the file already holds only takes the conflict away; keeping the other side sets the field
to the value set aside (a cell's stage and channel together, a frequency whole), or, for a
"deleted and changed" conflict, deletes the entity as that side did (with what goes with
it), and takes the conflict away.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from ...changes.conflicts import MERGE, OURS, THEIRS, side_name
from ...changes.decisions import group_members, with_decision
from ...changes.words import label as field_label
from ...model import Conflict, ConflictKind, document_problems
from ...model.collections import COLLECTIONS
from ...model.validation import problems_from_validation_error
from ..document import Document
from .base import (
    BlueprintCommand,
    Change,
    CommandError,
    Place,
    Placement,
    Remove,
    SetField,
    SetProperty,
    quoted,
)
from .removal import Removal, removal_changes, with_attached

#: A conflict about one of the blueprint's own fields (title, currency...).
DOCUMENT = "blueprint"


class Side(StrEnum):
    OURS = OURS
    THEIRS = THEIRS


def kept_side(conflict: Conflict) -> Side:
    """The side whose value the file holds (ours, unless ours is the one set aside: a value
    the merge chose itself is neither side's, and ours stands for it)."""
    return Side.THEIRS if conflict.other_from == OURS else Side.OURS


def whose(conflict: Conflict, side: Side) -> str:
    """Whose value ``side`` of a conflict is, in words: the name of the side that had it, or
    "the merge" for a value the merge chose itself (it read as a branch's)."""
    role = conflict.kept_from if side == kept_side(conflict) else conflict.other_from
    return side_name(conflict, role)


class ResolveConflict(BlueprintCommand):
    """Keep one side of a merge conflict; the conflict goes."""

    def __init__(self, document: Document, conflict_id: str, keep: Side) -> None:
        conflict = document.get("conflicts", conflict_id)
        if conflict is None:
            raise CommandError(f"there is no merge conflict with id {conflict_id!r}")
        self.keep = Side(keep)
        what = _entity_words(document, conflict)
        where = f"{field_label(conflict.field)} of {what}" if conflict.field else what
        keeper = whose(conflict, self.keep)
        text = f"Keep {keeper}: {where}"
        if self.keep == kept_side(conflict):
            # The value the file held, set again if the field has changed since (another
            # conflict on it decided the other way): Keep did nothing and said it worked.
            changes: list[Change] = [
                *_value_now(document, conflict, conflict.kept),
                Remove("conflicts", conflict_id),
            ]
        elif conflict.kind == ConflictKind.DELETED_AND_CHANGED:
            changes = _deletion(document, conflict)
            text = f"Keep {keeper}: delete {what}"
        else:
            changes = [*_other_value(document, conflict), Remove("conflicts", conflict_id)]
        #: what happened, for the status line
        self.summary = text + "."
        super().__init__(document, text, changes)


def _entity_words(document: Document, conflict: Conflict) -> str:
    if conflict.collection == DOCUMENT:
        return "the blueprint"
    entity = _entity(document, conflict)
    return f"{entity.noun} {quoted(entity.display_name)}"


def _entity(document: Document, conflict: Conflict) -> Any:
    entity = None
    if conflict.collection in _KINDS:
        entity = document.get(conflict.collection, conflict.entity_id)  # type: ignore[arg-type]
    if entity is None:
        raise CommandError(
            f"the merge conflict is about {conflict.collection} id {conflict.entity_id!r}, "
            "which is not in the blueprint"
        )
    return entity


#: What a conflict may be about: any list but the conflicts themselves.
_KINDS = tuple(c for c in COLLECTIONS if c != "conflicts")


def _other_value(document: Document, conflict: Conflict) -> list[Change]:
    """The changes that give the field the value set aside."""
    if not conflict.field:
        raise CommandError("this merge conflict names no field to set")
    return _value_now(document, conflict, conflict.other)


def _value_now(document: Document, conflict: Conflict, value: Any) -> list[Change]:
    """The changes that give the conflict's field ``value``, checked on a copy first; none
    when it holds it already (or the conflict names no field of a value). A cell is one
    value: the card goes to that side's stage and channel together."""
    path = conflict.field
    if not path or conflict.kind == ConflictKind.DELETED_AND_CHANGED:
        return []
    if conflict.collection == DOCUMENT:
        owner: Any = document.blueprint
    else:
        owner = _entity(document, conflict)
    members = group_members(conflict.collection, path) or (path,)
    tops = list(dict.fromkeys(member.split(".")[0] for member in members))
    changed = _with_value(owner, conflict.collection, path, value)
    new = {top: getattr(changed, top) for top in tops}
    if all(getattr(owner, top) == held for top, held in new.items()):
        return []
    _check(document, conflict, new)
    if conflict.collection == DOCUMENT:
        return [SetProperty(top, getattr(owner, top), value) for top, value in new.items()]
    if conflict.collection == "touchpoints" and set(tops) & {"stage_id", "channel_id"}:
        index = document.index_of("touchpoints", owner.id)
        was = Placement(owner.stage_id, owner.channel_id, index)
        return [Place(owner.id, was, Placement(changed.stage_id, changed.channel_id, index))]
    return [
        SetField(conflict.collection, owner.id, top, getattr(owner, top), value)  # type: ignore[arg-type]
        for top, value in new.items()
    ]


def _with_value(owner: Any, collection: str, path: str, value: Any) -> Any:
    """The owner with the value at ``path`` (a field of any depth, a frequency whole, or a
    cell's stage and channel together), as the model types it (read as the file would be
    read)."""
    data = json.loads(owner.model_dump_json())
    for member in group_members(collection, path) or (path,):
        top = member.split(".")[0]
        if top not in data:
            raise CommandError(f"{owner.noun}s have no field {top!r}")
    try:
        data = with_decision(collection, data, path, value)
        return type(owner).model_validate_json(json.dumps(data))
    except ValidationError as error:
        problem = problems_from_validation_error(error.errors(), None)[0]
        raise CommandError(f"that value cannot be kept: {problem.message}") from None
    except ValueError as error:  # a cell's value that is not a stage and a channel
        raise CommandError(f"that value cannot be kept: {error}") from None


def _check(document: Document, conflict: Conflict, new: dict[str, Any]) -> None:
    """Refuse a value that would break the blueprint (a stage theirs removed, a name taken)."""
    copy = document.blueprint.model_copy(deep=True)
    if conflict.collection == DOCUMENT:
        owner: Any = copy
    else:
        owner = next(e for e in getattr(copy, conflict.collection) if e.id == conflict.entity_id)
    for top, value in new.items():
        setattr(owner, top, value)
    problems = document_problems(copy)
    if problems:
        raise CommandError(f"that value cannot be kept: {problems[0]}")


def _deletion(document: Document, conflict: Conflict) -> list[Change]:
    """Delete the entity as the other side did, with what goes with it (the conflict too)."""
    from .contact_reasons import RemoveContactReason
    from .evidence import RemoveMeasure
    from .frictions import RemoveFlows, RemoveFrictions
    from .improvements import RemoveImprovement
    from .personas import RemovePersona
    from .structure import RemoveChannel, RemoveStage
    from .touchpoints import RemoveTouchpoints

    entity_id = conflict.entity_id
    _entity(document, conflict)
    removers = {
        "touchpoints": lambda: RemoveTouchpoints(document, [entity_id]),
        "frictions": lambda: RemoveFrictions(document, [entity_id]),
        "flows": lambda: RemoveFlows(document, [entity_id]),
        "improvements": lambda: RemoveImprovement(document, entity_id),
        "stages": lambda: RemoveStage(document, entity_id),
        "channels": lambda: RemoveChannel(document, entity_id),
        "personas": lambda: RemovePersona(document, entity_id),
        "contact_reasons": lambda: RemoveContactReason(document, entity_id),
        # The frequencies that followed it keep their count, typed in now.
        "measures": lambda: RemoveMeasure(document, entity_id),
    }
    remover = removers.get(conflict.collection)
    if remover is not None:
        changes = list(remover().changes)
    elif conflict.collection == "comments":  # a thread's first comment: its replies too
        bp = document.blueprint
        thread = [entity_id, *(c.id for c in bp.comments if c.reply_to == entity_id)]
        changes = removal_changes(bp, with_attached(bp, Removal(), also=thread))
        changes += [Remove("comments", i) for i in thread]
    else:  # evidence: nothing else names it but conflicts
        changes = [Remove(conflict.collection, entity_id)]  # type: ignore[arg-type]
    removed = {c.entity_id for c in changes if isinstance(c, Remove)}
    # Conflicts about what goes, that the removal did not take with it, go first.
    stale = [
        Remove("conflicts", c.id)
        for c in document.blueprint.conflicts
        if c.entity_id in removed and c.id not in removed
    ]
    return [*stale, *changes]


__all__ = ["MERGE", "OURS", "ResolveConflict", "Side", "kept_side", "whose"]
