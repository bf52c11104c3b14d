"""Comments read as threads: a first comment and its replies, about one entity (no Qt).

A comment with no ``reply_to`` starts a thread; its replies name it. Threads are listed in
the order of their first comments in the file, replies in file order. The editor's Comments
panel, the card badges and the PDF's open threads all read them from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from ..model import Blueprint, Comment
from ..model.entities import timestamp_of

#: What a comment may be about, by the list that holds it, and its name in words.
SUBJECT_NOUNS = {
    "touchpoints": "touchpoint",
    "frictions": "friction point",
    "improvements": "improvement",
    "stages": "stage",
    "channels": "channel",
}


@dataclass(frozen=True)
class Thread:
    first: Comment
    replies: tuple[Comment, ...] = ()

    @property
    def id(self) -> str:
        return self.first.id

    @property
    def about_id(self) -> str:
        return self.first.about_id

    @property
    def resolved(self) -> bool:
        return self.first.resolved

    @property
    def comments(self) -> tuple[Comment, ...]:
        return (self.first, *self.replies)


def threads(bp: Blueprint) -> list[Thread]:
    """Every thread of the blueprint, in the order of their first comments."""
    replies: dict[str, list[Comment]] = defaultdict(list)
    for comment in bp.comments:
        if comment.reply_to is not None:
            replies[comment.reply_to].append(comment)
    return [
        Thread(comment, tuple(replies.get(comment.id, ())))
        for comment in bp.comments
        if comment.reply_to is None
    ]


def open_threads(bp: Blueprint) -> list[Thread]:
    return [thread for thread in threads(bp) if not thread.resolved]


def threads_about(bp: Blueprint, about_id: str) -> list[Thread]:
    return [thread for thread in threads(bp) if thread.about_id == about_id]


def subject_kind(bp: Blueprint, about_id: str) -> str | None:
    """The list that holds what a comment is about ('touchpoints', 'stages'...)."""
    for kind in SUBJECT_NOUNS:
        if any(entity.id == about_id for entity in getattr(bp, kind)):
            return kind
    return None


def subject_words(bp: Blueprint, about_id: str) -> str:
    """What a thread is about, in words: "touchpoint 'Pay'", "friction point 'Slow page' on
    'Pay'"."""
    kind = subject_kind(bp, about_id)
    if kind is None:
        return f"something no longer in the blueprint (id {about_id})"
    entity = next(e for e in getattr(bp, kind) if e.id == about_id)
    said = f"{SUBJECT_NOUNS[kind]} '{_one_line(entity.display_name)}'"
    if kind == "frictions":
        owner = next((t for t in bp.touchpoints if t.id == entity.touchpoint_id), None)
        if owner is not None:
            said += f" on '{_one_line(owner.display_name)}'"
    return said


def touchpoint_of(bp: Blueprint, about_id: str) -> str | None:
    """The card a comment shows on: the touchpoint itself, or a friction point's."""
    if any(t.id == about_id for t in bp.touchpoints):
        return about_id
    friction = next((f for f in bp.frictions if f.id == about_id), None)
    return friction.touchpoint_id if friction is not None else None


def moment_words(at: str) -> str:
    """When a comment was written, in the reader's time: '1 Dec 2026, 10:00'."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return at
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def now_stamp() -> str:
    """This moment as a comment stores it: ISO 8601 with the local offset, to the second."""
    return timestamp_of(datetime.now())


def _one_line(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def talk_by_touchpoint(bp: Blueprint) -> dict[str, tuple[int, int]]:
    """Touchpoint id -> (open comment threads, open merge conflicts) about it or one of its
    friction points: what its card shows. Touchpoints with neither are left out."""
    card_of = {f.id: f.touchpoint_id for f in bp.frictions}
    card_of.update((t.id, t.id) for t in bp.touchpoints)
    threads_on: dict[str, int] = defaultdict(int)
    for comment in bp.comments:
        if comment.reply_to is None and not comment.resolved and comment.about_id in card_of:
            threads_on[card_of[comment.about_id]] += 1
    conflicts_on: dict[str, int] = defaultdict(int)
    for conflict in bp.conflicts:
        if conflict.collection in ("touchpoints", "frictions") and conflict.entity_id in card_of:
            conflicts_on[card_of[conflict.entity_id]] += 1
    return {
        tp_id: (threads_on.get(tp_id, 0), conflicts_on.get(tp_id, 0))
        for tp_id in threads_on.keys() | conflicts_on.keys()
    }


def date_words(at: str) -> str:
    """The day a comment was written, as its writer's clock said: '1 Dec 2026'. The same on
    every machine, so a plan made from the file is too."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at[:10]
    return f"{moment.day} {moment:%b %Y}"
