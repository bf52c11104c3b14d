"""Rename a stage or a channel in place: double-click its header (or Rename in its menu),
type, Enter. Escape cancels; clicking elsewhere keeps what was typed.

The editor is a line field laid over the header in its strip, at the canvas's zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ..canvas import palette
from ..canvas.drawing import font
from ..canvas.view import CanvasView
from ..commands import CommandError
from ..document import Document
from .axes import AXES, Axis
from .header_hit import header_at, header_rect

#: The header's own type sizes (see canvas/headers.py), and the least the editor shows.
STAGE_FONT, CHANNEL_FONT, MIN_FONT = 19, 16, 12
#: Left of a channel's name: its stairway tile; and the height of a two-line name with
#: its kind below it (scene units, see ChannelHeaderItem.paint).
CHANNEL_NAME_LEFT = 60
CHANNEL_NAME_BLOCK = 60
_ENDS = (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _Backdrop(QWidget):
    """The header's colour behind the editor, so the old name does not show around it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.colour = QColor()
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()


class HeaderRename(QObject):
    #: a rename was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, view: CanvasView, document: Document) -> None:
        super().__init__(view)
        self._view = view
        self._document = document
        self._target: tuple[Axis, str] | None = None
        self.editors: dict[str, QLineEdit] = {}
        self._backdrops: dict[str, _Backdrop] = {}
        self._strips = [axis.strip(view) for axis in AXES]
        for axis, strip in zip(AXES, self._strips, strict=True):
            backdrop = self._backdrops[axis.kind] = _Backdrop(strip.viewport())
            editor = QLineEdit(backdrop)
            editor.setObjectName(f"rename{axis.noun.capitalize()}")
            editor.setAccessibleName(f"{axis.noun.capitalize()} name")
            editor.installEventFilter(self)
            editor.editingFinished.connect(self.commit)
            self.editors[axis.kind] = editor
            strip.viewport().installEventFilter(self)
        view.zoomChanged.connect(self._place)
        view.horizontalScrollBar().valueChanged.connect(self._place)
        view.verticalScrollBar().valueChanged.connect(self._place)
        view.blueprint_scene.layoutChanged.connect(self._place)
        document.edited.connect(self._follow)
        document.documentReset.connect(self.cancel)

    @property
    def target(self) -> tuple[str, str] | None:
        """(kind, id) of the stage or channel being renamed; None when closed."""
        return None if self._target is None else (self._target[0].kind, self._target[1])

    def editor(self) -> QLineEdit | None:
        return None if self._target is None else self.editors[self._target[0].kind]

    def start(self, axis: Axis, entity_id: str) -> bool:
        entity = self._document.get(axis.kind, entity_id)
        if entity is None:
            return False
        if self._target is not None:
            self.commit()
        self._target = (axis, entity_id)
        editor, backdrop = self.editors[axis.kind], self._backdrops[axis.kind]
        editor.setText(entity.name)
        editor.setAlignment(
            Qt.AlignmentFlag.AlignCenter if axis.horizontal else Qt.AlignmentFlag.AlignLeft
        )
        backdrop.colour = QColor(
            palette.STAGE_HEADER if axis.horizontal else palette.CHANNEL_HEADER
        )
        self._place()
        backdrop.show()
        backdrop.raise_()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.selectAll()
        return True

    def commit(self) -> None:
        target, self._target = self._target, None
        if target is None:
            return
        axis, entity_id = target
        text = self.editors[axis.kind].text()
        self._close(axis)
        entity = self._document.get(axis.kind, entity_id)
        if entity is None or text == entity.name:
            return
        try:
            command = axis.rename(self._document, entity_id, text)
        except CommandError as error:
            self.problem.emit(f"Cannot rename the {axis.noun}: {error.reason}.")
            return
        self._document.push(command)

    def cancel(self) -> None:
        if self._target is not None:
            axis, _ = self._target
            self._target = None
            self._close(axis)

    def _close(self, axis: Axis) -> None:
        editor = self.editors[axis.kind]
        had_focus = editor.hasFocus()
        self._backdrops[axis.kind].hide()
        if had_focus:
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _follow(self) -> None:
        if self._target is not None and self._document.get(*self.target) is None:
            self.cancel()  # its stage or channel went (an undo, say)

    def _place(self, *_args) -> None:
        """Lay the editor over the header's name, at the canvas's zoom."""
        if self._target is None:
            return
        axis, entity_id = self._target
        strip = axis.strip(self._view)
        shown = header_rect(strip, axis, entity_id)
        if shown is None:
            return
        zoom = self._view.zoom()
        editor = self.editors[axis.kind]
        size = STAGE_FONT if axis.horizontal else CHANNEL_FONT
        editor.setFont(font(max(MIN_FONT, round(size * zoom)), True))
        height = editor.sizeHint().height()
        if axis.horizontal:
            area = shown.adjusted(1, 1, -3, -1)
        else:
            block = max(height, round(CHANNEL_NAME_BLOCK * zoom))
            left = shown.left() + round(CHANNEL_NAME_LEFT * zoom)
            top = shown.center().y() - block // 2
            area = QRect(left, top, shown.right() - 3 - left, block).intersected(shown)
        area.setWidth(max(area.width(), 80))
        area.setHeight(max(area.height(), height))
        self._backdrops[axis.kind].setGeometry(area)
        inset = 3 if axis.horizontal else 0
        editor.setGeometry(inset, (area.height() - height) // 2, area.width() - 2 * inset, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit):
            if isinstance(event, QKeyEvent) and event.key() in _ENDS:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # the editor's keys, not a window shortcut's
                elif event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                    self.cancel()
                    return True
                elif event.type() == QEvent.Type.KeyPress:
                    # Committed here, not passed on: a line edit leaves Enter to its parent,
                    # the canvas, where it added a card in the cell of the cell cursor.
                    self.commit()
                    return True
            return False
        if (
            event.type() == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            strip = next((s for s in self._strips if s.viewport() is watched), None)
            hit = None if strip is None else header_at(strip, event.position().toPoint())
            if hit is not None:
                self.start(hit.axis, hit.entity_id)
                return True
        return False
