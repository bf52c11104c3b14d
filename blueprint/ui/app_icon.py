"""The app's icon, for its windows (and the About box, which shows the window's icon)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ..report.errors import ReportError
from ..report.resources import resource_path

#: The PNG sizes drawn from ``resources/icons/blueprint.svg`` by ``tools/icons.py``.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The icon in every size it is drawn in; an empty icon if they are missing (a damaged
    install still runs, with the platform's default icon)."""
    icon = QIcon()
    for size in ICON_SIZES:
        try:
            icon.addFile(str(resource_path("icons", f"blueprint-{size}.png")))
        except ReportError:
            continue
    return icon
