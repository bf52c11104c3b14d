"""The application as a process: it starts on a sample, quits, and exits cleanly."""

import os
import subprocess
import sys

from tests.ui.conftest import BROADBAND

# Start the app through the command line's entry; once its window is shown, close it
# as a user would.
SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from blueprint.ui import main_window

shown = main_window.MainWindow.show

def show_then_close(self):
    shown(self)
    QTimer.singleShot(200, self.close)

main_window.MainWindow.show = show_then_close
from blueprint.cli import main
sys.exit(main([sys.argv[1]]))  # exactly what `blueprint FILE` runs
"""


def test_the_app_opens_a_sample_quits_and_exits_with_zero():
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(BROADBAND)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
