"""Where the files shipped beside the code live, in a source checkout and in a wheel."""

from __future__ import annotations

from pathlib import Path

from .errors import ReportError

_PACKAGE = Path(__file__).resolve().parents[1]
#: An installed wheel carries ``resources/`` as ``blueprint/_resources``; a checkout has it at
#: the repository root.
RESOURCE_ROOTS: tuple[Path, ...] = (_PACKAGE / "_resources", _PACKAGE.parent / "resources")


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
