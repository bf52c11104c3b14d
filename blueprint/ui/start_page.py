"""The start page: what the app shows when it is opened without a file.

New from a template or from one of the examples, Open…, the recent files, and one line on
what blueprint is for, as office suites and draw.io show. It lies over the editor's views
until the user picks something, or uses the window in any other way (any of its commands, a
file dropped on it, lost work restored): then it goes, leaving the editor as it would be
without it. Under it is the usual new blueprint from the standard template, so Escape (or
any command) simply starts there. It reads only the settings (for the recent files) and the
names of the examples, for a quick start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..model import Blueprint
from ..model.templates import TEMPLATES, new_blueprint
from ..report.resources import sample_files
from ..storage import LoadError, load_blueprint
from .app_icon import app_icon
from .recent_files import recent_files
from .settings import APP_NAME
from .status_bar import shown_parts
from .workbench import Workbench

HINT = (
    "Map how customers move through a service, stage by stage and channel by channel, mark "
    "where it hurts, and plan what to fix first."
)
EXAMPLE_NOTE = "Real-looking blueprints to explore: each opens as a new, untitled copy."
OPEN_NOTE = "A blueprint file on this computer or a shared drive"
NO_RECENT = "Blueprints you open or save will be listed here."
FOCUS_RING = (
    "QCommandLinkButton:focus { border: 2px solid palette(highlight); border-radius: 4px; }"
)
#: Widest the page's content grows, in pixels: lines stay readable on a wide screen.
CONTENT_WIDTH = 980


class FileCommands(Protocol):
    """What the page asks the window to do with the blueprint it shows."""

    def new_from(self, blueprint: Blueprint) -> None: ...
    def open_file(self) -> None: ...
    def open_recent(self, path: Path) -> None: ...


class StartPage(QWidget):
    """The page, laid over the workbench's window (its tool bars, panels and views) as it
    is made."""

    def __init__(self, bench: Workbench, files: FileCommands) -> None:
        window = bench.frame
        super().__init__(window)
        self._bench = bench
        self._files = files
        self.setObjectName("startPage")
        self.setAccessibleName("Start page")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        # The style draws no focus on a command link: Tab moved through them unseen.
        self.setStyleSheet(FOCUS_RING)
        self.template_buttons: dict[str, QCommandLinkButton] = {}
        self.example_buttons: dict[Path, QCommandLinkButton] = {}
        self.recent_buttons: dict[Path, QCommandLinkButton] = {}
        self._recent_widgets: list[QWidget] = []
        self._gone = False
        scroll = QScrollArea(self)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices, not their frame
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._content())
        scroll.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._cover = _Cover(self, window)
        # No blueprint is open here: the window is "Blueprint", not "Untitled — Blueprint".
        self._title = window.windowTitle()
        window.setWindowTitle(APP_NAME)

    # --- what it shows -------------------------------------------------------------------

    def _content(self) -> QWidget:
        content = QWidget()
        content.setMaximumWidth(CONTENT_WIDTH)
        grid = QGridLayout(content)
        grid.setContentsMargins(32, 28, 32, 28)
        grid.setHorizontalSpacing(32)
        grid.addLayout(self._header(), 0, 0, 1, 2)
        new = _column(grid, 1, 0, "New blueprint")
        for template in TEMPLATES.values():
            button = _link(template.name.capitalize(), _sentence(template.summary))
            button.clicked.connect(lambda _=False, n=template.name: self.start_from_template(n))
            self.template_buttons[template.name] = button
            new.addWidget(button)
        if samples := sample_files():
            new.addSpacing(12)
            new.addWidget(_heading("Examples"))
            new.addWidget(_note(EXAMPLE_NOTE))
            for path in samples:
                button = _link(_title_of(path))
                button.clicked.connect(lambda _=False, p=path: self.start_from_example(p))
                self.example_buttons[path] = button
                new.addWidget(button)
        new.addStretch(1)
        opening = _column(grid, 1, 1, "Open")
        self.open_button = _link("Open…", OPEN_NOTE)
        self.open_button.clicked.connect(self._files.open_file)
        opening.addWidget(self.open_button)
        opening.addSpacing(12)
        opening.addWidget(_heading("Recent"))
        self._recent = QVBoxLayout()
        self._recent.setSpacing(4)
        opening.addLayout(self._recent)
        opening.addStretch(1)
        self._fill_recent()
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        centred = QWidget()
        outer = QHBoxLayout(centred)
        outer.addStretch(1)
        outer.addWidget(content, 100)
        outer.addStretch(1)
        return centred

    def _header(self) -> QGridLayout:
        header = QGridLayout()
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(56, 56))
        header.addWidget(icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        title = QLabel(APP_NAME)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        header.addWidget(title, 0, 1)
        header.addWidget(_note(HINT), 1, 1)
        header.setColumnStretch(1, 1)
        header.setHorizontalSpacing(16)
        header.setContentsMargins(0, 0, 0, 16)
        return header

    def _fill_recent(self) -> None:
        for widget in self._recent_widgets:
            widget.deleteLater()
        self.recent_buttons.clear()
        paths = recent_files()
        for path in paths:
            button = _link(path.name, str(path.parent))
            button.setToolTip(str(path))
            button.clicked.connect(lambda _=False, p=path: self.open_recent(p))
            self.recent_buttons[path] = button
        if paths:
            self._recent_widgets = list(self.recent_buttons.values())
        else:
            self._recent_widgets = [_note(NO_RECENT)]
        for widget in self._recent_widgets:
            self._recent.addWidget(widget)

    # --- what it does ------------------------------------------------------------------------

    def start_from_template(self, name: str) -> None:
        self._start_from(new_blueprint(name))

    def start_from_example(self, path: Path) -> None:
        try:
            blueprint = load_blueprint(path)
        except LoadError as error:
            self._bench.show_error("Cannot open the example", str(error))
            return
        self._start_from(blueprint)

    def _start_from(self, blueprint: Blueprint) -> None:
        self._files.new_from(blueprint)  # shown whole, as an opened file is

    def open_recent(self, path: Path) -> None:
        self._files.open_recent(path)
        if not self._gone:  # not opened (moved away?): it may have left the list
            self._fill_recent()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter picks the focused choice as on every button (ui/button_keys.py).
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
        else:
            super().keyPressEvent(event)

    def leave(self) -> None:
        """Go, for good: the editor under the page takes over."""
        if self._gone:
            return
        self._gone = True
        self.hide()
        self._cover.uncover()
        window = self._bench.frame
        if window.windowTitle() == APP_NAME:  # not renamed by a file opened meanwhile
            window.setWindowTitle(self._title)
        # The grid, where the arrows start (the tab bar around it took the focus before).
        self._bench.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        self.deleteLater()


class _Cover(QObject):
    """Lays the page over everything between the window's menu bar and status bar (tool
    bars, panels, views), which are out of reach meanwhile, and gives them back after."""

    def __init__(self, page: StartPage, window: QMainWindow) -> None:
        super().__init__(page)
        self._page, self._window = page, window
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        parts = [
            window.centralWidget(),
            *window.findChildren(QDockWidget, options=direct),
            *window.findChildren(QToolBar, options=direct),
        ]
        self._covered = [w for w in parts if w.isEnabled()]
        for widget in self._covered:
            widget.setEnabled(False)  # out of the focus chain while the page covers it
        # The status bar's legends and journey state are the canvas's: none is in sight.
        self._legends = shown_parts(window.statusBar())
        for widget in self._legends:
            widget.hide()
        for watched in (window, window.menuBar(), window.statusBar()):
            watched.installEventFilter(self)
        self.place()

    def place(self) -> None:
        window = self._window
        bar = window.menuBar()
        top = bar.geometry().bottom() + 1 if bar.isVisible() else 0
        status = window.statusBar()
        bottom = status.geometry().top() if status.isVisible() else window.height()
        self._page.setGeometry(QRect(0, top, window.width(), max(0, bottom - top)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self.place()
        return False

    def uncover(self) -> None:
        for widget in (self._window.menuBar(), self._window.statusBar(), self._window):
            widget.removeEventFilter(self)
        for widget in self._covered:
            if isValid(widget):
                widget.setEnabled(True)
        for widget in self._legends:
            if isValid(widget):
                widget.show()


def install_start_page(bench: Workbench, files: FileCommands) -> StartPage:
    """Lay the start page over the workbench's window until the user starts on something;
    what the user picks on it, ``files`` opens or starts."""
    page = StartPage(bench, files)
    page.raise_()
    page.show()
    first = next(iter(page.template_buttons.values()), page.open_button)
    first.setFocus()
    bench.document.documentReset.connect(page.leave)
    bench.document.undo_stack.indexChanged.connect(page.leave)
    for action in bench.frame.findChildren(QAction):
        action.triggered.connect(page.leave)
    return page


def _column(grid: QGridLayout, row: int, column: int, title: str) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setSpacing(4)
    layout.addWidget(_heading(title))
    grid.addLayout(layout, row, column)
    return layout


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 4, 0, 4)
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _link(title: str, description: str = "") -> QCommandLinkButton:
    button = QCommandLinkButton(title, description)
    button.setAccessibleName(title)
    button.setAccessibleDescription(description)
    return button


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _title_of(path: Path) -> str:
    """'broadband-installation.blueprint' -> 'Broadband installation'."""
    return path.stem.replace("-", " ").replace("_", " ").capitalize()
