"""Rename a card in place: F2, or a double-click on its title, opens a line editor over the
title; Enter commits one ``EditTouchpoint``, Escape cancels, clicking elsewhere commits.

It sits on the canvas view from outside (an event filter on its viewport and a child line
editor, see ``InPlaceEditor``), so the canvas code knows nothing about it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLineEdit

from ..canvas.card import PADDING, TITLE_FONT, TITLE_LINE, TITLE_LINES, CardItem
from ..canvas.drawing import font
from ..canvas.in_place_editor import InPlaceEditor
from ..canvas.layout import CARD_WIDTH
from ..canvas.view import CanvasView
from ..document import Document

#: The title block of a card, in card coordinates: a double-click here renames.
TITLE_RECT = QRectF(PADDING, PADDING - 2, CARD_WIDTH - 2 * PADDING, TITLE_LINE * TITLE_LINES)
#: The editor never gets smaller than this, however far the view is zoomed out.
MIN_FONT_PIXELS = 12
MIN_WIDTH, MAX_WIDTH = 180, 520


class InlineRename(InPlaceEditor):
    def __init__(self, view: CanvasView, document: Document) -> None:
        super().__init__(
            view, document, QLineEdit(view.viewport()), view.blueprint_scene.layoutChanged
        )
        self.editor.setObjectName("inlineRename")
        self.editor.setAccessibleName("Touchpoint title")
        self.editor.editingFinished.connect(self.commit)
        self.editor.textChanged.connect(self._place)
        view.viewport().installEventFilter(self)

    @property
    def touchpoint_id(self) -> str | None:
        """The touchpoint being renamed, None when the editor is closed."""
        return self._editing[0] if self._editing is not None else None

    def start(self, touchpoint_id: str, new_card: bool = False) -> bool:
        """Open the editor over this touchpoint's card, its title selected; ``new_card``:
        the card was just added, and its title is part of adding it (one undo step)."""
        card = self._view.blueprint_scene.card(touchpoint_id)
        if card is None or not card.isVisible():
            return False
        self.commit()  # the rename open, if any, before the view scrolls to this card
        self._view.ensureVisible(card, 16, 16)
        self._open(touchpoint_id, "title", new_card)
        return True

    def _text(self) -> str:
        return self.editor.text()

    def _set_text(self, text: str) -> None:
        self.editor.setText(text)

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
        if self._editing is None:
            return None
        return self._view.blueprint_scene.card(self._editing[0])

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
                    self.escape()
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    # Committed here, not passed on: a line edit leaves Enter to its parent,
                    # where on the canvas it would open the editor again.
                    self.commit()
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
