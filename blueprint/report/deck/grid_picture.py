"""The grid as a picture, without Qt: the plan's heat map drawn with Pillow.

The canvas itself is drawn by the editor (Qt); the command line makes the deck without Qt,
so its picture of the blueprint is the report's own drawing of the grid: stages across,
channels down, each cell in the heat map's colour with its friction impact. Text is set in
the bundled DejaVu Sans; a character it lacks is drawn in an installed font that has it
(the PDF's fallback fonts), else as a visible placeholder that the result reports.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from .. import palette
from ..content.heat_map import TOTAL_LABEL, HeatMap
from ..fonts import FallbackFonts, bundled_fonts
from ..resources import resource_path
from ..text import PLACEHOLDER
from .text import one_line

SCALE = 2  # pixels per point
CHANNEL_COLUMN = 170
STAGE_COLUMN = (44, 96)  # narrowest, widest
HEADER = 46
ROW = 26
SIZE = 11
#: The picture's longer side, at most, in pixels.
LARGEST_SIDE = 4000
ELLIPSIS = "…"


@dataclass
class _Fonts:
    size: int
    fallback: FallbackFonts
    missing: set[str] = field(default_factory=set)
    _loaded: dict[tuple[str, int, bool], ImageFont.FreeTypeFont] = field(default_factory=dict)

    def face(self, source: str | None, bold: bool) -> ImageFont.FreeTypeFont:
        key = (source or "", self.size, bold)
        if key not in self._loaded:
            if source is None:
                name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
                self._loaded[key] = ImageFont.truetype(str(resource_path("fonts", name)), self.size)
            else:
                path, _, index = source.partition("#")
                self._loaded[key] = ImageFont.truetype(path, self.size, index=int(index or 0))
        return self._loaded[key]

    def runs(self, text: str, bold: bool) -> list[tuple[ImageFont.FreeTypeFont, str]]:
        """``text`` cut into runs of one font each; placeholders where no font draws it."""
        covered = bundled_fonts().covered
        runs: list[tuple[str | None, str]] = []
        for char in text:
            source: str | None = None
            if char not in covered and not char.isspace():
                found = self.fallback.font_for(ord(char))
                if found is None:
                    self.missing.add(char)
                    char = PLACEHOLDER
                else:
                    source = found.source
            if runs and runs[-1][0] == source:
                runs[-1] = (source, runs[-1][1] + char)
            else:
                runs.append((source, char))
        return [(self.face(source, bold), run) for source, run in runs]


def heat_map_picture(heat: HeatMap) -> tuple[bytes, tuple[str, ...]]:
    """The PNG's bytes, and the characters no font could draw."""
    stages = len(heat.stages)
    stage = max(STAGE_COLUMN[0], min(STAGE_COLUMN[1], 1100 / max(1, stages)))
    width = CHANNEL_COLUMN + stage * stages
    height = HEADER + ROW * (len(heat.channels) + 1)
    scale = min(SCALE, LARGEST_SIDE / max(width, height))
    image = Image.new("RGB", (round(width * scale), round(height * scale)), palette.WHITE)
    draw = ImageDraw.Draw(image)
    fonts = _Fonts(max(6, round(SIZE * scale)), FallbackFonts())

    def box(left: float, top: float, w: float, h: float) -> tuple[float, float, float, float]:
        return left * scale, top * scale, (left + w) * scale - 1, (top + h) * scale - 1

    for i, name in enumerate(heat.stages):
        left = CHANNEL_COLUMN + i * stage
        _text(draw, fonts, box(left + 3, 0, stage - 6, HEADER - 4), name, bold=True, lines=2)
    draw.line(
        (0, (HEADER - 2) * scale, width * scale, (HEADER - 2) * scale),
        fill=palette.ACCENT,
        width=max(1, round(scale)),
    )
    for r, (channel, cells) in enumerate(zip(heat.channels, heat.cells, strict=True)):
        top = HEADER + r * ROW
        _text(draw, fonts, box(4, top, CHANNEL_COLUMN - 8, ROW), channel)
        for i, cell in enumerate(cells):
            area = box(CHANNEL_COLUMN + i * stage + 1, top + 1, stage - 2, ROW - 2)
            fill = palette.EMPTY_CELL if cell is None else palette.heat_hex(cell.fraction)
            draw.rectangle(area, fill=fill)
            if cell is not None:
                ink = palette.heat_ink(cell.fraction)
                _text(draw, fonts, area, cell.text, ink=ink, right=True, scaled=True)
    top = HEADER + len(heat.channels) * ROW
    _text(draw, fonts, box(4, top, CHANNEL_COLUMN - 8, ROW), TOTAL_LABEL, bold=True)
    for i, total in enumerate(heat.totals):
        area = box(CHANNEL_COLUMN + i * stage + 1, top + 1, stage - 2, ROW - 2)
        _text(draw, fonts, area, total, bold=True, right=True, scaled=True)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False)
    return buffer.getvalue(), tuple(sorted(fonts.missing))


def _text(
    draw: ImageDraw.ImageDraw,
    fonts: _Fonts,
    area: tuple[float, float, float, float],
    text: str,
    *,
    bold: bool = False,
    ink: str = palette.INK,
    right: bool = False,
    lines: int = 1,
    scaled: bool = False,
) -> None:
    """``text`` in ``area`` (pixels), cut with an ellipsis to fit, vertically centred."""
    left, top, right_edge, bottom = area
    room = right_edge - left - (6 if scaled else 0)
    words = _lines(fonts, one_line(text), bold, room, lines)
    step = fonts.size * 1.2
    y = top + (bottom - top - step * len(words)) / 2
    for line in words:
        runs = fonts.runs(line, bold)
        length = sum(font.getlength(run) for font, run in runs)
        x = right_edge - 3 - length if right else left
        for font, run in runs:
            draw.text((x, y), run, font=font, fill=ink)
            x += font.getlength(run)
        y += step


def _lines(fonts: _Fonts, text: str, bold: bool, room: float, most: int) -> list[str]:
    def fits(candidate: str) -> bool:
        return sum(f.getlength(r) for f, r in fonts.runs(candidate, bold)) <= room

    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < most:
        line = words.pop(0)
        while words and fits(f"{line} {words[0]}"):
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    if lines and not fits(lines[-1]):
        cut = lines[-1]
        while cut and not fits(cut + ELLIPSIS):
            cut = cut[:-1]
        lines[-1] = cut.rstrip() + ELLIPSIS
    return lines or [""]
