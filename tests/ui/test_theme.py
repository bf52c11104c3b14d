"""Light and dark: the canvas follows the system's colour scheme and stays readable in both."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication

from blueprint.ui import theme
from blueprint.ui.canvas import palette
from tests.ui.window_helpers import close_quietly, shown_window

THEMES = [theme.LIGHT, theme.DARK]

#: text on a surface: WCAG AA for normal text
TEXT_ON = [
    ("INK", "CARD"),
    ("INK", "CELL"),
    ("INK", "CELL_ALTERNATE"),
    ("INK", "CHANNEL_HEADER"),
    ("MUTED_INK", "CARD"),
    ("MUTED_INK", "CHANNEL_HEADER"),
    ("STAGE_HEADER_INK", "STAGE_HEADER"),
]
#: lines and marks that carry meaning: WCAG's 3:1 for graphics
MARKS_ON = [
    ("FLOW", "CELL"),
    ("CHANNEL_SWITCH", "CELL"),
    ("GOOD_FRICTION", "CARD"),
    ("SELECTION", "CELL"),
    ("INK", "CANVAS"),
]


@pytest.mark.parametrize("chosen", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize(("text", "surface"), TEXT_ON)
def test_text_reads_in_both_themes(chosen, text, surface):
    colours = chosen.colours()
    assert theme.contrast_ratio(colours[text], colours[surface]) >= 4.5


@pytest.mark.parametrize("chosen", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize(("mark", "surface"), MARKS_ON)
def test_marks_stand_out_in_both_themes(chosen, mark, surface):
    colours = chosen.colours()
    assert theme.contrast_ratio(colours[mark], colours[surface]) >= 3.0


@pytest.mark.parametrize("chosen", THEMES, ids=lambda t: t.name)
def test_cards_have_a_visible_outline_in_both_themes(chosen):
    colours = chosen.colours()
    assert theme.contrast_ratio(colours["CARD_BORDER"], colours["CELL"]) >= 2.5


@pytest.mark.parametrize("chosen", THEMES, ids=lambda t: t.name)
def test_scores_keep_their_dark_or_white_letters_in_both_themes(chosen):
    theme.use_theme(chosen)
    fills = [*palette.EPIC_SCORE.values(), *palette.SEVERITY.values(), *palette.EMOTION.values()]
    for fill in fills:
        assert theme.contrast_ratio(palette.ink_on(fill), fill) >= 3.0, fill


def test_the_theme_follows_the_system_scheme():
    assert theme.theme_for(Qt.ColorScheme.Dark) is theme.DARK
    assert theme.theme_for(Qt.ColorScheme.Light) is theme.LIGHT
    assert theme.theme_for(Qt.ColorScheme.Unknown) is theme.LIGHT


def test_the_light_theme_is_the_palette_as_designed():
    assert theme.current_theme() is theme.LIGHT
    assert palette.CANVAS == theme.LIGHT.CANVAS and palette.INK == theme.LIGHT.INK


def pixel(window, x: int = 5, y: int = 5) -> QColor:
    """A colour the canvas shows, away from headers: inside the cells' area."""
    viewport = window.canvas.viewport()
    return viewport.grab().toImage().pixelColor(x, y)


def test_a_window_opened_on_a_dark_system_paints_dark(qtbot, monkeypatch):
    monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Dark)
    window = shown_window(qtbot)
    try:
        assert theme.current_theme() is theme.DARK
        assert window.canvas.scene().backgroundBrush().color() == QColor(theme.DARK.CANVAS)
        assert pixel(window).lightness() < 80
    finally:
        close_quietly(window)


def test_an_open_window_follows_a_switch_to_dark_and_back(qtbot, monkeypatch):
    window = shown_window(qtbot)
    hints = QGuiApplication.styleHints()
    try:
        assert pixel(window).lightness() > 200
        monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Dark)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert palette.INK == theme.DARK.INK
        qtbot.waitUntil(lambda: pixel(window).lightness() < 80)
        monkeypatch.setattr(theme, "system_scheme", lambda: Qt.ColorScheme.Light)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        qtbot.waitUntil(lambda: pixel(window).lightness() > 200)
    finally:
        close_quietly(window)
