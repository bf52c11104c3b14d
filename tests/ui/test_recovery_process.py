"""The real thing: an editor process killed mid-edit, and the next start restoring its work."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from blueprint.storage import load_blueprint
from blueprint.ui import app, recovery_dialog
from blueprint.ui.recovery_dialog import RecoveryChoice
from tests.ui.conftest import BROADBAND
from tests.ui.window_helpers import close_quietly

EDITED_TITLE = "Renamed just before the battery died"

# Start the editor through the command line's entry on a file; once its window shows,
# rename the first touchpoint as the user would (an undoable command), then keep running.
SCRIPT = """
import sys
from blueprint.ui import main_window
from blueprint.ui.commands import EditTouchpoint

shown = main_window.MainWindow.show

def show_then_edit(self):
    shown(self)
    document = self.document
    touchpoint = document.blueprint.touchpoints[0]
    document.push(EditTouchpoint(document, touchpoint.id, "title", sys.argv[2]))

main_window.MainWindow.show = show_then_edit
from blueprint.cli import main
sys.exit(main([sys.argv[1]]))
"""


def wait_for(condition, process, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            _out, err = process.communicate()
            pytest.fail(f"the editor exited ({process.returncode}) early: {err}")
        if time.monotonic() > deadline:
            pytest.fail("no recovery file appeared")
        time.sleep(0.1)


@pytest.fixture
def windows(qtbot):
    opened = []
    yield opened
    for window in opened:
        close_quietly(window)


def test_work_survives_a_killed_editor(tmp_path, data_dir, monkeypatch, windows):
    original = tmp_path / "workshop.blueprint"
    shutil.copyfile(BROADBAND, original)
    recovery = data_dir / "recovery"
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BLUEPRINT_DATA_DIR": str(data_dir)}
    editor = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(original), EDITED_TITLE],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: any(recovery.glob("*.json")), editor)
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.communicate(timeout=30)
    assert editor.returncode == -signal.SIGKILL
    # The file on disk never saw the edit; the recovery file did.
    assert load_blueprint(original).touchpoints[0].title != EDITED_TITLE
    assert sorted(p.suffix for p in recovery.iterdir()) == [".blueprint", ".json", ".lock"]

    # The next start: the editor's start-up, in this process, with the user saying Restore.
    offered = []
    monkeypatch.setattr(
        recovery_dialog,
        "ask_recovery",
        lambda parent, entries: offered.extend(entries) or RecoveryChoice.RESTORE,
    )
    app.open_windows(["blueprint"], windows)
    assert [(e.original, e.display_name) for e in offered] == [(original, original.name)]
    (window,) = windows
    assert window.document.blueprint.touchpoints[0].title == EDITED_TITLE
    assert window.document.path == original and window.isWindowModified()
    assert any(recovery.glob("*.blueprint"))  # until the user saves or discards

    assert window.save()
    assert load_blueprint(original).touchpoints[0].title == EDITED_TITLE
    assert list(recovery.iterdir()) == []


# Edit, and once the autosave has written its recovery file, save and quit as a user would.
SAVE_AND_QUIT = """
import sys
from blueprint.ui import main_window
from blueprint.ui.commands import EditTouchpoint

shown = main_window.MainWindow.show

def show_edit_then_save_and_quit(self):
    shown(self)
    document = self.document
    touchpoint = document.blueprint.touchpoints[0]
    self.autosaver.saved.connect(lambda: self.save() and self.close())
    document.push(EditTouchpoint(document, touchpoint.id, "title", sys.argv[2]))

main_window.MainWindow.show = show_edit_then_save_and_quit
from blueprint.cli import main
sys.exit(main([sys.argv[1]]))
"""


def test_a_normal_quit_with_everything_saved_leaves_nothing_behind(tmp_path, data_dir):
    original = tmp_path / "workshop.blueprint"
    shutil.copyfile(BROADBAND, original)
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BLUEPRINT_DATA_DIR": str(data_dir)}
    result = subprocess.run(
        [sys.executable, "-c", SAVE_AND_QUIT, str(original), EDITED_TITLE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert load_blueprint(original).touchpoints[0].title == EDITED_TITLE
    assert list((data_dir / "recovery").iterdir()) == []
    assert (data_dir / "settings.ini").exists()  # what is meant to stay: window, recent files
