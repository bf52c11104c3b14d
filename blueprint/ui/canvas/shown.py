"""What the canvas draws: today's journey, tomorrow's, or both to compare (no Qt).

The document holds every entity of both states; the canvas shows one view of it. Today and
tomorrow are ordinary blueprints (``state_view``); Compare shows every entity, each card
marked as new, gone or changed in the future. The view is worked out again only when the
document has changed since it was last read, and costs nothing for a blueprint that draws
one state only (the view is then the document's own blueprint).
"""

from __future__ import annotations

from collections import defaultdict
from enum import StrEnum

from ...changes import DifferenceKind, differences
from ...model import Blueprint, Flow, Friction, Presence, Touchpoint
from ...model.states import State, current_state, has_future_state, state_view


class JourneyView(StrEnum):
    CURRENT = "current"
    FUTURE = "future"
    COMPARE = "compare"


#: What the canvas's corner says of the journey shown (today's: nothing).
STATE_MARKS = {JourneyView.FUTURE: "Tomorrow", JourneyView.COMPARE: "Today and tomorrow"}

#: How a card is marked in Compare, in words (never by colour alone).
CHANGE_MARKS = {
    DifferenceKind.ADDED: "NEW",
    DifferenceKind.REMOVED: "GONE",
    DifferenceKind.CHANGED: "CHANGED",
}


class ShownJourney:
    def __init__(self, blueprint_of) -> None:
        #: a function giving the document's blueprint as it is now
        self._blueprint_of = blueprint_of
        self.view = JourneyView.CURRENT
        self._shown: Blueprint | None = None
        self._touchpoints: dict[str, Touchpoint] = {}
        self._frictions: dict[str, list[Friction]] = {}
        self._flows: dict[str, Flow] = {}
        self._marks: dict[str, str] = {}
        #: Compare marks a future value equal to today's too: two files compared (a union
        #: that gives a card its own title as a future value to mark a difference the future
        #: values cannot hold). In one file such a value changes nothing, as the plan says.
        self.marks_equal_values = False

    def invalidate(self, *_args) -> None:
        self._shown = None

    def set_view(self, view: JourneyView) -> bool:
        """Show another view; False when it was already shown."""
        if view == self.view:
            return False
        self.view = view
        self.invalidate()
        return True

    @property
    def new_presence(self) -> Presence:
        """What is drawn in this view belongs to: tomorrow only in the future view, else
        both states."""
        return Presence.FUTURE if self.view == JourneyView.FUTURE else Presence.BOTH

    @property
    def blueprint(self) -> Blueprint:
        if self._shown is None:
            self._work_out()
        assert self._shown is not None
        return self._shown

    def touchpoint(self, touchpoint_id: str) -> Touchpoint | None:
        self.blueprint  # noqa: B018 (worked out if stale)
        return self._touchpoints.get(touchpoint_id)

    def frictions_of(self, touchpoint_id: str) -> list[Friction]:
        self.blueprint  # noqa: B018
        return self._frictions.get(touchpoint_id, [])

    def flow(self, flow_id: str) -> Flow | None:
        self.blueprint  # noqa: B018
        return self._flows.get(flow_id)

    def mark_of(self, touchpoint_id: str) -> str:
        """``NEW``, ``GONE`` or ``CHANGED`` in Compare (the card or one of its friction
        points changes); empty otherwise."""
        self.blueprint  # noqa: B018
        return self._marks.get(touchpoint_id, "")

    def _work_out(self) -> None:
        bp = self._blueprint_of()
        if self.view == JourneyView.FUTURE:
            shown = state_view(bp, State.FUTURE)
        elif self.view == JourneyView.CURRENT:
            shown = current_state(bp)
        else:
            shown = bp
        self._touchpoints = {t.id: t for t in shown.touchpoints}
        frictions: dict[str, list[Friction]] = defaultdict(list)
        for friction in shown.frictions:
            frictions[friction.touchpoint_id].append(friction)
        self._frictions = frictions
        self._flows = {f.id: f for f in shown.flows}
        self._marks = {}
        if self.view == JourneyView.COMPARE and has_future_state(bp):
            for difference in differences(bp, keep_equal=self.marks_equal_values):
                mark = CHANGE_MARKS[difference.kind]
                if difference.noun == "touchpoint":
                    self._marks[difference.touchpoint_id] = mark
                elif difference.noun == "friction point":
                    changed = CHANGE_MARKS[DifferenceKind.CHANGED]
                    self._marks.setdefault(difference.touchpoint_id, changed)
        self._shown = shown
