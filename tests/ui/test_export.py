"""Exporting the canvas as a picture: the function, and File > Export as PNG…/SVG…."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from blueprint.model.states import current_state
from blueprint.storage import SaveError
from blueprint.ui.canvas import palette
from blueprint.ui.canvas.layout import compute_layout
from blueprint.ui.commands import EditTouchpoint
from blueprint.ui.document import Document
from blueprint.ui.export import add_export_actions, export_canvas
from blueprint.ui.main_window import MainWindow
from tests.ui.conftest import snapshot

SVG = "{http://www.w3.org/2000/svg}"


def test_a_png_holds_the_whole_canvas_at_the_zoom_asked(document, tmp_path):
    path = tmp_path / "canvas.png"
    size = export_canvas(document, path, zoom=0.25)
    layout = compute_layout(current_state(document.blueprint))  # the canvas shows today
    expected = (round(layout.width / 4), round(layout.height / 4))
    image = QImage(str(path))
    assert size == expected == (image.width(), image.height())
    assert image.pixelColor(image.width() - 2, 2) == QColor(palette.STAGE_HEADER)


def test_a_png_for_a_high_density_screen_has_twice_the_pixels(document, tmp_path):
    path = tmp_path / "canvas@2x.png"
    width, height = export_canvas(document, path, zoom=0.25, device_pixel_ratio=2)
    layout = compute_layout(current_state(document.blueprint))  # the canvas shows today
    assert (width, height) == (round(layout.width / 2), round(layout.height / 2))
    image = QImage(str(path))
    assert image.width() == width
    # ... and says it is meant for such a screen: 192 dots per inch instead of 96.
    assert image.dotsPerMeterX() == pytest.approx(2 * 96 / 0.0254, abs=2)


def test_an_svg_is_a_drawing_with_the_blueprint_title(document, tmp_path):
    path = tmp_path / "canvas.svg"
    export_canvas(document, path)
    root = ET.parse(path).getroot()
    layout = compute_layout(current_state(document.blueprint))  # the canvas shows today
    assert root.get("viewBox").split() == [
        "0",
        "0",
        str(round(layout.width)),
        str(round(layout.height)),
    ]
    assert root.findtext(f"{SVG}title") == document.blueprint.title
    drawn = "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert document.blueprint.stages[0].name in drawn


def test_exporting_leaves_the_document_as_it_was(document, tmp_path):
    document.push(EditTouchpoint(document, document.blueprint.touchpoints[0].id, "title", "New"))
    before, undo_steps = snapshot(document), document.undo_stack.count()
    export_canvas(document, tmp_path / "canvas.png", zoom=0.1)
    export_canvas(document.blueprint, tmp_path / "canvas.svg", zoom=0.1)
    assert snapshot(document) == before
    assert document.undo_stack.count() == undo_steps


@pytest.mark.parametrize("name", ["canvas.jpg", "canvas"])
def test_an_unknown_format_is_a_save_error(document, tmp_path, name):
    with pytest.raises(SaveError, match=r"name it \.png or \.svg"):
        export_canvas(document, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_keeps_the_previous_picture(document, tmp_path, monkeypatch):
    path = tmp_path / "canvas.png"
    path.write_bytes(b"the previous picture")
    monkeypatch.setattr("blueprint.ui.export.MAX_PIXELS", 1000)
    with pytest.raises(SaveError, match=r"too large.*use a zoom of at most"):
        export_canvas(document, path)
    assert path.read_bytes() == b"the previous picture"
    assert list(tmp_path.iterdir()) == [path]


# --- from the menu ---------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, broadband, tmp_path):
    window = MainWindow(Document(broadband, path=tmp_path / "broadband.blueprint"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.document.undo_stack.setClean()


def file_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")


def answer_save_dialog(monkeypatch, answer):
    asked = []

    def dialog(parent, title, start, filters):
        asked.append((title, start, filters))
        return str(answer) if answer else "", filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


def test_the_file_menu_offers_both_exports_before_closing(window):
    png, svg = add_export_actions(window)
    texts = [a.text() for a in file_menu(window).actions()]
    assert texts.index(png.text()) + 1 == texts.index(svg.text())
    assert [t for t in texts if "Quit" in t] and texts.index(svg.text()) < texts.index(
        next(t for t in texts if "Quit" in t)
    )
    assert png.statusTip() and svg.statusTip()


def test_export_as_png_asks_where_and_writes_the_picture(window, monkeypatch, tmp_path):
    png, _ = add_export_actions(window)
    asked = answer_save_dialog(monkeypatch, tmp_path / "picture")  # no extension typed
    png.trigger()
    assert asked[0][1].endswith("broadband.png")  # next to the blueprint, named after it
    image = QImage(str(tmp_path / "picture.png"))
    assert not image.isNull() and image.width() > 1000
    assert "picture.png" in window.statusBar().currentMessage()


def test_export_as_svg_writes_a_drawing(window, monkeypatch, tmp_path):
    _, svg = add_export_actions(window)
    answer_save_dialog(monkeypatch, tmp_path / "drawing.svg")
    svg.trigger()
    assert ET.parse(tmp_path / "drawing.svg").getroot().tag == f"{SVG}svg"


def test_an_export_that_fails_says_why_in_a_dialog(window, monkeypatch, tmp_path):
    png, _ = add_export_actions(window)
    answer_save_dialog(monkeypatch, tmp_path / "no such folder" / "picture.png")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[1:3]))
    png.trigger()
    assert len(shown) == 1
    title, message = shown[0]
    assert "export" in title.lower() and "folder does not exist" in message


def test_a_cancelled_export_writes_nothing(window, monkeypatch, tmp_path):
    png, _ = add_export_actions(window)
    answer_save_dialog(monkeypatch, None)
    before = set(tmp_path.iterdir())
    png.trigger()
    assert set(tmp_path.iterdir()) == before


def test_the_file_menu_offers_png_and_svg_export(qtbot):
    from blueprint.ui.document import Document
    from blueprint.ui.main_window import MainWindow

    window = MainWindow(Document())
    qtbot.addWidget(window)
    texts = [a.text().replace("&", "") for a in window.menus.file.actions()]
    assert any("Export as PNG" in t for t in texts) and any("Export as SVG" in t for t in texts)
