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
