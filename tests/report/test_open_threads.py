"""Comments in the PDF: left out unless asked for; asked for, the open threads come last,
each with its replies, said exactly as written; resolved ones never."""

from blueprint.analysis import build_plan
from blueprint.model import Blueprint, Comment
from blueprint.report.content.outline import OPEN_THREADS
from tests.factories import evidence_blueprint
from tests.report.conftest import render


def talking() -> Blueprint:
    bp = evidence_blueprint()
    bp.comments.append(
        Comment(
            id="c4",
            about_id="s2",
            author="Chloé",
            at="2026-12-03T23:30:00-08:00",
            text="Split <b>Support</b> in two? Да.",
        )
    )
    bp.comments.append(
        Comment(
            id="c5",
            about_id="t2",
            author="Ben",
            at="2026-12-04T09:00:00Z",
            text="Settled already",
            resolved=True,
        )
    )
    return bp


def test_comments_are_left_out_of_the_plan_unless_asked_for():
    rendered = render(talking())
    assert OPEN_THREADS[1] not in rendered.text
    assert "Is 20 a week right?" not in rendered.text
    assert OPEN_THREADS[1] not in rendered.outline_titles()


def test_asked_for_the_open_threads_come_last_with_their_replies():
    rendered = render(talking(), comments=True)
    number = len(rendered.sections) + 1
    heading = f"{number} {OPEN_THREADS[1]}"
    assert rendered.outline_titles()[-1].replace("  ", " ") == heading
    section = rendered.section(heading)
    assert "3 open threads" in section
    assert "Is 20 a week right?" in section
    assert "Reply: Ben, 1 Dec 2026 From the October export." in section
    assert "Improvement 'Speed up checkout'" in section or "Owner?" in section
    assert "Stage 'Support'" in section
    # As written: markup is text, any script, the day as the writer's clock said it.
    assert "Split <b>Support</b> in two? Да." in section
    assert "Chloé, 3 Dec 2026" in section
    assert "Settled already" not in rendered.text


def test_asked_for_with_none_open_says_so():
    bp = evidence_blueprint()
    for comment in bp.comments:
        if comment.reply_to is None:
            comment.resolved = True
    rendered = render(bp, comments=True)
    assert "No open comment thread: every discussion is resolved." in rendered.text


def test_an_empty_plan_can_still_list_the_threads():
    bp = evidence_blueprint()
    bp.improvements = []
    rendered = render(bp, build_plan(bp), comments=True)
    assert OPEN_THREADS[1] in rendered.text
    assert "Is 20 a week right?" in rendered.text


def test_a_right_to_left_author_keeps_the_reply_line_in_order_and_lines_stay_lines():
    """A reply by دانا read 'Reply: 7 ,دانا Dec 2026'; a comment's lines ran together."""
    from tests.report.glyphs import drawn_lines

    bp = talking()
    bp.comments.append(
        Comment(
            id="c6",
            about_id="s2",
            author="دانا",
            at="2026-12-07T10:00:00Z",
            text="First line\nSecond line",
            reply_to="c4",
        )
    )
    rendered = render(bp, comments=True)
    lines = [line for page in rendered.reader.pages[-2:] for line in drawn_lines(page)]
    name = "\ufe8e\ufee7\ufe8d\ufea9"  # دانا joined, drawn right to left
    assert f"Reply: {name}, 7 Dec 2026" in lines  # was "Reply: 7 ,<name> Dec 2026"
    assert "First line" in lines and "Second line" in lines
