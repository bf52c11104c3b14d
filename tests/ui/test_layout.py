"""The canvas layout, a pure function of the model: tested without Qt."""

import subprocess
import sys

from blueprint.model import Blueprint, Stage, Touchpoint
from blueprint.ui.canvas.layout import (
    CARD_GAP,
    CARD_HEIGHT,
    CARD_WIDTH,
    CELL_PADDING,
    EMPTY_ROW_HEIGHT,
    HEADER_HEIGHT,
    MIN_STACK,
    ROW_HEADER_WIDTH,
    SIDE_PADDING,
    Slot,
    compute_layout,
    drop_slot,
)
from tests.factories import small_blueprint


def overlaps(a, b) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def with_cards(bp: Blueprint, stage: str, channel: str, count: int) -> Blueprint:
    extra = [
        Touchpoint(id=f"n{i}", title=f"N{i}", stage_id=stage, channel_id=channel)
        for i in range(count)
    ]
    return bp.model_copy(update={"touchpoints": bp.touchpoints + extra})


def test_columns_follow_stages_and_rows_follow_channels():
    layout = compute_layout(small_blueprint())
    assert list(layout.columns) == ["s1", "s2"]
    assert list(layout.rows) == ["web", "phone", "esc"]
    assert layout.columns["s1"].start == ROW_HEADER_WIDTH
    assert layout.rows["web"].start == HEADER_HEIGHT
    assert layout.columns["s2"].start == layout.columns["s1"].end
    assert layout.width == layout.columns["s2"].end
    assert layout.height == layout.rows["esc"].end


def test_every_card_sits_inside_its_cell(broadband):
    layout = compute_layout(broadband)
    assert len(layout.cards) == len(broadband.touchpoints)
    for tp in broadband.touchpoints:
        card, cell = layout.cards[tp.id], layout.cell(tp.stage_id, tp.channel_id)
        assert cell.x < card.x and card.right < cell.right
        assert cell.y < card.y and card.bottom < cell.bottom


def test_cards_never_overlap_however_full_a_cell_is(broadband):
    stage, channel = broadband.stages[2].id, broadband.channels[5].id
    layout = compute_layout(with_cards(broadband, stage, channel, 8))
    cards = list(layout.cards.values())
    assert not any(overlaps(a, b) for i, a in enumerate(cards) for b in cards[i + 1 :])


def test_a_full_cell_grows_its_row_then_its_column():
    bp = small_blueprint()
    base = compute_layout(bp)
    taller = compute_layout(with_cards(bp, "s1", "web", MIN_STACK - 1))
    assert taller.rows["web"].size == base.rows["web"].size + (MIN_STACK - 1) * (
        CARD_HEIGHT + CARD_GAP
    )
    assert taller.columns["s1"].size == base.columns["s1"].size
    wider = compute_layout(with_cards(bp, "s1", "web", MIN_STACK))
    assert wider.columns["s1"].size == base.columns["s1"].size + CARD_WIDTH + CARD_GAP
    assert wider.rows["web"].size == taller.rows["web"].size


def test_a_very_full_cell_stacks_higher_so_the_grid_stays_near_square():
    layout = compute_layout(with_cards(small_blueprint(), "s1", "web", 59))  # 60 cards
    assert layout.stack == 6
    assert layout.rows["web"].size == 2 * CELL_PADDING + 6 * CARD_HEIGHT + 5 * CARD_GAP
    assert layout.columns["s1"].size == 2 * SIDE_PADDING + 10 * CARD_WIDTH + 9 * CARD_GAP


def test_cards_of_a_cell_follow_document_order_top_to_bottom():
    layout = compute_layout(with_cards(small_blueprint(), "s1", "web", 2))
    ys = [layout.cards[i].y for i in ("t1", "n0", "n1")]
    assert ys == sorted(ys) and len(set(ys)) == 3
    assert layout.slots["n1"] == Slot("s1", "web", 2)


def test_an_empty_channel_stays_low():
    bp = small_blueprint()
    bp.touchpoints = [t for t in bp.touchpoints if t.channel_id != "esc"]
    assert compute_layout(bp).rows["esc"].size == EMPTY_ROW_HEIGHT


def test_an_empty_blueprint_still_has_its_headers():
    bp = Blueprint(stages=[Stage(id="only", name="Only")])
    layout = compute_layout(bp)
    assert layout.cards == {} and layout.rows == {}
    assert (layout.width, layout.height) == (layout.columns["only"].end, HEADER_HEIGHT)


def test_cell_at_finds_the_cell_under_a_point():
    layout = compute_layout(small_blueprint())
    x, y = layout.cell("s2", "phone").center
    assert layout.cell_at(x, y) == ("s2", "phone")
    assert layout.cell_at(5, 5) is None


def test_dropping_a_card_on_another_cell_puts_it_before_the_card_below_the_point():
    layout = compute_layout(with_cards(small_blueprint(), "s2", "phone", 2))  # t2, n0, n1
    first = layout.cards["t2"]
    assert drop_slot(layout, first.x + 10, first.y + 5, "t1") == Slot("s2", "phone", 0)
    assert drop_slot(layout, first.x + 10, first.bottom - 5, "t1") == Slot("s2", "phone", 1)
    below = layout.cell("s2", "phone").bottom - 2
    assert drop_slot(layout, first.x + 10, below, "t1") == Slot("s2", "phone", 3)


def test_dropping_a_card_lower_in_its_own_cell_counts_the_others_only():
    layout = compute_layout(with_cards(small_blueprint(), "s2", "phone", 2))  # t2, n0, n1
    n0 = layout.cards["n0"]
    # t2 dropped on the lower half of n0: after n0, i.e. index 1 among [n0, n1].
    assert drop_slot(layout, n0.x + 10, n0.bottom - 5, "t2") == Slot("s2", "phone", 1)
    # dropped where it is: index 0, nothing moves
    t2 = layout.cards["t2"]
    assert drop_slot(layout, *t2.center, "t2") == Slot("s2", "phone", 0)


def test_dropping_outside_the_cells_is_nowhere():
    layout = compute_layout(small_blueprint())
    assert drop_slot(layout, 5, 300, "t1") is None
    assert drop_slot(layout, layout.width + 50, 300, "t1") is None


def test_the_layout_module_loads_no_qt():
    code = (
        "import sys, blueprint.ui.canvas.layout\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
