"""A currency stays on the line of its amount: a manager never reads 'about £' at the end
of a line and the amount on the next."""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

from blueprint.report.fonts import bundled_fonts
from blueprint.report.formatting import NO_BREAK_SPACE, money, unbroken_money
from blueprint.report.text import plain, wrap_lines
from blueprint.storage import load_blueprint
from tests.conftest import SAMPLES

from .conftest import flat, render

BROADBAND = next(p for p in SAMPLES if p.stem == "broadband-installation")


def test_no_line_of_the_plan_ends_on_a_currency_sign():
    """The broadband plan's 'Tomorrow' sentence broke as 'about £' / '247,689'."""
    rendered = render(load_blueprint(BROADBAND))
    for number, page in enumerate(rendered.pages, 1):
        ending = re.findall(r"[£€$]\s*$", page, re.MULTILINE)
        assert not ending, f"page {number} has a line ending on a currency sign"
    assert "would cut the friction cost by about £ 247,689 a year" in rendered.text


def test_the_no_break_space_is_drawn_as_a_space_and_never_broken():
    fonts = bundled_fonts()
    assert NO_BREAK_SPACE in fonts.covered
    width = stringWidth(" ", fonts.regular, 10)
    assert stringWidth(NO_BREAK_SPACE, fonts.regular, 10) == width
    text = unbroken_money(f"about {money(247_689, 'GBP')} a year")
    assert text == f"about £{NO_BREAK_SPACE}247,689 a year"
    assert plain(text) == text
    room = stringWidth("about £ 247,68", fonts.regular, 10)  # a line would end after '£'
    lines = wrap_lines(text, fonts.regular, 10, room)
    assert lines[:2] == ["about", f"£{NO_BREAK_SPACE}247,689 a"]


def test_text_for_a_terminal_or_a_file_keeps_its_plain_space():
    assert money(247_689, "GBP") == "£ 247,689"
    assert flat(unbroken_money("JPY 34,086,456")) == "JPY 34,086,456"


def test_a_huge_amount_in_a_narrow_table_cell_keeps_its_currency():
    """A cell of the ranked plan broke a huge amount as 'JPY' over '34,086,456,000'."""
    from blueprint.report.fonts import bundled_fonts as fonts_of
    from blueprint.report.styles import make_styles
    from blueprint.report.text import FallbackFonts, Typesetter

    fonts = fonts_of()
    typesetter = Typesetter(fonts, FallbackFonts([]))
    style = make_styles(fonts).cell
    amount = money(34_086_456_000, "JPY")
    room = stringWidth("JPY 34,086", style.fontName, style.fontSize)  # narrower than it
    lines = typesetter.cell(f"≥ {amount}", style, room).split("\n")
    assert all(not re.fullmatch(r"[£€$≥ ]*(JPY)?", line) for line in lines), lines
    assert lines[0].startswith(f"≥{NO_BREAK_SPACE}JPY{NO_BREAK_SPACE}3")
