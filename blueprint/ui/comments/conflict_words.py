"""A merge conflict in the words the Conflicts panel shows: what it is about, the field, and
each side's value, references read as the names of what they name."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from ...changes.conflicts import THE_MERGE, disputed, whole_value_words
from ...changes.words import LABELS as FIELD_LABELS
from ...changes.words import Names
from ...changes.words import label as field_label
from ...model import Conflict, ConflictKind
from ...model.validation import COLLECTION_NOUNS
from ..commands.conflicts import DOCUMENT, MERGE, Side, kept_side, whose
from ..commands.removal import removal_of_frictions, removal_of_touchpoints
from ..document import KINDS, Document
from .subjects import one_line

#: A comment thread's field that the words of a conflict say apart.
RESOLVED = "resolved"
#: Field names and list names as the diff says them.
LABELS = FIELD_LABELS
NOUNS = COLLECTION_NOUNS


#: ``future.stage_id`` -> "future stage", ``epic.easy`` -> "EPIC easy": as the diff says it.
field_words = field_label


def entity_words(document: Document, collection: str, entity_id: str) -> str:
    if collection == DOCUMENT:
        return "the blueprint"
    entity = document.get(collection, entity_id) if collection in KINDS else None  # type: ignore[arg-type]
    noun = NOUNS.get(collection, collection)
    if entity is None:
        return f"{noun} {entity_id}"
    return f"{noun} '{one_line(_name(document, collection, entity), 50)}'"


def _name(document: Document, collection: str, entity: Any) -> str:
    if collection == "flows":
        return f"{_named(document, entity.from_id)} → {_named(document, entity.to_id)}"
    return entity.display_name  # a comment's or a piece of evidence's: its text


def _named(document: Document, entity_id: str) -> str:
    for kind in KINDS:
        entity = document.get(kind, entity_id)
        if entity is not None and kind not in ("comments", "conflicts"):
            return one_line(entity.display_name, 40)
    return entity_id


def value_words(document: Document, path: str, value: Any) -> str:
    """A field's value in words: names for ids, 'yes'/'no', text quoted, 'none'."""
    if value is None:
        return "none"
    name = path.rpartition(".")[2]
    if isinstance(value, bool):
        if name == RESOLVED:
            return "resolved" if value else "open"
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        if name.endswith("_id") or name in ("reply_to",):
            return f"'{_named(document, value)}'"
        return f"'{one_line(value, 80)}'" if value else "empty"
    if isinstance(value, list):
        if not value:
            return "none"
        if name.endswith("_ids"):
            return ", ".join(f"'{_named(document, v)}'" for v in value if isinstance(v, str))
        return ", ".join(value_words(document, "", v) for v in value)
    if isinstance(value, dict):
        parts = [f"{field_words(k)} {value_words(document, k, v)}" for k, v in value.items()]
        return "; ".join(parts) or "none"
    return one_line(json.dumps(value, ensure_ascii=False), 80)


@dataclass(frozen=True)
class ConflictWords:
    #: "touchpoint 'Call about order'"
    what: str
    #: "title", or "" for the whole entity
    field: str
    #: what the conflict is, in a sentence
    sentence: str
    #: each side's name and value: ours (the side merged into), then theirs
    ours: tuple[str, str]
    theirs: tuple[str, str]

    @property
    def headline(self) -> str:
        return f"{self.what[:1].upper()}{self.what[1:]}" + (f": {self.field}" if self.field else "")

    @property
    def line(self) -> str:
        """The conflict in the list: the field first, as a long name cut at the row's end
        hid which field it was ("Friction point 'Transfer without notes: story told…")."""
        if not self.field:
            return self.headline
        if self.field == RESOLVED:
            return f"Open or resolved: {self.what}"
        return f"{self.field[:1].upper()}{self.field[1:]} of {self.what}"


def _said(document: Document, conflict: Conflict, value: Any) -> str:
    """One side's value: a cell or a frequency as the command line says it, decided whole."""
    names = Names(document.blueprint)
    whole = whole_value_words(conflict.collection, conflict.field, value, names)
    return whole if whole is not None else value_words(document, conflict.field, value)


def conflict_words(document: Document, conflict: Conflict) -> ConflictWords:
    what = entity_words(document, conflict.collection, conflict.entity_id)
    field = field_words(conflict.field) if conflict.field else ""
    kept = kept_side(conflict)
    ours_kept = kept == Side.OURS
    set_aside = Side.THEIRS if ours_kept else Side.OURS
    keeper, other_side = (short_words(whose(conflict, side)) for side in (kept, set_aside))
    if conflict.kind == ConflictKind.DELETED_AND_CHANGED:
        changed = conflict.kept if isinstance(conflict.kept, list) else []
        how = ", ".join(field_words(str(p)) for p in changed) or "what is on it"
        kept = f"keep it, with its changes ({how})"
        goes = _goes_with(document, conflict)
        deleted = "delete it" + (f", and with it: {'; '.join(goes)}" if goes else "")
        sentence = (
            f"{capitalised(other_side)} deleted it; {keeper} changed it. "
            "The file keeps it until you decide."
        )
        ours, theirs = (kept, deleted) if ours_kept else (deleted, kept)
    else:
        values = disputed(conflict.field, conflict.kept, conflict.other)
        kept, other = (_said(document, conflict, value) for value in values)
        if conflict.kept_from == MERGE and conflict.field == RESOLVED:
            sentence = (
                "One side replied to this thread while the other resolved it, so the merge "
                "opened it again: the reply is not left unseen. The file holds it open."
            )
        elif conflict.kept_from == MERGE:
            sentence = (
                f"The two sides' edits did not fit together as they were, so the merge "
                f"changed the {field or 'entity'}. The file holds the merge's value."
            )
        else:
            changed = "whether it is resolved" if field == RESOLVED else f"the {field or 'entity'}"
            held = keeper if keeper in (Side.OURS, Side.THEIRS) else f"the value of {keeper}"
            sentence = f"Both changed {changed}. The file holds {held}."
        ours, theirs = (kept, other) if ours_kept else (other, kept)
    names = (whose(conflict, side) for side in (Side.OURS, Side.THEIRS))
    return ConflictWords(what, field, sentence, *zip(names, (ours, theirs), strict=True))


#: A word of a side's name longer than this is cut where the panel says it (whole in the
#: tooltips): a name with nowhere to break (a commit id, a_branch_name) widened the panel
#: and pushed its Keep buttons out of it.
LONGEST_WORD = 24


def short_words(name: str) -> str:
    return " ".join(one_line(word, LONGEST_WORD) for word in name.split())


def capitalised(name: str) -> str:
    """A side's name at the start of a sentence: "Ours", "The merge", but a branch or a file
    as named."""
    return name[:1].upper() + name[1:] if name in (Side.OURS, Side.THEIRS, THE_MERGE) else name


def _goes_with(document: Document, conflict: Conflict) -> list[str]:
    """What deleting a card, a friction point or a thread takes with it, in words: a "Keep"
    took the friction point the other side had just added to the card, or the reply
    they had just written, unnamed."""
    bp = document.blueprint
    if conflict.collection == "comments":
        replies = [c for c in bp.comments if c.reply_to == conflict.entity_id]
        return [f"{c.author}'s reply '{one_line(c.text, 40)}'" for c in replies]
    if conflict.collection == "touchpoints":
        removal = replace(removal_of_touchpoints(bp, [conflict.entity_id]), touchpoint_ids=())
    elif conflict.collection == "frictions":
        removal = replace(removal_of_frictions(bp, [conflict.entity_id]), friction_ids=())
    else:
        return []
    others = tuple(a for a in removal.attached if a != ("conflicts", conflict.id))
    return replace(removal, attached=others).describe(bp)
