"""Light and dark canvas colours, following the system's colour scheme.

Widgets take their colours from the style, which already follows the system. The canvas
paints its own colours, from ``canvas.palette``; this module is the one place that decides
which set of surface colours (backgrounds, lines, text) the palette holds. Colours that
carry meaning (scores, severities, emotions, stairway steps) are the same in both themes:
they are read through their letters and numbers, which ``palette.ink_on`` keeps readable.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QGraphicsView

from ..contrast import TEXT_CONTRAST, faintest_readable
from .canvas import palette
from .canvas.palette import contrast_ratio as contrast_ratio  # one formula, Qt-free


@dataclass(frozen=True)
class Theme:
    """The surface colours of the canvas; each field names the palette colour it sets."""

    name: str
    CANVAS: str
    CELL: str
    CELL_ALTERNATE: str
    GRID_LINE: str
    STAGE_HEADER: str
    STAGE_HEADER_INK: str
    CHANNEL_HEADER: str
    CARD: str
    CARD_BORDER: str
    SELECTION: str
    FOCUS: str
    MARK_EDGE: str
    INK: str
    MUTED_INK: str
    UNSET: str
    UNSET_INK: str
    FLOW: str
    CHANNEL_SWITCH: str
    GOOD_FRICTION: str
    FAR_FLOW: str
    FAR_CHANNEL_SWITCH: str
    HIGHLIGHT: str
    SEARCH_HIT: str

    def colours(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "name"}


def _palette_as_designed() -> dict[str, str]:
    names = [f.name for f in fields(Theme) if f.name != "name"]
    return {name: getattr(palette, name) for name in names}


#: The palette as the canvas defines it: light, for a projector.
LIGHT = Theme(name="light", **_palette_as_designed())

DARK = Theme(
    name="dark",
    CANVAS="#161b21",
    CELL="#1f262e",
    CELL_ALTERNATE="#242c35",
    GRID_LINE="#75828f",
    STAGE_HEADER="#4f6a86",
    STAGE_HEADER_INK="#ffffff",
    CHANNEL_HEADER="#2a333d",
    CARD="#2b333c",
    CARD_BORDER="#8d99a6",
    SELECTION="#5ea2ff",
    FOCUS="#f2f5f8",
    MARK_EDGE="#c3ccd6",
    INK="#e8edf2",
    MUTED_INK="#a9b4bf",
    UNSET="#3a434d",
    UNSET_INK="#b3bdc7",
    FLOW="#9aa7b6",
    CHANNEL_SWITCH="#f08a3c",
    GOOD_FRICTION="#5aa9e6",
    FAR_FLOW="#6f7c8a",
    FAR_CHANNEL_SWITCH="#b8652a",
    HIGHLIGHT="#f06ab4",
    SEARCH_HIT="#e0b03a",
)

_current = LIGHT


def theme_for(scheme: Qt.ColorScheme) -> Theme:
    """Dark for a dark system; light for a light one, or when the system does not say."""
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def system_scheme() -> Qt.ColorScheme:
    return QGuiApplication.styleHints().colorScheme()


def current_theme() -> Theme:
    return _current


def use_theme(theme: Theme) -> bool:
    """Make the canvas paint with ``theme`` from now on; False when it already did."""
    global _current
    if theme == _current:
        return False
    for name, value in theme.colours().items():
        setattr(palette, name, value)
    _current = theme
    return True


def use_system_theme() -> bool:
    return use_theme(theme_for(system_scheme()))


def readable_hints() -> None:
    """The style's hint colour (placeholders, captions, notes) at 4.5:1 on both the panels'
    and the fields' backgrounds; every other colour stays the system's. Fusion's grey read
    at 4.0:1 on white and 3.9:1 on a panel, lost on a projector. Again after the system's
    colour scheme changes."""
    system = QGuiApplication.palette()
    hints = QPalette()  # only the hint colour is set: the other roles follow the system
    Role = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        ground = system.color(group, Role.Window).name()
        grounds = (ground, system.color(group, Role.Base).name())
        ink = system.color(group, Role.WindowText).name()
        hint = faintest_readable(ground, ink, grounds, TEXT_CONTRAST)
        hints.setColor(group, Role.PlaceholderText, QColor(hint))
    QGuiApplication.setPalette(hints)


def repaint(view: QGraphicsView) -> None:
    """Show the current theme in a canvas view, its scene and the views laid over it."""
    scene = view.scene()
    background = QColor(palette.CANVAS)
    if scene is not None:
        scene.setBackgroundBrush(background)
        for shown_in in scene.views():
            if shown_in.backgroundBrush().style() != Qt.BrushStyle.NoBrush:
                shown_in.setBackgroundBrush(background)
            shown_in.viewport().update()
        scene.update()
