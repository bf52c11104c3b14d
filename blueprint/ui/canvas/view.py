"""The canvas view: zoom, and headers that stay in sight while the cells scroll.

The headers are items of the same scene, shown by three small views laid over the main
view's viewport margins (stage headers above, channel headers to the left, the corner).
Each strip shows exactly the band of the scene that lines up with the visible cells, at the
same zoom, so nothing moves in the scene when the user scrolls, and an exported picture of
the scene has its headers in place.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPixmapCache, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from ..commands import CommandError, MoveTouchpoint
from .drawing import CELLS, HEADERS, SHOWS
from .layout import HEADER_HEIGHT, ROW_HEADER_WIDTH
from .scene import BlueprintScene

ZOOM_STEP = 1.25
#: Zoom limits when a blueprint is opened: whole if possible, never unreadably small.
OPEN_ZOOM_RANGE = (0.5, 1.0)
MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
_RENDER_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
PICTURE_CACHE_KIB = 64 * 1024


class HeaderStrip(QGraphicsView):
    """A fixed band over the canvas that shows one region of the scene."""

    def __init__(self, scene: BlueprintScene, parent: QWidget) -> None:
        super().__init__(scene, parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(_RENDER_HINTS)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setBackgroundBrush(scene.backgroundBrush())
        self.viewport().setProperty(SHOWS, HEADERS)

    def show_region(self, region: QRectF, zoom: float) -> None:
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.setSceneRect(region)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Scrolling over a header scrolls the canvas, as in a spreadsheet.
        canvas = self.parent()
        if isinstance(canvas, CanvasView):
            canvas.wheelEvent(event)


class CanvasView(QGraphicsView):
    #: the zoom factor changed (1.0 is actual size)
    zoomChanged = Signal(float)
    #: stage id, channel id: the user double-clicked an empty place of this cell
    addTouchpointRequested = Signal(str, str)
    #: a request on the canvas was refused; the message is for the user (status bar)
    problem = Signal(str)

    def __init__(self, scene: BlueprintScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._scene = scene
        self._zooming = False
        self._fit_pending = False
        if scene.parent() is None:
            scene.setParent(self)  # Qt, not Python's collector, deletes it with the view
        # Room for the pictures of the cards in sight (see CardItem), at twice the pixels
        # on a high-density screen: Qt's default of 10 MB holds about 25 of them there.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PICTURE_CACHE_KIB))
        self.setRenderHints(_RENDER_HINTS)
        self.viewport().setProperty(SHOWS, CELLS)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self._column_headers = HeaderStrip(scene, self)
        self._row_headers = HeaderStrip(scene, self)
        self._corner = HeaderStrip(scene, self)
        scene.layoutChanged.connect(self._fit_scene_rect)
        scene.addTouchpointRequested.connect(self.addTouchpointRequested)
        scene.touchpointMoveRequested.connect(self._move_touchpoint)
        self._fit_scene_rect()

    @property
    def blueprint_scene(self) -> BlueprintScene:
        return self._scene

    def header_strips(self) -> tuple[HeaderStrip, HeaderStrip, HeaderStrip]:
        """The views over the margins: stage headers, channel headers, the corner."""
        return self._column_headers, self._row_headers, self._corner

    # --- zoom ----------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        if abs(factor - self.zoom()) < 1e-9:
            return
        # Margins first, so the scroll ranges setTransform computes fit the new viewport;
        # the resize that the margins cause must not put back the margins of the old zoom.
        self._zooming = True
        try:
            self._set_margins(factor)
            self._scene.show_detail_for(factor)
            self.setTransform(QTransform.fromScale(factor, factor))
        finally:
            self._zooming = False
        self._sync_headers()
        self.zoomChanged.emit(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit_when_shown(self) -> None:
        """Show a freshly opened blueprint whole, but readable.

        Before the window is shown the view has a placeholder size, so fitting then would
        shrink the blueprint to a thumbnail: wait for the real size. On opening, the zoom
        stays between OPEN_ZOOM_RANGE, so cards can be read without zooming first.
        """
        if self.isVisible():
            self._fit_on_open()
        else:
            self._fit_pending = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            QTimer.singleShot(0, self, self._fit_on_open)  # not after the view is gone

    def _fit_on_open(self) -> None:
        self.fit_to_window()
        low, high = OPEN_ZOOM_RANGE
        if not low <= self.zoom() <= high:
            self.set_zoom(min(max(self.zoom(), low), high))
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def fit_to_window(self) -> None:
        """The whole blueprint, headers included, in the window."""
        layout = self._scene.grid_layout
        frame = 2 * self.frameWidth()
        width, height = self.width() - frame, self.height() - frame
        # A hair under the exact fit, so rounding never brings up the scroll bars.
        factor = 0.995 * min(width / layout.width, height / layout.height)
        self.set_zoom(factor)
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            anchor = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self.set_zoom(self.zoom() * ZOOM_STEP ** (event.angleDelta().y() / 120))
            self.setTransformationAnchor(anchor)
            event.accept()
        else:
            super().wheelEvent(event)

    # --- the frozen headers ------------------------------------------------------------------

    def _fit_scene_rect(self) -> None:
        body = self._scene.grid_layout.body
        self.setSceneRect(QRectF(body.x, body.y, body.width, body.height))
        self._sync_headers()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._sync_headers()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._zooming:
            self._sync_headers()

    def _set_margins(self, zoom: float) -> tuple[int, int]:
        left, top = round(ROW_HEADER_WIDTH * zoom), round(HEADER_HEIGHT * zoom)
        margins = self.viewportMargins()
        if (margins.left(), margins.top()) != (left, top):
            self.setViewportMargins(left, top, 0, 0)
        return left, top

    def _sync_headers(self) -> None:
        zoom = self.zoom()
        left, top = self._set_margins(zoom)
        port = self.viewport().geometry()
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        self._column_headers.setGeometry(QRect(port.left(), port.top() - top, port.width(), top))
        self._column_headers.show_region(
            QRectF(shown.left(), 0, shown.width(), HEADER_HEIGHT), zoom
        )
        self._row_headers.setGeometry(QRect(port.left() - left, port.top(), left, port.height()))
        self._row_headers.show_region(
            QRectF(0, shown.top(), ROW_HEADER_WIDTH, shown.height()), zoom
        )
        self._corner.setGeometry(QRect(port.left() - left, port.top() - top, left, top))
        self._corner.show_region(QRectF(0, 0, ROW_HEADER_WIDTH, HEADER_HEIGHT), zoom)

    # --- requests from the scene -------------------------------------------------------------

    def _move_touchpoint(
        self, touchpoint_id: str, stage_id: str, channel_id: str, index: int
    ) -> None:
        document = self._scene.document
        try:
            command = MoveTouchpoint(document, touchpoint_id, stage_id, channel_id, index)
        except CommandError as error:
            self.problem.emit(str(error))
            return
        document.push(command)
