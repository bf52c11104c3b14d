"""A window or dialog sized as it wants, but never larger than the screen it opens on.

A dialog 720 pixels tall on a 1280x720 projector had its buttons below the screen's edge.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

#: Room kept for the window's title bar and frame, and the desktop's panels.
FRAME_ROOM = 80


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """``widget`` at ``width`` x ``height``, or as much of it as the screen's free area
    holds (its parent's screen, where it opens)."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - FRAME_ROOM // 2)
        height = min(height, free.height() - FRAME_ROOM)
    widget.resize(width, height)
