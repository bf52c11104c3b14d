"""What comments may be about, looked up in the open document by id (no scans of the lists):
its words, and what a selected card offers to comment on."""

from __future__ import annotations

from ...analysis.threads import SUBJECT_NOUNS
from ..document import Document


def subject_kind(document: Document, about_id: str) -> str | None:
    for kind in SUBJECT_NOUNS:
        if document.get(kind, about_id) is not None:  # type: ignore[arg-type]
            return kind
    return None


def one_line(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def subject_words(document: Document, about_id: str) -> str:
    """ "touchpoint 'Pay'", "friction point 'Slow' on 'Pay'", "stage 'Support'"."""
    kind = subject_kind(document, about_id)
    if kind is None:
        return f"id {about_id}, no longer in the blueprint"
    entity = document.get(kind, about_id)  # type: ignore[arg-type]
    said = f"{SUBJECT_NOUNS[kind]} '{one_line(entity.display_name)}'"
    if kind == "frictions":
        owner = document.get("touchpoints", entity.touchpoint_id)
        if owner is not None:
            said += f" on '{one_line(owner.display_name, 40)}'"
    return said


def capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def subjects_of_card(document: Document, touchpoint_id: str) -> list[str]:
    """A card offers itself, its friction points, its stage and channel, and the
    improvements that address its friction points."""
    touchpoint = document.get("touchpoints", touchpoint_id)
    if touchpoint is None:
        return []
    frictions = [f.id for f in document.frictions_of(touchpoint_id)]
    linked = set(frictions)
    improvements = [
        imp.id
        for imp in document.blueprint.improvements
        if any(f in linked for f in imp.friction_ids)
    ]
    return [touchpoint_id, *frictions, touchpoint.stage_id, touchpoint.channel_id, *improvements]
