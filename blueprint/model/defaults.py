"""The method's defaults (DOMAIN.md): stages, channels with kinds and steps, contact reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .enums import ChannelKind, Demand

#: The stairway of service, top = best: each step's name as the method gives it.
STEP_NAMES: dict[int, str] = {
    5: "No contact needed",
    4: "Self-service in the moment",
    3: "Self-help elsewhere",
    2: "Assisted digital",
    1: "Live human",
    0: "Escalation or lost",
}

DEFAULT_STAGES: tuple[str, ...] = (
    "Awareness",
    "Interest",
    "Intent",
    "Purchase",
    "Fulfilment",
    "Activation",
    "Support",
    "Retention",
    "Advocacy",
)


@dataclass(frozen=True, slots=True)
class ChannelDefault:
    name: str
    kind: ChannelKind
    step: int
    aliases: tuple[str, ...] = ()
    #: A typical cost of one contact, in euros: a starting estimate, never a measure.
    typical_cost: float | None = None


#: Where the typical costs come from, as a new blueprint's channels say it.
TYPICAL_COST_NOTE = (
    "Typical cost for this kind of channel (published contact-centre benchmarks: self-service "
    "cents, a live agent several euros, a field visit over a hundred). An estimate: replace it "
    "with your own figure."
)


DEFAULT_CHANNELS: tuple[ChannelDefault, ...] = (
    ChannelDefault(
        "Website / account", ChannelKind.SELF_SERVICE, 4, ("website", "web", "account"), 0.1
    ),
    ChannelDefault("Mobile app", ChannelKind.SELF_SERVICE, 4, ("app",), 0.1),
    ChannelDefault("Help centre / FAQ", ChannelKind.SELF_HELP, 3, ("help centre", "faq"), 0.1),
    ChannelDefault("Chatbot / virtual agent", ChannelKind.SELF_HELP, 3, ("chatbot", "bot"), 0.5),
    ChannelDefault("IVR (phone menu)", ChannelKind.SELF_HELP, 3, ("ivr", "phone menu"), 0.6),
    ChannelDefault("Email / web form", ChannelKind.ASSISTED_DIGITAL, 2, ("email", "web form"), 4.0),
    ChannelDefault("SMS / messaging", ChannelKind.ASSISTED_DIGITAL, 2, ("sms", "messaging"), 1.5),
    ChannelDefault("Social media", ChannelKind.ASSISTED_DIGITAL, 2, ("social",), 4.0),
    ChannelDefault(
        "Live chat with an agent", ChannelKind.LIVE_HUMAN, 1, ("live chat", "chat"), 4.5
    ),
    ChannelDefault("Phone with an agent", ChannelKind.LIVE_HUMAN, 1, ("phone", "call centre"), 6.0),
    ChannelDefault("Store / branch", ChannelKind.LIVE_HUMAN, 1, ("store", "branch", "shop"), 9.0),
    ChannelDefault(
        "Field visit / technician", ChannelKind.LIVE_HUMAN, 1, ("field visit", "technician"), 120.0
    ),
    ChannelDefault(
        "Complaints / escalation", ChannelKind.ESCALATION, 0, ("complaints", "escalation"), 25.0
    ),
)

#: Where a channel whose name matches no default sits: an assisted channel, step 2.
FALLBACK_CHANNEL = ChannelDefault("", ChannelKind.ASSISTED_DIGITAL, 2)


def _normalise(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


_BY_NAME: dict[str, ChannelDefault] = {}
for _default in DEFAULT_CHANNELS:
    for _key in (_default.name, *_default.aliases):
        _BY_NAME[_normalise(_key)] = _default


def channel_default_for(name: str) -> ChannelDefault:
    """The default kind and step for a channel called ``name`` (exact name or a common alias)."""
    return _BY_NAME.get(_normalise(name), FALLBACK_CHANNEL)


def is_default_channel_name(name: str) -> bool:
    return _normalise(name) in _BY_NAME


#: The default two-level contact-reason tree: primary -> [(secondary, demand)].
V, F = Demand.VALUE, Demand.FAILURE
DEFAULT_CONTACT_REASONS: tuple[tuple[str, tuple[tuple[str, Demand], ...]], ...] = (
    (
        "Product & pre-sales information",
        (
            ("Product features", V),
            ("Compare options", V),
            ("Availability in my area", V),
            ("Prices & offers", V),
            ("Eligibility", V),
            ("Information unclear or contradictory", F),
        ),
    ),
    (
        "Orders & delivery",
        (
            ("Place an order", V),
            ("Change an order", V),
            ("Cancel an order", V),
            ("Where is my order", F),
            ("Order confirmation missing", F),
            ("Delivery missed or late", F),
            ("Wrong or damaged item", F),
        ),
    ),
    (
        "Billing & payments",
        (
            ("Change payment method", V),
            ("Set up a payment plan", V),
            ("Understand my bill", F),
            ("Payment failed", F),
            ("Unexpected charge", F),
            ("Refund status", F),
        ),
    ),
    (
        "Account & access",
        (
            ("Open an account", V),
            ("Update personal details", V),
            ("Privacy or data request", V),
            ("Close an account", V),
            ("Cannot log in", F),
            ("Account locked", F),
        ),
    ),
    (
        "Setup & appointments",
        (
            ("Book an appointment", V),
            ("How do I get started", V),
            ("Reschedule an appointment", V),
            ("Activation failed", F),
            ("Appointment missed", F),
            ("Equipment not working", F),
        ),
    ),
    (
        "Faults & service problems",
        (
            ("Report a fault", V),
            ("Service not working", F),
            ("Outage status", F),
            ("Slow or intermittent service", F),
            ("Repeat fault", F),
            ("Fault not fixed", F),
        ),
    ),
    (
        "Complaints & chasing",
        (
            ("Compliment or feedback", V),
            ("Chasing a previous contact", F),
            ("Complaint about service", F),
            ("Complaint about staff", F),
            ("Compensation request", F),
            ("Escalation to a manager", F),
        ),
    ),
    (
        "Changes & renewals",
        (
            ("Upgrade or add a product", V),
            ("Renew a contract", V),
            ("Moving home", V),
            ("Loyalty rewards", V),
            ("Leave or cancel", V),
            ("Retention offer", V),
        ),
    ),
)
