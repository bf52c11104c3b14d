"""Reorder stages and channels by dragging their headers.

Press on a stage header and drag it left or right (a channel header up or down): the
header follows the pointer and a bar shows where it would land. Letting go pushes one
``MoveStage``/``MoveChannel``; Escape, a right click, or any change to the document while
dragging cancels. Near the end of the strip the canvas scrolls, to reach columns out of
sight. An event filter on the header strips: the canvas code knows nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from ..canvas.view import CanvasView
from ..document import Document
from .axes import AXES, Axis
from .drag_picture import DragPicture
from .drop_position import DropTarget, drop_target
from .header_hit import header_at

#: Within this many pixels of a strip's end, a drag scrolls the canvas...
SCROLL_EDGE = 32
#: ...by this many pixels a tick.
SCROLL_STEP = 24
SCROLL_INTERVAL_MS = 30

Mover = Callable[[Axis, str, int], None]


@dataclass
class _Press:
    axis: Axis
    entity_id: str
    strip: QGraphicsView
    at: QPoint


class _EscapeKey(QObject):
    """Escape, wherever the keyboard focus is, cancels the drag (installed while dragging)."""

    def __init__(self, drag: HeaderDrag) -> None:
        super().__init__(drag)
        self._drag = drag

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            if event.type() == QEvent.Type.KeyPress:
                self._drag.cancel()
            event.accept()
            return True
        return False


class HeaderDrag(QObject):
    def __init__(self, view: CanvasView, document: Document, move: Mover) -> None:
        super().__init__(view)
        self._view = view
        self._move = move
        self._press: _Press | None = None
        self._pointer = QPoint()
        self.picture: DragPicture | None = None
        self.target: DropTarget | None = None
        self._escape = _EscapeKey(self)
        self._scroller = QTimer(self)
        self._scroller.setInterval(SCROLL_INTERVAL_MS)
        self._scroller.timeout.connect(self._scroll)
        self._strips = {axis.kind: axis.strip(view) for axis in AXES}
        for strip in self._strips.values():
            strip.viewport().installEventFilter(self)
        document.edited.connect(self.cancel)
        document.documentReset.connect(self.cancel)

    @property
    def dragging(self) -> bool:
        return self.picture is not None

    def cancel(self) -> None:
        """Forget the press and the drag: nothing moves."""
        self._end()

    # --- the mouse -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            return self._pressed(watched, event)
        if self._press is None or watched is not self._press.strip.viewport():
            return False
        if kind == QEvent.Type.MouseMove:
            self._moved(event.position().toPoint())
            return True
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self._released()
            return True
        return False

    def _pressed(self, watched: QObject, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            if self._press is not None:
                self.cancel()  # a right click while dragging: never mind
                return True
            return False
        for kind, strip in self._strips.items():
            if watched is strip.viewport():
                hit = header_at(strip, event.position().toPoint())
                if hit is not None and hit.axis.kind == kind:
                    # The headers are part of the canvas: a click there takes the focus from
                    # a field being edited (which then commits), as a click on a cell does.
                    self._view.setFocus(Qt.FocusReason.MouseFocusReason)
                    self._press = _Press(hit.axis, hit.entity_id, strip, event.position().toPoint())
                    return True
        return False

    def _moved(self, point: QPoint) -> None:
        press = self._press
        assert press is not None
        self._pointer = point
        if self.picture is None:
            if (point - press.at).manhattanLength() < QApplication.startDragDistance():
                return
            self._begin(press)
        self._follow_pointer()
        self._scroll_near_edges(press)

    def _begin(self, press: _Press) -> None:
        self.picture = DragPicture(self._view, press.axis, press.entity_id, press.at)
        press.strip.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        QApplication.instance().installEventFilter(self._escape)

    def _follow_pointer(self) -> None:
        press, picture = self._press, self.picture
        if press is None or picture is None:
            return
        along = press.axis.along(press.strip.mapToScene(self._pointer))
        bands = press.axis.bands(self._view.blueprint_scene.grid_layout)
        self.target = drop_target(bands, press.entity_id, along)
        picture.show(self._pointer, self.target.boundary if self.target.moves else None)

    def _released(self) -> None:
        press, target = self._press, self.target
        dragged = self.dragging
        self._end()
        if press is not None and dragged and target is not None and target.moves:
            self._move(press.axis, press.entity_id, target.index)

    def _end(self) -> None:
        self._scroller.stop()
        if self.picture is not None:
            self.picture.remove()
            self.picture = None
            QApplication.instance().removeEventFilter(self._escape)
        if self._press is not None:
            self._press.strip.viewport().unsetCursor()
        self._press = None
        self.target = None

    # --- reaching headers out of sight ---------------------------------------------------------

    def _scroll_near_edges(self, press: _Press) -> None:
        if self._edge_direction(press) and not self._scroller.isActive():
            self._scroller.start()

    def _edge_direction(self, press: _Press) -> int:
        size = press.strip.viewport().size()
        length = size.width() if press.axis.horizontal else size.height()
        along = self._pointer.x() if press.axis.horizontal else self._pointer.y()
        if along < SCROLL_EDGE:
            return -1
        if along > length - SCROLL_EDGE:
            return 1
        return 0

    def _scroll(self) -> None:
        press = self._press
        direction = 0 if press is None or not self.dragging else self._edge_direction(press)
        if direction == 0 or press is None:
            self._scroller.stop()
            return
        view = self._view
        bar = view.horizontalScrollBar() if press.axis.horizontal else view.verticalScrollBar()
        bar.setValue(bar.value() + direction * SCROLL_STEP)
        self._follow_pointer()
