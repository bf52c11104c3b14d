"""Setting one field of several touchpoints at once, as one undo step.

Each card's change is made, and checked, by the command that edits one card
(``EditTouchpoint``, ``SetTouchpointPersonas``); this only gathers their changes, so a value
one card would refuse is refused for all before anything is pushed.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..document import Document
from .base import BlueprintCommand, Change, CommandError, quoted
from .fields import EditTouchpoint, FieldEdit, SetTouchpointPersonas

#: Fields that may be set on many cards at once: scores, not words (a title or a note is
#: what tells one card from another).
SHARED_FIELDS: frozenset[str] = frozenset(
    {"emotion", "epic.easy", "epic.personalised", "epic.intuitive", "epic.contextual"}
)


def _distinct(touchpoint_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(touchpoint_ids))
    if not ids:
        raise CommandError("no touchpoints are selected")
    return ids


def _changes(edits: Iterable[FieldEdit]) -> list[Change]:
    """The changes of one-card edits; a card that already holds the value adds none."""
    return [change for edit in edits if not edit.isObsolete() for change in edit.changes]


def touchpoints_noun(count: int) -> str:
    return "1 touchpoint" if count == 1 else f"{count} touchpoints"


#: The undo id of a score stepped on several cards: a run of arrow keys is one step.
SCORES_STEPPED_ID = 7


class EditTouchpoints(BlueprintCommand):
    """Give several touchpoints the same value of one score field; ``mergeable`` (a step
    of the arrow keys) merges a run of them into one undo step, as on one card."""

    def __init__(
        self,
        document: Document,
        touchpoint_ids: Iterable[str],
        path: str,
        value: object,
        mergeable: bool = False,
    ) -> None:
        ids = _distinct(touchpoint_ids)
        if path not in SHARED_FIELDS:
            raise CommandError(f"the touchpoint field {path!r} is set one card at a time")
        edits = [EditTouchpoint(document, tp_id, path, value, False) for tp_id in ids]
        text = f"Set {EditTouchpoint.labels[path]} of {touchpoints_noun(len(ids))}"
        super().__init__(document, text, _changes(edits))
        self._key = (tuple(ids), path)
        self._mergeable = mergeable

    def id(self) -> int:
        return SCORES_STEPPED_ID if self._mergeable else -1

    def mergeWith(self, other: object) -> bool:
        if not (
            isinstance(other, EditTouchpoints)
            and other._mergeable
            and self._mergeable
            and other._key == self._key
        ):
            return False
        mine = {change.entity_id: change for change in self.changes}  # type: ignore[attr-defined]
        for change in other.changes:
            known = mine.get(change.entity_id)  # type: ignore[attr-defined]
            if known is None:  # a card that held the first step's value already
                self.changes.append(change)
            else:
                known.new = change.new  # type: ignore[attr-defined]
        if all(c.old == c.new for c in self.changes):  # type: ignore[attr-defined]
            self.setObsolete(True)  # stepped back to where every card was
        return True


class SetTouchpointsPersona(BlueprintCommand):
    """List a persona on several touchpoints, or take it off them, leaving their other
    personas as they are (a card that lists none applies to all, as for one card)."""

    def __init__(
        self, document: Document, touchpoint_ids: Iterable[str], persona_id: str, applies: bool
    ) -> None:
        ids = _distinct(touchpoint_ids)
        persona = document.get("personas", persona_id)
        if persona is None:
            raise CommandError(f"there is no persona with id {persona_id!r}")
        everyone = [p.id for p in document.blueprint.personas]
        edits = []
        for tp_id in ids:
            tp = document.get("touchpoints", tp_id)
            if tp is None:
                raise CommandError(f"there is no touchpoint with id {tp_id!r}")
            if (persona_id in tp.persona_ids) == applies:
                continue
            # The document's persona order, so the list reads the same everywhere.
            listed = [p for p in everyone if p in tp.persona_ids and p != persona_id]
            new = [p for p in everyone if p in listed or (applies and p == persona_id)]
            edits.append(SetTouchpointPersonas(document, tp_id, new))
        name, cards = quoted(persona.name), touchpoints_noun(len(ids))
        text = f"Apply persona {name} to {cards}" if applies else f"Take persona {name} off {cards}"
        super().__init__(document, text, _changes(edits))
