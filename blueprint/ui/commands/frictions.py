"""Friction points of a touchpoint, and flows between touchpoints."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Flow, Friction, Presence
from ..document import Document
from .base import BlueprintCommand, CommandError, Insert, insert_new, quoted
from .removal import removal_changes, removal_of_flows, removal_of_frictions
from .touchpoints import check_flow, presence_within


class AddFriction(BlueprintCommand):
    """Add a friction point (built by the caller, with a new id) to its touchpoint."""

    def __init__(self, document: Document, friction: Friction) -> None:
        friction = friction.model_copy(deep=True)
        tp = document.get("touchpoints", friction.touchpoint_id)
        if tp is None:
            raise CommandError("a friction point must belong to a touchpoint of the blueprint")
        friction.state = presence_within(friction.state, tp.state, noun="friction point")
        insert = insert_new(document, "frictions", friction)
        for kind, ref in (
            ("channels", friction.leads_to_channel_id),
            ("contact_reasons", friction.contact_reason_id),
        ):
            if ref is not None and document.get(kind, ref) is None:
                raise CommandError(f"there is no {kind[:-1].replace('_', ' ')} with id {ref!r}")
        self.friction_id = friction.id
        text = f"Add friction {quoted(friction.title)} to {quoted(tp.title)}"
        super().__init__(document, text, [insert])


class RemoveFrictions(BlueprintCommand):
    """Remove friction points; improvements that address them stop listing them."""

    def __init__(self, document: Document, friction_ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(friction_ids))
        if not ids:
            raise CommandError("no friction point to remove")
        for missing in (i for i in ids if document.get("frictions", i) is None):
            raise CommandError(f"there is no friction point with id {missing!r}")
        if len(ids) == 1:
            text = f"Remove friction {quoted(document.entity('frictions', ids[0]).title)}"
        else:
            text = f"Remove {len(ids)} friction points"
        removal = removal_of_frictions(document.blueprint, ids)
        super().__init__(document, text, removal_changes(document.blueprint, removal))


class AddFlow(BlueprintCommand):
    """Connect two touchpoints in journey order: the customer goes from one to the other."""

    def __init__(
        self,
        document: Document,
        from_id: str,
        to_id: str,
        label: str = "",
        flow_id: str | None = None,
        state: Presence = Presence.BOTH,
    ) -> None:
        known = {t.id for t in document.blueprint.touchpoints}
        pairs = {(f.from_id, f.to_id) for f in document.blueprint.flows}
        check_flow(known, pairs, from_id, to_id)
        ends = (document.touchpoint(from_id).state, document.touchpoint(to_id).state)
        state = presence_within(state, *ends, noun="flow")
        flow = Flow(from_id=from_id, to_id=to_id, label=label, state=state)
        if flow_id is not None:
            if document.get("flows", flow_id) is not None:
                raise CommandError(f"the id {flow_id!r} is already used")
            flow.id = flow_id
        self.flow_id = flow.id
        names = (document.touchpoint(from_id).title, document.touchpoint(to_id).title)
        text = f"Connect {quoted(names[0])} to {quoted(names[1])}"
        if state == Presence.FUTURE:
            text += " in the future"
        super().__init__(document, text, [Insert("flows", len(document.blueprint.flows), flow)])


class RemoveFlows(BlueprintCommand):
    def __init__(self, document: Document, flow_ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(flow_ids))
        if not ids:
            raise CommandError("no flow to remove")
        for missing in (i for i in ids if document.get("flows", i) is None):
            raise CommandError(f"there is no flow with id {missing!r}")
        if len(ids) == 1:
            flow = document.entity("flows", ids[0])
            names = (document.touchpoint(flow.from_id).title, document.touchpoint(flow.to_id).title)
            text = f"Remove flow {quoted(names[0])} → {quoted(names[1])}"
        else:
            text = f"Remove {len(ids)} flows"
        removal = removal_of_flows(document.blueprint, ids)
        super().__init__(document, text, removal_changes(document.blueprint, removal))
