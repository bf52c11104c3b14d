"""Plan > Export Plan… (also in the File menu, beside the canvas exports): ask for the
options, make the PDF or the PowerPoint deck in the background, and tell the user how it went.

A deck carries the canvas as the editor draws it: that picture is painted here, on the UI
thread (a scene belongs to it), before the thread starts.

One export at a time: the report adjusts reportlab's module-wide settings while it builds
(``report.compat``), so the action is disabled while one runs. A window deleted while an
export runs stops it and waits for its thread: a thread must never outlive its QThread.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from ...model import Blueprint
from ...report import formatting as fmt
from ...report.undrawn import undrawn_words
from ...storage import SaveError
from ..document import Document
from ..export import canvas_picture
from ..menus import make_action
from ..outside import open_outside
from ..tips import as_typed
from ..wait_cursor import wait_cursor
from ..workbench import Workbench
from .export_dialog import PlanExportDialog
from .export_job import PlanExportJob, PlanExportOptions
from .export_progress import ExportProgress
from .live import LivePlan


class PlanExport(QObject):
    #: An export ended, however it went (written, failed or cancelled), and was reported.
    exportFinished = Signal()

    def __init__(self, bench: Workbench, live_plan: LivePlan) -> None:
        window = bench.frame
        super().__init__(window)
        self._window = window
        self._bench = bench
        self._live = live_plan
        self._job: PlanExportJob | None = None
        self._outcome: tuple[str, object] | None = None
        self.action = make_action(
            window,
            "Export &Plan…",
            self.export_plan,
            tip="Make the improvement plan for managers as a PDF or a PowerPoint deck; you can "
            "keep editing meanwhile",
        )
        self.progress = ExportProgress(window.statusBar())
        window.statusBar().addPermanentWidget(self.progress)
        self.progress.cancelRequested.connect(self.cancel)
        window.destroyed.connect(self._stop_and_wait)

    @property
    def running(self) -> bool:
        return self._job is not None

    @property
    def job(self) -> PlanExportJob | None:
        return self._job

    # --- the user's side -----------------------------------------------------------------

    def export_plan(self) -> None:
        if self.running:
            return
        options = self.ask_options()
        if options is not None:
            self.start(options)

    def ask_options(self) -> PlanExportOptions | None:
        """The export dialog; None when the user cancels it."""
        document: Document = self._live.document
        dialog = PlanExportDialog(document.blueprint, document.path, self._window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.options()
        finally:
            dialog.deleteLater()

    def start(self, options: PlanExportOptions) -> PlanExportJob | None:
        """Make the plan in the background from the blueprint as it is now; None when the
        canvas's picture for a deck could not be made (the user was told)."""
        if self._job is not None:
            raise RuntimeError("a plan export is already running")
        # A copy: the user may keep editing while the thread reads it.
        blueprint = copy.deepcopy(self._live.document.blueprint)
        canvas = None
        if options.format == "pptx":
            try:
                canvas = self.canvas_picture(blueprint)
            except SaveError as error:
                self._bench.show_error("Cannot make the plan", str(error))
                return None
        job = PlanExportJob(blueprint, options, self, canvas_png=canvas)
        job.progressed.connect(self.progress.show_progress)
        # Slots of this object, which lives on the UI thread: the signals come queued.
        job.exported.connect(self._on_exported)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.finished.connect(self._job_finished)
        self._job, self._outcome = job, None
        self.action.setEnabled(False)
        self.progress.start("Plan deck" if options.format == "pptx" else "Plan PDF")
        self._window.statusBar().clearMessage()
        job.start()
        return job

    def cancel(self) -> None:
        if self._job is not None:
            self._job.request_cancel()

    def may_close(self) -> bool:
        """True when the window may close: no export runs, or the user lets it stop (a
        window that goes stops its export, and a PDF asked for must not silently vanish)."""
        if not self.running:
            return True
        if not self.ask_stop():
            return False
        self.cancel()
        return True

    # --- how it went ---------------------------------------------------------------------

    def _on_exported(self, result: object) -> None:
        self._outcome = ("exported", result)

    def _on_failed(self, title: str, message: str) -> None:
        self._outcome = ("failed", (title, message))

    def _on_cancelled(self) -> None:
        self._outcome = ("cancelled", None)

    def _job_finished(self) -> None:
        job, outcome = self._job, self._outcome
        if job is None:
            return
        self._job, self._outcome = None, None
        job.deleteLater()
        self.progress.finish()
        self.action.setEnabled(True)  # before any dialog: the export is over
        kind, detail = outcome or ("failed", ("Cannot make the plan", "The export stopped."))
        if kind == "exported":
            self._exported(job, detail)
        elif kind == "failed":
            title, message = detail  # type: ignore[misc]
            self._bench.show_error(title, message)
        else:
            self._status("Plan export cancelled; nothing was written")
        self.exportFinished.emit()

    def _exported(self, job: PlanExportJob, result: object) -> None:
        options = job.options
        slides = getattr(result, "slides", None)
        count = f"{slides} slides" if slides is not None else f"{getattr(result, 'pages', 0)} pages"
        self._status(f"Exported the plan to {options.path.name} ({count})")
        missing: tuple[str, ...] = getattr(result, "missing_characters", ())
        if missing:
            self.show_warning(
                "Some characters could not be drawn", _missing_text(job.blueprint, missing)
            )
        if options.open_when_done and not self.open_document(options.path):
            self._status(f"Exported {options.path.name}, but no program could open it")

    def _status(self, message: str) -> None:
        self._bench.show_status(message)

    # --- talking to the desktop (tests answer for it) ------------------------------------

    def canvas_picture(self, blueprint: Blueprint) -> bytes:
        """The canvas as File > Export as PNG paints it, for the deck."""
        with wait_cursor():
            return canvas_picture(blueprint)

    def open_document(self, path: Path) -> bool:
        """Open the PDF (or the deck) in the user's viewer."""
        return open_outside(QUrl.fromLocalFile(str(path)))

    def show_warning(self, title: str, message: str) -> None:
        QMessageBox.warning(self._window, title, as_typed(message))

    def ask_stop(self) -> bool:
        """Ask whether to stop the export running, so the window can close."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self._window,
            "Export Plan",
            "The plan is still being made; closing stops it and writes nothing.\n\n"
            "Stop the export and close?",
            buttons.Yes | buttons.No,
            buttons.No,
        )
        return answer == buttons.Yes

    # --- the window goes -----------------------------------------------------------------

    def _stop_and_wait(self) -> None:
        # Emitted before the window's children (this object, the thread) are deleted.
        job = self._job
        if job is not None:
            job.request_cancel()
            job.wait()


def _missing_text(bp: Blueprint, missing: tuple[str, ...]) -> str:
    count = fmt.plural(len(missing), "character")
    return (
        f"No font on this computer can draw {count} of the blueprint: "
        f"{undrawn_words(bp, missing)}.\n\nThe plan shows a placeholder for each. Install a "
        "font that draws them, or take them out of the text, and export again."
    )


def _insert_beside_exports(menu: QMenu, action: QAction) -> None:
    """After the menu's last Export… action (the canvas pictures), else at its end."""
    actions = menu.actions()
    exports = [i for i, a in enumerate(actions) if a.text().replace("&", "").startswith("Export")]
    if not exports or exports[-1] + 1 >= len(actions):
        menu.addAction(action)
    else:
        menu.insertAction(actions[exports[-1] + 1], action)


def install_plan_export(bench: Workbench, live_plan: LivePlan) -> PlanExport:
    """Add Export Plan… (the plan of ``live_plan``) to the Plan and File menus."""
    export = PlanExport(bench, live_plan)
    menus = bench.menus
    if menus.plan.actions():  # the last of the menu, apart from the journey's states
        menus.plan.addSeparator()
    menus.plan.addAction(export.action)
    _insert_beside_exports(menus.file, export.action)
    return export
