"""Talk on the blueprint, as a person uses it: select a card, write a comment in the Comments
dock, reply, resolve, jump from the list of open threads to what a thread is about; the
card's bubble counts its open threads; the first comment asks for the author's name."""

import getpass

import pytest
from PySide6.QtCore import Qt

from blueprint.storage import dumps_blueprint, loads_blueprint
from blueprint.ui.document import Document
from blueprint.ui.preferences import author_name, set_author_name
from tests.factories import evidence_blueprint
from tests.ui.editing_helpers import click_card, close_window, open_window, status
from tests.ui.talk_helpers import (
    answer_next_dialog,
    click,
    click_in_dialog,
    click_row,
    ok_button,
    show_comments,
    type_text,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot):
    set_author_name("Ana")
    window = open_window(qtbot, Document(evidence_blueprint()))
    window.resize(1400, 900)
    yield window
    close_window(window)


def panel(window):
    return window.talk.comments


def face(window, touchpoint_id):
    return window.canvas.blueprint_scene.card(touchpoint_id).face


def write(qtbot, window, text):
    composer = panel(window).composer
    composer.setFocus()
    type_text(composer, text)


def test_a_comment_on_the_selected_card_is_one_undo_step_and_shows_as_written(qtbot, window):
    assert face(window, "t3").open_threads == 0
    click_card(window, "t3")
    show_comments(window)
    assert panel(window).about.currentText() == "Touchpoint 'Complain'"
    write(qtbot, window, "Is <b>this</b> real? Да, 本当")
    click(qtbot, panel(window).add_button)
    comment = window.document.blueprint.comments[-1]
    assert (comment.about_id, comment.author, comment.text) == (
        "t3",
        "Ana",
        "Is <b>this</b> real? Да, 本当",
    )
    assert comment.at.endswith(("Z", "+00:00")) or comment.at[-6] in "+-"  # with its offset
    views = panel(window).thread_views()
    assert [label.text() for label in views[0].texts] == ["Is <b>this</b> real? Да, 本当"]
    assert views[0].texts[0].textFormat() == Qt.TextFormat.PlainText  # markup stays literal
    assert face(window, "t3").open_threads == 1  # the card's bubble
    assert "Open comment threads: 1" in window.canvas.blueprint_scene.card("t3").toolTip()
    assert status(window) == "Comment on touchpoint 'Complain'. Undo takes it back."
    assert panel(window).composer.toPlainText() == ""
    window.undo_action.trigger()
    assert window.document.blueprint.comments[-1].id != comment.id
    assert face(window, "t3").open_threads == 0
    assert panel(window).thread_views() == []


def test_ctrl_enter_adds_the_comment(qtbot, window):
    click_card(window, "t3")
    show_comments(window)
    write(qtbot, window, "Quick one")
    qtbot.keyClick(panel(window).composer, Qt.Key.Key_Return, CTRL)
    assert window.document.blueprint.comments[-1].text == "Quick one"


def test_a_reply_joins_the_thread_and_resolving_it_takes_it_off_the_open_list(qtbot, window):
    click_card(window, "t1")
    show_comments(window)
    comments = panel(window)
    assert face(window, "t1").open_threads == 1
    [thread] = comments.thread_views()
    assert [label.text() for label in thread.texts] == [
        "Is 20 a week right?",
        "From the October export.",
    ]
    click(qtbot, thread.reply_button)
    assert comments.composer_title.text() == "Reply to Ana's thread:"
    qtbot.keyClicks(comments.composer, "Checked it again: 22.")
    click(qtbot, comments.add_button)
    reply = window.document.blueprint.comments[-1]
    assert (reply.reply_to, reply.about_id) == ("c1", "t1")
    [thread] = comments.thread_views()
    assert thread.texts[-1].text() == "Checked it again: 22."
    assert "Reply to 'Ana'" in status(window)
    rows = [comments.thread_list.item(i).text() for i in range(comments.thread_list.count())]
    assert any("Is 20 a week right?" in row and "(2 replies)" in row for row in rows)

    click(qtbot, thread.resolve_button)
    assert window.document.get("comments", "c1").resolved
    assert face(window, "t1").open_threads == 0
    rows = [comments.thread_list.item(i).text() for i in range(comments.thread_list.count())]
    assert not any("Is 20 a week right?" in row for row in rows)
    [thread] = comments.thread_views()  # the card's thread is still there, to reopen
    assert thread.resolve_button.text() == "Reopen"
    click(qtbot, comments.show_resolved)
    rows = [comments.thread_list.item(i).text() for i in range(comments.thread_list.count())]
    assert any(row.startswith("Resolved · Touchpoint 'Checkout'") for row in rows)
    click(qtbot, thread.resolve_button)
    assert not window.document.get("comments", "c1").resolved
    assert face(window, "t1").open_threads == 1


def test_the_list_of_open_threads_jumps_to_the_card_and_to_the_improvement(qtbot, window):
    show_comments(window)
    comments = panel(window)
    click_row(qtbot, comments.thread_list, "Is 20 a week right?")
    scene = window.canvas.blueprint_scene
    assert scene.selected_touchpoint_ids() == ["t1"]
    assert comments.about.currentData() == "t1"
    click_row(qtbot, comments.thread_list, "Owner?")
    assert window.improvements.selected_id == "i1"
    assert comments.about.currentData() == "i1"
    [thread] = comments.thread_views()
    assert thread.texts[0].text() == "Owner?"


def test_the_about_box_offers_the_cards_friction_points_stage_and_channel(qtbot, window):
    click_card(window, "t1")
    show_comments(window)
    about = panel(window).about
    offered = [about.itemText(i) for i in range(about.count())]
    assert offered[0] == "Touchpoint 'Checkout'"
    assert any(text.startswith("Friction point ") and "on 'Checkout'" in text for text in offered)
    assert "Stage 'Purchase'" in offered
    assert "Channel 'Website'" in offered
    stage = offered.index("Stage 'Purchase'")
    about.setFocus()
    for _ in range(stage):
        qtbot.keyClick(about, Qt.Key.Key_Down)
    assert about.currentData() == "s1"
    write(qtbot, window, "Purchase is too long")
    click(qtbot, panel(window).add_button)
    assert window.document.blueprint.comments[-1].about_id == "s1"


def test_the_first_comment_asks_for_the_name_prefilled_with_the_login(qtbot, data_dir):
    window = open_window(qtbot, Document(evidence_blueprint()))
    try:
        assert author_name() == ""
        click_card(window, "t3")
        show_comments(window)
        write(qtbot, window, "Who am I?")
        seen = []

        def answer(dialog):
            seen.append(dialog.name.text())
            dialog.name.selectAll()
            type_text(dialog.name, "Zoë Ngata")
            qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

        answer_next_dialog(qtbot, answer)
        click(qtbot, panel(window).add_button)
        assert seen == [getpass.getuser()]
        assert window.document.blueprint.comments[-1].author == "Zoë Ngata"
        assert author_name() == "Zoë Ngata"  # set once: the next comment asks nothing
        write(qtbot, window, "Me again")
        click(qtbot, panel(window).add_button)
        assert window.document.blueprint.comments[-1].author == "Zoë Ngata"
    finally:
        close_window(window)


def test_cancelling_the_name_adds_nothing(qtbot, data_dir):
    window = open_window(qtbot, Document(evidence_blueprint()))
    try:
        click_card(window, "t3")
        show_comments(window)
        write(qtbot, window, "Anonymous?")
        before = dumps_blueprint(window.document.blueprint)
        answer_next_dialog(qtbot, click_in_dialog("Cancel"))
        click(qtbot, panel(window).add_button)
        assert dumps_blueprint(window.document.blueprint) == before
        assert status(window) == "Nothing added: a comment needs your name."
        assert panel(window).composer.toPlainText() == "Anonymous?"  # nothing typed is lost
    finally:
        close_window(window)


def test_edit_preferences_sets_the_name(qtbot, window):
    def answer(dialog):
        assert dialog.name.text() == "Ana"
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Ana Lopez")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    answered = answer_next_dialog(qtbot, answer)
    window.preferences_action.trigger()
    assert answered
    assert author_name() == "Ana Lopez"


def test_a_blank_name_cannot_be_kept(qtbot, window):
    def answer(dialog):
        dialog.name.selectAll()
        qtbot.keyClick(dialog.name, Qt.Key.Key_Delete)
        assert not ok_button(dialog).isEnabled()
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # does nothing
        assert dialog.isVisible()
        click_in_dialog("Cancel")(dialog)

    answer_next_dialog(qtbot, answer)
    window.preferences_action.trigger()
    assert author_name() == "Ana"


def test_comments_are_saved_in_the_file_exactly(qtbot, window, tmp_path):
    click_card(window, "t3")
    show_comments(window)
    write(qtbot, window, "مرحبا — line one\nline two")
    click(qtbot, panel(window).add_button)
    path = tmp_path / "talk.blueprint"
    window.document.save(path)
    again = loads_blueprint(path.read_bytes())
    assert again.comments[-1].text == "مرحبا — line one\nline two"


def test_a_blank_comment_is_refused_in_words(qtbot, window):
    click_card(window, "t3")
    show_comments(window)
    write(qtbot, window, "   ")
    count = len(window.document.blueprint.comments)
    click(qtbot, panel(window).add_button)
    assert len(window.document.blueprint.comments) == count
    assert status(window) == "Write the comment first."


def test_removing_a_card_takes_its_threads_and_undo_brings_them_back(qtbot, window):
    click_card(window, "t1")
    show_comments(window)
    window.delete_action.trigger()
    assert not any(c.about_id == "t1" for c in window.document.blueprint.comments)
    rows = [
        panel(window).thread_list.item(i).text() for i in range(panel(window).thread_list.count())
    ]
    assert not any("Is 20 a week" in row for row in rows)
    window.undo_action.trigger()
    assert window.document.get("comments", "c2") is not None
    assert face(window, "t1").open_threads == 1


def test_on_a_small_screen_a_card_picked_keeps_the_comments_in_front(qtbot):
    """On a laptop the side panels give way while nothing is selected and come back with a
    card; the Comments panel the user opened stays in front of the inspector."""
    from blueprint.ui.inspector.give_way import NARROW_SCREEN_WIDTH
    from tests.ui.window_helpers import close_quietly, shown_window

    set_author_name("Ana")
    window = shown_window(qtbot, Document(evidence_blueprint()))
    try:
        if window.screen().availableGeometry().width() >= NARROW_SCREEN_WIDTH:
            pytest.skip("the test screen is wide: no panel gives way")
        assert window.editing.give_way.gave_way
        show_comments(window)
        click_card(window, "t1")
        assert window.editing.inspector_dock.isVisible()  # back, behind the Comments tab
        assert not window.talk.dock.visibleRegion().isEmpty()
        assert [v.texts[0].text() for v in panel(window).thread_views()] == ["Is 20 a week right?"]
    finally:
        close_quietly(window)


@pytest.mark.parametrize("tab", [0, 1], ids=["comments", "conflicts"])
def test_every_control_of_the_dock_is_named_and_no_letter_does_two_things(qtbot, window, tab):
    from PySide6.QtGui import QAccessible

    from tests.ui.mnemonic_helpers import clashes
    from tests.ui.test_accessibility import unnamed

    click_card(window, "t2" if tab else "t1")
    show_comments(window, tab)
    views = panel(window).thread_views() if tab == 0 else window.talk.conflicts.conflict_views()
    assert views  # a thread (a conflict) with its buttons is in sight
    assert unnamed(QAccessible.queryAccessibleInterface(window.talk.dock)) == []
    assert [f"{a} and {b}" for a, b in clashes(window)] == []


def test_the_preferences_dialog_is_named_and_gives_each_letter_once(qtbot):
    from PySide6.QtGui import QAccessible

    from blueprint.ui.preferences import PreferencesDialog
    from tests.ui.mnemonic_helpers import clashes
    from tests.ui.test_accessibility import unnamed

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed(QAccessible.queryAccessibleInterface(dialog)) == []
    assert clashes(dialog) == []
    assert (
        QAccessible.queryAccessibleInterface(dialog.name).text(QAccessible.Text.Name) == "Your name"
    )


def test_resolving_by_keys_leaves_the_menus_working(qtbot, window):
    """Space on a thread's Resolve, then File › Leave Live Session or Share Live crashed:
    the redrawn thread took the focused button away, and Python lost the window's menus."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    click_card(window, "t3")
    show_comments(window)
    write(qtbot, window, "Is this still true?")
    click(qtbot, panel(window).add_button)
    [thread] = panel(window).thread_views()
    thread.resolve_button.setFocus()
    qtbot.keyClick(thread.resolve_button, Qt.Key.Key_Space)
    assert window.document.blueprint.comments[-1].resolved
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop does
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    assert QApplication.activePopupWidget() is window.menus.file
    qtbot.keyClick(window.menus.file, Qt.Key.Key_Escape)


def test_tab_reaches_a_threads_buttons_where_they_stand_before_the_box_to_write_in(qtbot, window):
    """Tab went from the box to write in to Add Comment, then back up to the threads'
    Reply and Resolve above them."""
    click_card(window, "t3")
    show_comments(window)
    write(qtbot, window, "Is this still true?")
    click(qtbot, panel(window).add_button)
    [thread] = panel(window).thread_views()
    comments = panel(window)
    comments.about.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(comments.focusWidget() or comments.about, Qt.Key.Key_Tab)
        order.append(comments.focusWidget())
    assert order.index(thread.reply_button) < order.index(comments.composer)
    assert order.index(thread.resolve_button) < order.index(comments.composer)


def test_the_box_to_write_in_draws_a_frame_when_the_keys_are_in_it(qtbot, window):
    """View › Comments put the keys in the box, and only a blinking caret showed it: the
    inspector's text areas draw a frame, this one drew none."""
    from PySide6.QtWidgets import QApplication

    composer = window.talk.comments.composer
    click_card(window, "t1")
    show_comments(window)
    highlight = composer.palette().highlight().color()

    def edge():
        image = composer.grab().toImage()
        return image.pixelColor(0, image.height() // 2)

    window.canvas.setFocus()
    qtbot.waitUntil(lambda: not composer.hasFocus())
    assert edge() != highlight
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for _ in range(2):  # View › Comments closes the panel, and opens it again
        qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
        menu = window.menus.view
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)  # noqa: B023
        qtbot.keyClick(menu, Qt.Key.Key_M)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        window.activateWindow()  # offscreen, a menu closed by keys leaves none active
        qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(composer.hasFocus)
    qtbot.waitUntil(lambda: edge() == highlight)


def test_a_comment_goes_to_the_improvement_picked_last_and_its_subject_stays(qtbot, window):
    """An improvement picked with the panel closed left it about the last card, where the
    comment went; after posting, the subject switched to the improvement unasked."""
    from blueprint.ui.comments.subjects import capitalised, subject_words
    from tests.ui.test_improvements import select

    click_card(window, "t3")
    window.improvements.show()
    select(qtbot, window.improvements, "i1")
    show_comments(window)
    assert panel(window).about.currentText() == "Improvement 'Faster page'"
    write(qtbot, window, "Worth it?")
    click(qtbot, panel(window).add_button)
    assert window.document.blueprint.comments[-1].about_id == "i1"
    click_card(window, "t1")  # another card picked: the comment is about it now
    card = capitalised(subject_words(window.document, "t1"))
    assert panel(window).about.currentText() == card
    write(qtbot, window, "And here?")
    click(qtbot, panel(window).add_button)
    assert window.document.blueprint.comments[-1].about_id == "t1"
    assert panel(window).about.currentText() == card  # and stays so after posting
