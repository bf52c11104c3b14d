"""The staircase panel: the plan's staircase, which improvement each lift is, and what is not
drawn; or, when nothing can be drawn, why.

It follows the live plan (and so the persona chosen for it), and redraws only while it can
be seen: a hidden panel notes that the plan changed and catches up when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...analysis import ImprovementScore, Plan, Wave
from ...report import ReportError
from ...report import formatting as fmt
from ...report.content.staircase import MARK_REACH, WAVE_MARKS, mark_outline
from ...report.sections.stairway import MAX_DRAWN
from ...report.styles import WAVE_COLOURS
from ..accessible_names import name_scroll_bars
from ..inspector.forms import caption
from ..tips import plain_tip
from .live import LivePlan
from .staircase_canvas import StaircaseCanvas, lift_description
from .staircase_picture import StaircasePicture, staircase_picture

#: Wait this long after the last resize before drawing the picture again at the new width.
RESIZE_SETTLE_MS = 80
#: Wider than this many times its height, the list goes beside the picture, else below it:
#: the picture, wide and short, keeps the whole height of a short dock.
SIDE_BY_SIDE_RATIO = 1.6
MESSAGE_WIDTH = 640
LEGEND_COLUMNS = ("#", "Improvement", "Wave", "Steps (lift)")
WHAT_A_LIFT_IS = (
    "Each arrow is a lift: an improvement, numbered by its rank, from the step where its "
    "friction points leave customers today (its mark) up to the step it aims for (arrowhead). "
    "Its colour and the shape of its mark are its wave."
)
NO_IMPROVEMENTS = (
    "No improvements yet, so nothing to lift.\n\n"
    "Friction pushes customers down the stairs; improvements lift them back up. Add an "
    "improvement and link it to friction points: it appears here as a lift from the step "
    "its friction leaves customers on to the step it aims for."
)


def _wave_colour(wave: Wave) -> QColor:
    return QColor(f"#{WAVE_COLOURS[wave].hexval()[2:]}")


def _wave_icon(wave: Wave, size: int = 12) -> QIcon:
    """The wave's mark in its colour, as on the staircase."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    mark, centre, colour = WAVE_MARKS[wave], size / 2, _wave_colour(wave)
    radius = (size - 2) / 2 / MARK_REACH[mark]
    if mark.hollow:
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(Qt.GlobalColor.white)
        radius -= 0.8
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    outline = mark_outline(mark, centre, centre, radius)
    if outline:
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in outline]))
    else:
        painter.drawEllipse(QPointF(centre, centre), radius, radius)
    painter.end()
    return QIcon(pixmap)


#: The least height of the window onto the picture, in pixels.
WINDOW_LEAST_HEIGHT = 140


class _Window(QScrollArea):
    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class StaircasePanel(QWidget):
    def __init__(self, live_plan: LivePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._live = live_plan
        self._stale = True
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("staircaseMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.message.setMaximumWidth(MESSAGE_WIDTH)  # long lines are hard to read
        self.canvas = StaircaseCanvas()
        self.legend = self._legend_tree()
        self.not_drawn = QLabel()
        self.not_drawn.setTextFormat(Qt.TextFormat.PlainText)
        self.not_drawn.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._message_page())
        self.pages.addWidget(self._drawing_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(RESIZE_SETTLE_MS)
        self._redraw.timeout.connect(self._fit_width)
        self.canvas.resized.connect(self._redraw.start)
        self._window.resized.connect(self._redraw.start)
        live_plan.changed.connect(self._plan_changed)  # a new persona changes the plan too

    def _legend_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName("Lifts on the staircase")
        tree.setColumnCount(len(LEGEND_COLUMNS))
        tree.setHeaderLabels(LEGEND_COLUMNS)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        # A row the keys are on shows whole, and its lift scrolls into sight in the picture:
        # at 1280x720 the lowest step was below the panel's edge, and the picture takes no
        # keys of its own.
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setAllColumnsShowFocus(True)
        tree.currentItemChanged.connect(self._show_lift)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = tree.header()
        header.setStretchLastSection(False)
        for column in range(len(LEGEND_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return tree

    def _show_lift(self, item: QTreeWidgetItem | None) -> None:
        picture = self.canvas.picture
        row = self.legend.indexOfTopLevelItem(item) if item is not None else -1
        if picture is None or not 0 <= row < len(picture.spots):
            return
        mark = self.canvas.spot_position(picture.spots[row])
        self._window.ensureVisible(round(mark.x()), round(mark.y()), 60, 40)

    def _message_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addWidget(self.message, 0, Qt.AlignmentFlag.AlignCenter)
        return page

    def _drawing_page(self) -> QWidget:
        page = QWidget()
        self._split = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        self._split.setContentsMargins(0, 0, 0, 0)
        self._split.addWidget(self._scrolled(self.canvas), 3)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(caption(WHAT_A_LIFT_IS))
        column.addWidget(self.legend, 1)
        column.addWidget(self.not_drawn)
        self._split.addWidget(side, 2)
        return page

    def _scrolled(self, canvas: StaircaseCanvas) -> QScrollArea:
        """The picture in a window that scrolls where the panel is too short to draw it
        at a size that reads; a change of that window's size redraws it to fit."""
        area = _Window()
        area.setWidget(canvas)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop of the keys: a nameless scroll area took F6 and Tab (the lifts are
        # read from the list beside it); never squeezed to a slit in a small panel.
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setMinimumHeight(WINDOW_LEAST_HEIGHT)
        area.setAccessibleName("Staircase picture")
        name_scroll_bars(area)
        self._window = area
        return area

    # --- what is shown -------------------------------------------------------------------

    @property
    def is_stale(self) -> bool:
        """True while the plan changed and the panel, hidden, has not drawn it yet."""
        return self._stale

    def showing_message(self) -> bool:
        return self.pages.currentIndex() == 0

    def refresh(self) -> None:
        """Draw the live plan now."""
        self._stale = False
        plan = self._live.plan
        self.header.setText(self._for_whom(plan))
        if not any(s.current_step is not None for s in plan.improvements):
            self._show_message(self._nothing_to_draw(plan))
            return
        try:
            picture = staircase_picture(plan, self.canvas.wanted_width())
        except ReportError as error:
            self._show_message(f"The staircase cannot be drawn: {error}")
            return
        self.canvas.set_picture(picture)
        self._fill_legend(picture)
        self.pages.setCurrentIndex(1)
        if abs(self.canvas.wanted_width() - picture.width) > 1:
            self._redraw.start()  # the first picture told the canvas how tall it is

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.canvas.set_picture(None)
        self.legend.clear()
        self.pages.setCurrentIndex(0)

    def _for_whom(self, plan: Plan) -> str:
        persona = self._live.document.get("personas", plan.persona_id) if plan.persona_id else None
        who = "For every customer"
        if persona is not None:
            who = f"For the persona {_shortened(persona.name)}"
        return f"{who} · {fmt.plural(len(plan.improvements), 'improvement')}"

    def _nothing_to_draw(self, plan: Plan) -> str:
        if not plan.improvements:
            return NO_IMPROVEMENTS
        scope = " that applies to this persona" if plan.persona_id else ""
        count = fmt.plural(len(plan.improvements), "improvement")
        return (
            f"Nothing to lift yet: none of the {count} is linked to a bad friction point"
            f"{scope}, so none has a step to lift customers from.\n\nLink friction points to "
            "an improvement to draw it here."
        )

    def _fill_legend(self, picture: StaircasePicture) -> None:
        self.legend.clear()
        for score in picture.drawn:
            item = QTreeWidgetItem(
                [
                    str(score.rank),
                    score.title,
                    score.wave.value,
                    fmt.lift_text(score.current_step, score.target_step, score.lift),
                ]
            )
            item.setIcon(0, _wave_icon(score.wave))
            item.setToolTip(1, plain_tip(lift_description(score)))
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight)
            self.legend.addTopLevelItem(item)
        notes = []
        if picture.no_step:
            notes.append(_not_drawn("no linked bad friction point, so no step", picture.no_step))
        if picture.crowded:
            notes.append(_not_drawn(f"only {MAX_DRAWN} lifts fit the drawing", picture.crowded))
        self.not_drawn.setText("\n".join(notes))
        self.not_drawn.setVisible(bool(notes))

    # --- when to draw --------------------------------------------------------------------

    def _plan_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _fit_width(self) -> None:
        picture = self.canvas.picture
        if not self.isVisible() or picture is None:
            return
        if abs(self.canvas.wanted_width() - picture.width) > 1:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._redraw.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() > SIDE_BY_SIDE_RATIO * self.height()
        self._split.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )


#: Titles in the "not drawn" note are cut here: one long word must not widen the panel.
NOTE_TITLE_LENGTH = 60
#: The note names this many improvements and counts the others (the Improvements dock lists
#: them all): the hundreds of a large plan would crowd the list of lifts out of the panel.
NOTE_NAMES = 5


def _not_drawn(why: str, scores: tuple[ImprovementScore, ...]) -> str:
    names = "; ".join(f"#{s.rank} {_shortened(s.title)}" for s in scores[:NOTE_NAMES])
    more = len(scores) - NOTE_NAMES
    if more > 0:
        names += f"; and {more} more, listed in the Improvements panel"
    return f"Not drawn ({why}): {names}"


def _shortened(title: str) -> str:
    return title if len(title) <= NOTE_TITLE_LENGTH else title[: NOTE_TITLE_LENGTH - 1] + "…"
