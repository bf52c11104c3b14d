"""The canvas view: the grid of cards at a zoom, its stage and channel headers frozen in
sight while the cells scroll (see ``FrozenHeaderView``), and the canvas's requests turned
into commands."""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QPixmapCache, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from ...model import Presence
from ..commands import CommandError, MoveInFuture, MoveTouchpoint
from .accessible import install_canvas_accessibility
from .card import TITLE_FONT, CardItem
from .drawing import CELLS, HEADERS, SHOWS
from .frozen_view import ZOOM_STEP as ZOOM_STEP  # the canvas's zoom step, as callers know it
from .frozen_view import FrozenHeaderView, scroll_to_start
from .frozen_view import HeaderStrip as FrozenStrip
from .layout import HEADER_HEIGHT, ROW_HEADER_WIDTH
from .scene import BlueprintScene
from .shown import JourneyView

#: The smallest zoom whose card titles can be read (over 10 px), on a projector too: fitting
#: the window stops there, and the user scrolls rather than squints. (65%, not 10/16: the
#: header margins come out in whole pixels, so cells and headers stay in line.)
READABLE_ZOOM = 0.65
assert READABLE_ZOOM * TITLE_FONT >= 10
#: Zoom limits when a blueprint is opened: whole if possible, never unreadably small.
OPEN_ZOOM_RANGE = (READABLE_ZOOM, 1.0)
MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
PICTURE_CACHE_KIB = 64 * 1024
#: Room kept around the selection scrolled into sight, in pixels.
SELECTION_MARGIN = 40
#: How long after leaving full screen the canvas keeps the selection in sight as it resizes.
SETTLING_SECONDS = 1.0


class HeaderStrip(FrozenStrip):
    """A strip of the grid's headers: only the header items paint in it (see ``SHOWS``)."""

    def __init__(self, scene: BlueprintScene, view: CanvasView) -> None:
        super().__init__(scene, view)
        self.setBackgroundBrush(scene.backgroundBrush())
        self.viewport().setProperty(SHOWS, HEADERS)


class CanvasView(FrozenHeaderView):
    #: stage id, channel id: the user double-clicked an empty place of this cell
    addTouchpointRequested = Signal(str, str)
    #: a request on the canvas was refused; the message is for the user (status bar)
    problem = Signal(str)

    row_header_width = ROW_HEADER_WIDTH
    column_header_height = HEADER_HEIGHT
    zoom_limits = (MIN_ZOOM, MAX_ZOOM)
    open_zoom_range = OPEN_ZOOM_RANGE
    strip_type = HeaderStrip

    def __init__(self, scene: BlueprintScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._scene = scene
        # Room for the pictures of the cards in sight (see CardItem), at twice the pixels
        # on a high-density screen: Qt's default of 10 MB holds about 25 of them there.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PICTURE_CACHE_KIB))
        self.viewport().setProperty(SHOWS, CELLS)
        install_canvas_accessibility(type(self))  # the cards, as a screen reader sees them
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        #: until then (time.monotonic), each resize keeps the selection in sight
        self._following_selection_until = 0.0
        scene.layoutChanged.connect(self._fit_scene_rect)
        scene.addTouchpointRequested.connect(self.addTouchpointRequested)
        scene.touchpointMoveRequested.connect(self._move_touchpoint)
        self._fit_scene_rect()

    @property
    def blueprint_scene(self) -> BlueprintScene:
        return self._scene

    def _zoom_changing(self, factor: float) -> None:
        self._scene.show_detail_for(factor)

    def fit_to_window(self, quiet: bool = False) -> None:
        """The whole blueprint, headers included, in the window; never below a readable
        zoom, which the status line explains unless ``quiet``."""
        layout = self._scene.grid_layout
        frame = 2 * self.frameWidth()
        width, height = self.width() - frame, self.height() - frame
        # A hair under the exact fit, so rounding never brings up the scroll bars.
        factor = 0.995 * min(width / layout.width, height / layout.height)
        if factor < READABLE_ZOOM:
            factor = READABLE_ZOOM
            if not quiet:
                self.problem.emit(
                    f"All of it would be too small to read: shown at {READABLE_ZOOM:.0%}. "
                    "Scroll to see the rest, or zoom out (Ctrl+-)."
                )
        self.set_zoom(factor)
        scroll_to_start(self)  # the first stage and channel (a scroll bar may not start at 0)

    def actual_size(self) -> None:
        """100%, the selected cards kept in sight (zooming keeps the middle in place, and
        the selection may lie elsewhere)."""
        super().actual_size()
        self.keep_selection_in_sight()

    def keep_selection_in_sight_as_it_settles(self) -> None:
        """Keep the selection in sight now and through the resizes of the next moment, as
        the window leaves full screen and its panels come back (the canvas narrows more
        than once, after the window manager has answered)."""
        self._following_selection_until = time.monotonic() + SETTLING_SECONDS
        self.keep_selection_in_sight()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if time.monotonic() < self._following_selection_until:
            self.keep_selection_in_sight()

    def keep_selection_in_sight(self) -> None:
        """Scroll the selected cards into sight, if the view shows them only in part."""
        chosen = [
            i.sceneBoundingRect() for i in self._scene.selectedItems() if isinstance(i, CardItem)
        ]
        if chosen:
            bounds = chosen[0]
            for rect in chosen[1:]:
                bounds = bounds.united(rect)
            self.ensureVisible(bounds, SELECTION_MARGIN, SELECTION_MARGIN)

    def _body_rect(self) -> QRectF:
        body = self._scene.grid_layout.body
        return QRectF(body.x, body.y, body.width, body.height)

    # --- requests from the scene -------------------------------------------------------------

    def _move_touchpoint(
        self, touchpoint_id: str, stage_id: str, channel_id: str, index: int
    ) -> None:
        document = self._scene.document
        in_future = (
            self._scene.journey_view == JourneyView.FUTURE
            and document.touchpoint(touchpoint_id).state == Presence.BOTH
        )
        try:
            if in_future:  # tomorrow only: today it stays where it is
                command = MoveInFuture(document, touchpoint_id, stage_id, channel_id)
            else:
                command = MoveTouchpoint(document, touchpoint_id, stage_id, channel_id, index)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        document.push(command)
