"""Starting and stopping the desktop application.

Qt objects are parented (document and canvas to the window) and the window is deleted
before Python exits, so nothing Qt-owned is left to the interpreter's collector at exit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from .. import __version__
from .document import Document
from .main_window import APP_NAME, MainWindow


def run_app(argv: list[str]) -> int:
    """Run the editor until its window closes; returns the exit code.

    ``argv`` is the command line as in ``sys.argv``: the program name first, then
    optionally a blueprint file to open.
    """
    app = QApplication.instance()
    owns_app = app is None
    if owns_app:
        app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    window = MainWindow(Document())
    try:
        if len(argv) > 1:
            window.open_path(Path(argv[1]))
        window.show()
        code = app.exec()
    finally:
        _delete(window)
        if owns_app:
            app.shutdown()
    return code


def _delete(window: MainWindow) -> None:
    # hide(), not close(): closing would ask about unsaved changes a second time.
    window.hide()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main() -> int:
    return run_app(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
