"""The app's face: its icon, and Help > About naming what it is built with and their
licences."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox

from blueprint.ui.about import library_licences
from blueprint.ui.app_icon import ICON_SIZES, app_icon
from tests.ui.test_desktop import menu_actions
from tests.ui.window_helpers import close_quietly, shown_window


def test_the_icon_is_drawn_in_every_size_a_desktop_asks_for(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {QSize(size, size) for size in ICON_SIZES} <= set(icon.availableSizes())


def test_about_names_the_libraries_and_fonts_with_their_licences(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append(text))
    window = shown_window(qtbot)
    try:
        menu_actions(window, "&Help")["&About Blueprint"].trigger()
    finally:
        close_quietly(window)
    (text,) = shown
    for name, version, licence in library_licences():
        assert f"{name} {version}: {licence}" in text
    assert "DejaVu Sans: Bitstream Vera licence" in text
    assert "LGPL" in text


def test_the_libraries_are_what_blueprint_runs_on_and_no_more():
    names = {name.casefold().replace("_", "-") for name, _v, _l in library_licences()}
    assert {"pyside6-essentials", "shiboken6", "pydantic", "reportlab", "pillow"} <= names
    # Test and build tools are not part of the app.
    assert not names & {"pytest", "hypothesis", "pyinstaller", "ruff"}
    licences = dict((n.casefold(), lic) for n, _v, lic in library_licences())
    assert licences["pydantic"] == "MIT"
    assert "LGPL-3.0" in licences["pyside6_essentials"]
