"""Nothing below the ui package loads Qt (the import-linter contracts check the imports)."""

import subprocess
import sys

from tests.conftest import SAMPLES

HEADLESS_PACKAGES = [
    "blueprint.model",
    "blueprint.analysis",
    "blueprint.storage",
    "blueprint.report",
    "blueprint.collab.server",
    "blueprint.collab.session",
    "blueprint.cli",
]


def test_headless_layers_never_load_qt():
    code = (
        f"import sys, importlib\n"
        f"for name in {HEADLESS_PACKAGES!r}: importlib.import_module(name)\n"
        "from blueprint.cli import main\n"
        f"main(['validate', '-q', {str(SAMPLES[0])!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
