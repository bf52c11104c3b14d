"""The filter bar: by persona (with the plan's views), by friction kind and by severity.

What does not match fades; the document never changes.
"""

import pytest
from PySide6.QtCore import Qt

from blueprint.analysis.plan import applies_to
from blueprint.model import FrictionKind
from blueprint.model.states import current_state
from blueprint.ui.canvas.emphasis import PLAIN
from blueprint.ui.commands import EditFriction, RemovePersona
from blueprint.ui.overlays.card_emphasis import FILTERED_OUT
from blueprint.ui.overlays.filters import ALL_KINDS, ALL_SEVERITIES, FrictionFilter
from tests.ui.test_overlays import edit_and_wait, scene_of, untouched, view_action
from tests.ui.window_helpers import close_quietly, shown_window


@pytest.fixture
def window(qtbot, document):
    window = shown_window(qtbot, document)
    yield window
    close_quietly(window)


def bar(window):
    return window.overlays.bar


def choose(qtbot, combo, text):
    """Pick an entry as a user does from the keyboard: focus the box, Down opens its list,
    arrow down to the entry, Enter."""
    from PySide6.QtWidgets import QApplication

    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    for _ in range(index):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert combo.currentText() == text


def faded(window) -> set[str]:
    return {tp_id for tp_id, card in scene_of(window).cards().items() if card.opacity() < 1}


def test_the_persona_filter_fades_exactly_the_touchpoints_that_do_not_apply(
    qtbot, window, broadband
):
    persona = broadband.personas[2]  # Older first-time fibre customer
    box = bar(window).persona
    assert [box.itemText(i) for i in range(box.count())] == [
        "All customers",
        *(p.name for p in broadband.personas),
    ]
    choose(qtbot, box, persona.name)
    expected = {t.id for t in broadband.touchpoints if not applies_to(t.persona_ids, persona.id)}
    assert expected and faded(window) == expected
    assert {scene_of(window).card(i).opacity() for i in expected} == {FILTERED_OUT}
    # The plan's views follow: the live plan is now the persona's.
    assert window.live_plan.persona_id == persona.id
    assert window.live_plan.plan.persona_id == persona.id
    assert untouched(window)
    choose(qtbot, box, "All customers")
    assert faded(window) == set() and window.live_plan.persona_id is None


def test_the_persona_box_follows_a_persona_chosen_elsewhere(qtbot, window, broadband):
    persona = broadband.personas[1]
    window.live_plan.set_persona(persona.id)
    assert bar(window).persona.currentText() == persona.name
    assert faded(window) == {
        t.id for t in broadband.touchpoints if not applies_to(t.persona_ids, persona.id)
    }


def test_removing_the_chosen_persona_shows_everyone_again(qtbot, window, broadband):
    persona = broadband.personas[2]
    choose(qtbot, bar(window).persona, persona.name)
    edit_and_wait(qtbot, window, RemovePersona(window.document, persona.id))
    assert bar(window).persona.currentText() == "All customers"
    assert persona.name not in [bar(window).persona.itemText(i) for i in range(3)]
    assert faded(window) == set()


def test_the_kind_filter_fades_cards_and_markers_without_that_kind(qtbot, window, broadband):
    choose(qtbot, bar(window).kind, "Failure")
    today = current_state(broadband)  # the canvas shows today's journey
    with_failure = {f.touchpoint_id for f in today.frictions if f.kind == FrictionKind.FAILURE}
    assert faded(window) == {t.id for t in today.touchpoints} - with_failure
    # A card with a failure and a deliberate check: only the check's marker fades.
    card = scene_of(window).card("tp-online-checkout")
    assert card.opacity() == 1
    assert card.emphasis.faded_frictions == {"fr-checkout-contract-review"}
    assert window.overlays.friction_filter == FrictionFilter(FrictionKind.FAILURE, 1)
    assert untouched(window)


def test_the_severity_filter_keeps_what_is_at_least_that_severe(qtbot, window, broadband):
    choose(qtbot, bar(window).severity, "3 serious or worse")
    today = current_state(broadband)
    severe = {f.touchpoint_id for f in today.frictions if f.severity >= 3}
    assert faded(window) == {t.id for t in today.touchpoints} - severe
    card = scene_of(window).card("tp-first-agent-call")  # a severity 3 and a 1
    assert card.opacity() == 1
    assert card.emphasis.faded_frictions == {"fr-identity-check-reschedule"}


def test_kind_and_severity_filters_combine(qtbot, window, broadband):
    choose(qtbot, bar(window).kind, "Slowdown")
    choose(qtbot, bar(window).severity, "3 serious or worse")
    today = current_state(broadband)
    matching = {
        f.touchpoint_id
        for f in today.frictions
        if f.kind == FrictionKind.SLOWDOWN and f.severity >= 3
    }
    assert matching == {"tp-complaint"}
    assert faded(window) == {t.id for t in today.touchpoints} - matching


def test_the_filters_follow_an_edit(qtbot, window, document):
    choose(qtbot, bar(window).kind, "Failure")
    assert "tp-ivr-status" in faded(window)
    edit_and_wait(
        qtbot,
        window,
        EditFriction(document, "fr-ivr-no-install-option", "kind", FrictionKind.FAILURE),
    )
    assert "tp-ivr-status" not in faded(window)


def test_show_all_clears_every_filter(qtbot, window, broadband):
    choose(qtbot, bar(window).persona, broadband.personas[0].name)
    choose(qtbot, bar(window).kind, "Disruption")
    choose(qtbot, bar(window).severity, "4 blocks the customer")
    assert faded(window)
    qtbot.mouseClick(bar(window).reset, Qt.MouseButton.LeftButton)
    assert faded(window) == set()
    assert all(c.emphasis == PLAIN for c in scene_of(window).cards().values())
    assert bar(window).persona.currentText() == "All customers"
    assert bar(window).kind.currentText() == ALL_KINDS
    assert bar(window).severity.currentText() == ALL_SEVERITIES
    assert window.live_plan.persona_id is None
    assert untouched(window)


def test_the_show_all_action_is_in_the_view_menu(qtbot, window):
    choose(qtbot, bar(window).kind, "Hesitation")
    assert faded(window)
    view_action(window, "Show All").trigger()
    assert faded(window) == set()


def test_far_out_a_filtered_card_is_drawn_faded(qtbot, window, broadband):
    """The overview paints the cards when zoomed far out: it fades them too."""
    window.canvas.set_zoom(0.1)
    scene = scene_of(window)
    assert scene.overview_shown
    before = scene.card("tp-store-advice").far_colour
    choose(qtbot, bar(window).persona, broadband.personas[1].name)  # not in the store
    after = scene.card("tp-store-advice").far_colour
    assert after != before
    assert scene.card("tp-store-advice").opacity() == FILTERED_OUT


def test_the_arrows_on_a_filter_open_its_list_and_change_nothing_until_enter(qtbot, window):
    """Tab into the persona filter, Down: the canvas faded to one persona at once, unsaid,
    as a keyboard user walked past."""
    from PySide6.QtWidgets import QApplication

    combo = window.overlays.bar.persona
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    assert combo.currentIndex() == 0
    assert window.live_plan.persona_id is None
    view = combo.view()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert combo.currentIndex() == 1
    assert window.live_plan.persona_id == combo.currentData()
    assert any(card.opacity() == FILTERED_OUT for card in scene_of(window).cards().values())


def test_a_screen_reader_hears_which_cards_a_filter_faded(qtbot, window, broadband):
    """With the persona filter on, four cards faded on screen but read exactly like the
    others."""
    from PySide6.QtGui import QAccessible

    persona = broadband.personas[2]
    choose(qtbot, bar(window).persona, persona.name)
    gone = faded(window)
    assert gone
    canvas = QAccessible.queryAccessibleInterface(window.canvas)
    for i in range(canvas.childCount()):
        card = canvas.child(i)
        description = card.text(QAccessible.Text.Description)
        tp = next(t for t in broadband.touchpoints if t.title == card.text(QAccessible.Text.Name))
        assert description.startswith("Faded.") == (tp.id in gone), tp.title
