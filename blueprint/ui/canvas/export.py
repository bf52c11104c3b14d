"""The whole canvas as a picture, headers included, at any zoom: an image or an SVG drawing.

The picture is painted from the scene as a view would paint it at that zoom (far out,
coloured boxes and hairlines), selection included: ``ui.export`` paints a fresh scene.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from .scene import BlueprintScene

#: Dots per metre of a 96 dpi screen: how large a picture is meant to be shown.
_SCREEN_DOTS_PER_METRE = 96 / 0.0254


def picture_size(scene: BlueprintScene, zoom: float, device_pixel_ratio: float = 1.0) -> QSize:
    """The picture's size in pixels: the whole scene at ``zoom`` on such a screen."""
    region = scene.sceneRect()
    scale = zoom * device_pixel_ratio
    return QSize(max(1, round(region.width() * scale)), max(1, round(region.height() * scale)))


def render_image(
    scene: BlueprintScene, zoom: float = 1.0, device_pixel_ratio: float = 1.0
) -> QImage:
    """Paint the scene onto a new image; ``zoom`` 1.0 is actual size.

    With a ``device_pixel_ratio`` of 2 the image has twice the pixels each way, for a
    high-density screen, and says so (its device pixel ratio and its resolution). A null
    image means there was not enough memory for it.
    """
    size = picture_size(scene, zoom, device_pixel_ratio)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        return image
    image.setDevicePixelRatio(device_pixel_ratio)
    dots = round(_SCREEN_DOTS_PER_METRE * device_pixel_ratio)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    image.fill(scene.backgroundBrush().color())
    target = QRectF(0, 0, size.width() / device_pixel_ratio, size.height() / device_pixel_ratio)
    painter = QPainter(image)
    try:
        _paint(scene, painter, target, zoom)
    finally:
        painter.end()
    return image


def render_png(scene: BlueprintScene, zoom: float = 1.0, device_pixel_ratio: float = 1.0) -> bytes:
    """The scene as PNG bytes; empty when the image could not be made or encoded."""
    image = render_image(scene, zoom, device_pixel_ratio)
    if image.isNull():
        return b""
    return _encoded(lambda buffer: image.save(buffer, "PNG"))


def render_svg(scene: BlueprintScene, zoom: float = 1.0, title: str = "") -> bytes:
    """The scene as an SVG drawing (text stays text), ``zoom`` 1.0 being actual size."""
    size = picture_size(scene, zoom)
    target = QRectF(0, 0, size.width(), size.height())

    def write(buffer: QBuffer) -> bool:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(target)
        generator.setResolution(96)
        generator.setTitle(title)
        generator.setDescription("A service blueprint, drawn by blueprint")
        painter = QPainter(generator)
        if not painter.isActive():
            return False
        try:
            painter.fillRect(target, scene.backgroundBrush())
            _paint(scene, painter, target, zoom)
        finally:
            painter.end()
        return True

    return _encoded(write)


def _paint(scene: BlueprintScene, painter: QPainter, target: QRectF, zoom: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    with scene.detail_for(zoom):
        scene.render(painter, target, scene.sceneRect())


def _encoded(write) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        written = write(buffer)
    finally:
        buffer.close()
    return data.data() if written else b""
