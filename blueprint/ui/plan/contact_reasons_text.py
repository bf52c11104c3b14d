"""The words of the contact-reasons dock (no Qt): the tree's rows, the failure-demand line,
and what a removal would unlink.

Counting and the share come from the model and the plan, never recomputed here: the share is
``Plan.failure_demand``, the reasons a removal takes are the removal command's own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ...analysis.plan import FailureDemand
from ...model import Blueprint, Demand
from ...report.formatting import percent, whole
from ..commands.base import quoted
from ..document import Document

DEMAND_LABELS: tuple[tuple[Demand, str], ...] = (
    (Demand.VALUE, "Value: the service exists for it"),
    (Demand.FAILURE, "Failure: not done, or not done right"),
)
DEMAND_WORDS = {Demand.VALUE: "value", Demand.FAILURE: "failure"}
NO_LINK = "Failure demand: no friction point linked to a contact reason yet"
SHOWN_NAMES = 5


@dataclass(frozen=True, slots=True)
class ReasonRow:
    """One line of the tree: a reason, its demand, and the friction points behind it."""

    reason_id: str
    parent_id: str | None
    name: str
    demand: Demand
    #: friction points linked to this reason, and for a primary to its secondaries too
    friction_titles: tuple[str, ...]

    @property
    def friction_count(self) -> int:
        return len(self.friction_titles)


def reason_rows(blueprint: Blueprint) -> list[ReasonRow]:
    """Primary reasons, each followed by its secondaries (the order of the file)."""
    reasons = blueprint.contact_reasons
    known = {r.id for r in reasons}
    linked: dict[str, list[str]] = defaultdict(list)
    for friction in blueprint.frictions:
        if friction.contact_reason_id is not None:
            linked[friction.contact_reason_id].append(friction.title)
    rows = []
    for primary in (r for r in reasons if r.parent_id is None or r.parent_id not in known):
        children = [r for r in reasons if r.parent_id == primary.id]
        titles = list(linked[primary.id])
        for child in children:
            titles += linked[child.id]
        rows.append(_row(primary, None, titles))
        rows += [_row(child, primary.id, linked[child.id]) for child in children]
    return rows


def _row(reason, parent_id: str | None, titles: list[str]) -> ReasonRow:
    return ReasonRow(reason.id, parent_id, reason.name, reason.demand, tuple(titles))


def failure_demand_text(demand: FailureDemand, persona: str | None = None) -> str:
    """'Failure demand: 38% of contacts a month (1,234 of 3,210)', and for whom when the
    plan is computed for one persona."""
    text = NO_LINK
    if demand.share is not None:
        text = (
            f"Failure demand: {percent(demand.share)} of contacts a month "
            f"({whole(demand.failure_contacts)} of {whole(demand.all_contacts)})"
        )
    return text if persona is None else f"{text}, for {quoted(persona, 60)}"


def linked_text(titles: tuple[str, ...]) -> str:
    """The friction points behind a reason, for the line under the tree."""
    if not titles:
        return "No friction point is linked to it."
    return f"Linked: {_names(list(titles))}"


def removal_lines(document: Document, reason_ids: list[str], friction_ids: list[str]) -> list[str]:
    """What removing a reason takes with it, one line each, as the removal dialog lists it.

    ``reason_ids`` are the reasons removed (the reason itself first), ``friction_ids`` the
    friction points that lose their contact reason.
    """
    lines = []
    secondaries = [document.entity("contact_reasons", i).name for i in reason_ids[1:]]
    if secondaries:
        count = _count(len(secondaries), "secondary reason")
        lines.append(f"{count} removed: {_names(secondaries)}")
    if friction_ids:
        titles = [document.entity("frictions", i).title for i in friction_ids]
        lines.append(f"{_count(len(titles), 'friction point')} unlinked: {_names(titles)}")
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _names(names: list[str]) -> str:
    shown = ", ".join(quoted(name, 60) for name in names[:SHOWN_NAMES])
    more = f" and {len(names) - SHOWN_NAMES} more" if len(names) > SHOWN_NAMES else ""
    return shown + more
