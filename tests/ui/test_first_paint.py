"""BLUEPRINT_QUIT_AFTER_FIRST_PAINT, which the app bundle's smoke test and the start-up
benchmark use: the real app starts, draws its window once and quits on its own, with 0."""

import os
import subprocess
import sys

import pytest

from blueprint.ui.first_paint import PAINTED, QUIT_AFTER_FIRST_PAINT
from tests.ui.conftest import BROADBAND


@pytest.mark.parametrize("args", [[], [str(BROADBAND)]], ids=["start page", "a sample"])
def test_the_app_quits_by_itself_after_its_first_paint(tmp_path, args):
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "BLUEPRINT_DATA_DIR": str(tmp_path),
        QUIT_AFTER_FIRST_PAINT: "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "blueprint", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert PAINTED in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
