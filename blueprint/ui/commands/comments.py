"""Talk on the blueprint: a new comment (a thread, or a reply to one), and a thread resolved
or opened again. Each is one undo step."""

from __future__ import annotations

from ...analysis.threads import SUBJECT_NOUNS, now_stamp
from ...model import Comment
from ..document import Document
from .base import BlueprintCommand, CommandError, Insert, SetField, build, quoted


def _subject(document: Document, about_id: str) -> tuple[str, str]:
    """The noun and the name of what a comment is about; CommandError when it cannot be."""
    for kind, noun in SUBJECT_NOUNS.items():
        entity = document.get(kind, about_id)  # type: ignore[arg-type]
        if entity is not None:
            return noun, entity.display_name
    raise CommandError(
        "a comment is about a touchpoint, friction point, improvement, stage or channel of "
        f"the blueprint, and there is none with id {about_id!r}"
    )


def _thread_start(document: Document, comment_id: str) -> Comment:
    comment = document.get("comments", comment_id)
    if comment is None:
        raise CommandError(f"there is no comment with id {comment_id!r}")
    if comment.reply_to is not None:
        raise CommandError("a reply answers the comment that starts its thread")
    return comment


class AddComment(BlueprintCommand):
    """A comment, last in the file: a new thread about ``about_id``, or with ``reply_to`` a
    reply to the thread that comment starts (about what the thread is about)."""

    def __init__(
        self,
        document: Document,
        about_id: str,
        author: str,
        text: str,
        reply_to: str | None = None,
        at: str | None = None,
    ) -> None:
        if reply_to is not None:
            thread = _thread_start(document, reply_to)
            about_id = thread.about_id
        noun, name = _subject(document, about_id)
        if not author.strip():
            raise CommandError("a comment needs its author's name: set it in Edit › Preferences")
        if not text.strip():
            raise CommandError("a comment needs some text")
        comment = build(
            Comment,
            about_id=about_id,
            reply_to=reply_to,
            author=author.strip(),
            at=at or now_stamp(),
            text=text.strip("\n"),
        )
        self.comment_id = comment.id
        if reply_to is not None:
            words = f"Reply to {quoted(thread.author, 30)} on {noun} {quoted(name)}"
        else:
            words = f"Comment on {noun} {quoted(name)}"
        index = len(document.blueprint.comments)
        super().__init__(document, words, [Insert("comments", index, comment)])


class SetThreadResolved(BlueprintCommand):
    """A thread settled (``resolved``) or opened again."""

    def __init__(self, document: Document, thread_id: str, resolved: bool) -> None:
        first = _thread_start(document, thread_id)
        verb = "Resolve" if resolved else "Reopen"
        text = f"{verb} the thread {quoted(first.text)}"
        changes = []
        if first.resolved != resolved:
            changes.append(SetField("comments", thread_id, "resolved", first.resolved, resolved))
        super().__init__(document, text, changes)
