"""Light and dark: the canvas follows the system's colour scheme and stays readable in both."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication

from blueprint.ui import theme
from blueprint.ui.canvas import palette
from tests.ui.window_helpers import close_quietly, shown_window


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
