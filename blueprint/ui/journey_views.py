"""Today's journey and tomorrow's in one file: View › Current, Future and Compare, what the
status bar says is being edited, and the Differences panel (what tomorrow buys in numbers,
and every change).

In the future view every edit changes tomorrow only: a field of a card of both states sets
its future value, a card or flow or friction point drawn there is tomorrow's only, Delete
marks a card of both states gone in the future (it stays today), a drag moves it tomorrow.
Compare shows both on the one grid, each card that changes marked NEW, GONE or CHANGED in its
title, and the Differences panel lists every change; clicking one selects its card.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ..changes import compare_states, differences
from ..model import Presence
from ..report.comparison_text import figure_sentences
from .canvas.shown import JourneyView
from .commands import CommandError, RemoveFromFuture, RemoveTouchpoints
from .document import Document
from .inspector.forms import caption, heading
from .inspector.install import EditingTools
from .menus import describe
from .workbench import Workbench

VIEW_LABELS = {
    JourneyView.CURRENT: ("&Current State", "Ctrl+Shift+1", "Today's journey, as it is"),
    JourneyView.FUTURE: (
        "&Future State",
        "Ctrl+Shift+2",
        # Short enough for the status bar of a 1280-wide screen beside the view's own label
        # (it was cut at "…measures and evidence are the same toc").
        "Tomorrow's journey: a card's place, title, emotion and EPIC, and a friction point's "
        "severity, frequency and outcomes are tomorrow's own; the rest is shared",
    ),
    JourneyView.COMPARE: (
        "Compare &Both",
        "Ctrl+Shift+3",
        "Today and tomorrow on one grid: new, gone and changed cards marked",
    ),
}
STATUS_TEXT = {
    JourneyView.CURRENT: "Current state",
    JourneyView.FUTURE: "Future state: edits change tomorrow",
    JourneyView.COMPARE: "Comparing current and future: edits change today",
}
#: The Differences panel is brought up to date this long after the last edit.
REFRESH_AFTER_MS = 250
NO_DIFFERENCE = (
    "The future state is the same as today's. Show the future state (View › Journey) and "
    "draw how it should be."
)


def removal_for(document: Document, view: JourneyView, touchpoint_ids: list[str]) -> QUndoCommand:
    """What Delete does to these cards in this view: in the future view, cards of both states
    are marked gone in the future (they stay today) and cards of the future only go."""
    if view != JourneyView.FUTURE:
        return RemoveTouchpoints(document, touchpoint_ids)
    states = {document.touchpoint(i).state for i in touchpoint_ids}
    if states == {Presence.BOTH}:
        return RemoveFromFuture(document, touchpoint_ids)
    if Presence.BOTH not in states:
        return RemoveTouchpoints(document, touchpoint_ids)
    raise CommandError(
        "some of these cards are new in the future and some are today's too: delete them separately"
    )


class DifferencesPanel(QWidget):
    """What the future state buys in numbers (every customer), and every difference of it
    from today's; a click on a difference selects its card."""

    def __init__(self, views: JourneyViews) -> None:
        super().__init__()
        self._views = views
        self.figures_heading = heading("Tomorrow against today, in numbers")
        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures.setAccessibleName("The future state in numbers")
        self.list_heading = heading("What changes")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Differences of the future state")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # one change from the next, when they wrap
        self.list.setSpacing(1)
        self.list.itemClicked.connect(self._picked)
        self.list.itemActivated.connect(self._picked)
        self.empty_note = caption(NO_DIFFERENCE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.figures_heading)
        layout.addWidget(self.figures)
        layout.addWidget(self.list_heading)
        layout.addWidget(self.list, 1)

    def refresh(self) -> None:
        blueprint = self._views.document.blueprint
        found = differences(blueprint, keep_equal=False)  # as the plan counts them
        figures = figure_sentences(compare_states(blueprint, each_persona=False)) if found else []
        self.figures.setText("\n".join(f"• {line}" for line in figures))
        self.figures.setAccessibleDescription(" ".join(figures))  # the numbers, read out
        for shown in (self.figures_heading, self.figures, self.list_heading):
            shown.setVisible(bool(found))
        texts = [(d.describe(), d.touchpoint_id) for d in found]
        shown = [
            (self.list.item(i).text(), self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
        ]
        if texts != shown:
            self.list.clear()
            for text, touchpoint_id in texts:
                item = QListWidgetItem(text, self.list)
                item.setData(Qt.ItemDataRole.UserRole, touchpoint_id)
        self.empty_note.setVisible(not texts)
        self.list.setVisible(bool(texts))

    def _picked(self, item: QListWidgetItem) -> None:
        self._views.select_card(item.data(Qt.ItemDataRole.UserRole))


class JourneyViews(QObject):
    def __init__(self, bench: Workbench, editing: EditingTools, overlays_menu: QMenu) -> None:
        window = bench.frame
        super().__init__(window)
        self._bench = bench
        self._editing = editing
        self.document: Document = bench.document
        self._view = bench.canvas
        self._scene = self._view.blueprint_scene
        self.group = QActionGroup(self)
        self.actions: dict[JourneyView, QAction] = {}
        for view, (text, key, tip) in VIEW_LABELS.items():
            action = QAction(text, window)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({key})")
            action.triggered.connect(lambda _checked=False, v=view: self.show_view(v))
            self.group.addAction(action)
            window.addAction(action)
            self.actions[view] = action
        self.actions[JourneyView.CURRENT].setChecked(True)
        self.status = QLabel()
        self._show_state(JourneyView.CURRENT)
        window.statusBar().addPermanentWidget(self.status)
        self.panel = DifferencesPanel(self)
        self.dock = QDockWidget("Differences", window)
        self.dock.setObjectName("differencesDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # Tabbed with the inspector: split below it, on a 1280x720 projector the two were
        # each too short to read.
        window.tabifyDockWidget(editing.inspector_dock, self.dock)
        editing.inspector_dock.raise_()
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._dock_shown)
        # Once typing pauses (each key is an edit, and the event loop runs between keys):
        # the figures of both states are a plan's worth of work on a large blueprint.
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(REFRESH_AFTER_MS)
        self._refresh_soon.timeout.connect(self._refresh)
        self.document.edited.connect(self._refresh_soon.start)
        self.document.documentReset.connect(self._reset)
        self._add_menu(bench.menus.view, overlays_menu)
        # In the Plan menu too: a designer planning tomorrow looked there, and the future
        # state was three levels down the View menu.
        bench.menus.plan.addSeparator()
        for action in self.actions.values():
            bench.menus.plan.addAction(action)

    def show_view(self, view: JourneyView, say: bool = True) -> None:
        """Show today's journey, tomorrow's, or both; the panels edit what is shown."""
        self.actions[view].setChecked(True)
        self._scene.set_journey_view(view)
        editing = self._editing
        editing.inspector.set_journey_view(view)
        editing.rename.command = editing.inspector.fields.form.command
        self._show_state(view)
        if say:
            self._bench.show_status(VIEW_LABELS[view][2])

    def _show_state(self, view: JourneyView) -> None:
        """The state shown, in the status bar; named with it for a screen reader."""
        self.status.setText(STATUS_TEXT[view])
        self.status.setAccessibleName(f"Journey state: {STATUS_TEXT[view]}")

    def select_card(self, touchpoint_id: str) -> None:
        """Select a card, showing both states when the one shown does not hold it."""
        if self._scene.card(touchpoint_id) is None:
            self.show_view(JourneyView.COMPARE)
        card = self._scene.card(touchpoint_id)
        if card is None:
            return
        self._scene.select_touchpoints([touchpoint_id])
        self._view.ensureVisible(card, 40, 40)

    def _add_menu(self, view_menu: QMenu, overlays_menu: QMenu) -> None:
        menu = QMenu("&Journey", view_menu)
        menu.setToolTipsVisible(True)
        view_menu.insertMenu(overlays_menu.menuAction(), menu)
        describe(menu.menuAction(), "Show today's journey, tomorrow's, or both compared")
        for action in self.actions.values():
            menu.addAction(action)
        menu.addSeparator()
        toggle = self.dock.toggleViewAction()
        toggle.setText("&Differences")
        toggle.setStatusTip("Show or hide the list of what the future state changes")
        menu.addAction(toggle)

    def _refresh(self) -> None:
        if self.dock.isVisible():
            self.panel.refresh()

    def _dock_shown(self, visible: bool) -> None:
        if visible:
            self.panel.refresh()

    def _reset(self) -> None:
        self.show_view(JourneyView.CURRENT, say=False)  # another file opens on today
        self._refresh()


def install_journey_views(
    bench: Workbench, editing: EditingTools, overlays_menu: QMenu
) -> JourneyViews:
    """Add View › Journey (just before View › Overlays), the state shown in the status bar,
    and the Differences panel; the inspector and rename in place of ``editing`` edit the
    journey shown."""
    return JourneyViews(bench, editing, overlays_menu)
