"""Never lose work: autosave to a recovery file, and the offer to restore it at start.

A crash is simulated here by recovery files no running editor holds; the real thing (a
killed app process) is in test_recovery_process.py.
"""

import json
import shutil
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from blueprint.storage import dumps_blueprint, load_blueprint, save_blueprint
from blueprint.ui import app, recovery_dialog
from blueprint.ui.recovery import RecoveryFiles, find_recoverable, write_recovery
from blueprint.ui.recovery_dialog import RecoveryChoice, RecoveryDialog, autosaved_when
from tests.ui.conftest import BROADBAND, snapshot
from tests.ui.window_helpers import close_quietly, rename_first_touchpoint, shown_window

Button = QMessageBox.StandardButton


@pytest.fixture
def sample(tmp_path):
    """A copy of the broadband sample, free to be saved over."""
    path = tmp_path / "broadband.blueprint"
    shutil.copyfile(BROADBAND, path)
    return path


@pytest.fixture
def window(qtbot, sample):
    window = shown_window(qtbot)
    assert window.open_path(sample)
    window.autosaver.timer.setInterval(20)  # "a few seconds" is too long for a test
    yield window
    close_quietly(window)


def recovery_files(data_dir) -> list[str]:
    folder = data_dir / "recovery"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def wait_for_autosave(qtbot, window) -> RecoveryFiles:
    files = window.autosaver.files
    qtbot.waitUntil(lambda: files.info.exists())
    return files


# --- autosave ---------------------------------------------------------------------------


def test_an_edit_is_autosaved_once_editing_pauses(qtbot, window, sample, data_dir):
    assert recovery_files(data_dir) == []
    rename_first_touchpoint(window, "Order online")
    assert window.autosaver.timer.isActive()  # waits for a pause, does not write at once
    files = wait_for_autosave(qtbot, window)
    assert files.blueprint.read_bytes() == snapshot(window.document)
    info = json.loads(files.info.read_text("utf-8"))
    assert info["format"] == "blueprint-recovery"
    assert info["original"] == str(sample)
    saved_at = datetime.fromisoformat(info["saved_at"])
    assert abs(datetime.now(UTC) - saved_at) < timedelta(minutes=1)
    assert window.autosaver.files.id in files.blueprint.name
    assert recovery_files(data_dir) == sorted(
        f"{files.id}{suffix}" for suffix in (".blueprint", ".json", ".lock")
    )


def test_every_edit_restarts_the_wait(qtbot, window):
    timer = window.autosaver.timer
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(60_000)
    rename_first_touchpoint(window, "One")
    qtbot.wait(300)
    before = timer.remainingTime()
    rename_first_touchpoint(window, "Two")
    assert timer.remainingTime() > before + 100


def test_saving_removes_the_recovery_file(qtbot, window, sample, data_dir):
    rename_first_touchpoint(window, "Order online")
    wait_for_autosave(qtbot, window)
    assert window.save()
    assert recovery_files(data_dir) == []
    assert load_blueprint(sample).touchpoints[0].title == "Order online"


def test_undoing_back_to_the_saved_file_removes_the_recovery_file(qtbot, window, data_dir):
    rename_first_touchpoint(window, "Order online")
    wait_for_autosave(qtbot, window)
    window.undo_action.trigger()
    assert recovery_files(data_dir) == []


def test_closing_and_discarding_the_changes_removes_the_recovery_file(
    qtbot, window, monkeypatch, data_dir
):
    rename_first_touchpoint(window, "Order online")
    wait_for_autosave(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Discard)
    assert window.close()
    assert recovery_files(data_dir) == []


def test_cancelling_the_close_keeps_the_recovery_file(qtbot, window, monkeypatch, data_dir):
    rename_first_touchpoint(window, "Order online")
    files = wait_for_autosave(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Cancel)
    assert not window.close()
    assert files.blueprint.exists()


def test_a_failed_autosave_shows_in_the_status_bar_and_editing_goes_on(qtbot, window, data_dir):
    (data_dir / "recovery").write_text("a file where the folder should be")
    rename_first_touchpoint(window, "Order online")
    qtbot.waitUntil(lambda: "Autosave failed" in window.statusBar().currentMessage())
    rename_first_touchpoint(window, "Still editing")
    assert window.document.blueprint.touchpoints[0].title == "Still editing"


def test_the_files_of_a_running_editor_are_not_offered(qtbot, window):
    rename_first_touchpoint(window, "Order online")
    wait_for_autosave(qtbot, window)
    assert find_recoverable() == []


# --- after a crash ----------------------------------------------------------------------


def leave_work_behind(data_dir, blueprint, original) -> RecoveryFiles:
    """What an editor killed mid-edit leaves: recovery files, with no live lock."""
    files = RecoveryFiles(data_dir / "recovery", uuid.uuid4().hex)
    files.folder.mkdir(parents=True, exist_ok=True)
    write_recovery(files, blueprint, original)
    return files


@pytest.fixture
def lost_work(data_dir, sample, broadband):
    broadband.touchpoints[0].title = "Changed before the crash"
    return leave_work_behind(data_dir, broadband, sample)


def answer_recovery(monkeypatch, choice):
    offered = []

    def ask(parent, entries):
        offered.extend(entries)
        return choice

    monkeypatch.setattr(recovery_dialog, "ask_recovery", ask)
    return offered


@pytest.fixture
def windows(qtbot):
    opened = []
    yield opened
    for window in opened:
        close_quietly(window)


def test_restore_opens_the_lost_work_unsaved_and_tied_to_its_file(
    windows, lost_work, sample, monkeypatch, data_dir
):
    offered = answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    app.open_windows(["blueprint"], windows)
    assert [entry.display_name for entry in offered] == ["broadband.blueprint"]
    (window,) = windows
    assert window.document.blueprint.touchpoints[0].title == "Changed before the crash"
    assert window.document.path == sample
    assert window.isWindowModified()
    assert window.windowTitle() == "broadband.blueprint[*] — Blueprint"
    # Kept until the user saves: a second crash now would still not lose it.
    assert lost_work.blueprint.exists()
    assert window.save()
    assert load_blueprint(sample).touchpoints[0].title == "Changed before the crash"
    assert recovery_files(data_dir) == []


def test_restored_work_goes_when_the_user_discards_it(windows, lost_work, monkeypatch, data_dir):
    answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    app.open_windows(["blueprint"], windows)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Discard)
    assert windows[0].close()
    assert recovery_files(data_dir) == []


def test_restored_work_keeps_being_autosaved_to_the_same_file(
    qtbot, windows, lost_work, monkeypatch, data_dir
):
    answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    app.open_windows(["blueprint"], windows)
    window = windows[0]
    window.autosaver.timer.setInterval(20)
    rename_first_touchpoint(window, "Changed after the restore")
    qtbot.waitUntil(
        lambda: (
            load_blueprint(lost_work.blueprint).touchpoints[0].title == "Changed after the restore"
        )
    )
    assert len(recovery_files(data_dir)) == 3


def test_discard_deletes_the_lost_work(windows, lost_work, monkeypatch, data_dir):
    answer_recovery(monkeypatch, RecoveryChoice.DISCARD)
    app.open_windows(["blueprint"], windows)
    assert recovery_files(data_dir) == []
    assert not windows[0].document.is_modified()


def test_decide_later_keeps_the_lost_work_for_the_next_start(
    windows, lost_work, monkeypatch, data_dir
):
    offered = answer_recovery(monkeypatch, RecoveryChoice.LATER)
    app.open_windows(["blueprint"], windows)
    assert len(offered) == 1 and lost_work.blueprint.exists()
    assert not windows[0].document.is_modified()
    # The next start asks again.
    assert [e.files for e in find_recoverable()] == [lost_work]


def test_work_lost_from_a_file_opened_on_the_command_line_opens_in_a_window_of_its_own(
    windows, lost_work, monkeypatch, data_dir
):
    answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    app.open_windows(["blueprint", str(BROADBAND)], windows)
    first, restored = windows
    assert first.document.path == BROADBAND and not first.isWindowModified()
    assert restored.document.blueprint.touchpoints[0].title == "Changed before the crash"
    assert restored.isWindowModified()


def test_work_lost_from_the_file_opened_again_replaces_it_in_its_window(
    qtbot, windows, lost_work, sample, monkeypatch, data_dir
):
    """The file double-clicked again after a crash: the restored work opened in a second
    window beside the saved file, unchanged in the first; saving one, the other blamed
    "another program (or another person)"."""
    answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    app.open_windows(["blueprint", str(sample)], windows)
    (window,) = windows
    assert window.document.path == sample and window.isWindowModified()
    assert window.document.blueprint.touchpoints[0].title == "Changed before the crash"
    assert window.save()
    assert load_blueprint(sample).touchpoints[0].title == "Changed before the crash"
    assert recovery_files(data_dir) == []
    qtbot.wait(300)  # a watcher of the file would speak now
    assert not window.isWindowModified() and QApplication.activeModalWidget() is None


def test_work_lost_from_a_file_saved_since_opens_beside_the_newer_file(
    windows, lost_work, sample, monkeypatch, data_dir
):
    """Saved after the crash (Decide Later, then a save; or a colleague's save): restoring
    put the older autosave over the newer file in its window, and a save overwrote it."""
    import os
    import time

    newer = load_blueprint(sample)
    newer.touchpoints[1].title = "Saved after the crash"
    save_blueprint(newer, sample)
    later = time.time() + 5
    os.utime(sample, (later, later))
    answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    app.open_windows(["blueprint", str(sample)], windows)
    first, restored = windows
    assert first.document.blueprint.touchpoints[1].title == "Saved after the crash"
    assert not first.isWindowModified()
    assert restored.document.blueprint.touchpoints[0].title == "Changed before the crash"


def test_a_window_of_restored_work_closed_last_does_not_size_the_next_start(
    windows, lost_work, monkeypatch, data_dir
):
    """The window of restored work, smaller and set beside the first, closed last: the next
    start opened at its size (1088x612 on a projector), not as the first window was."""
    answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    app.open_windows(["blueprint", str(BROADBAND)], windows)
    first, restored = windows
    first.setGeometry(40, 30, 700, 500)
    restored.setGeometry(80, 70, 420, 300)
    left = first.size()
    assert first.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Discard)
    assert restored.close()
    answer_recovery(monkeypatch, RecoveryChoice.LATER)
    app.open_windows(["blueprint"], windows)
    assert windows[-1].size() == left


def test_several_lost_blueprints_each_get_a_window(windows, monkeypatch, data_dir, small):
    leave_work_behind(data_dir, small.blueprint, None)
    leave_work_behind(data_dir, load_blueprint(BROADBAND), BROADBAND)
    offered = answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    app.open_windows(["blueprint"], windows)
    assert len(offered) == 2 and len(windows) == 2
    titles = sorted(w.windowTitle() for w in windows)
    assert titles == ["Untitled[*] — Blueprint", "broadband-installation.blueprint[*] — Blueprint"]
    assert all(w.isWindowModified() for w in windows)


def test_nothing_is_asked_when_nothing_was_lost(windows, monkeypatch):
    answer_recovery(monkeypatch, None)
    monkeypatch.setattr(recovery_dialog, "ask_recovery", pytest.fail)
    app.open_windows(["blueprint"], windows)
    assert len(windows) == 1


def test_a_damaged_recovery_file_is_explained_and_kept(windows, monkeypatch, data_dir):
    files = leave_work_behind(data_dir, load_blueprint(BROADBAND), BROADBAND)
    files.blueprint.write_bytes(dumps_blueprint(load_blueprint(BROADBAND))[:100])
    answer_recovery(monkeypatch, RecoveryChoice.RESTORE)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(title))
    app.open_windows(["blueprint"], windows)
    assert shown == ["Cannot restore the unsaved work"]
    assert files.blueprint.exists()
    assert not windows[0].document.is_modified()


def test_recovery_files_without_their_description_are_still_offered(data_dir, broadband):
    files = leave_work_behind(data_dir, broadband, None)
    files.info.unlink()
    (entry,) = find_recoverable()
    assert entry.display_name == "Untitled" and entry.load() == broadband
    entry.release()


# --- the dialog -------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, lost_work, data_dir, small):
    leave_work_behind(data_dir, small.blueprint, None)
    entries = find_recoverable()
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    for entry in entries:
        entry.release()


def rows(dialog) -> list[list[str]]:
    table = dialog.entries_list
    return [
        [table.topLevelItem(r).text(c) for c in range(table.columnCount())]
        for r in range(table.topLevelItemCount())
    ]


def test_the_dialog_lists_each_blueprint_with_its_file_and_time(dialog, sample):
    (saved, untitled) = sorted(rows(dialog), key=lambda row: row[0].lower())
    assert saved[0] == "broadband.blueprint" and saved[3] == str(sample.parent)
    assert saved[1] == "Broadband order and installation"
    assert untitled[:2] == ["Untitled", "Small"] and untitled[3] == "(never saved)"
    assert all(row[2].startswith("today ") for row in (saved, untitled))
    assert dialog.restore_button.isDefault()


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        ("restore_button", RecoveryChoice.RESTORE),
        ("discard_button", RecoveryChoice.DISCARD),
        ("later_button", RecoveryChoice.LATER),
    ],
)
def test_each_button_gives_its_answer(dialog, button, choice):
    getattr(dialog, button).click()
    assert dialog.choice is choice
    assert not dialog.isVisible()


def test_escape_decides_later(qtbot, dialog):
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is RecoveryChoice.LATER
    assert not dialog.isVisible()


def test_times_read_as_today_yesterday_or_a_date():
    now = datetime(2025, 3, 10, 15, 0).astimezone()
    assert autosaved_when(now.replace(hour=9, minute=5), now) == "today 09:05"
    assert autosaved_when(now - timedelta(days=1), now) == "yesterday 15:00"
    assert autosaved_when(now - timedelta(days=9), now) == "2025-03-01 15:00"
