"""Rules that need the whole document: unique ids and references that resolve.

Each broken rule is a ``Problem`` that names the entity (its kind, title and id) and the
field, in words a designer understands. Nothing here raises: callers decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .entities import Blueprint, Identified
from .enums import Presence


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule, located on one entity and field."""

    noun: str
    entity_id: str | None
    name: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.noun
        if self.name and self.name != self.entity_id:
            where += f' "{_clip(self.name)}"'
        if self.entity_id:
            where += f" (id {_clip(self.entity_id)})"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def problem(entity: Identified, field: str | None, message: str) -> Problem:
    return Problem(entity.noun, entity.id, entity.display_name, field, message)


def all_entities(bp: Blueprint) -> Iterator[Identified]:
    yield from bp.stages
    yield from bp.channels
    yield from bp.personas
    yield from bp.contact_reasons
    yield from bp.touchpoints
    yield from bp.flows
    yield from bp.frictions
    yield from bp.improvements
    yield from bp.measures
    yield from bp.evidence
    yield from bp.comments
    yield from bp.conflicts


def document_problems(bp: Blueprint) -> list[Problem]:
    """Every whole-document rule the blueprint breaks, in document order."""
    problems: list[Problem] = []
    problems += _duplicate_ids(bp)
    problems += _duplicate_names(bp.stages, "stage")
    problems += _duplicate_names(bp.channels, "channel")
    problems += _duplicate_names(bp.personas, "persona")
    problems += _persona_references(bp)
    problems += _contact_reason_tree(bp)
    problems += _touchpoint_references(bp)
    problems += _flow_references(bp)
    problems += _friction_references(bp)
    problems += _improvement_references(bp)
    problems += _state_rules(bp)
    problems += _annotation_references(bp)
    return problems


def _duplicate_ids(bp: Blueprint) -> list[Problem]:
    first: dict[str, Identified] = {}
    found = []
    for entity in all_entities(bp):
        earlier = first.setdefault(entity.id, entity)
        if earlier is not entity:
            found.append(
                problem(
                    entity,
                    "id",
                    f'uses the same id as {earlier.noun} "{_clip(earlier.display_name)}"; '
                    "every id must be unique in the file",
                )
            )
    return found


def _duplicate_names(entities: Iterable[Identified], noun: str) -> list[Problem]:
    first: dict[str, Identified] = {}
    found = []
    for entity in entities:
        key = entity.name.strip().casefold()  # type: ignore[attr-defined]
        earlier = first.setdefault(key, entity)
        if earlier is not entity:
            found.append(
                problem(
                    entity,
                    "name",
                    f'has the same name as {noun} "{_clip(earlier.display_name)}" '
                    f"(id {_clip(earlier.id)}); {noun} names must differ",
                )
            )
    return found


def _missing(noun: str, ref: str) -> str:
    return f'refers to {noun} id "{_clip(ref)}", which is not in the file'


def _persona_references(bp: Blueprint) -> list[Problem]:
    stages = {s.id for s in bp.stages}
    channels = {c.id for c in bp.channels}
    found = []
    for persona in bp.personas:
        seen = set()
        for pref in persona.preferred_channels:
            if pref.stage_id not in stages:
                found.append(
                    problem(persona, "preferred_channels", _missing("stage", pref.stage_id))
                )
            elif pref.stage_id in seen:
                found.append(
                    problem(persona, "preferred_channels", "lists the same stage more than once")
                )
            if pref.channel_id not in channels:
                found.append(
                    problem(persona, "preferred_channels", _missing("channel", pref.channel_id))
                )
            seen.add(pref.stage_id)
    return found


def _contact_reason_tree(bp: Blueprint) -> list[Problem]:
    by_id = {r.id: r for r in bp.contact_reasons}
    found = []
    for reason in bp.contact_reasons:
        if reason.parent_id is None:
            continue
        parent = by_id.get(reason.parent_id)
        if reason.parent_id == reason.id:
            found.append(problem(reason, "parent_id", "is its own parent"))
        elif parent is None:
            found.append(problem(reason, "parent_id", _missing("contact reason", reason.parent_id)))
        elif parent.parent_id is not None:
            found.append(
                problem(
                    reason,
                    "parent_id",
                    f'its parent "{_clip(parent.name)}" is itself a secondary reason; '
                    "the tree has two levels only",
                )
            )
    return found


def _touchpoint_references(bp: Blueprint) -> list[Problem]:
    stages = {s.id for s in bp.stages}
    channels = {c.id for c in bp.channels}
    personas = {p.id for p in bp.personas}
    found = []
    for tp in bp.touchpoints:
        if tp.stage_id not in stages:
            found.append(problem(tp, "stage_id", _missing("stage", tp.stage_id)))
        if tp.channel_id not in channels:
            found.append(problem(tp, "channel_id", _missing("channel", tp.channel_id)))
        for pid in tp.persona_ids:
            if pid not in personas:
                found.append(problem(tp, "persona_ids", _missing("persona", pid)))
    return found


def _flow_references(bp: Blueprint) -> list[Problem]:
    touchpoints = {t.id for t in bp.touchpoints}
    pairs: set[tuple[str, str]] = set()
    found = []
    for flow in bp.flows:
        for field in ("from_id", "to_id"):
            ref = getattr(flow, field)
            if ref not in touchpoints:
                found.append(problem(flow, field, _missing("touchpoint", ref)))
        if flow.from_id == flow.to_id:
            found.append(problem(flow, "to_id", "links a touchpoint to itself"))
        pair = (flow.from_id, flow.to_id)
        if pair in pairs:
            found.append(problem(flow, "to_id", "the same two touchpoints are already linked"))
        pairs.add(pair)
    return found


def _friction_references(bp: Blueprint) -> list[Problem]:
    touchpoints = {t.id for t in bp.touchpoints}
    channels = {c.id for c in bp.channels}
    reasons = {r.id for r in bp.contact_reasons}
    found = []
    for friction in bp.frictions:
        if friction.touchpoint_id not in touchpoints:
            found.append(
                problem(friction, "touchpoint_id", _missing("touchpoint", friction.touchpoint_id))
            )
        if (
            friction.leads_to_channel_id is not None
            and friction.leads_to_channel_id not in channels
        ):
            found.append(
                problem(
                    friction,
                    "leads_to_channel_id",
                    _missing("channel", friction.leads_to_channel_id),
                )
            )
        if friction.contact_reason_id is not None and friction.contact_reason_id not in reasons:
            found.append(
                problem(
                    friction,
                    "contact_reason_id",
                    _missing("contact reason", friction.contact_reason_id),
                )
            )
    return found


def _improvement_references(bp: Blueprint) -> list[Problem]:
    frictions = {f.id for f in bp.frictions}
    found = []
    for improvement in bp.improvements:
        for fid in improvement.friction_ids:
            if fid not in frictions:
                found.append(problem(improvement, "friction_ids", _missing("friction point", fid)))
    return found


def _state_rules(bp: Blueprint) -> list[Problem]:
    """The future state refers only to what exists in it, and only entities of both states
    carry future values (one of today only has no future; one of the future only is its
    own future values)."""
    stages = {s.id for s in bp.stages}
    channels = {c.id for c in bp.channels}
    touchpoints = {t.id: t for t in bp.touchpoints}
    found = []
    for tp in bp.touchpoints:
        future = tp.future
        if future is None:
            continue
        if tp.state != Presence.BOTH:
            found.append(problem(tp, "future", _wrong_state(tp.state)))
        if future.stage_id is not None and future.stage_id not in stages:
            found.append(problem(tp, "future.stage_id", _missing("stage", future.stage_id)))
        if future.channel_id is not None and future.channel_id not in channels:
            found.append(problem(tp, "future.channel_id", _missing("channel", future.channel_id)))
    for flow in bp.flows:
        for field in ("from_id", "to_id"):
            end = touchpoints.get(getattr(flow, field))
            if end is not None and _absent(flow.state, end.state):
                found.append(problem(flow, field, _not_in_state(flow.state, "touchpoint")))
    for friction in bp.frictions:
        owner = touchpoints.get(friction.touchpoint_id)
        if owner is not None and _absent(friction.state, owner.state):
            found.append(
                problem(friction, "touchpoint_id", _not_in_state(friction.state, "touchpoint"))
            )
        future = friction.future
        if future is None:
            continue
        if friction.state != Presence.BOTH:
            found.append(problem(friction, "future", _wrong_state(friction.state)))
        if future.leads_to_channel_id is not None and future.leads_to_channel_id not in channels:
            found.append(
                problem(
                    friction,
                    "future.leads_to_channel_id",
                    _missing("channel", future.leads_to_channel_id),
                )
            )
    changeable = {e.id for e in (*bp.touchpoints, *bp.flows, *bp.frictions)}
    for improvement in bp.improvements:
        for ref in improvement.brings_about:
            if ref not in changeable:
                found.append(
                    problem(
                        improvement, "brings_about", _missing("touchpoint, flow or friction", ref)
                    )
                )
    return found


#: A conflict on a field of the blueprint itself (its title, its currency) names this as its
#: collection and its entity id.
DOCUMENT_CONFLICT = "blueprint"

#: What a comment thread may be about.
COMMENTABLE = ("touchpoints", "frictions", "improvements", "stages", "channels")


def _annotation_references(bp: Blueprint) -> list[Problem]:
    """Measures, evidence, comments and merge conflicts name what they are about."""
    touchpoints = {t.id for t in bp.touchpoints}
    frictions = {f.id for f in bp.frictions}
    measures = {m.id for m in bp.measures}
    found = []
    for measure in bp.measures:
        if measure.touchpoint_id is not None and measure.touchpoint_id not in touchpoints:
            found.append(
                problem(measure, "touchpoint_id", _missing("touchpoint", measure.touchpoint_id))
            )
    for friction in bp.frictions:
        ref = friction.frequency.measure_id
        if ref is not None and ref not in measures:
            found.append(problem(friction, "frequency.measure_id", _missing("measure", ref)))
    for item in bp.evidence:
        if item.about_id not in touchpoints and item.about_id not in frictions:
            found.append(
                problem(item, "about_id", _missing("touchpoint or friction point", item.about_id))
            )
    commentable = {e.id for kind in COMMENTABLE for e in getattr(bp, kind)}
    threads = {c.id: c for c in bp.comments if c.reply_to is None}
    for comment in bp.comments:
        if comment.about_id not in commentable:
            found.append(
                problem(
                    comment,
                    "about_id",
                    _missing(
                        "touchpoint, friction point, improvement, stage or channel",
                        comment.about_id,
                    ),
                )
            )
        if comment.reply_to is None:
            continue
        first = threads.get(comment.reply_to)
        if first is None:
            found.append(
                problem(comment, "reply_to", _missing("thread's first comment", comment.reply_to))
            )
        elif first.about_id != comment.about_id:
            found.append(problem(comment, "about_id", "must be about what its thread is about"))
    ids_in: dict[str, set[str]] = {}
    for conflict in bp.conflicts:
        if conflict.collection == DOCUMENT_CONFLICT:
            if conflict.entity_id != DOCUMENT_CONFLICT:
                found.append(
                    problem(
                        conflict,
                        "entity_id",
                        f"must be {DOCUMENT_CONFLICT!r} for a field of the blueprint itself",
                    )
                )
        elif conflict.collection not in COLLECTION_NOUNS:
            found.append(
                problem(conflict, "collection", f"names no kind of entity: {conflict.collection!r}")
            )
        else:
            kind = conflict.collection
            if kind not in ids_in:
                ids_in[kind] = {e.id for e in getattr(bp, kind)}
            if conflict.entity_id not in ids_in[kind]:
                noun = COLLECTION_NOUNS[kind]
                found.append(problem(conflict, "entity_id", _missing(noun, conflict.entity_id)))
    return found


def _absent(state: Presence, owner: Presence) -> bool:
    """True when an entity is present in a state its touchpoint is not."""
    return owner != Presence.BOTH and state != owner


def _not_in_state(state: Presence, noun: str) -> str:
    where = "both states" if state == Presence.BOTH else f"the {state.value} state"
    return f"is in {where}, but its {noun} is not"


def _wrong_state(state: Presence) -> str:
    return (
        f"has future values but belongs to the {state.value} state only; future values are "
        "for what exists in both states"
    )


# --- Field-level errors reported by pydantic, in the same words -------------------------

COLLECTION_NOUNS: dict[str, str] = {
    "stages": "stage",
    "channels": "channel",
    "personas": "persona",
    "contact_reasons": "contact reason",
    "touchpoints": "touchpoint",
    "flows": "flow",
    "frictions": "friction point",
    "improvements": "improvement",
    "measures": "measure",
    "evidence": "evidence",
    "comments": "comment",
    "conflicts": "merge conflict",
}


def _describe(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc = error["loc"]
    field = str(loc[-1]) if loc else ""
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a field this version of blueprint knows (check its spelling)"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == r"\S":
            return "must not be blank"
        if field == "currency":
            return "must be a three-letter currency code such as EUR"
        return "is not a valid id: use 1 to 64 letters, digits, '-', '_', '.' or ':'"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number"
    if kind in ("float_type", "float_parsing"):
        return "must be a number"
    if kind == "finite_number":
        return "must be a finite number (not NaN or infinity)"
    if kind == "string_type":
        return "must be text"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind == "list_type":
        return "must be a list"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be an object"
    if kind in ("enum", "literal_error"):
        return f"must be one of {ctx.get('expected', '')}".rstrip()
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def problems_from_validation_error(errors: list[dict], data: object) -> list[Problem]:
    """Turn pydantic's errors (``ValidationError.errors()``) into designer-readable problems.

    ``data`` is the raw document the errors are about; it is used to name the entity.
    """
    found = []
    for error in errors:
        loc = tuple(error["loc"])
        noun, entity_id, name, rest = "blueprint", None, None, loc
        if len(loc) >= 2 and loc[0] in COLLECTION_NOUNS and isinstance(loc[1], int):
            noun = COLLECTION_NOUNS[str(loc[0])]
            rest = loc[2:]
            raw = _lookup(data, loc[:2])
            if isinstance(raw, dict):
                entity_id = raw.get("id") if isinstance(raw.get("id"), str) else None
                title = raw.get("title", raw.get("name"))
                name = title if isinstance(title, str) else None
            if entity_id is None and name is None:
                noun = f"{noun} number {loc[1] + 1}"
        field = ".".join(str(part) for part in rest) or None
        found.append(Problem(noun, entity_id, name, field, _describe(error)))
    return found


def _lookup(data: object, path: tuple) -> object:
    for key in path:
        try:
            data = data[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def missing_ids(document: dict) -> list[Problem]:
    """Entities of a raw file document that have no id.

    The model gives new entities an id, but an entity read from a file must carry its own:
    a fresh id on every open would change the file each time it is saved.
    """
    found = []
    for key, noun in COLLECTION_NOUNS.items():
        items = document.get(key)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict) and "id" not in item:
                title = item.get("title", item.get("name"))
                name = title if isinstance(title, str) else None
                label = noun if name else f"{noun} number {index + 1}"
                found.append(Problem(label, None, name, "id", "is required"))
    return found
