"""An unexpected error in the editor is a dialog and a log entry, never a traceback."""

import os
import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from blueprint.ui import crash
from tests.ui.conftest import BROADBAND


def test_an_error_is_logged_and_explained(monkeypatch, tmp_path):
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    try:
        raise ValueError("the cat sat on the keyboard")
    except ValueError as error:
        crash._hook(ValueError, error, error.__traceback__)
    (text,) = shown
    assert "ValueError: the cat sat on the keyboard" in text
    assert "still open and is autosaved" in text
    log = (tmp_path / crash.LOG_NAME).read_text()
    assert "Traceback" in log and "the cat sat on the keyboard" in log


# A slot that raises, in the real app process: the user must get a dialog, not a trace.
SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from blueprint.ui import main_window

shown = []
QMessageBox.critical = lambda parent, title, text: shown.append(title)
original = main_window.MainWindow.show

def show_then_fail(self):
    original(self)
    def boom():
        raise RuntimeError("a bug in a slot")
    QTimer.singleShot(100, boom)
    QTimer.singleShot(400, lambda: (print("dialogs:", shown), QApplication.quit()))

main_window.MainWindow.show = show_then_fail
from blueprint.cli import main
sys.exit(main([sys.argv[1]]))
"""


def test_a_failing_slot_in_the_running_app_shows_a_dialog(tmp_path):
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "BLUEPRINT_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(BROADBAND)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "dialogs: ['Something went wrong']" in result.stdout, result.stderr
    assert "Traceback" not in result.stderr
    assert "a bug in a slot" in (tmp_path / crash.LOG_NAME).read_text()
