"""The colours people pick read on the cards and carry their name labels."""

import pytest

from blueprint.ui.canvas import palette
from blueprint.ui.live.presence import FALLBACK, PEER_COLOURS, readable_colour


@pytest.mark.parametrize("name", [*PEER_COLOURS, "fallback"])
def test_a_ring_stands_out_on_a_card_and_its_label_reads(name):
    colour = PEER_COLOURS.get(name, FALLBACK)
    assert palette.contrast_ratio(colour, palette.CARD) >= 3.0  # a ring: a graphic
    assert palette.contrast_ratio(palette.ink_on(colour), colour) >= 4.5  # the name: text


def test_a_colour_from_the_network_that_is_not_one_is_drawn_grey():
    assert readable_colour("#1F5FBF") == "#1f5fbf"
    assert readable_colour("red; drop table") == FALLBACK
    assert readable_colour("") == FALLBACK
