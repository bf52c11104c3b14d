"""The app icon files: every size and format drawn from the SVG, and up to date with it."""

import struct

import pytest
from PySide6.QtGui import QImage

from tools.icons import ICNS_TYPES, ICO_SIZES, ICONS, PNG_SIZES, icon_files

#: Largest difference of one colour channel allowed between the committed pictures and the
#: ones drawn now (antialiasing may differ by a step between processors).
TOLERANCE = 3


def picture(data: bytes) -> QImage:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def ico_sizes(data: bytes) -> list[int]:
    _reserved, kind, count = struct.unpack_from("<HHH", data)
    assert kind == 1
    entries = [struct.unpack_from("<BBBBHHII", data, 6 + 16 * i) for i in range(count)]
    return [entry[0] or 256 for entry in entries]


def icns_entries(data: bytes) -> list[tuple[bytes, int]]:
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    entries, offset = [], 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        entries.append((kind, picture(data[offset + 8 : offset + length]).width()))
        offset += length
    return entries


def test_each_png_is_the_size_it_is_named_after(qapp):
    for size in PNG_SIZES:
        image = picture((ICONS / f"blueprint-{size}.png").read_bytes())
        assert (image.width(), image.height()) == (size, size)


def test_the_windows_and_macos_icons_hold_every_size(qapp):
    assert ico_sizes((ICONS / "blueprint.ico").read_bytes()) == list(ICO_SIZES)
    assert icns_entries((ICONS / "blueprint.icns").read_bytes()) == list(ICNS_TYPES)


@pytest.mark.parametrize("name", [f"blueprint-{size}.png" for size in PNG_SIZES])
def test_the_committed_pictures_are_drawn_from_the_svg_as_it_is(qapp, drawn, name):
    committed = picture((ICONS / name).read_bytes())
    now = picture(drawn[name])
    assert committed.size() == now.size()
    worst = max(
        abs(a - b)
        for y in range(now.height())
        for x in range(now.width())
        for a, b in zip(_channels(committed.pixel(x, y)), _channels(now.pixel(x, y)), strict=True)
    )
    assert worst <= TOLERANCE, f"{name} is out of date: run python -m tools.icons"


@pytest.fixture(scope="module")
def drawn(qapp):
    return icon_files()


def _channels(argb: int) -> tuple[int, int, int, int]:
    return (argb >> 24) & 255, (argb >> 16) & 255, (argb >> 8) & 255, argb & 255
