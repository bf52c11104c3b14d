"""Several cards selected: the inspector sets their emotion, EPIC scores and personas at once."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from blueprint.model import EpicLetter, Persona
from blueprint.ui.commands import CommandError, EditTouchpoints
from blueprint.ui.document import Document
from blueprint.ui.inspector.touchpoint_personas import SOME_LIST_IT
from tests.factories import small_blueprint
from tests.ui.editing_helpers import close_window, open_window, tick, tools

THREE = ["t1", "t2", "t3"]
EMOTIONS = {"t1": -1, "t2": 1, "t3": None}
EASY = {"t1": 2, "t2": 2, "t3": 4}
PERSONAS = {"t1": ["p2"], "t2": ["p1", "p2"], "t3": ["p2"]}


@pytest.fixture
def document(qapp):
    """t1..t3 with emotions and EPIC Easy that differ; all list p2, only t2 lists p1."""
    blueprint = small_blueprint()
    blueprint.personas.append(Persona(id="p2", name="Retiree"))
    for tp in blueprint.touchpoints:
        tp.emotion = EMOTIONS[tp.id]
        tp.epic.easy = EASY[tp.id]
        tp.persona_ids = PERSONAS[tp.id]
    return Document(blueprint)


@pytest.fixture
def window(qtbot, document):
    window = open_window(qtbot, document)
    yield window
    close_window(window)


@pytest.fixture
def inspector(window):
    return tools(window).inspector


def select(window, ids):
    window.canvas.blueprint_scene.select_touchpoints(ids)


def field(document, path):
    """Each card's value of a field, by id."""
    tps = {i: document.touchpoint(i) for i in THREE}
    if path == "emotion":
        return {i: tp.emotion for i, tp in tps.items()}
    if path == "epic.easy":
        return {i: tp.epic.easy for i, tp in tps.items()}
    return {i: tp.persona_ids for i, tp in tps.items()}


def checked_values(choice, values):
    return [v for v in values if choice.button(v).isChecked()]


def persona_states(inspector):
    checklist = inspector.several.personas.list
    return [checklist.item(row).checkState() for row in range(checklist.count())]


def test_three_selected_cards_show_their_count_and_mixed_values(window, inspector):
    select(window, THREE)
    several = inspector.several
    assert inspector.pages.currentWidget().widget() is several
    assert several.isVisible()
    assert inspector.touchpoint_id is None
    assert several.summary.text().startswith("3 touchpoints selected.")
    assert "Call about order" in several.summary.text()
    # Emotions differ: no segment is checked.
    assert several.emotion.is_mixed()
    assert checked_values(several.emotion, [None, -2, -1, 0, 1, 2]) == []
    assert several.epic[EpicLetter.EASY].is_mixed()
    # Nobody scored Personalised: the same value on all, shown as "not scored".
    assert several.epic[EpicLetter.PERSONALISED].value() is None
    assert not several.epic[EpicLetter.PERSONALISED].is_mixed()
    # p1 on t2 only is partly ticked; p2, on all of them, is ticked.
    assert persona_states(inspector) == [Qt.CheckState.PartiallyChecked, Qt.CheckState.Checked]
    assert several.personas.note.text() == SOME_LIST_IT


def test_an_emotion_click_sets_all_three_in_one_step_and_undo_restores_each(
    qtbot, window, inspector
):
    select(window, THREE)
    emotion = inspector.several.emotion
    stack = window.document.undo_stack
    qtbot.mouseClick(emotion.button(2), Qt.MouseButton.LeftButton)
    assert field(window.document, "emotion") == {"t1": 2, "t2": 2, "t3": 2}
    assert window.canvas.blueprint_scene.card("t3").face.emotion == 2
    assert stack.count() == 1
    assert stack.undoText() == "Set emotion of 3 touchpoints"
    assert emotion.value() == 2 and checked_values(emotion, [None, -2, -1, 0, 1, 2]) == [2]
    stack.undo()
    assert field(window.document, "emotion") == EMOTIONS
    assert emotion.is_mixed()


def test_an_epic_click_sets_all_three_in_one_step_and_undo_restores_each(qtbot, window, inspector):
    select(window, THREE)
    easy = inspector.several.epic[EpicLetter.EASY]
    stack = window.document.undo_stack
    qtbot.mouseClick(easy.button(5), Qt.MouseButton.LeftButton)
    assert field(window.document, "epic.easy") == {"t1": 5, "t2": 5, "t3": 5}
    assert stack.count() == 1
    assert stack.undoText() == "Set EPIC Easy of 3 touchpoints"
    assert easy.value() == 5
    # Unset on all of them, from the keyboard: one more step.
    qtbot.keyClick(easy, Qt.Key.Key_Delete)
    assert field(window.document, "epic.easy") == {"t1": None, "t2": None, "t3": None}
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert field(window.document, "epic.easy") == EASY
    assert easy.is_mixed()


def test_ticking_a_partly_ticked_persona_applies_it_to_all_and_unticking_takes_it_off(
    qtbot, window, inspector
):
    select(window, THREE)
    stack = window.document.undo_stack
    checklist = inspector.several.personas.list
    tick(qtbot, checklist, 0)
    assert field(window.document, "persona_ids") == {i: ["p1", "p2"] for i in THREE}
    assert stack.count() == 1
    assert stack.undoText() == "Apply persona 'Busy parent' to 3 touchpoints"
    assert persona_states(inspector) == [Qt.CheckState.Checked, Qt.CheckState.Checked]
    tick(qtbot, checklist, 0)
    assert field(window.document, "persona_ids") == {i: ["p2"] for i in THREE}
    assert stack.undoText() == "Take persona 'Busy parent' off 3 touchpoints"
    assert persona_states(inspector) == [Qt.CheckState.Unchecked, Qt.CheckState.Checked]
    stack.undo()
    stack.undo()
    assert field(window.document, "persona_ids") == PERSONAS
    assert persona_states(inspector)[0] == Qt.CheckState.PartiallyChecked


def test_a_single_selected_card_still_shows_the_normal_inspector(window, inspector):
    select(window, THREE)
    select(window, ["t2"])
    assert inspector.touchpoint_id == "t2"
    assert inspector.pages.currentWidget() is inspector.fields.title.parentWidget()
    assert inspector.fields.title.text() == "Call about order"
    assert inspector.fields.emotion.value() == 1
    assert not inspector.fields.emotion.is_mixed()


def test_text_fields_are_set_one_card_at_a_time(document):
    with pytest.raises(CommandError, match="one card at a time"):
        EditTouchpoints(document, THREE, "title", "Same")
    with pytest.raises(CommandError, match="Emotion"):
        EditTouchpoints(document, THREE, "emotion", 7)


def test_a_run_of_arrows_on_several_cards_is_one_undo_step(qtbot, window, inspector):
    """On several cards each arrow press was an undo step of its own (on one card a run of
    them is one): Ctrl+Z went back one value, not to where the cards were."""
    select(window, THREE)
    emotion = inspector.several.emotion
    stack = window.document.undo_stack
    emotion.setFocus()
    qtbot.waitUntil(emotion.hasFocus)
    for _ in range(3):  # from the mixed value: −2 (not "not set": that clears), −1, 0
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert field(window.document, "emotion") == {"t1": 0, "t2": 0, "t3": 0}
    assert stack.count() == 1
    qtbot.mouseClick(emotion.button(2), Qt.MouseButton.LeftButton)  # a click: its own step
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert field(window.document, "emotion") == EMOTIONS
