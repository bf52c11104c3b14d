"""What the Comments and Conflicts tabs share: the list of all the blueprint's threads (or
conflicts), where a click picks one; the scrolled column of views of those about what is
chosen, each acted on by its buttons; and following the document, which out of sight only
notes that it must catch up when shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidgetItem, QScrollArea, QVBoxLayout, QWidget

from ..document import Document
from ..inspector.forms import DeleteKeyGuard, KeyList

_Item = TypeVar("_Item")
_View = TypeVar("_View", bound=QWidget)


class ListedPanel(QWidget):
    """A subclass makes its list (``_make_list``) and its column (``_make_column``), calls
    ``_follow_document`` last, and says how it catches up and what a pick does."""

    #: what happened, or why nothing did, for the status line
    message = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._document = document
        #: the (text, id) lines the list shows
        self._listed: tuple = ()
        self._stale = True
        #: the field the views come after, by Tab (they are made after what follows them)
        self.views_follow: QWidget | None = None

    # --- building ----------------------------------------------------------------------------

    def _make_list(self, title: QLabel, accessible_name: str, tip: str) -> KeyList:
        """The list of all, named by ``title``; a click (or Enter) on a line picks its id."""
        self._list = KeyList()
        self._list.setAccessibleName(accessible_name)
        self._list.setToolTip(tip)
        self._list.itemClicked.connect(self._item_picked)
        self._list.itemActivated.connect(self._item_picked)
        title.setBuddy(self._list)
        return self._list

    def _make_column(self) -> QScrollArea:
        """The scrolled column the views stand in, above a stretch; ``self.scroll``."""
        column = QWidget()
        self._column = QVBoxLayout(column)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(column)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return self.scroll

    def _follow_document(self) -> None:
        DeleteKeyGuard(self)
        self._document.edited.connect(self.refresh)
        self._document.documentReset.connect(self._reset)
        self.refresh()

    # --- what a subclass says ----------------------------------------------------------------

    def _catch_up(self) -> None:
        """Show the document as it is now."""
        raise NotImplementedError

    def _reset(self) -> None:
        """Another document is open."""
        raise NotImplementedError

    def _picked(self, item_id: str) -> None:
        """The line of this id was clicked."""
        raise NotImplementedError

    # --- following the document --------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Catch up with the document; out of sight, only note that it must."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._catch_up()

    def _show_lines(self, lines: tuple[tuple[str, str], ...]) -> None:
        """List these (text, id) lines, unless they are listed already."""
        if lines == self._listed:
            return
        self._listed = lines
        self._list.clear()
        for text, item_id in lines:
            item = QListWidgetItem(text, self._list)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setToolTip(text)

    def _item_picked(self, item: QListWidgetItem) -> None:
        self._picked(item.data(Qt.ItemDataRole.UserRole))

    # --- the column of views -----------------------------------------------------------------

    def _show_views(self, found: Sequence[_Item], make: Callable[[_Item], QWidget]) -> None:
        """Put a view ``make`` makes of each one found in the column, in place of those
        there."""
        column = self._column
        while column.count() > 1:
            widget = column.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        last = self.views_follow
        for i, each in enumerate(found):
            view = make(each)
            DeleteKeyGuard(view)
            column.insertWidget(i, view)
            view.show()  # at once, not when the layout gets round to it
            if last is not None:
                # Tab reaches a view's buttons where they stand: Tab went from the box to
                # write in to Add Comment, and then back up to the threads' Reply.
                for field in _tab_stops(view):
                    QWidget.setTabOrder(last, field)
                    last = field

    def _views(self, kind: type[_View]) -> list[_View]:
        column = self._column
        found = (column.itemAt(i).widget() for i in range(column.count()))
        return [w for w in found if isinstance(w, kind)]


def _tab_stops(view: QWidget) -> list[QWidget]:
    """The widgets of ``view`` that Tab stops at, in their order: a view just made, whose
    widgets follow it in the chain. Not ``forms.in_tab_order``, which walks the window's whole
    chain: run while the old views are hidden and not yet deleted, that walk left PySide
    without the window's menus again (the test of resolving a thread by keys)."""
    stops = [view] if view.focusPolicy() & Qt.FocusPolicy.TabFocus else []
    widget = view.nextInFocusChain()
    while widget is not view and view.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops
