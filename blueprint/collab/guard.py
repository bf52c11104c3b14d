"""The server's check of what peers send: a malformed or hostile message is refused.

Every update a peer sends is first applied to a shadow of the room's document. Only when
every entity it touches still reads as a valid entity of its kind (``layout.FieldPlan``; an
id set as a nested Map of valid ids to order keys, or as the JSON text of layout 1, which
editors of layout 1 still write), the blueprint's own fields are valid, no unknown root
appears and ``meta`` is left alone (once the room has a history), is the message passed on
to the room, which applies the same update to the real document and to every other peer. A
refused update is logged and dropped; the connection stays open. Cross-entity rules are not
checked: concurrent edits break them legitimately, and every replica repairs them the same
way (``repair.py``).
"""

from __future__ import annotations

import json
import logging

from pycrdt import Doc, Map

from .layout import KINDS, META, PLANS, PROPERTIES, ROOTS, LayoutError, decode_properties
from .mapping import history_of
from .protocol import (
    AWARENESS,
    MAX_MESSAGE_BYTES,
    STEP1,
    STEP2,
    SYNC,
    UPDATE,
    MalformedMessage,
    parse_awareness,
    read_payload,
)

log = logging.getLogger(__name__)


class UpdateGuard:
    """Checks the messages for one room's document (``doc``), keeping a shadow of it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._touched: dict[str, set[str]] = {}
        self._rebuild()

    def check(self, message: bytes) -> str | None:
        """None when the message may go to the room; else why it is refused."""
        try:
            if not message:
                raise MalformedMessage("empty")
            if len(message) > MAX_MESSAGE_BYTES:
                raise MalformedMessage("too large")
            if message[0] == AWARENESS:
                parse_awareness(read_payload(message, 1))
                return None
            if message[0] != SYNC or len(message) < 2:
                raise MalformedMessage(f"unknown message type {message[0]}")
            step = message[1]
            payload = read_payload(message, 2)
            if step == STEP1:
                return None
            if step in (STEP2, UPDATE):
                return self.check_update(payload)
            raise MalformedMessage(f"unknown sync step {step}")
        except MalformedMessage as error:
            return f"malformed message: {error}"

    def check_update(self, update: bytes) -> str | None:
        if update == b"\x00\x00":
            return None
        had_history = bool(history_of(self.doc))
        for touched in self._touched.values():
            touched.clear()
        try:
            self.shadow.apply_update(update)
        except Exception as error:  # Yrs refuses bytes that are not an update
            self._rebuild()  # in case part of it went in
            return f"not a Yjs update ({error})"
        reason = self._problem(had_history)
        if reason is not None:
            self._rebuild()
        return reason

    def _problem(self, had_history: bool) -> str | None:
        unknown = set(self.shadow.keys()) - set(ROOTS)
        if unknown:
            return f"unknown shared types {sorted(unknown)[:3]}"
        if self._touched[META] and had_history:
            return "it changes the room's history id"
        if self._touched[PROPERTIES]:
            try:
                decode_properties(dict(self._shadow_roots[PROPERTIES].items()))
            except LayoutError as error:
                return str(error)
        for kind in KINDS:
            root = self._shadow_roots[kind]
            for entity_id in self._touched[kind]:
                value = root.get(entity_id)
                if value is None:
                    continue  # removed: always allowed
                if not isinstance(value, Map):
                    return f"{kind} {entity_id!r} is not a map"
                try:
                    PLANS[kind].decode(entity_id, json.loads(str(value)))
                except (LayoutError, ValueError) as error:
                    return str(error)
        return None

    def _rebuild(self) -> None:
        self.shadow: Doc = Doc()
        self.shadow.apply_update(self.doc.get_update())
        self._shadow_roots = {name: self.shadow.get(name, type=Map) for name in ROOTS}
        for name, root in self._shadow_roots.items():
            touched = self._touched.setdefault(name, set())
            root.observe_deep(_marker(touched))


def _marker(touched: set[str]):
    def mark(events: list) -> None:
        for event in events:
            if event.path:
                touched.add(str(event.path[0]))
            else:
                touched.update(event.keys)

    return mark
