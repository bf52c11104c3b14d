"""What the filter bar lets through: friction of a kind, at least so severe (no Qt).

The persona filter is the live plan's persona (``LivePlan.set_persona``), so that the plan's
views and the canvas always show the same customers; these filters are the canvas's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Friction, FrictionKind
from ..inspector.choices import KINDS, SEVERITY_WORDS

ALL_KINDS = "All kinds"
ALL_SEVERITIES = "Any severity"

#: (kind or None for all, label), as the filter bar offers them
KIND_CHOICES: tuple[tuple[FrictionKind | None, str], ...] = (
    (None, ALL_KINDS),
    *((kind, label.split(" (")[0]) for kind, label in KINDS),
)
#: (least severity, label): a workshop asks for "serious and worse", not "exactly 3"
SEVERITY_CHOICES: tuple[tuple[int, str], ...] = (
    (1, ALL_SEVERITIES),
    (2, f"{SEVERITY_WORDS[2]} or worse"),
    (3, f"{SEVERITY_WORDS[3]} or worse"),
    (4, SEVERITY_WORDS[4]),
)


@dataclass(frozen=True, slots=True)
class FrictionFilter:
    kind: FrictionKind | None = None
    least_severity: int = 1

    @property
    def active(self) -> bool:
        return self.kind is not None or self.least_severity > 1

    def matches(self, friction: Friction) -> bool:
        return (self.kind is None or friction.kind == self.kind) and (
            friction.severity >= self.least_severity
        )


NO_FILTER = FrictionFilter()
