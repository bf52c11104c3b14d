"""An amount in a table of the deck is read whole: a huge one breaks after its currency, never
inside its number ("IDR / 8,823,305,500,0 / 00,000" read as another number), and its column
is set small enough for its longest number."""

from __future__ import annotations

import re

import pytest

from blueprint.report.deck.text import lines_needed
from blueprint.report.formatting import NO_BREAK_SPACE
from blueprint.storage import load_blueprint
from tests.conftest import SAMPLES

from .deck_helpers import render_deck

BROADBAND = next(p for p in SAMPLES if p.stem == "broadband-installation")
#: The columns of amounts, by table.
AMOUNT_COLUMNS = {
    "Top improvements": ("Avoidable cost a year",),
    "Today and tomorrow": ("Today", "Tomorrow", "Change"),
}
#: Where a line may break: any white space but a no-break space.
BREAKS = re.compile(rf"[^\S{NO_BREAK_SPACE}]+")
NUMBER = re.compile(r"\d[\d,.]*")
CURRENCY = re.compile(r"[€£$]|\b[A-Z]{3}\b")


def huge(bp):
    """``bp`` in rupiah at costs a billion times larger: amounts of 19 digits and more."""
    channels = [
        c.model_copy(update={"cost_per_contact": c.cost_per_contact * 9.5e9})
        if c.cost_per_contact is not None
        else c
        for c in bp.channels
    ]
    return bp.model_copy(update={"currency": "IDR", "channels": channels})


@pytest.fixture(scope="module")
def huge_deck():
    return render_deck(huge(load_blueprint(BROADBAND)))


def amount_cells(deck, title: str):
    """(text, size and room in points, bold, column) of each amount cell of the slides
    ``title``: each with a currency."""
    found = []
    for slide in deck.slides_titled(title):
        (table,) = [shape.table for shape in slide.shapes if shape.has_table]
        header = [cell.text for cell in table.rows[0].cells]
        for name in AMOUNT_COLUMNS[title]:
            i = header.index(name)
            room = table.columns[i].width.pt - 8  # the cell's margins, 4 points each side
            for row in list(table.rows)[1:]:
                cell = row.cells[i]
                runs = [run for p in cell.text_frame.paragraphs for run in p.runs]
                if runs and CURRENCY.search(cell.text):
                    bold = bool(runs[0].font.bold)
                    found.append((cell.text, runs[0].font.size.pt, room, bold, name))
    return found


@pytest.mark.parametrize("title", AMOUNT_COLUMNS)
def test_a_huge_amount_breaks_only_after_its_currency(huge_deck, title):
    cells = amount_cells(huge_deck, title)
    assert any(len(NUMBER.search(text).group()) > 18 for text, *_ in cells)  # huge indeed
    for text, *_ in cells:
        *before, last = BREAKS.split(text.strip())
        # "≥ IDR" or "-IDR" is one piece, the number another: nothing to break inside either.
        assert NUMBER.fullmatch(last), f"{text!r} can break inside its number"
        assert all(not NUMBER.search(piece) for piece in before), text
        assert len(before) <= 1, f"{text!r} can break before its currency"


@pytest.mark.parametrize("title", AMOUNT_COLUMNS)
def test_a_column_of_huge_amounts_is_set_small_enough_for_its_longest_number(huge_deck, title):
    cells = amount_cells(huge_deck, title)
    by_column: dict[str, set[float]] = {}
    for text, size, room, bold, name in cells:
        number = NUMBER.search(text).group()
        # Measured as the deck measures its text, in a font wider than PowerPoint's.
        assert lines_needed(number, size, room, bold=bold) == 1, f"{text!r} at {size} pt"
        by_column.setdefault(name, set()).add(size)
    # The columns of numbers read as one: all at one size, and that not needlessly small
    # (one of them would break a number at a point larger).
    sizes = set().union(*by_column.values())
    assert len(sizes) == 1, by_column
    (size,) = sizes
    tightest = []
    for name in by_column:
        longest = max((NUMBER.search(t).group() for t, _, _, _, n in cells if n == name), key=len)
        room = next(r for _, _, r, _, n in cells if n == name)
        tightest.append(lines_needed(longest, size + 1, room, bold=True) > 1)
    assert any(tightest)


def test_the_top_improvements_stay_on_one_slide_when_they_fit(huge_deck):
    """Eight rows went over two slides, the eighth alone on the second: each row had been
    measured three lines tall for an amount broken over three."""
    assert len(huge_deck.slides_titled("Top improvements")) == 1


@pytest.mark.parametrize("title", AMOUNT_COLUMNS)
def test_amounts_of_an_ordinary_size_keep_the_tables_size(title):
    deck = render_deck(load_blueprint(BROADBAND))
    sizes = {size for _, size, *_ in amount_cells(deck, title)}
    assert sizes == {11.0 if title == "Top improvements" else 13.0}
