"""Edit a lane cell in place: a multi-line editor over the cell. Ctrl+Enter, or leaving it,
commits one ``EditTouchpoint`` (the inspector's command); Escape cancels.

Like the grid's rename in place, it sits on the view from outside: a child editor of its
viewport that follows the scroll and the zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit

from ..canvas.drawing import font
from ..commands import CommandError, EditTouchpoint
from ..commands.fields import read_field
from ..document import Document
from .layout import LANES, TEXT_PIXELS
from .view import LanesView

#: The editor never gets smaller than this, however far the view is zoomed out.
MIN_FONT_PIXELS = 13
MIN_WIDTH, MIN_HEIGHT = 260, 110
_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
LANE_NAMES = {lane.field: lane.name for lane in LANES}


class LaneEditor(QObject):
    #: an edit was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, view: LanesView, document: Document) -> None:
        super().__init__(view)
        self._view = view
        self._document = document
        self._cell: tuple[str, str] | None = None
        self.editor = QPlainTextEdit(view.viewport())
        self.editor.setObjectName("laneEditor")
        self.editor.setFrameShape(QFrame.Shape.Box)
        self.editor.setTabChangesFocus(True)
        self.editor.hide()
        self.editor.installEventFilter(self)
        view.editRequested.connect(self.start)
        view.zoomChanged.connect(self._place)
        view.horizontalScrollBar().valueChanged.connect(self._place)
        view.verticalScrollBar().valueChanged.connect(self._place)
        view.lanes_scene.layoutChanged.connect(self._place)
        document.touchpointRemoved.connect(self._removed)
        document.documentReset.connect(self.cancel)

    @property
    def cell(self) -> tuple[str, str] | None:
        """The (touchpoint id, lane field) being edited; None when the editor is closed."""
        return self._cell

    def start(self, touchpoint_id: str, field: str) -> bool:
        touchpoint = self._document.get("touchpoints", touchpoint_id)
        if touchpoint is None or self._view.lanes_scene.column(touchpoint_id) is None:
            return False
        if self._cell is not None:
            self.commit()
        self._cell = (touchpoint_id, field)
        self.editor.setPlainText(read_field(touchpoint, field))
        self.editor.setAccessibleName(LANE_NAMES.get(field, field))
        self.editor.setPlaceholderText(LANE_NAMES.get(field, field))
        self._place()
        self.editor.show()
        self.editor.raise_()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.selectAll()
        return True

    def commit(self) -> None:
        cell, self._cell = self._cell, None
        if cell is None:
            return
        text = self.editor.toPlainText()
        self._close()
        touchpoint_id, field = cell
        touchpoint = self._document.get("touchpoints", touchpoint_id)
        if touchpoint is None or read_field(touchpoint, field) == text:
            return
        try:
            # Not merged with the edit before: each time the editor closes is one undo step.
            command = EditTouchpoint(self._document, touchpoint_id, field, text, False)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)

    def cancel(self) -> None:
        if self._cell is not None:
            self._cell = None
            self._close()

    def _close(self) -> None:
        had_focus = self.editor.hasFocus()
        self.editor.hide()
        if had_focus:
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _removed(self, touchpoint_id: str) -> None:
        if self._cell is not None and self._cell[0] == touchpoint_id:
            self.cancel()

    def _place(self, *_args) -> None:
        """Lay the editor over its cell, at the view's zoom; room to type when the cell is
        small."""
        if self._cell is None:
            return
        column = self._view.lanes_scene.column(self._cell[0])
        if column is None:
            return
        zoom = self._view.zoom()
        rect = column.mapRectToScene(column.cell_rect(self._cell[1]))
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
                self.cancel()
                return True
            if committing:
                self.commit()
                return True
        return False
