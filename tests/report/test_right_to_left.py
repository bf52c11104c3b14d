"""Arabic and Hebrew in the PDF: letters joined, every line in visual order (Unicode bidi).

What a reader sees is checked glyph by glyph (``glyphs.drawn_lines``): each line of a page
as its characters stand from left to right, Arabic as the joined forms the font draws.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest
from arabic_reshaper import ArabicReshaper

from blueprint.report.fonts import FallbackFonts, bundled_fonts
from blueprint.report.rtl import FSI, RIGHT_TO_LEFT, visual_lines
from blueprint.report.rtl.uba import bidi_class, resolve
from blueprint.report.styles import make_styles
from blueprint.report.text import Typesetter, escape, wrap_lines
from tests.factories import small_blueprint

from .conftest import render
from .glyphs import drawn_lines

#: "مرحبا بكم" as drawn: its two words right to left, each letter in its joined form.
WELCOME = "مرحبا بكم"
WELCOME_DRAWN = "\ufee2\ufedc\ufe91 \ufe8e\ufe92\ufea3\ufeae\ufee3"  # ﻢﻜﺑ ﺎﺒﺣﺮﻣ
#: An Arabic title with a number and English words: the English reads left to right, the
#: whole from the right ("خطة", then "2026", then "for Acme").
MIXED = "خطة 2026 for Acme"
MIXED_DRAWN = "for Acme 2026 \ufe94\ufec4\ufea7"  # for Acme 2026 ﺔﻄﺧ
#: Hebrew does not join; its brackets are mirrored in right-to-left text.
HEBREW = "שירות לקוחות (מרכז) 3"
HEBREW_DRAWN = "3 (זכרמ) תוחוקל תוריש"
FRICTION = "صفحة بطيئة عند الدفع"
#: Words a long friction title is made of, to be wrapped over several lines of a cell.
LONG = [
    "الطلب",
    "تأخر",
    "كثيرا",
    "ولم",
    "يصل",
    "العميل",
    "رد",
    "من",
    "فريق",
    "الدعم",
    "رغم",
    "اتصاله",
    "مرتين",
    "خلال",
    "الأسبوع",
]
FRICTION_DRAWN = (
    "\ufeca\ufed3\ufeaa\ufedf\ufe8d \ufeaa\ufee8\ufecb \ufe94\ufe8c\ufef4\ufec4\ufe91 "
    "\ufe94\ufea4\ufed4\ufebb"
)


def lines_of(rendered, first: int = 0, last: int | None = None) -> list[str]:
    pages = rendered.reader.pages[first : None if last is None else last + 1]
    return [line for page in pages for line in drawn_lines(page)]


@pytest.fixture(scope="module")
def arabic():
    bp = small_blueprint()
    bp.title = WELCOME
    bp.organisation = HEBREW
    bp.frictions[0].title = FRICTION
    bp.improvements[0].title = MIXED
    return render(bp)


def test_an_arabic_title_is_drawn_joined_and_right_to_left(arabic):
    cover = lines_of(arabic, 0, 0)
    assert WELCOME_DRAWN in cover
    # The running header of every page after the cover draws it the same way.
    for page in arabic.reader.pages[1:]:
        assert WELCOME_DRAWN in drawn_lines(page)


def test_an_arabic_friction_title_is_joined_in_the_register_and_in_paragraphs(arabic):
    lines = lines_of(arabic)
    register = lines[_last(lines, "6  Friction register") :]
    assert FRICTION_DRAWN in register  # a table cell, drawn as plain lines
    everywhere = "\n".join(lines_of(arabic))
    assert everywhere.count(FRICTION_DRAWN) >= 2  # and in the ranked plan's paragraphs
    assert FRICTION not in everywhere  # never the unjoined letters in typed order


def test_hebrew_reads_right_to_left_with_its_brackets_mirrored(arabic):
    assert HEBREW_DRAWN in lines_of(arabic, 0, 0)


def test_a_title_mixing_arabic_english_and_digits_is_in_visual_order(arabic):
    lines = lines_of(arabic)
    assert MIXED_DRAWN in lines  # alone in a table cell
    # In a sentence of the plan's own words, the title keeps its own order: the plan's
    # words stay where they are, left to right ("#1" first).
    assert any(line.startswith("#1 ") and line.endswith(MIXED_DRAWN) for line in lines)


def test_arabic_between_latin_words_is_reordered_alone():
    bp = small_blueprint()
    bp.frictions[0].title = f"Before {WELCOME} after"
    rendered = render(bp)
    assert f"Before {WELCOME_DRAWN} after" in lines_of(rendered)
    assert rendered.result.missing_characters == ()
    assert rendered.result.fallback_fonts == ()


def test_a_letter_no_font_draws_keeps_its_place_in_the_visual_order():
    """KASHMIRI YEH (U+0620) is not in DejaVu Sans: its placeholder stands where the letter
    reads, at the left end of the word it ends, and it is reported."""
    bp = small_blueprint()
    bp.frictions[0].title = f"Before {WELCOME}\u0620 after"
    rendered = render(bp)
    word = WELCOME_DRAWN.split(" ")
    assert f"Before \ufffd{word[0]} {word[1]} after" in lines_of(rendered)
    assert rendered.result.missing_characters == ("\u0620",)


def test_a_wrapped_arabic_title_is_reordered_line_by_line():
    """Wrap first, then reorder each line: read from the right, the first line holds the
    first words and each line goes on where the one above stopped."""
    bp = small_blueprint()
    bp.frictions[0].title = " ".join(LONG)
    rendered = render(bp)
    lines = lines_of(rendered)
    register = lines[_last(lines, "6  Friction register") :]
    drawn = {_drawn(word): word for word in LONG}
    wrapped = [line for line in register if line.split(" ")[0] in drawn]
    assert len(wrapped) >= 2
    read = [drawn[token] for line in wrapped for token in reversed(line.split(" "))]
    assert read == LONG


def test_typesetter_leaves_left_to_right_text_as_it_was():
    """Nothing right-to-left: the markup and the table cell are what they always were."""
    typesetter = Typesetter(bundled_fonts(), FallbackFonts([]))
    style = make_styles(bundled_fonts()).cell
    latin = "Ταχύτητα (σύνδεσης) 2026 for <Acme> & co, with a title long enough to wrap"
    assert typesetter.markup(latin) == escape(latin)
    cell = typesetter.cell(latin, style, 120)
    assert cell == "\n".join(wrap_lines(latin, style.fontName, style.fontSize, 120))
    assert typesetter.markup(WELCOME).startswith(FSI)  # right-to-left: isolated, joined
    assert typesetter.cell(WELCOME, style, 120) == WELCOME_DRAWN


# --- the bidi algorithm ---------------------------------------------------------------------

#: Removed by rule X9: the conformance test gives them no level and no place.
REMOVED = {"LRE", "RLE", "LRO", "RLO", "PDF", "BN"}
CONFORMANCE = Path(__file__).parent / "data" / "bidi_character_test_sample.txt"


def conformance_cases() -> list[tuple[str, int | None, int, list[str], list[int]]]:
    cases = []
    for line in CONFORMANCE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        codes, direction, level, levels, order = line.split(";")
        text = "".join(chr(int(code, 16)) for code in codes.split())
        start = {"0": 0, "1": 1, "2": None}[direction]
        cases.append((text, start, int(level), levels.split(), [int(i) for i in order.split()]))
    return cases


def test_the_bidi_algorithm_passes_the_unicode_conformance_test():
    """Levels and order of each line of Unicode's own test cases (BidiCharacterTest.txt, a
    sample: brackets, numbers, isolates, embeddings, overrides, both directions)."""
    failed = []
    for text, direction, level, levels, order in conformance_cases():
        resolved = resolve(text, direction)
        got = resolved.line_levels(0, len(text))
        drawn = [i for i in resolved.reordered(0, len(text)) if bidi_class(text[i]) not in REMOVED]
        if (
            resolved.level != level
            or any(
                want != "x" and int(want) != have for want, have in zip(levels, got, strict=True)
            )
            or drawn != order
        ):
            failed.append(text)
    assert failed == []


def test_brackets_are_mirrored_in_right_to_left_text():
    assert resolve("(א)").visual() == "(א)"  # typed order reversed, each bracket mirrored
    assert resolve("a (b) c").visual() == "a (b) c"


def test_a_vowel_mark_follows_its_letter_as_drawn():
    # بَيت: beh, fatha, yeh, teh. Reversed, the fatha stays after the beh it sits on.
    assert resolve("\u0628\u064e\u064a\u062a").visual() == "\u062a\u064a\u0628\u064e"


def test_lines_are_reordered_after_wrapping_with_the_paragraphs_direction():
    # Two lines of one right-to-left paragraph: the second line starts with an English word,
    # yet it is laid out right to left like the first.
    assert visual_lines(["אבג דהו", "Acme 12 זח"]) == ["והד גבא", "חז Acme 12"]


def test_right_to_left_characters_are_all_known():
    everything = {chr(c) for c in range(0x110000)}
    expected = {c for c in everything if bidi_class(c) in {"R", "AL", "RLE", "RLO", "RLI"}}
    assert expected == RIGHT_TO_LEFT


def test_every_paragraph_of_the_plan_can_reorder_its_lines():
    """A reportlab Paragraph made anywhere in the report would draw right-to-left text in
    typed order: the report makes ``rtl.Paragraph``s only."""
    package = Path(__file__).resolve().parents[2] / "blueprint" / "report"
    offenders = []
    for path in package.rglob("*.py"):
        if path.parent.name == "rtl":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").startswith("reportlab")
                and any(alias.name == "Paragraph" for alias in node.names)
            ):
                offenders.append(str(path))
    assert offenders == []


def test_the_drawn_forms_copy_out_as_the_letters_typed():
    """Copied out of the PDF, the joined forms normalise (NFKC) to the letters typed."""
    assert unicodedata.normalize("NFKC", WELCOME_DRAWN) == WELCOME[::-1]


def _last(lines: list[str], heading: str) -> int:
    """Where the section headed ``heading`` starts (the cover lists it first)."""
    return len(lines) - 1 - lines[::-1].index(heading)


def _drawn(word: str) -> str:
    """A word of Arabic letters as drawn: joined (arabic-reshaper), right to left."""
    return ArabicReshaper().reshape(word)[::-1]


def test_a_persona_named_in_arabic_keeps_the_space_before_its_figure():
    """ "Family عائلة25%": the space after the name went with its right-to-left run."""
    from blueprint.storage import load_blueprint
    from tests.conftest import SAMPLES

    bp = load_blueprint(next(p for p in SAMPLES if p.stem == "broadband-installation"))
    bp.personas[0].name = "Family عائلة"
    summary = " ".join(lines_of(render(bp), 1, 1))
    drawn = _drawn("عائلة")
    assert f"Family {drawn} " in summary
    assert f"{drawn}2" not in summary and f"{drawn} 2" in summary


#: Three Hebrew names (Hebrew does not join: each is drawn as its letters reversed).
NAMES = ("אלף", "בית", "גימל")


def test_a_list_of_right_to_left_names_keeps_its_order_and_its_words():
    """A list joined into one string was set apart as one right-to-left run: the cover read
    "Personas covered: <3> and <2>, <1>" and "set a cost per contact for <2> and <1>", the
    plan's "and" and commas moved among the names. Each name is set apart alone."""
    bp = small_blueprint()
    bp.personas = [
        bp.personas[0].model_copy(update={"id": f"p{i}", "name": name})
        for i, name in enumerate(NAMES, start=1)
    ]
    for touchpoint in bp.touchpoints:
        touchpoint.persona_ids = [p for p in touchpoint.persona_ids if p != "p1"] or []
    bp.channels[0].name, bp.channels[2].name = NAMES[0], NAMES[1]
    bp.frictions[0].leads_to_channel_id = "web"  # contacts land in channels with no cost
    bp.frictions[1].frequency.count = 5
    bp.frictions[1].leads_to_channel_id = "esc"
    bp.improvements[0].friction_ids = ["x1", "x2"]
    a, b, c = (n[::-1] for n in NAMES)
    text = " ".join(lines_of(render(bp)))  # a sentence may wrap
    assert f"Personas covered: {a}, {b} and {c}" in text
    assert f"set a cost per contact for {a} and {b}" in text
