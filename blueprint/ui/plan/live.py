"""The plan of the open blueprint, kept up to date as it changes.

Every view of the plan in the editor (the improvements dock, the overlays, the staircase)
reads ``LivePlan.plan`` and redraws on ``changed``: one computation per change, shared.
Reading ``plan`` after an edit always gives the fresh plan; ``changed`` is emitted once per
burst of edits (typing in a field is many edits), when the event loop next runs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ...analysis.plan import Plan, build_plan
from ..document import Document


class LivePlan(QObject):
    #: The plan changed (the blueprint was edited, or the persona filter changed).
    changed = Signal()
    #: The persona the plan is computed for changed (None: every customer).
    personaChanged = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else document)
        self._document = document
        self._persona_id: str | None = None
        self._plan: Plan | None = None
        self._notify = QTimer(self)
        self._notify.setSingleShot(True)
        self._notify.setInterval(0)
        self._notify.timeout.connect(self._emit_changed)
        document.edited.connect(self._stale)
        document.documentReset.connect(self._forget_persona)

    @property
    def document(self) -> Document:
        return self._document

    @property
    def plan(self) -> Plan:
        """The plan of the blueprint as it is now."""
        if self._plan is None:
            self._plan = build_plan(self._document.blueprint, self._persona_id)
        return self._plan

    @property
    def persona_id(self) -> str | None:
        return self._persona_id

    def set_persona(self, persona_id: str | None) -> None:
        """Compute the plan for one persona's touchpoints only (None: for everyone)."""
        if persona_id is not None and self._document.get("personas", persona_id) is None:
            persona_id = None
        if persona_id == self._persona_id:
            return
        self._persona_id = persona_id
        self.personaChanged.emit()
        self._stale()

    def _stale(self) -> None:
        if (
            self._persona_id is not None
            and self._document.get("personas", self._persona_id) is None
        ):
            # The persona was removed: back to everyone.
            self._persona_id = None
            self.personaChanged.emit()
        self._plan = None
        self._notify.start()

    def _forget_persona(self) -> None:
        if self._persona_id is not None:
            self._persona_id = None
            self.personaChanged.emit()
        self._stale()

    def _emit_changed(self) -> None:
        self.changed.emit()
