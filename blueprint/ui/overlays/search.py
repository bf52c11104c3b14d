"""Searching the blueprint's words and going from one result to the next on the canvas.

Results come in journey order: stage by stage, and within a stage channel by channel, as the
eye reads the grid. Going to a result selects its card and scrolls the canvas to it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..canvas.view import CanvasView
from ..document import Document
from .search_text import matching, searchable_texts

#: Room kept around a result brought into sight, in scene pixels.
SIGHT_MARGIN = 60


class Search(QObject):
    #: the results or the current one changed
    resultsChanged = Signal()

    def __init__(self, document: Document, view: CanvasView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._view = view
        self._query = ""
        self._results: list[str] = []
        self._current = -1
        #: the blueprint's words, read once per change of the blueprint, not per keystroke
        self._texts: dict[str, str] | None = None

    @property
    def query(self) -> str:
        return self._query

    def results(self) -> list[str]:
        """The touchpoints found, in journey order."""
        return list(self._results)

    def current(self) -> str | None:
        return self._results[self._current] if self._current >= 0 else None

    def summary(self) -> str:
        """'3 of 12' once the user went to a result; '12 matches', 'No match' before."""
        if not self._query.strip():
            return ""
        count = len(self._results)
        if count == 0:
            return "No match"
        if self._current >= 0:
            return f"{self._current + 1} of {count}"
        return f"{count} match{'es' if count != 1 else ''}"

    def set_query(self, query: str) -> None:
        if query == self._query:
            return
        self._query = query
        self._current = -1
        self._find()

    def refresh(self) -> None:
        """The blueprint changed: find again, staying on the current result if it still is one."""
        self._texts = None
        if not self._query.strip():
            return
        self._find(keep=self.current())

    def next(self) -> None:
        self._go(+1)

    def previous(self) -> None:
        self._go(-1)

    def _go(self, step: int) -> None:
        if not self._results:
            return
        if self._current < 0:
            self._current = 0 if step > 0 else len(self._results) - 1
        else:
            self._current = (self._current + step) % len(self._results)
        self._show(self._results[self._current])
        self.resultsChanged.emit()

    def _find(self, keep: str | None = None) -> None:
        found = matching(self._searchable(), self._query) if self._query.strip() else set()
        order = self._journey_order()
        self._results = sorted(found & order.keys(), key=order.__getitem__)
        self._current = self._results.index(keep) if keep in self._results else -1
        self.resultsChanged.emit()

    def _searchable(self) -> dict[str, str]:
        if self._texts is None:
            self._texts = searchable_texts(self._document.blueprint)
        return self._texts

    def _journey_order(self) -> dict[str, tuple[int, int, int]]:
        layout = self._view.blueprint_scene.grid_layout
        stages = {stage_id: i for i, stage_id in enumerate(layout.columns)}
        channels = {channel_id: i for i, channel_id in enumerate(layout.rows)}
        return {
            tp_id: (stages[slot.stage_id], channels[slot.channel_id], slot.index)
            for tp_id, slot in layout.slots.items()
        }

    def _show(self, touchpoint_id: str) -> None:
        scene = self._view.blueprint_scene
        scene.select_touchpoints([touchpoint_id])
        card = scene.card(touchpoint_id)
        if card is None:
            return
        shown = self._view.mapToScene(self._view.viewport().rect()).boundingRect()
        if not shown.contains(card.sceneBoundingRect()):
            self._view.centerOn(card)
            self._view.ensureVisible(card, SIGHT_MARGIN, SIGHT_MARGIN)
