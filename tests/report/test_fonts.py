"""International text as typed; other scripts in an installed font or as a reported placeholder."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from blueprint.report import ReportError
from blueprint.report import fonts as report_fonts
from blueprint.report.cmap import read_faces
from blueprint.report.resources import resource_path
from blueprint.report.text import PLACEHOLDER
from tests.factories import small_blueprint

from .conftest import flat, render

INTERNATIONAL = {
    "title": "Ταχύτητα σύνδεσης — Счёт за услуги",
    "organisation": "Crème brûlée façade Ærø Łódź Ñandú",
    "friction": "Цена € 12,50 · «Ошибка» ≥ 3 × ½ → ✓",
}
#: In DejaVu Sans Bold (bundled) but not in DejaVu Sans: the bundled bold face, copied into a
#: folder of "installed" fonts, is a fallback font the tests always have.
BOLD_ONLY = "\U0001d5d4\U0001d5d5"  # MATHEMATICAL SANS-SERIF BOLD CAPITAL A, B
#: Math symbols DejaVu Sans lacks and DejaVu Math TeX Gyre has (in the Basic Multilingual
#: Plane, so the extracted text can be checked too).
MATH = "\u27c2\u2322"
SYSTEM_MATH_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf")


def blueprint_with(text: str):
    bp = small_blueprint()
    bp.frictions[0].title = f"Before {text} after"
    return bp


def test_latin_greek_cyrillic_and_symbols_print_as_typed():
    bp = small_blueprint()
    bp.title = INTERNATIONAL["title"]
    bp.organisation = INTERNATIONAL["organisation"]
    bp.frictions[0].title = INTERNATIONAL["friction"]
    rendered = render(bp)
    for text in INTERNATIONAL.values():
        assert flat(text) in rendered.text
    assert rendered.result.missing_characters == ()
    assert rendered.result.fallback_fonts == ()
    assert PLACEHOLDER not in rendered.text


def test_characters_no_font_has_are_drawn_as_placeholders_and_reported():
    cjk_and_emoji = "漢字テスト📦"
    rendered = render(blueprint_with(cjk_and_emoji))
    assert set(rendered.result.missing_characters) == set(cjk_and_emoji)
    # Never dropped silently: one visible placeholder for each character, where it stood.
    assert f"Before {PLACEHOLDER * len(cjk_and_emoji)} after" in rendered.text
    assert rendered.result.fallback_fonts == ()


def test_an_installed_font_draws_what_the_bundled_font_lacks(no_system_fonts):
    installed = no_system_fonts / "SomeInstalledFont.ttf"
    shutil.copy(resource_path("fonts", "DejaVuSans-Bold.ttf"), installed)
    rendered = render(blueprint_with(BOLD_ONLY))
    assert rendered.result.fallback_fonts == (str(installed),)
    assert rendered.result.missing_characters == ()
    # Beyond U+FFFF: drawn, and copied out of the PDF as typed.
    assert f"Before {BOLD_ONLY} after" in rendered.text


def test_a_system_font_draws_math_symbols_or_they_are_placeholders(no_system_fonts):
    if SYSTEM_MATH_FONT.is_file():
        shutil.copy(SYSTEM_MATH_FONT, no_system_fonts)
    rendered = render(blueprint_with(MATH))
    if SYSTEM_MATH_FONT.is_file():
        assert f"Before {MATH} after" in rendered.text
        assert rendered.result.missing_characters == ()
        assert len(rendered.result.fallback_fonts) == 1
    else:  # this machine has no such font: the same text takes the placeholder path
        assert f"Before {PLACEHOLDER * len(MATH)} after" in rendered.text
        assert set(rendered.result.missing_characters) == set(MATH)


def test_broken_and_unusable_font_files_are_skipped(no_system_fonts):
    (no_system_fonts / "broken.ttf").write_bytes(b"\x00\x01\x00\x00 not a font at all")
    (no_system_fonts / "empty.otf").write_bytes(b"")
    (no_system_fonts / "OTTO.otf").write_bytes(b"OTTO" + bytes(200))  # CFF outlines
    shutil.copy(resource_path("fonts", "DejaVuSans-Bold.ttf"), no_system_fonts / "zz.ttf")
    rendered = render(blueprint_with(BOLD_ONLY))
    assert rendered.result.fallback_fonts == (str(no_system_fonts / "zz.ttf"),)
    assert rendered.result.missing_characters == ()


def make_collection(fonts: list[Path], out: Path) -> None:
    """A TrueType collection (.ttc) of ``fonts``: each table directory moved to its place."""
    header = 12 + 4 * len(fonts)
    blobs, offsets, position = [], [], header
    for path in fonts:
        data = bytearray(path.read_bytes())
        tables = struct.unpack_from(">H", data, 4)[0]
        for i in range(tables):
            record = 12 + 16 * i
            old = struct.unpack_from(">I", data, record + 8)[0]
            struct.pack_into(">I", data, record + 8, old + position)
        blobs.append(bytes(data))
        offsets.append(position)
        position += len(data) + (-len(data) % 4)
        blobs.append(bytes(-len(data) % 4))
    head = b"ttcf" + struct.pack(">HHI", 1, 0, len(fonts))
    head += b"".join(struct.pack(">I", o) for o in offsets)
    out.write_bytes(head + b"".join(blobs))


def test_a_face_of_a_font_collection_is_used(no_system_fonts):
    collection = no_system_fonts / "Collection.ttc"
    make_collection(
        [
            resource_path("fonts", "DejaVuSans.ttf"),
            resource_path("fonts", "DejaVuSans-Bold.ttf"),
        ],
        collection,
    )
    faces = read_faces(collection)
    assert [face.index for face in faces] == [0, 1]
    rendered = render(blueprint_with(BOLD_ONLY))
    assert rendered.result.fallback_fonts == (f"{collection}#1",)
    assert rendered.result.missing_characters == ()


def test_coverage_of_the_bundled_font():
    coverage = read_faces(resource_path("fonts", "DejaVuSans.ttf"))[0].coverage
    for char in "AzΩжЖ€£→≥✓":
        assert ord(char) in coverage
    for char in "漢📦" + MATH:
        assert ord(char) not in coverage


def test_the_bundled_fonts_ship_with_their_licence():
    licence = resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        assert resource_path("fonts", name).is_file()


def test_a_missing_resource_is_a_report_error():
    with pytest.raises(ReportError, match="reinstall"):
        resource_path("fonts", "NoSuchFont.ttf")


def test_default_font_folders_include_the_usual_places():
    dirs = [str(p) for p in report_fonts.default_font_dirs()]
    assert "/usr/share/fonts" in dirs
    assert any(d.endswith("Fonts") for d in dirs)
