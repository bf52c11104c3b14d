"""The pieces of the report, one at a time: formats, line breaking, cmaps, the staircase."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Circle, Polygon, String
from reportlab.lib import colors
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth

from blueprint.analysis import Wave
from blueprint.contrast import contrast_ratio
from blueprint.report import formatting as fmt
from blueprint.report import palette
from blueprint.report.cmap import Coverage
from blueprint.report.compat import to_unicode_cmap
from blueprint.report.document import fit_line
from blueprint.report.fonts import bundled_fonts
from blueprint.report.heatmap import stage_chunks
from blueprint.report.staircase import LABEL_WIDTH, LEGEND_HEIGHT, Lift, staircase_drawing
from blueprint.report.styles import WAVE_COLOURS
from blueprint.report.text import wrap_lines


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (179402.4, "EUR", "€ 179,402"),
        (662885.2, "GBP", "£ 662,885"),
        (0, "USD", "$ 0"),
        (1234.5, "CHF", "CHF 1,235"),  # a half rounds up, as a reader rounds it
        (9_876_543.0, "SEK", "SEK 9,876,543"),
    ],
)
def test_money(amount, currency, shown):
    assert fmt.money(amount, currency) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (9 / 4, "2.3"),  # Python's round and format make it 2.2
        (43 / 20, "2.2"),  # 2.15 exactly as a mean, a float a hair below it
        (2.5 / 10, "0.3"),
        (-2.25, "-2.3"),
        (-0.04, "0.0"),  # no "-0.0"
        (1234.56, "1,234.6"),
    ],
)
def test_decimals_round_a_half_away_from_zero(value, shown):
    assert fmt.decimal(value) == shown


@pytest.mark.parametrize(("value", "shown"), [(2.5, "3"), (3.5, "4"), (-2.5, "-3"), (2.49, "2")])
def test_whole_numbers_round_a_half_away_from_zero(value, shown):
    assert fmt.whole(value) == shown


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        ((0.25 + 0.20) / 2, "23%"),  # a persona's channel fit of 22.5%: Python made it 22%
        (10.5 / 84, "13%"),  # a failure-demand share of 12.5%
        (0.145, "15%"),  # 14.499999999999998 as a float times 100
        (1 / 3, "33%"),
        (0.0, "0%"),
    ],
)
def test_percentages_round_a_half_up_as_every_other_number(share, shown):
    assert fmt.percent(share) == shown


def test_heat_map_numbers_read_on_every_shade_of_the_scale():
    for i in range(1001):
        fill = palette.heat_hex(i / 1000)
        assert contrast_ratio(palette.heat_ink(i / 1000), fill) >= 4.5, fill


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
        (999_000_000, "999M"),
        (1_240_000_000, "1.2bn"),  # "1,240M"
        (41_000_000_000, "41bn"),
        (3_200_000_000_000, "3.2tn"),
        (486_666_667_000_000, "487tn"),  # "486,666,667M": a trillion contacts a day
        # Rare friction: every priority read "0.0", a ranking with no visible ground.
        (0.0012, "0.0012"),
        (0.04, "0.040"),
        (0.05, "0.1"),
        (3e-9, "<0.000001"),
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
    # A word broken between letters says so with a hyphen, and loses nothing.
    assert "".join(line.removesuffix("-") for line in lines).replace(" ", "") == text.replace(
        " ", ""
    )
    assert wrap_lines("", font, 7, 60) == [""]


def test_a_word_too_wide_is_broken_with_a_hyphen_and_no_letter_left_alone():
    """ "Head of Revenue Managemen / t", "Compensat / ion": a narrow column broke words
    anywhere, unmarked."""
    font = bundled_fonts().regular
    width = stringWidth("Managemen", font, 7) + 1
    lines = wrap_lines("Management", font, 7, width)
    assert len(lines) == 2 and lines[0].endswith("-")
    assert all(len(line.removesuffix("-")) >= 3 for line in lines)
    assert all(stringWidth(line, font, 7) <= width for line in lines)
    # A letter wider than the line goes alone, as the last one may (it raised IndexError).
    assert "".join(line.removesuffix("-") for line in wrap_lines("Wm", font, 8, 1)) == "Wm"
    # Not between a letter and a digit or a sign: an address stays as typed, but for the break.
    assert not any(line.endswith("-") for line in wrap_lines("0123456789" * 3, font, 7, 30))


def test_the_rest_of_a_word_that_exactly_fills_the_line_is_not_cut_again():
    """The pieces are measured with a running total (summing the rest of the word at each
    piece took minutes on a long one); its rounding cut a rest that exactly filled the line
    once more. The pieces are those of the rest measured afresh at each piece."""
    import random

    from blueprint.report import text

    def measured_afresh(word: str, size: float, width: float) -> list[str]:
        widths = [stringWidth(c, "Helvetica", size) for c in word]
        hyphen = stringWidth("-", "Helvetica", size)
        pieces, start = [], 0
        while sum(widths[start:]) > width:
            end, used = start, 0.0
            while end < len(word) and used + widths[end] + hyphen <= width:
                used += widths[end]
                end += 1
            end = max(end, start + 1)
            if end >= len(word):
                break
            tail = len(word) - end
            if 0 < tail < text._LEAST_PIECE and end - start > 2 * text._LEAST_PIECE:
                end = len(word) - text._LEAST_PIECE
            joined = word[end - 1].isalpha() and word[end].isalpha()
            pieces.append(word[start:end] + ("-" if joined else ""))
            start = end
        pieces.append(word[start:])
        return pieces

    chance = random.Random(1)
    for _ in range(4000):
        word = "".join(chance.choice("abcdefghijklmnopqrstuvwxyzWMil.1") for _ in range(80))
        size = chance.choice([7, 8, 9, 10, 11.5, 12])
        widths = [stringWidth(c, "Helvetica", size) for c in word]
        width = sum(widths[chance.randrange(len(word)) :])  # a rest fills the line exactly
        assert text._break_word(word, "Helvetica", size, width) == measured_afresh(
            word, size, width
        ), word


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
    arrow_heads = [p for p in drawing.contents if isinstance(p, Polygon) and len(p.points) == 6]
    assert len(arrow_heads) == 3
    assert drawing.width == 493


def test_each_wave_has_its_own_mark_so_that_waves_differ_without_colour():
    fonts = bundled_fonts()
    lifts = [Lift(1, Wave.NOW, 1, 5), Lift(2, Wave.NEXT, 0, 4), Lift(3, Wave.LATER, 1, 3)]
    lifts.append(Lift(4, Wave.RECONSIDER, 1, 4))
    drawing = staircase_drawing(lifts, 493, fonts.regular, fonts.bold)
    marks = [  # above the legend, which shows each mark too
        shape
        for shape in drawing.contents
        if (isinstance(shape, Circle) and shape.cy > LEGEND_HEIGHT)
        or (
            isinstance(shape, Polygon)
            and len(shape.points) == 8
            and shape.points[1] > LEGEND_HEIGHT
        )
    ]
    assert len(marks) == 4  # one per lift, in rank order
    now, next_, later, reconsider = marks
    assert isinstance(now, Circle) and now.fillColor == WAVE_COLOURS[Wave.NOW]
    xs, ys = next_.points[0::2], next_.points[1::2]
    assert len(set(xs)) == 2 and len(set(ys)) == 2  # a square
    xs = later.points[0::2]
    assert len(set(xs)) == 3  # a diamond: a corner left, right and two in the middle
    assert isinstance(reconsider, Circle) and reconsider.fillColor == colors.white  # hollow
    assert reconsider.strokeColor == WAVE_COLOURS[Wave.RECONSIDER]
    number = next(
        s
        for s in drawing.contents
        if isinstance(s, String) and (s.text, s.x) == ("4", reconsider.cx)
    )
    assert number.fillColor == WAVE_COLOURS[Wave.RECONSIDER]  # the number reads on white


def test_every_step_name_fits_beside_the_stairs():
    fonts = bundled_fonts()
    drawing = staircase_drawing([], 493, fonts.regular, fonts.bold)
    for name in fmt.STEP_NAMES.values():
        label = next(s for s in drawing.contents if isinstance(s, String) and s.text == name)
        width = stringWidth(label.text, label.fontName, label.fontSize)
        assert label.x + width <= LABEL_WIDTH - 2, name


def test_a_change_subtracts_as_the_values_shown_do():
    """86,853 -> 60,579 read 'change -26,273': the values before rounding differ by
    26,273.2, but a reader subtracts what is printed."""
    from blueprint.changes import Change
    from blueprint.changes.compare import FRICTION_COST, FRICTION_IMPACT, LOST_JOURNEYS
    from blueprint.report.comparison_text import change_sentence, delta_text

    impact = Change(FRICTION_IMPACT, 86_852.6, 60_579.4)
    assert delta_text(impact, "GBP") == "-26,274"
    assert change_sentence(impact, "GBP") == (
        "Friction impact falls by 26,274, from 86,853 to 60,579."
    )
    cost = Change(FRICTION_COST, 1_000.5, 400.4)
    assert delta_text(cost, "GBP") == "-£ 601"  # £ 1,001 -> £ 400
    assert delta_text(Change(LOST_JOURNEYS, 480.0, 0.0), "GBP") == "-480"


def _cell_right():
    from blueprint.report.styles import make_styles

    return make_styles(bundled_fonts()).cell_right


def test_a_number_too_wide_for_its_column_goes_over_lines_at_its_spaces():
    from blueprint.report.tables import number_cell

    style = _cell_right()
    room = stringWidth("34,086,456", style.fontName, style.fontSize) + 1
    assert number_cell("12,536", style, room) == "12,536"
    assert number_cell("JPY 34,086,456", style, room) == "JPY\n34,086,456"
    assert number_cell("≥ JPY 16,118,080", style, room) == "≥ JPY\n16,118,080"


def test_a_number_wider_than_its_column_is_set_smaller_never_broken_between_digits():
    from blueprint.report.tables import number_cell

    style = _cell_right()
    room = 40.0
    cell = number_cell("IDR 3,416,400,000,000", style, room)
    cell.wrap(room, 1000)
    lines = ["".join(word.text for word in line.words) for line in cell.blPara.lines]
    assert lines == ["IDR", "3,416,400,000,000"]
    size = cell.style.fontSize
    assert size < style.fontSize
    assert stringWidth("3,416,400,000,000", style.fontName, size) <= room


def test_an_amount_that_rounds_to_nothing_is_not_nothing():
    """0.001 contacts a year at € 6.50 read "would avoid about € 0 a year"."""
    assert fmt.money(0.3, "EUR") == "under € 1"
    assert fmt.money(0, "EUR") == "€ 0" and fmt.money(0.5, "EUR") == "€ 1"
    from blueprint.analysis import build_plan
    from blueprint.report.saving import saving_sentence
    from tests.factories import small_blueprint

    bp = small_blueprint()
    bp.frictions[0].frequency.count = 0.001
    bp.frictions[0].frequency.per = "year"
    said = saving_sentence(build_plan(bp), {}, bp.currency)
    assert said.startswith("would avoid under € 1 a year in contacts")
