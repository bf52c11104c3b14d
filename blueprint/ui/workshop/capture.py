"""Quick capture: type a title, Enter adds the card in the target cell and moves on.

Each card is one ``AddTouchpoint`` (one undo step). The target then moves to the next stage
on the same channel (see ``target``); Tab and the arrows move it by hand, and a click on the
canvas aims it at the clicked cell. Undoing the card just captured aims back at its cell, so
the facilitator can type it again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent

from ...model import Touchpoint
from ..canvas.cell_marker import CellMarker
from ..canvas.view import CanvasView
from ..commands import AddTouchpoint, CommandError
from ..commands.base import build, quoted
from ..document import Document
from ..inspector.selection import CanvasSelection
from ..workbench import Workbench
from .capture_bar import CaptureBar
from .target import Cell, cell_words, is_last_stage, moved, valid_cell

REVEAL_MARGIN = 24
LAST_STAGE_NOTE = "last stage: the next cards stack here"


class QuickCapture(QObject):
    #: what a capture did, or why it was refused: for the status bar
    message = Signal(str)

    def __init__(self, bench: Workbench, selection: CanvasSelection, bar: CaptureBar) -> None:
        super().__init__(bench.frame)
        self._document: Document = bench.document
        self._view: CanvasView = bench.canvas
        self._selection = selection
        self.bar = bar
        self.marker = CellMarker(self._view.blueprint_scene, self)
        self._target: Cell | None = None
        self._active = False
        #: (touchpoint id, its cell) of the cards captured, the last one last
        self._captured: list[tuple[str, Cell]] = []
        # A click settles (selection, rubber band) after the release: look at it then.
        self._click_timer = QTimer(self)
        self._click_timer.setSingleShot(True)
        self._click_timer.setInterval(0)
        self._click_timer.timeout.connect(self._follow_click)
        bar.line.captureRequested.connect(self.capture)
        bar.line.moveRequested.connect(self.move_target)
        self._document.touchpointRemoved.connect(self._removed)
        self._document.structureChanged.connect(self._revalidate)
        self._document.documentReset.connect(self._revalidate)
        self._view.viewport().installEventFilter(self)

    # --- reading -------------------------------------------------------------------------------

    @property
    def target(self) -> Cell | None:
        """The cell where the next card goes."""
        return self._target

    # --- starting and stopping -----------------------------------------------------------------

    def start(self) -> None:
        """Aim at the current cell (of the selected card, or clicked last), else the first."""
        self._active = True
        self._captured.clear()
        self.aim(self._current_cell())
        self.bar.show_problem(None)
        self.bar.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        self._active = False
        self._click_timer.stop()
        self.marker.hide()

    def aim(self, cell: Cell | None, reveal: bool = True) -> None:
        blueprint = self._document.blueprint
        self._target = valid_cell(blueprint, cell)
        target = self._target
        if target is None:
            self.bar.show_target(None)
        else:
            note = LAST_STAGE_NOTE if is_last_stage(blueprint, target) else ""
            self.bar.show_target(cell_words(blueprint, target), note)
        if self._active:
            self.marker.show_cell(target)
            if reveal:
                self._reveal_target()

    # --- the user's actions --------------------------------------------------------------------

    def capture(self, text: str) -> str | None:
        """Add a card titled ``text`` in the target cell; its id, None when nothing was added."""
        title = text.strip()
        target = self._target
        if not title or target is None:
            return None
        try:
            touchpoint = build(
                Touchpoint,
                title=title,
                stage_id=target.stage_id,
                channel_id=target.channel_id,
                state=self._view.blueprint_scene.shown.new_presence,
            )
            command = AddTouchpoint(self._document, touchpoint)
        except CommandError as error:
            self.bar.show_problem(str(error))
            self.message.emit(str(error))
            return None
        self._document.push(command)
        self._captured.append((touchpoint.id, target))
        self.bar.show_problem(None)
        self.bar.line.setText("")  # setText, not clear(): the field's own undo starts afresh
        words = cell_words(self._document.blueprint, target)
        self.message.emit(f"Added {quoted(title)} in {words}")
        self.aim(moved(self._document.blueprint, target, stages=1))
        # The new card last: when the window is too small for both, it wins over the target.
        scene = self._view.blueprint_scene
        scene.select_touchpoints([touchpoint.id])
        card = scene.card(touchpoint.id)
        if card is not None:
            self._view.ensureVisible(card, REVEAL_MARGIN, REVEAL_MARGIN)
        return touchpoint.id

    def move_target(self, stages: int, channels: int) -> None:
        if self._target is not None:
            self.aim(moved(self._document.blueprint, self._target, stages, channels))

    # --- following the canvas and the document ---------------------------------------------------

    def _current_cell(self) -> Cell | None:
        cell = self._selection.current_cell()
        if cell is None:
            chosen = self._view.blueprint_scene.selected_touchpoint_ids()
            if len(chosen) == 1:
                tp = self._document.touchpoint(chosen[0])
                cell = (tp.stage_id, tp.channel_id)
        return Cell(*cell) if cell is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._active
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self._click_timer.start()
        return False

    def _follow_click(self) -> None:
        if not self._active:
            return
        cell = self._current_cell()
        if cell is not None and cell != self._target:
            self.aim(cell)
        if not self._view.blueprint_scene.selected_touchpoint_ids():
            # An empty place was clicked: ready to type there. (A click on a card keeps the
            # focus on the canvas, where F2 renames it and Delete removes it.)
            self.bar.line.setFocus(Qt.FocusReason.MouseFocusReason)

    def _removed(self, touchpoint_id: str) -> None:
        if self._captured and self._captured[-1][0] == touchpoint_id:
            # The card just captured was undone: aim back at its cell, to type it again.
            _tp, cell = self._captured.pop()
            self.aim(cell)

    def _revalidate(self) -> None:
        # Its stage or channel may have gone (an undo, a removal), or been renamed.
        self.aim(self._target, reveal=False)

    def _reveal_target(self) -> None:
        target = self._target
        layout = self._view.blueprint_scene.grid_layout
        if target is None or target.stage_id not in layout.columns:
            return
        if target.channel_id not in layout.rows:
            return
        box = layout.cell(target.stage_id, target.channel_id)
        self._view.ensureVisible(box.x, box.y, box.width, box.height, 24, 24)
