"""How each card looks under the overlays, filters, search and highlight (no Qt).

Computed once when the blueprint, a filter or an overlay changes, never while painting;
only the cards that do not look plain are named.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from ...analysis.epic import touchpoint_epic
from ...analysis.plan import applies_to
from ...model import Blueprint, Friction, Touchpoint
from ..canvas import palette
from ..canvas.emphasis import PLAIN, CardEmphasis
from .filters import NO_FILTER, FrictionFilter

#: A card the filters leave out: still there, so the grid keeps its shape.
FILTERED_OUT = 0.22
#: A card beside a highlighted one: a little back, still readable: its title stays at 4.5:1
#: or more on the canvas (at 0.5 it fell to 3:1, lost on a projector).
BESIDE_HIGHLIGHT = 0.65


@dataclass(frozen=True, slots=True)
class Highlight:
    """Cards and friction points marked on the canvas, e.g. an improvement's."""

    touchpoint_ids: frozenset[str] = frozenset()
    friction_ids: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.touchpoint_ids or self.friction_ids)


NO_HIGHLIGHT = Highlight()


@dataclass(frozen=True, slots=True)
class CanvasLook:
    """Everything that decides how the cards look, besides the blueprint."""

    persona_id: str | None = None
    frictions: FrictionFilter = NO_FILTER
    epic: bool = False
    found: frozenset[str] = frozenset()
    highlight: Highlight = NO_HIGHLIGHT

    @property
    def plain(self) -> bool:
        return self == PLAIN_LOOK


PLAIN_LOOK = CanvasLook()


def card_emphasis(blueprint: Blueprint, look: CanvasLook) -> dict[str, CardEmphasis]:
    """touchpoint id -> how its card looks, for the cards that do not look plain."""
    if look.plain:
        return {}
    frictions: dict[str, list[Friction]] = defaultdict(list)
    for friction in blueprint.frictions:
        frictions[friction.touchpoint_id].append(friction)
    highlighted = _highlighted(blueprint, look.highlight)
    marked_ids = look.highlight.friction_ids
    result = {}
    # Run on every edit while anything is shown, over thousands of cards: the parts that
    # are off cost nothing.
    for tp in blueprint.touchpoints:
        own = frictions.get(tp.id, ())
        emphasis = CardEmphasis(
            opacity=_opacity(tp, own, highlighted, look),
            fill=palette.epic_colour(touchpoint_epic(tp)) if look.epic else None,
            outline=_outline(tp.id, highlighted, look.found),
            faded_frictions=_left_out(own, look.frictions),
            marked_frictions=(
                frozenset(f.id for f in own if f.id in marked_ids) if marked_ids else frozenset()
            ),
        )
        if emphasis != PLAIN:
            result[tp.id] = emphasis
    return result


def _highlighted(blueprint: Blueprint, highlight: Highlight) -> set[str]:
    """The highlighted cards: those named, and those of the friction points named. Ids no
    longer in the blueprint mark nothing (and then nothing fades)."""
    if not highlight:
        return set()
    named = highlight.touchpoint_ids | {
        f.touchpoint_id for f in blueprint.frictions if f.id in highlight.friction_ids
    }
    return {tp.id for tp in blueprint.touchpoints if tp.id in named}


def _opacity(
    touchpoint: Touchpoint,
    frictions: Collection[Friction],
    highlighted: Collection[str],
    look: CanvasLook,
) -> float:
    if not applies_to(touchpoint.persona_ids, look.persona_id):
        return FILTERED_OUT
    if look.frictions.active and not any(look.frictions.matches(f) for f in frictions):
        return FILTERED_OUT
    if highlighted and touchpoint.id not in highlighted:
        return BESIDE_HIGHLIGHT
    return 1.0


def _left_out(frictions: Collection[Friction], chosen: FrictionFilter) -> frozenset[str]:
    if not chosen.active:
        return frozenset()
    return frozenset(f.id for f in frictions if not chosen.matches(f))


def _outline(
    touchpoint_id: str, highlighted: Collection[str], found: Collection[str]
) -> str | None:
    if touchpoint_id in highlighted:
        return palette.HIGHLIGHT
    return palette.SEARCH_HIT if touchpoint_id in found else None
