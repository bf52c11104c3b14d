"""Edit a lane cell in place: a multi-line editor over the cell. Ctrl+Enter, or leaving it,
commits one ``EditTouchpoint`` (the inspector's command); Escape cancels.

Like the grid's rename in place, it sits on the view from outside (see ``InPlaceEditor``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit

from ..canvas.drawing import font
from ..canvas.in_place_editor import InPlaceEditor
from ..document import Document
from .layout import LANES, TEXT_PIXELS
from .view import LanesView

#: The editor never gets smaller than this, however far the view is zoomed out.
MIN_FONT_PIXELS = 13
MIN_WIDTH, MIN_HEIGHT = 260, 110
_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
LANE_NAMES = {lane.field: lane.name for lane in LANES}


class LaneEditor(InPlaceEditor):
    def __init__(self, view: LanesView, document: Document) -> None:
        super().__init__(
            view, document, QPlainTextEdit(view.viewport()), view.lanes_scene.layoutChanged
        )
        self.editor.setObjectName("laneEditor")
        self.editor.setFrameShape(QFrame.Shape.Box)
        self.editor.setTabChangesFocus(True)
        #: Why the lanes may not be edited now (None: they may), said when one is tried.
        self.refused: str | None = None
        view.editRequested.connect(self.start)

    @property
    def cell(self) -> tuple[str, str] | None:
        """The (touchpoint id, lane field) being edited; None when the editor is closed."""
        return self._editing

    def start(self, touchpoint_id: str, field: str) -> bool:
        if self.refused is not None:
            self.problem.emit(self.refused)
            return False
        touchpoint = self._document.get("touchpoints", touchpoint_id)
        if touchpoint is None or self._view.lanes_scene.column(touchpoint_id) is None:
            return False
        self.editor.setAccessibleName(LANE_NAMES.get(field, field))
        self.editor.setPlaceholderText(LANE_NAMES.get(field, field))
        self._open(touchpoint_id, field)
        return True

    def _text(self) -> str:
        return self.editor.toPlainText()

    def _set_text(self, text: str) -> None:
        self.editor.setPlainText(text)

    def _place(self, *_args) -> None:
        """Lay the editor over its cell, at the view's zoom; room to type when the cell is
        small."""
        if self._editing is None:
            return
        column = self._view.lanes_scene.column(self._editing[0])
        if column is None:
            return
        zoom = self._view.zoom()
        rect = column.mapRectToScene(column.cell_rect(self._editing[1]))
        shown = self._view.mapFromScene(rect).boundingRect()
        self.editor.setFont(font(max(MIN_FONT_PIXELS, round(TEXT_PIXELS * zoom))))
        width, height = max(shown.width(), MIN_WIDTH), max(shown.height(), MIN_HEIGHT)
        self.editor.setGeometry(QRect(shown.x(), shown.y(), width, height))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.editor or not isinstance(event, QKeyEvent):
            if (
                watched is self.editor
                and isinstance(event, QFocusEvent)
                and event.type() == QEvent.Type.FocusOut
                and event.reason() != Qt.FocusReason.PopupFocusReason  # its context menu
            ):
                self.commit()  # clicking elsewhere, or another window, keeps the text
            return False
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        committing = control and event.key() in _COMMIT_KEYS
        if event.type() == QEvent.Type.ShortcutOverride:
            if committing or event.key() == Qt.Key.Key_Escape:
                event.accept()  # the editor's keys, not a window shortcut's (Add Touchpoint)
            return False
        if event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.escape()
                return True
            if committing:
                self.commit()
                return True
        return False
