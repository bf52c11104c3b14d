"""The whole canvas as a picture, headers included, at any zoom."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from . import palette
from .drawing import colour
from .scene import BlueprintScene


def render_image(scene: BlueprintScene, zoom: float = 1.0) -> QImage:
    """Paint the scene onto a new image; ``zoom`` 1.0 is actual size."""
    region = scene.sceneRect()
    width, height = max(1, round(region.width() * zoom)), max(1, round(region.height() * zoom))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colour(palette.CANVAS))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, width, height), region)
    finally:
        painter.end()
    return image
