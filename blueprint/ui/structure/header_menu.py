"""The menu of a stage or channel header (right-click): add beside it, rename, move,
properties, remove. Each entry is one operation, named so a screen reader says what it does."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMenu, QWidget

from ..canvas.view import CanvasView
from ..document import Document
from .axes import AXES, Axis
from .header_hit import header_at
from .operations import StructureOperations


class HeaderMenu(QObject):
    def __init__(
        self, view: CanvasView, document: Document, operations: StructureOperations, window: QWidget
    ) -> None:
        super().__init__(window)
        self._document = document
        self._operations = operations
        self.menu = QMenu(window)
        self.menu.setObjectName("headerMenu")
        self._strips = [axis.strip(view) for axis in AXES]
        for strip in self._strips:
            strip.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return False
        strip = next((s for s in self._strips if s.viewport() is watched), None)
        hit = None if strip is None else header_at(strip, event.pos())
        if hit is None:
            return False
        self.fill(hit.axis, hit.entity_id)
        self.menu.popup(event.globalPos())
        return True

    def fill(self, axis: Axis, entity_id: str) -> QMenu:
        """The menu for this header (shown by a right-click on it)."""
        ops, menu = self._operations, self.menu
        menu.clear()
        name = self._document.entity(axis.kind, entity_id).name
        noun, title = axis.noun, axis.noun.capitalize()
        menu.setTitle(f"{title} {name}")
        menu.setAccessibleName(f"{title} {name}")
        menu.addSection(f"{title}: {name}")
        before, after = ("&Before", "&After") if axis.horizontal else ("&Above", "&Below")
        where = ("before", "after") if axis.horizontal else ("above", "below")
        self._add(
            f"Add {title} {before}",
            f"Add a {noun} {where[0]} '{name}'",
            lambda: ops.add_beside(axis, entity_id, False),
        )
        self._add(
            f"Add {title} {after}",
            f"Add a {noun} {where[1]} '{name}'",
            lambda: ops.add_beside(axis, entity_id, True),
        )
        menu.addSeparator()
        self._add("Re&name", f"Rename '{name}' in place", lambda: ops.start_rename(axis, entity_id))
        for step, side in ((-1, axis.before), (1, axis.after)):
            self._add(
                f"Move &{side.capitalize()}",
                f"Move '{name}' one place {side}",
                partial(ops.move_by, axis, entity_id, step),
                ops.can_move(axis, entity_id, step),
            )
        menu.addSeparator()
        self._add(
            f"{title} &Properties…",
            f"Edit the {noun}'s name"
            + (", kind, stairway step, cost per contact" if not axis.horizontal else "")
            + " and description",
            lambda: ops.show_properties(axis, entity_id),
        )
        menu.addSeparator()
        self._add(
            f"&Remove {title}…",
            f"Remove '{name}' and its touchpoints, after showing what goes with it",
            lambda: ops.remove(axis, entity_id),
        )
        return menu

    def _add(self, text: str, tip: str, slot: Callable[[], object], enabled: bool = True):
        action = QAction(text, self.menu)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action
