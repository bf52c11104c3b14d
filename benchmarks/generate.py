"""A deterministic generator of large, realistic-shaped blueprints for the benchmarks.

Every run with the same arguments and seed builds the same blueprint (and so the same file
bytes): all randomness comes from one ``random.Random(seed)``, ids included. The result is
valid under ``blueprint.model.document_problems``: unique ids, references that resolve,
no self-loop or duplicate flows, unique stage, channel and persona names.

Usage::

    uv run python -m benchmarks.generate OUT.blueprint [--touchpoints N] [--frictions N] ...
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from blueprint.model import (
    Action,
    Blueprint,
    Channel,
    ChannelKind,
    Demand,
    Epic,
    EpicLetter,
    Flow,
    Frequency,
    FrequencySource,
    Friction,
    FrictionFuture,
    FrictionKind,
    FrictionNature,
    Improvement,
    Period,
    Persona,
    PreferredChannel,
    Presence,
    Stage,
    Status,
    Touchpoint,
    TouchpointFuture,
)
from blueprint.model.defaults import DEFAULT_CHANNELS, DEFAULT_STAGES
from blueprint.model.templates import make_contact_reasons, slug

# --- vocabulary ---------------------------------------------------------------------------

_EXTRA_STAGES = (
    "Onboarding",
    "Usage",
    "Billing",
    "Renewal",
    "Exit",
    "Win-back",
    "Referral",
    "Moving home",
)

#: Channels beyond the thirteen defaults: (name, kind, step, cost per contact or None).
_EXTRA_CHANNELS: tuple[tuple[str, ChannelKind, int, float | None], ...] = (
    ("Partner portal", ChannelKind.SELF_SERVICE, 4, 0.4),
    ("Voice assistant", ChannelKind.SELF_HELP, 3, None),
    ("Video call with an agent", ChannelKind.LIVE_HUMAN, 1, 9.5),
    ("Kiosk in store", ChannelKind.SELF_SERVICE, 4, 0.9),
    ("Post / letter", ChannelKind.ASSISTED_DIGITAL, 2, 6.0),
    ("WhatsApp business", ChannelKind.ASSISTED_DIGITAL, 2, 2.1),
)

#: Cost per contact by stairway step (a few left unknown on purpose).
_COST_BY_STEP = {5: 0.0, 4: 0.25, 3: 0.8, 2: 3.5, 1: 7.9, 0: 24.0}

_PERSONAS = (
    ("Busy professional", "Time-poor, mobile first, expects things to just work."),
    ("Retired customer", "Prefers the phone and letters; values a named contact person."),
    ("Small business owner", "Several lines and sites; downtime costs them money."),
    ("Student", "Price-sensitive, digital only, moves home every year."),
    ("Family manager", "Runs the household accounts; juggles many providers at once."),
    ("Vulnerable customer", "Needs extra care: accessibility, debt or health situations."),
    ("Tech enthusiast", "Reads the forums first; frustrated by scripted answers."),
    ("Expat newcomer", "New to the country; the language and the paperwork are hurdles."),
)

_OBJECTS = (
    "their order",
    "the installation date",
    "a refund",
    "the monthly bill",
    "their password",
    "the router",
    "a delivery slot",
    "the contract terms",
    "a price comparison",
    "the loyalty points",
    "their new address",
    "the payment plan",
    "the technician appointment",
    "the activation code",
    "a replacement part",
    "the coverage map",
    "the direct debit mandate",
    "the cancellation fee",
)
_DOCS = (
    "a confirmation email",
    "the order status page",
    "a printed receipt",
    "an SMS with a tracking link",
    "the welcome pack",
    "a PDF invoice",
    "the technician's job card",
    "a push notification",
    "the account dashboard",
    "a letter with the new terms",
    "the router's status lights",
    "a QR code on the parcel",
)
_SYSTEMS = (
    "the CRM",
    "the order management system",
    "the billing engine",
    "the field scheduling tool",
    "the identity provider",
    "the payment gateway",
    "the warehouse system",
    "the network inventory",
    "the knowledge base",
    "the ticketing system",
    "the partner API",
    "the data warehouse",
)
_ACTORS = (
    "The contact-centre agent",
    "The store advisor",
    "The technician",
    "The chatbot",
    "The back-office team",
    "The dispatch team",
    "The billing team",
    "The fraud team",
    "The logistics partner",
    "The social care team",
)
_TIMES = (
    "within two hours",
    "by the next working day",
    "overnight",
    "in under a minute",
    "after a manual check",
    "once a week",
    "at the end of the month",
    "before 10:00",
    "within 48 hours",
)
_PLACES = (
    "website",
    "mobile app",
    "phone",
    "help centre",
    "store counter",
    "doorstep",
    "chat window",
)
_PARTNERS = ("Nordlicht Logistik", "Café Systems", "Ørsted Field Services", "Acme Payments")
_POLICIES = (
    "the 14-day cooling-off period",
    "the fair-use policy",
    "the vulnerable-customer policy",
    "the two-factor authentication rule",
    "the refund policy (€50 limit without approval)",
    "the data-retention policy",
)
_REMARKS = (
    "the team disagrees on the score",
    "needs data from the BI team",
    "the agent script contradicts the website",
    "customers quote this in complaints",
    "legal must review any change",
    "a quick win according to the workshop",
    "measured in the last quarter's survey",
)

_TEMPLATES: dict[str, tuple[str, ...]] = {
    "customer_action": (
        "The customer checks {obj} on the {place}.",
        "They look for {obj} and compare it with {doc}.",
        "The customer enters their details again to change {obj}.",
        "They wait for {doc} before doing anything else.",
        "The customer asks about {obj} and keeps {doc} at hand.",
        "They try the {place} first, then give up and look for another way.",
    ),
    "physical_evidence": (
        "{Doc} showing {obj}.",
        "{Doc}, branded and dated, with a reference number.",
        "{Doc} that links to {obj}.",
        "A screen on the {place} summarising {obj}.",
    ),
    "frontstage": (
        "{actor} confirms {obj} and explains the next step.",
        "{actor} reads out {obj} from {system}.",
        "The {place} shows {obj} with an estimated time.",
        "{actor} sends {doc} while the customer waits.",
    ),
    "backstage": (
        "{System} updates {obj} {time}.",
        "{actor} reviews {obj} in {system} {time}.",
        "A batch job reconciles {obj} with {system} {time}.",
        "{actor} re-keys {obj} from {system} into {system2}.",
    ),
    "support_processes": (
        "{System} and {system2}; governed by {policy}.",
        "Runs on {system}, supplied by {partner} under a 99.5% SLA.",
        "{System} with data from {system2} {time}.",
        "Governed by {policy}; escalations go to {partner}.",
    ),
    "notes": (
        "Seen in {n} of 12 interviews; {remark}.",
        "Workshop note: {remark}.",
        "Finance estimates €{cost} per contact here; {remark}.",
        "Open question for {partner}: {remark}.",
    ),
    "friction": (
        "Customers cannot see {obj} on the {place}, so they contact us to ask.",
        "{Doc} arrives late or not at all, and customers chase {obj}.",
        "{System} does not show {obj}, so the agent asks the customer to repeat it.",
        "The form about {obj} times out after 10 minutes and loses what was typed.",
        "Customers are asked for {obj} twice: once on the {place} and again by phone.",
        "About {n}% of customers then call, which lands in the most expensive channel.",
        "It depends on {system}, which is updated only {time}.",
    ),
    "improvement": (
        "Show {obj} on the {place} and send {doc} proactively {time}.",
        "Connect {system} to {system2} so {obj} is never keyed twice.",
        "Rewrite the help content on {obj} and link it from {doc}.",
        "Give {actor_l} the authority to settle {obj} on the first contact.",
        "Pilot with {partner} first; the business case assumes a {n}% reduction in calls.",
    ),
    "description": (
        "Covers everything about {obj}.",
        "Owned by {actor_l}; relies on {system}.",
        "Measured monthly against {policy}.",
    ),
}

_FRICTION_PROBLEMS = (
    "Unclear status",
    "Form times out",
    "Password reset loop",
    "Duplicate charge",
    "Missing confirmation",
    "Long hold time",
    "Wrong address prefilled",
    "Conflicting prices",
    "Technician no-show",
    "Bot cannot answer",
    "Slow page load",
    "Repeated identity check",
    "Lost parcel",
    "Refund delay",
    "Hidden fee",
    "Broken link in the email",
    "Confirm before cancelling",
    "Double opt-in for marketing",
)
_FRICTION_CONTEXTS = (
    "when checking {obj}",
    "when changing {obj}",
    "at payment",
    "when booking",
    "at login",
    "in the mobile app",
    "after hours",
    "after a move",
)
_IMPROVEMENT_VERBS = {
    Action.ELIMINATE: ("Remove", "Stop asking for", "Fix the root cause of"),
    Action.AUTOMATE: ("Automate", "Send proactive updates on", "Self-serve"),
    Action.SIMPLIFY: ("Simplify", "Shorten", "Explain"),
    Action.LEVERAGE: ("Promote", "Reuse", "Personalise"),
}
_OWNERS = (
    "",
    "Ana Souza",
    "Björn Larsen",
    "Chloé Martin",
    "Dev Patel",
    "Eilidh Campbell",
    "Femi Adeyemi",
    "Customer Care",
    "Digital team",
    "IT / CRM",
)
_FLOW_LABELS = (
    "if the form fails",
    "next day",
    "after 3 days",
    "callback",
    "escalated",
    "when the bot gives up",
    "follow-up",
)


# --- helpers ------------------------------------------------------------------------------


class _Ids:
    """uuid4-like 32-hex-digit ids drawn from the seeded generator, guaranteed unique."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()

    def __call__(self) -> str:
        while True:
            value = f"{self._rng.getrandbits(128):032x}"
            if value not in self._seen:
                self._seen.add(value)
                return value


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(rng: random.Random, template: str) -> str:
    systems = rng.sample(_SYSTEMS, 2)
    actor = rng.choice(_ACTORS)
    doc = rng.choice(_DOCS)
    return template.format(
        obj=rng.choice(_OBJECTS),
        doc=doc,
        Doc=_cap(doc),
        place=rng.choice(_PLACES),
        system=systems[0],
        System=_cap(systems[0]),
        system2=systems[1],
        actor=actor,
        actor_l=actor[:1].lower() + actor[1:],
        time=rng.choice(_TIMES),
        partner=rng.choice(_PARTNERS),
        policy=rng.choice(_POLICIES),
        remark=rng.choice(_REMARKS),
        n=rng.randint(2, 60),
        cost=f"{rng.uniform(0.5, 30):.2f}",
    )


def _text(rng: random.Random, lane: str, low: int = 1, high: int = 2) -> str:
    templates = _TEMPLATES[lane]
    chosen = rng.sample(templates, min(len(templates), rng.randint(low, high)))
    return " ".join(_sentence(rng, template) for template in chosen)


def _maybe(rng: random.Random, probability: float, value):
    return value if rng.random() < probability else None


def _unique_names(base: Sequence[str], count: int, fallback: str) -> list[str]:
    names = list(base[:count])
    names.extend(f"{fallback} {n}" for n in range(len(names) + 1, count + 1))
    return names


# --- entities -----------------------------------------------------------------------------


def _stages(rng: random.Random, count: int) -> list[Stage]:
    names = _unique_names((*DEFAULT_STAGES, *_EXTRA_STAGES), count, "Stage")
    return [
        Stage(id=f"stage-{slug(name)}", name=name, description=_text(rng, "description"))
        for name in names
    ]


def _channels(rng: random.Random, count: int) -> list[Channel]:
    specs = [(d.name, d.kind, d.step, _COST_BY_STEP[d.step]) for d in DEFAULT_CHANNELS]
    specs += list(_EXTRA_CHANNELS)
    while len(specs) < count:
        specs.append((f"Channel {len(specs) + 1}", ChannelKind.ASSISTED_DIGITAL, 2, None))
    channels = []
    for name, kind, step, cost in specs[:count]:
        if cost is not None and rng.random() < 0.15:
            cost = None  # some teams do not know the cost of a channel
        channels.append(
            Channel(
                id=f"ch-{slug(name)}",
                name=name,
                kind=kind,
                step=step,
                cost_per_contact=cost,
                description=_text(rng, "description"),
            )
        )
    return channels


def _personas(
    rng: random.Random, ids: _Ids, count: int, stages: list[Stage], channels: list[Channel]
) -> list[Persona]:
    if count == 0:
        return []
    cuts = sorted(rng.sample(range(1, 100), count - 1)) if count > 1 else []
    shares = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    personas = []
    for n in range(count):
        if n < len(_PERSONAS):
            name, about = _PERSONAS[n]
        else:
            name, about = f"Persona {n + 1}", _text(rng, "description")
        preferred = [
            PreferredChannel(stage_id=stage.id, channel_id=rng.choice(channels).id)
            for stage in stages
            if channels and rng.random() < 0.5
        ]
        personas.append(
            Persona(
                id=ids(),
                name=name,
                description=about,
                value_weight=rng.choice((0.5, 0.8, 1.0, 1.0, 1.2, 1.5, 2.0)),
                share=float(shares[n]),
                preferred_channels=preferred,
            )
        )
    return personas


def _epic(rng: random.Random) -> Epic:
    def score() -> int | None:
        return _maybe(rng, 0.85, rng.randint(1, 5))

    return Epic(easy=score(), personalised=score(), intuitive=score(), contextual=score())


def _touchpoints(
    rng: random.Random,
    ids: _Ids,
    count: int,
    stages: list[Stage],
    channels: list[Channel],
    personas: list[Persona],
) -> list[Touchpoint]:
    # Digital channels carry more touchpoints than the escalation row, as in real journeys.
    channel_weights = [1 + c.step for c in channels]
    cells = []
    for _ in range(count):
        stage_index = rng.randrange(len(stages))
        channel = rng.choices(channels, weights=channel_weights)[0]
        cells.append((stage_index, channel))
    cells.sort(key=lambda cell: cell[0])  # a journey is drawn left to right
    persona_ids = [p.id for p in personas]
    touchpoints = []
    for stage_index, channel in cells:
        applies_to: list[str] = []
        if persona_ids and rng.random() < 0.4:
            applies_to = rng.sample(persona_ids, rng.randint(1, len(persona_ids)))
        obj = rng.choice(_OBJECTS)
        touchpoints.append(
            Touchpoint(
                id=ids(),
                title=f"{_cap(obj)} via {channel.name}",
                stage_id=stages[stage_index].id,
                channel_id=channel.id,
                customer_action=_text(rng, "customer_action"),
                physical_evidence=_text(rng, "physical_evidence"),
                frontstage=_text(rng, "frontstage"),
                backstage=_text(rng, "backstage"),
                support_processes=_text(rng, "support_processes"),
                emotion=_maybe(rng, 0.9, rng.randint(-2, 2)),
                epic=_epic(rng),
                persona_ids=applies_to,
                duration_minutes=_maybe(rng, 0.7, float(rng.choice((1, 2, 5, 10, 15, 30, 45)))),
                wait_minutes=_maybe(rng, 0.4, round(rng.uniform(0, 2880), 1)),
                notes=_text(rng, "notes", 0, 2),
            )
        )
    return touchpoints


def _flows(rng: random.Random, ids: _Ids, count: int, touchpoints: list[Touchpoint]) -> list[Flow]:
    n = len(touchpoints)
    possible = n * (n - 1)
    if count > possible:
        raise ValueError(f"{count} flows cannot link {n} touchpoints without duplicates")
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()

    def add(pair: tuple[int, int]) -> None:
        if pair[0] != pair[1] and pair not in seen:
            seen.add(pair)
            pairs.append(pair)

    # The main journey: each touchpoint leads to the next, left to right ...
    for i in range(min(count, n - 1)):
        add((i, i + 1))
    # ... then branches and loops back, mostly to nearby touchpoints.
    if count > possible // 2:  # dense: pick from every pair
        rest = [(a, b) for a in range(n) for b in range(n) if a != b and (a, b) not in seen]
        rng.shuffle(rest)
        for pair in rest[: count - len(pairs)]:
            add(pair)
    while len(pairs) < count:
        a = rng.randrange(n)
        b = a + rng.randint(-10, 60) if rng.random() < 0.9 else rng.randrange(n)
        add((a, min(max(b, 0), n - 1)))
    return [
        Flow(
            id=ids(),
            from_id=touchpoints[a].id,
            to_id=touchpoints[b].id,
            label=rng.choice(_FLOW_LABELS) if rng.random() < 0.25 else "",
        )
        for a, b in pairs
    ]


def _frequency(rng: random.Random, index: int) -> Frequency:
    periods, sources = list(Period), list(FrequencySource)
    # The first few frictions cover every period and source; the rest are drawn at random.
    per = periods[index] if index < len(periods) else rng.choice(periods)
    source = sources[index] if index < len(sources) else rng.choice(sources)
    scale = {Period.DAY: 200, Period.WEEK: 1000, Period.MONTH: 4000, Period.QUARTER: 9000}
    top = scale.get(per, 30000)
    count = (
        float(rng.randint(1, top))
        if source is FrequencySource.MEASURED
        else (float(round(rng.uniform(1, top), -1) or 5))
    )
    return Frequency(count=count, per=per, source=source)


def _frictions(
    rng: random.Random,
    ids: _Ids,
    count: int,
    touchpoints: list[Touchpoint],
    channels: list[Channel],
    secondary_reasons: list[tuple[str, Demand]],
) -> list[Friction]:
    if not touchpoints:
        return []
    # A few touchpoints are hot spots, as in real journeys (a long-tailed weight per touchpoint).
    cum, total = [], 0.0
    for _ in touchpoints:
        total += rng.paretovariate(1.5)
        cum.append(total)
    owners = rng.choices(touchpoints, cum_weights=cum, k=count)
    step_of = {c.id: c.step for c in channels}
    failure_reasons = [rid for rid, demand in secondary_reasons if demand is Demand.FAILURE]
    frictions = []
    for index, tp in enumerate(owners):
        nature = FrictionNature.GOOD if rng.random() < 0.08 else FrictionNature.BAD
        kind = rng.choice(list(FrictionKind))
        leads_to = None
        if nature is FrictionNature.BAD and rng.random() < 0.3:
            lower = [c.id for c in channels if c.step <= step_of[tp.channel_id]]
            leads_to = rng.choice(lower or [c.id for c in channels])
        gives_up = nature is FrictionNature.BAD and rng.random() < (
            0.3 if kind is FrictionKind.FAILURE else 0.03
        )
        reason = None
        if secondary_reasons and rng.random() < 0.55:
            if leads_to and failure_reasons:
                reason = rng.choice(failure_reasons)
            else:
                reason = rng.choice(secondary_reasons)[0]
        context = rng.choice(_FRICTION_CONTEXTS).format(obj=rng.choice(_OBJECTS))
        frictions.append(
            Friction(
                id=ids(),
                title=f"{rng.choice(_FRICTION_PROBLEMS)} {context}",
                touchpoint_id=tp.id,
                description=_text(rng, "friction"),
                kind=kind,
                nature=nature,
                severity=rng.choices((1, 2, 3, 4), weights=(2, 4, 3, 1))[0],
                frequency=_frequency(rng, index),
                leads_to_channel_id=leads_to,
                gives_up=gives_up,
                contact_reason_id=reason,
            )
        )
    return frictions


def _improvements(
    rng: random.Random, ids: _Ids, count: int, frictions: list[Friction]
) -> list[Improvement]:
    friction_ids = [f.id for f in frictions]
    letters = list(EpicLetter)
    improvements = []
    for _ in range(count):
        action = rng.choice(list(Action))
        linked: list[str] = []
        if friction_ids:
            wanted = min(len(friction_ids), max(1, round(rng.triangular(1, 20, 3))))
            linked = rng.sample(friction_ids, wanted)
        improvements.append(
            Improvement(
                id=ids(),
                title=f"{rng.choice(_IMPROVEMENT_VERBS[action])} {rng.choice(_OBJECTS)}",
                description=_text(rng, "improvement"),
                friction_ids=linked,
                action=action,
                target_step=rng.choice((3, 4, 4, 5, 5)),
                effort=rng.choice((1, 2, 3, 5, 8)),
                confidence=rng.choice((0.5, 0.8, 1.0)),
                owner=rng.choice(_OWNERS),
                status=rng.choice(list(Status)),
                epic_letters=rng.sample(letters, rng.randint(0, 3)),
            )
        )
    return improvements


def generate_blueprint(
    stages: int = 12,
    channels: int = 14,
    touchpoints: int = 2000,
    frictions: int = 6000,
    improvements: int = 600,
    flows: int = 3000,
    personas: int = 4,
    seed: int = 1,
) -> Blueprint:
    """A large, valid, realistic-shaped blueprint; the same arguments give the same blueprint."""
    if stages < 1 or channels < 1:
        raise ValueError("a blueprint needs at least one stage and one channel")
    if min(touchpoints, frictions, improvements, flows, personas) < 0:
        raise ValueError("counts cannot be negative")
    rng = random.Random(seed)
    ids = _Ids(rng)
    stage_list = _stages(rng, stages)
    channel_list = _channels(rng, channels)
    persona_list = _personas(rng, ids, personas, stage_list, channel_list)
    reasons = make_contact_reasons()
    secondary = [(r.id, r.demand) for r in reasons if r.parent_id is not None]
    tp_list = _touchpoints(rng, ids, touchpoints, stage_list, channel_list, persona_list)
    flow_list = _flows(rng, ids, flows, tp_list)
    friction_list = _frictions(rng, ids, frictions, tp_list, channel_list, secondary)
    improvement_list = _improvements(rng, ids, improvements, friction_list)
    return Blueprint(
        title=f"Broadband journey, benchmark blueprint (seed {seed})",
        description=_text(rng, "description", 2, 3),
        organisation="Nordlicht Breitband GmbH — Kundenservice",
        currency="EUR",
        stages=stage_list,
        channels=channel_list,
        personas=persona_list,
        contact_reasons=reasons,
        touchpoints=tp_list,
        flows=flow_list,
        frictions=friction_list,
        improvements=improvement_list,
    )


def draw_future_state(bp: Blueprint, share: float = 0.1, seed: int = 1) -> Blueprint:
    """A copy of ``bp`` that draws a future state, deterministically: about ``share`` of the
    touchpoints gone tomorrow (with their friction points and flows), as many new ones (each
    in another channel, with a friction point or two at a third of the old reach and a flow
    in), twice as many with better EPIC and emotion tomorrow, and ``share`` of the friction
    points a third as frequent; the improvements behind them bring the changes about."""
    rng = random.Random(f"future state {seed}")  # not the generator's own sequence
    ids = _Ids(rng)
    bp = bp.model_copy(deep=True)
    ids._seen.update(
        e.id for e in (*bp.stages, *bp.channels, *bp.personas, *bp.contact_reasons, *bp.touchpoints)
    )
    ids._seen.update(e.id for e in (*bp.flows, *bp.frictions, *bp.improvements))
    count = max(1, round(len(bp.touchpoints) * share / 2))
    picked = rng.sample(bp.touchpoints, min(len(bp.touchpoints), 3 * count))
    gone, changed = picked[:count], picked[count:]
    gone_ids = {t.id for t in gone}
    frictions_of: dict[str, list[Friction]] = {}
    for friction in bp.frictions:
        frictions_of.setdefault(friction.touchpoint_id, []).append(friction)
    kept = [t for t in bp.touchpoints if t.id not in gone_ids]
    brought: list[str] = []
    for old in gone:
        old.state = Presence.CURRENT
        new = old.model_copy(
            update={
                "id": ids(),
                "channel_id": rng.choice([c.id for c in bp.channels if c.id != old.channel_id]),
                "state": Presence.FUTURE,
                "emotion": min(2, (old.emotion or 0) + 1),
                "epic": Epic(**{k: min(5, (v or 3) + 1) for k, v in old.epic.model_dump().items()}),
            }
        )
        bp.touchpoints.append(new)
        brought += [old.id, new.id]
        for friction in frictions_of.get(old.id, [])[:2]:
            copy = friction.model_copy(
                update={
                    "id": ids(),
                    "touchpoint_id": new.id,
                    "state": Presence.FUTURE,
                    "frequency": friction.frequency.model_copy(
                        update={"count": friction.frequency.count / 3}
                    ),
                }
            )
            bp.frictions.append(copy)
            brought.append(copy.id)
        if kept:
            flow = Flow(id=ids(), from_id=rng.choice(kept).id, to_id=new.id, state=Presence.FUTURE)
            bp.flows.append(flow)
            brought.append(flow.id)
    for friction in bp.frictions:
        if friction.touchpoint_id in gone_ids:
            friction.state = Presence.CURRENT
    for flow in bp.flows:
        if flow.from_id in gone_ids or flow.to_id in gone_ids:
            flow.state = Presence.CURRENT
    for touchpoint in changed:
        touchpoint.future = TouchpointFuture(
            emotion=min(2, (touchpoint.emotion or 0) + 1),
            epic=Epic(**{k: min(5, (v or 2) + 1) for k, v in touchpoint.epic.model_dump().items()}),
        )
        brought.append(touchpoint.id)
    both = [f for f in bp.frictions if f.state == Presence.BOTH]
    for friction in rng.sample(both, min(len(both), round(len(bp.frictions) * share))):
        friction.future = FrictionFuture(
            frequency=friction.frequency.model_copy(update={"count": friction.frequency.count / 3})
        )
        brought.append(friction.id)
    if bp.improvements:
        for start in range(0, len(brought), 4):
            improvement = rng.choice(bp.improvements)
            more = [i for i in brought[start : start + 4] if i not in improvement.brings_about]
            improvement.brings_about = [*improvement.brings_about, *more]
    return bp


# --- command line -------------------------------------------------------------------------

_COUNTS = ("stages", "channels", "touchpoints", "frictions", "improvements", "flows", "personas")


def main(argv: Sequence[str] | None = None) -> int:
    from blueprint.model import document_problems
    from blueprint.storage import save_blueprint

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Write a large, deterministic, valid blueprint file for benchmarking.",
    )
    parser.add_argument("out", type=Path, help="the .blueprint file to write")
    defaults = generate_blueprint.__defaults__ or ()
    for name, default in zip((*_COUNTS, "seed"), defaults, strict=True):
        parser.add_argument(f"--{name}", type=int, default=default, help=f"(default {default})")
    args = parser.parse_args(argv)
    try:
        bp = generate_blueprint(**{name: getattr(args, name) for name in (*_COUNTS, "seed")})
    except ValueError as error:
        parser.error(str(error))
    problems = document_problems(bp)
    if problems:  # a bug in the generator, not in the user's input
        print(f"generated blueprint has {len(problems)} problems, first: {problems[0]}")
        return 1
    save_blueprint(bp, args.out)
    size = args.out.stat().st_size
    print(
        f"wrote {args.out} ({size / 2**20:.2f} MiB): {len(bp.stages)} stages, "
        f"{len(bp.channels)} channels, {len(bp.touchpoints)} touchpoints, {len(bp.flows)} "
        f"flows, {len(bp.frictions)} frictions, {len(bp.improvements)} improvements, "
        f"{len(bp.personas)} personas"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
