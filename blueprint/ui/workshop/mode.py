"""Workshop mode: full screen, larger type, the docks out of the way, and quick capture.

For a facilitator at a projector. Entering remembers how the window was (normal or
maximized, its docks and toolbars, its type, the canvas zoom and scroll); leaving (the same
action, F11, or Escape) puts all of it back. Closing the window leaves workshop mode first
(``MainWindow.closeEvent``, once the close is certain: a close the user cancels keeps the
workshop going), so the layout saved for the next run is the normal one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QToolBar
from shiboken6 import isValid

from ..commands.base import quoted
from ..inspector.selection import CanvasSelection
from ..menus import describe
from ..pages import show_page_of, tab_widgets_around
from ..workbench import Workbench
from .capture import QuickCapture
from .capture_bar import CaptureBar

#: The window's type in workshop mode, relative to the usual.
FONT_SCALE = 1.3
#: The canvas is shown at least this large: card titles readable from the back of a room.
WORKSHOP_ZOOM = 1.25
TIP = "Full screen, larger type and quick capture of cards, for a workshop"
ENTERED = "Workshop mode: type a title and press Enter to add the card; Esc leaves workshop mode."


@dataclass(frozen=True)
class _WindowLook:
    """How the window was before workshop mode."""

    state: Qt.WindowState
    docks: QByteArray
    font: QFont | None  # None: the window had no font of its own
    zoom: float
    scroll: tuple[int, int]
    #: the tab shown by each tab widget around the canvas (the grid may share a tab widget)
    tabs: tuple[tuple[QTabWidget, int], ...]


class WorkshopMode(QObject):
    #: entered (True) or left (False), once the window is as workshop mode leaves it
    activeChanged = Signal(bool)

    def __init__(self, bench: Workbench, selection: CanvasSelection) -> None:
        window: QMainWindow = bench.frame
        super().__init__(window)
        self._window = window
        self._bench = bench
        self._canvas = bench.canvas
        self._before: _WindowLook | None = None
        self.bar = CaptureBar()
        self.toolbar = QToolBar("Quick Capture", window)
        self.toolbar.setObjectName("workshopCaptureBar")  # saved and restored with the docks
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.toggleViewAction().setVisible(False)  # shown by workshop mode only
        self.toolbar.addWidget(self.bar)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.toolbar)
        self.toolbar.hide()
        self.capture = QuickCapture(bench, selection, self.bar)
        self.capture.message.connect(self._status)
        self.action = QAction("&Workshop Mode", window)
        self.action.setCheckable(True)
        self.action.setShortcuts(_full_screen_keys())
        describe(self.action, TIP)
        self.action.toggled.connect(self.set_active)
        bench.menus.view.addSeparator()
        bench.menus.view.addAction(self.action)
        window.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self._before is not None

    def set_active(self, active: bool) -> None:
        if active:
            self.enter()
        else:
            self.leave()

    def enter(self) -> None:
        if self.active:
            return
        window, canvas = self._window, self._canvas
        self._before = _WindowLook(
            window.windowState(),
            window.saveState(),
            QFont(window.font()) if window.testAttribute(Qt.WidgetAttribute.WA_SetFont) else None,
            canvas.zoom(),
            (canvas.horizontalScrollBar().value(), canvas.verticalScrollBar().value()),
            tuple((tabs, tabs.currentIndex()) for tabs in tab_widgets_around(canvas)),
        )
        show_page_of(canvas)  # captured cards land on the grid: show it
        for dock in window.findChildren(QDockWidget):
            dock.hide()
        window.setFont(_scaled(window.font(), FONT_SCALE))
        self.bar.enlarge(window.font())
        self.toolbar.show()
        window.setWindowState(self._before.state | Qt.WindowState.WindowFullScreen)
        canvas.set_zoom(max(canvas.zoom(), WORKSHOP_ZOOM))
        self._checked(True)
        self.capture.start()
        self._status(ENTERED)
        self.activeChanged.emit(True)

    def leave(self) -> None:
        before, self._before = self._before, None
        if before is None:
            return
        window, canvas = self._window, self._canvas
        self.capture.stop()
        self._checked(False)
        self.toolbar.hide()
        window.setFont(before.font if before.font is not None else QFont())
        window.setWindowState(before.state)
        window.restoreState(before.docks)
        for tabs, index in before.tabs:
            if isValid(tabs):
                tabs.setCurrentIndex(index)
        canvas.set_zoom(before.zoom)
        canvas.horizontalScrollBar().setValue(before.scroll[0])
        canvas.verticalScrollBar().setValue(before.scroll[1])
        # Where it was, but for the cards just captured: the last one stays in sight while
        # the window leaves full screen and its panels come back (it was left half off).
        canvas.keep_selection_in_sight_as_it_settles()
        canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        self.activeChanged.emit(False)
        waiting = self.bar.line.text().strip()
        if waiting:
            # Escape with a title typed adds nothing; it was kept, unsaid.
            self._status(
                f"Left workshop mode. {quoted(waiting)} was not added: it waits in the "
                "capture bar for the next time (F11)."
            )
        else:  # in place of how to use the mode, which read as if it were still on
            self._status("Left workshop mode (F11 enters it again).")

    def _checked(self, checked: bool) -> None:
        blocked = self.action.blockSignals(True)
        self.action.setChecked(checked)
        self.action.blockSignals(blocked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return False
        if (
            self.active
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
        ):
            # An Escape nobody used (a rename in place, a drag cancel it first) leaves.
            self.leave()
            return True
        return False

    def _status(self, message: str) -> None:
        self._bench.show_status(message)


def _full_screen_keys() -> list[QKeySequence]:
    """F11, and the platform's own full-screen keys."""
    keys = [QKeySequence(Qt.Key.Key_F11)]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.FullScreen):
        if key not in keys:
            keys.append(key)
    return keys


def _scaled(font: QFont, factor: float) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    else:
        scaled.setPixelSize(round(font.pixelSize() * factor))
    return scaled


def install_workshop(bench: Workbench, selection: CanvasSelection) -> WorkshopMode:
    """Add workshop mode (View menu, F11) to the workbench's window; quick capture aims at
    the current cell of ``selection`` (the editing tools') when the user clicks."""
    return WorkshopMode(bench, selection)
