"""The friction points the user has picked, and the improvement a team starts from them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Friction, FrictionNature, Improvement
from .improvements_choices import one_line

if TYPE_CHECKING:
    from ..canvas.scene import BlueprintScene
    from ..document import Document
    from ..inspector.touchpoint_inspector import TouchpointInspector

NOTHING_PICKED = (
    "Select cards with bad friction points on the canvas, or a bad friction point in the "
    "inspector's friction list, first."
)
TITLE_PREFIX = "Fix: "


def selected_friction_ids(
    document: Document, inspector: TouchpointInspector, scene: BlueprintScene
) -> list[str]:
    """The friction point picked in the inspector's friction list while it is on screen;
    else every bad friction point of the selected cards. Good friction is deliberate: it is
    never picked for removal."""
    picked = inspector.picked_friction_id()
    if picked is not None:
        friction = document.get("frictions", picked)
        return [picked] if friction is not None and friction.nature == FrictionNature.BAD else []
    cards = set(scene.selected_touchpoint_ids())
    return [
        f.id
        for f in document.blueprint.frictions
        if f.touchpoint_id in cards and f.nature == FrictionNature.BAD
    ]


def improvement_for(frictions: list[Friction]) -> Improvement:
    """A new improvement addressing these friction points, named after the first one;
    its other fields are the method's defaults, for the team to set."""
    title = TITLE_PREFIX + one_line(frictions[0].title, 80)
    if len(frictions) > 1:
        title += f" (and {len(frictions) - 1} more)"
    return Improvement(title=title, friction_ids=[f.id for f in frictions])


def already_addressed(document: Document, frictions: list[Friction]) -> str | None:
    """A note for an improvement started from friction points that another improvement
    already addresses: each improvement counts them (one picked twice by mistake
    otherwise goes unsaid); None when none is."""
    by = {
        f.id: [i for i in document.blueprint.improvements if f.id in i.friction_ids]
        for f in frictions
    }
    taken = [f for f in frictions if by[f.id]]
    if not taken:
        return None
    if len(taken) == 1:
        first = taken[0]
        owners = ", ".join(f"'{one_line(i.title, 80)}'" for i in by[first.id])
        return (
            f"'{one_line(first.title, 50)}' is already addressed by {owners}: the plan "
            "counts it in each improvement."
        )
    return (
        f"{len(taken)} of these friction points are already addressed by other "
        "improvements: the plan counts each in every improvement that lists it."
    )
