"""What a user is told when edits made offline reach the room: what of them did not stay is
said in that message (said apart, one message hid the other)."""

from blueprint.ui.live.binding import back_online_said


def said_as(_path, value) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


def test_all_merged_is_said_so():
    assert back_online_said((), (), said_as) == (
        "Back online: your edits made offline were merged."
    )


def test_a_value_that_did_not_stay_and_work_that_went_are_named():
    said = back_online_said(
        (("comments", "c1", "Still needed?"),),
        (
            ("touchpoints", "t1", "Ann's title", "title", "Bob's title"),
            ("frictions", "f1", "Slow", "frequency.count", 12),
        ),
        said_as,
    )
    assert said == (
        "Back online, but someone else changed what you changed offline, and their value "
        "stayed: title of touchpoint 'Ann's title' (yours was 'Bob's title'); frequency count "
        "of friction point 'Slow' (yours was 12). "
        "Someone removed what this was about, and it went with it: comment 'Still needed?'."
    )
