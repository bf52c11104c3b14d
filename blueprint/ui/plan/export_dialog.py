"""Plan > Export Plan…: a PDF or a PowerPoint deck, for whom, how many top improvements, the
paper, and where."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...analysis import DEFAULT_TOP
from ...analysis.threads import open_threads
from ...model import Blueprint
from ..canvas.accessible import announce
from ..folders import documents_folder
from ..inspector.forms import add_row, caption, form_layout
from ..inspector.warnings import set_warning, warning_label
from ..settings import app_settings
from .export_job import PlanExportOptions

PDF_FILTER = "PDF documents (*.pdf);;All files (*)"
PPTX_FILTER = "PowerPoint decks (*.pptx);;All files (*)"
#: (what the dialog calls it, format, extension, file dialog filter, what the file is)
FORMATS = (
    ("PDF document", "pdf", ".pdf", PDF_FILTER, "PDF"),
    ("PowerPoint deck", "pptx", ".pptx", PPTX_FILTER, "deck"),
)
EXTENSIONS = {kind: extension for _, kind, extension, _, _ in FORMATS}
PAPERS = (("A4", "a4"), ("Letter", "letter"))
#: What the dialog offers again next time, in any window.
_PAPER_KEY = "plan-export/paper"
_OPEN_KEY = "plan-export/open-when-done"
MAX_TOP = 99
EVERYONE = "Every customer"


def default_output_path(blueprint_path: Path | None, kind: str = "pdf") -> Path:
    """``<name>-plan.pdf`` beside the blueprint file; for an unsaved one in Documents, or in
    the home folder where there is no Documents folder (the export failed there)."""
    extension = EXTENSIONS[kind]
    if blueprint_path is not None:
        return blueprint_path.with_name(f"{blueprint_path.stem}-plan{extension}")
    return documents_folder() / f"untitled-plan{extension}"


def folder_problem(path: Path) -> str | None:
    """Why the file cannot be written in its folder, in words; None when it can be tried."""
    folder = path.parent
    if not folder.exists():
        return f"There is no folder {folder}: choose another with Browse…."
    if not folder.is_dir():
        return f"{folder} is a file, not a folder: choose another with Browse…."
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"The folder {folder} cannot be written to: choose another with Browse…."
    if path.is_dir():
        return f"{path} is a folder: give the file a name."
    return None


def default_paper() -> str:
    """Letter where the system's measures are American, else A4."""
    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


class PlanExportDialog(QDialog):
    def __init__(
        self,
        blueprint: Blueprint,
        blueprint_path: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Plan")
        self.format = QComboBox()
        for label, kind, *_ in FORMATS:
            self.format.addItem(label, kind)
        self.format.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.persona = QComboBox()
        self.persona.addItem(EVERYONE, None)
        for persona in blueprint.personas:
            self.persona.addItem(persona.name, persona.id)
        # Every customer, whatever persona the canvas shows: a filter set for a side
        # discussion made the manager's plan one persona's (11 improvements of 12).
        self.persona.setCurrentIndex(0)
        self.top = QSpinBox()
        self.top.setRange(1, MAX_TOP)
        self.top.setValue(DEFAULT_TOP)
        self.top.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.paper = QComboBox()
        for label, value in PAPERS:
            self.paper.addItem(label, value)
        remembered = app_settings()
        paper = str(remembered.value(_PAPER_KEY, default_paper()))
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        self.paper.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.path = QLineEdit(str(default_output_path(blueprint_path)))
        self.path.setMinimumWidth(380)
        self.browse = QPushButton("&Browse…")
        self.browse.setToolTip("Choose the folder and name of the file")
        self.browse.clicked.connect(self._browse)
        self.open_when_done = QCheckBox("&Open the PDF when done")
        # As the user left it last time: unticked, it came back ticked at the next export.
        self.open_when_done.setChecked(str(remembered.value(_OPEN_KEY, "true")) == "true")
        threads = len(open_threads(blueprint))
        self.comments = QCheckBox(
            f"&Include the open comment threads ({threads})"
            if threads
            else "&Include the open comment threads (there are none)"
        )
        self.comments.setToolTip(
            "List the team's open comment threads at the end of the PDF; they are left out "
            "unless you ask for them"
        )
        self.comments.setEnabled(bool(threads))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("&Export")
        self.buttons.accepted.connect(self._export)
        #: why the file cannot be written where asked, until the user changes it
        self.problem = warning_label()
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(self._path_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._lay_out()

    def _lay_out(self) -> None:
        form = form_layout()
        add_row(
            form,
            "For&mat:",
            self.format,
            "A PDF to print and send, or a PowerPoint deck to present and edit: the same "
            "summary, staircase, improvements and heat map, with how each number is computed "
            "in the speaker notes",
        )
        add_row(
            form,
            "&For:",
            self.persona,
            "The plan for every customer, or only the touchpoints of one persona",
        )
        add_row(
            form,
            "&Top improvements:",
            self.top,
            "How many improvements the summary and the staircase show; the ranked plan "
            "lists them all",
        )
        add_row(form, "&Paper:", self.paper, "The page size of the PDF (a deck's slides are 16:9)")
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        holder = QWidget()
        holder.setLayout(where)
        where.setContentsMargins(0, 0, 0, 0)
        add_row(form, "&Save to:", holder, "The file to write; an existing one is replaced")
        self.path.setAccessibleName("Save to")
        layout = QVBoxLayout(self)
        layout.addWidget(
            caption(
                "The improvement plan for managers: summary, staircase, ranked plan by wave, "
                "where it hurts and the friction register as a PDF, or the summary, staircase, "
                "top improvements, heat map and a picture of the canvas as a PowerPoint deck. "
                "You can keep editing while it is made; it shows the blueprint as it is now."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.comments)
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.buttons)

    @property
    def kind(self) -> str:
        return self.format.currentData()

    def options(self) -> PlanExportOptions:
        """The choices as they stand, the path made absolute and ending in .pdf (.pptx)."""
        extension = EXTENSIONS[self.kind]
        path = Path(self.path.text().strip()).expanduser()
        if not path.name:  # a bare root folder
            path = path / f"plan{extension}"
        elif path.suffix.lower() != extension:
            path = path.with_name(f"{path.name}{extension}")
        return PlanExportOptions(
            path=path.absolute(),
            persona_id=self.persona.currentData(),
            top=self.top.value(),
            paper=self.paper.currentData(),
            open_when_done=self.open_when_done.isChecked(),
            format=self.kind,
            comments=self.kind == "pdf" and self.comments.isChecked(),
        )

    def _export(self) -> None:
        """Export, unless the file cannot be written there: then say why and stay open, the
        choices kept (the export failed after the dialog had closed)."""
        problem = folder_problem(self.options().path)
        self._say_problem(problem or "")
        if problem is None:
            remembered = app_settings()
            remembered.setValue(_PAPER_KEY, self.paper.currentData())
            remembered.setValue(_OPEN_KEY, "true" if self.open_when_done.isChecked() else "false")
            self.accept()
            return
        self.path.setFocus(Qt.FocusReason.OtherFocusReason)
        self.path.selectAll()
        announce(self.path, problem)  # shown under the fields, and now said too

    def _say_problem(self, problem: str) -> None:
        set_warning(self.problem, problem)
        self.path.setAccessibleDescription(problem)  # read with the field it is about

    def ask_path(self) -> Path | None:
        """Where to save, from the system's file dialog; None when the user cancels."""
        label, _, _, wanted, _ = FORMATS[self.format.currentIndex()]
        name, _ = QFileDialog.getSaveFileName(
            self, f"Export Plan as {label}", self.path.text(), wanted
        )
        return Path(name) if name else None

    def _browse(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.path.setText(str(path))

    def _path_changed(self, text: str) -> None:
        self.export_button.setEnabled(bool(text.strip()))
        self._say_problem("")
        # A name ending in .pptx (or .pdf) chooses the format, as on the command line.
        suffix = Path(text.strip()).suffix.lower()
        for index, (_, kind, extension, _, _) in enumerate(FORMATS):
            if suffix == extension and self.kind != kind:
                self.format.setCurrentIndex(index)

    def _format_changed(self) -> None:
        kind = self.kind
        extension = EXTENSIONS[kind]
        name = FORMATS[self.format.currentIndex()][4]
        self.open_when_done.setText(f"&Open the {name} when done")
        self.paper.setEnabled(kind == "pdf")
        self.comments.setVisible(kind == "pdf")  # the deck leaves them out
        text = self.path.text().strip()
        path = Path(text)
        if text and path.suffix.lower() in EXTENSIONS.values() and path.suffix.lower() != extension:
            self.path.setText(str(path.with_suffix(extension)))
