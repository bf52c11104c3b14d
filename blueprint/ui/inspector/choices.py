"""The words the editing panels offer for each choice of the model (no Qt).

Every score or choice is shown with its meaning from the method, so a workshop does not
need DOMAIN.md open beside the app: "3 serious", "good (deliberate)".
"""

from __future__ import annotations

from ...model import (
    Blueprint,
    ContactReason,
    FrequencySource,
    FrictionKind,
    FrictionNature,
    Period,
)

#: Shown for a field that is not set (an unscored EPIC letter, no emotion, no channel).
UNSET = "–"

EMOTIONS: tuple[tuple[int | None, str, str], ...] = (
    (None, UNSET, "Emotion not set"),
    (-2, "−2", "−2 angry"),
    (-1, "−1", "−1 unhappy"),
    (0, "0", "0 neutral"),
    (1, "+1", "+1 pleased"),
    (2, "+2", "+2 delighted"),
)

EPIC_SCORES: tuple[tuple[int | None, str, str], ...] = (
    (None, UNSET, "Not scored"),
    *((score, str(score), f"{score} of 5") for score in range(1, 6)),
)

SEVERITIES: tuple[tuple[int, str, str], ...] = (
    (1, "1", "1 cosmetic"),
    (2, "2", "2 annoying"),
    (3, "3", "3 serious"),
    (4, "4", "4 blocks the customer"),
)

KINDS: tuple[tuple[FrictionKind, str], ...] = (
    (FrictionKind.HESITATION, "Hesitation"),
    (FrictionKind.SLOWDOWN, "Slowdown"),
    (FrictionKind.DISRUPTION, "Disruption"),
    (FrictionKind.FAILURE, "Failure (step breaks)"),
)

NATURES: tuple[tuple[FrictionNature, str], ...] = (
    (FrictionNature.BAD, "Bad: remove or reduce it"),
    (FrictionNature.GOOD, "Good: deliberate, keep it"),
)

GOOD_FRICTION_HELP = (
    "Good friction is deliberate: a confirmation before an irreversible act, a check that "
    "protects the customer. It is shown on the card but never prioritised for removal."
)

PERIODS: tuple[tuple[Period, str], ...] = (
    (Period.DAY, "per day"),
    (Period.WEEK, "per week"),
    (Period.MONTH, "per month"),
    (Period.QUARTER, "per quarter"),
    (Period.YEAR, "per year"),
)

SOURCES: tuple[tuple[FrequencySource, str], ...] = (
    (FrequencySource.MEASURED, "measured"),
    (FrequencySource.ESTIMATED, "estimated"),
    (FrequencySource.UNKNOWN, "unknown"),
)

SEVERITY_WORDS = {value: words for value, _label, words in SEVERITIES}


def channel_choices(blueprint: Blueprint) -> list[tuple[str | None, str]]:
    """Where a friction can push the customer: no channel, or one of the rows."""
    return [(None, "None"), *((c.id, f"{c.name} (step {c.step})") for c in blueprint.channels)]


def contact_reason_label(reason: ContactReason, by_id: dict[str, ContactReason]) -> str:
    parent = by_id.get(reason.parent_id) if reason.parent_id else None
    return reason.name if parent is None else f"{parent.name} > {reason.name}"


def contact_reason_choices(blueprint: Blueprint) -> list[tuple[str | None, str]]:
    """No reason, then each primary reason followed by its secondary ones."""
    reasons = blueprint.contact_reasons
    by_id = {r.id: r for r in reasons}
    choices: list[tuple[str | None, str]] = [(None, "None")]
    primaries = [r for r in reasons if r.parent_id is None or r.parent_id not in by_id]
    for primary in primaries:
        choices.append((primary.id, primary.name))
        for child in reasons:
            if child.parent_id == primary.id:
                choices.append((child.id, contact_reason_label(child, by_id)))
    return choices


def cell_label(blueprint: Blueprint, stage_id: str, channel_id: str) -> str:
    stage = next((s.name for s in blueprint.stages if s.id == stage_id), "?")
    channel = next((c.name for c in blueprint.channels if c.id == channel_id), "?")
    return f"{stage} · {channel}"


def friction_summary(title: str, severity: int, nature: FrictionNature) -> str:
    """One line of the friction list: the severity first, as on the card's marker."""
    if nature == FrictionNature.GOOD:
        return f"◯ deliberate: {title}"
    return f"◆{severity} {title}"


def friction_spoken(title: str, severity: int, nature: FrictionNature) -> str:
    """The same line as a screen reader says it: the marker in words ("◆3" was read as
    "black diamond 3")."""
    if nature == FrictionNature.GOOD:
        return f"Deliberate, good friction: {title}"
    return f"Severity {severity}, {SEVERITY_WORDS[severity]}: {title}"
