"""Where the files shipped beside the code live: in a source checkout, in a wheel, and in
the app bundle.

An installed wheel carries ``resources/`` as ``blueprint/_resources`` and ``samples/`` as
``blueprint/_resources/samples``. The app bundle (PyInstaller, ``tools/blueprint.spec``) lays
them out the same way under its ``sys._MEIPASS`` folder, which is where ``__file__`` points
in a frozen app: one lookup serves all three. A checkout has both at the repository root.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ReportError

_PACKAGE = Path(__file__).resolve().parents[1]
RESOURCE_ROOTS: tuple[Path, ...] = (_PACKAGE / "_resources", _PACKAGE.parent / "resources")
SAMPLE_FOLDERS: tuple[Path, ...] = (
    _PACKAGE / "_resources" / "samples",
    _PACKAGE.parent / "samples",
)


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource file, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    for root in RESOURCE_ROOTS:
        candidate = root.joinpath(*parts)
        if candidate.is_file():
            return candidate
    name = "/".join(parts)
    raise ReportError(
        f"the resource file {name} is missing from this installation of blueprint; "
        "reinstall blueprint to restore it"
    )


def sample_files() -> list[Path]:
    """The sample blueprints shipped as examples, by file name; none if they were left out."""
    for folder in SAMPLE_FOLDERS:
        found = sorted(folder.glob("*.blueprint"))
        if found:
            return found
    return []
