"""Build the desktop app: ``uv run python -m tools.build_app``.

Makes ``dist/blueprint/`` with PyInstaller in its one-folder mode (the ``blueprint``
executable beside an ``_internal`` folder with Python, Qt and the libraries), from the
environment uv set up from ``uv.lock``; on macOS also ``dist/Blueprint.app``. On Linux it
then packs the archive ``dist/blueprint-VERSION-linux-MACHINE.tar.gz`` (see
tools/linux_package.py). What the bundle weighs is printed and written to
``dist/bundle-size.json``. ``python -m tools.smoke_app`` then checks the result.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tools" / "blueprint.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE_NAME = "blueprint"
SIZE_FILE = "bundle-size.json"
_MIB = 2**20


def bundle_size(folder: Path) -> dict[str, int]:
    """Bytes of the files, bytes they take on disk (whole blocks), and how many files."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    stats = [p.stat() for p in files]
    on_disk = sum(getattr(s, "st_blocks", 0) * 512 or s.st_size for s in stats)
    return {"bytes": sum(s.st_size for s in stats), "on_disk": on_disk, "files": len(files)}


def build(dist: Path = DIST, work: Path = WORK) -> Path:
    """Run PyInstaller on the spec, from nothing left by an earlier build."""
    import PyInstaller.__main__

    for old in (dist / BUNDLE_NAME, dist / "Blueprint.app", work):
        shutil.rmtree(old, ignore_errors=True)
    # The spec and its hooks import tools.bundle_contents.
    sys.path.insert(0, str(ROOT))
    PyInstaller.__main__.run(
        [
            str(SPEC),
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
        ]
    )
    return dist / BUNDLE_NAME


def strip_libraries(folder: Path) -> int:
    """Strip debug symbols from the bundle's ELF files (as PyInstaller's ``strip`` does,
    ``strip -S``), except the libraries wheels vendor in ``*.libs`` folders; returns how
    many files were stripped."""
    stripped = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink() or _vendored(path, folder):
            continue
        with path.open("rb") as file:
            if file.read(4) != b"\x7fELF":
                continue
        subprocess.run(["strip", "-S", str(path)], check=True)
        stripped += 1
    return stripped


def _vendored(path: Path, folder: Path) -> bool:
    return any(part.endswith(".libs") for part in path.relative_to(folder).parts[:-1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.build_app", description=__doc__)
    parser.add_argument("--no-archive", action="store_true", help="skip the Linux archive")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build()
    if sys.platform.startswith("linux"):
        print(f"Stripped debug symbols from {strip_libraries(bundle)} files")
    size = bundle_size(bundle)
    from blueprint import __version__

    record = {"version": __version__, "platform": sys.platform, **size}
    (DIST / SIZE_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(
        f"Built {bundle.relative_to(ROOT)} in {time.monotonic() - started:.0f} s: "
        f"{size['on_disk'] / _MIB:.1f} MiB on disk, {size['files']} files "
        f"(recorded in dist/{SIZE_FILE})"
    )
    if sys.platform.startswith("linux") and not args.no_archive:
        from .linux_package import make_archive

        archive = make_archive(bundle, DIST, __version__)
        print(f"Packed {archive.relative_to(ROOT)}: {archive.stat().st_size / _MIB:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
