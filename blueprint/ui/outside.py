"""Opening a file or a link in the user's own program (a PDF viewer, a browser).

From the app bundle on Linux, that program must not inherit the bundle's library and plugin
paths: PyInstaller points ``LD_LIBRARY_PATH`` at the bundle's libraries (keeping the user's
own as ``LD_LIBRARY_PATH_ORIG``) and PySide6 points ``QT_PLUGIN_PATH`` at its plugins, and a
viewer started with them loads the bundle's copies of libstdc++, GLib or readline instead of
its own (on a newer distribution it fails to start). Elsewhere Qt opens it as usual.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

_KEPT_AS = "_ORIG"


def open_outside(url: QUrl) -> bool:
    """Open ``url`` in the program the desktop chooses; False when that could not start."""
    environment = outside_environment()
    opener = shutil.which("xdg-open") if environment is not None else None
    if opener is None:
        return QDesktopServices.openUrl(url)
    target = url.toLocalFile() if url.isLocalFile() else url.toString()
    try:
        subprocess.Popen(
            [opener, target],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    return True


def outside_environment(
    environ: dict[str, str] | None = None, bundle: str | None = None
) -> dict[str, str] | None:
    """The environment for a program started from the Linux bundle: the user's own values
    of what the bundle changed, none of the bundle's paths; None when not in the bundle."""
    if environ is None:
        if not (getattr(sys, "frozen", False) and sys.platform.startswith("linux")):
            return None
        environ, bundle = dict(os.environ), getattr(sys, "_MEIPASS", None)
    if not bundle:
        return None
    outside = {
        name: value
        for name, value in environ.items()
        if not name.endswith(_KEPT_AS) and bundle not in value
    }
    for name, value in environ.items():
        if name.endswith(_KEPT_AS):
            outside[name.removesuffix(_KEPT_AS)] = value
    return outside
