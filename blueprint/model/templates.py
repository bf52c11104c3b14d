"""Starting points for a new blueprint (``blueprint new --template NAME``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .defaults import DEFAULT_CHANNELS, DEFAULT_CONTACT_REASONS, DEFAULT_STAGES, TYPICAL_COST_NOTE
from .entities import Blueprint, Channel, ContactReason, Stage
from .enums import FrequencySource


def slug(text: str, limit: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold())[:limit].strip("-") or "x"


def make_stages(names: Sequence[str]) -> list[Stage]:
    return [Stage(id=f"stage-{slug(name)}", name=name) for name in names]


def make_channels(names: Sequence[str] | None = None) -> list[Channel]:
    """The default channels (or those named), each with its typical cost as an estimate."""
    chosen = [d for d in DEFAULT_CHANNELS if names is None or d.name in names]
    return [
        Channel(
            id=f"ch-{slug(d.name)}",
            name=d.name,
            kind=d.kind,
            step=d.step,
            cost_per_contact=d.typical_cost,
            cost_source=FrequencySource.ESTIMATED if d.typical_cost is not None else None,
            cost_note=TYPICAL_COST_NOTE if d.typical_cost is not None else "",
        )
        for d in chosen
    ]


def make_contact_reasons() -> list[ContactReason]:
    reasons: list[ContactReason] = []
    for primary, secondaries in DEFAULT_CONTACT_REASONS:
        parent = ContactReason(id=f"cr-{slug(primary, 20)}", name=primary)
        reasons.append(parent)
        reasons.extend(
            ContactReason(
                id=f"{parent.id}-{slug(name, 30)}", name=name, parent_id=parent.id, demand=demand
            )
            for name, demand in secondaries
        )
    return reasons


@dataclass(frozen=True)
class Template:
    name: str
    summary: str
    build: Callable[[], Blueprint]


def _standard() -> Blueprint:
    return Blueprint(
        title="New service blueprint",
        stages=make_stages(DEFAULT_STAGES),
        channels=make_channels(),
        contact_reasons=make_contact_reasons(),
    )


_DIGITAL_CHANNELS = (
    "Website / account",
    "Mobile app",
    "Help centre / FAQ",
    "Chatbot / virtual agent",
    "Email / web form",
    "SMS / messaging",
    "Social media",
    "Live chat with an agent",
    "Complaints / escalation",
)


def _digital() -> Blueprint:
    return Blueprint(
        title="New digital service blueprint",
        stages=make_stages(DEFAULT_STAGES),
        channels=make_channels(_DIGITAL_CHANNELS),
        contact_reasons=make_contact_reasons(),
    )


def _minimal() -> Blueprint:
    return Blueprint(
        title="New blueprint",
        stages=make_stages(("Awareness", "Purchase", "Fulfilment", "Support", "Retention")),
        channels=make_channels(
            (
                "Website / account",
                "Email / web form",
                "Phone with an agent",
                "Complaints / escalation",
            )
        ),
    )


TEMPLATES: dict[str, Template] = {
    t.name: t
    for t in (
        Template(
            "standard",
            "the nine default stages, all thirteen default channels, the contact-reason tree",
            _standard,
        ),
        Template(
            "digital",
            "the nine stages and the digital and remote channels only (no store, phone or "
            "field visit), the contact-reason tree",
            _digital,
        ),
        Template(
            "minimal",
            "five stages, four channels, no contact reasons: for a quick sketch",
            _minimal,
        ),
    )
}

DEFAULT_TEMPLATE = "standard"


def new_blueprint(template: str = DEFAULT_TEMPLATE) -> Blueprint:
    """A fresh blueprint from a named template. Raises KeyError for an unknown name."""
    return TEMPLATES[template].build()
