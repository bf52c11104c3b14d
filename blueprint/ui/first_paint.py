"""``BLUEPRINT_QUIT_AFTER_FIRST_PAINT=1``: start, draw the first window once, and quit.

For the app bundle's smoke test and the start-up benchmark, which run the real program (a
built bundle has no Python source to patch) and need it to end by itself. Once the window
has been drawn, the app says so on standard error and closes the window as a user would;
the exit code is then the app's own.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

QUIT_AFTER_FIRST_PAINT = "BLUEPRINT_QUIT_AFTER_FIRST_PAINT"
#: The line written on standard error once the window has been drawn.
PAINTED = "blueprint: first paint done"


class _QuitAfterFirstPaint(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        QCoreApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            QCoreApplication.instance().removeEventFilter(self)
            # The rest of the window is drawn in the same pass, before this runs.
            QTimer.singleShot(0, self, self._quit)
        return False

    def _quit(self) -> None:
        if sys.stderr is not None:  # a windowed Windows app has none
            print(PAINTED, file=sys.stderr, flush=True)
        self._window.close()


def quit_after_first_paint_if_asked(window: QWidget) -> None:
    if os.environ.get(QUIT_AFTER_FIRST_PAINT):
        _QuitAfterFirstPaint(window)
