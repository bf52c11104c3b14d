"""Merging from the editor, as a person does it: another program changed the open file, or a
sync tool left a conflicting copy beside it. The base is what the editor last loaded or
saved (for a copy, what the two share), ours the blueprint in the editor, theirs the file on
disk or the copy; the result is one undo step, and what could not be reconciled shows on
its card and in the Conflicts tab."""

import os
import shutil

import pytest
from PySide6.QtCore import Qt

from blueprint.storage import dumps_blueprint, load_blueprint, save_blueprint
from blueprint.ui.preferences import set_author_name
from tests.ui.conftest import BROADBAND
from tests.ui.editing_helpers import status
from tests.ui.talk_helpers import (
    answer_next_dialog,
    click,
    click_in_dialog,
    message_text,
    questions_asked,  # noqa: F401 (a fixture)
    show_comments,
)
from tests.ui.window_helpers import close_quietly, shown_window

pytest.importorskip("blueprint.changes.merge")
pytestmark = pytest.mark.usefixtures("questions_asked")

MINE, THEIRS = "tp-status-chat", "tp-ivr-status"


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "broadband.blueprint"
    shutil.copyfile(BROADBAND, path)
    return path


@pytest.fixture
def window(qtbot):
    set_author_name("Ana")
    window = shown_window(qtbot)
    yield window
    close_quietly(window)


def retitled(path, touchpoint_id: str, title: str):
    bp = load_blueprint(path)
    next(t for t in bp.touchpoints if t.id == touchpoint_id).title = title
    return bp


def other_program_saves(path, bp) -> None:
    temporary = path.with_name(path.name + ".other.tmp")
    save_blueprint(bp, temporary)
    os.replace(temporary, path)


def rename(window, touchpoint_id: str, title: str) -> None:
    from blueprint.ui.commands import EditTouchpoint

    window.document.push(EditTouchpoint(window.document, touchpoint_id, "title", title))


def title_of(window, touchpoint_id: str) -> str:
    return window.document.touchpoint(touchpoint_id).title


def test_their_changes_on_disk_merge_into_mine_in_one_undo_step(qtbot, window, sample):
    assert window.open_path(sample)
    rename(window, MINE, "Mine: asks chat")
    steps = window.document.undo_stack.count()
    asked = answer_next_dialog(qtbot, click_in_dialog("Merge Theirs In"))
    said = []
    other_program_saves(sample, retitled(sample, THEIRS, "Theirs: IVR status"))
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    said.append(message_text(asked[0]))
    qtbot.waitUntil(lambda: title_of(window, THEIRS) == "Theirs: IVR status", timeout=3000)
    assert "You have changes that are not saved" in said[0]
    assert title_of(window, MINE) == "Mine: asks chat"  # mine kept
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == (
        "Merge the changes on disk to broadband.blueprint"
    )
    assert status(window).startswith("Merged the changes on disk to broadband.blueprint.")
    assert window.document.blueprint.conflicts == []
    # Saving now replaces nothing of theirs: it asks nothing, and the file holds both.
    assert window.save()
    saved = load_blueprint(sample)
    assert [t.title for t in saved.touchpoints if t.id in (MINE, THEIRS)] == [
        "Mine: asks chat",
        "Theirs: IVR status",
    ]
    window.undo_action.trigger()  # Undo takes the merge back, mine stays
    assert title_of(window, THEIRS) != "Theirs: IVR status"
    assert title_of(window, MINE) == "Mine: asks chat"


def test_both_changing_one_title_keeps_mine_and_marks_theirs_on_the_card(qtbot, window, sample):
    assert window.open_path(sample)
    rename(window, MINE, "Mine: asks chat")
    asked = answer_next_dialog(qtbot, click_in_dialog("Merge Theirs In"))
    other_program_saves(sample, retitled(sample, MINE, "Theirs: asks the chat"))
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    qtbot.waitUntil(lambda: bool(window.document.blueprint.conflicts), timeout=3000)
    assert title_of(window, MINE) == "Mine: asks chat"
    [conflict] = window.document.blueprint.conflicts
    assert (conflict.entity_id, conflict.field, conflict.other) == (
        MINE,
        "title",
        "Theirs: asks the chat",
    )
    assert "1 conflict to decide" in status(window)
    card = window.canvas.blueprint_scene.card(MINE)
    assert card.face.conflicts == 1
    window.canvas.blueprint_scene.select_touchpoints([MINE])
    show_comments(window, 1)
    [view] = window.talk.conflicts.conflict_views()
    # Each side by who it was, for whoever opens the file next: "Mine" was only Ana's.
    assert (conflict.ours_name, conflict.theirs_name) == (
        "Ana's copy",
        "broadband.blueprint as saved on disk",
    )
    assert view.sentence.text() == "Both changed the title. The file holds the value of Ana's copy."
    assert view.ours.text() == "Ana's copy: 'Mine: asks chat'"
    assert view.theirs.text() == "broadband.blueprint as saved on disk: 'Theirs: asks the chat'"
    assert view.keep_theirs.accessibleName() == (
        "Keep broadband.blueprint as saved on disk for Touchpoint 'Mine: asks chat': title"
    )
    click(qtbot, view.keep_theirs)
    assert title_of(window, MINE) == "Theirs: asks the chat"
    assert card.face.conflicts == 0
    assert status(window).startswith(
        "Keep broadband.blueprint as saved on disk: title of touchpoint 'Mine: asks chat'."
    )


def test_saving_over_their_changes_can_merge_them_first(qtbot, window, sample):
    assert window.open_path(sample)
    rename(window, MINE, "Mine: asks chat")
    asked = answer_next_dialog(qtbot, click_in_dialog("Ignore"))
    other_program_saves(sample, retitled(sample, THEIRS, "Theirs: IVR status"))
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    answer_next_dialog(qtbot, click_in_dialog("Merge, Then Save"))
    assert window.save()
    saved = load_blueprint(sample)
    titles = {t.id: t.title for t in saved.touchpoints}
    assert (titles[MINE], titles[THEIRS]) == ("Mine: asks chat", "Theirs: IVR status")
    assert not window.document.is_modified()


# --- conflicting copies from sync tools ------------------------------------------------------


def dropbox_copy(sample, title="Ben's title"):
    copy = sample.with_name("broadband (Ben's conflicted copy 2026-12-06).blueprint")
    save_blueprint(retitled(sample, THEIRS, title), copy)
    return copy


def test_a_conflicting_copy_beside_the_file_is_offered_merged_and_renamed(qtbot, window, sample):
    copy = dropbox_copy(sample)
    said = []

    def merge(box):
        said.append(message_text(box))
        click_in_dialog("Merge Into This Blueprint")(box)
        answer_next_dialog(qtbot, click_in_dialog("Rename"))

    answer_next_dialog(qtbot, merge)
    original = title_of_file(sample, THEIRS)
    assert window.open_path(sample)
    # Nobody knows which title is the newer: the file's stays, Ben's is a conflict to decide.
    qtbot.waitUntil(lambda: bool(window.document.blueprint.conflicts), timeout=5000)
    assert title_of(window, THEIRS) == original
    (conflict,) = window.document.blueprint.conflicts
    assert (conflict.entity_id, conflict.field, conflict.other) == (THEIRS, "title", "Ben's title")
    assert "A sync tool left a conflicting copy of broadband.blueprint beside it." in said[0]
    assert "broadband (Ben's conflicted copy 2026-12-06).blueprint (Dropbox" in said[0]
    qtbot.waitUntil(lambda: not copy.exists(), timeout=3000)
    assert copy.with_name(copy.name + ".merged").exists()
    assert window.document.undo_stack.undoText() == (
        "Merge broadband (Ben's conflicted copy 2026-12-06).blueprint"
    )
    assert window.document.is_modified()  # merged in, not yet saved
    qtbot.wait(1000)  # the renamed copy is not offered again (a question would fail the test)


def test_a_merged_copy_can_go_to_the_trash(qtbot, window, sample, tmp_path, monkeypatch):
    trash = tmp_path / "data-home" / "Trash"  # the test's own trash, not the user's
    for folder in ("files", "info"):
        (trash / folder).mkdir(parents=True)
    trash.chmod(0o700)
    monkeypatch.setenv("XDG_DATA_HOME", str(trash.parent))
    copy = dropbox_copy(sample)

    def merge(box):
        click_in_dialog("Merge Into This Blueprint")(box)
        answer_next_dialog(qtbot, click_in_dialog("Move to Trash"))

    answer_next_dialog(qtbot, merge)
    assert window.open_path(sample)
    qtbot.waitUntil(lambda: not copy.exists(), timeout=5000)
    assert window.document.blueprint.conflicts[0].other == "Ben's title"
    assert "moved to the trash" in status(window)
    assert (trash / "files" / copy.name).exists()


def title_of_file(path, touchpoint_id: str) -> str:
    return next(t.title for t in load_blueprint(path).touchpoints if t.id == touchpoint_id)


def test_merging_a_copy_never_throws_away_the_files_own_changes(qtbot, window, sample):
    """Ana's file and Ben's conflicted copy, each changed since the version they share: the
    editor took its own load as their common version, so Ben's copy replaced all of Ana's
    work (her rename undone, the card she deleted back) with no conflict."""
    base = load_blueprint(sample)
    ana = base.model_copy(deep=True)
    next(t for t in ana.touchpoints if t.id == MINE).title = "Ana: asks chat"
    linked = {i for imp in ana.improvements for i in imp.brings_about}
    linked |= {c.about_id for c in ana.comments}
    gone = next(f.id for f in ana.flows if f.id not in linked)
    ana.flows = [f for f in ana.flows if f.id != gone]
    ana.title = "Ana's plan"
    save_blueprint(ana, sample)
    ben = base.model_copy(deep=True)
    next(t for t in ben.touchpoints if t.id == THEIRS).title = "Ben: IVR status"
    copy = sample.with_name("broadband (Ben's conflicted copy 2026-12-06).blueprint")
    save_blueprint(ben, copy)
    answer_next_dialog(
        qtbot,
        lambda box: (
            click_in_dialog("Merge Into This Blueprint")(box),
            answer_next_dialog(qtbot, click_in_dialog("Keep It")),
        ),
    )
    assert window.open_path(sample)
    qtbot.waitUntil(lambda: bool(window.document.blueprint.conflicts), timeout=5000)
    merged = window.document.blueprint
    assert merged.title == "Ana's plan" and title_of(window, MINE) == "Ana: asks chat"
    assert title_of(window, THEIRS) == title_of_file(BROADBAND, THEIRS)  # the file's, kept
    assert gone in {f.id for f in merged.flows}  # deleted by Ana or added by Ben? kept
    others = {(c.entity_id, c.field): c.other for c in merged.conflicts}
    assert others[(THEIRS, "title")] == "Ben: IVR status"  # Ben's, to decide
    assert others[(MINE, "title")] == title_of_file(BROADBAND, MINE)
    assert others[("blueprint", "title")] == base.title


def test_not_now_leaves_the_copy_and_does_not_ask_again(qtbot, window, sample):
    copy = dropbox_copy(sample)
    before = dumps_blueprint(load_blueprint(sample))
    asked = answer_next_dialog(qtbot, click_in_dialog("Not Now"))
    assert window.open_path(sample)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert copy.exists()
    assert dumps_blueprint(window.document.blueprint) == before
    (sample.parent / "unrelated.txt").write_text("a change in the folder")
    qtbot.wait(1000)  # the folder changed: the same copy is not offered again


def test_a_copy_that_cannot_be_read_is_explained_and_nothing_changes(
    qtbot, window, sample, monkeypatch
):
    copy = sample.with_name("broadband (1).blueprint")
    copy.write_text("{ this is not a blueprint")
    errors = []
    monkeypatch.setattr(
        window, "show_error", lambda title, message: errors.append((title, message))
    )
    before = dumps_blueprint(load_blueprint(sample))
    answer_next_dialog(qtbot, click_in_dialog("Merge Into This Blueprint"))
    assert window.open_path(sample)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    # Said of a copy, which did not change: it said the copy "changed on disk".
    assert errors[0][0] == "Cannot read the conflicting copy"
    assert errors[0][1].startswith(
        "The conflicting copy broadband (1).blueprint cannot be read as a blueprint, so "
        "nothing of it was taken: "
    )
    assert copy.exists()
    assert dumps_blueprint(window.document.blueprint) == before


# --- undoing a reload or a merge -------------------------------------------------------------


def press(qtbot, window, key, keys) -> None:
    """A shortcut pressed on the canvas, the window active (a dialog was just answered)."""
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    qtbot.keyClick(window.canvas, key, keys)


def press_undo(qtbot, window, redo: bool = False) -> None:
    keys = Qt.KeyboardModifier.ControlModifier
    if redo:
        keys |= Qt.KeyboardModifier.ShiftModifier
    press(qtbot, window, Qt.Key.Key_Z, keys)


@pytest.mark.parametrize("answer", ["Reload", "Merge Theirs In"])
def test_undoing_a_reload_or_merge_then_saving_asks_before_writing_over_theirs(
    qtbot, window, sample, answer
):
    """ "Undo brings yours back", and then Ctrl+S wrote it over Ben's save without the
    question every other save over changes on disk asks: his edit was gone from the file."""
    assert window.open_path(sample)
    rename(window, MINE, "Mine: asks chat")
    asked = answer_next_dialog(qtbot, click_in_dialog(answer))
    other_program_saves(sample, retitled(sample, THEIRS, "Theirs: IVR status"))
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    qtbot.waitUntil(lambda: title_of(window, THEIRS) == "Theirs: IVR status", timeout=2000)
    press_undo(qtbot, window)
    assert title_of(window, THEIRS) != "Theirs: IVR status"

    said = []
    answer_next_dialog(
        qtbot, lambda box: (said.append(message_text(box)), click_in_dialog("Cancel")(box))
    )
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(said), timeout=2000)
    assert "was changed on disk since you opened or last saved it" in said[0]
    on_disk = {t.id: t.title for t in load_blueprint(sample).touchpoints}
    assert on_disk[THEIRS] == "Theirs: IVR status"  # Ben's save is still there

    # Redone, the document holds theirs again: saving writes without a question.
    press_undo(qtbot, window, redo=True)
    assert title_of(window, THEIRS) == "Theirs: IVR status"
    assert window.save()
    assert {t.id: t.title for t in load_blueprint(sample).touchpoints}[THEIRS] == (
        "Theirs: IVR status"
    )


def test_after_a_save_undoing_an_earlier_reload_does_not_call_the_own_save_theirs(
    qtbot, window, sample
):
    """The editor's own save is what the file holds, whatever is undone after it."""
    assert window.open_path(sample)
    asked = answer_next_dialog(qtbot, click_in_dialog("Reload"))
    other_program_saves(sample, retitled(sample, THEIRS, "Theirs: IVR status"))
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    qtbot.waitUntil(lambda: title_of(window, THEIRS) == "Theirs: IVR status", timeout=2000)
    rename(window, MINE, "Mine: asks chat")
    assert window.save()
    press_undo(qtbot, window)  # the rename
    press_undo(qtbot, window)  # the reload
    assert title_of(window, THEIRS) != "Theirs: IVR status"
    assert window.save()  # a question would fail the test: none is asked
    assert {t.id: t.title for t in load_blueprint(sample).touchpoints}[THEIRS] != (
        "Theirs: IVR status"
    )
