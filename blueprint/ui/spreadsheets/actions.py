"""File > Export to Excel…, Import from Excel… and Import Metrics…, beside the exports.

A workbook exported holds the whole blueprint, one sheet per kind of entity; one imported
becomes a new, untitled blueprint (as opening a file does: the one open is offered for
saving first). Metrics are added to the blueprint open, as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ...storage import BlueprintFileError, SaveError
from ...storage.tables import export_xlsx, import_xlsx, unread_sentence
from ..document import Document
from ..menus import make_action
from ..tips import as_typed
from ..wait_cursor import wait_cursor
from ..workbench import Workbench
from .metrics_dialog import MetricsImportDialog

WORKBOOK_FILTER = "Excel workbooks (*.xlsx *.xlsm);;All files (*)"


class SpreadsheetActions(QObject):
    def __init__(self, bench: Workbench, maybe_save: Callable[[], bool]) -> None:
        super().__init__(bench.frame)
        self._bench = bench
        self._maybe_save = maybe_save
        window = bench.frame
        self.export_action = make_action(
            window,
            "Export to E&xcel…",
            self.export_workbook,
            tip="Save the whole blueprint as an Excel workbook, one sheet per kind of entity",
        )
        self.import_action = make_action(
            window,
            "&Import from Excel…",
            self.import_workbook,
            tip="Open a workbook exported by Blueprint (and edited) as a new blueprint",
        )
        self.metrics_action = make_action(
            window,
            "Import &Metrics…",
            self.import_metrics,
            tip="Add measures to the touchpoints from an analytics or contact-centre export",
        )

    @property
    def document(self) -> Document:
        return self._bench.document

    # --- the workbook ----------------------------------------------------------------------

    def export_workbook(self) -> Path | None:
        path = self.ask_export_path()
        if path is None:
            return None
        try:
            with wait_cursor():
                export_xlsx(self.document.blueprint, path)
        except (BlueprintFileError, SaveError) as error:
            self._error("Cannot export to Excel", error)
            return None
        self._bench.show_status(f"Exported {path.name}: one sheet per kind of entity")
        return path

    def import_workbook(self) -> bool:
        if not self._maybe_save():
            return False
        path = self.ask_open_path("Import from Excel", WORKBOOK_FILTER)
        if path is None:
            return False
        unread: list[str] = []
        try:
            with wait_cursor():
                blueprint = import_xlsx(path, unread)
        except BlueprintFileError as error:
            self._error("Cannot import the workbook", error)
            return False
        self.document.reset(blueprint, origin=path)  # a new blueprint, saved where the user says
        self._bench.canvas.fit_when_shown()
        self._bench.show_status(
            f"Imported {path.name}: {len(blueprint.touchpoints)} touchpoints; save it to keep it "
            "as a blueprint"
        )
        if unread:  # a designer's own columns and sheets: said, not dropped unseen
            self.tell("Imported, but not all of it", f"{path.name}: {unread_sentence(unread)}")
        return True

    # --- metrics -------------------------------------------------------------------------

    def import_metrics(self) -> None:
        dialog = MetricsImportDialog(self.document, self._bench.frame)
        try:
            path = dialog.ask_path()
            if path is None:
                return
            dialog.open_file(path)
            dialog.exec()
            if dialog.result is not None and dialog.result.changes_anything:
                self._bench.show_status(dialog.summary.text())
        finally:
            dialog.deleteLater()

    # --- talking to the user (tests answer for it) ---------------------------------------

    def ask_export_path(self) -> Path | None:
        start = (self.document.path or Path(self.document.folder()) / "untitled").with_suffix(
            ".xlsx"
        )
        name, _ = QFileDialog.getSaveFileName(
            self._bench.frame, "Export to Excel", str(start), WORKBOOK_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".xlsx")

    def ask_open_path(self, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._bench.frame, title, self._bench.document.folder(), filters
        )
        return Path(name) if name else None

    def tell(self, title: str, message: str) -> None:
        QMessageBox(
            QMessageBox.Icon.Information, title, as_typed(message), parent=self._bench.frame
        ).exec()

    def _error(self, title: str, error: BlueprintFileError) -> None:
        if not getattr(error, "problems", None):
            self._bench.show_error(title, str(error))
            return
        message, details = f"{error.listed()}\n\nNothing was changed.", error.details()
        if details:  # every problem, where the message lists the first ones
            self._bench.show_error(title, message, details)
        else:
            self._bench.show_error(title, message)


def _insert_after_exports(menu: QMenu, actions: list[QAction]) -> None:
    """After the menu's last Export… action, else before its last group (Close, Quit)."""
    items = menu.actions()
    exports = [i for i, a in enumerate(items) if a.text().replace("&", "").startswith("Export")]
    if exports and exports[-1] + 1 < len(items):
        before = items[exports[-1] + 1]
        menu.insertActions(before, actions)
    else:
        menu.addActions(actions)


def install_spreadsheets(bench: Workbench, maybe_save: Callable[[], bool]) -> SpreadsheetActions:
    """Add the workbook and metrics actions to the File menu, after the exports.
    ``maybe_save`` offers to save the blueprint open before a workbook replaces it."""
    actions = SpreadsheetActions(bench, maybe_save)
    _insert_after_exports(
        bench.menus.file, [actions.export_action, actions.import_action, actions.metrics_action]
    )
    return actions
