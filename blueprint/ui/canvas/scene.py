"""The blueprint as a QGraphicsScene: one item per model entity, kept by id.

The scene reads the document and follows its signals; it never writes the model. What the
user asks for on the canvas (add a touchpoint here, move this card there) leaves as a
request signal, which a controller turns into an undoable command. Signals within one edit
only mark what is stale; the scene catches up once, when the document says the edit is done.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from ...analysis.threads import talk_by_touchpoint
from ...collector import collector_paused
from ..document import Document
from . import palette
from .card import CARD_CACHE, CardItem
from .card_face import CardFace
from .drawing import SIMPLE_DETAIL, TextStamps, colour
from .emphasis import PLAIN, CardEmphasis
from .flow_item import Emphasis, FlowItem, FlowLayer
from .headers import ChannelHeaderItem, CornerItem, GridItem, StageHeaderItem
from .layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    HEADER_HEIGHT,
    ROW_HEADER_WIDTH,
    GridLayout,
    Rect,
    compute_layout,
    drop_slot,
)
from .overview import OverviewContent, OverviewItem
from .routing import CardIndex, Route, RouteCache, route_flows
from .shown import STATE_MARKS, JourneyView, ShownJourney

_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_BY_BOUNDS = Qt.ItemSelectionMode.IntersectsItemBoundingRect
_BOTTOM_UP = Qt.SortOrder.AscendingOrder
_NO_CACHE = QGraphicsItem.CacheMode.NoCache
#: Room a flow's label keeps from a card's edge: the outline and shadow drawn just outside.
LABEL_CLEARANCE = 3.0


class BlueprintScene(QGraphicsScene):
    #: stage id, channel id: the user asked for a new touchpoint in this cell
    addTouchpointRequested = Signal(str, str)
    #: touchpoint id, stage id, channel id, index among the other cards of that cell
    touchpointMoveRequested = Signal(str, str, str, int)
    #: touchpoint id: double-clicked, to edit it
    touchpointActivated = Signal(str)
    #: the grid's geometry changed (sizes of columns or rows, number of them)
    layoutChanged = Signal()
    #: another view of the journey is shown: today's, tomorrow's, or both compared
    journeyViewChanged = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        #: what is drawn: one state of the journey, or both compared
        self.shown = ShownJourney(lambda: document.blueprint)
        self._layout = GridLayout({}, {}, {}, {}, 0.0, 0.0)  # laid out in _rebuild
        self._cards: dict[str, CardItem] = {}
        #: touchpoint id -> view state laid over its card from outside (see set_emphasis)
        self._emphasis: dict[str, CardEmphasis] = {}
        self._flows: dict[str, FlowItem] = {}
        self._stage_headers: dict[str, StageHeaderItem] = {}
        self._channel_headers: dict[str, ChannelHeaderItem] = {}
        self._stale: set[str] = set()
        #: touchpoint id -> (open comment threads, open merge conflicts) on its card
        self._talk: dict[str, tuple[int, int]] = {}
        #: cards made since the last layout: placed whether or not the layout moved them
        self._unplaced: set[str] = set()
        self._flows_by_card: dict[str, list[str]] = {}
        #: the cards whose flows are highlighted (and the other flows dimmed): the selected
        self._focus: frozenset[str] = frozenset()
        #: routes made so far, by their ends and lane: most stay as they were after an edit
        self._known_routes: RouteCache = {}
        #: the cards of a layout, indexed for the flows' labels to keep off them
        self._card_index: tuple[GridLayout, CardIndex] | None = None
        #: the edges of the columns of cards when the flows were last routed
        self._routed_edges: frozenset[float] = frozenset()
        self._overview_shown = False
        self._stamps = TextStamps()
        self._card_colours = _card_colours()
        self.setBackgroundBrush(colour(palette.CANVAS))
        self._grid = GridItem(self._layout)
        self._corner = CornerItem(document.blueprint.title)
        self._overview = OverviewItem(self._overview_content, self._selected_card_rects)
        self._flow_layer = FlowLayer(self._flows_in)
        #: flows that paint themselves, highlighted, instead of being drawn by the layer
        self._selected_flows: set[FlowItem] = set()
        for item in (self._grid, self._corner, self._overview, self._flow_layer):
            self.addItem(item)
        self.selectionChanged.connect(self._selection_changed)
        self._connect(document)
        self._rebuild()

    def _connect(self, document: Document) -> None:
        # First, so that every other slot reads the view as the document now is.
        for signal in (
            document.documentReset,
            document.touchpointAdded,
            document.touchpointRemoved,
            document.touchpointChanged,
            document.frictionsChanged,
            document.touchpointMoved,
            document.flowsChanged,
            document.structureChanged,
        ):
            signal.connect(self.shown.invalidate)
        document.documentReset.connect(self._rebuild)
        document.touchpointAdded.connect(self._add_card)
        document.touchpointRemoved.connect(self._remove_card)
        document.touchpointChanged.connect(self._refresh_card)
        document.frictionsChanged.connect(self._refresh_card)
        document.touchpointMoved.connect(self._layout_is_stale)
        document.flowsChanged.connect(self._flows_are_stale)
        document.structureChanged.connect(self._structure_is_stale)
        document.propertiesChanged.connect(self._title_changed)
        document.commentsChanged.connect(self._talk_is_stale)
        document.conflictsChanged.connect(self._talk_is_stale)
        document.edited.connect(self._catch_up)

    # --- reading -----------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self._document

    @property
    def journey_view(self) -> JourneyView:
        return self.shown.view

    def set_journey_view(self, view: JourneyView) -> None:
        """Draw today's journey, tomorrow's, or both compared."""
        if self.shown.set_view(view):
            self._corner.set_state(STATE_MARKS.get(view))
            chosen = self.selected_touchpoint_ids()
            self._rebuild()
            self.select_touchpoints(chosen)  # those the view still shows stay selected
            self.journeyViewChanged.emit()

    @property
    def grid_layout(self) -> GridLayout:
        return self._layout

    @property
    def corner(self) -> CornerItem:
        return self._corner

    def card(self, touchpoint_id: str) -> CardItem | None:
        return self._cards.get(touchpoint_id)

    def cards(self) -> dict[str, CardItem]:
        return dict(self._cards)

    def flow_item(self, flow_id: str) -> FlowItem | None:
        return self._flows.get(flow_id)

    def flow_items(self) -> dict[str, FlowItem]:
        return dict(self._flows)

    def stage_header(self, stage_id: str) -> StageHeaderItem | None:
        return self._stage_headers.get(stage_id)

    def channel_header(self, channel_id: str) -> ChannelHeaderItem | None:
        return self._channel_headers.get(channel_id)

    def selected_touchpoint_ids(self) -> list[str]:
        """Selected cards, in document order (selection is view state, never undoable)."""
        chosen = {i.touchpoint_id for i in self.selectedItems() if isinstance(i, CardItem)}
        return [t.id for t in self._document.blueprint.touchpoints if t.id in chosen]

    def select_touchpoints(self, touchpoint_ids: list[str]) -> None:
        self.clearSelection()
        for tp_id in touchpoint_ids:
            if tp_id in self._cards:
                self._cards[tp_id].setSelected(True)

    def set_emphasis(self, emphasis: Mapping[str, CardEmphasis]) -> None:
        """Lay view state over the cards (overlays, filters, search, highlight): the cards
        not named are plain again. View state only: the document never hears of it."""
        self._emphasis = dict(emphasis)
        changed = False
        for tp_id, card in self._cards.items():
            changed |= card.set_emphasis(self._emphasis.get(tp_id, PLAIN))
        if changed:
            self._contents_changed()  # the overview paints the cards' far colours

    # --- level of detail ---------------------------------------------------------------------

    @property
    def overview_shown(self) -> bool:
        return self._overview_shown

    def show_overview(self, shown: bool) -> None:
        """Far out (``shown``), the overview layer paints every card and flow at once and
        the cards paint nothing; near, each card paints itself in full, and the flow layer
        draws the flows."""
        if shown == self._overview_shown:
            return
        self._overview_shown = shown
        for card in self._cards.values():
            card.setFlag(_NO_CONTENTS, shown)
        self._overview.setVisible(shown)
        self._flow_layer.setVisible(not shown)

    def show_detail_for(self, zoom: float) -> None:
        """The drawing that suits a view at ``zoom`` (1.0 is actual size)."""
        self.show_overview(zoom < SIMPLE_DETAIL)

    @contextmanager
    def detail_for(self, zoom: float) -> Iterator[None]:
        """Ready to paint a picture of the scene at ``zoom`` (``render``), then back as it
        was: the drawing for that zoom, and the cards painted afresh, not copied from the
        pictures views keep of them (Qt would copy those into an SVG drawing as bitmaps)."""
        before = self._overview_shown
        self.show_detail_for(zoom)
        for card in self._cards.values():
            card.setCacheMode(_NO_CACHE)
        try:
            yield
        finally:
            for card in self._cards.values():
                card.setCacheMode(CARD_CACHE)
            self.show_overview(before)

    def _overview_content(self) -> OverviewContent:
        rects = self._layout.cards
        return OverviewContent(
            self._layout,
            cards=(
                (rects[tp_id], card.far_colour)
                for tp_id, card in self._cards.items()
                if tp_id in rects
            ),
            flows=(
                (*item.ends, item.is_channel_switch)
                for item in self._flows.values()
                if item.isVisible()
            ),
        )

    def _selected_card_rects(self) -> list[QRectF]:
        return [
            QRectF(item.x(), item.y(), CARD_WIDTH, CARD_HEIGHT)
            for item in self.selectedItems()
            if isinstance(item, CardItem)
        ]

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        # Views keep pictures of the cards; the theme may have changed the colours since.
        colours = _card_colours()
        if colours != self._card_colours:
            self._card_colours = colours
            for card in self._cards.values():
                card.update()

    def _flows_in(self, rect: QRectF) -> list[FlowItem]:
        """The flows the flow layer draws in ``rect``: shown, and not selected."""
        selected = self._selected_flows
        return [
            item
            for item in self.items(rect, _BY_BOUNDS, _BOTTOM_UP)
            if type(item) is FlowItem and item not in selected
        ]

    def _selection_changed(self) -> None:
        if self._overview_shown:
            self._overview.update()
        chosen = self.selectedItems()
        selected = {item for item in chosen if type(item) is FlowItem}
        for item in selected ^ self._selected_flows:
            item.setFlag(_NO_CONTENTS, item not in selected)
            self._flow_layer.update(item.boundingRect())
        self._selected_flows = selected
        focus = frozenset(i.touchpoint_id for i in chosen if isinstance(i, CardItem))
        if focus != self._focus:
            self._focus = focus
            self._emphasise_flows()

    def _emphasise_flows(self) -> None:
        """The selected cards' flows highlighted, the others dimmed; all plain when no card
        is selected."""
        focus = {f for tp_id in self._focus for f in self._flows_by_card.get(tp_id, ())}
        changed = False
        for flow_id, item in self._flows.items():
            if not self._focus:
                emphasis = Emphasis.PLAIN
            else:
                emphasis = Emphasis.HIGHLIGHTED if flow_id in focus else Emphasis.DIMMED
            changed |= item.set_emphasis(emphasis)
        if changed:
            self._flow_layer.update()

    def flow_emphasis(self, flow_id: str) -> Emphasis | None:
        """How the flow is drawn now (plain, dimmed, highlighted, selected)."""
        item = self._flows.get(flow_id)
        if item is None:
            return None
        return Emphasis.SELECTED if item.isSelected() else item.emphasis

    def _contents_changed(self) -> None:
        self._overview.invalidate(self._layout)

    # --- following the document ----------------------------------------------------------

    def _rebuild(self) -> None:
        # Tens of thousands of objects made and none freed: a garbage collection now would
        # scan every object of the blueprint (up to a tenth of a second) and find nothing.
        with collector_paused():
            self._build_afresh()

    def _build_afresh(self) -> None:
        for item in (*self._cards.values(), *self._flows.values()):
            self.removeItem(item)
        self._cards.clear()
        self._flows.clear()
        self._selected_flows.clear()
        self._flow_layer.update()
        self._talk = talk_by_touchpoint(self._document.blueprint)
        for tp in self.shown.blueprint.touchpoints:
            self._cards[tp.id] = self._new_card(tp.id, self._face(tp.id))
        self._stale.update(("structure", "layout", "flows"))
        self._title_changed()
        self._catch_up()

    def _title_changed(self) -> None:
        self._corner.set_title(self._document.blueprint.title)

    def _new_card(self, touchpoint_id: str, face: CardFace) -> CardItem:
        card = CardItem(touchpoint_id, face, self._stamps)
        card.set_emphasis(self._emphasis.get(touchpoint_id, PLAIN))
        card.setFlag(_NO_CONTENTS, self._overview_shown)
        self.addItem(card)
        self._unplaced.add(touchpoint_id)
        return card

    def _face(self, touchpoint_id: str) -> CardFace:
        shown = self.shown
        tp = shown.touchpoint(touchpoint_id)
        assert tp is not None
        face = CardFace.of(tp, shown.frictions_of(touchpoint_id))
        face = face.noted(*self._talk.get(touchpoint_id, (0, 0)))
        return face.marked(shown.mark_of(touchpoint_id))

    def _add_card(self, touchpoint_id: str) -> None:
        if self.shown.touchpoint(touchpoint_id) is None:
            return  # not in the state shown
        self._cards[touchpoint_id] = self._new_card(touchpoint_id, self._face(touchpoint_id))
        self._layout_is_stale()

    def _remove_card(self, touchpoint_id: str) -> None:
        card = self._cards.pop(touchpoint_id, None)
        if card is not None:
            self.removeItem(card)
        self._unplaced.discard(touchpoint_id)
        self._layout_is_stale()

    def _refresh_card(self, touchpoint_id: str) -> None:
        card = self._cards.get(touchpoint_id)
        shown = self.shown.touchpoint(touchpoint_id) is not None
        if card is None or not shown:
            # Into or out of the state shown (it joined or left it), or not drawn at all.
            if card is not None:
                self._remove_card(touchpoint_id)
            elif shown:
                self._add_card(touchpoint_id)
            return
        if self.shown.view == JourneyView.FUTURE:
            self._stale.add("layout")  # its future cell may have changed
        before = card.far_colour
        card.set_face(self._face(touchpoint_id))
        if card.far_colour != before:
            self._contents_changed()

    # Bound methods, not lambdas: Qt drops the connections when the scene is deleted.
    def _layout_is_stale(self, _touchpoint_id: str = "") -> None:
        self._stale.add("layout")

    def _flows_are_stale(self) -> None:
        self._stale.add("flows")

    def _structure_is_stale(self) -> None:
        self._stale.update(("structure", "layout"))

    def _talk_is_stale(self, _about_id: str = "") -> None:
        self._stale.add("talk")

    def _talk_changed(self) -> None:
        """Cards whose comment bubble or conflict sign changed are drawn again."""
        before, self._talk = self._talk, talk_by_touchpoint(self._document.blueprint)
        for tp_id in before.keys() | self._talk.keys():
            card = self._cards.get(tp_id)
            if card is not None and before.get(tp_id) != self._talk.get(tp_id):
                card.set_face(self._face(tp_id))

    def _catch_up(self) -> None:
        stale, self._stale = self._stale, set()
        if "talk" in stale:
            self._talk_changed()
        if "structure" in stale:
            self._sync_headers()
        moved: set[str] = set()
        if "layout" in stale:
            moved = self._relayout()
        if "flows" in stale:
            self._sync_flows()
        elif moved and self._routes_may_change(moved):
            self._route_flows()
        if stale - {"talk"}:
            self._contents_changed()
        if "layout" in stale:
            self.layoutChanged.emit()

    def _sync_headers(self) -> None:
        bp = self._document.blueprint
        self._stage_headers = self._sync_items(
            self._stage_headers,
            {s.id: s for s in bp.stages},
            lambda s: StageHeaderItem(s.id, s.name),
            lambda item, s: item.set_name(s.name),
        )
        self._channel_headers = self._sync_items(
            self._channel_headers,
            {c.id: c for c in bp.channels},
            lambda c: ChannelHeaderItem(c.id, c.name, c.kind, c.step),
            lambda item, c: item.set_channel(c.name, c.kind, c.step),
        )

    def _sync_items(self, items: dict, entities: dict, create, update) -> dict:
        for gone in items.keys() - entities.keys():
            self.removeItem(items[gone])
        result = {}
        for entity_id, entity in entities.items():
            item = items.get(entity_id)
            if item is None:
                item = create(entity)
                self.addItem(item)
            else:
                update(item, entity)
            result[entity_id] = item
        return result

    def _relayout(self) -> set[str]:
        """Lay the grid out again; returns the touchpoints whose card moved (or went)."""
        old, layout = self._layout.cards, compute_layout(self.shown.blueprint)
        self._layout = layout
        self._grid.set_layout(layout)
        self._corner.set_rect(Rect(0, 0, ROW_HEADER_WIDTH, HEADER_HEIGHT))
        for stage_id, header in self._stage_headers.items():
            header.set_rect(layout.stage_header(stage_id))
        for channel_id, header in self._channel_headers.items():
            header.set_rect(layout.channel_header(channel_id))
        # Adding a card moves the cards after it in its cell, and, when the cell grows, the
        # cards right of its column or below its row: often a few, rarely all of them.
        new = layout.cards
        moved = {tp_id for tp_id, rect in new.items() if old.get(tp_id) != rect}
        moved.update(old.keys() - new.keys())
        for tp_id in moved | self._unplaced:
            card = self._cards.get(tp_id)
            if card is not None:
                self._place(card, new.get(tp_id))
        self._unplaced.clear()
        self.setSceneRect(0, 0, layout.width, layout.height)
        body = layout.body
        self._flow_layer.set_bounds(QRectF(body.x, body.y, body.width, body.height))
        return moved

    @staticmethod
    def _place(card: CardItem, rect: Rect | None) -> None:
        card.setVisible(rect is not None)
        if rect is not None and (card.x(), card.y()) != (rect.x, rect.y):
            card.setPos(rect.x, rect.y)

    def _sync_flows(self) -> None:
        """Every flow again: some were added, removed or changed."""
        flows = {f.id: f for f in self.shown.blueprint.flows}
        for gone in self._flows.keys() - flows.keys():
            self._flow_moved(self._flows[gone])
            self._selected_flows.discard(self._flows[gone])
        channel_of = {t.id: t.channel_id for t in self.shown.blueprint.touchpoints}
        routes = self._routes()

        def new_flow(flow) -> FlowItem:
            # Routed before it joins the scene: Qt then indexes it once, where it is.
            item = FlowItem(flow.id)
            self._update_flow(item, flow, channel_of, routes.get(flow.id))
            return item

        self._flows = self._sync_items(self._flows, flows, new_flow, _no_update)
        by_card: dict[str, list[str]] = defaultdict(list)
        for flow in flows.values():
            by_card[flow.from_id].append(flow.id)
            by_card[flow.to_id].append(flow.id)
        self._flows_by_card = by_card
        self._route_flows(routes)
        self._emphasise_flows()

    def _routes_may_change(self, moved: set[str]) -> bool:
        """A route depends on the cards at the ends of flows, and on where the gutters
        between columns of cards are: when neither changed, no flow moves."""
        by_card = self._flows_by_card
        return any(tp_id in by_card for tp_id in moved) or self._card_edges() != self._routed_edges

    def _card_edges(self) -> frozenset[float]:
        cards = self._layout.cards.values()
        return frozenset(r.x for r in cards) | frozenset(r.right for r in cards)

    def _routes(self) -> dict[str, Route]:
        self._routed_edges = self._card_edges()
        flows = self.shown.blueprint.flows
        if len(self._known_routes) > 4 * len(flows) + 64:  # old routes pile up as cards move
            self._known_routes.clear()
        ends = {f.id: (f.from_id, f.to_id) for f in flows}
        with collector_paused():  # thousands of tuples made, none freed
            return route_flows(self._layout, ends, self._known_routes)

    def _route_flows(self, routes: dict[str, Route] | None = None) -> None:
        """Every flow along its route again: a card that moves changes the ports and lanes
        of flows that do not touch it. Only the flows whose route changed are redrawn."""
        routes = self._routes() if routes is None else routes
        channel_of = {t.id: t.channel_id for t in self.shown.blueprint.touchpoints}
        for flow in self.shown.blueprint.flows:
            item = self._flows.get(flow.id)
            if item is not None:
                self._update_flow(item, flow, channel_of, routes.get(flow.id))

    def _update_flow(
        self, item: FlowItem, flow, channel_of: dict[str, str], route: Route | None
    ) -> None:
        if route is None:
            if item.isVisible():
                self._flow_moved(item)
                item.setVisible(False)
            return
        shown = item.isVisible()
        switch = channel_of[flow.from_id] != channel_of[flow.to_id]
        before = item.boundingRect()
        free = self._free_for_label if flow.label else None
        if item.set_route(route, switch, flow.label, free) or not shown:
            if shown and not before.isEmpty():  # an empty rectangle would mean all of it
                self._flow_layer.update(before)
            item.setVisible(True)
            self._flow_moved(item)

    def _free_for_label(
        self, left: float, right: float, top: float, bottom: float, height: float, near: float
    ) -> float | None:
        index = self._card_index
        if index is None or index[0] is not self._layout:  # made once for each layout
            index = self._card_index = (self._layout, CardIndex(self._layout.cards.values()))
        cards = index[1]
        for clear in (LABEL_CLEARANCE, 0.0):  # clear of the outline and shadow, if it can be
            y = cards.nearest_free(
                left - clear, right + clear, top, bottom, height + 2 * clear, near
            )
            if y is not None:
                return y
        return None

    def _flow_moved(self, item: FlowItem) -> None:
        """Where the flow layer must draw again: a flow item has no contents of its own, so
        Qt does not repaint where it was or where it goes."""
        bounds = item.boundingRect()
        if not bounds.isEmpty():
            self._flow_layer.update(bounds)

    # --- what the user asks for on the canvas -----------------------------------------------

    def card_dropped(self, touchpoint_id: str, point: QPointF) -> None:
        """A card was dragged and let go at ``point``: ask for one move, then snap back to
        wherever the model now says the card is."""
        slot = drop_slot(self._layout, point.x(), point.y(), touchpoint_id)
        current = self._layout.slots.get(touchpoint_id)
        if slot is not None and slot != current:
            where = (slot.stage_id, slot.channel_id, slot.index)
            self.touchpointMoveRequested.emit(touchpoint_id, *where)
        card = self._cards.get(touchpoint_id)
        if card is not None:
            self._place(card, self._layout.cards.get(touchpoint_id))
            card.setFlag(_NO_CONTENTS, self._overview_shown)  # it painted itself while dragged

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        point = event.scenePos()
        card = next(
            (i for i in self.items(point) if isinstance(i, CardItem) and i.isVisible()), None
        )
        if card is not None:
            self.touchpointActivated.emit(card.touchpoint_id)
        else:
            cell = self._layout.cell_at(point.x(), point.y())
            if cell is not None:
                self.addTouchpointRequested.emit(*cell)
        event.accept()


def _card_colours() -> tuple[str, ...]:
    """Every named colour of the palette, which a theme may change."""
    return tuple(v for k, v in vars(palette).items() if k.isupper() and isinstance(v, str))


def _no_update(item: object, entity: object) -> None:
    """Flow items are updated with the layout, in ``_sync_flows``."""
