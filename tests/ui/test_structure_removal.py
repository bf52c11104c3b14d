"""Removing a stage or channel: the dialog shows what goes with it first; one undo step."""

from collections import Counter

import pytest

from blueprint.ui.commands import RemoveChannel, RemoveStage
from tests.ui.conftest import snapshot
from tests.ui.editing_helpers import close_window, open_window, status
from tests.ui.structure_helpers import (
    CHANNELS,
    STAGES,
    answer_removal,
    choose,
    refuse_removal_dialog,
    right_click_header,
)


@pytest.fixture
def window(qtbot, small):
    window = open_window(qtbot, small)
    yield window
    close_window(window)


def test_the_dialog_lists_what_goes_and_remove_does_it(qtbot, monkeypatch, window):
    said = answer_removal(monkeypatch, accept=True)
    before = snapshot(window.document)
    choose(qtbot, right_click_header(window, STAGES, "s2"), "Remove Stage…")
    (text,) = said
    assert text.splitlines()[:5] == [
        "Remove the stage 'Support'?",
        "This also changes the blueprint:",
        "• 2 touchpoints removed: 'Call about order', 'Complain'",
        "• 1 friction point removed: 'Long hold'",
        "• 2 flows removed: 'Checkout → Call about order', 'Call about order → Complain'",
    ]
    blueprint = window.document.blueprint
    assert [s.id for s in blueprint.stages] == ["s1"]
    assert [t.id for t in blueprint.touchpoints] == ["t1"]
    scene = window.canvas.blueprint_scene
    assert scene.stage_header("s2") is None and scene.card("t2") is None
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Remove stage 'Support'"
    assert "Undo brings it back" in status(window)
    stack.undo()
    assert snapshot(window.document) == before
    assert scene.stage_header("s2") is not None and scene.card("t2").isVisible()


def test_cancel_keeps_everything(qtbot, monkeypatch, window):
    said = answer_removal(monkeypatch, accept=False)
    before = snapshot(window.document)
    choose(qtbot, right_click_header(window, CHANNELS, "phone"), "Remove Channel…")
    assert len(said) == 1 and "1 friction point no longer leads to a channel" in said[0]
    assert snapshot(window.document) == before
    assert window.document.undo_stack.count() == 0


def test_an_empty_stage_goes_with_nothing_else(qtbot, monkeypatch, window):
    new_id = window.structure.operations.add(STAGES)
    window.structure.rename.cancel()
    said = answer_removal(monkeypatch, accept=True)
    choose(qtbot, right_click_header(window, STAGES, new_id), "Remove Stage…")
    assert "Nothing else goes with it" in said[0]
    assert [s.id for s in window.document.blueprint.stages] == ["s1", "s2"]


def test_the_last_stage_cannot_be_removed(qtbot, monkeypatch, window):
    answer_removal(monkeypatch, accept=True)
    choose(qtbot, right_click_header(window, STAGES, "s2"), "Remove Stage…")
    refuse_removal_dialog(monkeypatch)  # no question is asked for what cannot be done
    choose(qtbot, right_click_header(window, STAGES, "s1"), "Remove Stage…")
    assert [s.id for s in window.document.blueprint.stages] == ["s1"]
    assert "a blueprint needs at least one stage" in status(window)
    assert window.document.undo_stack.count() == 1


def test_the_last_channel_cannot_be_removed(qtbot, monkeypatch, window):
    answer_removal(monkeypatch, accept=True)
    for channel_id in ("esc", "phone"):
        choose(qtbot, right_click_header(window, CHANNELS, channel_id), "Remove Channel…")
    refuse_removal_dialog(monkeypatch)
    choose(qtbot, right_click_header(window, CHANNELS, "web"), "Remove Channel…")
    assert [c.id for c in window.document.blueprint.channels] == ["web"]
    assert "a blueprint needs at least one channel" in status(window)


@pytest.fixture
def broadband_window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


def test_removing_the_busiest_stage_of_a_real_blueprint_and_undoing_it(
    qtbot, monkeypatch, broadband_window
):
    window = broadband_window
    document = window.document
    busiest = Counter(t.stage_id for t in document.blueprint.touchpoints).most_common(1)[0][0]
    expected = RemoveStage.consequences(document, busiest).describe(document.blueprint)
    assert len(expected) >= 3  # touchpoints, friction points, flows at least
    said = answer_removal(monkeypatch, accept=True)
    before = snapshot(document)
    window.structure.operations.reveal(STAGES, busiest)
    choose(qtbot, right_click_header(window, STAGES, busiest), "Remove Stage…")
    assert [f"• {line}" for line in expected] == [
        line for line in said[0].splitlines() if line.startswith("• ")
    ]
    assert all(t.stage_id != busiest for t in document.blueprint.touchpoints)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert snapshot(document) == before
    document.undo_stack.redo()
    assert busiest not in {s.id for s in document.blueprint.stages}


def test_removing_a_channel_others_lead_to_says_so(qtbot, monkeypatch, broadband_window):
    window = broadband_window
    document = window.document
    led_to = Counter(
        f.leads_to_channel_id for f in document.blueprint.frictions if f.leads_to_channel_id
    ).most_common(1)[0][0]
    expected = RemoveChannel.consequences(document, led_to).describe(document.blueprint)
    said = answer_removal(monkeypatch, accept=True)
    before = snapshot(document)
    window.structure.operations.reveal(CHANNELS, led_to)
    choose(qtbot, right_click_header(window, CHANNELS, led_to), "Remove Channel…")
    assert any("no longer lead" in line for line in expected)
    for line in expected:
        assert f"• {line}" in said[0]
    document.undo_stack.undo()
    assert snapshot(document) == before
