"""File dialogs for blueprints: what they list, and where they start for a blueprint never
saved: the user's Documents folder, or the home folder where there is none (not the folder
the program happened to start in)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..storage import EXTENSION

#: What a file dialog that opens a blueprint lists.
FILE_FILTER = f"Blueprints (*{EXTENSION});;All files (*)"


def documents_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_blueprint_path(parent: QWidget, title: str, start: str) -> Path | None:
    """A blueprint file picked in the Open dialog, from ``start``; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, start, FILE_FILTER)
    return Path(name) if name else None
