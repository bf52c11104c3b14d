"""Contrast on a projector: every text and every mark the canvas draws reads against what
it is drawn on (WCAG 2.1 AA: 4.5:1 for text, 3:1 for marks), in every theme.

The pairs come from what each colour of the palette says it is drawn on, so a colour added
to the palette is checked as soon as it exists: without saying what it is drawn on, it fails.
"""

import pytest

from blueprint.ui import contrast, theme
from blueprint.ui.canvas import palette
from blueprint.ui.canvas.card import epic_badge_text

THEMES = [theme.LIGHT, theme.DARK]


def failures(pairs: list[contrast.Pair]) -> list[str]:
    return [
        f"{p.what}: {p.foreground} on {p.background} is {p.ratio:.2f}, needs {p.minimum}"
        for p in pairs
        if not p.reads
    ]


@pytest.mark.parametrize("chosen", THEMES, ids=lambda t: t.name)
def test_every_text_and_mark_reads_on_what_it_is_drawn_on(chosen):
    theme.use_theme(chosen)
    pairs = contrast.pairs()
    assert len(pairs) > 300  # the surfaces, the fills and every tint of the heat map
    assert failures(pairs) == []


def test_every_colour_of_the_canvas_says_what_it_is_drawn_on():
    assert contrast.colour_names() - set(contrast.declarations()) == set()
    assert set(contrast.declarations()) - contrast.colour_names() == set()


def test_a_colour_added_without_saying_fails(monkeypatch):
    monkeypatch.setattr(palette, "NEW_ACCENT", "#ffd400", raising=False)
    assert "NEW_ACCENT" in contrast.colour_names() - set(contrast.declarations())


def test_a_colour_that_does_not_read_fails(monkeypatch):
    monkeypatch.setattr(palette, "GRID_LINE", "#d5dce3")  # the grid's old line: 1.38:1
    assert any(f.startswith("GRID_LINE on CELL") for f in failures(contrast.pairs()))
    monkeypatch.setitem(palette.EPIC_SCORE, 3, "#7a7a7a")  # neither ink reads on it
    assert any(f.startswith("ink on EPIC_SCORE 3") for f in failures(contrast.pairs()))


def test_a_theme_field_is_checked_in_every_theme():
    """A colour the themes swap is declared once and checked in each of them."""
    for field in theme.LIGHT.colours():
        assert field in contrast.declarations(), field


@pytest.mark.parametrize("chosen", THEMES, ids=lambda t: t.name)
def test_the_known_failures_now_read(chosen):
    """The worst pairs the accessibility review measured, each fixed."""
    theme.use_theme(chosen)
    ratio = theme.contrast_ratio
    for score in (2, 3, 4):  # pale scores on a card: now edged, with a number on them
        fill = palette.EPIC_SCORE[score]
        assert ratio(palette.MARK_EDGE, palette.CARD) >= 3.0
        assert ratio(palette.ink_on(fill), fill) >= 4.5
    assert ratio(palette.UNSET_INK, palette.UNSET) >= 4.5  # an unscored letter
    assert ratio(palette.ink_on(palette.EPIC_SCORE[5]), palette.EPIC_SCORE[5]) >= 4.5
    assert ratio(palette.ink_on(palette.STEP[4]), palette.STEP[4]) >= 4.5
    assert ratio(palette.GRID_LINE, palette.CELL) >= 3.0
    assert ratio(palette.MARK_EDGE, palette.CARD) >= 3.0  # edges severity 4 on a dark card


@pytest.mark.parametrize("chosen", THEMES, ids=lambda t: t.name)
def test_flows_dimmed_beside_a_highlight_still_read(chosen):
    """Beside a lit improvement the other flows fell to 1.5:1 and their labels to 1.6:1:
    gone on a projector, the journey with them."""
    from blueprint.ui.canvas.flow_item import DIMMED

    theme.use_theme(chosen)
    from blueprint.contrast import mix

    ratio = theme.contrast_ratio
    for line in (palette.FLOW, palette.CHANNEL_SWITCH):
        assert ratio(mix(line, palette.CANVAS, DIMMED), palette.CANVAS) >= 3.0
        assert ratio(mix(line, palette.CANVAS, DIMMED), palette.CELL) >= 3.0
    assert ratio(mix(palette.INK, palette.CARD, DIMMED), palette.CARD) >= 4.5


def test_an_epic_badge_says_its_score_not_only_its_colour():
    assert epic_badge_text("E", 4) == "E4"
    assert epic_badge_text("P", None) == "P–"
