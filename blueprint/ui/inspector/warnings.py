"""A line that warns (a date that is not one, an attached file that is missing): in a
warning colour that reads on the panel in a light or a dark style, and with a sign, so the
colour is never the only signal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from ..canvas.palette import contrast_ratio

#: On a light panel and on a dark one; each reads at 4.5:1 or better on the other's opposite.
ON_LIGHT = "#a3261e"
ON_DARK = "#ff9a8f"
SIGN = "⚠ "


def warning_colour(background: QColor) -> str:
    shade = background.name()
    return max((ON_LIGHT, ON_DARK), key=lambda ink: contrast_ratio(ink, shade))


def warning_label(text: str = "") -> QLabel:
    """A plain-text label (user text in it shows as typed) in the warning colour."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    palette = label.palette()
    colour = warning_colour(palette.color(QPalette.ColorRole.Window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    set_warning(label, text)
    return label


def set_warning(label: QLabel, text: str) -> None:
    """Say ``text`` (with the sign), or nothing: the label hides."""
    label.setText(f"{SIGN}{text}" if text else "")
    label.setVisible(bool(text))
