"""Where the arrow keys go on the grid, from the layout alone (no Qt)."""

from blueprint.model import Touchpoint
from blueprint.ui.canvas.layout import compute_layout
from blueprint.ui.canvas.navigation import Direction, Place, first_place, place_of, step
from tests.factories import small_blueprint

LEFT, RIGHT, UP, DOWN = Direction.LEFT, Direction.RIGHT, Direction.UP, Direction.DOWN


def small_layout(extra_in_s1_web: int = 0):
    """Stages s1, s2; channels web, phone, esc; t1 in (s1, web), t2 (s2, phone), t3 (s2, esc);
    ``extra_in_s1_web`` more cards after t1, e1, e2, ..."""
    blueprint = small_blueprint()
    for i in range(extra_in_s1_web):
        blueprint.touchpoints.append(
            Touchpoint(id=f"e{i + 1}", title=f"Extra {i + 1}", stage_id="s1", channel_id="web")
        )
    return compute_layout(blueprint)


def test_an_arrow_goes_to_the_neighbouring_cell_or_its_card():
    layout = small_layout()
    t1 = place_of(layout, "t1")
    assert step(layout, t1, RIGHT) == Place("s2", "web")  # an empty cell
    assert step(layout, t1, DOWN) == Place("s1", "phone")
    assert step(layout, Place("s2", "web"), DOWN) == Place("s2", "phone", "t2")
    assert step(layout, place_of(layout, "t2"), DOWN) == Place("s2", "esc", "t3")
    assert step(layout, place_of(layout, "t3"), UP) == Place("s2", "phone", "t2")
    assert step(layout, place_of(layout, "t2"), LEFT) == Place("s1", "phone")


def test_at_the_grid_edge_there_is_nowhere_to_go():
    layout = small_layout()
    t1 = place_of(layout, "t1")
    assert step(layout, t1, LEFT) is None
    assert step(layout, t1, UP) is None
    assert step(layout, place_of(layout, "t3"), DOWN) is None
    assert step(layout, Place("s2", "esc", "t3"), RIGHT) is None


def test_within_a_cell_the_arrows_follow_its_columns_of_cards():
    layout = small_layout(extra_in_s1_web=4)  # t1 e1 e2 | e3 e4, three to a column
    assert layout.stack == 3
    assert step(layout, place_of(layout, "t1"), DOWN).touchpoint_id == "e1"
    assert step(layout, place_of(layout, "e1"), RIGHT).touchpoint_id == "e4"
    assert step(layout, place_of(layout, "e2"), RIGHT).touchpoint_id == "e4"  # shorter column
    assert step(layout, place_of(layout, "e3"), LEFT).touchpoint_id == "t1"
    assert step(layout, place_of(layout, "e3"), UP) is None  # the top row, the top channel
    assert step(layout, place_of(layout, "e4"), RIGHT) == Place("s2", "web")
    assert step(layout, place_of(layout, "e2"), DOWN) == Place("s1", "phone")


def test_entering_a_cell_lands_on_the_nearest_card():
    layout = small_layout(extra_in_s1_web=4)
    # From the right, into the last column; from below, into the bottom of the column.
    assert step(layout, Place("s2", "web"), LEFT).touchpoint_id == "e3"
    assert step(layout, Place("s1", "phone"), UP).touchpoint_id == "e2"


def test_a_card_or_cell_no_longer_in_the_grid_goes_nowhere():
    layout = small_layout()
    assert step(layout, Place("gone", "web"), RIGHT) is None
    assert step(layout, Place("s1", "web", "gone"), RIGHT) is None


def test_the_keys_start_at_the_top_left_cell():
    assert first_place(small_layout()) == Place("s1", "web", "t1")
