"""Saying something to the user in a window's status bar, for the tools put into it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

#: How long a message stays when the window has no ``show_status`` of its own.
MESSAGE_MS = 8000


def show_status(window: QMainWindow, message: str) -> None:
    """Through the window's own ``show_status`` (the main window's), else its status bar."""
    show = getattr(window, "show_status", None)
    if show is not None:
        show(message)
    else:
        window.statusBar().showMessage(message, MESSAGE_MS)
