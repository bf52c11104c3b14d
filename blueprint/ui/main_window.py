"""The main window: the canvas, the File, Edit and View menus, and the modified mark.

Dialogs go through the small ``ask_*``/``show_error`` methods, so there is one place that
talks to the user and tests can answer for them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from ..model import Touchpoint
from ..model.templates import new_blueprint
from ..storage import EXTENSION, LoadError, SaveError, load_blueprint
from .canvas.scene import BlueprintScene
from .canvas.view import CanvasView
from .commands import AddTouchpoint, CommandError, RemoveTouchpoints
from .document import Document

APP_NAME = "Blueprint"
FILE_FILTER = f"Blueprints (*{EXTENSION});;All files (*)"
NEW_TOUCHPOINT_TITLE = "New touchpoint"


class MainWindow(QMainWindow):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.setParent(self)  # lives and dies with the window
        self.canvas = CanvasView(BlueprintScene(document), self)
        self.setCentralWidget(self.canvas)
        self.canvas.addTouchpointRequested.connect(self.add_touchpoint)
        self.canvas.problem.connect(self.show_status)
        document.modifiedChanged.connect(self.setWindowModified)
        document.pathChanged.connect(self._update_title)
        document.documentReset.connect(self._update_title)
        self._build_menus()
        self._update_title()
        self._size_to_screen()
        self.canvas.fit_when_shown()

    def _size_to_screen(self) -> None:
        screen = self.screen()
        if screen is None:
            self.resize(1280, 800)
            return
        available = screen.availableGeometry()
        self.resize(int(available.width() * 0.85), int(available.height() * 0.85))

    # --- menus -------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&New", self.new_file, keys.New, "Start a new blueprint"))
        file_menu.addAction(self._action("&Open…", self.open_file, keys.Open, "Open a blueprint"))
        file_menu.addAction(self._action("&Save", self.save, keys.Save, "Save the blueprint"))
        file_menu.addAction(
            self._action("Save &As…", self.save_as, keys.SaveAs, "Save under another name")
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, keys.Quit, "Close the window"))

        stack = self.document.undo_stack
        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence(keys.Redo))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        self.delete_action = self._action(
            "&Delete", self.delete_selection, keys.Delete, "Remove the selected touchpoints"
        )
        edit_menu.addAction(self.delete_action)

        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self._action("Zoom &In", self.canvas.zoom_in, keys.ZoomIn))
        view_menu.addAction(self._action("Zoom &Out", self.canvas.zoom_out, keys.ZoomOut))
        view_menu.addAction(self._action("&Actual Size", self.canvas.actual_size, "Ctrl+0"))
        view_menu.addAction(self._action("&Fit to Window", self.canvas.fit_to_window, "Ctrl+9"))

    def _update_title(self) -> None:
        path = self.document.path
        name = path.name if path is not None else "Untitled"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_modified())

    # --- editing -----------------------------------------------------------------------------

    def add_touchpoint(self, stage_id: str, channel_id: str) -> None:
        touchpoint = Touchpoint(
            title=NEW_TOUCHPOINT_TITLE, stage_id=stage_id, channel_id=channel_id
        )
        if self._push(lambda: AddTouchpoint(self.document, touchpoint)):
            self.canvas.blueprint_scene.select_touchpoints([touchpoint.id])

    def delete_selection(self) -> None:
        chosen = self.canvas.blueprint_scene.selected_touchpoint_ids()
        if chosen:
            self._push(lambda: RemoveTouchpoints(self.document, chosen))

    def _push(self, make_command) -> bool:
        """Make a command and push it; a refusal goes to the status bar, not a traceback."""
        try:
            command = make_command()
        except CommandError as error:
            self.show_status(str(error))
            return False
        self.document.push(command)
        return True

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # --- files -------------------------------------------------------------------------------

    def new_file(self) -> None:
        if self.maybe_save():
            self.document.reset(new_blueprint())

    def open_file(self) -> None:
        if not self.maybe_save():
            return
        path = self.ask_open_path()
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        try:
            blueprint = load_blueprint(path)
        except LoadError as error:
            self.show_error("Cannot open the blueprint", str(error))
            return False
        self.document.reset(blueprint, path)
        self.canvas.fit_when_shown()
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except SaveError as error:
            self.show_error("Cannot save the blueprint", str(error))
            return False
        self.show_status(f"Saved {path.name}")
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current blueprint (saved, or the user says so)."""
        if not self.document.is_modified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()

    # --- talking to the user -------------------------------------------------------------

    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Open blueprint", "", FILE_FILTER)
        return Path(name) if name else None

    def ask_save_path(self) -> Path | None:
        start = str(self.document.path or f"untitled{EXTENSION}")
        name, _ = QFileDialog.getSaveFileName(self, "Save blueprint", start, FILE_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(EXTENSION)

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(
            self,
            APP_NAME,
            "The blueprint has changes that are not saved. Save them?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)
