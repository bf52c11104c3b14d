"""The canvas highlight: what another view points at (an improvement's friction points and
touchpoints) is marked on the canvas, and the rest fades a little."""

import pytest

from blueprint.contrast import contrast_ratio, mix
from blueprint.model import Blueprint
from blueprint.model.states import current_state
from blueprint.ui.canvas import palette
from blueprint.ui.canvas.emphasis import PLAIN
from blueprint.ui.commands import EditTouchpoint
from blueprint.ui.overlays.card_emphasis import BESIDE_HIGHLIGHT
from blueprint.ui.theme import DARK, LIGHT
from tests.ui.test_overlays import edit_and_wait, scene_of, untouched, view_action
from tests.ui.window_helpers import close_quietly, shown_window


@pytest.fixture
def window(qtbot, document):
    window = shown_window(qtbot, document)
    yield window
    close_quietly(window)


def marked(window) -> set[str]:
    return {
        tp_id
        for tp_id, card in scene_of(window).cards().items()
        if card.emphasis.outline == palette.HIGHLIGHT
    }


def ringed(window) -> set[str]:
    return {f for card in scene_of(window).cards().values() for f in card.emphasis.marked_frictions}


def test_highlight_marks_exactly_the_given_cards_and_friction_points(window, broadband):
    frictions = ["fr-cold-transfer", "fr-slot-moved-silently"]
    window.overlays.highlight(["tp-status-chat"], frictions)
    cards = {"tp-status-chat", "tp-first-agent-call", "tp-second-agent-call"}
    assert marked(window) == cards
    assert ringed(window) == set(frictions)
    for tp in current_state(broadband).touchpoints:  # the canvas shows today's journey
        opacity = scene_of(window).card(tp.id).opacity()
        assert opacity == (1.0 if tp.id in cards else BESIDE_HIGHLIGHT), tp.id
    # The other friction point of a highlighted card is not ringed.
    agent = scene_of(window).card("tp-first-agent-call")
    assert agent.emphasis.marked_frictions == {"fr-cold-transfer"}
    assert untouched(window)


def test_empty_lists_clear_the_highlight(window):
    window.overlays.highlight(["tp-status-chat"], ["fr-cold-transfer"])
    assert marked(window)
    window.overlays.highlight([], [])
    assert marked(window) == set() and ringed(window) == set()
    assert all(card.emphasis == PLAIN for card in scene_of(window).cards().values())


def test_a_highlighted_card_is_drawn_with_a_strong_outline(window):
    card = scene_of(window).card("tp-status-chat")
    plain_bounds = card.boundingRect()
    window.overlays.highlight(["tp-status-chat"], [])
    assert card.boundingRect().contains(plain_bounds)
    assert card.boundingRect() != plain_bounds  # room for the outline around the card
    assert card.far_colour == palette.HIGHLIGHT  # far out, the card's box is the highlight colour


def test_the_highlight_stays_through_edits_and_overlays(qtbot, window, document):
    window.overlays.highlight(["tp-status-chat"], [])
    edit_and_wait(qtbot, window, EditTouchpoint(document, "tp-status-chat", "title", "Chat"))
    view_action(window, "EPIC Colours").trigger()
    assert marked(window) == {"tp-status-chat"}
    assert scene_of(window).card("tp-status-chat").emphasis.fill is not None


def test_ids_unknown_to_the_blueprint_mark_nothing_and_fade_nothing(window):
    window.overlays.highlight(["no-such-card"], ["no-such-friction"])
    assert marked(window) == set()
    assert all(card.opacity() == 1 for card in scene_of(window).cards().values())


def test_opening_another_blueprint_forgets_the_highlight(qtbot, window):
    window.overlays.highlight(["tp-status-chat"], [])
    with qtbot.waitSignal(window.live_plan.changed):
        window.document.reset(Blueprint(title="Other"))
    assert window.overlays.highlighted.touchpoint_ids == frozenset()


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_a_card_beside_a_highlighted_one_keeps_its_title_readable(theme):
    """A dimmed card is drawn see-through over its cell: its title read at 3:1 (0.5)."""
    for cell in (theme.CELL, theme.CELL_ALTERNATE):
        title = mix(cell, theme.INK, BESIDE_HIGHLIGHT)
        face = mix(cell, theme.CARD, BESIDE_HIGHLIGHT)
        assert contrast_ratio(title, face) >= 4.5
