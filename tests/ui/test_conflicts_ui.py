"""Merge conflicts in the editor: each open conflict marked on its card (a sign, said in
words to a screen reader), listed in the Conflicts tab, and decided there with the Keep
button beside either side's value, each one undo step with a status line saying what
happened. These conflicts name no side (as before file format 5): "ours" and "theirs"."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from blueprint.changes import merge_blueprints
from blueprint.model import Conflict
from blueprint.storage import dumps_blueprint
from blueprint.ui.document import Document
from tests.factories import evidence_blueprint
from tests.ui.editing_helpers import click_card, close_window, open_window, status
from tests.ui.talk_helpers import click, click_row, show_comments

CONFLICTS = 1


def conflicted():
    bp = evidence_blueprint()
    bp.conflicts.append(
        Conflict(
            id="k2",
            kind="deleted and changed",
            collection="touchpoints",
            entity_id="t3",
            kept=["title"],
            other=None,
            kept_from="ours",
            other_from="theirs",
        )
    )
    return bp


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot, Document(conflicted()))
    window.resize(1400, 900)
    yield window
    close_window(window)


def panel(window):
    return window.talk.conflicts


def card(window, touchpoint_id):
    return window.canvas.blueprint_scene.card(touchpoint_id)


def test_each_open_conflict_is_marked_on_its_card_in_a_sign_and_in_words(window):
    assert card(window, "t2").face.conflicts == 1
    assert card(window, "t1").face.conflicts == 0
    assert "Merge conflicts to decide: 1" in card(window, "t2").toolTip()
    canvas = QAccessible.queryAccessibleInterface(window.canvas)
    read = {
        canvas.child(i).text(QAccessible.Text.Name): canvas.child(i).text(
            QAccessible.Text.Description
        )
        for i in range(canvas.childCount())
    }
    assert "Merge conflicts to decide: 1" in read["Call about order"]
    assert "Merge conflicts" not in read["Checkout"]


def test_keep_theirs_sets_their_value_in_one_undo_step(qtbot, window):
    before = dumps_blueprint(window.document.blueprint)
    click_card(window, "t2")
    show_comments(window, CONFLICTS)
    [view] = panel(window).conflict_views()
    assert view.ours.text() == "Ours: 'Call about order'"
    assert view.theirs.text() == "Theirs: 'Call about the order'"
    click(qtbot, view.keep_theirs)
    assert window.document.touchpoint("t2").title == "Call about the order"
    assert window.document.get("conflicts", "k1") is None
    assert card(window, "t2").face.conflicts == 0
    assert card(window, "t2").face.title == "Call about the order"
    assert status(window).startswith(
        "Keep theirs: title of touchpoint 'Call about order'. Undo takes it back."
    )
    # The next conflict is shown to decide, its card selected: the list moved up under the
    # mouse, and the next click picked another than meant.
    [following] = panel(window).conflict_views()
    assert following.conflict_id == "k2"
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == ["t3"]
    assert panel(window).conflict_list.currentItem().text() == "Touchpoint 'Complain'"
    click(qtbot, following.keep_ours)
    # None left: said so, without the list's heading over an empty space.
    assert panel(window).no_conflicts.isVisible()
    assert not panel(window).list_title.isVisible()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert dumps_blueprint(window.document.blueprint) == before
    assert card(window, "t2").face.conflicts == 1


def test_keeping_ours_keeps_the_value_and_only_the_conflict_goes(qtbot, window):
    click_card(window, "t2")
    show_comments(window, CONFLICTS)
    [view] = panel(window).conflict_views()
    click(qtbot, view.keep_ours)
    assert window.document.touchpoint("t2").title == "Call about order"
    assert window.document.get("conflicts", "k1") is None
    assert "Keep ours: title of touchpoint 'Call about order'." in status(window)
    assert "1 conflict left" in status(window)


def test_keep_theirs_of_a_deletion_deletes_the_card_with_what_is_on_it(qtbot, window):
    click_card(window, "t3")
    show_comments(window, CONFLICTS)
    [view] = panel(window).conflict_views()
    assert view.ours.text() == "Ours: keep it, with its changes (title)"
    # What goes with the card is said before the choice.
    assert view.theirs.text() == (
        "Theirs: delete it, and with it: 1 flow removed: 'Call about order → Complain'"
    )
    steps = window.document.undo_stack.count()
    click(qtbot, view.keep_theirs)
    assert window.document.get("touchpoints", "t3") is None
    assert window.document.get("conflicts", "k2") is None
    assert card(window, "t3") is None
    assert window.document.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert window.document.get("touchpoints", "t3") is not None
    assert window.document.get("conflicts", "k2") is not None


@pytest.mark.parametrize(
    ("collection", "entity_id", "gone", "deleting"),
    [
        # A thread's first comment: its reply too, and said so (it went unsaid).
        (
            "comments",
            "c1",
            {"c1", "c2"},
            "delete it, and with it: Ben's reply 'From the October export.'",
        ),
        ("measures", "m1", {"m1"}, "delete it"),  # the slow page's frequency followed it
    ],
)
def test_keep_theirs_of_a_deleted_comment_or_measure_leaves_a_file_that_opens(
    qtbot, qapp, collection, entity_id, gone, deleting
):
    """Deleting a thread's first comment left its reply pointing at nothing: the file saved,
    and then could not be opened. A click on the conflict shows the card it is on."""
    from blueprint.model import document_problems

    bp = conflicted()
    bp.conflicts[0] = Conflict(
        id="k1",
        kind="deleted and changed",
        collection=collection,
        entity_id=entity_id,
        kept=["text"],
        other=None,
        kept_from="ours",
        other_from="theirs",
    )
    window = open_window(qtbot, Document(bp))
    try:
        show_comments(window, CONFLICTS)
        rows = panel(window).conflict_list
        lines = [rows.item(i).text() for i in range(rows.count())]
        click_row(qtbot, rows, next(t for t in lines if t != "Touchpoint 'Complain'"))
        [view] = panel(window).conflict_views()
        assert view.theirs.text() == f"Theirs: {deleting}"
        about = window.document.get(collection, entity_id)
        card_id = about.about_id if collection == "comments" else about.touchpoint_id
        assert window.canvas.blueprint_scene.selected_touchpoint_ids() == [card_id]
        click(qtbot, view.keep_theirs)
        assert status(window).startswith(f"Keep theirs: delete {about.noun} '")
        after = window.document.blueprint
        assert not gone & {e.id for e in getattr(after, collection)}
        assert document_problems(after) == []
        assert all(f.frequency.measure_id != entity_id for f in after.frictions)
    finally:
        close_window(window)


def test_the_conflict_list_jumps_to_the_card(qtbot, window):
    show_comments(window, CONFLICTS)
    rows = panel(window).conflict_list
    texts = [rows.item(i).text() for i in range(rows.count())]
    # The field first: a long name cut at the row's end hid which field it was.
    assert texts == ["Title of touchpoint 'Call about order'", "Touchpoint 'Complain'"]
    click_row(qtbot, rows, "Complain")
    assert window.canvas.blueprint_scene.selected_touchpoint_ids() == ["t3"]
    [view] = panel(window).conflict_views()
    assert view.conflict_id == "k2"


def test_their_value_is_refused_in_words_when_it_would_break_the_blueprint(qtbot, qapp):
    bp = conflicted()
    bp.conflicts[0] = Conflict(
        id="k1",
        kind="both changed",
        collection="touchpoints",
        entity_id="t2",
        field="stage_id",
        kept="s2",
        other="s-theirs-removed",
    )
    window = open_window(qtbot, Document(bp))
    try:
        before = dumps_blueprint(window.document.blueprint)
        click_card(window, "t2")
        show_comments(window, CONFLICTS)
        [view] = panel(window).conflict_views()
        assert view.theirs.text() == "Theirs: 's-theirs-removed'"
        click(qtbot, view.keep_theirs)
        assert dumps_blueprint(window.document.blueprint) == before
        assert status(window).startswith("That value cannot be kept:")
    finally:
        close_window(window)


def test_keep_theirs_moves_a_card_to_their_cell(qtbot, qapp):
    bp = conflicted()
    bp.conflicts[0] = Conflict(
        id="k1",
        kind="both changed",
        collection="touchpoints",
        entity_id="t2",
        field="stage_id",
        kept="s2",
        other="s1",
    )
    window = open_window(qtbot, Document(bp))
    try:
        click_card(window, "t2")
        show_comments(window, CONFLICTS)
        [view] = panel(window).conflict_views()
        assert view.ours.text() == "Ours: 'Support'"
        assert view.theirs.text() == "Theirs: 'Purchase'"
        click(qtbot, view.keep_theirs)
        assert window.document.touchpoint("t2").stage_id == "s1"
        layout = window.canvas.blueprint_scene.grid_layout
        assert layout.slots["t2"].stage_id == "s1"  # the card moved on the grid
    finally:
        close_window(window)


def merged_document(edit_ours, edit_theirs):
    """What `blueprint merge` makes of two people's edits, opened in the editor."""
    base = evidence_blueprint()
    base.conflicts = []
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    edit_ours(ours)
    edit_theirs(theirs)
    return Document(merge_blueprints(base, ours, theirs).blueprint), theirs


def test_keep_theirs_of_a_cell_moves_the_card_to_the_cell_they_chose(qtbot, qapp):
    def move_right(bp):  # ours: to Purchase, on the phone still
        bp.touchpoints[1].stage_id = "s1"

    def move_up(bp):  # theirs: to the website, in Support still
        bp.touchpoints[1].channel_id = "web"

    document, _ = merged_document(move_right, move_up)
    window = open_window(qtbot, document)
    try:
        click_card(window, "t2")
        show_comments(window, CONFLICTS)
        [view] = panel(window).conflict_views()  # one decision, not a stage and a channel
        assert view.ours.text() == "Ours: Purchase / Phone"
        assert view.theirs.text() == "Theirs: Support / Website"
        click(qtbot, view.keep_theirs)
        touchpoint = window.document.touchpoint("t2")
        assert (touchpoint.stage_id, touchpoint.channel_id) == ("s2", "web")
        slot = window.canvas.blueprint_scene.grid_layout.slots["t2"]
        assert (slot.stage_id, slot.channel_id) == ("s2", "web")  # the card moved on the grid
        assert window.document.blueprint.conflicts == []
        window.undo_action.trigger()
        touchpoint = window.document.touchpoint("t2")
        assert (touchpoint.stage_id, touchpoint.channel_id) == ("s1", "phone")
    finally:
        close_window(window)


def test_keep_theirs_of_a_frequency_takes_their_count_with_its_period(qtbot, qapp):
    def per_week(bp):
        bp.frictions[0].frequency.count = 10

    def per_year(bp):
        bp.frictions[0].frequency.count, bp.frictions[0].frequency.per = 99, "year"

    document, theirs = merged_document(per_week, per_year)
    window = open_window(qtbot, document)
    try:
        click_card(window, "t1")
        show_comments(window, CONFLICTS)
        [view] = panel(window).conflict_views()
        # One value, said as one: not "count 10; per 'week'; source ...; low none; high none".
        assert view.ours.text().startswith("Ours: 10 a week")
        assert view.theirs.text().startswith("Theirs: 99 a year")
        click(qtbot, view.keep_theirs)
        assert window.document.get("frictions", "x1").frequency == theirs.frictions[0].frequency
        assert window.document.blueprint.conflicts == []
    finally:
        close_window(window)


def test_a_name_the_merge_made_and_a_preferred_channel_in_dispute_in_words(qtbot, qapp):
    from blueprint.model import PreferredChannel, Stage

    def edit(channel_id, stage_id):
        def made(bp):
            bp.stages.append(Stage(id=stage_id, name="Onboarding"))
            bp.personas[0].preferred_channels = [
                PreferredChannel(stage_id="s1", channel_id="web"),
                PreferredChannel(stage_id="s2", channel_id=channel_id),
            ]

        return made

    document, _ = merged_document(edit("web", "s-ours"), edit("phone", "s-theirs"))
    window = open_window(qtbot, document)
    try:
        show_comments(window, CONFLICTS)
        click_row(qtbot, panel(window).conflict_list, "Name of stage 'Onboarding (2)'")
        [view] = panel(window).conflict_views()
        assert view.sentence.text() == (
            "The two sides' edits did not fit together as they were, so the merge changed "
            "the name. The file holds the merge's value."
        )
        assert (view.ours.text(), view.theirs.text()) == (
            "The merge: 'Onboarding (2)'",
            "Theirs: 'Onboarding'",
        )
        click_row(qtbot, panel(window).conflict_list, "Preferred channels of persona 'Busy parent'")
        [view] = panel(window).conflict_views()
        assert view.sentence.text() == "Both changed the preferred channels. The file holds ours."
        assert (view.ours.text(), view.theirs.text()) == (  # the stage in dispute only
            "Ours: stage 'Support'; channel 'Website'",
            "Theirs: stage 'Support'; channel 'Phone'",
        )
        click(qtbot, view.keep_theirs)
        chosen = window.document.blueprint.personas[0].preferred_channels
        assert [(p.stage_id, p.channel_id) for p in chosen] == [("s1", "web"), ("s2", "phone")]
    finally:
        close_window(window)


def test_a_file_with_conflicts_opens_with_them_listed(qtbot, tmp_path):
    """After git's merge driver ("open it in blueprint"), the conflicts were in a hidden
    panel, pointed at by a status line gone in seconds."""
    from blueprint.storage import save_blueprint

    path = tmp_path / "merged.blueprint"
    save_blueprint(conflicted(), path)
    window = open_window(qtbot, Document(evidence_blueprint()), path)
    try:
        assert window.talk.dock.isVisible()
        assert window.talk.tabs.currentWidget() is panel(window)
        assert "holds 2 merge conflicts to decide" in status(window)
    finally:
        close_window(window)


def test_deleting_a_card_names_the_friction_points_the_other_side_added_to_it(qtbot):
    """ "Keep mine" deleted the card with the friction point the other side had just added
    to it; the panel said "delete it", and nothing of what went."""
    from blueprint.model import Friction

    bp = conflicted()
    bp.frictions.append(
        Friction(id="x9", touchpoint_id="t3", title="Has to repeat the order number")
    )
    window = open_window(qtbot, Document(bp))
    try:
        click_card(window, "t3")
        show_comments(window, CONFLICTS)
        [view] = panel(window).conflict_views()
        assert view.theirs.text().startswith(
            "Theirs: delete it, and with it: 1 friction point removed: "
            "'Has to repeat the order number'"
        )
    finally:
        close_window(window)


def test_a_thread_the_merge_opened_again_says_why_in_plain_words(qtbot, qapp):
    """Read 'the merge changed the resolved … Mine: no / Theirs: yes': garbled, and not why."""
    bp = evidence_blueprint()
    bp.conflicts[0] = Conflict(
        id="k1",
        kind="both changed",
        collection="comments",
        entity_id="c1",
        field="resolved",
        kept=False,
        other=True,
        kept_from="merge",
        other_from="theirs",
    )
    window = open_window(qtbot, Document(bp))
    try:
        show_comments(window, CONFLICTS)
        rows = panel(window).conflict_list
        click_row(qtbot, rows, "Is 20 a week right?")
        [view] = panel(window).conflict_views()
        assert view.sentence.text() == (
            "One side replied to this thread while the other resolved it, so the merge opened "
            "it again: the reply is not left unseen. The file holds it open."
        )
        assert (view.ours.text(), view.theirs.text()) == ("The merge: open", "Theirs: resolved")
        assert window.canvas.blueprint_scene.selected_touchpoint_ids() == ["t1"]
    finally:
        close_window(window)


def named_conflicts(ours_name: str, theirs_name: str):
    """The title of t2 changed on both sides of two merges, each naming its sides."""
    bp = evidence_blueprint()
    bp.conflicts = [
        Conflict(
            id=f"n{i}",
            kind="both changed",
            collection="touchpoints",
            entity_id="t2",
            field="title",
            kept=bp.touchpoints[1].title,
            other=other,
            ours_name=ours_name,
            theirs_name=theirs_name,
        )
        for i, other in ((1, "Call about the order"), (2, "Phone about the order"))
    ]
    return bp


def test_a_long_side_name_leaves_the_keep_buttons_in_the_panel(qtbot):
    """A commit id or a branch_with_underscores has nowhere to break: the row grew wider than
    the dock and its Keep buttons went past its edge, out of reach."""
    window = open_window(qtbot, Document(named_conflicts("a" * 80, "bo_new_sms_" * 5)))
    try:
        window.resize(1280, 720)
        click_card(window, "t2")
        show_comments(window, CONFLICTS)
        scroll = panel(window).scroll
        for view in panel(window).conflict_views():
            for button in (view.keep_ours, view.keep_theirs):
                right = button.mapTo(scroll.viewport(), button.rect().topRight()).x()
                assert button.isVisible() and right <= scroll.viewport().width()
            assert "…" in view.ours.text() and "a" * 80 in view.ours.toolTip()
            assert "a" * 40 not in view.sentence.text()  # "The file holds the value of a…"
    finally:
        close_window(window)


def test_keeping_the_value_the_file_held_sets_it_again_after_another_decision(qtbot):
    """Two merges left two conflicts on one title: deciding one the other way and then
    keeping the file's value in the second took the conflict away and left the title as
    the first decision made it, while the status line said it was kept."""
    bp = named_conflicts("Ana's copy", "plan (Bo's conflicted copy).blueprint")
    held = bp.touchpoints[1].title
    window = open_window(qtbot, Document(bp))
    try:
        click_card(window, "t2")
        show_comments(window, CONFLICTS)
        first, _second = panel(window).conflict_views()
        rows = panel(window).conflict_list
        texts = [rows.item(i).text() for i in range(rows.count())]
        assert len(set(texts)) == 2  # the same field twice, told apart by the other value
        assert texts[0].endswith("(plan (Bo's conflicted copy).blueprint: 'Call about the order')")
        click(qtbot, first.keep_theirs)
        assert window.document.touchpoint("t2").title == "Call about the order"
        [second] = panel(window).conflict_views()
        assert second.ours.text() == f"Ana's copy: '{held}'"
        click(qtbot, second.keep_ours)
        assert window.document.touchpoint("t2").title == held
        assert window.document.blueprint.conflicts == []
    finally:
        close_window(window)


def test_side_names_are_shown_as_typed_and_in_their_own_direction(qtbot):
    """Markup in a name was drawn in the Keep button's tooltip; an Arabic name turned the
    row round, the value to the left of the name."""
    window = open_window(qtbot, Document(named_conflicts("فرع أنا", "<b>bo</b>")))
    try:
        click_card(window, "t2")
        show_comments(window, CONFLICTS)
        view = panel(window).conflict_views()[0]
        assert view.ours.text().startswith("\u2068فرع أنا\u2069: ")
        assert "&lt;b&gt;bo&lt;/b&gt;" in view.keep_theirs.toolTip()
    finally:
        close_window(window)


def test_keep_pressed_with_the_keys_leaves_them_on_the_next_conflict(qtbot):
    """After Space on a Keep button the keys went to the canvas: the next conflict was a
    walk back through the window."""
    window = open_window(qtbot, Document(named_conflicts("main", "phone")))
    try:
        click_card(window, "t2")
        show_comments(window, CONFLICTS)
        first = panel(window).conflict_views()[0]
        window.activateWindow()
        first.keep_ours.setFocus()
        qtbot.waitUntil(first.keep_ours.hasFocus)
        qtbot.keyClick(first.keep_ours, Qt.Key.Key_Space)
        [second] = panel(window).conflict_views()
        qtbot.waitUntil(second.keep_ours.hasFocus)
    finally:
        close_window(window)
