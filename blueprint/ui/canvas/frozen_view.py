"""A view with frozen headers, as in a spreadsheet, and its zoom: the grid and the lanes.

The headers are items of the same scene, shown by three small views laid over the main
view's viewport margins (column headers above, row headers to the left, the corner). Each
strip shows exactly the band of the scene that lines up with the visible cells, at the same
zoom, so nothing moves in the scene when the user scrolls, and an exported picture of the
scene has its headers in place. A view says how big its headers are and where its cells lie.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

ZOOM_STEP = 1.25
RENDER_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing


def scroll_to_start(view: QGraphicsView) -> None:
    """Scroll to the top left of what the view shows."""
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())


class HeaderStrip(QGraphicsView):
    """A fixed band over a margin of a frozen-header view that shows one region of the scene."""

    def __init__(self, scene: QGraphicsScene, view: FrozenHeaderView) -> None:
        super().__init__(scene, view)
        self._view = view
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(RENDER_HINTS)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_region(self, region: QRectF, zoom: float) -> None:
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.setSceneRect(region)
        scroll_to_start(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._view.wheelEvent(event)  # scrolling over a header scrolls the cells


class FrozenHeaderView(QGraphicsView):
    """The cells scroll and zoom; the header strips over the margins follow them."""

    #: the zoom factor changed (1.0 is actual size)
    zoomChanged = Signal(float)

    #: Scene size of the headers: the row headers' width (left), the column headers' height.
    row_header_width: ClassVar[float]
    column_header_height: ClassVar[float]
    #: The smallest and largest zoom the user can reach.
    zoom_limits: ClassVar[tuple[float, float]]
    #: When first shown, the view fits the window but keeps its zoom within these.
    open_zoom_range: ClassVar[tuple[float, float]]
    strip_type: ClassVar[type[HeaderStrip]] = HeaderStrip

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._zooming = False
        self._fit_pending = False
        if scene.parent() is None:
            scene.setParent(self)  # Qt, not Python's collector, deletes it with the view
        self.setRenderHints(RENDER_HINTS)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._column_headers = self.strip_type(scene, self)
        self._row_headers = self.strip_type(scene, self)
        self._corner = self.strip_type(scene, self)

    def header_strips(self) -> tuple[HeaderStrip, HeaderStrip, HeaderStrip]:
        """The views over the margins: column headers above, row headers left, the corner."""
        return self._column_headers, self._row_headers, self._corner

    def _body_rect(self) -> QRectF:
        """The scene rectangle of the cells: what scrolls under the headers."""
        raise NotImplementedError

    # --- zoom ----------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        low, high = self.zoom_limits
        factor = min(high, max(low, factor))
        if abs(factor - self.zoom()) < 1e-9:
            return
        # Margins first, so the scroll ranges setTransform computes fit the new viewport;
        # the resize that the margins cause must not put back the margins of the old zoom.
        self._zooming = True
        try:
            self._set_margins(factor)
            self._zoom_changing(factor)
            self.setTransform(QTransform.fromScale(factor, factor))
        finally:
            self._zooming = False
        self._sync_headers()
        self.zoomChanged.emit(factor)

    def _zoom_changing(self, factor: float) -> None:
        """Called as the zoom becomes ``factor``, before the view paints at it."""

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit_when_shown(self) -> None:
        """Fit the window, but readably (``open_zoom_range``), once the view has its size.

        Before the window is shown the view has a placeholder size, so fitting then would
        shrink the picture to a thumbnail: wait for the real size.
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

    def fit_to_window(self, quiet: bool = False) -> None:
        """Show as much as the window holds; ``quiet``: say nothing about it (on open)."""
        raise NotImplementedError

    def _fit_on_open(self) -> None:
        self.fit_to_window(quiet=True)
        low, high = self.open_zoom_range
        if not low <= self.zoom() <= high:
            self.set_zoom(min(max(self.zoom(), low), high))
            scroll_to_start(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            anchor = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self.set_zoom(self.zoom() * ZOOM_STEP ** (event.angleDelta().y() / 120))
            self.setTransformationAnchor(anchor)
            event.accept()
        else:
            self._scroll_by_wheel(event)

    def _scroll_by_wheel(self, event: QWheelEvent) -> None:
        """The wheel without Ctrl: scroll, as any view does."""
        super().wheelEvent(event)

    # --- the frozen headers ------------------------------------------------------------------

    def _fit_scene_rect(self) -> None:
        self.setSceneRect(self._body_rect())
        self._sync_headers()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._sync_headers()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._zooming:
            self._sync_headers()

    def _set_margins(self, zoom: float) -> tuple[int, int]:
        left = round(self.row_header_width * zoom)
        top = round(self.column_header_height * zoom)
        margins = self.viewportMargins()
        if (margins.left(), margins.top()) != (left, top):
            self.setViewportMargins(left, top, 0, 0)
        return left, top

    def _sync_headers(self) -> None:
        zoom = self.zoom()
        left, top = self._set_margins(zoom)
        width, height = self.row_header_width, self.column_header_height
        port = self.viewport().geometry()
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        self._column_headers.setGeometry(QRect(port.left(), port.top() - top, port.width(), top))
        self._column_headers.show_region(QRectF(shown.left(), 0, shown.width(), height), zoom)
        self._row_headers.setGeometry(QRect(port.left() - left, port.top(), left, port.height()))
        self._row_headers.show_region(QRectF(0, shown.top(), width, shown.height()), zoom)
        self._corner.setGeometry(QRect(port.left() - left, port.top() - top, left, top))
        self._corner.show_region(QRectF(0, 0, width, height), zoom)
