"""What the user sees while dragging a header: the header itself following the pointer, a
shaded gap where it was, and an insertion bar where it would land, drawn in the header
strip and carried on across the cells.

Widgets laid over the strip and the canvas, not scene items: nothing of a drag ever reaches
the scene, an export, or the document.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGraphicsDropShadowEffect, QLabel, QWidget

from ..canvas import palette
from ..canvas.view import CanvasView
from .axes import Axis
from .header_hit import header_rect

MARKER_WIDTH = 6
GUIDE_WIDTH = 3
SHADOW_BLUR = 14
SHADOW_ALPHA = 110
HOLE_ALPHA = 170


class _Fill(QWidget):
    """A plain rectangle of colour over another widget; mouse events pass through it."""

    def __init__(self, parent: QWidget, colour: QColor) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()


class DragPicture:
    """The pictures of one header drag, made when it starts and gone when it ends."""

    def __init__(self, view: CanvasView, axis: Axis, entity_id: str, grab_at: QPoint) -> None:
        self._view = view
        self._axis = axis
        self._entity_id = entity_id
        self._strip = axis.strip(view)
        port = self._strip.viewport()
        shown = header_rect(self._strip, axis, entity_id) or QRect()
        self._grab_offset = grab_at - shown.topLeft()
        selection = QColor(palette.SELECTION)
        hole = QColor(palette.CANVAS)
        hole.setAlpha(HOLE_ALPHA)
        self.hole = _Fill(port, hole)
        self.ghost = QLabel(port)
        self.ghost.setPixmap(port.grab(shown))
        self.ghost.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.ghost.setStyleSheet(f"border: 2px solid {palette.SELECTION};")
        self.ghost.resize(shown.size())
        # Lifted off the strip: opaque, so the header it passes over never shows through.
        shadow = QGraphicsDropShadowEffect(self.ghost)
        shadow.setBlurRadius(SHADOW_BLUR)
        shadow.setOffset(0, 3)
        shadow.setColor(QColor(0, 0, 0, SHADOW_ALPHA))
        self.ghost.setGraphicsEffect(shadow)
        #: the insertion bar in the header strip, and its guide line across the cells
        self.marker = _Fill(port, selection)
        self.guide = _Fill(view.viewport(), selection)
        self.marker_at: float | None = None

    def show(self, pointer: QPoint, boundary: float | None) -> None:
        """The header under the pointer; the bar at ``boundary`` (scene), or none."""
        shown = header_rect(self._strip, self._axis, self._entity_id)
        if shown is not None:
            self.hole.setGeometry(shown)
            self.hole.show()
        corner = pointer - self._grab_offset
        if self._axis.horizontal:
            self.ghost.move(corner.x(), 0)
        else:
            self.ghost.move(0, corner.y())
        self.ghost.show()
        self.marker_at = boundary
        if boundary is None:
            self.marker.hide()
            self.guide.hide()
        else:
            self._place_bars(boundary)
        for widget in (self.hole, self.ghost, self.marker):
            widget.raise_()

    def _place_bars(self, boundary: float) -> None:
        port = self._strip.viewport()
        # The guide runs across the cells in sight, not on into the empty canvas beyond.
        body = self._view.blueprint_scene.grid_layout.body
        cells = self._view.mapFromScene(QRectF(body.x, body.y, body.width, body.height))
        cells_shown = cells.boundingRect().intersected(self._view.viewport().rect())
        if self._axis.horizontal:
            x = self._strip.mapFromScene(QPointF(boundary, 0)).x()
            self.marker.setGeometry(x - MARKER_WIDTH // 2, 0, MARKER_WIDTH, port.height())
            x = self._view.mapFromScene(QPointF(boundary, 0)).x()
            self.guide.setGeometry(
                x - GUIDE_WIDTH // 2, cells_shown.top(), GUIDE_WIDTH, cells_shown.height()
            )
        else:
            y = self._strip.mapFromScene(QPointF(0, boundary)).y()
            self.marker.setGeometry(0, y - MARKER_WIDTH // 2, port.width(), MARKER_WIDTH)
            y = self._view.mapFromScene(QPointF(0, boundary)).y()
            self.guide.setGeometry(
                cells_shown.left(), y - GUIDE_WIDTH // 2, cells_shown.width(), GUIDE_WIDTH
            )
        self.marker.show()
        self.guide.show()
        self.guide.raise_()

    def remove(self) -> None:
        for widget in (self.hole, self.ghost, self.marker, self.guide):
            widget.hide()
            widget.deleteLater()
