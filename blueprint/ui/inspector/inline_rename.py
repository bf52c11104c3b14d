"""Rename a card in place: F2, or a double-click on its title, opens a line editor over the
title; Enter commits one ``EditTouchpoint``, Escape cancels, clicking elsewhere commits.

It sits on the canvas view from outside (an event filter on its viewport and a child
line editor), so the canvas code knows nothing about it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLineEdit

from ..canvas.card import PADDING, TITLE_FONT, TITLE_LINE, TITLE_LINES, CardItem
from ..canvas.drawing import font
from ..canvas.layout import CARD_WIDTH
from ..canvas.view import CanvasView
from ..commands import CommandError, EditTouchpoint
from ..document import Document

#: The title block of a card, in card coordinates: a double-click here renames.
TITLE_RECT = QRectF(PADDING, PADDING - 2, CARD_WIDTH - 2 * PADDING, TITLE_LINE * TITLE_LINES)
#: The editor never gets smaller than this, however far the view is zoomed out.
MIN_FONT_PIXELS = 12
MIN_WIDTH, MAX_WIDTH = 180, 520


class InlineRename(QObject):
    #: a rename was refused; the message is for the user
    problem = Signal(str)

    def __init__(self, view: CanvasView, document: Document) -> None:
        super().__init__(view)
        self._view = view
        self._document = document
        self._touchpoint_id: str | None = None
        self.editor = QLineEdit(view.viewport())
        self.editor.setObjectName("inlineRename")
        self.editor.setAccessibleName("Touchpoint title")
        self.editor.hide()
        self.editor.installEventFilter(self)
        self.editor.editingFinished.connect(self.commit)
        self.editor.textChanged.connect(self._place)
        view.viewport().installEventFilter(self)
        view.zoomChanged.connect(self._place)
        view.horizontalScrollBar().valueChanged.connect(self._place)
        view.verticalScrollBar().valueChanged.connect(self._place)
        view.blueprint_scene.layoutChanged.connect(self._place)
        document.touchpointRemoved.connect(self._removed)
        document.documentReset.connect(self.cancel)

    @property
    def touchpoint_id(self) -> str | None:
        """The touchpoint being renamed, None when the editor is closed."""
        return self._touchpoint_id

    def start(self, touchpoint_id: str) -> bool:
        """Open the editor over this touchpoint's card, its title selected."""
        card = self._view.blueprint_scene.card(touchpoint_id)
        if card is None or not card.isVisible():
            return False
        if self._touchpoint_id is not None:
            self.commit()
        self._touchpoint_id = touchpoint_id
        self._view.ensureVisible(card, 16, 16)
        self.editor.setText(self._document.touchpoint(touchpoint_id).title)
        self._place()
        self.editor.show()
        self.editor.raise_()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.selectAll()
        return True

    def commit(self) -> None:
        touchpoint_id, self._touchpoint_id = self._touchpoint_id, None
        if touchpoint_id is None:
            return
        text = self.editor.text()
        self._close()
        tp = self._document.get("touchpoints", touchpoint_id)
        if tp is None or text == tp.title:
            return
        try:
            command = EditTouchpoint(self._document, touchpoint_id, "title", text, False)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        self._document.push(command)

    def cancel(self) -> None:
        if self._touchpoint_id is not None:
            self._touchpoint_id = None
            self._close()

    def _close(self) -> None:
        had_focus = self.editor.hasFocus()
        self.editor.hide()
        if had_focus:
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _removed(self, touchpoint_id: str) -> None:
        if touchpoint_id == self._touchpoint_id:
            self.cancel()

    def _place(self, *_args) -> None:
        """Lay the editor over the card's title, at the view's zoom."""
        card = self._card()
        if card is None:
            return
        zoom = self._view.zoom()
        shown = self._view.mapFromScene(card.mapRectToScene(TITLE_RECT)).boundingRect()
        self.editor.setFont(font(max(MIN_FONT_PIXELS, round(TITLE_FONT * zoom)), True))
        height = max(self.editor.sizeHint().height(), round(TITLE_LINE * zoom) + 8)
        # As wide as the text needs (it may cover the neighbours for a moment), within limits.
        needed = self.editor.fontMetrics().horizontalAdvance(self.editor.text()) + 24
        width = min(max(shown.width() + 8, needed, MIN_WIDTH), MAX_WIDTH)
        self.editor.setGeometry(shown.x() - 4, shown.y() - 4, width, height)

    def _card(self) -> CardItem | None:
        if self._touchpoint_id is None:
            return None
        return self._view.blueprint_scene.card(self._touchpoint_id)

    def title_card_at(self, viewport_point) -> CardItem | None:
        """The card whose title is under this point of the viewport, if any."""
        point = self._view.mapToScene(viewport_point)
        for item in self._view.blueprint_scene.items(point):
            if isinstance(item, CardItem) and item.isVisible():
                return item if TITLE_RECT.contains(item.mapFromScene(point)) else None
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self.cancel()
                    return True
            elif (
                event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                event.accept()  # the editor's, not a window shortcut's
            return False
        if (
            event.type() == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            card = self.title_card_at(event.position().toPoint())
            if card is not None:
                self.start(card.touchpoint_id)
                return True
        return False
