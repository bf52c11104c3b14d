"""Shared files in the editor, as a person meets them: the message that someone else has the
file open (and who), the prompt when another program changes the open file on disk (also
by writing a new file and renaming it over the old), and the question before saving over
changes made on disk. Every message box is answered by clicking its buttons."""

import os
import shutil
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QFileDialog

from blueprint.storage import dumps_blueprint, load_blueprint
from blueprint.storage.locks import Lock, lock_path, read_lock, write_lock
from blueprint.ui.preferences import set_author_name
from blueprint.ui.sharing import file_lock
from blueprint.ui.sharing.disk_watch import SETTLE_MS
from tests.ui.conftest import BROADBAND
from tests.ui.editing_helpers import status
from tests.ui.talk_helpers import (
    answer_next_dialog,
    click_in_dialog,
    message_text,
    questions_asked,  # noqa: F401 (a fixture)
)
from tests.ui.window_helpers import close_quietly, rename_first_touchpoint, shown_window

pytestmark = pytest.mark.usefixtures("questions_asked")


@pytest.fixture
def sample(tmp_path):
    """A copy of the broadband sample, free to be changed by 'another program'."""
    path = tmp_path / "broadband.blueprint"
    shutil.copyfile(BROADBAND, path)
    return path


@pytest.fixture
def window(qtbot):
    set_author_name("Ana")
    window = shown_window(qtbot)
    yield window
    close_quietly(window)


def someone_elses_lock(path, user="Ben", machine="BEN-PC") -> Lock:
    moment = datetime.now(UTC).isoformat(timespec="seconds")
    lock = Lock(user, machine, 4242, moment, moment)
    write_lock(path, lock)
    return lock


def open_from_the_menu(window, monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.open_file()


def change_on_disk(path, title: str, replace: bool = True) -> None:
    """Another program saves the file: a new file renamed over it (as most do), or written
    in place."""
    bp = load_blueprint(path)
    bp.title = title
    data = dumps_blueprint(bp)
    if replace:
        temporary = path.with_name(path.name + ".other.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    else:
        path.write_bytes(data)


# --- the lock ------------------------------------------------------------------------------


def test_opening_a_file_someone_has_open_says_who_and_cancel_leaves_it(
    qtbot, window, monkeypatch, sample
):
    theirs = someone_elses_lock(sample)
    before = dumps_blueprint(window.document.blueprint)
    said = []
    answer_next_dialog(
        qtbot, lambda box: (said.append(message_text(box)), click_in_dialog("Cancel")(box))
    )
    open_from_the_menu(window, monkeypatch, sample)
    assert "broadband.blueprint is open in Blueprint by Ben on BEN-PC since" in said[0]
    assert "merge" in said[0]
    assert window.document.path is None
    assert dumps_blueprint(window.document.blueprint) == before
    assert read_lock(sample) == theirs


def test_open_anyway_opens_it_and_leaves_their_lock(qtbot, window, monkeypatch, sample):
    theirs = someone_elses_lock(sample)
    answer_next_dialog(qtbot, click_in_dialog("Open Anyway"))
    open_from_the_menu(window, monkeypatch, sample)
    assert window.document.path == sample
    assert read_lock(sample) == theirs  # their editor still holds it
    assert status(window) == "Ben also has broadband.blueprint open, on BEN-PC."


def test_when_the_other_editor_closes_the_file_this_one_takes_the_lock(
    qtbot, window, monkeypatch, sample
):
    """Ana opened the file Ben had open. When Ben closes it, Ana's editor holds the lock, so
    that Carla, opening it next, is told that Ana has it open (she was told nothing)."""
    monkeypatch.setattr(file_lock, "WATCH_EVERY_MS", 50)
    someone_elses_lock(sample)
    answer_next_dialog(qtbot, click_in_dialog("Open Anyway"))
    open_from_the_menu(window, monkeypatch, sample)
    qtbot.wait(200)
    assert read_lock(sample).user == "Ben"  # his editor still has it
    lock_path(sample).unlink()  # Ben closes the file
    qtbot.waitUntil(lambda: read_lock(sample) is not None)
    assert read_lock(sample).user == "Ana" and read_lock(sample).is_mine()
    assert status(window) == (
        "Ben has closed broadband.blueprint: whoever opens it now is told you have it open."
    )
    close_quietly(window)
    assert not lock_path(sample).exists()


def test_an_open_file_is_locked_in_the_users_name_and_let_go_when_closed(qtbot, sample):
    set_author_name("Ana López")
    window = shown_window(qtbot)
    assert window.open_path(sample)
    lock = read_lock(sample)
    assert lock.user == "Ana López" and lock.is_mine()
    other = sample.with_name("other.blueprint")
    shutil.copyfile(sample, other)
    assert window.open_path(other)
    assert not lock_path(sample).exists()  # let go of the first file
    assert read_lock(other).is_mine()
    close_quietly(window)
    assert not lock_path(other).exists()


def test_a_second_editor_is_told_who_has_the_file_open(qtbot, monkeypatch, sample):
    """Two editors, as two processes would be: the second sees the first's lock."""
    set_author_name("Ana")
    first = shown_window(qtbot)
    assert first.open_path(sample)
    lock = read_lock(sample)
    # The second editor runs elsewhere: the lock it finds is not its own process's.
    write_lock(sample, Lock(lock.user, "ANA-LAPTOP", lock.pid, lock.since, lock.refreshed))
    second = shown_window(qtbot)
    try:
        said = []
        answer_next_dialog(
            qtbot, lambda box: (said.append(message_text(box)), click_in_dialog("Cancel")(box))
        )
        assert not second.open_path(sample)
        assert said[0].startswith("broadband.blueprint is open in Blueprint by Ana on ANA-LAPTOP")
    finally:
        close_quietly(second)
        close_quietly(first)


def test_a_file_you_have_open_in_another_window_is_said_so(qtbot, window, monkeypatch, sample):
    """Double-clicked twice, it said the file was open "by root on this computer": the
    user, in the third person."""
    from blueprint.storage.locks import this_machine
    from blueprint.ui.preferences import set_author_name

    set_author_name("Ana")
    moment = datetime.now(UTC).isoformat(timespec="seconds")
    # Another window's: a live process of this machine, not this one.
    write_lock(sample, Lock("Ana", this_machine(), os.getppid(), moment, moment))
    said = []
    answer_next_dialog(
        qtbot, lambda box: (said.append(message_text(box)), click_in_dialog("Cancel")(box))
    )
    open_from_the_menu(window, monkeypatch, sample)
    assert said[0].startswith(
        "broadband.blueprint is already open in another Blueprint window here since"
    )
    assert "by Ana" not in said[0]


def test_a_lock_left_by_a_crashed_editor_is_cleared_without_asking(qtbot, window, sample):
    moment = datetime.now(UTC).isoformat(timespec="seconds")
    from blueprint.storage.locks import this_machine

    write_lock(sample, Lock("Ana", this_machine(), 2**22 + 12345, moment, moment))
    assert window.open_path(sample)  # a question would fail the test: none is asked
    assert status(window).startswith("Cleared a lock Ana left on broadband.blueprint:")
    assert read_lock(sample).is_mine()


# --- changed on disk -----------------------------------------------------------------------


def test_a_change_on_disk_is_noticed_and_reload_shows_it_undoably(qtbot, window, sample):
    assert window.open_path(sample)
    said, offered = [], []
    asked = answer_next_dialog(
        qtbot,
        lambda box: (
            said.append(message_text(box)),
            offered.extend(b.text() for b in box.buttons()),
            click_in_dialog("Reload")(box),
        ),
    )
    change_on_disk(sample, "Renamed by Ben")
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    # Nothing unsaved: two choices, as the message says (Merge Theirs In was a third,
    # unexplained, that did what Reload does).
    assert sorted(offered) == ["&Ignore", "&Reload"]
    assert "broadband.blueprint was changed on disk by another program" in said[0]
    qtbot.waitUntil(lambda: window.document.blueprint.title == "Renamed by Ben", timeout=2000)
    assert not window.document.is_modified()  # it is what the file holds
    assert window.statusBar().currentMessage().startswith("Reloaded broadband.blueprint")
    window.undo_action.trigger()  # Undo brings back what the editor had
    assert window.document.blueprint.title != "Renamed by Ben"


def test_the_watch_survives_a_save_that_renames_a_new_file_over_the_old(qtbot, window, sample):
    assert window.open_path(sample)
    for title in ("First change", "Second change"):
        asked = answer_next_dialog(qtbot, click_in_dialog("Reload"))
        change_on_disk(sample, title, replace=True)
        qtbot.waitUntil(lambda a=asked: bool(a), timeout=5000)
        qtbot.waitUntil(lambda t=title: window.document.blueprint.title == t, timeout=2000)


def test_a_change_written_in_place_is_noticed_too(qtbot, window, sample):
    assert window.open_path(sample)
    asked = answer_next_dialog(qtbot, click_in_dialog("Reload"))
    change_on_disk(sample, "Written in place", replace=False)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    qtbot.waitUntil(lambda: window.document.blueprint.title == "Written in place", timeout=2000)


def test_the_editors_own_save_asks_nothing(qtbot, window, sample):
    assert window.open_path(sample)
    rename_first_touchpoint(window, "Ordered online")
    assert window.save()
    qtbot.wait(SETTLE_MS * 3)  # a question would fail the test: none is asked
    assert not window.document.is_modified()


def test_ignored_changes_are_never_saved_over_silently(qtbot, window, sample):
    assert window.open_path(sample)
    rename_first_touchpoint(window, "My edit")
    asked = answer_next_dialog(qtbot, click_in_dialog("Ignore"))
    change_on_disk(sample, "Their title")
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "Saving will ask first" in status(window)
    assert window.document.blueprint.title != "Their title"

    said = []
    answer_next_dialog(
        qtbot, lambda box: (said.append(message_text(box)), click_in_dialog("Cancel")(box))
    )
    assert not window.save()
    assert "was changed on disk since you opened or last saved it" in said[0]
    assert load_blueprint(sample).title == "Their title"  # untouched

    answer_next_dialog(qtbot, click_in_dialog("Replace Their Changes"))
    assert window.save()
    saved = load_blueprint(sample)
    assert saved.title != "Their title"
    assert saved.touchpoints[0].title == "My edit"
    assert not window.document.is_modified()


def test_a_changed_file_that_cannot_be_read_is_explained_and_nothing_is_lost(
    qtbot, window, sample, monkeypatch
):
    assert window.open_path(sample)
    rename_first_touchpoint(window, "My edit")
    errors = []
    monkeypatch.setattr(
        window, "show_error", lambda title, message: errors.append((title, message))
    )
    sample.write_text('{"format": "blueprint", "schema_version": 4, "stages": [')
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0][0] == "Cannot read the changed file"
    assert "nothing of it was taken" in errors[0][1]
    assert window.document.blueprint.touchpoints[0].title == "My edit"


#: A second start of the app on a file, as a double-click in the file manager runs it. It
#: must end by itself, with no window of its own and no question asked.
SECOND_START = """
import sys
from blueprint.ui import main_window
from blueprint.ui.sharing import questions

def shown(self):
    print("a second window was shown", flush=True)
    sys.exit(3)

def asked(box):
    print("asked:", box.text(), flush=True)
    sys.exit(4)

main_window.MainWindow.show = shown
questions.exec_box = asked
from blueprint.cli import main
sys.exit(main([sys.argv[1]]))
"""


def test_a_file_opened_again_brings_its_window_to_the_front_not_a_second_one(qtbot, sample):
    """Double-clicked while open, it started a second window (after asking whether to open
    it twice): the window that has it comes to the front, and the second start ends."""
    import subprocess
    import sys

    from blueprint.ui.app import window_of
    from blueprint.ui.sharing.owner_window import OwnerCalls

    window = shown_window(qtbot)
    calls = OwnerCalls(window, window_of)
    second = None
    try:
        assert window.open_path(sample) and calls.listening
        window.showMinimized()
        with qtbot.waitSignal(calls.shown, timeout=60_000) as shown:
            second = subprocess.Popen(
                [sys.executable, "-c", SECOND_START, str(sample)],
                env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        out, err = second.communicate()
        assert second.returncode == 0, out + err
        assert shown.args == [window] and not window.isMinimized()
    finally:
        if second is not None and second.poll() is None:
            second.kill()
        calls.close()
        close_quietly(window)
