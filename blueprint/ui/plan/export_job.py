"""Making the plan off the UI thread: the same ``render_plan_pdf`` (or ``render_plan_pptx``)
the command line calls, on a copy of the blueprint taken when the export started, so editing
can go on meanwhile.

The thread reports through queued signals; every failure arrives as words for a dialog
(``failed``), never as a traceback. Cancelling stops at the next stage of the render, before
anything is written: the file is written in one go at the end, atomically.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ...analysis import DEFAULT_TOP, build_plan
from ...model import Blueprint
from ...storage import SaveError
from ...storage.atomic import describe_os_error
from ..crash import write_report


@dataclass(frozen=True, slots=True)
class PlanExportOptions:
    """What the user chose in the export dialog."""

    path: Path
    persona_id: str | None = None  # None: every customer
    top: int = DEFAULT_TOP
    paper: str = "a4"
    open_when_done: bool = True
    format: str = "pdf"  # or "pptx": a PowerPoint deck
    #: the open comment threads listed at the end of a PDF (left out unless asked for)
    comments: bool = False


class _Cancelled(Exception):
    """Raised from the progress callback to stop a render the user cancelled."""


class PlanExportJob(QThread):
    #: (stage, fraction 0..1), a handful of times.
    progressed = Signal(str, float)
    #: The file is written; carries the report's ``RenderResult`` (pages, warnings), or
    #: ``DeckResult`` (slides, warnings) for a deck.
    exported = Signal(object)
    #: (title, message) for an error dialog; nothing was written.
    failed = Signal(str, str)
    #: Stopped on request; nothing was written.
    cancelled = Signal()

    def __init__(
        self,
        blueprint: Blueprint,
        options: PlanExportOptions,
        parent: QObject | None = None,
        canvas_png: bytes | None = None,
    ) -> None:
        super().__init__(parent)
        self._blueprint = blueprint  # a copy nobody else holds: the thread may read it freely
        self.options = options
        #: The editor's picture of the canvas, for a deck (painted on the UI thread).
        self._canvas_png = canvas_png
        self._cancel = threading.Event()

    @property
    def blueprint(self) -> Blueprint:
        """What the plan is made of (read once the thread has finished)."""
        return self._blueprint

    def request_cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            # Loaded here, not on the UI thread: reportlab takes a moment to import.
            from ...report import ReportError, render_plan_pdf, render_plan_pptx
            from .staircase_fonts import reportlab_fonts

            reportlab_fonts()  # registered under the lock the staircase shares
        except Exception as error:  # a broken installation: still words, not a traceback
            self._unexpected(error)
            return
        options = self.options
        try:
            plan = build_plan(self._blueprint, options.persona_id, options.top)
            if options.format == "pptx":
                result = render_plan_pptx(
                    self._blueprint,
                    plan,
                    options.path,
                    canvas_png=self._canvas_png,
                    progress=self._progress,
                )
            else:
                result = render_plan_pdf(
                    self._blueprint,
                    plan,
                    options.path,
                    paper=options.paper,
                    progress=self._progress,
                    comments=options.comments,
                )
        except _Cancelled:
            self.cancelled.emit()
        except ReportError as error:
            self.failed.emit("Cannot make the plan", f"The plan cannot be made: {error}.")
        except SaveError as error:
            self.failed.emit("Cannot save the plan", str(error))
        except OSError as error:
            reason = describe_os_error(error)
            self.failed.emit("Cannot save the plan", f"Cannot write {options.path}: {reason}.")
        except Exception as error:
            self._unexpected(error)
        else:
            self.exported.emit(result)

    def _progress(self, stage: str, fraction: float) -> None:
        # Once done, the file is written: too late to cancel, and nothing to undo.
        if fraction < 1.0 and self._cancel.is_set():
            raise _Cancelled
        self.progressed.emit(stage, fraction)

    def _unexpected(self, error: Exception) -> None:
        log = write_report(error, error.__traceback__)
        where = f"\n\nThe details are in {log}, for a bug report." if log else ""
        self.failed.emit(
            "Cannot make the plan",
            "Blueprint hit an unexpected problem while making the plan and wrote nothing:\n"
            f"{type(error).__name__}: {error}{where}",
        )
