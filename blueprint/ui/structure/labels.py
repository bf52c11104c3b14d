"""The words the structure editor uses (no Qt): channel kinds, stairway steps, new names."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import ChannelKind
from ...model.defaults import STEP_NAMES

KIND_LABELS: tuple[tuple[ChannelKind, str], ...] = (
    (ChannelKind.SELF_SERVICE, "Self-service"),
    (ChannelKind.SELF_HELP, "Self-help"),
    (ChannelKind.ASSISTED_DIGITAL, "Assisted digital"),
    (ChannelKind.LIVE_HUMAN, "Live human"),
    (ChannelKind.ESCALATION, "Escalation"),
)

#: The stairway from the top (best) down, as the method draws it.
STEP_LABELS: tuple[tuple[int, str], ...] = tuple(
    (step, f"{step} · {STEP_NAMES[step]}") for step in range(5, -1, -1)
)

NEW_STAGE_NAME = "New stage"
NEW_CHANNEL_NAME = "New channel"


def unique_name(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base 2``, ``base 3``... whichever no other entity is called."""
    used = {name.strip().casefold() for name in taken}
    name, n = base, 1
    while name.casefold() in used:
        n += 1
        name = f"{base} {n}"
    return name
