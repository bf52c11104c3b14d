"""A blueprint in a Yjs document: the deterministic seed, the repaired view, the writer.

``seed_update`` turns a blueprint into the first Yjs update of a room. It is a pure function
of the blueprint's canonical file bytes: it is written by a client id derived from those
bytes, in a fixed order, so two independent loads of the same file give byte-identical
updates (the same Yjs items), and a reconnecting client that holds them merges with a room
rebuilt from the same file without doubling anything. This is what JupyterLab's real-time
collaboration lacked (jupyter-collaboration issues 526, 595, 621): a room rebuilt from the
file got new items, which the clients' old items then joined.

``LiveDoc`` keeps a ``Doc`` and its blueprint: ``view()`` is the repaired blueprint
(``repair.py``), re-read only where the document changed; ``apply`` writes the editor's
primitives (``primitives.py``) in one transaction. A list kept as an id set of the layout
is written as the keys it adds and deletes (``order.set_edits``), never as a whole, so
concurrent links to the same entity all stay.

An id set still in the JSON text of layout 1 is converted to a nested Map when it is first
written (``LiveDoc._convert_sets``). Two replicas converting the same field at once would
each make a Map, and the last one would win with the link added to it: so the conversion is
written by a Yjs client id derived from the document's state vector and the fields
converted with their values. Replicas with the same state vector hold the same Yjs items, so
their conversions are the very same items (same ids, same neighbours, same content), which
merge as one, and the links both add to it stay. Replicas holding different states (one
has an edit the other has not seen yet) make different conversions: then, for that list
only and once, the last conversion wins, as every list did in layout 1.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pycrdt import Doc, Map
from pydantic import ValidationError
from pydantic_core import to_jsonable_python

from ..collector import collector_paused
from ..model import Blueprint, Identified
from ..storage import dumps_blueprint
from .layout import (
    KINDS,
    LAYOUT_VERSION,
    META,
    MODELS,
    ORDER_KEY,
    PLANS,
    PROPERTIES,
    PROPERTY_FIELDS,
    FieldPlan,
    LayoutError,
    decode_properties,
    is_removed,
    removal_key,
)
from .order import key_between, set_edits, spread_keys
from .primitives import (
    InsertEntity,
    MoveEntity,
    PlaceTouchpoint,
    Primitive,
    RemoveEntity,
    SetDocumentProperty,
    SetEntityField,
)
from .protocol import read_var_uint
from .repair import repair

log = logging.getLogger(__name__)

_SEED_SALT = f"blueprint live layout {LAYOUT_VERSION}\n".encode()
_CONVERSION_SALT = b"blueprint live layout 2: id sets\n"
#: The origin of the transaction converting id sets of layout 1: no user's (nobody undoes it).
CONVERSION = "blueprint-layout"


@dataclass(frozen=True)
class Seed:
    """The first update of a room built from a blueprint, and the history it starts."""

    update: bytes
    history: str


def seed_update(blueprint: Blueprint) -> Seed:
    """The deterministic Yjs update holding ``blueprint`` (see the module's docstring)."""
    digest = hashlib.sha256(_SEED_SALT + dumps_blueprint(blueprint)).digest()
    # Yjs client ids are 32-bit in every implementation; 0 is avoided by convention.
    client_id = int.from_bytes(digest[:4], "big") or 1
    history = digest[4:20].hex()
    doc: Doc = Doc(client_id=client_id)
    with doc.transaction():
        meta = doc.get(META, type=Map)
        meta["format"] = "blueprint"
        meta["layout"] = LAYOUT_VERSION
        meta["history"] = history
        properties = doc.get(PROPERTIES, type=Map)
        own = blueprint.model_dump(mode="json", include=set(PROPERTY_FIELDS), exclude_defaults=True)
        for name in PROPERTY_FIELDS:
            if name in own:
                properties[name] = own[name]
        for kind in KINDS:
            root = doc.get(kind, type=Map)
            entities = getattr(blueprint, kind)
            plan = PLANS[kind]
            for entity, key in zip(entities, spread_keys(len(entities)), strict=True):
                fields = plan.encode(entity)
                fields[ORDER_KEY] = key
                root[entity.id] = _entity_map(plan, {name: fields[name] for name in sorted(fields)})
    return Seed(doc.get_update(), history)


def history_of(doc: Doc) -> str:
    """The history id a document holds ('' for a document that holds nothing yet)."""
    value = doc.get(META, type=Map).get("history")
    return value if isinstance(value, str) else ""


#: Kinds whose order decides something in the rule (which of two equal names, which of two
#: flows between the same touchpoints, is kept as it is).
ORDER_MATTERS = frozenset({"stages", "channels", "personas", "flows"})
#: Fields whose edit can change how the rule treats this or another entity.
_SENSITIVE = {
    "stages": ("name",),
    "channels": ("name",),
    "personas": ("name", "preferred_channels"),
    "contact_reasons": ("parent_id",),
    "touchpoints": ("state", "future", "persona_ids"),
    "flows": ("from_id", "to_id", "state"),
    "frictions": (
        "touchpoint_id",
        "state",
        "future",
        "leads_to_channel_id",
        "contact_reason_id",
    ),
    "improvements": ("friction_ids", "brings_about"),
    "measures": ("touchpoint_id",),
    "evidence": ("about_id",),
    "comments": ("about_id", "reply_to"),
    "conflicts": ("collection", "entity_id"),
}


def local_edit(kind: str, old: Identified, new: Identified, view: Blueprint) -> bool:
    """True when changing ``old`` into ``new`` needs no repair and repairs nothing else."""
    for name in _SENSITIVE[kind]:
        if getattr(old, name) != getattr(new, name):
            return False
    if kind == "frictions" and old.frequency.measure_id != new.frequency.measure_id:  # type: ignore[attr-defined]
        return False
    if kind == "touchpoints":
        # A card moved to another cell: fine while the cell exists.
        if old.stage_id != new.stage_id and not any(  # type: ignore[attr-defined]
            s.id == new.stage_id
            for s in view.stages  # type: ignore[attr-defined]
        ):
            return False
        if old.channel_id != new.channel_id and not any(  # type: ignore[attr-defined]
            c.id == new.channel_id
            for c in view.channels  # type: ignore[attr-defined]
        ):
            return False
    return True


@dataclass(slots=True)
class _Entry:
    order: str
    entity: Identified | None  # None: the entity's keys do not make a valid entity


class LiveDoc:
    """A ``Doc`` with the blueprint layout: read it as a blueprint, write primitives to it.

    Not thread-safe: use it from the thread that made it (pycrdt objects are bound to it).
    """

    def __init__(self, doc: Doc | None = None) -> None:
        self.doc: Doc = doc if doc is not None else Doc()
        self.meta = self.doc.get(META, type=Map)
        self.properties = self.doc.get(PROPERTIES, type=Map)
        self.roots: dict[str, Map] = {kind: self.doc.get(kind, type=Map) for kind in KINDS}
        self._entries: dict[str, dict[str, _Entry]] = {kind: {} for kind in KINDS}
        self._ordered: dict[str, list[Identified]] = {kind: [] for kind in KINDS}
        self._props: dict[str, Any] = {}
        self._dirty: dict[str, set[str]] = {kind: set() for kind in KINDS}
        self._reread_all = True
        self._props_dirty = True
        self._view: Blueprint | None = None
        #: what the last ``view()`` changed when it only patched the one before: kind ->
        #: {id: index} of edited entities (None for a kind whose order changed); None when
        #: the whole rule ran (``changes_between`` then compares everything)
        self.last_change: dict[str, dict[str, int] | None] | None = None
        self._position_cache: dict[str, tuple[list, dict[str, int]]] = {}
        self._ordered_pos: dict[str, dict[str, int]] = {}
        self._subscriptions: list = []
        self._subscribe()

    def _subscribe(self) -> None:
        self._subscriptions = [
            (root, root.observe_deep(self._marker(kind))) for kind, root in self.roots.items()
        ]
        self._subscriptions.append(
            (self.properties, self.properties.observe_deep(self._mark_properties))
        )

    def close(self) -> None:
        for root, subscription in self._subscriptions:
            root.unobserve(subscription)
        self._subscriptions = []

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """For a large update (a first sync): no per-change bookkeeping while it goes in,
        everything re-read once after (the observers would cost more than the update)."""
        self.close()
        try:
            yield
        finally:
            self._subscribe()
            self._reread_all = True

    # --- reading --------------------------------------------------------------------------

    @property
    def history(self) -> str:
        return history_of(self.doc)

    def is_empty(self) -> bool:
        return not self.history and not any(len(root) for root in self.roots.values())

    def view(self) -> Blueprint:
        """The repaired blueprint the document holds now (always valid)."""
        if self._view is not None and not self._changed():
            return self._view
        if not self._reread_all:
            return self._update_view()
        with collector_paused():  # the whole document read: thousands of models, none freed
            return self._update_view()

    def _update_view(self) -> Blueprint:
        if self._props_dirty:
            self._props_dirty = False
            try:
                self._props = decode_properties(dict(self.properties.items()))
            except LayoutError as error:
                log.warning("blueprint properties ignored: %s", error)
                self._props = {}
        previous = None if self._reread_all or self._props_dirty else self._view
        edited: dict[str, dict[str, Identified]] = {}
        for kind in KINDS:
            if self._reread_all:
                self._reread_kind(kind)
            elif self._dirty[kind]:
                before = {i: self._entries[kind].get(i) for i in self._dirty[kind]}
                self._reread(kind, self._dirty[kind])
                if previous is not None:
                    edited[kind] = self._edits(kind, before, previous)
                    if edited[kind] is None:
                        previous = None
            self._dirty[kind].clear()  # in place: the observers hold these sets
        self._reread_all = False
        self.last_change = {}
        if previous is not None:
            self._view = self._patched(previous, edited)
        else:
            self._view = repair(self._props, self._ordered)
            self.last_change = None
        return self._view

    def _edits(
        self, kind: str, before: dict[str, _Entry | None], previous: Blueprint
    ) -> tuple[dict[str, Identified], bool] | None:
        """The entities of ``kind`` whose edit leaves every other entity's repair as it
        was (so the view can be patched), and whether one moved; None when the whole rule
        must run again."""
        items = getattr(previous, kind)
        positions = self._positions(kind, items)
        edited = {}
        moved = False
        for entity_id, old in before.items():
            new = self._entries[kind].get(entity_id)
            if old is None or new is None or old.entity is None or new.entity is None:
                return None  # an entity came, went or broke
            index = positions.get(entity_id)
            if index is None or items[index] is not old.entity:
                return None  # the rule had changed it: let it decide again
            if old.order != new.order:
                if kind in ORDER_MATTERS:
                    return None
                moved = True
            if not local_edit(kind, old.entity, new.entity, previous):
                return None
            edited[entity_id] = new.entity
        return edited, moved

    def _positions(self, kind: str, items: list) -> dict[str, int]:
        """Each entity's index in ``items`` (a list of the view), cached per list."""
        cached = self._position_cache.get(kind)
        if cached is None or cached[0] is not items:
            cached = (items, {e.id: i for i, e in enumerate(items)})
            self._position_cache[kind] = cached
        return cached[1]

    def _patched(
        self, previous: Blueprint, edited: dict[str, tuple[dict[str, Identified], bool]]
    ) -> Blueprint:
        lists = {}
        for kind, (changed, moved) in edited.items():
            if not changed:
                continue
            old_items = getattr(previous, kind)
            if moved:
                by_id = {e.id: e for e in old_items}
                by_id.update(changed)
                items = [by_id[e.id] for e in self._ordered[kind] if e.id in by_id]
                self.last_change[kind] = None
            else:
                positions = self._positions(kind, old_items)
                items = list(old_items)
                for entity_id, entity in changed.items():
                    items[positions[entity_id]] = entity
                self._position_cache[kind] = (items, positions)
                self.last_change[kind] = {i: positions[i] for i in changed}
            lists[kind] = items
        return previous.model_copy(update=lists) if lists else previous

    def order_key(self, kind: str, entity_id: str) -> str | None:
        entry = self._entries[kind].get(entity_id)
        return None if entry is None else entry.order

    def _changed(self) -> bool:
        return self._reread_all or self._props_dirty or any(self._dirty.values())

    def _marker(self, kind: str):
        dirty = self._dirty[kind]

        def mark(events: list) -> None:
            for event in events:
                path = event.path
                if path:
                    dirty.add(str(path[0]))
                else:
                    dirty.update(event.keys)

        return mark

    def _mark_properties(self, events: list) -> None:
        self._props_dirty = True

    def _reread_kind(self, kind: str) -> None:
        # One call into Yrs for the whole collection: reading entity by entity through
        # pycrdt's Python wrappers takes several times longer on a large blueprint.
        raw = json.loads(str(self.roots[kind]))
        self._entries[kind] = read_entries(kind, raw)
        self._sort(kind)

    def _reread(self, kind: str, ids: Iterable[str]) -> None:
        root = self.roots[kind]
        entries = self._entries[kind]
        before = {i: entries.pop(i, None) for i in ids}
        raw: dict[str, Any] = {}
        for entity_id in ids:
            value = root.get(entity_id)
            if value is not None:
                raw[entity_id] = json.loads(str(value)) if isinstance(value, Map) else value
        entries.update(read_entries(kind, raw))
        positions = self._ordered_pos.get(kind)
        ordered = self._ordered[kind]
        if positions is not None and all(
            old is not None
            and old.entity is not None
            and (new := entries.get(i)) is not None
            and new.entity is not None
            and new.order == old.order
            for i, old in before.items()
        ):
            for entity_id in before:  # edited in place: the order holds
                ordered[positions[entity_id]] = entries[entity_id].entity
            return
        self._sort(kind)

    def _sort(self, kind: str) -> None:
        valid = [(e.order, i, e.entity) for i, e in self._entries[kind].items() if e.entity]
        valid.sort(key=lambda item: (item[0], item[1]))
        self._ordered[kind] = [entity for _, _, entity in valid]
        self._ordered_pos[kind] = {e.id: i for i, e in enumerate(self._ordered[kind])}

    # --- writing ----------------------------------------------------------------------------

    def apply(self, primitives: Sequence[Primitive], origin: Any = None) -> list[Primitive]:
        """Write ``primitives`` in one transaction; returns those skipped because their
        entity is no longer there (someone removed it). ``LayoutError`` for a value the
        blueprint cannot hold, before anything of that primitive is written."""
        self._convert_sets(primitives)
        view = self.view()
        writer = _Writer(self, view)
        skipped: list[Primitive] = []
        with self.doc.transaction(origin=origin):
            for primitive in primitives:
                if not writer.write(primitive):
                    skipped.append(primitive)
        return skipped

    def _convert_sets(self, primitives: Sequence[Primitive]) -> None:
        """Id sets the primitives write that are not yet nested Maps (JSON text of layout
        1, or no key) become Maps holding the same list, written apart (no user's edit, so
        nobody's undo) by a client id that every replica with this same state vector derives
        alike (the module's docstring)."""
        fields: set[tuple[str, str, str]] = set()
        for primitive in primitives:
            if not isinstance(primitive, SetEntityField):
                continue
            plan = PLANS.get(primitive.kind)
            name = primitive.path.partition(".")[0]
            if plan is None or name not in plan.sets:
                continue
            entity_map = self.roots[primitive.kind].get(primitive.entity_id)
            if (
                isinstance(entity_map, Map)
                and not isinstance(entity_map.get(name), Map)
                and plan.listed(name, entity_map.get(name)) is not None
            ):
                fields.add((primitive.kind, primitive.entity_id, name))
        if not fields:
            return
        todo = [
            (kind, entity_id, name, self.roots[kind][entity_id].get(name))
            for kind, entity_id, name in sorted(fields)
        ]
        state = _state_vector(self.doc.get_state())
        digest = hashlib.sha256(
            _CONVERSION_SALT + json.dumps([sorted(state.items()), todo]).encode()
        ).digest()
        client_id = int.from_bytes(digest[:4], "big") or 1
        if client_id == self.doc.client_id or client_id in state:
            return  # one chance in 2**32: each field is converted as it is written
        twin: Doc = Doc(client_id=client_id)
        twin.apply_update(self.doc.get_update())
        with twin.transaction():
            for kind, entity_id, name, value in todo:
                plan = PLANS[kind]
                items = plan.listed(name, value) or []
                twin.get(kind, type=Map)[entity_id][name] = _set_map(plan.set_entries(name, items))
        with self.doc.transaction(origin=CONVERSION):
            self.doc.apply_update(twin.get_update(self.doc.get_state()))

    def load(self, blueprint: Blueprint) -> str:
        """Fill an empty document with ``blueprint`` (its deterministic seed); the history."""
        seed = seed_update(blueprint)
        self.doc.apply_update(seed.update)
        return seed.history


def read_entries(kind: str, raw: dict[str, Any]) -> dict[str, _Entry]:
    """Entries from entity id -> the JSON of its Map; an entity whose keys do not make a
    valid one is kept with ``entity=None`` (hidden, and logged); one marked removed has
    no entry."""
    plan = PLANS[kind]
    entries: dict[str, _Entry] = {}
    prepared: list[tuple[str, str, dict]] = []
    for entity_id, fields in raw.items():
        if not isinstance(fields, dict):
            log.warning("%s %r is not a map: hidden", kind, entity_id)
            entries[entity_id] = _Entry("", None)
            continue
        order = fields.get(ORDER_KEY)
        order = order if isinstance(order, str) else ""
        try:
            data = plan.prepare(entity_id, fields, hide_removed=True)
            if data is not None:  # else removed: not there
                prepared.append((entity_id, order, data))
        except LayoutError as error:
            log.warning("hidden: %s", error)
            entries[entity_id] = _Entry(order, None)
    try:
        # All at once in pydantic-core; one by one only when some entity is invalid.
        models = plan.validate_many([data for _, _, data in prepared])
    except LayoutError:
        for entity_id, order, data in prepared:
            try:
                entries[entity_id] = _Entry(order, plan.validate(entity_id, data))
            except LayoutError as error:
                log.warning("hidden: %s", error)
                entries[entity_id] = _Entry(order, None)
    else:
        for (entity_id, order, _), model in zip(prepared, models, strict=True):
            entries[entity_id] = _Entry(order, model)
    return entries


class _Writer:
    """Primitives into the document, keeping each touched list's order as it goes."""

    def __init__(self, live: LiveDoc, view: Blueprint) -> None:
        self.live = live
        self.view = view
        self._lists: dict[str, list[tuple[str, str]]] = {}
        self._entities: dict[str, dict[str, Identified]] = {}

    def entities(self, kind: str) -> dict[str, Identified]:
        if kind not in self._entities:
            self._entities[kind] = {e.id: e for e in getattr(self.view, kind)}
        return self._entities[kind]

    def order(self, kind: str) -> list[tuple[str, str]]:
        if kind not in self._lists:
            self._lists[kind] = [
                (e.id, self.live.order_key(kind, e.id) or "") for e in getattr(self.view, kind)
            ]
        return self._lists[kind]

    def write(self, primitive: Primitive) -> bool:
        if isinstance(primitive, SetDocumentProperty):
            return self._set_property(primitive.name, primitive.value)
        if isinstance(primitive, InsertEntity):
            return self._insert(primitive.kind, primitive.index, primitive.entity)
        if isinstance(primitive, PlaceTouchpoint):
            fields = {"stage_id": primitive.stage_id, "channel_id": primitive.channel_id}
            return self._move("touchpoints", primitive.touchpoint_id, primitive.index, fields)
        if isinstance(primitive, MoveEntity):
            return self._move(primitive.kind, primitive.entity_id, primitive.index, {})
        if isinstance(primitive, RemoveEntity):
            return self._remove(primitive.kind, primitive.entity_id)
        if isinstance(primitive, SetEntityField):
            return self._set_field(
                primitive.kind, primitive.entity_id, primitive.path, primitive.value, primitive.old
            )
        raise TypeError(f"not a primitive: {primitive!r}")

    def _set_property(self, name: str, value: Any) -> bool:
        if name not in PROPERTY_FIELDS:
            raise LayoutError(f"the blueprint has no property {name!r}")
        value = to_jsonable_python(value)
        decode_properties({name: value})
        self.live.properties[name] = value
        return True

    def _insert(self, kind: str, index: int, entity: Identified) -> bool:
        if not isinstance(entity, MODELS[kind]):
            raise LayoutError(f"a {type(entity).__name__} is not one of the {kind}")
        order = self.order(kind)
        order[:] = [item for item in order if item[0] != entity.id]
        key = _key_at(order, index)
        plan = PLANS[kind]
        fields = plan.encode(entity)
        fields[ORDER_KEY] = key
        self.live.roots[kind][entity.id] = _entity_map(plan, fields)
        order.insert(min(index, len(order)), (entity.id, key))
        self.entities(kind)[entity.id] = entity
        return True

    def _remove(self, kind: str, entity_id: str) -> bool:
        root = self.live.roots[kind]
        entity_map = root.get(entity_id)
        if entity_map is None:
            return False
        if not isinstance(entity_map, Map):
            del root[entity_id]  # not an entity: nothing to bring back
        elif is_removed(entity_map.keys()):
            return False
        else:
            # Marked, not deleted (layout 3): an edit someone makes meanwhile stays in the
            # Map, and undoing the removal (deleting the mark) brings the entity back with it.
            entity_map[removal_key(self.live.doc.client_id)] = True
        order = self.order(kind)
        order[:] = [item for item in order if item[0] != entity_id]
        self.entities(kind).pop(entity_id, None)
        return True

    def _move(self, kind: str, entity_id: str, index: int, fields: dict[str, Any]) -> bool:
        entity_map = self._entity_map(kind, entity_id)
        if entity_map is None:
            return False
        for name, value in fields.items():
            if entity_map.get(name) != value:
                self._set_field(kind, entity_id, name, value)
        order = self.order(kind)
        order[:] = [item for item in order if item[0] != entity_id]
        key = _key_at(order, index)
        entity_map[ORDER_KEY] = key
        order.insert(min(index, len(order)), (entity_id, key))
        return True

    def _set_field(self, kind: str, entity_id: str, path: str, value: Any, old: Any = None) -> bool:
        entity_map = self._entity_map(kind, entity_id)
        entity = self.entities(kind).get(entity_id)
        if entity_map is None or entity is None:
            return False
        plan = PLANS[kind]
        head, _, rest = path.partition(".")
        value = to_jsonable_python(value)
        data = entity.model_dump(mode="json")
        if rest:
            whole = data.get(head)
            if not isinstance(whole, dict):
                whole = {}
            _set_dotted(whole, rest, value)
            data[head] = whole
        else:
            data[head] = value
        if head not in plan.model.model_fields or head == "id":
            raise LayoutError(f"{plan.model.noun} has no field {head!r}")
        try:
            changed = plan.model.model_validate(data, strict=False)
        except ValidationError as error:
            raise LayoutError(f"{plan.model.noun}'s {path}: {error.errors()[0]['msg']}") from None
        if head in plan.sets:
            wanted = to_jsonable_python(getattr(changed, head))
            shown = to_jsonable_python(old if isinstance(old, list) else getattr(entity, head))
            _write_set(entity_map, plan, head, wanted, shown)
            self.entities(kind)[entity_id] = changed
            return True
        if head in plan.spread and rest:
            keys = {path: value}
        else:
            keys = plan.encode_field(head, data[head])
        for key, item in keys.items():
            entity_map[key] = item
        self.entities(kind)[entity_id] = changed
        return True

    def _entity_map(self, kind: str, entity_id: str) -> Map | None:
        if entity_id not in self.entities(kind):
            return None
        value = self.live.roots[kind].get(entity_id)
        return value if isinstance(value, Map) else None


def _entity_map(plan: FieldPlan, fields: dict[str, Any]) -> Map:
    """A new entity's Map from its keys (``FieldPlan.encode``): each id set a nested Map."""
    return Map({k: _set_map(v) if k in plan.sets else v for k, v in fields.items()})


def _set_map(entries: dict[str, Any]) -> Map:
    """A new id set from ``FieldPlan.set_entries``."""
    return Map({k: Map(v) if isinstance(v, dict) else v for k, v in entries.items()})


def _write_set(
    entity_map: Map, plan: FieldPlan, name: str, wanted: list[Any], shown: list[Any]
) -> None:
    """Make the id set ``name`` list ``wanted`` (JSON data), where the editor showed
    ``shown``: only the entries added, removed or moved are written (``order.set_edits``),
    and of an object, only the fields the edit changed."""
    wanted_ids = plan.set_ids(name, wanted)
    shown_ids = plan.set_ids(name, shown, distinct=False)
    id_field = plan.sets[name]
    nested = entity_map.get(name)
    if not isinstance(nested, Map):  # not converted before (``LiveDoc._convert_sets``)
        nested = _set_map(plan.set_entries(name, plan.listed(name, nested) or []))
        entity_map[name] = nested
    if id_field is None:
        current = {k: v for k, v in nested.items() if isinstance(v, str)}
    else:
        current = {
            k: v.get(ORDER_KEY)
            for k, v in nested.items()
            if isinstance(v, Map) and isinstance(v.get(ORDER_KEY), str)
        }
    puts, deletes = set_edits(current, wanted_ids, shown_ids)
    for entry in deletes:
        del nested[entry]
    if id_field is None:
        for entry, key in puts.items():
            nested[entry] = key
        return
    was_shown = dict(zip(shown_ids, shown, strict=True))
    for entry, item in zip(wanted_ids, wanted, strict=True):
        fields = {k: v for k, v in item.items() if k != id_field}
        inner = nested.get(entry)
        if entry not in current or not isinstance(inner, Map):
            nested[entry] = Map({**fields, ORDER_KEY: puts[entry]})
            continue
        if entry in puts:
            inner[ORDER_KEY] = puts[entry]
        # Compared with what the editor showed: a field it did not change is not written
        # back over someone else's change that had not reached it.
        before = was_shown.get(entry)
        if before is None:
            before = {k: v for k, v in inner.items() if k != ORDER_KEY}
        for field, value in fields.items():
            if before.get(field) != value and inner.get(field) != value:
                inner[field] = value
        for field in before:
            if field not in fields and field != id_field and field in inner:
                del inner[field]


def _state_vector(state: bytes) -> dict[int, int]:
    """An encoded state vector as client id -> clock."""
    count, offset = read_var_uint(state, 0)
    clocks = {}
    for _ in range(count):
        client, offset = read_var_uint(state, offset)
        clocks[client], offset = read_var_uint(state, offset)
    return clocks


def _set_dotted(data: dict, path: str, value: Any) -> None:
    *parents, name = path.split(".")
    for part in parents:
        nested = data.get(part)
        if not isinstance(nested, dict):
            nested = data[part] = {}
        data = nested
    data[name] = value


def _key_at(order: list[tuple[str, str]], index: int) -> str:
    """An order key that puts an entity at ``index`` of ``order`` (a list without it)."""
    index = max(0, min(index, len(order)))
    before = order[index - 1][1] if index else None
    after = None
    for _, key in order[index:]:
        if before is None or key > before:
            after = key
            break
    if after is not None and after <= (before or ""):
        after = None
    if after == "" and before is None:
        # Entities another tool wrote without a key sort first; go after them.
        return key_between(None, None)
    return key_between(before, after)
