"""The weakest EPIC letter of each stage, in a tile at the right end of its header.

A stage whose customers find it hard to use (E), impersonal (P), confusing (I) or out of
context (C) shows that letter and its mean score, coloured by the score: a finding of the
method.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from ..canvas import palette
from ..canvas.drawing import HEADERS, colour, font, shows
from ..canvas.headers import HEADER_Z
from ..canvas.layout import GridLayout
from ..tips import plain_tip
from .measures import StageEpic

BADGE_Z = HEADER_Z + 1
BADGE_WIDTH = 40.0
BADGE_HEIGHT = 44.0
BADGE_INSET = 8.0
LETTER_FONT = 22
SCORE_FONT = 13
#: The letter above, its mean score under it.
_LETTER_ROW = QRectF(0, 2, BADGE_WIDTH, 25)
_SCORE_ROW = QRectF(0, 25, BADGE_WIDTH, 17)


class StageEpicBadge(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._letter = ""
        self._score = ""
        self._fill = palette.UNSET
        self.setZValue(BADGE_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    @property
    def letter(self) -> str:
        return self._letter

    @property
    def score(self) -> str:
        """The letter's mean score as shown, e.g. '2.3'."""
        return self._score

    @property
    def fill(self) -> str:
        return self._fill

    def show_epic(
        self, header_right: float, header_height: float, epic: StageEpic, tip: str
    ) -> None:
        self._letter = epic.letter.value
        self._score = f"{epic.letter_score:.1f}"
        self._fill = palette.epic_colour(epic.letter_score)
        self.setPos(header_right - BADGE_INSET - BADGE_WIDTH, (header_height - BADGE_HEIGHT) / 2)
        self.setToolTip(plain_tip(tip))
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, BADGE_WIDTH, BADGE_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not shows(widget, HEADERS):
            return
        box = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour(palette.STAGE_HEADER_INK), 2.0))
        painter.setBrush(colour(self._fill))
        painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 6, 6)
        painter.setPen(colour(palette.ink_on(self._fill)))
        centre = int(Qt.AlignmentFlag.AlignCenter)
        painter.setFont(font(LETTER_FONT, True))
        painter.drawText(_LETTER_ROW, centre, self._letter)
        painter.setFont(font(SCORE_FONT, True))
        painter.drawText(_SCORE_ROW, centre, self._score)


class EpicBadges:
    """The badges in a scene, kept by stage id."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._badges: dict[str, StageEpicBadge] = {}

    def badges(self) -> dict[str, StageEpicBadge]:
        return dict(self._badges)

    def show(self, stages: list[StageEpic], layout: GridLayout, names: dict[str, str]) -> None:
        shown = {s.stage_id: s for s in stages if s.stage_id in layout.columns}
        for gone in self._badges.keys() - shown.keys():
            self._scene.removeItem(self._badges.pop(gone))
        for stage_id, epic in shown.items():
            badge = self._badges.get(stage_id)
            if badge is None:
                badge = self._badges[stage_id] = StageEpicBadge()
                self._scene.addItem(badge)
            header = layout.stage_header(stage_id)
            badge.show_epic(
                header.right, header.height, epic, epic.describe(names.get(stage_id, "?"))
            )

    def clear(self) -> None:
        for badge in self._badges.values():
            self._scene.removeItem(badge)
        self._badges.clear()
