"""The key to the overlays that are on: what each colour means."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStatusBar,
    QWidget,
)
from shiboken6 import isValid

from ...analysis.evidence import BACKINGS, Backing
from ..canvas import palette
from ..status_bar import shown_parts
from .colours import heat_colour
from .evidence_marks import WORDS, paint_mark
from .heat_items import impact_text

SWATCH = 16
HEAT_STEPS = 8


class Swatches(QWidget):
    """A row of colour boxes, e.g. a colour scale from low to high."""

    def __init__(self, colours: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = list(colours)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def colours(self) -> list[str]:
        return list(self._colours)

    def sizeHint(self) -> QSize:
        return QSize(SWATCH * len(self._colours) + 2, SWATCH + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        for i, fill in enumerate(self._colours):
            painter.setBrush(QColor(fill))
            painter.drawRect(QRectF(1 + i * SWATCH, 1, SWATCH, SWATCH))
        painter.end()


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _Part(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 0, 8, 0)
        self.row.setSpacing(5)
        self.hide()


class HeatLegend(_Part):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        steps = [heat_colour(((i + 0.5) / HEAT_STEPS) ** 0.5) for i in range(HEAT_STEPS)]
        self.title = _label("Friction impact F per cell  0", self)
        self.scale = Swatches(steps, self)
        self.largest = _label("", self)
        for widget in (self.title, self.scale, self.largest):
            self.row.addWidget(widget)

    def show_largest(self, largest: float) -> None:
        self.largest.setText(impact_text(largest))


class EpicLegend(_Part):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.scale = Swatches([palette.EPIC_SCORE[s] for s in range(1, 6)], self)
        self.row.addWidget(_label("EPIC score  1", self))
        self.row.addWidget(self.scale)
        self.row.addWidget(_label("5  (stage headers: weakest letter)", self))


class EmotionLegend(_Part):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.scale = Swatches([palette.EMOTION[e] for e in range(-2, 3)], self)
        self.row.addWidget(_label("Emotion per stage  −2 angry", self))
        self.row.addWidget(self.scale)
        self.row.addWidget(_label("+2 delighted", self))


class BackingMarkSample(QWidget):
    """One mark of the evidence overlay, drawn as on the canvas."""

    def __init__(self, backing: Backing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backing = backing
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(SWATCH + 4, SWATCH + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = SWATCH / 2 + 1
        paint_mark(painter, QPointF(self.width() / 2, self.height() / 2), self.backing, radius)
        painter.end()


class EvidenceLegend(_Part):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.row.addWidget(_label("Backed by", self))
        self.samples = [BackingMarkSample(b, self) for b in BACKINGS]
        for sample in self.samples:
            self.row.addWidget(sample)
            self.row.addWidget(_label(WORDS[sample.backing], self))


class Legend(QWidget):
    """The parts of the legend, each shown while its overlay is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.heat = HeatLegend(self)
        self.epic = EpicLegend(self)
        self.emotion = EmotionLegend(self)
        self.evidence = EvidenceLegend(self)
        for part in (self.heat, self.epic, self.emotion, self.evidence):
            row.addWidget(part)


class RoomForMessages(QObject):
    """A status message wider than the room the legend leaves it is shown whole: the legend
    steps aside until the message goes (at 1280x720 with two overlays on, "Added 'Waits
    for technician' in Ful" was all a facilitator read)."""

    #: Room kept beside a message, in pixels (the status bar's own margins).
    SLACK = 24

    def __init__(self, legend: QWidget, bar: QStatusBar) -> None:
        super().__init__(legend)
        self._legend, self._bar = legend, bar
        self.stepped_aside = False
        bar.messageChanged.connect(self._message_changed)

    def _message_changed(self, message: str) -> None:
        legend = self._legend
        if not (isValid(legend) and isValid(self._bar)):
            return  # the window is going
        if not message:
            if self.stepped_aside:
                self.stepped_aside = False
                window = legend.window()
                middle = window.centralWidget() if isinstance(window, QMainWindow) else None
                if middle is None or middle.isEnabled():  # not under the start page
                    legend.show()
            return
        if self.stepped_aside or not legend.isVisible():
            return
        taken = sum(w.width() for w in shown_parts(self._bar))
        room = self._bar.width() - taken - self.SLACK
        if self._bar.fontMetrics().horizontalAdvance(message) > room:
            self.stepped_aside = True
            legend.hide()
