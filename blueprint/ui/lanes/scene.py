"""The lanes view's scene: one column per touchpoint, kept by id, following the document.

Like the grid's scene it reads the document and never writes it. It is built only when
first asked to (``build``), and does its work only while it is ``live`` (its view shown):
a hidden scene only notes what went stale, and catches up once when it is shown again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene

from ...collector import collector_paused
from ...model import Channel
from ...model.states import current_state
from ..canvas import palette
from ..canvas.drawing import colour
from ..canvas.headers import CornerItem
from ..canvas.layout import Rect
from ..document import Document
from .bands import Backdrop, LaneLabels, StageBand
from .column import ColumnItem
from .journey_order import stages_in_journey_order
from .layout import (
    EMPTY_LAYOUT,
    HEADER_HEIGHT,
    LABEL_WIDTH,
    LANE_FIELDS,
    STAGE_BAND_HEIGHT,
    LanesLayout,
    compute_layout,
)

#: What went stale: everything, the order of the columns, the stage and channel names.
ALL, ORDER, NAMES = "all", "order", "names"


class LanesScene(QGraphicsScene):
    #: the columns or the lanes moved or changed size
    layoutChanged = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._built = False
        self._live = False
        self._stale: set[str] = set()
        #: touchpoints whose text, title or channel may have changed
        self._dirty: set[str] = set()
        self._columns: dict[str, ColumnItem] = {}
        self._stage_bands: dict[str, StageBand] = {}
        self._order: list[str] = []
        self._layout = EMPTY_LAYOUT
        self._lines: dict[str, int] = {}
        self.setBackgroundBrush(colour(palette.CANVAS))
        self._connect(document)

    def _connect(self, document: Document) -> None:
        document.documentReset.connect(self._all_stale)
        document.touchpointAdded.connect(self._order_stale)
        document.touchpointRemoved.connect(self._order_stale)
        document.touchpointMoved.connect(self._moved)
        document.touchpointChanged.connect(self._changed)
        document.flowsChanged.connect(self._order_stale)
        document.structureChanged.connect(self._structure_stale)
        document.edited.connect(self._edited)

    # --- reading -----------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self._document

    @property
    def is_built(self) -> bool:
        return self._built

    @property
    def lanes_layout(self) -> LanesLayout:
        return self._layout

    def column(self, touchpoint_id: str) -> ColumnItem | None:
        return self._columns.get(touchpoint_id)

    def columns(self) -> dict[str, ColumnItem]:
        return dict(self._columns)

    def stage_band(self, stage_id: str) -> StageBand | None:
        return self._stage_bands.get(stage_id)

    def journey(self) -> list[str]:
        """Every touchpoint id, in the order the columns run left to right."""
        return list(self._order)

    def selected_touchpoint_ids(self) -> list[str]:
        """Selected columns, in document order (as the grid gives them)."""
        chosen = {i.touchpoint_id for i in self.selectedItems() if isinstance(i, ColumnItem)}
        return [t.id for t in self._document.blueprint.touchpoints if t.id in chosen]

    def select_touchpoints(self, touchpoint_ids: list[str]) -> None:
        wanted = set(touchpoint_ids)
        for item in self.selectedItems():
            if not (isinstance(item, ColumnItem) and item.touchpoint_id in wanted):
                item.setSelected(False)
        for touchpoint_id in touchpoint_ids:
            column = self._columns.get(touchpoint_id)
            if column is not None and not column.isSelected():
                column.setSelected(True)

    # --- building and following the document ---------------------------------------------

    def build(self) -> None:
        """Make every column: the first time the view is shown, not before."""
        if not self._built:
            self._built = True
            self._backdrop = Backdrop()
            self._labels = LaneLabels()
            self._corner = CornerItem(self._document.blueprint.title)
            for item in (self._backdrop, self._labels, self._corner):
                self.addItem(item)
            self._stale.add(ALL)
        self.catch_up()

    def set_live(self, live: bool) -> None:
        """Shown (live) or hidden: a hidden scene only notes what went stale."""
        self._live = live
        if live and self._built:
            self.catch_up()

    def _all_stale(self) -> None:
        self._stale.add(ALL)

    def _order_stale(self, _touchpoint_id: str = "") -> None:
        self._stale.add(ORDER)

    def _moved(self, touchpoint_id: str) -> None:
        self._dirty.add(touchpoint_id)  # another channel, perhaps
        self._stale.add(ORDER)

    def _changed(self, touchpoint_id: str) -> None:
        self._dirty.add(touchpoint_id)

    def _structure_stale(self) -> None:
        self._stale.update((ORDER, NAMES))

    def _edited(self) -> None:
        if self._live and self._built:
            self.catch_up()

    def catch_up(self) -> None:
        """Show the document as it is now, redoing only what went stale."""
        if not self._built or not (self._stale or self._dirty):
            return
        stale, self._stale = self._stale, set()
        dirty, self._dirty = self._dirty, set()
        if ALL in stale:
            self._remove_columns(list(self._columns))
            self._corner.set_title(self._document.blueprint.title)
            stale.update((ORDER, NAMES))
        if ORDER in stale:
            with collector_paused():
                self._sync_columns()
        if NAMES in stale:
            dirty = set(self._columns)  # channel names and steps show on every column
        relayout = ORDER in stale or NAMES in stale
        for touchpoint_id in dirty:
            column = self._columns.get(touchpoint_id)
            touchpoint = self._document.get("touchpoints", touchpoint_id)
            if column is not None and touchpoint is not None:
                relayout |= column.set_touchpoint(touchpoint, self._channel(touchpoint.channel_id))
        if relayout and (ORDER in stale or self._lane_lines() != self._lines):
            self._relayout()

    def _channel(self, channel_id: str) -> Channel | None:
        return self._document.get("channels", channel_id)

    def _sync_columns(self) -> None:
        # The lanes show today's journey: a future state is drawn and compared on the grid.
        touchpoints = {t.id: t for t in current_state(self._document.blueprint).touchpoints}
        self._remove_columns([i for i in self._columns if i not in touchpoints])
        for touchpoint_id, touchpoint in touchpoints.items():
            if touchpoint_id not in self._columns:
                column = ColumnItem.of(touchpoint, self._channel(touchpoint.channel_id))
                self._columns[touchpoint_id] = column
                self.addItem(column)

    def _remove_columns(self, touchpoint_ids: list[str]) -> None:
        for touchpoint_id in touchpoint_ids:
            self.removeItem(self._columns.pop(touchpoint_id))

    def _lane_lines(self) -> dict[str, int]:
        """The lines the tallest text of each lane needs."""
        tallest = [0] * len(LANE_FIELDS)
        for column in self._columns.values():
            tallest = [max(a, b) for a, b in zip(tallest, column.lines, strict=True)]
        return dict(zip(LANE_FIELDS, tallest, strict=True))

    def _relayout(self) -> None:
        journey = stages_in_journey_order(current_state(self._document.blueprint))
        self._lines = self._lane_lines()
        layout = compute_layout(
            [(stage.id, [t.id for t in touchpoints]) for stage, touchpoints in journey],
            self._lines,
        )
        self._layout = layout
        self._order = [t.id for _stage, touchpoints in journey for t in touchpoints]
        lanes = tuple(layout.lanes[field] for field in LANE_FIELDS)
        for touchpoint_id, column in self._columns.items():
            band = layout.columns[touchpoint_id]
            column.setPos(band.start, STAGE_BAND_HEIGHT)
            column.set_lanes(lanes)
        self._sync_stage_bands(journey, layout)
        self._backdrop.set_empty_stages({stage.id for stage, tps in journey if not tps})
        self._backdrop.set_layout(layout)
        self._labels.set_layout(layout)
        self._corner.set_rect(Rect(0, 0, LABEL_WIDTH, HEADER_HEIGHT))
        self.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        self.layoutChanged.emit()

    def _sync_stage_bands(self, journey, layout: LanesLayout) -> None:
        bands: dict[str, StageBand] = {}
        for stage, touchpoints in journey:
            band = self._stage_bands.pop(stage.id, None)
            if band is None:
                band = StageBand(stage.id, stage.name, len(touchpoints))
                self.addItem(band)
            else:
                band.set_stage(stage.name, len(touchpoints))
            place = layout.stages[stage.id]
            band.set_rect(Rect(place.start, 0, place.size, STAGE_BAND_HEIGHT))
            bands[stage.id] = band
        for gone in self._stage_bands.values():
            self.removeItem(gone)
        self._stage_bands = bands
