"""File > Import Metrics…: measures from the CSV or XLSX export of an analytics or
contact-centre tool, placed on their touchpoints.

The dialog shows the file's first rows, lets the user say which column holds what (pre-filled
from the last import, else guessed from the headers), checks the rows, and imports them as
one undo step. What could not be placed is listed, row by row, with why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...storage import BlueprintFileError
from ...storage.tables.metrics import (
    BY_ID,
    BY_TITLE,
    MetricsImport,
    MetricsMapping,
    guess_mapping,
    preview,
    read_metrics,
    sheet_names,
)
from ..document import Document
from ..inspector.forms import add_row, caption, form_layout
from ..screen_fit import resize_within_screen
from ..wait_cursor import wait_cursor
from .metrics_command import import_metrics_command
from .metrics_settings import remember_mapping, remembered_mapping

SPREADSHEET_FILTER = "Spreadsheets (*.xlsx *.xlsm *.csv);;All files (*)"
CHOOSE = "(choose a column)"
NONE = "(none)"
ONE_NAME = "(one name for every row)"
FILE_NAME = "(the file's name)"
#: Unplaced rows listed in the dialog; the rest are counted.
SHOWN_ROWS = 500

#: role -> (label, what its combo offers when no column is chosen, tip)
ROLES: dict[str, tuple[str, str, str]] = {
    "touchpoint": ("&Touchpoint:", CHOOSE, "The column naming each row's touchpoint"),
    "measure": ("Mea&sure:", ONE_NAME, "The column holding the measure's name ('Calls')"),
    "value": ("&Value:", CHOOSE, "The column holding the number"),
    "date": ("&Date:", NONE, "When it was measured: a date cell, or text such as 2026-10-31"),
    "unit": ("&Unit:", NONE, "Its unit: calls, %, EUR…"),
    "period": ("&Period:", NONE, "For counts: per day, week, month, quarter or year"),
    "source": ("Sou&rce:", NONE, "Measured, estimated or unknown (measured when not given)"),
    "origin": ("&Origin:", FILE_NAME, "Where it comes from (the file's name when not given)"),
}


class MetricsImportDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Metrics")
        self.document = document
        self.path: Path | None = None
        self.header: list[str] = []
        self.result: MetricsImport | None = None
        self.file_label = QLabel("No file chosen")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton("Choose &File…")
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.table = QTableWidget()
        self.table.setAccessibleName("First rows of the file")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(160)
        self.columns = {role: QComboBox() for role in ROLES}
        self.match = QComboBox()
        self.match.addItem("its id", BY_ID)
        self.match.addItem("its title", BY_TITLE)
        self.fixed_name = QLineEdit()
        self.fixed_name.setPlaceholderText("Calls, Visits, NPS…")
        for combo in (*self.columns.values(), self.match):
            combo.currentIndexChanged.connect(self._mapping_changed)
        self.fixed_name.textChanged.connect(self._mapping_changed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unplaced = QListWidget()
        self.unplaced.setAccessibleName("Rows not placed")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton("Chec&k", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.import_rows)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._update_buttons()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(
            caption(
                "Measures from the CSV or Excel export of an analytics or contact-centre "
                "tool, one number a row. A measure already there (the same touchpoint, name "
                "and date) is updated; friction points whose frequency follows it follow it."
            )
        )
        where = QHBoxLayout()
        where.addWidget(self.file_label, 1)
        where.addWidget(self.choose_button)
        layout.addLayout(where)
        top = form_layout()
        add_row(top, "S&heet:", self.sheet, "The sheet of the workbook to read")
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        form = form_layout()
        for role, (label, _, tip) in ROLES.items():
            add_row(form, label, self.columns[role], tip)
            if role == "touchpoint":
                add_row(form, "Named &by:", self.match, "Does the column hold ids or titles?")
            if role == "measure":
                add_row(form, "Or one &name:", self.fixed_name, "One name for every row")
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.unplaced, 1)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 760, 720)

    # --- the file --------------------------------------------------------------------------

    def ask_path(self) -> Path | None:
        # Beside the blueprint: an export from the team's tools is usually kept with it.
        name, _ = QFileDialog.getOpenFileName(
            self, "Import Metrics", self.document.folder(), SPREADSHEET_FILTER
        )
        return Path(name) if name else None

    def choose_file(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Show the file's first rows and pre-fill the mapping from its header."""
        self.path = path
        self.file_label.setText(str(path))
        self.sheet.blockSignals(True)
        self.sheet.clear()
        try:
            self.sheet.addItems(sheet_names(path))
        except BlueprintFileError as error:
            self._show_problem(error)
        finally:
            self.sheet.blockSignals(False)
        self.sheet.setEnabled(self.sheet.count() > 1)
        self._load_preview()

    def _sheet_changed(self) -> None:
        if self.path is not None:
            self._load_preview()

    def _chosen_sheet(self) -> str | None:
        return self.sheet.currentText() or None

    def _load_preview(self) -> None:
        assert self.path is not None
        self.result = None
        try:
            header, rows, _ = preview(self.path, self._chosen_sheet())
        except BlueprintFileError as error:
            header, rows = [], []
            self._show_problem(error)
        else:
            self._show_report("", [])
        self.header = header
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(header)
        # Numbered as the spreadsheet (and the report of rows not placed) numbers them.
        self.table.setVerticalHeaderLabels([str(number) for number, _ in rows])
        for r, (_, row) in enumerate(rows):
            for c, text in enumerate(row[: len(header)]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._fill_mapping(header)

    def _fill_mapping(self, header: list[str]) -> None:
        remembered, guessed = remembered_mapping(), guess_mapping(header)
        for role, combo in self.columns.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ROLES[role][1], None)
            for name in header:
                if name:
                    combo.addItem(name, name)
            wanted = remembered.get(role) if remembered.get(role) in header else guessed.get(role)
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            combo.blockSignals(False)
        self.match.setCurrentIndex(max(0, self.match.findData(remembered.get("match", BY_ID))))
        if not self.fixed_name.text():
            self.fixed_name.setText(remembered.get("name", ""))
        self._update_buttons()

    # --- the mapping and the rows ------------------------------------------------------------

    def mapping(self) -> MetricsMapping | None:
        """The mapping as chosen; None while the touchpoint, value or name is missing."""
        chosen = {role: combo.currentData() for role, combo in self.columns.items()}
        name = self.fixed_name.text().strip()
        if not chosen["touchpoint"] or not chosen["value"]:
            return None
        if not chosen["measure"] and not name:
            return None
        return MetricsMapping(
            **chosen,
            match=self.match.currentData(),
            name=None if chosen["measure"] else name,
        )

    def _mapping_changed(self) -> None:
        self.result = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.path is not None and bool(self.header) and self.mapping() is not None
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.fixed_name.setEnabled(self.columns["measure"].currentData() is None)

    def _read(self) -> MetricsImport | None:
        mapping = self.mapping()
        if self.path is None or mapping is None:
            return None
        # Every row is read (100,000 take seconds): the cursor says so.
        try:
            with wait_cursor():
                return read_metrics(
                    self.document.blueprint, self.path, mapping, self._chosen_sheet()
                )
        except BlueprintFileError as error:
            self._show_problem(error)
            return None

    def check(self) -> None:
        """Read every row and say what an import would do, changing nothing."""
        result = self._read()
        if result is not None:
            self.result = result
            self._show_report(f"Would import {result.summary()}.", result.unplaced)

    def import_rows(self) -> None:
        """Import as one undo step, remember the mapping, and say what was done."""
        result = self._read()
        mapping = self.mapping()
        if result is None or mapping is None:
            return
        if result.changes_anything:
            self.document.push(import_metrics_command(self.document, result))
        remember_mapping(mapping)
        self.result = result
        verb = "Imported" if result.changes_anything else "Nothing to import from"
        self._show_report(f"{verb} {result.summary()}.", result.unplaced)
        self.import_button.setEnabled(False)  # once: a second click would add nothing new

    # --- the report ----------------------------------------------------------------------

    def _show_report(self, summary: str, unplaced: list) -> None:
        self.summary.setText(summary)
        self.unplaced.clear()
        if unplaced:
            self.unplaced.addItems([str(u) for u in unplaced[:SHOWN_ROWS]])
            more = len(unplaced) - SHOWN_ROWS
            if more > 0:
                self.unplaced.addItem(f"… and {more:,} more rows not placed")
        self.unplaced.setVisible(bool(unplaced))

    def _show_problem(self, error: BlueprintFileError) -> None:
        """Why the file cannot be imported at all: each problem on a line of its own."""
        problems = getattr(error, "problems", None) or [error.reason]
        name = error.path.name if error.path else "the file"
        self.summary.setText(f"Cannot import {name}; nothing was changed:")
        self.unplaced.clear()
        self.unplaced.addItems([str(p) for p in problems])
        self.unplaced.setVisible(True)
