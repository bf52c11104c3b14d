"""Starting and stopping the desktop application.

Qt objects are parented (document and canvas to the window) and the windows are deleted
before Python exits, so nothing Qt-owned is left to the interpreter's collector at exit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..storage import LoadError
from ..storage.atomic import same_file
from . import recovery_dialog
from .app_icon import app_icon
from .crash import errors_shown_as_dialogs
from .document import Document
from .first_paint import quit_after_first_paint_if_asked
from .focus_style import show_focus_clearly
from .main_window import APP_NAME, MainWindow
from .recovery import RecoveryEntry, find_recoverable
from .recovery_dialog import RecoveryChoice
from .settings import restore_window_layout
from .sharing.owner_window import OwnerCalls, shown_by_owner
from .start_page import install_start_page

#: The name of the .desktop file (Linux), so the desktop matches windows to it.
DESKTOP_FILE = "blueprint"

#: How far each restored window sits from the previous one, in pixels.
CASCADE = 40


def run_app(argv: list[str]) -> int:
    """Run the editor until its windows close; returns the exit code.

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
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_FILE)
    show_focus_clearly(app)  # a 2-pixel ring where the keys are, seen on a projector
    windows: list[MainWindow] = []
    code = 0
    calls = OwnerCalls(app, window_of)
    try:
        with errors_shown_as_dialogs():
            if len(argv) > 1 and shown_by_owner(Path(argv[1])):
                return code  # another editor has it open: its window is in front instead
            open_windows(argv, windows)
            code = app.exec()
    finally:
        calls.close()
        for window in windows:
            _delete(window)
        if owns_app:
            app.shutdown()
    return code


def open_windows(argv: list[str], windows: list[MainWindow]) -> None:
    """Show the first window (on the file named in ``argv``, else with the start page),
    then offer any lost work.

    Each window is appended to ``windows`` as soon as it exists, so the caller deletes
    every one of them even when something fails half-way.
    """
    first = MainWindow(Document())
    windows.append(first)
    # After __init__, so panels it installed are placed too.
    restored = restore_window_layout(first)
    if len(argv) > 1 and first.open_path(Path(argv[1])):
        first.canvas.setFocus(Qt.FocusReason.OtherFocusReason)  # the keys start on the grid
    else:
        # No file, or one that could not be opened (said already): the start page, not an
        # empty untitled blueprint.
        install_start_page(first.workbench, first)
    quit_after_first_paint_if_asked(first)
    if not restored and first.on_small_screen():
        first.show_maximised()  # a laptop or a projector: every pixel for the canvas
    else:
        first.show()
    offer_recovery(first, windows)


def offer_recovery(first: MainWindow, windows: list[MainWindow]) -> None:
    """Ask about work left by an editor that did not close; restore, discard or keep it."""
    entries = find_recoverable()
    if not entries:
        return
    choice = recovery_dialog.ask_recovery(first, entries)
    for entry in entries:
        if choice is RecoveryChoice.RESTORE:
            _restore(entry, first, windows)
        elif choice is RecoveryChoice.DISCARD:
            entry.discard()
        else:
            entry.release()


def _restore(entry: RecoveryEntry, first: MainWindow, windows: list[MainWindow]) -> None:
    try:
        blueprint = entry.load()
    except LoadError as error:
        entry.release()  # kept: it may still be rescued by hand
        first.show_error(
            "Cannot restore the unsaved work",
            f"{error}\n\nThe recovery file is kept in {entry.files.folder}.",
        )
        return
    target = first
    if not _takes_restored(first, entry):
        target = MainWindow(Document())
        # Set beside the first, smaller: closed last, it gave its size to the next start,
        # which then opened at 1088x612 on a projector, not maximised.
        target.remembers_layout = False
        windows.append(target)
        offset = CASCADE * (len(windows) - 1)
        target.move(first.pos() + QPoint(offset, offset))  # each one in sight
        target.show()
    target.restore_recovered(entry, blueprint)


def window_of(path: Path) -> MainWindow | None:
    """The window of this editor showing the file at ``path``, if one does."""
    return next(
        (
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow)
            and widget.document.path is not None
            and same_file(widget.document.path, path)
        ),
        None,
    )


def _takes_restored(window: MainWindow, entry: RecoveryEntry) -> bool:
    """Whether restored work may replace what ``window`` shows: untouched, a fresh untitled
    blueprint, or the restored work's own file opened again (the file double-clicked after
    the crash: in a window of its own, the work sat beside the saved file, and saving one
    made the other blame "another program")."""
    document = window.document
    if document.undo_stack.count() or document.is_modified():
        return False
    if document.path is None:
        return True
    return (
        entry.original is not None
        and same_file(document.path, entry.original)
        and not _saved_since(entry)
    )


def _saved_since(entry: RecoveryEntry) -> bool:
    """Whether the file was saved after the work was left behind (Decide Later, then a save;
    a colleague saving in a shared folder): the newer file then keeps its window, and the
    restored work opens in one of its own, not over it."""
    try:
        return entry.original.stat().st_mtime > entry.files.blueprint.stat().st_mtime
    except (OSError, AttributeError):
        return False


def _delete(window: MainWindow) -> None:
    # hide(), not close(): closing would ask about unsaved changes a second time.
    window.hide()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main() -> int:
    return run_app(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
