"""`blueprint render FILE -o OUT.png|.svg`: the canvas as a picture, without a display."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from blueprint.cli import main
from blueprint.model import FrictionNature
from blueprint.model.states import current_state
from blueprint.storage import load_blueprint
from blueprint.ui.canvas.layout import HEADER_HEIGHT, ROW_HEADER_WIDTH, compute_layout
from tests.conftest import ROOT

BROADBAND = ROOT / "samples" / "broadband-installation.blueprint"
SVG = "{http://www.w3.org/2000/svg}"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def colour_at(image, x: float, y: float):
    from PySide6.QtGui import QColor

    return QColor(image.pixel(int(x), int(y)))


def test_a_png_shows_the_whole_canvas_at_the_zoom_asked(qapp, capsys, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from blueprint.ui.canvas import palette

    out = tmp_path / "canvas.png"
    code, stdout, err = run(capsys, "render", BROADBAND, "-o", out, "--zoom", "0.5")
    assert code == 0, err
    image = QImage(str(out))
    layout = compute_layout(current_state(load_blueprint(BROADBAND)))
    assert (image.width(), image.height()) == (round(layout.width / 2), round(layout.height / 2))
    assert f"{image.width()} x {image.height()} pixels" in stdout
    # The stage headers along the top, the channel headers down the left.
    assert colour_at(image, image.width() - 3, HEADER_HEIGHT / 4) == QColor(palette.STAGE_HEADER)
    first_row = next(iter(layout.rows.values()))
    assert colour_at(image, (ROW_HEADER_WIDTH - 4) / 2, (first_row.end - 4) / 2) == QColor(
        palette.CHANNEL_HEADER
    )
    # Every card is there, its face white in the middle, below its title.
    for rect in layout.cards.values():
        face = colour_at(image, (rect.x + rect.width / 2) / 2, (rect.y + rect.height * 0.62) / 2)
        assert face == QColor(palette.CARD)


def test_far_out_the_png_shows_cards_as_coloured_boxes(qapp, capsys, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from blueprint.ui.canvas import palette

    out = tmp_path / "far.png"
    assert run(capsys, "render", BROADBAND, "-o", out, "--zoom", "0.2")[0] == 0
    image = QImage(str(out))
    blueprint = current_state(load_blueprint(BROADBAND))  # what is drawn: today's journey
    layout = compute_layout(blueprint)
    worst = {}
    for friction in blueprint.frictions:
        if friction.nature == FrictionNature.BAD:
            worst[friction.touchpoint_id] = max(
                worst.get(friction.touchpoint_id, 0), friction.severity
            )
    assert worst
    for tp_id, severity in worst.items():
        x, y = layout.cards[tp_id].center
        assert colour_at(image, x * 0.2, y * 0.2) == QColor(palette.SEVERITY[severity])


def test_an_svg_keeps_the_card_titles_as_text(qapp, capsys, tmp_path):
    out = tmp_path / "canvas.svg"
    code, _, err = run(capsys, "render", BROADBAND, "-o", out)
    assert code == 0, err
    root = ET.parse(out).getroot()
    layout = compute_layout(current_state(load_blueprint(BROADBAND)))
    assert root.get("viewBox").split() == [
        "0",
        "0",
        str(round(layout.width)),
        str(round(layout.height)),
    ]
    texts = "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    # A title wraps over lines (even at a hyphen): compare without the spaces.
    text = "".join(texts.split())
    blueprint = current_state(load_blueprint(BROADBAND))  # what is drawn: today's journey
    for name in [tp.title for tp in blueprint.touchpoints] + [s.name for s in blueprint.stages]:
        assert "".join(name.split()) in text
    assert root.find(f".//{SVG}image") is None  # drawn, not a bitmap


@pytest.mark.parametrize("name", ["canvas.jpg", "canvas", "canvas.png.txt"])
def test_an_unknown_extension_is_a_usage_error(capsys, tmp_path, name):
    code, _, err = run(capsys, "render", BROADBAND, "-o", tmp_path / name)
    assert code == 2
    assert len(err.splitlines()) == 1 and "name it .png or .svg" in err
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_blueprint_is_one_line_and_exit_1(capsys, tmp_path):
    broken = tmp_path / "broken.blueprint"
    broken.write_text("{ not json", encoding="utf-8")
    for source in (tmp_path / "missing.blueprint", broken):
        code, _, err = run(capsys, "render", source, "-o", tmp_path / "out.png")
        assert code == 1
        assert len(err.splitlines()) == 1 and str(source) in err
    assert not (tmp_path / "out.png").exists()


def test_an_unwritable_output_is_one_line_and_exit_1(qapp, capsys, tmp_path):
    target = tmp_path / "no such folder" / "canvas.png"
    code, _, err = run(capsys, "render", BROADBAND, "-o", target)
    assert code == 1
    assert len(err.splitlines()) == 1 and "canvas.png" in err and "Traceback" not in err


def test_a_picture_too_large_for_an_image_says_which_zoom_would_do(qapp, capsys, tmp_path):
    from blueprint.ui import export

    out = tmp_path / "huge.png"
    code, _, err = run(capsys, "render", BROADBAND, "-o", out, "--zoom", "4")
    assert code == 0, err  # 4x the sample is large, but fits
    layout = compute_layout(current_state(load_blueprint(BROADBAND)))
    assert (layout.width * 4) * (layout.height * 4) < export.MAX_PIXELS
    original, export.MAX_PIXELS = export.MAX_PIXELS, 1_000_000
    try:
        code, _, err = run(capsys, "render", BROADBAND, "-o", out, "--zoom", "4")
    finally:
        export.MAX_PIXELS = original
    assert code == 1 and "too large" in err and "use a zoom of at most" in err


@pytest.mark.parametrize("zoom", ["0", "-1", "nan", "5", "big"])
def test_a_zoom_out_of_range_is_a_usage_error(capsys, tmp_path, zoom):
    code, _, err = run(capsys, "render", BROADBAND, "-o", tmp_path / "x.png", "--zoom", zoom)
    assert code == 2 and "zoom" in err


def test_render_runs_as_a_process_without_a_display(tmp_path):
    out = tmp_path / "canvas.png"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "blueprint", "render", str(BROADBAND), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
