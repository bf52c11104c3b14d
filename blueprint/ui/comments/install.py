"""Putting talk on the blueprint into the main window: the Comments dock (tabbed with the
inspector) with its Comments and Conflicts tabs, its View toggle, and the jumps from a
thread or a conflict to what it is about.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QTabWidget
from shiboken6 import isValid

from ..inspector.install import EditingTools
from ..plan.improvements_dock import ImprovementsDock
from ..preferences import ask_author
from ..workbench import Workbench
from .comments_panel import CommentsPanel
from .conflicts_panel import ConflictsPanel
from .subjects import subjects_of_card

TOGGLE_TIP = "Show or hide the comment threads and the merge conflicts to decide"
COMMENTS_TAB, CONFLICTS_TAB = 0, 1


class TalkTools(QObject):
    """The Comments dock and what it is wired to, for the window and for tests."""

    def __init__(
        self,
        bench: Workbench,
        editing: EditingTools,
        improvements: ImprovementsDock,
        select_card: Callable[[str], None],
    ) -> None:
        window = bench.frame
        super().__init__(window)
        self._bench = bench
        self._editing = editing
        self._improvements = improvements
        self._select_card = select_card
        #: the improvement last made the subject (the plan re-lights it at each edit)
        self._picked_improvement: str | None = None
        document = bench.document
        self.document = document
        self.comments = CommentsPanel(document, lambda: ask_author(window))
        self.conflicts = ConflictsPanel(document)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.comments, "Co&mments")
        self.tabs.addTab(self.conflicts, "Conflic&ts")
        self.tabs.setAccessibleName("Comments and merge conflicts")
        self.dock = QDockWidget("Comments", window)
        self.dock.setObjectName("commentsDock")  # so the window can save and restore its place
        self.dock.setWidget(self.tabs)
        # Opened (View › Comments, F6), the keys go to the box to write a comment in.
        self.dock.setFocusProxy(self.comments.composer)
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(editing.inspector_dock, self.dock)
        editing.inspector_dock.raise_()
        self.dock.hide()
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setText("Co&mments")
        self.toggle.setStatusTip(TOGGLE_TIP)
        self.toggle.setToolTip(TOGGLE_TIP)
        _list_with_the_panels(bench.menus.view, window, self.toggle)
        for source in (self.comments.message, self.conflicts.message):
            source.connect(bench.show_status)
        self.comments.subjectPicked.connect(self.jump_to)
        self.conflicts.entityPicked.connect(lambda _collection, i: self.jump_to(i))
        self._scene = bench.canvas.blueprint_scene
        self._scene.selectionChanged.connect(self._selection_changed)
        improvements.highlightRequested.connect(self._improvement_picked)
        document.documentReset.connect(self._opened)
        #: how many conflicts the blueprint held when last looked: more since, a merge (a
        #: copy taken in, changes on disk) has left some to decide
        self._conflicts_known = len(document.blueprint.conflicts)
        document.conflictsChanged.connect(self._conflicts_changed)

    def show_tab(self, index: int) -> None:
        self.dock.show()
        self.dock.raise_()
        self.tabs.setCurrentIndex(index)

    def _selection_changed(self) -> None:
        if not isValid(self._scene):
            return  # the scene announces its emptying while it is being destroyed
        chosen = self._scene.selected_touchpoint_ids()
        if not chosen:
            return  # what was shown stays: the user may be reading a thread
        self._picked_improvement = None  # a card picked since: the improvement is news again
        subjects = subjects_of_card(self.document, chosen[0])
        self.comments.offer_subjects(subjects)
        card = [chosen[0], *(f.id for f in self.document.frictions_of(chosen[0]))]
        self.conflicts.focus_on(card)

    def _improvement_picked(self, _touchpoints: list, _frictions: list) -> None:
        """An improvement picked becomes what a comment is about, the panel open or not (it
        opened on the last card picked before it). The plan re-lights its improvement at
        each edit: that is no new pick (posting a comment switched its subject)."""
        chosen = self._improvements.selected_id
        lit = self._improvements.highlighting  # not the highlight ending: a card was picked
        if chosen is None or not lit or chosen == self._picked_improvement:
            return
        self._picked_improvement = chosen
        self.comments.show_subject(chosen)

    def jump_to(self, entity_id: str) -> None:
        """Bring what a thread or conflict is about into sight: its card selected, the
        improvement selected in the plan, the stage's or channel's header scrolled to."""
        document = self.document
        if document.get("touchpoints", entity_id) is not None:
            self._select_card(entity_id)
        elif (friction := document.get("frictions", entity_id)) is not None:
            self._select_card(friction.touchpoint_id)
        elif document.get("improvements", entity_id) is not None:
            self._improvements.select_improvement(entity_id)
        elif (said := _about(document, entity_id)) is not None:
            self.jump_to(said)  # a comment, a piece of evidence, a measure: what it is about
        else:
            header = self._scene.stage_header(entity_id) or self._scene.channel_header(entity_id)
            if header is not None:
                self._bench.canvas.ensureVisible(header, 40, 40)

    def _conflicts_changed(self) -> None:
        """New conflicts to decide (a merge made them) are shown listed, as on opening."""
        count = len(self.document.blueprint.conflicts)
        grew, self._conflicts_known = count > self._conflicts_known, count
        if grew:
            self.show_tab(self.tabs.indexOf(self.conflicts))

    def _opened(self) -> None:
        """A file with merge conflicts (git's merge told the user to open it here) opens
        with them listed: a status line alone was gone in seconds, the list in a hidden
        panel and the cards marked ! perhaps out of sight."""
        count = self._conflicts_known = len(self.document.blueprint.conflicts)
        if count:
            self.show_tab(self.tabs.indexOf(self.conflicts))
            noun = "merge conflict" if count == 1 else "merge conflicts"
            self._bench.show_status(
                f"This blueprint holds {count} {noun} to decide: each is marked ! on its card "
                "and listed in the Conflicts panel."
            )


def _about(document, entity_id: str) -> str | None:
    """What a comment, a piece of evidence or a measure is about (a conflict on a comment
    jumped nowhere)."""
    for kind, field in (("comments", "about_id"), ("evidence", "about_id")):
        entity = document.get(kind, entity_id)
        if entity is not None:
            return getattr(entity, field)
    measure = document.get("measures", entity_id)
    return measure.touchpoint_id if measure is not None else None


def _list_with_the_panels(view_menu, window, toggle) -> None:
    """In the View menu, after the other panels' entries, not after the overlays."""
    toggles = {dock.toggleViewAction() for dock in window.findChildren(QDockWidget)}
    entries = view_menu.actions()
    last = max((i for i, a in enumerate(entries) if a in toggles and a is not toggle), default=None)
    if last is None or last + 1 >= len(entries):
        view_menu.addAction(toggle)
    else:
        view_menu.insertAction(entries[last + 1], toggle)


def install_comments(
    bench: Workbench,
    editing: EditingTools,
    improvements: ImprovementsDock,
    select_card: Callable[[str], None],
) -> TalkTools:
    """Add the Comments dock, tabbed with the inspector, and its View toggle; a thread or a
    conflict picked in it selects its card with ``select_card``."""
    return TalkTools(bench, editing, improvements, select_card)
