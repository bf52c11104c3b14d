"""A flow between two cards; one that changes channel is drawn as a channel switch.

Zoomed out, a blueprint shows hundreds of flows at once, many of them running across it,
and how Qt strokes them decides the frame rate. Its raster engine strokes a line one device
pixel wide with a fast dedicated stroker that skips what is off screen; a wider line goes
through the general stroker and rasteriser, whole, five to twenty times slower (a 500 px
dashed curve: 10 us against 190 us). So a flow is drawn:

- at most one device pixel wide: with its own pen, whole;
- up to ``THIN_LIMIT`` pixels: as two or three one-pixel copies of the curve, a pixel
  apart, which look two pixels wide and cost a fast stroke each;
- wider (zoomed in): with its own pen, cut into pieces, stroking only the pieces in the
  exposed rectangle, each dashed from where the one before it ends.

The flows in sight are drawn together by the ``FlowLayer``, not each by its item; far out,
by the overview instead. Everything but a flow's bounds is built lazily, when first drawn.
Where a flow runs (its ports, its lane) is decided by ``routing``; while cards are selected,
their flows are drawn highlighted and every other flow dimmed (``Emphasis``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from . import palette
from .drawing import CELLS, SIMPLE_DETAIL, colour, font, shows
from .emphasis import mix
from .routing import Cubic, Point, Route

FLOW_Z = 1.0
ARROW = 10.0
LABEL_FONT = 12
LABEL_MAX_WIDTH = 190.0
LINE_WIDTH = 2.0
SELECTED_EXTRA_WIDTH = 1.5
#: Dash and gap of a channel switch, in pen widths (Qt's unit for dash patterns).
DASHES = (5.0, 3.0)
#: Length (scene pixels, measured along the control polygon) of the pieces painted apart.
PIECE = 320.0
#: Up to this width in device pixels, a line is drawn as one-pixel lines side by side (see
#: ``FlowItem._thin_path``); wider, with a wide pen, piece by piece.
THIN_LIMIT = 2.5
#: A flow whose ends are this much more apart one way than the other runs straight enough
#: for two one-pixel lines side by side; a turning one takes three.
STRAIGHT = 0.25
#: Room around the curve for the pen, the arrow head and the selection.
MARGIN = ARROW + 4.0
#: How far a dimmed flow's colour is mixed into the canvas: still there, out of the way,
#: and still 3:1 on it (at 0.75, 1.5:1: gone on a projector; the lit flows are wider too).
DIMMED = 0.25

_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


class Emphasis(Enum):
    """How a flow is drawn, from the selection: a selected flow is in the selection colour;
    while cards are selected, their flows are highlighted (their own colour, wider, above
    the rest) and every other flow is dimmed."""

    PLAIN = "plain"
    DIMMED = "dimmed"
    HIGHLIGHTED = "highlighted"
    SELECTED = "selected"


#: The order the layer draws them in: the ones that matter last, on top.
_DRAWING_ORDER = (Emphasis.DIMMED, Emphasis.PLAIN, Emphasis.HIGHLIGHTED)


class _Piece:
    """A stretch of the curve: its own path, its bounds, the dash phase where it starts."""

    __slots__ = ("bounds", "dash_offset", "path")

    def __init__(self, cubic: Cubic, dash_offset: float) -> None:
        self.path = _route_path((cubic,))
        self.bounds = _bounds((cubic,)).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.dash_offset = dash_offset


class FlowItem(QGraphicsItem):
    def __init__(self, flow_id: str) -> None:
        super().__init__()
        self.flow_id = flow_id
        self.is_channel_switch = False
        self.label = ""
        self.emphasis = Emphasis.PLAIN
        self._segments: tuple[Cubic, ...] = (((0.0, 0.0),) * 4,)  # type: ignore[assignment]
        self._drawn: tuple | None = None
        self._bounds = QRectF()
        self._label_rect = QRectF()
        self._path: QPainterPath | None = None
        self._pieces: list[_Piece] | None = None
        self._head: QPolygonF | None = None
        self._head_bounds = QRectF()
        self._thin: tuple[float, bool, QPainterPath] | None = None
        self.setZValue(FLOW_Z)
        self.setFlags(_FLAGS)

    def set_route(
        self,
        route: Route,
        is_channel_switch: bool,
        label: str,
        free: FreePlace | None = None,
    ) -> bool:
        """Draw the flow along ``route`` from now on; False when nothing changed. The label
        sits at the route's middle, or as near it along the lane as ``free`` finds clear
        of the cards."""
        plate = label_plate(label, route, free)
        drawn = (route, is_channel_switch, label, plate.getRect())
        if drawn == self._drawn:
            return False  # most flows stay put when a card elsewhere moves
        self._drawn = drawn
        in_scene = self.scene() is not None
        if in_scene:
            self.prepareGeometryChange()
        if is_channel_switch != self.is_channel_switch:
            self.setToolTip("Channel switch" if is_channel_switch else "")
        self.is_channel_switch = is_channel_switch
        self.label = label
        self._segments = route.segments
        self._path = self._pieces = self._head = self._thin = None
        # Computed here, without Qt paths: Qt asks for the bounds of every flow it paints.
        self._label_rect = plate
        outline = _bounds(self._segments).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self._bounds = outline.united(self._label_rect) if label else outline
        if in_scene:
            self.update()
        return True

    def set_emphasis(self, emphasis: Emphasis) -> bool:
        """Draw the flow plain, dimmed or highlighted from now on; False when unchanged."""
        if emphasis == self.emphasis:
            return False
        self.emphasis = emphasis
        return True

    @property
    def ends(self) -> tuple[Point, Point]:
        """Where the flow leaves its source card and enters its target card."""
        return self._segments[0][0], self._segments[-1][3]

    @property
    def segments(self) -> tuple[Cubic, ...]:
        """The curves the flow is drawn along, end to end."""
        return self._segments

    def path(self) -> QPainterPath:
        if self._path is None:
            self._path = _route_path(self._segments)
        return self._path

    def pen(self, selected: bool = False) -> QPen:
        """The pen the flow is drawn with, one as wide as it looks."""
        return _pen(self.is_channel_switch, Emphasis.SELECTED if selected else self.emphasis)

    def line_colour(self, selected: bool = False) -> str:
        """The colour the flow is drawn in now, as it is seen (dimmed, highlighted...)."""
        return _line_colour(
            self.is_channel_switch, Emphasis.SELECTED if selected else self.emphasis
        )

    def label_rect(self) -> QRectF:
        """Where the label is drawn: on a plate at the middle of the curve."""
        return QRectF(self._label_rect)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)  # easy to click, though the line is thin
        return stroker.createStroke(self.path())

    # --- painting ------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        """Only a selected flow paints itself (see ``FlowLayer``)."""
        if shows(widget, CELLS):
            lod = option.levelOfDetailFromTransform(painter.worldTransform())
            self.draw(painter, option.exposedRect, lod, self.isSelected())

    def draw(self, painter: QPainter, exposed: QRectF, lod: float, selected: bool) -> None:
        """Draw the flow where ``exposed``, at the level of detail ``lod``."""
        if lod < SIMPLE_DETAIL:
            # Far out, a pale straight hairline: the coloured cards are what a zoomed-out
            # picture is for. Pale by mixing, not by transparency, which costs ten times more.
            # (The canvas view draws every flow this way at once, in the overview layer;
            # this is for pictures of the scene made without it.)
            far = palette.FAR_CHANNEL_SWITCH if self.is_channel_switch else palette.FAR_FLOW
            painter.setRenderHint(_ANTIALIASING, False)
            painter.setPen(QPen(colour(far), 0))
            start, end = self.ends
            painter.drawLine(QPointF(*start), QPointF(*end))
            return
        painter.setRenderHint(_ANTIALIASING)
        painter.setBrush(_NO_BRUSH)
        emphasis = Emphasis.SELECTED if selected else self.emphasis
        scale = painter.deviceTransform().m11()  # device pixels per scene unit
        _stroke([self], painter, self.is_channel_switch, emphasis, scale, exposed)
        line_colour = colour(_line_colour(self.is_channel_switch, emphasis))
        head, bounds = self.head()
        if exposed.intersects(bounds):
            painter.setPen(_NO_PEN)
            painter.setBrush(line_colour)
            painter.drawPolygon(head)
        if self.label and exposed.intersects(self._label_rect):
            self._paint_label(painter, line_colour)

    def head(self) -> tuple[QPolygonF, QRectF]:
        """The arrow head, and its bounds."""
        if self._head is None:
            last = self._segments[-1]
            self._head = _arrow_head(last[2], last[3])
            self._head_bounds = self._head.boundingRect()
        return self._head, self._head_bounds

    def _thin_path(self, scale: float, hairline: bool = False) -> QPainterPath:
        """The curve drawn twice or three times, a device pixel apart: stroked one pixel
        wide, it looks two pixels wide at a fraction of the cost. A ``hairline`` is the
        curve once, half a device pixel off: a lane on a whole number at half size would
        otherwise fall between two pixels and be drawn half as dark in both."""
        if self._thin is None or self._thin[:2] != (scale, hairline):
            (x0, y0), (x1, y1) = self.ends
            half = 0.5 / scale  # half a device pixel, in scene units
            across, down = abs(x1 - x0), abs(y1 - y0)
            if hairline:
                shifts = [(half, half)]
            elif len(self._segments) > 1:  # level, then up or down a lane: both at once
                shifts = [(-half, -half), (half, half)]
            elif across < STRAIGHT * down:  # up or down a stage's column: side by side
                shifts = [(-half, 0.0), (half, 0.0)]
            elif down < STRAIGHT * across:  # along a channel's row: one above the other
                shifts = [(0.0, -half), (0.0, half)]
            else:  # turning: three, so no stretch of the curve is left one pixel wide
                shifts = [(-half, -half), (half, -half), (-half, half)]
            path = self.path()
            thin = QPainterPath()
            for dx, dy in shifts:
                thin.addPath(path.translated(dx, dy))
            self._thin = (scale, hairline, thin)
        return self._thin[2]

    def _stroke_pieces(self, painter: QPainter, pen: QPen, exposed: QRectF) -> None:
        """A wide line, stroked only where it is exposed, its dashes in step from piece to
        piece."""
        if self._pieces is None:
            self._pieces = _cut(self._segments, self.is_channel_switch)
        dashed = self.is_channel_switch
        painter.setPen(pen)
        for piece in self._pieces:
            if not piece.bounds.intersects(exposed):
                continue
            if dashed:
                pen.setDashOffset(piece.dash_offset)
                painter.setPen(pen)
            painter.drawPath(piece.path)

    def _paint_label(self, painter: QPainter, line_colour: QColor) -> None:
        plate = self._label_rect
        painter.setBrush(colour(palette.CARD))
        painter.setPen(QPen(line_colour, 1.0))
        painter.drawRoundedRect(plate, 4, 4)
        ink = palette.INK
        if self.emphasis is Emphasis.DIMMED:  # the label of a flow out of the way, too
            ink = mix(ink, palette.CARD, DIMMED)
        painter.setPen(colour(ink))
        painter.setFont(font(LABEL_FONT))
        painter.drawText(plate, _CENTRE, _elided_label(self.label, plate.width() - 8))


class FlowLayer(QGraphicsItem):
    """Every flow that is not selected, drawn by one item.

    Qt and PySide spend about 20 us on each item they ask to paint, before it draws
    anything: as much as drawing a flow. So flow items have no contents of their own (they
    are there to be clicked, selected and given tooltips) and this layer draws the flows
    in the exposed rectangle; a selected flow draws itself, highlighted, above it.
    """

    def __init__(self, flows_in: Callable[[QRectF], list[FlowItem]]) -> None:
        super().__init__()
        self._flows_in = flows_in
        self._bounds = QRectF()
        self.setZValue(FLOW_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_bounds(self, bounds: QRectF) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if not shows(widget, CELLS):
            return
        exposed = option.exposedRect
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        flows = self._flows_in(exposed)
        if lod < SIMPLE_DETAIL:  # a picture of the scene made without the overview
            for flow in flows:
                flow.draw(painter, exposed, lod, False)
            return
        # Style by style, with as few calls per flow as can be: lines, then heads, labels;
        # the dimmed first, the highlighted last, on top.
        groups: dict[tuple[Emphasis, bool], list[FlowItem]] = {
            (emphasis, is_switch): [] for emphasis in _DRAWING_ORDER for is_switch in (False, True)
        }
        for flow in flows:
            groups[(flow.emphasis, flow.is_channel_switch)].append(flow)
        scale = painter.deviceTransform().m11()  # device pixels per scene unit
        painter.setRenderHint(_ANTIALIASING)
        painter.setBrush(_NO_BRUSH)
        for (emphasis, is_switch), group in groups.items():
            if group:
                _stroke(group, painter, is_switch, emphasis, scale, exposed)
        painter.setPen(_NO_PEN)
        for (emphasis, is_switch), group in groups.items():
            painter.setBrush(colour(_line_colour(is_switch, emphasis)))
            for flow in group:
                head, bounds = flow.head()
                if exposed.intersects(bounds):
                    painter.drawPolygon(head)
        for (emphasis, is_switch), group in groups.items():
            for flow in group:
                if flow.label and exposed.intersects(flow._label_rect):
                    flow._paint_label(painter, colour(_line_colour(is_switch, emphasis)))


def _stroke(
    flows: list[FlowItem],
    painter: QPainter,
    is_switch: bool,
    emphasis: Emphasis,
    scale: float,
    exposed: QRectF,
) -> None:
    """The lines of flows of one style, as cheaply as their width on screen allows."""
    width = _line_width(emphasis) * scale
    if width <= 1:
        painter.setPen(_cached_pen(is_switch, emphasis, None))
        for flow in flows:
            painter.drawPath(flow._thin_path(scale, hairline=True))
    elif width <= THIN_LIMIT:
        painter.setPen(_cached_pen(is_switch, emphasis, scale))
        for flow in flows:
            painter.drawPath(flow._thin_path(scale))
    else:
        for flow in flows:
            flow._stroke_pieces(painter, _pen(is_switch, emphasis), exposed)


_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    # Drawn by the FlowLayer, unless selected.
    | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    # exposedRect is then the part being painted, not the whole bounds: see _stroke_pieces
    | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
)


def _line_colour(is_channel_switch: bool, emphasis: Emphasis) -> str:
    """The line's colour: read at every paint, as the theme may change the palette."""
    if emphasis is Emphasis.SELECTED:
        return palette.SELECTION
    line = palette.CHANNEL_SWITCH if is_channel_switch else palette.FLOW
    return mix(line, palette.CANVAS, DIMMED) if emphasis is Emphasis.DIMMED else line


def _line_width(emphasis: Emphasis) -> float:
    if emphasis in (Emphasis.SELECTED, Emphasis.HIGHLIGHTED):
        return LINE_WIDTH + SELECTED_EXTRA_WIDTH
    return LINE_WIDTH


_PENS: dict[tuple, QPen] = {}


def _cached_pen(is_channel_switch: bool, emphasis: Emphasis, scale: float | None) -> QPen:
    """The flow's pen; with ``scale``, one device pixel wide (see ``_thin_path``)."""
    key = (_line_colour(is_channel_switch, emphasis), is_channel_switch, emphasis, scale)
    pen = _PENS.get(key)
    if pen is None:
        if len(_PENS) > 64:  # one set of pens per zoom level in use, not per zoom ever used
            _PENS.clear()
        pen = _PENS[key] = _pen(is_channel_switch, emphasis)
        if scale is not None:
            width = pen.widthF()
            pen.setWidthF(1 / scale)
            if is_channel_switch:  # dashes are measured in pen widths
                pen.setDashPattern([d * width * scale for d in DASHES])
    return pen


def _pen(is_channel_switch: bool, emphasis: Emphasis) -> QPen:
    # Colours are read at every paint: the theme may have changed them.
    line = colour(_line_colour(is_channel_switch, emphasis))
    if is_channel_switch:
        pen = QPen(line, _line_width(emphasis), Qt.PenStyle.CustomDashLine)
        pen.setDashPattern(list(DASHES))
    else:
        pen = QPen(line, _line_width(emphasis))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


# --- geometry of a cubic curve (plain numbers, no Qt) -------------------------------------


def _lerp(p: Point, q: Point, t: float) -> Point:
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def _split(c: Cubic, t: float) -> tuple[Cubic, Cubic]:
    """De Casteljau: the curve before and after parameter ``t``."""
    ab, bc, cd = _lerp(c[0], c[1], t), _lerp(c[1], c[2], t), _lerp(c[2], c[3], t)
    abc, bcd = _lerp(ab, bc, t), _lerp(bc, cd, t)
    middle = _lerp(abc, bcd, t)
    return (c[0], ab, abc, middle), (middle, bcd, cd, c[3])


def _polygon_length(c: Cubic) -> float:
    return sum(math.dist(c[i], c[i + 1]) for i in range(3))


def _bounds(segments: tuple[Cubic, ...]) -> QRectF:
    """The bounds of the control polygons, which hold the curves."""
    xs = [p[0] for c in segments for p in c]
    ys = [p[1] for c in segments for p in c]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _route_path(segments: tuple[Cubic, ...]) -> QPainterPath:
    path = QPainterPath(QPointF(*segments[0][0]))
    for c in segments:
        if _straight(c):  # a line: Qt would otherwise cut it up as if it were a curve
            path.lineTo(QPointF(*c[3]))
        else:
            path.cubicTo(QPointF(*c[1]), QPointF(*c[2]), QPointF(*c[3]))
    return path


def _straight(c: Cubic) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = c
    dx, dy = x3 - x0, y3 - y0
    return abs(dx * (y1 - y0) - dy * (x1 - x0)) + abs(dx * (y2 - y0) - dy * (x2 - x0)) < 1e-6


def _cut(segments: tuple[Cubic, ...], dashed: bool) -> list[_Piece]:
    pieces, offset = [], 0.0
    for c in segments:
        count = max(1, math.ceil(_polygon_length(c) / PIECE))
        rest = c
        for i in range(count, 0, -1):
            # Cut 1/i of what is left: equal steps of the curve's parameter.
            head, rest = _split(rest, 1 / i) if i > 1 else (rest, rest)
            piece = _Piece(head, offset)
            pieces.append(piece)
            if dashed:  # the dash phase carries on from piece to piece, in pen widths
                offset += piece.path.length() / LINE_WIDTH
    return pieces


def _arrow_head(towards: Point, tip: Point) -> QPolygonF:
    angle = math.atan2(tip[1] - towards[1], tip[0] - towards[0])
    left, right = angle + math.radians(155), angle - math.radians(155)
    return QPolygonF(
        [
            QPointF(*tip),
            QPointF(tip[0] + ARROW * math.cos(left), tip[1] + ARROW * math.sin(left)),
            QPointF(tip[0] + ARROW * math.cos(right), tip[1] + ARROW * math.sin(right)),
        ]
    )


# --- the label --------------------------------------------------------------------------------


@cache
def _label_width(label: str) -> float:
    width = QFontMetricsF(font(LABEL_FONT)).horizontalAdvance(label)
    return min(width + 10, LABEL_MAX_WIDTH)


@cache
def _elided_label(label: str, width: float) -> str:
    metrics = QFontMetricsF(font(LABEL_FONT))
    return metrics.elidedText(label, Qt.TextElideMode.ElideRight, width)


def _label_plate(label: str, middle: Point) -> QRectF:
    if not label:
        return QRectF()
    width = _label_width(label)
    return QRectF(middle[0] - width / 2, middle[1] - 10, width, 20)


#: Where a label's centre may go: (left, right, top, bottom, height, near) -> the centre's y
#: nearest ``near`` that keeps the label off the cards, or None.
FreePlace = Callable[[float, float, float, float, float, float], float | None]


def label_plate(label: str, route: Route, free: FreePlace | None) -> QRectF:
    """The label's plate: at the route's middle when that is clear of the cards, else at
    the clear place nearest the middle along its lane (a label in a gutter is wider than the
    gutter, and sat on the corner of a card); at the middle when there is none."""
    plate = _label_plate(label, route.middle)
    if not label or free is None:
        return plate
    x, top, bottom = route.label_range()
    y = free(plate.left(), plate.right(), top, bottom, plate.height(), route.middle[1])
    return plate if y is None else _label_plate(label, (x, y))
