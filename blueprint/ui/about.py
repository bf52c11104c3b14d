"""Help > About: what this program is, and which version, for bug reports."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__
from .settings import APP_NAME


def about_text() -> str:
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>A desktop editor for service blueprints: friction, EPIC scores and a "
        "prioritised stairway-of-service plan.</p>"
        f"<p>Qt {qVersion()}, PySide6 {PySide6.__version__}, "
        f"Python {platform.python_version()}</p>"
        "<p>MIT licence. Fonts: DejaVu (see their licence file).</p>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text())
