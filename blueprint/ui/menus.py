"""The menu bar of the main window: its actions, their standard keys, tips and hints.

Standard actions take the platform's keys (``QKeySequence.StandardKey``) with every
alternative the platform knows; each action has a status-bar hint and a tooltip that
shows its key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QTabWidget, QWidget
from shiboken6 import isValid

from .accessible_names import literal
from .recent_files import RecentFilesMenu
from .settings import APP_NAME

Keys = QKeySequence.StandardKey

#: Edit > Duplicate, as in drawing tools. KDE and GNOME also list it among the keys of
#: Delete: there Delete gives it up, else the key would be ambiguous and do nothing at all.
DUPLICATE_KEY = "Ctrl+D"


def make_action(
    window: QObject,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | str | list[QKeySequence] | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, QKeySequence.StandardKey | list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    describe(action, tip)
    action.triggered.connect(slot)
    return action


def platform_keys(
    standard: QKeySequence.StandardKey, taken: tuple[str, ...] = ()
) -> list[QKeySequence]:
    """Every key the platform binds to a standard action, except those another action takes."""
    others = {QKeySequence(key) for key in taken}
    return [key for key in QKeySequence.keyBindings(standard) if key not in others]


def describe(action: QAction, tip: str) -> None:
    """The status-bar hint, and a tooltip with the key, e.g. 'Save the blueprint (Ctrl+S)'."""
    action.setStatusTip(tip)
    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = tip or action.text().replace("&", "").rstrip("…")
    action.setToolTip(f"{text} ({key})" if key else text)


@dataclass(frozen=True)
class Menus:
    """The menus (others may add to them) and the actions tests and panels refer to."""

    file: QMenu
    recent: RecentFilesMenu
    edit: QMenu
    view: QMenu
    plan: QMenu
    help: QMenu
    undo: QAction
    redo: QAction
    delete: QAction


class WindowCommands(Protocol):
    """What the File, Edit and Help menus ask of the window they are in."""

    def new_file(self) -> None: ...
    def open_file(self) -> None: ...
    def open_recent(self, path: Path) -> None: ...
    def show_blueprint_properties(self) -> None: ...
    def save(self) -> bool: ...
    def save_as(self) -> bool: ...
    def close_blueprint(self) -> None: ...
    def delete_selection(self) -> None: ...
    def show_about(self) -> None: ...
    def show_keyboard_shortcuts(self) -> None: ...


def insert_after(menu: QMenu, after: QAction | None, action: QAction) -> None:
    """Put ``action`` in ``menu`` just after ``after``; at the end when ``after`` is not in it
    (or is its last entry)."""
    entries = menu.actions()
    place = entries.index(after) + 1 if after in entries else len(entries)
    if place >= len(entries):
        menu.addAction(action)
    else:
        menu.insertAction(entries[place], action)


def build_menus(
    window: QMainWindow, commands: WindowCommands, undo_stack: QUndoStack, canvas: QWidget
) -> Menus:
    """The menu bar of ``window``: its commands, undo and redo of ``undo_stack``, and zoom
    on the view in sight (``canvas`` when the middle of the window is not tabs)."""
    bar = window.menuBar()
    file_menu, edit_menu = bar.addMenu("&File"), bar.addMenu("&Edit")
    view_menu, plan_menu = bar.addMenu("&View"), bar.addMenu("&Plan")
    help_menu = bar.addMenu("&Help")
    recent = _fill_file_menu(window, commands, file_menu)
    undo, redo, delete = _fill_edit_menu(window, commands, undo_stack, edit_menu)
    _fill_view_menu(window, canvas, view_menu)
    _fill_help_menu(window, commands, help_menu)
    return Menus(file_menu, recent, edit_menu, view_menu, plan_menu, help_menu, undo, redo, delete)


def _fill_file_menu(window: QMainWindow, commands: WindowCommands, menu: QMenu) -> RecentFilesMenu:
    menu.addAction(
        make_action(window, "&New", commands.new_file, Keys.New, "Start a new blueprint")
    )
    menu.addAction(make_action(window, "&Open…", commands.open_file, Keys.Open, "Open a blueprint"))
    recent = RecentFilesMenu(menu)
    recent.openRequested.connect(commands.open_recent)
    menu.addMenu(recent)
    describe(recent.menuAction(), "Open one of the blueprints opened lately")
    menu.addAction(
        make_action(
            window,
            "&Blueprint Properties…",
            commands.show_blueprint_properties,
            None,
            "Set the blueprint's title, organisation, currency and description",
        )
    )
    menu.addSeparator()
    menu.addAction(make_action(window, "&Save", commands.save, Keys.Save, "Save the blueprint"))
    menu.addAction(
        make_action(window, "Save &As…", commands.save_as, Keys.SaveAs, "Save under another name")
    )
    menu.addSeparator()
    menu.addAction(
        make_action(
            window,
            "&Close",
            commands.close_blueprint,
            Keys.Close,
            f"Close this blueprint; {APP_NAME} stays open (Quit ends it)",
        )
    )
    menu.addAction(
        make_action(window, "&Quit", QApplication.closeAllWindows, Keys.Quit, f"Quit {APP_NAME}")
    )
    return recent


def _fill_edit_menu(
    window: QMainWindow, commands: WindowCommands, stack: QUndoStack, menu: QMenu
) -> tuple[QAction, QAction, QAction]:
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(Keys.Undo)
    describe(undo, "Undo the last change")
    stack.undoTextChanged.connect(_StepName(undo, "&Undo").show)
    redo = stack.createRedoAction(window, "&Redo")
    # Ctrl+Y too, where the platform's redo is Ctrl+Shift+Z (Linux): a facilitator used to
    # Windows pressed it and nothing happened.
    redo_keys = QKeySequence.keyBindings(Keys.Redo)
    if QKeySequence("Ctrl+Y") not in redo_keys:
        redo_keys.append(QKeySequence("Ctrl+Y"))
    redo.setShortcuts(redo_keys)
    describe(redo, "Redo the change just undone")
    stack.redoTextChanged.connect(_StepName(redo, "&Redo").show)
    menu.addActions([undo, redo])
    menu.addSeparator()
    delete = make_action(
        window,
        "&Delete",
        commands.delete_selection,
        platform_keys(Keys.Delete, taken=(DUPLICATE_KEY,)),
        "Remove the selected touchpoints",
    )
    menu.addAction(delete)
    return undo, redo, delete


#: An action property: the command's name where its text changes (Undo names the step).
COMMAND_NAME = "commandName"


class _StepName(QObject):
    """Names the step in the Undo (or Redo) action: "Undo Remove contact reason 'Orders &
    delivery'". The stack's own naming reads a '&' in a name as a mnemonic, and the menu
    showed 'Orders  delivery'."""

    def __init__(self, action: QAction, verb: str) -> None:
        super().__init__(action)
        self._action = action
        self._verb = verb
        action.setProperty(COMMAND_NAME, verb)  # the list of keys says "Undo", not the step

    @Slot(str)  # a slot of this object: the connection goes when the action (its parent) goes
    def show(self, step: str) -> None:
        if not isValid(self._action):
            return  # the window is going: the stack empties after the action's wrapper went
        self._action.setText(f"{self._verb} {literal(step)}" if step else self._verb)


def _fill_view_menu(window: QMainWindow, canvas: QWidget, menu: QMenu) -> None:
    def zoom(name: str) -> Callable[[], object]:
        return lambda: getattr(_shown_view(window, canvas), name)()

    menu.addAction(make_action(window, "Zoom &In", zoom("zoom_in"), Keys.ZoomIn, "Zoom in"))
    menu.addAction(make_action(window, "Zoom &Out", zoom("zoom_out"), Keys.ZoomOut, "Zoom out"))
    menu.addAction(
        make_action(window, "&Actual Size", zoom("actual_size"), "Ctrl+0", "Show at 100%")
    )
    menu.addAction(
        make_action(
            window, "&Fit to Window", zoom("fit_to_window"), "Ctrl+9", "Show the whole blueprint"
        )
    )


def _shown_view(window: QMainWindow, canvas: QWidget) -> Any:
    """The view the zoom actions act on: the one in sight when the views are tabs (grid,
    lanes), else the canvas."""
    tabs = window.centralWidget()
    shown = tabs.currentWidget() if isinstance(tabs, QTabWidget) else None
    return shown if hasattr(shown, "fit_to_window") else canvas


def _fill_help_menu(window: QMainWindow, commands: WindowCommands, menu: QMenu) -> None:
    menu.addAction(
        make_action(
            window,
            "&Keyboard Shortcuts",
            commands.show_keyboard_shortcuts,
            Keys.HelpContents,
            "Every key of the window: the canvas's and each menu's",
        )
    )
    menu.addAction(
        make_action(
            window,
            f"&About {APP_NAME}",
            commands.show_about,
            tip=f"The version of {APP_NAME} and what it is built on",
        )
    )
