"""Smoke-test a built app: ``uv run python -m tools.smoke_app [BUNDLE]``.

Runs the built executable (of ``dist/blueprint`` by default, or of a macOS
``dist/Blueprint.app``), never the source tree: from a
scratch folder, with a data folder of its own and no PYTHONPATH. It checks that

- ``blueprint --version`` answers with the version;
- ``blueprint plan SAMPLE -o plan.pdf`` writes a PDF (the bundled fonts are found);
- ``blueprint plan SAMPLE -o plan.pptx`` writes a PowerPoint deck (python-pptx's template is in);
- the editor opens a sample offscreen, draws it, and quits with 0 (through
  ``BLUEPRINT_QUIT_AFTER_FIRST_PAINT``); and so does the start page, without a file;
- a broken file is refused with exit code 1 and one clear line, no traceback;
- the bundle carries the samples the start page offers;
- on Linux, with the archive built: its install.sh puts the app, the command, the menu entry,
  the icons and the file type in place for a user, and its uninstall.sh takes them away.

One line per check; the first failure stops it with exit code 1.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .build_app import DIST
from .linux_package import archive_name

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "broadband-installation.blueprint"
PAINTED = "blueprint: first paint done"  # blueprint/ui/first_paint.py
TIMEOUT_S = 180


Result = subprocess.CompletedProcess


class SmokeFailure(Exception):
    pass


def executable(bundle: Path) -> Path:
    """The program in a one-folder bundle, or in a macOS app (``Blueprint.app``)."""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "blueprint"
    return bundle / ("blueprint.exe" if sys.platform == "win32" else "blueprint")


def run(program: Path, args: Sequence[str], scratch: Path, **env: str) -> Result:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environment |= {
        "BLUEPRINT_DATA_DIR": str(scratch / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        **env,
    }
    return subprocess.run(
        [str(program), *args],
        cwd=scratch,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def expect(condition: bool, what: str, result: Result | None = None) -> None:
    if not condition:
        detail = ""
        if result is not None:
            detail = f"\n  exit code {result.returncode}\n  stderr: {result.stderr.strip()}"
        raise SmokeFailure(f"{what}{detail}")
    print(f"ok: {what}")


def check_bundle(bundle: Path, scratch: Path) -> None:
    from blueprint import __version__

    program = executable(bundle)
    expect(program.is_file(), f"the executable {program} is built")
    result = run(program, ["--version"], scratch)
    expect(result.stdout.strip() == f"blueprint {__version__}", "--version", result)

    pdf = scratch / "plan.pdf"
    result = run(program, ["plan", str(SAMPLE), "-o", str(pdf)], scratch)
    made = result.returncode == 0 and pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    expect(made, "plans a sample to PDF", result)
    accelerator = [p.name for p in bundle.rglob("_rl_accel*")]
    expect(bool(accelerator), f"carries reportlab's C accelerator ({', '.join(accelerator)})")

    expect(_serves_a_room(program, scratch), "serves a live room and refuses a wrong token")

    deck = scratch / "plan.pptx"
    result = run(program, ["plan", str(SAMPLE), "-o", str(deck)], scratch)
    # A .pptx is a zip whose first part is its content types (python-pptx's template found).
    made = result.returncode == 0 and deck.is_file() and deck.read_bytes().startswith(b"PK")
    expect(made and "slides" in result.stdout, "plans a sample to a PowerPoint deck", result)

    editor_runs = (([str(SAMPLE)], "opens the editor on a sample"), ([], "opens the start page"))
    for args, what in editor_runs:
        result = run(program, args, scratch, BLUEPRINT_QUIT_AFTER_FIRST_PAINT="1")
        painted = result.returncode == 0 and PAINTED in result.stderr
        expect(painted, f"{what} offscreen, draws it and quits with 0", result)

    broken = scratch / "broken.blueprint"
    broken.write_text('{"format": "blueprint", "schema_version": 1, "title": "Cut', "utf-8")
    result = run(program, ["plan", str(broken), "-o", str(scratch / "x.pdf")], scratch)
    lines = result.stderr.strip().splitlines()
    one_line = len(lines) == 1 and lines[0].startswith(str(broken))
    one_line = one_line and "Traceback" not in result.stderr
    expect(result.returncode == 1 and one_line, "refuses a broken file in one line", result)

    shipped = sorted(p.name for p in bundle.rglob("samples/*.blueprint"))
    samples = sorted(p.name for p in SAMPLE.parent.glob("*.blueprint"))
    expect(shipped == samples, "carries the samples")


def _serves_a_room(program: Path, scratch: Path) -> bool:
    """``blueprint serve`` from the bundle (pycrdt is a compiled extension): a client with
    the token gets the room's first sync message, one without it is refused."""
    import asyncio
    import re

    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidStatus

    from blueprint.collab.protocol import room_url

    token = scratch / "token"
    token.write_text("smoke-test-token\n", "utf-8")
    server = subprocess.Popen(
        [
            str(program),
            "serve",
            "--port",
            "0",
            "--store",
            str(scratch / "live"),
            "--token-file",
            str(token),
        ],
        cwd=scratch,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )

    async def talk(port: str) -> bool:
        server = f"ws://127.0.0.1:{port}"
        try:
            async with connect(room_url(server, "smoke", "wrong"), proxy=None):
                return False
        except InvalidStatus as error:
            if error.response.status_code != 401:
                return False
        async with connect(room_url(server, "smoke", "smoke-test-token"), proxy=None) as websocket:
            first = await asyncio.wait_for(websocket.recv(), TIMEOUT_S)
        return isinstance(first, bytes) and first[:1] == b"\x00"

    try:
        match = re.search(r"127\.0\.0\.1:(\d+)/", server.stdout.readline())
        return bool(match) and asyncio.run(talk(match.group(1)))
    finally:
        server.terminate()
        server.wait(TIMEOUT_S)
        server.stdout.close()


def check_linux_install(archive: Path, scratch: Path) -> None:
    home = scratch / "home"
    home.mkdir()
    with tarfile.open(archive) as packed:
        packed.extractall(scratch, filter="tar")
    unpacked = scratch / archive.name.removesuffix(".tar.gz")
    env = {"HOME": str(home), "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": ""}
    result = run(Path("sh"), [str(unpacked / "install.sh")], scratch, **_without_xdg(env))
    expect(result.returncode == 0, "install.sh installs for the current user", result)
    data = home / ".local" / "share"
    desktop = (data / "applications" / "blueprint.desktop").read_text("utf-8")
    installed = home / ".local" / "opt" / "blueprint" / "blueprint"
    # The program's path, quoted only where it must be (xdg-open reads quotes as part of it).
    exec_line = next(line for line in desktop.splitlines() if line.startswith("Exec="))
    runs = shlex.split(exec_line.removeprefix("Exec="))
    expect(runs == [str(installed), "%f"], "the menu entry runs the installed app")
    if " " not in str(installed):
        expect(f"Exec={installed} %f" in desktop, "the menu entry's path is not quoted")
    expect((data / "mime" / "packages" / "blueprint.xml").is_file(), "the .blueprint file type")
    expect((data / "icons/hicolor/256x256/apps/blueprint.png").is_file(), "the icon")
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text("utf-8")
        expect("application/x-blueprint:*.blueprint" in globs, "the file type is known by name")
    if shutil.which("xdg-mime"):
        chosen = (home / ".config" / "mimeapps.list").read_text("utf-8")
        expect("application/x-blueprint=blueprint.desktop" in chosen, "Blueprint opens the type")
    if shutil.which("desktop-file-validate"):
        entry = data / "applications" / "blueprint.desktop"
        result = run(Path("desktop-file-validate"), [str(entry)], scratch)
        expect(result.returncode == 0, "the menu entry is a valid desktop entry", result)
    result = run(home / ".local" / "bin" / "blueprint", ["--version"], scratch)
    expect(result.returncode == 0, "the installed command runs", result)
    result = run(Path("sh"), [str(unpacked / "install.sh")], scratch, **_without_xdg(env))
    expect(result.returncode == 0, "install.sh again updates it", result)
    result = run(home / ".local" / "bin" / "blueprint", ["--version"], scratch)
    expect(result.returncode == 0, "the updated command runs", result)
    shutil.rmtree(unpacked)  # the download, cleaned up: the installed uninstall.sh remains
    kept = installed.parent / "uninstall.sh"
    result = run(Path("sh"), [str(kept)], scratch, **_without_xdg(env))
    left = [p for p in home.rglob("*") if "blueprint" in p.name.casefold()]
    expect(result.returncode == 0 and not left, "uninstall.sh takes it all away", result)


def _without_xdg(env: dict[str, str]) -> dict[str, str]:
    # Empty XDG variables stand for unset: the scripts fall back to the home folder.
    return {k: v for k, v in env.items() if v}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.smoke_app", description=__doc__)
    parser.add_argument("bundle", nargs="?", type=Path, default=DIST / "blueprint")
    args = parser.parse_args(argv)
    from blueprint import __version__

    archive = DIST / f"{archive_name(__version__)}.tar.gz"
    try:
        with tempfile.TemporaryDirectory(prefix="blueprint-smoke-") as name:
            check_bundle(args.bundle.resolve(), Path(name))
        if sys.platform.startswith("linux") and archive.is_file():
            with tempfile.TemporaryDirectory(prefix="blueprint-install-") as name:
                check_linux_install(archive, Path(name))
    except (SmokeFailure, OSError, subprocess.SubprocessError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    print("The app bundle passed its smoke test.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
