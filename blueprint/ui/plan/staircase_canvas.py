"""The staircase picture on screen: the SVG drawn as large as the room allows, its shape kept,
and the improvement under the mouse named in a tooltip."""

from __future__ import annotations

import html
from math import ceil

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QToolTip, QWidget

from ...analysis import ImprovementScore
from ...report import formatting as fmt
from .staircase_picture import MIN_WIDTH, LiftSpot, StaircasePicture

#: Larger than the PDF's points, so labels read on a screen; and no larger than this.
MAX_ZOOM = 1.5
#: Never smaller than the PDF's points: in a short panel at 1280x720 its words were 5 px
#: high, unreadable on a projector; the panel scrolls instead.
MIN_ZOOM = 1.0
#: The picture sits on paper, as in the PDF: its colours are made for white.
PAPER = QColor("#ffffff")
MARGIN = 4
HINT = (
    "The stairway of service, best at the top. Each arrow is a lift: an improvement, "
    "numbered by rank, from the step its friction points land customers on today (the "
    "circle) up to the step it aims for. Point at one to see which improvement it is."
)


def lift_description(score: ImprovementScore) -> str:
    """What a lift is, in words: for its tooltip and for screen readers."""
    return (
        f"#{score.rank} {score.title}\n"
        f"{score.wave.value} wave · {score.quadrant.value}\n"
        f"From {fmt.step_label(score.current_step or 0)} up to "
        f"{fmt.step_label(score.target_step)} ({score.lift or 0:+d})"
    )


class StaircaseCanvas(QWidget):
    #: The widget's size changed: the picture would read best at another width.
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture: StaircasePicture | None = None
        self._renderer = QSvgRenderer(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 120)
        self.setToolTip(HINT)
        self.setAccessibleName("Staircase of service")

    @property
    def picture(self) -> StaircasePicture | None:
        return self._picture

    def set_picture(self, picture: StaircasePicture | None) -> None:
        self._picture = picture
        self._renderer.load(picture.svg if picture is not None else b"")
        if picture is None:
            self.setMinimumSize(240, 120)
        else:  # drawn no smaller than MIN_ZOOM: the panel around it scrolls
            self.setMinimumSize(
                ceil(picture.width * MIN_ZOOM) + 2 * MARGIN,
                ceil(picture.height * MIN_ZOOM) + 2 * MARGIN,
            )
        lifts = "; ".join(lift_description(s).replace("\n", ", ") for s in self._lifts())
        self.setAccessibleDescription(lifts or "No lifts drawn")
        self.update()

    def _lifts(self) -> list[ImprovementScore]:
        return [] if self._picture is None else list(self._picture.drawn)

    def wanted_width(self) -> float:
        """The width of drawing (points) that fills this widget at a zoom that reads well."""
        height = self._picture.height if self._picture is not None else 0.0
        room = self.room()
        room_w, room_h = room.width() - 2 * MARGIN, room.height() - 2 * MARGIN
        zoom = min(MAX_ZOOM, room_h / height) if height and room_h > 0 else 1.0
        return max(MIN_WIDTH, room_w / max(MIN_ZOOM, zoom))

    def room(self) -> QSize:
        """The room the picture may fill: the window onto it when it scrolls (its own size
        is at least the picture's, and would never let the picture narrow again)."""
        holder = self.parentWidget()
        if holder is not None and isinstance(holder.parentWidget(), QAbstractScrollArea):
            return holder.size()
        return self.size()

    def sizeHint(self) -> QSize:
        return QSize(int(MIN_WIDTH * 1.3), 340)

    # --- where the picture is ----------------------------------------------------------------

    def picture_rect(self) -> QRectF:
        """Where the drawing is painted: as large as fits, its shape kept, at the top."""
        if self._picture is None:
            return QRectF()
        room = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        scale = min(room.width() / self._picture.width, room.height() / self._picture.height)
        scale = max(scale, 0.01)
        width, height = self._picture.width * scale, self._picture.height * scale
        return QRectF(room.x() + (room.width() - width) / 2, room.y(), width, height)

    def spot_at(self, point: QPointF) -> LiftSpot | None:
        """The lift drawn at this point of the widget, if any."""
        if self._picture is None:
            return None
        x, y = self._to_drawing(point)
        return self._picture.spot_at(x, y)

    def spot_position(self, spot: LiftSpot) -> QPointF:
        """Where the circle of this lift is, in the widget's coordinates."""
        rect = self.picture_rect()
        scale = rect.width() / self._picture.width if self._picture else 1.0
        return QPointF(rect.x() + spot.x * scale, rect.bottom() - spot.y * scale)

    def _to_drawing(self, point: QPointF) -> tuple[float, float]:
        rect = self.picture_rect()
        scale = rect.width() / self._picture.width if self._picture else 1.0
        return (point.x() - rect.x()) / scale, (rect.bottom() - point.y()) / scale

    # --- Qt ------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._picture is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.picture_rect()
        painter.fillRect(rect, PAPER)
        self._renderer.render(painter, rect)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            spot = self.spot_at(QPointF(event.pos()))
            if spot is not None:
                # Rich text, escaped: a title holding markup is shown as typed, and wraps.
                text = html.escape(lift_description(spot.score)).replace("\n", "<br>")
                QToolTip.showText(event.globalPos(), f"<p>{text}</p>", self)
            else:
                QToolTip.showText(event.globalPos(), HINT, self)
            return True
        return super().event(event)
