"""The lanes view: the scene at a zoom, lane labels and headers that stay in sight (see
``FrozenHeaderView``), and the keyboard: arrows move between lane cells, F2 or Enter edits
the current one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from ..canvas.accessible import announce
from ..canvas.frozen_view import FrozenHeaderView, scroll_to_start
from ..document import Document
from .column import ColumnItem
from .layout import HEADER_HEIGHT, LABEL_WIDTH, LANE_FIELDS, LANES
from .scene import LanesScene
from .strips import LanesHeaderStrip, cell_at, show_tooltip

MIN_ZOOM, MAX_ZOOM = 0.25, 3.0
#: On first showing, the lanes fit the height if they can at a readable size.
OPEN_ZOOM_RANGE = (0.7, 1.0)
_EDIT_KEYS = (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MOVE_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


class LanesView(FrozenHeaderView):
    #: touchpoint id, lane field: the user asked to edit this cell
    editRequested = Signal(str, str)
    #: the view was shown, and is up to date with the document
    shown = Signal()

    row_header_width = LABEL_WIDTH
    column_header_height = HEADER_HEIGHT
    zoom_limits = (MIN_ZOOM, MAX_ZOOM)
    open_zoom_range = OPEN_ZOOM_RANGE
    strip_type = LanesHeaderStrip

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        scene = LanesScene(document)
        super().__init__(scene, parent)
        self._scene = scene
        self._current: tuple[str, str] | None = None
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(self._scene.backgroundBrush())
        self._scene.layoutChanged.connect(self._fit_scene_rect)
        self._scene.selectionChanged.connect(self._selection_changed)
        self.setAccessibleName("Blueprint lanes")
        self.setAccessibleDescription(
            "Stages left to right, a column per touchpoint, the blueprint lanes top to bottom"
        )
        self.fit_when_shown()  # the first time it is shown, not before

    @property
    def lanes_scene(self) -> LanesScene:
        return self._scene

    # --- shown or hidden: built lazily, live only while shown ----------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._scene.build()
        self._scene.set_live(True)
        self.shown.emit()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._scene.set_live(False)

    # --- the current cell ----------------------------------------------------------------------

    @property
    def current_cell(self) -> tuple[str, str] | None:
        """The (touchpoint id, lane field) that F2 or Enter edits."""
        if self._current is not None and self._scene.column(self._current[0]) is None:
            self._current = None
        return self._current

    def set_current_cell(self, touchpoint_id: str, field: str) -> None:
        """Make this the current cell: its column selected (alone) and in sight."""
        column = self._scene.column(touchpoint_id)
        if column is None:
            return
        self._mark_current(touchpoint_id, field)
        if self._scene.selected_touchpoint_ids() != [touchpoint_id]:
            self._scene.select_touchpoints([touchpoint_id])
        self.ensureVisible(column.mapRectToScene(column.cell_rect(field)), 24, 24)

    def _mark_current(self, touchpoint_id: str, field: str) -> None:
        old = self.current_cell
        if old is not None and old[0] != touchpoint_id:
            column = self._scene.column(old[0])
            if column is not None:
                column.set_current_lane(None)
        self._current = (touchpoint_id, field)
        column = self._scene.column(touchpoint_id)
        if column is not None:
            column.set_current_lane(field)
            if (touchpoint_id, field) != old:
                self._say_current(column, field)

    def _say_current(self, column: ColumnItem, field: str) -> None:
        """The cell the keys moved to, said: the view's cells are drawn, not widgets, and a
        screen reader heard nothing of them (the inspector's Lanes tab was the way)."""
        lane = next(lane.name for lane in LANES if lane.field == field)
        text = " ".join(column.face.text(field).split()) or "empty"
        said = f"{column.face.title}, {lane}: {text}"
        self.setAccessibleDescription(said)
        announce(self, said)

    def _selection_changed(self) -> None:
        # A column chosen elsewhere (on the grid) becomes current, in its current lane.
        chosen = self._scene.selected_touchpoint_ids()
        current = self.current_cell
        if len(chosen) == 1 and (current is None or current[0] != chosen[0]):
            self._mark_current(chosen[0], current[1] if current else LANE_FIELDS[0])

    def show_selection(self) -> None:
        """Scroll the first selected column into sight."""
        journey = self._scene.journey()
        chosen = set(self._scene.selected_touchpoint_ids())
        first = next((i for i in journey if i in chosen), None)
        column = self._scene.column(first) if first is not None else None
        if column is not None:
            self.ensureVisible(column.sceneBoundingRect(), 24, 24)

    def focusInEvent(self, event) -> None:
        """The keys arrive (Ctrl+2, F6, Tab): a cell is marked where they are, as the grid
        shows its cell cursor; no cell was until an arrow was pressed."""
        super().focusInEvent(event)
        if self.current_cell is not None or event.reason() == Qt.FocusReason.MouseFocusReason:
            return  # a click marks the cell clicked
        journey = self._scene.journey()
        chosen = set(self._scene.selected_touchpoint_ids())
        first = next((i for i in journey if i in chosen), journey[0] if journey else None)
        if first is not None:
            # Selected too: a column's cell is drawn marked only while it is (the mark was
            # there unseen, and F2 would have edited a cell the user could not see).
            self.set_current_cell(first, LANE_FIELDS[0])

    # --- mouse and keys ------------------------------------------------------------------------

    def cell_at(self, viewport_point: QPoint) -> tuple[ColumnItem, str | None] | None:
        """The column under a point of the viewport, and its lane there (None: its header)."""
        return cell_at(self, viewport_point)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        hit = self.cell_at(event.position().toPoint())
        if hit is not None and hit[1] is not None and event.button() == Qt.MouseButton.LeftButton:
            self._mark_current(hit[0].touchpoint_id, hit[1])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.cell_at(event.position().toPoint())
        if hit is None or hit[1] is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        self.set_current_cell(hit[0].touchpoint_id, hit[1])
        self.editRequested.emit(hit[0].touchpoint_id, hit[1])
        event.accept()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and event.key() in _EDIT_KEYS
        ):
            # F2 renames a card on the grid and Enter may mean something to the window; here
            # they edit the current lane cell.
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in _EDIT_KEYS:
            self.edit_current_cell()
            event.accept()
        elif plain and event.key() in _MOVE_KEYS:
            self._move_current(event.key())
            event.accept()
        else:
            super().keyPressEvent(event)

    def edit_current_cell(self) -> bool:
        current = self.current_cell
        if current is None:
            chosen = self._scene.selected_touchpoint_ids()
            if not chosen:
                return False
            current = (chosen[0], LANE_FIELDS[0])
        self.set_current_cell(*current)
        self.editRequested.emit(*current)
        return True

    def _move_current(self, key: Qt.Key) -> None:
        journey = self._scene.journey()
        if not journey:
            return
        current = self.current_cell
        if current is None:
            self.set_current_cell(journey[0], LANE_FIELDS[0])
            return
        touchpoint_id, field = current
        column, lane = journey.index(touchpoint_id), LANE_FIELDS.index(field)
        if key == Qt.Key.Key_Left:
            column = max(0, column - 1)
        elif key == Qt.Key.Key_Right:
            column = min(len(journey) - 1, column + 1)
        elif key == Qt.Key.Key_Up:
            lane = max(0, lane - 1)
        else:
            lane = min(len(LANE_FIELDS) - 1, lane + 1)
        self.set_current_cell(journey[column], LANE_FIELDS[lane])

    def viewportEvent(self, event: QEvent) -> bool:
        if show_tooltip(self, event):
            return True
        return super().viewportEvent(event)

    def _scroll_by_wheel(self, event: QWheelEvent) -> None:
        vertical = self.verticalScrollBar()
        if vertical.maximum() == vertical.minimum() and event.angleDelta().x() == 0:
            # The lanes run sideways: with nothing to scroll up or down, the wheel goes along.
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            event.accept()
            return
        super()._scroll_by_wheel(event)

    # --- fitting the window -------------------------------------------------------------

    def fit_to_window(self, quiet: bool = False) -> None:
        """Every lane in sight, top to bottom (the stages run on sideways)."""
        height = self._scene.lanes_layout.height
        if height <= 0:
            return
        self.set_zoom(0.995 * (self.height() - 2 * self.frameWidth()) / height)

    def _fit_on_open(self) -> None:
        super()._fit_on_open()
        scroll_to_start(self)
        self.show_selection()

    def _body_rect(self) -> QRectF:
        body = self._scene.lanes_layout.body
        return QRectF(body.x, body.y, max(1.0, body.width), max(1.0, body.height))
