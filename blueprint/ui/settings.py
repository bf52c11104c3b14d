"""Where the editor keeps its own files, and what it remembers between runs.

Everything lives in one folder, the user data folder (``QStandardPaths.AppDataLocation``),
unless ``BLUEPRINT_DATA_DIR`` names another one: tests and portable installs point it at a
folder of their own, so nothing touches the user's real settings. Settings are an INI file
in that folder rather than the platform's registry, so one path holds all of it.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtWidgets import QMainWindow

APP_NAME = "Blueprint"
#: Names a folder to use instead of the user data folder.
DATA_DIR_VARIABLE = "BLUEPRINT_DATA_DIR"
SETTINGS_FILE = "settings.ini"

_GEOMETRY_KEY = "window/geometry"
_STATE_KEY = "window/state"


def data_dir() -> Path:
    """The folder for settings and recovery files (it may not exist yet)."""
    chosen = os.environ.get(DATA_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


def app_settings() -> QSettings:
    """The editor's settings. Short-lived: it writes its changes when it goes away."""
    return QSettings(str(data_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def restore_window_layout(window: QMainWindow) -> bool:
    """Put the window where it was at the end of the last run; False the first time."""
    settings = app_settings()
    geometry = settings.value(_GEOMETRY_KEY)
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    state = settings.value(_STATE_KEY)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    return True


def save_window_layout(window: QMainWindow) -> None:
    settings = app_settings()
    settings.setValue(_GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(_STATE_KEY, window.saveState())
