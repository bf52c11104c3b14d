"""The last line of defence: an unexpected error in the editor becomes a dialog, not a trace.

Qt calls our slots from C++; an exception escaping one would otherwise print a traceback
to a terminal the user may not even see, and the user would not know what happened. The
hook writes the details to a log in the data folder for a bug report and tells the user,
in words, that the work is still in the window and in the autosave.
"""

from __future__ import annotations

import datetime
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from .settings import data_dir
from .tips import as_typed

LOG_NAME = "errors.log"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def write_report(error: BaseException, trace: TracebackType | None) -> Path | None:
    """Append the details to the error log; None when even that fails."""
    path = data_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.datetime.now().isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(type(error), error, trace)))
    except OSError:
        return None
    return path


def tell_the_user(error: BaseException, report: Path | None) -> None:
    where = f"\n\nThe details are in {report}, for a bug report." if report else ""
    QMessageBox.critical(
        QApplication.activeWindow(),
        "Something went wrong",
        as_typed(
            f"Blueprint hit an unexpected problem and could not finish what it was doing:\n"
            f"{type(error).__name__}: {error}\n\nYour blueprint is still open and is "
            f"autosaved; save it, and if the problem comes back, restart Blueprint.{where}"
        ),
    )


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    tell_the_user(error, write_report(error, trace))


@contextmanager
def errors_shown_as_dialogs() -> Iterator[None]:
    previous: ExceptHook = sys.excepthook
    sys.excepthook = _hook
    try:
        yield
    finally:
        sys.excepthook = previous
