"""The desktop app as users get it: the built bundle against ``uv run blueprint``.

- **bundle size**: ``dist/blueprint`` on disk (whole blocks), its file count, and the Linux
  archive, as ``python -m tools.build_app`` left them. The group measures the bundle there
  and does not build it: without one, its rows say so.
- **start to first paint**: a fresh process, from just before it is started to the line
  ``blueprint: first paint done`` on its standard error, which the app writes once its window
  has been drawn (``BLUEPRINT_QUIT_AFTER_FIRST_PAINT``; it then closes the window and exits).
  Offscreen, with a data folder of its own each time (no recent files, no recovery prompt).
  For the start page (no file) and for a sample (the broadband blueprint, fitted to the
  window), each started by the bundle's ``blueprint`` and by ``uv run blueprint``:
  - *warm*: a start right after another one, every file read already in memory; the median of
    ``WARM_RUNS`` after one uncounted start;
  - *cold*: as after a reboot: before each of ``COLD_RUNS`` starts, every file of the program
    is dropped from the page cache (``posix_fadvise(DONTNEED)``): the bundle's folder; for
    ``uv run``, uv, the virtual environment, the Python installation and the compiled
    modules; for both, the system's fonts. System libraries are left cached.

- **build the start page**: in the runner, ``install_start_page`` on a new main window (its
  buttons, the recent files read from the settings, the examples listed): what the page adds
  to a start without a file, before the first paint.

``uv run`` keeps compiled modules between runs, as on a developer's machine (this machine
sets PYTHONDONTWRITEBYTECODE, which would make every start compile the sources again); the
bundle carries its modules compiled. The launchers take turns within each repeat, so a burst
of other work on the machine hits both alike.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .common import Config, Row, Timing, timing_row

GROUP = "app"
ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "blueprint"
SAMPLE = ROOT / "samples" / "broadband-installation.blueprint"
PAINTED = "blueprint: first paint done"  # blueprint/ui/first_paint.py
WARM_RUNS = 5
COLD_RUNS = 3
FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/var/cache/fontconfig"))
_MIB = 2**20


def _program() -> Path:
    return BUNDLE / ("blueprint.exe" if sys.platform == "win32" else "blueprint")


def _size_rows() -> list[Row]:
    from tools.build_app import bundle_size

    size = bundle_size(BUNDLE)
    archives = sorted(DIST.glob("blueprint-*.tar.gz"))
    rows = [
        Row(
            GROUP,
            "bundle on disk",
            size["on_disk"] / _MIB,
            "MiB",
            note=f"dist/blueprint: {size['files']} files, {size['bytes'] / _MIB:.1f} MiB of "
            "data (one folder: the executable, Python, Qt and the libraries)",
        )
    ]
    if archives:
        rows.append(
            Row(
                GROUP,
                "Linux archive",
                archives[-1].stat().st_size / _MIB,
                "MiB",
                note=archives[-1].name,
            )
        )
    return rows


# --- starting a program and waiting for its first paint -------------------------------------


class Launcher:
    """How one way of running the app is started, and which files it reads."""

    def __init__(self, name: str, command: list[str], trees: Iterable[Path], env: dict) -> None:
        self.name, self.command, self.trees, self.env = name, command, list(trees), env

    def first_paint(self, args: list[str]) -> float | None:
        """Seconds from the start of the process to its first paint; None if it failed."""
        with tempfile.TemporaryDirectory(prefix="blueprint-bench-app-") as data:
            env = (
                os.environ
                | self.env
                | {
                    "QT_QPA_PLATFORM": "offscreen",
                    "BLUEPRINT_DATA_DIR": data,
                    "BLUEPRINT_QUIT_AFTER_FIRST_PAINT": "1",
                }
            )
            start = time.perf_counter()
            process = subprocess.Popen(
                [*self.command, *args],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            painted = None
            for line in process.stderr:  # type: ignore[union-attr]
                if line.strip() == PAINTED:
                    painted = time.perf_counter() - start
                    break
            process.communicate(timeout=120)
            return painted if process.returncode == 0 else None

    def forget(self) -> None:
        """Drop every file of the program from the page cache, as a reboot does."""
        for tree in [*self.trees, *FONT_FOLDERS]:
            _evict(tree)


def _evict(tree: Path) -> None:
    paths = [tree] if tree.is_file() else (p for p in tree.rglob("*") if p.is_file())
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def _launchers(bytecode: Path) -> list[Launcher]:
    uv = shutil.which("uv") or "uv"
    venv = ROOT / ".venv"
    interpreter = Path(sys.base_prefix)
    source_env = {"PYTHONPYCACHEPREFIX": str(bytecode), "PYTHONDONTWRITEBYTECODE": ""}
    return [
        Launcher("bundle", [str(_program())], [BUNDLE], {}),
        Launcher(
            "uv run",
            [uv, "run", "--locked", "blueprint"],
            [Path(uv), venv, interpreter, bytecode],
            source_env,
        ),
    ]


def _first_paint_rows() -> list[Row]:
    rows: list[Row] = []
    scenes = {"start page": [], "a sample": [str(SAMPLE)]}
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-bytecode-") as bytecode:
        launchers = _launchers(Path(bytecode))
        for scene, args in scenes.items():
            warm = _take_turns(launchers, args, WARM_RUNS, before=None, uncounted=1)
            cold = _take_turns(launchers, args, COLD_RUNS, before=Launcher.forget)
            for launcher in launchers:
                for kind, found in (("warm", warm), ("cold", cold)):
                    rows.append(_paint_row(launcher.name, scene, kind, found[launcher.name]))
    return rows


def _take_turns(
    launchers: list[Launcher],
    args: list[str],
    runs: int,
    before: Callable[[Launcher], None] | None,
    uncounted: int = 0,
) -> dict[str, list[float | None]]:
    found: dict[str, list[float | None]] = {launcher.name: [] for launcher in launchers}
    for run in range(uncounted + runs):
        for launcher in launchers:
            if before is not None:
                before(launcher)
            seconds = launcher.first_paint(args)
            if run >= uncounted:
                found[launcher.name].append(seconds)
    return found


def _paint_row(launcher: str, scene: str, kind: str, times: list[float | None]) -> Row:
    name = f"first paint, {scene}, {kind}: {launcher}"
    done = [t for t in times if t is not None]
    if not done:
        return Row(GROUP, name, float("nan"), "s", note="the program failed to start")
    command = "dist/blueprint/blueprint" if launcher == "bundle" else "uv run blueprint"
    file = f" {SAMPLE.name}" if scene == "a sample" else ""
    return timing_row(
        GROUP, name, Timing.of(done), note=f"`{command}{file}`; {len(done)} of {len(times)} runs"
    )


def _start_page_rows(repeats: int) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from blueprint.ui.document import Document
    from blueprint.ui.main_window import MainWindow
    from blueprint.ui.start_page import install_start_page

    owns_app = QApplication.instance() is None
    app = QApplication.instance() or QApplication(["benchmark"])
    windows = []

    def build() -> None:
        window = MainWindow(Document())
        windows.append(window)
        start = time.perf_counter()
        install_start_page(window)
        times.append(time.perf_counter() - start)

    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-app-") as data:
        os.environ["BLUEPRINT_DATA_DIR"] = data
        try:
            for _ in range(repeats + 1):
                build()
        finally:
            del os.environ["BLUEPRINT_DATA_DIR"]
            for window in windows:
                window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            if owns_app:
                app.shutdown()
    return [
        timing_row(
            GROUP,
            "build the start page",
            Timing.of(times[1:]),
            note="install_start_page on a new main window: what a start without a file adds "
            "before its first paint",
        )
    ]


def run(config: Config) -> list[Row]:
    rows = _start_page_rows(config.repeats)
    if not _program().is_file():
        missing = "no bundle in dist/: build it first with `uv run python -m tools.build_app`"
        return [*rows, Row(GROUP, "bundle", float("nan"), "MiB", note=missing)]
    sizes = _size_rows()
    recorded = DIST / "bundle-size.json"
    if recorded.is_file():
        sizes[0].note += f"; built for {json.loads(recorded.read_text())['platform']}"
    return sizes + _first_paint_rows() + rows
