"""Which characters a font file can draw, read from its cmap table without loading the font.

Looking for a fallback font may mean looking at every font installed; reading only the
table directory and the cmap keeps that to milliseconds per file, where loading each font
with reportlab would read the whole file and all of its glyph metrics. Coverage is kept
as sorted ranges, so a CJK font of 40,000 characters costs a few kilobytes.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

#: Faces read from one collection, and bytes from one cmap table: far above real fonts,
#: they only bound what a damaged or hostile file can make us read.
MAX_FACES = 256
MAX_CMAP_BYTES = 16 * 2**20


@dataclass(frozen=True, slots=True)
class Coverage:
    """The characters a font maps to a glyph: sorted, non-overlapping (first, last) ranges."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __contains__(self, codepoint: int) -> bool:
        i = bisect_right(self.starts, codepoint) - 1
        return i >= 0 and codepoint <= self.ends[i]

    @classmethod
    def from_ranges(cls, ranges: list[tuple[int, int]]) -> Coverage:
        starts: list[int] = []
        ends: list[int] = []
        for first, last in sorted(ranges):
            if ends and first <= ends[-1] + 1:
                ends[-1] = max(ends[-1], last)
            else:
                starts.append(first)
                ends.append(last)
        return cls(tuple(starts), tuple(ends))


@dataclass(frozen=True, slots=True)
class FaceInfo:
    """One face of a font file (a .ttc holds several) that reportlab can embed."""

    path: Path
    index: int  # the face's index in a collection; 0 for a single font
    coverage: Coverage


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def u16(self, offset: int) -> int:
        return struct.unpack_from(">H", self.data, offset)[0]

    def u32(self, offset: int) -> int:
        return struct.unpack_from(">I", self.data, offset)[0]


def read_faces(path: Path) -> list[FaceInfo]:
    """The faces of a font file with TrueType outlines, with their coverage.

    Only the table directories and the cmap tables are read, not the glyphs. Faces
    reportlab cannot draw are left out: CFF-outline OpenType (no ``glyf`` table) and
    bitmap-only colour fonts. A file that is not a font, or is damaged, gives no faces.
    """
    try:
        with path.open("rb") as handle:
            return _faces(path, handle)
    except (OSError, struct.error, IndexError, ValueError):
        return []


def _faces(path: Path, handle: BinaryIO) -> list[FaceInfo]:
    head = _Reader(handle.read(12 + 4 * MAX_FACES))
    if head.data[:4] == b"ttcf":
        count = min(head.u32(8), MAX_FACES)
        offsets = [head.u32(12 + 4 * i) for i in range(count)]
    else:
        offsets = [0]
    faces = []
    for index, offset in enumerate(offsets):
        tables = _table_directory(handle, offset)
        if not {"glyf", "loca", "cmap"} <= tables.keys():
            continue
        cmap_offset, cmap_length = tables["cmap"]
        handle.seek(cmap_offset)
        ranges = _cmap_ranges(_Reader(handle.read(min(cmap_length, MAX_CMAP_BYTES))), 0)
        if ranges:
            faces.append(FaceInfo(path, index, Coverage.from_ranges(ranges)))
    return faces


def _table_directory(handle: BinaryIO, offset: int) -> dict[str, tuple[int, int]]:
    """Tag -> (offset, length) of each table of the face at ``offset``."""
    handle.seek(offset)
    count = _Reader(handle.read(12)).u16(4)
    records = _Reader(handle.read(16 * count))
    tables = {}
    for i in range(count):
        record = 16 * i
        tag = records.data[record : record + 4].decode("latin-1")
        tables[tag] = (records.u32(record + 8), records.u32(record + 12))
    return tables


#: (platform, encoding) of the Unicode cmap subtables, best first: full repertoire, then BMP.
_UNICODE_SUBTABLES = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def _cmap_ranges(reader: _Reader, cmap: int) -> list[tuple[int, int]]:
    subtables = {}
    for i in range(reader.u16(cmap + 2)):
        record = cmap + 4 + 8 * i
        key = (reader.u16(record), reader.u16(record + 2))
        subtables.setdefault(key, cmap + reader.u32(record + 4))
    for key in _UNICODE_SUBTABLES:
        if key in subtables:
            found = _subtable_ranges(reader, subtables[key])
            if found:
                return found
    return []


def _subtable_ranges(reader: _Reader, offset: int) -> list[tuple[int, int]]:
    form = reader.u16(offset)
    if form == 4:
        return _format4(reader, offset)
    if form == 12:
        return _format12(reader, offset)
    return []


def _format4(reader: _Reader, offset: int) -> list[tuple[int, int]]:
    segments = reader.u16(offset + 6) // 2
    ends = offset + 14
    starts = ends + 2 * segments + 2
    deltas = starts + 2 * segments
    range_offsets = deltas + 2 * segments
    found: list[tuple[int, int]] = []
    for s in range(segments):
        first, last = reader.u16(starts + 2 * s), reader.u16(ends + 2 * s)
        delta = reader.u16(deltas + 2 * s)
        range_offset_at = range_offsets + 2 * s
        range_offset = reader.u16(range_offset_at)
        for code in range(first, min(last, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                glyph = reader.u16(range_offset_at + range_offset + 2 * (code - first))
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                found.append((code, code))
    return found


def _format12(reader: _Reader, offset: int) -> list[tuple[int, int]]:
    groups = reader.u32(offset + 12)
    found: list[tuple[int, int]] = []
    for g in range(groups):
        record = offset + 16 + 12 * g
        first, last, glyph = reader.u32(record), reader.u32(record + 4), reader.u32(record + 8)
        last = min(last, 0x10FFFF)
        # A group starting at glyph 0 maps its first character to .notdef: not drawable.
        first += 1 if glyph == 0 else 0
        if first <= last:
            found.append((first, last))
    return found
