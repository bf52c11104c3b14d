"""The app icon in every size and format a desktop asks for, drawn from its SVG source.

``uv run python -m tools.icons`` writes, beside ``resources/icons/blueprint.svg``: a PNG for
each of ``PNG_SIZES`` (window icon, Linux icon theme), ``blueprint.ico`` (Windows) and
``blueprint.icns`` (macOS). Qt draws the SVG offscreen; the two containers are written here,
each a list of PNG images, which every Windows since Vista and every macOS since 10.7 read.
Run it after changing the SVG and commit what it writes.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = ICONS / "blueprint.svg"
#: The PNG files kept beside the source (freedesktop's icon theme sizes, and the window's).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: .icns entry types, by the pixel size of the PNG each holds (Apple's 'icns' format).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 at 2x
    (b"ic11", 32),  # 16 at 2x
    (b"ic12", 64),  # 32 at 2x
    (b"ic13", 256),  # 128 at 2x
    (b"ic14", 512),  # 256 at 2x
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG drawing Qt can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG (a size of 256 is written as 0, as the format says)."""
    count = len(pngs)
    header = struct.pack("<HHH", 0, 1, count)
    offset = len(header) + 16 * count
    entries, images = [], []
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        images.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(images)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding a PNG for each entry type in ``ICNS_TYPES``."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def icon_files(svg: Path = SOURCE) -> dict[str, bytes]:
    """File name -> contents, for every file drawn from the SVG."""
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    pngs = {size: render_png(svg, size) for size in sizes}
    files = {f"blueprint-{size}.png": pngs[size] for size in PNG_SIZES}
    files["blueprint.ico"] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files["blueprint.icns"] = icns_bytes(pngs)
    return files


def write_icons(folder: Path = ICONS, svg: Path = SOURCE) -> Iterable[Path]:
    for name, data in icon_files(svg).items():
        path = folder / name
        path.write_bytes(data)
        yield path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons():
        print(f"Wrote {path.relative_to(ICONS.parents[1])}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
