"""How far the plan export is, in the status bar, with a button to cancel it: the window
stays free for editing while the PDF is made."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

STEPS = 100


class ExportProgress(QWidget):
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.bar.setFixedWidth(160)
        self.bar.setAccessibleName("Plan export progress")
        self.cancel = QToolButton()
        self.cancel.setText("Cancel")
        self.cancel.setToolTip("Stop making the PDF; nothing is written")
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self._what = "Plan PDF"
        self.hide()

    def start(self, what: str = "Plan PDF") -> None:
        """Shown for the export of ``what`` ("Plan PDF", "Plan deck")."""
        self._what = what
        self.stage.setText("Exporting the plan…")
        self.bar.setValue(0)
        self.cancel.setEnabled(True)
        self.show()

    def show_progress(self, stage: str, fraction: float) -> None:
        self.stage.setText(f"{self._what}: {stage}")
        self.bar.setValue(round(max(0.0, min(1.0, fraction)) * STEPS))

    def finish(self) -> None:
        self.hide()

    def _cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.stage.setText("Cancelling the plan export…")
        self.cancelRequested.emit()
