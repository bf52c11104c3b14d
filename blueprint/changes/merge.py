"""Three-way merge of blueprints by id: two people's work on one base.

Every entity is matched by its id in the base, ours and theirs. What one side changed is
taken; changes to different entities or different fields merge silently. Where both sides
changed a field differently, ours' value is kept and theirs' recorded as an open conflict in
the result; where one side deleted an entity the other changed, the entity is kept and the
deletion recorded. The result is always a valid blueprint: references are kept whole, names
unique, the contact-reason tree two levels deep (see ``merge_repairs``), and nothing is
written rather than an invalid file. The rules, with the reasons for them: docs/merge.md.

No Qt and no I/O: the command line (``blueprint merge``, a git merge driver) and the editor
share it. The result may share entity objects with the inputs; copy before editing them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..collector import collector_paused
from ..model import Blueprint, Conflict, ConflictKind, Identified, document_problems
from ..model.validation import COLLECTION_NOUNS
from .conflicts import OURS, THEIRS, ConflictRecord, conflict_entities
from .decisions import decisions_of
from .fields import COLLECTIONS, DOCUMENT, DOCUMENT_FIELDS, MODELS, data_of, flat, shape_of
from .merge_values import merge_data
from .ordering import merged_order
from .references import ATTACHED, REFERENCES, attachments, references, targets

#: How many rounds of repair a merge may take before it gives up (one is the rule).
MAX_ROUNDS = 8


class MergeError(Exception):
    """No valid merge could be made; nothing should be written. (A bug if it ever happens:
    every rule of docs/merge.md keeps the result valid.)"""


@dataclass(frozen=True)
class MergeResult:
    """The merged blueprint and the conflicts this merge recorded in it (those the inputs
    already held are in ``blueprint.conflicts`` too, but not here)."""

    blueprint: Blueprint
    conflicts: tuple[Conflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


@dataclass(eq=False)
class Slot:
    """One id of one collection across the three versions, and what the merge makes of it."""

    collection: str
    id: str
    base: Identified | None
    ours: Identified | None
    theirs: Identified | None
    present: bool = False
    #: the merged entity when it is one side's own object
    value: Identified | None = None
    #: the merged JSON data when the fields of both sides were merged (not yet validated)
    data: dict | None = None
    #: it may name something one side deleted: the closure looks at its references
    touched: bool = False
    #: one side deleted it and the merge brought it back
    restored: bool = False

    @property
    def current(self) -> Any:
        return self.value if self.data is None else self.data

    def current_data(self) -> dict:
        return self.data if self.data is not None else data_of(self.value)  # type: ignore[arg-type]

    @property
    def restorable(self) -> bool:
        """Deleted by one side, kept by the other: it may come back."""
        return self.base is not None and (self.ours is None) != (self.theirs is None)

    @property
    def kept_side(self) -> Identified | None:
        """The version a repair falls back on: ours', else theirs'."""
        return self.ours if self.ours is not None else self.theirs


@dataclass
class Merge:
    base: Blueprint
    ours: Blueprint
    theirs: Blueprint
    labels: tuple[str, str] = (OURS, THEIRS)
    #: who ours and theirs are, in words, for each conflict recorded ("" when not said)
    names: tuple[str, str] = ("", "")
    slots: dict[str, dict[str, Slot]] = field(default_factory=dict)
    document: dict[str, Any] = field(default_factory=dict)
    records: dict[tuple[str, str, str], ConflictRecord] = field(default_factory=dict)
    #: restorable slots by the id of what they are attached to
    dependents: dict[str, list[Slot]] = field(default_factory=dict)
    #: ids a repair renamed, by collection: old -> new (for the order of the lists)
    renames: dict[str, dict[str, str]] = field(default_factory=dict)

    # --- recording ----------------------------------------------------------------------

    def record(
        self,
        kind: ConflictKind,
        collection: str,
        entity_id: str,
        path: str,
        kept: Any,
        other: Any,
        kept_from: str,
        other_from: str,
    ) -> None:
        self.records[(collection, entity_id, path)] = ConflictRecord(
            kind, collection, entity_id, path, _plain(kept), _plain(other), kept_from, other_from
        )

    def side_of(self, version: Identified | None, slot: Slot) -> str:
        return self.labels[0] if version is slot.ours else self.labels[1]

    # --- the first pass: field by field ---------------------------------------------------

    def merge_document_fields(self) -> None:
        for name in DOCUMENT_FIELDS:
            was, mine, yours = (getattr(bp, name) for bp in (self.base, self.ours, self.theirs))
            if mine == yours or yours == was:
                self.document[name] = mine
            elif mine == was:
                self.document[name] = yours
            else:
                self.document[name] = mine
                self.record(
                    ConflictKind.BOTH_CHANGED, DOCUMENT, DOCUMENT, name, mine, yours, *self.labels
                )

    def merge_collection(self, collection: str) -> None:
        was, mine, yours = (
            {e.id: e for e in getattr(bp, collection)} for bp in (self.base, self.ours, self.theirs)
        )
        slots: dict[str, Slot] = {}
        for entity_id in {**mine, **yours, **was}:
            slot = Slot(
                collection,
                entity_id,
                was.get(entity_id),
                *(side.get(entity_id) for side in (mine, yours)),
            )
            slots[entity_id] = slot
            self._merge_slot(slot)
        self.slots[collection] = slots

    def _merge_slot(self, slot: Slot) -> None:
        b, o, t = slot.base, slot.ours, slot.theirs
        if o is not None and t is not None:
            slot.present = True
            if o == b or (b is None and o == t):
                slot.value, slot.touched = t, t != b
            elif t == b or o == t:
                slot.value, slot.touched = o, t != o
            else:
                self._merge_fields(slot)
        elif b is None:  # added by one side
            slot.present, slot.value, slot.touched = True, o or t, True
        elif o is not None or t is not None:  # deleted by one side
            kept = o if o is not None else t
            if kept != b:
                self.restore(slot, changed=_changed_paths(slot.collection, b, kept))
            else:
                for target in attachments(slot.collection, kept):
                    self.dependents.setdefault(target, []).append(slot)

    def _merge_fields(self, slot: Slot) -> None:
        base = data_of(slot.base) if slot.base is not None else None
        data, clashes = merge_data(
            slot.collection,
            base,
            data_of(slot.ours),
            data_of(slot.theirs),  # type: ignore[arg-type]
        )
        slot.data, slot.touched = data, True
        for clash in clashes:
            self.record(
                ConflictKind.BOTH_CHANGED,
                slot.collection,
                slot.id,
                clash.path,
                clash.kept,
                clash.other,
                *self.labels,
            )

    # --- what one side deleted and the other still needs -------------------------------

    def restore(self, slot: Slot, changed: list[str] | None = None) -> None:
        """Bring back an entity one side deleted, as the other side has it. ``changed``:
        what that side changed in it (a conflict records the deletion); None when it comes
        back with what it is attached to (no conflict of its own)."""
        kept = slot.ours if slot.ours is not None else slot.theirs
        slot.present, slot.value, slot.data, slot.touched = True, kept, None, True
        slot.restored = True
        if changed is not None:
            keeper = self.side_of(kept, slot)
            deleter = self.labels[1] if keeper == self.labels[0] else self.labels[0]
            self.record(
                ConflictKind.DELETED_AND_CHANGED,
                slot.collection,
                slot.id,
                "",
                changed,
                None,
                keeper,
                deleter,
            )

    def restore_closure(self) -> None:
        """Whatever a kept entity names is kept: an entity one side deleted comes back when
        the other side's work names it (a friction point added on a deleted touchpoint), with
        what was attached to it (a stage comes back with its touchpoints)."""
        queue = deque(s for slots in self.slots.values() for s in slots.values() if s.touched)
        for slot in queue:
            slot.touched = False
        while queue:
            slot = queue.popleft()
            if not slot.present:
                continue
            current = slot.current
            for path, ref in references(slot.collection, current):
                for collection in targets(slot.collection, path, current):
                    target = self.slots.get(collection, {}).get(ref)
                    if target is not None and not target.present and target.restorable:
                        self.restore(target, changed=[])
                        queue.append(target)
            for dependent in self.dependents.get(slot.id, ()) if slot.restored else ():
                if not dependent.present and self._attached_present(dependent):
                    self.restore(dependent)
                    queue.append(dependent)

    def reattach(self) -> None:
        """What comes back is linked again where the deleting side had cut it: an
        improvement lists again the friction point that returns, a touchpoint its persona.
        (Links inside nested values, such as future values, stay cut.)"""
        back = {s.id: s for slots in self.slots.values() for s in slots.values() if s.restored}
        if not back:
            return
        for collection, slots in self.slots.items():
            links = [p for p in REFERENCES.get(collection, ()) if "." not in p]
            links = [p for p in links if p not in ATTACHED.get(collection, ())]
            for slot in slots.values():
                if (
                    not slot.present
                    or slot.base is None
                    or slot.ours is None
                    or slot.theirs is None
                ):
                    continue
                for path in links:
                    was = getattr(slot.base, path)
                    if any(ref in back for ref in (was if isinstance(was, list) else (was,))):
                        self._link_again(slot, path, back)

    def _link_again(self, slot: Slot, path: str, back: dict[str, Slot]) -> None:
        was, now = _field(slot.base, path), self.get(slot, path)  # type: ignore[arg-type]
        for ref in was if isinstance(was, list) else [was]:
            returned = back.get(ref) if isinstance(ref, str) else None
            if returned is None or not returned.present:
                continue
            keeper = slot.ours if returned.ours is not None else slot.theirs
            kept = _field(keeper, path)  # type: ignore[arg-type]
            if isinstance(now, list) and isinstance(kept, list):
                if ref in kept and ref not in now:
                    now = merged_order(was, now, kept, {*now, ref})
                    self.set(slot, **{path: now})
            elif now is None and kept == ref:
                now = ref
                self.set(slot, **{path: ref})

    def _attached_present(self, slot: Slot) -> bool:
        kept = slot.kept_side
        return all(self.is_present(ref) for ref in attachments(slot.collection, kept))

    def is_present(self, entity_id: str) -> bool:
        return any(
            (s := slots.get(entity_id)) is not None and s.present for slots in self.slots.values()
        )

    # --- the result ---------------------------------------------------------------------

    def order(self, collection: str) -> list[str]:
        slots = self.slots[collection]
        rename = self.renames.get(collection, {})
        ids = [
            [rename.get(e.id, e.id) for e in getattr(bp, collection)]
            for bp in (self.base, self.ours, self.theirs)
        ]
        present = {i for i, s in slots.items() if s.present}
        order = merged_order(*ids, present)
        if len(order) < len(present):  # only if a repair renamed an id it did not say
            placed = set(order)
            order += [i for i in slots if i in present and i not in placed]
        return order

    def materialise(self) -> None:
        """Turn merged data into entities; an entity whose merged fields do not fit
        together (a low count above the high one) falls back on one side's version."""
        for slots in self.slots.values():
            for slot in slots.values():
                if slot.present and slot.data is not None:
                    try:
                        slot.value = MODELS[slot.collection].model_validate(slot.data)
                        slot.data = None
                    except ValueError:
                        self.revert(slot)

    def revert(self, slot: Slot) -> bool:
        """Fall back on one side's version of an entity (ours' if it has one), recording
        each field of the other side's that is set aside. False when it already is."""
        kept = slot.kept_side
        if kept is None or (slot.data is None and slot.value is kept):
            return False
        other = slot.theirs if kept is slot.ours else slot.ours
        if other is not None:
            collection = slot.collection
            was = decisions_of(collection, slot.base)
            mine, yours = decisions_of(collection, kept), decisions_of(collection, other)
            for path, value in yours.items():
                if value != mine[path] and value != was[path]:
                    self.record(
                        ConflictKind.BOTH_CHANGED,
                        slot.collection,
                        slot.id,
                        path,
                        mine[path],
                        value,
                        self.side_of(kept, slot),
                        self.side_of(other, slot),
                    )
        slot.value, slot.data, slot.touched = kept, None, True
        return True

    def blueprint(self) -> tuple[Blueprint, tuple[Conflict, ...]]:
        """The merged blueprint, and the conflicts this merge records in it."""
        lists: dict[str, list] = {}
        places: dict[str, dict[str, int]] = {}
        for collection in COLLECTIONS:
            slots = self.slots[collection]
            order = self.order(collection)
            lists[collection] = [slots[i].value for i in order]
            places[collection] = {entity_id: index for index, entity_id in enumerate(order)}
        recorded = conflict_entities(self.records.values(), places, self.names)
        fresh = {c.id for c in recorded}
        lists["conflicts"] = [c for c in lists["conflicts"] if c.id not in fresh] + recorded
        return Blueprint(**self.document, **lists), tuple(recorded)

    def get(self, slot: Slot, name: str) -> Any:
        """A top-level field of the merged entity (an enumeration's member as it is)."""
        if slot.data is not None:
            return slot.data.get(name)
        value = getattr(slot.value, name)
        return _plain(value) if isinstance(value, BaseModel | list) else value

    def set(self, slot: Slot, **values: Any) -> None:
        """Change top-level fields of the merged entity (validated when it is made)."""
        slot.data = {**slot.current_data(), **values}
        slot.touched = True

    def whose(self, slot: Slot, name: str, value: Any) -> str:
        """The side whose value of a field this is (theirs' when only theirs has it)."""
        if slot.ours is not None and _field(slot.ours, name) == value:
            return self.labels[0]
        return self.labels[1] if slot.theirs is not None else self.labels[0]

    def present(self, collection: str) -> list[Slot]:
        return [s for s in self.slots[collection].values() if s.present]

    def find(self, noun: str, entity_id: str | None) -> Slot | None:
        collection = _COLLECTION_OF_NOUN.get(noun)
        if collection is None or entity_id is None:
            return None
        return self.slots[collection].get(entity_id)


def _field(entity: Identified, name: str) -> Any:
    """A top-level field of an entity as JSON data."""
    return _plain(getattr(entity, name))


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return data_of(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


_COLLECTION_OF_NOUN = {noun: collection for collection, noun in COLLECTION_NOUNS.items()}


def _changed_paths(collection: str, before: Identified, after: Identified) -> list[str]:
    shape = shape_of(collection)
    was, now = flat(shape, data_of(before)), flat(shape, data_of(after))
    return [path for path, value in now.items() if value != was[path]]


#: A document field the two versions do not share: equal to neither, so a conflict.
_NOT_SHARED = object()


def shared_version(ours: Blueprint, theirs: Blueprint) -> Blueprint:
    """The base for two versions whose common version is unknown (a sync tool's conflicted
    copy: two machines changed the file at once): what they share. An entity the same in
    both is in it; one in a single version is then an addition, kept; one in both that
    differs was added by both, so each field that differs is a conflict (ours kept); so is
    a field of the blueprint's own that differs. Nothing of either side is lost unsaid.
    Not a valid blueprint of its own (built without checks): only a merge's base."""
    fields: dict[str, Any] = {}
    for name in DOCUMENT_FIELDS:
        mine = getattr(ours, name)
        fields[name] = mine if mine == getattr(theirs, name) else _NOT_SHARED
    for collection in COLLECTIONS:
        yours = {e.id: e for e in getattr(theirs, collection)}
        fields[collection] = [e for e in getattr(ours, collection) if yours.get(e.id) == e]
    return Blueprint.model_construct(**fields)


@collector_paused()
def merge_blueprints(
    base: Blueprint,
    ours: Blueprint,
    theirs: Blueprint,
    labels: tuple[str, str] = (OURS, THEIRS),
    names: tuple[str, str] = ("", ""),
) -> MergeResult:
    """Merge ``ours`` and ``theirs``, two versions of ``base``; each conflict recorded
    carries the two sides' ``names`` (a branch, a file: whose each value is, for whoever
    opens the file). Raises ``MergeError`` only if no valid result could be made (then
    nothing should be written)."""
    from .merge_repairs import repair

    merge = Merge(base, ours, theirs, labels, names)
    merge.merge_document_fields()
    for collection in COLLECTIONS:
        merge.merge_collection(collection)
    merge.restore_closure()
    merge.reattach()
    for _ in range(MAX_ROUNDS):
        repair(merge)
        merge.materialise()
        merge.restore_closure()
        result, recorded = merge.blueprint()
        problems = document_problems(result)
        if not problems:
            return MergeResult(result, recorded)
        if not _fall_back(merge, problems):
            break
    raise MergeError(
        "the two versions could not be merged into a valid blueprint: "
        + "; ".join(str(p) for p in document_problems(merge.blueprint()[0])[:3])
    )


def _fall_back(merge: Merge, problems: list) -> bool:
    """Each entity a problem names falls back on one side's version; False when none can."""
    changed = False
    for problem in problems:
        slot = merge.find(problem.noun, problem.entity_id)
        if slot is not None and slot.present and merge.revert(slot):
            changed = True
    return changed
