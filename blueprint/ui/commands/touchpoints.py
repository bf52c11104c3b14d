"""Adding, removing and moving touchpoints."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ...changes.references import targets, unknown_references
from ...changes.words import label
from ...model import Flow, Friction, Presence, Touchpoint
from ...model.validation import COLLECTION_NOUNS
from ..document import Document
from .base import BlueprintCommand, Change, CommandError, Insert, Place, Placement, quoted
from .fields import FIELD_EDIT_ID, FieldEdit, read_field
from .removal import removal_changes, removal_of_touchpoints


def cell_list_index(
    cells: Sequence[tuple[str, str]],
    stage_id: str,
    channel_id: str,
    cell_index: int | None,
    fallback: int,
) -> int:
    """Where in the touchpoint list a touchpoint goes to be ``cell_index`` in its cell.

    ``cells`` is the (stage, channel) of each touchpoint of the list, without the one being
    placed. ``None`` (or past the end) means last in the cell. An empty cell puts it at
    ``fallback``: a moved touchpoint keeps its place in the list, a new one goes last.
    """
    in_cell = [i for i, cell in enumerate(cells) if cell == (stage_id, channel_id)]
    if not in_cell:
        return fallback
    if cell_index is None or cell_index >= len(in_cell):
        return in_cell[-1] + 1
    return in_cell[max(0, cell_index)]


def cell_name(document: Document, stage_id: str, channel_id: str) -> str:
    stage = document.entity("stages", stage_id)
    channel = document.entity("channels", channel_id)
    return f"{stage.name} / {channel.name}"


def _check_cell(document: Document, stage_id: str, channel_id: str) -> None:
    if document.get("stages", stage_id) is None:
        raise CommandError(f"there is no stage with id {stage_id!r}")
    if document.get("channels", channel_id) is None:
        raise CommandError(f"there is no channel with id {channel_id!r}")


class AddTouchpoints(BlueprintCommand):
    """Add touchpoints, each last in its cell, with their friction points and flows.

    What pasting and duplicating use; every id must be new to the document.
    """

    def __init__(
        self,
        document: Document,
        touchpoints: Sequence[Touchpoint],
        frictions: Sequence[Friction] = (),
        flows: Sequence[Flow] = (),
        text: str | None = None,
    ) -> None:
        touchpoints = [t.model_copy(deep=True) for t in touchpoints]
        frictions = [f.model_copy(deep=True) for f in frictions]
        flows = [f.model_copy(deep=True) for f in flows]
        _check_new(document, touchpoints, frictions, flows)
        changes: list[Change] = []
        cells = [(t.stage_id, t.channel_id) for t in document.blueprint.touchpoints]
        for tp in touchpoints:
            index = cell_list_index(cells, tp.stage_id, tp.channel_id, None, len(cells))
            cells.insert(index, (tp.stage_id, tp.channel_id))
            changes.append(Insert("touchpoints", index, tp))
        first_friction = len(document.blueprint.frictions)
        changes += [Insert("frictions", first_friction + i, f) for i, f in enumerate(frictions)]
        first_flow = len(document.blueprint.flows)
        changes += [Insert("flows", first_flow + i, f) for i, f in enumerate(flows)]
        if text is None:
            text = (
                f"Add touchpoint {quoted(touchpoints[0].title)}"
                if len(touchpoints) == 1
                else f"Add {len(touchpoints)} touchpoints"
            )
        super().__init__(document, text, changes)


class AddTouchpoint(BlueprintCommand):
    """Add one touchpoint at ``cell_index`` of its cell (last when None)."""

    def __init__(
        self, document: Document, touchpoint: Touchpoint, cell_index: int | None = None
    ) -> None:
        touchpoint = touchpoint.model_copy(deep=True)
        _check_new(document, [touchpoint], [], [])
        cells = [(t.stage_id, t.channel_id) for t in document.blueprint.touchpoints]
        index = cell_list_index(
            cells, touchpoint.stage_id, touchpoint.channel_id, cell_index, len(cells)
        )
        self.touchpoint_id = touchpoint.id
        #: the card's title not yet typed (see ``mergeWith``)
        self._unnamed = True
        text = f"Add touchpoint {quoted(touchpoint.title)}"
        super().__init__(document, text, [Insert("touchpoints", index, touchpoint)])

    def id(self) -> int:
        return FIELD_EDIT_ID if self._unnamed else -1

    def mergeWith(self, other: Any) -> bool:
        """The title typed in place on the card just added is part of adding it: one Ctrl+Z
        takes the card away (it left a "New touchpoint" card behind)."""
        if not (
            self._unnamed
            and isinstance(other, FieldEdit)
            and other.names_new_card
            and other.key == ("touchpoints", self.touchpoint_id, "title")
        ):
            return False
        self._unnamed = False
        self.changes.extend(other.changes)
        named = read_field(other.target(self._document, self.touchpoint_id), "title")
        self.setText(f"Add touchpoint {quoted(named)}")
        return True


def _check_new(
    document: Document,
    touchpoints: Sequence[Touchpoint],
    frictions: Sequence[Friction],
    flows: Sequence[Flow],
) -> None:
    if not touchpoints:
        raise CommandError("no touchpoint to add")
    new_ids = [e.id for e in (*touchpoints, *frictions, *flows)]
    if len(set(new_ids)) != len(new_ids):
        raise CommandError("the touchpoints to add use an id twice")
    news = (("touchpoints", touchpoints), ("frictions", frictions), ("flows", flows))
    for kind, entities in news:
        for entity in entities:
            if document.get(kind, entity.id) is not None:
                raise CommandError(f"the id {entity.id!r} is already used")
    for tp in touchpoints:
        _check_cell(document, tp.stage_id, tp.channel_id)
    known = {t.id for t in touchpoints} | {t.id for t in document.blueprint.touchpoints}
    for friction in frictions:
        if friction.touchpoint_id not in known:
            raise CommandError(f"friction point {quoted(friction.title)} has no touchpoint")
    pairs = {(f.from_id, f.to_id) for f in document.blueprint.flows}
    for flow in flows:
        check_flow(known, pairs, flow.from_id, flow.to_id)
        pairs.add((flow.from_id, flow.to_id))
    adding = {"touchpoints": known, "frictions": {f.id for f in frictions}}

    def exists(kind: str, entity_id: str) -> bool:
        return entity_id in adding.get(kind, ()) or document.get(kind, entity_id) is not None

    # Every link must name something of the blueprint: one that did not saved a file that
    # would not open again (a pasted friction point following another blueprint's measure).
    for kind, entities in news:
        for entity in entities:
            for path, missing in unknown_references(kind, entity, exists):
                what = COLLECTION_NOUNS[targets(kind, path, entity)[0]]
                raise CommandError(
                    f"there is no {what} {missing!r} in this blueprint (named by the "
                    f"{label(path)} of {entity.noun} {quoted(entity.display_name)})"
                )


def check_flow(known: set[str], pairs: set[tuple[str, str]], from_id: str, to_id: str) -> None:
    if from_id not in known or to_id not in known:
        raise CommandError("a flow must link two touchpoints of the blueprint")
    if from_id == to_id:
        raise CommandError("a flow cannot link a touchpoint to itself")
    if (from_id, to_id) in pairs:
        raise CommandError("these two touchpoints are already linked")


class RemoveTouchpoints(BlueprintCommand):
    """Remove touchpoints with their friction points and flows, unlinking improvements.

    ``cut``: named as Edit › Cut does it ("Cut touchpoint …", "Cut … with 2 flows.")."""

    def __init__(
        self, document: Document, touchpoint_ids: Iterable[str], cut: bool = False
    ) -> None:
        ids = list(dict.fromkeys(touchpoint_ids))
        if not ids:
            raise CommandError("no touchpoint to remove")
        for missing in (i for i in ids if document.get("touchpoints", i) is None):
            raise CommandError(f"there is no touchpoint with id {missing!r}")
        removal = removal_of_touchpoints(document.blueprint, ids)
        verb, done = ("Cut", "Cut") if cut else ("Remove", "Removed")
        if len(ids) == 1:
            text = f"{verb} touchpoint {quoted(document.touchpoint(ids[0]).title)}"
        else:
            text = f"{verb} {len(ids)} touchpoints"
        #: what goes with them, in words, for the status line
        self.summary = removal.summary(document.blueprint, done)
        super().__init__(document, text, removal_changes(document.blueprint, removal))


class MoveTouchpoint(BlueprintCommand):
    """Move a touchpoint to a cell, at ``cell_index`` among the cell's other touchpoints."""

    def __init__(
        self,
        document: Document,
        touchpoint_id: str,
        stage_id: str,
        channel_id: str,
        cell_index: int | None = None,
    ) -> None:
        _check_cell(document, stage_id, channel_id)
        tp = document.touchpoint(touchpoint_id)
        old_index = document.index_of("touchpoints", touchpoint_id)
        cells = [(t.stage_id, t.channel_id) for t in document.blueprint.touchpoints if t is not tp]
        index = cell_list_index(cells, stage_id, channel_id, cell_index, old_index)
        old = Placement(tp.stage_id, tp.channel_id, old_index)
        new = Placement(stage_id, channel_id, index)
        where = cell_name(document, stage_id, channel_id)
        if (old.stage_id, old.channel_id) == (stage_id, channel_id):
            text = f"Reorder {quoted(tp.title)} in {where}"
        else:
            text = f"Move {quoted(tp.title)} to {where}"
        changes = [] if old == new else [Place(touchpoint_id, old, new)]
        super().__init__(document, text, changes)


def presence_within(asked: Presence, *owners: Presence, noun: str) -> Presence:
    """The states a new flow or friction point can belong to: those asked for that all of
    what it hangs on are in too (a flow to a card gone tomorrow is today's only)."""
    states = {Presence.CURRENT, Presence.FUTURE} if asked == Presence.BOTH else {asked}
    for owner in owners:
        if owner != Presence.BOTH:
            states &= {owner}
    if not states:
        raise CommandError(
            f"a {noun} cannot join a card of today's journey only to one of tomorrow's only"
            if len(owners) > 1
            else f"this card is not in that state of the journey: the {noun} cannot go there"
        )
    return Presence.BOTH if len(states) == 2 else states.pop()
