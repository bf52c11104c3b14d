"""The blueprint as a picture: the editor's canvas, or from the command line (which draws
no canvas: that takes Qt) the grid as the plan's heat map draws it."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError
from pptx.presentation import Presentation
from pptx.util import Pt

from .. import palette
from ..content.formulas import Formula, pick
from ..content.heat_map import HeatMap
from ..errors import ReportError
from .draw import Box, Para, text_box
from .frame import BODY, titled_slide
from .grid_picture import SCALE, heat_map_picture
from .tables import HEAT_FORMULAS

TITLE = "The blueprint"
CANVAS_CAPTION = (
    "The canvas as the editor draws it: stages across, channels down, each touchpoint a card."
)
GRID_CAPTION = (
    "The grid as the plan's heat map draws it: friction impact F of each cell. The command "
    "line draws no canvas; export the deck from the editor (File > Export Plan…) for a "
    "picture of the canvas itself."
)


def canvas_slide(
    deck: Presentation, heat: HeatMap, canvas_png: bytes | None, formulas: tuple[Formula, ...]
) -> tuple[str, ...]:
    """The picture's slide; the characters no font could draw in a picture made here."""
    missing: tuple[str, ...] = ()
    if canvas_png is None:
        picture, missing = heat_map_picture(heat)
        caption, chosen = GRID_CAPTION, pick(formulas, *HEAT_FORMULAS)
    else:
        picture, caption, chosen = canvas_png, CANVAS_CAPTION, ()
    lead = [caption] if canvas_png is None else [caption, "It shows no number the plan computes."]
    slide = titled_slide(deck, TITLE, lead, chosen)
    width, height = _size(picture)
    room = Box(BODY.left, BODY.top, BODY.width, BODY.height - 26)
    # Never larger than the picture was drawn (a point a pixel; the grid's two): a small grid
    # stays small rather than blown up to the slide.
    natural = 1.0 if canvas_png is not None else 1 / SCALE
    scale = min(room.width / width, room.height / height, natural)
    shown = Box(room.left, room.top, width * scale, height * scale)
    slide.shapes.add_picture(
        io.BytesIO(picture), Pt(shown.left), Pt(shown.top), Pt(shown.width), Pt(shown.height)
    ).name = "Canvas" if canvas_png is not None else "Grid"
    text_box(
        slide,
        Box(BODY.left, shown.bottom + 6, BODY.width, 20),
        [Para(caption, 10, palette.MUTED)],
    )
    return missing


def _size(picture: bytes) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(picture)) as image:
            return image.size
    except (UnidentifiedImageError, OSError) as error:
        raise ReportError(f"the picture of the canvas cannot be read ({error})") from error
