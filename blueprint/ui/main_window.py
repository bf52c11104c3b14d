"""The main window: the canvas, the File, Edit, View and Help menus, and the modified mark.

Dialogs go through the small ``ask_*``/``show_error`` methods, so there is one place that
talks to the user and tests can answer for them.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget
from shiboken6 import isValid

from ..model import SCHEMA_VERSION, Blueprint
from ..model.templates import new_blueprint
from ..storage import (
    EXTENSION,
    LoadError,
    NewerVersionError,
    SaveError,
    load_blueprint_and_version,
    remove_stale_temporaries,
)
from . import theme
from .about import show_about
from .accessible_names import name_the_rest
from .blueprint_properties import BlueprintPropertiesOpener
from .button_keys import EnterPressesButtons
from .canvas.accessible import announce
from .canvas.scene import BlueprintScene
from .canvas.view import CanvasView
from .commands import RemoveTouchpoints, push_checked
from .comments import install_comments
from .compare import install_compare_with
from .document import Document
from .export import add_export_actions
from .field_undo import UndoFromFields
from .file_drop import FileDropTarget
from .folders import FILE_FILTER
from .inspector import install_editing
from .journey_views import install_journey_views, removal_for
from .keys_help import KeyboardShortcuts
from .lanes import ViewTabs, install_lanes
from .live import install_live
from .menu_keys import ShiftF10OpensMenus
from .menus import build_menus
from .overlays import install_overlays
from .panes import install_panes
from .plan import LivePlan
from .plan.contact_reasons_install import install_contact_reasons
from .plan.export_action import install_plan_export
from .plan.improvements_install import install_improvements
from .plan.staircase_dock import install_staircase
from .preferences import install_preferences
from .recent_files import forget_file, recent_files, remember_file
from .recovery import Autosaver, RecoveryEntry
from .settings import APP_NAME, save_window_layout
from .sharing import install_merge_with, install_sharing
from .spreadsheets import install_spreadsheets
from .start_page import install_start_page
from .structure import install_structure_editing
from .tips import as_typed
from .workbench import Workbench
from .workshop import install_workshop

#: Screens under this size (logical pixels) get a maximised window the first time.
SMALL_SCREEN = (1440, 900)
#: Characters no file name may hold on some system (Windows is the strictest).
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_name_for(title: str) -> str:
    """A file name from the blueprint's title: ``Broadband installation.blueprint``."""
    name = _NOT_IN_FILE_NAMES.sub("-", title).strip(" .")[:120].strip(" .")
    return f"{name or 'untitled'}{EXTENSION}"


class MainWindow(QMainWindow):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.setParent(self)  # lives and dies with the window
        #: the file format of the file opened, when older than this one's (its next save
        #: upgrades it, and is said)
        self._older_format: int | None = None
        #: its size and panels are what the next start opens with (not so a window of
        #: restored work, set beside the first)
        self.remembers_layout = True
        theme.use_system_theme()  # before the scene takes its colours
        theme.readable_hints()
        UndoFromFields.install()
        EnterPressesButtons.install()
        ShiftF10OpensMenus.install()
        self.canvas = CanvasView(BlueprintScene(document), self)
        self.canvas.setAccessibleName("Blueprint canvas")
        self.canvas.setAccessibleDescription(
            "Lifecycle stages in columns, channels in rows, touchpoints as cards"
        )
        self.setCentralWidget(ViewTabs(self.canvas))  # the grid; the lanes join it
        self.statusBar().setAccessibleName("Status bar")
        # What an action did is said to a screen reader too, not only shown.
        self.statusBar().messageChanged.connect(self._announce)
        self.autosaver = Autosaver(document, self)
        self.autosaver.problem.connect(self.show_status)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._follow_colour_scheme)
        self.canvas.problem.connect(self.show_status)
        document.modifiedChanged.connect(self.setWindowModified)
        document.pathChanged.connect(self._update_title)
        document.documentReset.connect(self._update_title)
        document.documentReset.connect(self._forget_older_format)  # open_path sets it after
        self.properties = BlueprintPropertiesOpener(document, self.canvas, self, self.show_status)
        self.menus = build_menus(self, self, document.undo_stack, self.canvas)
        add_export_actions(self)
        self.undo_action, self.redo_action = self.menus.undo, self.menus.redo
        # Said on the status line, on a projector too: what Ctrl+Z took back (the message of
        # the change itself stayed there, as if it still stood).
        stack = document.undo_stack
        self.undo_action.triggered.connect(lambda: self._said_step("Undid", stack.index()))
        self.redo_action.triggered.connect(lambda: self._said_step("Redid", stack.index() - 1))
        self.delete_action = self.menus.delete
        # What each feature is handed; it never reaches into the window for more.
        self.workbench = bench = Workbench(
            frame=self,
            document=document,
            canvas=self.canvas,
            menus=self.menus,
            show_status=self.show_status,
            # Looked up when called: tests answer for the window's dialogs by replacing them.
            show_error=lambda *said: self.show_error(*said),
        )
        self.editing = install_editing(bench)  # inspector, personas, Edit actions, rename
        selection, inspector = self.editing.selection, self.editing.inspector
        self.structure = install_structure_editing(bench, selection)  # stages and channels
        # The plan inside the editor: one live plan, read by every view of it.
        self.live_plan = live_plan = LivePlan(document, self)
        self.lanes = install_lanes(bench)
        # In this order, the View menu lists the panels together, then the overlays, then
        # workshop mode.
        self.improvements = install_improvements(bench, live_plan, inspector)
        self.staircase = install_staircase(bench, live_plan)
        self.contact_reasons = install_contact_reasons(bench, live_plan, inspector)
        self.overlays = install_overlays(bench, live_plan)
        self.workshop = install_workshop(bench, selection)
        if self.editing.give_way is not None:  # workshop mode places the panels meanwhile
            self.workshop.activeChanged.connect(self.editing.give_way.set_paused)
        # Today's journey, tomorrow's, both: View › Journey goes just before View › Overlays.
        self.journey = install_journey_views(bench, self.editing, self.overlays.menu)
        # The selected improvement lights up its friction points and touchpoints.
        self.improvements.highlightRequested.connect(self.overlays.highlight)
        # ... until the user picks a card: the highlight follows the selection.
        self.canvas.blueprint_scene.selectionChanged.connect(
            self.improvements.selection_moved_elsewhere
        )
        self.plan_export = install_plan_export(bench, live_plan)
        # Excel and metrics, after the exports; importing a workbook replaces the blueprint.
        self.spreadsheets = install_spreadsheets(
            bench, lambda: self.may_drop("importing a workbook")
        )
        # Comment threads and merge conflicts: a dock tabbed with the inspector.
        self.talk = install_comments(
            bench, self.editing, self.improvements, self.journey.select_card
        )
        self.preferences_action = install_preferences(bench)
        # The open file's lock, and a watch on it for changes made on disk.
        self.sharing = install_sharing(bench)
        self.compare_with = install_compare_with(bench)  # File › Compare With…
        # File › Merge With…, just after it: a copy a colleague sent, taken in.
        self.merge_with = install_merge_with(bench, self.compare_with.action)
        # File > Share Live / Join Live; joining replaces the blueprint, so it asks first.
        self.live = install_live(bench, lambda: self.maybe_save())
        self.panes = install_panes(bench)  # after the docks: F6 goes round them
        self.panes.also(self.workshop.toolbar)  # the capture bar, in workshop mode
        name_the_rest(self)  # for assistive technology, once every part is in
        self._update_title()
        self._size_to_screen()
        self.canvas.fit_when_shown()
        self.file_drop = FileDropTarget(self)
        self.file_drop.watch_window(self)
        self.file_drop.fileDropped.connect(self.open_dropped)

    def on_small_screen(self) -> bool:
        """A laptop or a projector (1280x720, 1366x768): the window opens maximised."""
        screen = self.screen()
        if screen is None:
            return False
        available = screen.availableGeometry()
        return available.width() < SMALL_SCREEN[0] or available.height() < SMALL_SCREEN[1]

    def show_maximised(self) -> None:
        screen = self.screen()
        if screen is not None:
            # Where no window manager maximises (a kiosk, a bare X server), fill it anyway.
            self.setGeometry(screen.availableGeometry())
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self.show()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab, past what is out of sight (a dock behind another's tab)."""
        target = self.panes.next_in_tab_order(next)
        if target is None:
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def _size_to_screen(self) -> None:
        screen = self.screen()
        if screen is None:
            self.resize(1280, 800)
            return
        available = screen.availableGeometry()
        self.resize(int(available.width() * 0.85), int(available.height() * 0.85))

    def _update_title(self) -> None:
        path = self.document.path
        name = path.name if path is not None else "Untitled"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.is_modified())

    # --- editing -----------------------------------------------------------------------------

    def delete_selection(self) -> None:
        scene = self.canvas.blueprint_scene
        chosen = scene.selected_touchpoint_ids()
        if chosen:
            command = push_checked(
                self.document,
                lambda: removal_for(self.document, scene.journey_view, chosen),
                self.show_status,
            )
            if isinstance(command, RemoveTouchpoints):
                self.show_status(command.summary)
            elif command is not None:
                self.show_status(f"{command.text()}: it stays in today's journey.")

    def _forget_older_format(self) -> None:
        self._older_format = None

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _announce(self, message: str) -> None:
        if message and isValid(self):
            announce(self.statusBar(), message)

    def _said_step(self, verb: str, index: int) -> None:
        step = self.document.undo_stack.text(index)
        if step:
            self.show_status(f"{verb}: {step}.")

    def show_blueprint_properties(self) -> None:
        self.properties.show_properties()

    def show_about(self) -> None:
        show_about(self)

    def show_keyboard_shortcuts(self) -> None:
        KeyboardShortcuts(self).exec()

    def _follow_colour_scheme(self) -> None:
        theme.use_system_theme()
        theme.readable_hints()
        theme.repaint(self.canvas)

    # --- files -------------------------------------------------------------------------------

    def new_file(self) -> None:
        self.new_from(new_blueprint())

    def new_from(self, blueprint: Blueprint) -> None:
        """Start an untitled blueprint from ``blueprint`` (a template's, an example's), shown
        from its first stage and channel, as an opened file is (not scrolled to where the
        last one was)."""
        if self.may_drop("starting another blueprint"):
            self.statusBar().clearMessage()  # the last file's
            self.document.reset(blueprint)
            self.canvas.fit_when_shown()

    def close_blueprint(self) -> None:
        """Ctrl+W: put this blueprint away (asking to save it) and show the start page. The
        last window never closes with it: quitting is File › Quit."""
        name = self.document.path.name if self.document.path else "the blueprint"
        if self.may_drop():
            self.autosaver.discard()
            self.document.reset(new_blueprint())
            self.start_page = install_start_page(self.workbench, self)
            self.show_status(f"Closed {name}.")

    def open_file(self) -> None:
        if not self.may_drop("opening another blueprint"):
            return
        path = self.ask_open_path()
        if path is not None:
            self.open_path(path)

    def open_recent(self, path: Path) -> None:
        if not self.may_drop("opening another blueprint"):
            return
        if not self.open_path(path) and not path.exists():
            forget_file(path)

    def open_dropped(self, path: Path) -> None:
        if self.may_drop("opening another blueprint"):
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        self.statusBar().clearMessage()  # the last file's ("Closed …"), not this one's
        if not self.sharing.may_open(path):
            return False
        try:
            blueprint, version = load_blueprint_and_version(path)
        except NewerVersionError as error:
            self.show_error("Made by a newer version of Blueprint", str(error))
            return False
        except LoadError as error:
            details = error.details()  # every problem, where the message lists the first
            if details:
                self.show_error("Cannot open the blueprint", error.listed(), details)
            else:
                self.show_error("Cannot open the blueprint", error.listed())
            return False
        self.document.reset(blueprint, path)
        self.canvas.fit_when_shown()
        remember_file(path)
        remove_stale_temporaries(path)  # what saves killed half-way left beside it
        self._older_format = version if version < SCHEMA_VERSION else None
        if self._older_format is not None:
            # Until another message: saving changes what opens the file (it was silent).
            self.statusBar().showMessage(
                f"{path.name} is in the file format of an older Blueprint ({version}); saving "
                f"it writes format {SCHEMA_VERSION}, which older versions of Blueprint cannot "
                "open."
            )
        return True

    def restore_recovered(self, entry: RecoveryEntry, blueprint: Blueprint) -> None:
        """Show work recovered after a crash: unsaved, and saved over its original file."""
        self.document.reset(blueprint, entry.original)
        self.autosaver.adopt(entry)  # its files go when this document is saved or dropped
        self.document.undo_stack.resetClean()
        self.canvas.fit_when_shown()
        self.show_status(f"Restored unsaved work from {entry.display_name}")

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        if not self.sharing.may_save(path):
            return False
        try:
            self.document.save(path)
        except SaveError as error:
            self.show_error("Cannot save the blueprint", str(error))
            return False
        self.sharing.saved()
        remember_file(path)
        if self._older_format is not None:
            self.show_status(
                f"Saved {path.name} in file format {SCHEMA_VERSION} (it was in format "
                f"{self._older_format}): older versions of Blueprint cannot open it now."
            )
            self._older_format = None
        else:
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

    def may_drop(self, doing: str = "closing") -> bool:
        """True when the blueprint may go (``doing`` it: another opened, closed, the window
        closed): the live room is not ended for others nor edits not sent dropped unasked
        (File › Close ended a hosted room with only the save question), and the changes are
        saved or the user says so."""
        return self.live.may_close(doing) and self.maybe_save()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The changes first: saving them is worth doing even if the user then keeps the
        # window open for the export to finish.
        if self.may_drop() and self.plan_export.may_close():
            self.autosaver.discard()  # saved, or the user chose to drop the changes
            self.sharing.release()
            self.live.leave()
            self.workshop.leave()  # the layout saved for the next run is the usual one
            if self.remembers_layout:
                save_window_layout(self)
            event.accept()
        else:
            event.ignore()

    # --- talking to the user -------------------------------------------------------------

    def ask_open_path(self) -> Path | None:
        # The open blueprint's folder, or the last one opened's (it started in the folder
        # the program was started from: a keyboard user typed the whole path again). Only
        # the last is looked at: a folder on a share out of reach may take seconds to say so.
        last = next(iter(recent_files()), None)
        known = last.parent if last is not None and last.parent.is_dir() else None
        start = self.document.folder(known)
        name, _ = QFileDialog.getOpenFileName(self, "Open blueprint", start, FILE_FILTER)
        return Path(name) if name else None

    def ask_save_path(self) -> Path | None:
        untitled = self.document.untitled_path(file_name_for(self.document.blueprint.title))
        start = str(self.document.path or untitled)
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
            as_typed(f"{self._document_name()} has changes that are not saved. Save them?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )

    def _document_name(self) -> str:
        """The open file's name, or the blueprint's title when it has no file yet."""
        path = self.document.path
        return path.name if path is not None else f"'{self.document.blueprint.title}'"

    def show_error(self, title: str, message: str, details: str = "") -> None:
        """``details``: all that ``message`` shortens (every problem of a file), behind Show
        Details…, where it scrolls and can be copied."""
        if not details:
            QMessageBox.critical(self, title, as_typed(message))
            return
        box = QMessageBox(QMessageBox.Icon.Critical, title, as_typed(message), parent=self)
        box.setDetailedText(details)  # plain text, shown as typed
        box.exec()
