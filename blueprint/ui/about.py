"""Help > About: what this program is, its version for bug reports, and the licences of
what it is built with (the libraries it runs on and the fonts it ships)."""

from __future__ import annotations

import platform
import re
from html import escape
from importlib import metadata

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__
from .settings import APP_NAME

#: The fonts in resources/fonts, with their licence (its text is in LICENSE-DejaVu.txt).
BUNDLED_FONTS = (("DejaVu Sans", "Bitstream Vera licence, DejaVu changes in the public domain"),)
_CLASSIFIER = "License :: OSI Approved :: "


def library_licences(root: str = "blueprint") -> list[tuple[str, str, str]]:
    """(name, version, licence) of every library ``root`` runs on, found from the installed
    packages' own metadata (the app bundle carries it), in name order."""
    found: dict[str, tuple[str, str, str]] = {}
    waiting = _requirements(root)
    while waiting:
        name = waiting.pop()
        key = _normalised(name)
        if key in found:
            continue
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency that is not installed
        found[key] = (meta["Name"], meta["Version"], _licence(meta))
        waiting.extend(_requirements(name))
    return sorted(found.values(), key=lambda item: item[0].casefold())


def _requirements(name: str) -> list[str]:
    try:
        required = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    # Extras are not installed for blueprint; a requirement only for them is left out.
    return [_REQUIREMENT_NAME.match(r).group() for r in required if "extra ==" not in r]


_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).casefold()


def _licence(meta: metadata.PackageMetadata) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith(_CLASSIFIER)]
    if classifiers:
        return classifiers[0].removeprefix(_CLASSIFIER)
    return "see its licence file"


def about_text() -> str:
    libraries = "".join(
        f"<li>{escape(name)} {escape(version)}: {escape(licence)}</li>"
        for name, version, licence in library_licences()
    )
    fonts = "".join(
        f"<li>{escape(name)}: {escape(licence)}</li>" for name, licence in BUNDLED_FONTS
    )
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>A desktop editor for service blueprints: friction, EPIC scores and a "
        "prioritised stairway-of-service plan.</p>"
        f"<p>Qt {qVersion()}, PySide6 {PySide6.__version__}, "
        f"Python {platform.python_version()} (PSF-2.0)</p>"
        "<p>MIT licence. Built with:</p>"
        f"<ul>{libraries}</ul>"
        f"<p>Fonts:</p><ul>{fonts}</ul>"
        "<p>Each library's licence text is installed with it; Qt is used under the LGPL 3.0, "
        "and its source is at download.qt.io.</p>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text())
