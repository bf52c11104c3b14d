"""The channels a persona prefers, on the grid: the preferred cells outlined in the persona's
colour and the stages that miss them flagged, following the persona filter."""

import pytest
from PySide6.QtCore import Qt

from blueprint.ui.canvas import palette
from blueprint.ui.document import Document
from tests.ui.editing_helpers import close_window, open_window, pick_from_popup, tools
from tests.ui.test_overlays import overlays, roomy_window, scene_of, view_action
from tests.ui.test_overlays_filters import bar, choose
from tests.ui.text_helpers import shown_as
from tests.ui.window_helpers import close_quietly, shown_window


@pytest.fixture
def window(qtbot, document):
    window = shown_window(qtbot, document)
    yield window
    close_quietly(window)


def names(window):
    bp = window.document.blueprint
    return {s.name: s.id for s in bp.stages} | {c.name: c.id for c in bp.channels}


def outlined(window) -> dict[str, tuple[str, str]]:
    """stage name -> (preferred channel name, colour) as the grid draws them."""
    bp = window.document.blueprint
    stage = {s.id: s.name for s in bp.stages}
    channel = {c.id: c.name for c in bp.channels}
    outlines = window.overlays.preferred.outlines()
    return {stage[s]: (channel[o.channel_id], o.fill) for s, o in outlines.items()}


def flagged(window) -> dict[str, str]:
    """stage name -> the fit its header's flag shows."""
    stage = {s.id: s.name for s in window.document.blueprint.stages}
    return {stage[s]: f.fit_text for s, f in window.overlays.preferred.flags().items()}


def test_the_outline_follows_the_persona_filter(qtbot, window, broadband):
    assert outlined(window) == {} and flagged(window) == {}  # every customer: nothing
    family, _worker, older = broadband.personas
    choose(qtbot, bar(window).persona, family.name)
    colour = palette.persona_colour(0)
    assert outlined(window) == {
        "Purchase": ("Website / account", colour),
        "Support": ("Mobile app", colour),
    }
    # The journey gives the family no app at Support (0 of its 6 touchpoints there).
    assert flagged(window) == {"Support": "0%"}
    tip = window.overlays.preferred.flags()[names(window)["Support"]].toolTip()
    assert "prefers Mobile app at Support" in tip
    assert "Fit 0%: 0 of 6" in tip
    assert "Channels the journey uses here: Help centre / FAQ" in tip
    assert "Pushed off the preferred channel: 0 a month" in tip

    choose(qtbot, bar(window).persona, older.name)
    colour = palette.persona_colour(2)
    assert outlined(window) == {
        "Intent": ("Store / branch", colour),
        "Fulfilment": ("Phone with an agent", colour),
        "Support": ("Phone with an agent", colour),
    }
    assert flagged(window) == {}  # the journey offers a phone or a store wherever it wants

    choose(qtbot, bar(window).persona, "All customers")
    assert outlined(window) == {} and flagged(window) == {}


def test_the_outline_sits_on_the_preferred_cell(qtbot, window, broadband):
    choose(qtbot, bar(window).persona, broadband.personas[1].name)  # Home worker
    layout = scene_of(window).grid_layout
    ids = names(window)
    outline = window.overlays.preferred.outlines()[ids["Fulfilment"]]
    cell = layout.cell(ids["Fulfilment"], ids["Live chat with an agent"])
    box = outline.sceneBoundingRect()
    assert cell.x < box.x() < box.right() < cell.x + cell.width
    assert cell.y < box.y() < box.bottom() < cell.y + cell.height
    assert outline.isVisible()


@pytest.fixture
def editing(qtbot, broadband):
    window = open_window(qtbot, Document(broadband))
    yield window
    close_window(window)


def test_editing_a_preference_moves_the_outline_and_the_flag(qtbot, editing, broadband):
    window = editing
    family = broadband.personas[0]
    choose(qtbot, bar(window).persona, family.name)
    dock = tools(window)
    dock.personas_dock.raise_()
    panel = dock.personas
    qtbot.waitUntil(panel.isVisible)
    assert panel.name.text() == family.name
    ids = names(window)
    box = panel.preferences.boxes[ids["Support"]]

    def support():
        return outlined(window).get("Support", ("", ""))[0]

    pick_from_popup(qtbot, box, "Phone with an agent")
    qtbot.waitUntil(lambda: support() == "Phone with an agent")
    assert flagged(window) == {}  # the journey has a phone at Support
    pick_from_popup(qtbot, box, "No preference")
    qtbot.waitUntil(lambda: support() == "")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: support() == "Phone with an agent")


def test_tooltips_on_the_grid_show_names_and_titles_as_typed_never_as_markup(qtbot, broadband):
    # Qt renders a tooltip that looks like markup as markup: a stage named "<b>Support</b>"
    # would come out bold, and a card titled "Book a <i>visit</i>" would read "Book a visit".
    stage = next(s for s in broadband.stages if s.name == "Support")
    stage.name = "<b>Support</b> & care"
    channel = next(c for c in broadband.channels if c.name == "Mobile app")
    channel.name = "<i>App</i>"
    touchpoint = next(t for t in broadband.touchpoints if t.stage_id == stage.id)
    touchpoint.title = "Book a <i>visit</i> & wait"
    family = broadband.personas[0]
    family.name = "<u>Family</u>"
    window = roomy_window(qtbot, Document(broadband))
    try:
        scene = scene_of(window)
        assert shown_as(scene.card(touchpoint.id).toolTip()).startswith(
            "Book a <i>visit</i> & wait\n"
        )
        assert "Stage: <b>Support</b> & care\n" in shown_as(scene.stage_header(stage.id).toolTip())
        assert "Channel: <i>App</i>\n" in shown_as(scene.channel_header(channel.id).toolTip())

        view_action(window, "EPIC Colours").trigger()
        badge = overlays(window).epic_badges.badges()[stage.id]
        assert shown_as(badge.toolTip()).startswith("<b>Support</b> & care: weakest EPIC letter")

        choose(qtbot, bar(window).persona, family.name)
        said = "<u>Family</u> prefers <i>App</i> at <b>Support</b> & care.\n"
        assert shown_as(window.overlays.preferred.flags()[stage.id].toolTip()).startswith(said)
        assert shown_as(window.overlays.preferred.outlines()[stage.id].toolTip()).startswith(said)
    finally:
        close_quietly(window)


def test_the_arrow_keys_open_a_preferences_list_and_enter_picks_once(qtbot, editing, broadband):
    """Walking through the channels by Down made an edit of each: eight presses, eight undo
    steps, and Ctrl+Z landed on a channel passed on the way."""
    from PySide6.QtWidgets import QApplication

    window = editing
    choose(qtbot, bar(window).persona, broadband.personas[0].name)
    dock = tools(window)
    dock.personas_dock.raise_()
    panel = dock.personas
    qtbot.waitUntil(panel.isVisible)
    box = panel.preferences.boxes[names(window)["Fulfilment"]]
    before = window.document.blueprint.personas[0].preferred_channels
    steps = window.document.undo_stack.count()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    assert window.document.blueprint.personas[0].preferred_channels == before
    popup = QApplication.activePopupWidget()
    for _ in range(3):
        qtbot.keyClick(box.view(), Qt.Key.Key_Down)
    qtbot.keyClick(box.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    chosen = box.currentText()
    assert chosen != "No preference" and window.document.undo_stack.count() == steps + 1
    qtbot.waitUntil(lambda: outlined(window).get("Fulfilment", ("",))[0] == chosen)
    window.activateWindow()  # offscreen Qt leaves no window active after a list closes by keys
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is box  # the keys stay on the list's box
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.document.blueprint.personas[0].preferred_channels == before)
