"""Moving the keyboard focus between the window's panes: F6 and Shift+F6 go round the canvas
(or the view in its place) and the docks in sight; Tab never lands in a dock hidden behind
another dock's tab.

A dock tabbed behind another is still "visible" to Qt, which lets Tab walk into its fields
where nobody can see them; the window asks ``next_in_tab_order`` instead. Its Alt+letter
shortcuts would act there too (Alt+W went on from the inspector's Wait to a persona's value
weight behind it, and typing changed the weight): a dock's contents are enabled only while
it is in sight (``enabled_in_sight``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabWidget,
    QWidget,
)
from shiboken6 import isValid

from .inspector.forms import in_tab_order
from .menus import make_action
from .workbench import Workbench

NEXT_PANE_KEY = "F6"
PREVIOUS_PANE_KEY = "Shift+F6"


def hidden_behind_a_tab(widget: QWidget) -> bool:
    """True inside a dock that is open but tabbed behind another: not in sight."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QDockWidget):
            return current.isVisible() and current.visibleRegion().isEmpty()
        current = current.parentWidget()
    return False


def takes_tab_focus(widget: QWidget, window: QWidget) -> bool:
    """Whether Tab may stop at ``widget`` (as Qt decides, and in sight)."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
        and not hidden_behind_a_tab(widget)
        and not _parked(widget, window)
    )


def _whole_in_sight(area: QScrollArea, field: QWidget, margin: int = 8) -> None:
    """Scroll ``area`` so that ``field`` shows whole, or its top part as tall as the area."""
    corner = field.mapTo(area.widget(), QPoint(0, 0))
    shown = min(field.height(), area.viewport().height() - 2 * margin)
    half_width = min(field.width(), area.viewport().width() - 2 * margin) / 2
    area.ensureVisible(
        round(corner.x() + half_width),
        round(corner.y() + shown / 2),
        round(half_width + margin),
        round(shown / 2 + margin),
    )


def _parked(widget: QWidget, window: QWidget) -> bool:
    """A part of the window's own frame kept out of sight, such as the tab bar of a dock
    area with no docks, which the window moves off its edge rather than hiding."""
    return widget.parentWidget() is window and widget.visibleRegion().isEmpty()


def enabled_in_sight(dock: QDockWidget) -> None:
    """Keep the dock's contents enabled only while the dock is in sight: Qt tells by
    ``visibilityChanged`` when its tab comes to the front or goes behind another, and when
    it is shown or hidden. Disabled, nothing in it answers a shortcut."""

    def follow(in_sight: bool) -> None:
        contents = dock.widget()
        if contents is not None:
            contents.setEnabled(in_sight)

    dock.visibilityChanged.connect(follow)


def focus_target(pane: QWidget) -> QWidget | None:
    """Where the keys go in a pane: where they were last, else the field it names as its
    focus proxy (the Comments panel's box to write in), else its first field."""
    window = pane.window()
    last = pane.focusWidget()
    if last is not None and pane.isAncestorOf(last) and takes_tab_focus(last, window):
        return last
    proxy = pane.focusProxy()
    if proxy is not None and takes_tab_focus(proxy, window):
        return proxy
    if takes_tab_focus(pane, window):
        return pane
    return next((w for w in in_tab_order(pane) if takes_tab_focus(w, window)), None)


def _give_the_keys(pane: QWidget) -> None:
    target = focus_target(pane)
    if target is not None:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)


class _TabMnemonics(QObject):
    """Alt+letter on a tab takes the keys into its page: Qt showed the page and left the
    keys where they were (the card's title, selected: the next letters typed renamed it)."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        tabs.tabBar().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self, self._enter)
        return False

    def _enter(self) -> None:
        page = self._tabs.currentWidget()
        if page is not None and page.isVisible():
            _give_the_keys(page)


def to_the_front_when_opened(dock: QDockWidget) -> None:
    """Opened from the View menu, the panel comes to the front of the panels it is tabbed
    with: Qt only added its tab behind the one in front (View > Comments, after a merge).

    The entry's tick says whether the panel is in sight, not only open: Qt ticks a panel
    tabbed behind another, and choosing its entry then closed it, unseen, where the user
    asked to see it. Unticked while behind a tab, the entry brings it to the front."""
    toggle = dock.toggleViewAction()

    def opened(checked: bool) -> None:
        if checked:
            dock.raise_()
            # Opened by the keys (View > …), the keys go into it: F6 was needed to reach it.
            QTimer.singleShot(0, dock, lambda: _give_the_keys(dock))

    toggle.triggered.connect(opened)
    dock.visibilityChanged.connect(toggle.setChecked)  # the action's slot: gone with it


class Panes(QObject):
    def __init__(self, window: QMainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        #: panes besides the middle and the docks, when in sight (workshop mode's capture bar)
        self._more: list[QWidget] = []
        for dock in window.findChildren(QDockWidget):
            enabled_in_sight(dock)
            to_the_front_when_opened(dock)
        for tabs in window.findChildren(QTabWidget):
            _TabMnemonics(tabs)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._scroll_to_focus)
        self.next_action = make_action(
            window, "Ne&xt Pane", lambda: self.cycle(1), NEXT_PANE_KEY, "Move to the next panel"
        )
        self.previous_action = make_action(
            window,
            "P&revious Pane",
            lambda: self.cycle(-1),
            PREVIOUS_PANE_KEY,
            "Move to the previous panel",
        )
        for action in (self.next_action, self.previous_action):
            window.addAction(action)  # the keys work wherever the focus is
        self._list_with_the_panels(window, view_menu)

    def _list_with_the_panels(self, window: QMainWindow, view_menu: QMenu) -> None:
        """In the View menu, after the panels' own entries."""
        toggles = {dock.toggleViewAction() for dock in window.findChildren(QDockWidget)}
        entries = view_menu.actions()
        last = max((i for i, a in enumerate(entries) if a in toggles), default=len(entries) - 1)
        following = entries[last + 1] if last + 1 < len(entries) else None
        view_menu.insertActions(following, [self.next_action, self.previous_action])

    def _scroll_to_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field the keys reach in a scrolled panel is scrolled into sight: Tab landed in
        the Friction tab's list while the panel was scrolled to its bottom, unseen. The
        whole field, as far as it fits (Qt's own scroll shows a text box's cursor line only:
        a quote just added was typed into a box half below the panel's edge)."""
        if new is None or not isValid(new) or new.window() is not self._window:
            return
        parent = new.parentWidget()
        while parent is not None and parent is not self._window:
            if isinstance(parent, QScrollArea) and parent.widget() is not None:
                if parent.widget().isAncestorOf(new):
                    _whole_in_sight(parent, new)
                return
            parent = parent.parentWidget()

    def also(self, pane: QWidget) -> None:
        """One more pane, gone round while it is in sight."""
        self._more.append(pane)

    def panes(self) -> list[QWidget]:
        """The middle of the window, then the docks in sight (and the other panes added),
        top down, left to right."""
        middle = self._window.centralWidget()
        if isinstance(middle, QTabWidget) and middle.currentWidget() is not None:
            middle = middle.currentWidget()
        docks = [
            dock
            for dock in [*self._window.findChildren(QDockWidget), *self._more]
            if dock.isVisible() and not dock.visibleRegion().isEmpty()
        ]

        def place(dock: QDockWidget) -> tuple[int, int]:
            corner = dock.mapTo(self._window, dock.rect().topLeft())
            return (corner.y(), corner.x())

        docks.sort(key=place)
        return [pane for pane in [middle, *docks] if pane is not None]

    def cycle(self, step: int) -> None:
        """Put the focus in the next (``step`` 1) or previous (-1) pane that can take it."""
        panes = self.panes()
        if not panes:
            return
        focus = QApplication.focusWidget()
        here = next((i for i, p in enumerate(panes) if focus and p.isAncestorOf(focus)), None)
        if here is None and focus in panes:
            here = panes.index(focus)
        start = -1 if here is None and step > 0 else (0 if here is None else here)
        for offset in range(1, len(panes) + 1):
            pane = panes[(start + step * offset) % len(panes)]
            target = focus_target(pane)
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def next_in_tab_order(self, forward: bool) -> QWidget | None:
        """The widget Tab (or Shift+Tab) moves to from the focus, skipping what is not in
        sight; None when there is none."""
        start = QApplication.focusWidget()
        if start is None or not start.isVisible():
            # Qt moving the keys off a widget being hidden or deleted, not a Tab: it finds
            # the next widget itself. Walking the chain from Python meanwhile left PySide
            # without the window's menus (the start page left by Enter on a choice).
            return None
        widget = start
        while True:
            widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
            if widget is None or widget is start:
                return None
            if takes_tab_focus(widget, self._window):
                return widget


def install_panes(bench: Workbench) -> Panes:
    """F6 and Shift+F6 around the panes of the workbench's window. In the View menu they
    follow the docks' toggles: install it after the docks."""
    return Panes(bench.frame, bench.menus.view)
