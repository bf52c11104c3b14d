"""Where a dragged header lands: the gap nearest the pointer, and the index that gives."""

from blueprint.ui.canvas.layout import Band
from blueprint.ui.structure.drop_position import drop_target
from blueprint.ui.structure.labels import unique_name

# Three columns 100 wide, from x = 0.
BANDS = {"a": Band(0, 100), "b": Band(100, 100), "c": Band(200, 100)}


def test_dropping_on_the_first_half_of_a_column_puts_it_before():
    target = drop_target(BANDS, "c", 30)
    assert (target.gap, target.boundary, target.index) == (0, 0, 0)
    assert target.moves


def test_dropping_past_the_middle_of_the_last_column_puts_it_at_the_end():
    target = drop_target(BANDS, "a", 260)
    assert (target.gap, target.boundary, target.index) == (3, 300, 2)


def test_the_gaps_either_side_of_the_dragged_column_change_nothing():
    assert not drop_target(BANDS, "b", 70).moves  # between a and b
    assert not drop_target(BANDS, "b", 130).moves  # over its own first half
    assert not drop_target(BANDS, "b", 230).moves  # between b and c
    assert drop_target(BANDS, "b", 260).index == 2


def test_far_outside_the_grid_means_the_first_or_last_place():
    assert drop_target(BANDS, "b", -500).index == 0
    assert drop_target(BANDS, "b", 5000).index == 2


def test_new_names_never_clash():
    assert unique_name("New stage", ["Awareness"]) == "New stage"
    assert unique_name("New stage", ["new stage", "New stage 2 "]) == "New stage 3"
