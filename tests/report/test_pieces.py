"""The pieces of the report, one at a time: formats, line breaking, cmaps, the staircase."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Circle, Polygon, String
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth

from blueprint.analysis import Wave
from blueprint.report import formatting as fmt
from blueprint.report.cmap import Coverage
from blueprint.report.compat import to_unicode_cmap
from blueprint.report.document import fit_line
from blueprint.report.fonts import bundled_fonts
from blueprint.report.heatmap import stage_chunks
from blueprint.report.staircase import Lift, staircase_drawing
from blueprint.report.text import wrap_lines


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (179402.4, "EUR", "€ 179,402"),
        (662885.2, "GBP", "£ 662,885"),
        (0, "USD", "$ 0"),
        (1234.5, "CHF", "CHF 1,234"),  # banker's rounding of .5 is fine for money this size
        (9_876_543.0, "SEK", "SEK 9,876,543"),
    ],
)
def test_money(amount, currency, shown):
    assert fmt.money(amount, currency) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0, "0"),
        (12.34, "12.3"),
        (950, "950"),
        (12536.3, "12,536"),
        (184_000, "184k"),
        (3_240_000, "3.2M"),
        (12_500_000, "12M"),
    ],
)
def test_compact_numbers_for_narrow_cells(value, shown):
    assert fmt.compact(value) == shown


def test_step_and_lift_labels():
    assert fmt.step_label(5) == "5 No contact needed"
    assert fmt.step_label(0) == "0 Escalation or lost"
    assert fmt.lift_text(1, 4, 3) == "1 → 4 (+3)"
    assert fmt.lift_text(None, 4, None) == fmt.DASH
    assert fmt.join_words(["a", "b", "c"]) == "a, b and c"


def test_wrapped_lines_fit_and_keep_every_character():
    font = bundled_fonts().regular
    text = "Short words then " + "x" * 200 + " and the end"
    lines = wrap_lines(text, font, 7, 60)
    assert all(stringWidth(line, font, 7) <= 60 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert wrap_lines("", font, 7, 60) == [""]


def test_fit_line_cuts_with_an_ellipsis():
    font = bundled_fonts().regular
    assert fit_line("Short", font, 8, 200) == "Short"
    cut = fit_line("A rather long title " * 20, font, 8, 100)
    assert cut.endswith("…") and stringWidth(cut, font, 8) <= 100


@pytest.mark.parametrize(("stages", "tables"), [(0, 0), (1, 1), (9, 1), (12, 2), (30, 4)])
def test_heat_map_cuts_many_stages_into_even_tables(stages, tables):
    chunks = stage_chunks(stages, 493)
    assert len(chunks) == tables
    assert [i for chunk in chunks for i in chunk] == list(range(stages))
    if chunks:
        assert max(map(len, chunks)) - min(map(len, chunks)) <= 1


def test_coverage_ranges():
    coverage = Coverage.from_ranges([(65, 70), (71, 80), (100, 100), (66, 67)])
    assert coverage.starts == (65, 100) and coverage.ends == (80, 100)
    assert 65 in coverage and 80 in coverage and 100 in coverage
    assert 64 not in coverage and 81 not in coverage and 101 not in coverage


def test_to_unicode_cmap_is_reportlabs_for_the_bmp_and_utf16_beyond():
    bmp = [0x41, 0x20AC, 0x4E2D]
    assert to_unicode_cmap("F", bmp) == ttfonts.makeToUnicodeCMap("F", bmp)
    assert "<01> <D83DDCE6>" in to_unicode_cmap("F", [0x41, 0x1F4E6])


def test_staircase_draws_one_lift_per_improvement_with_its_rank():
    fonts = bundled_fonts()
    lifts = [
        Lift(1, Wave.NOW, 1, 5),
        Lift(2, Wave.NEXT, 0, 4),
        Lift(3, Wave.LATER, 2, 2),  # no lift: a circle, no arrow
        Lift(4, Wave.RECONSIDER, 3, 1),  # a drop, drawn down
    ]
    drawing = staircase_drawing(lifts, 493, fonts.regular, fonts.bold)
    texts = [s.text for s in drawing.contents if isinstance(s, String)]
    for step in range(6):
        assert fmt.STEP_NAMES[step] in texts
    for lift in lifts:
        assert str(lift.rank) in texts
    assert {"+4", "±0", "-2"} <= set(texts)
    arrow_heads = [p for p in drawing.contents if isinstance(p, Polygon)]
    assert len(arrow_heads) == 3
    rank_circles = [c for c in drawing.contents if isinstance(c, Circle) and c.r > 4]
    assert len(rank_circles) == len(lifts)
    assert drawing.width == 493
