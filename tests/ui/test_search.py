"""Finding cards by their words: Ctrl+F, a count, Enter and F3 to go through the results."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from blueprint.ui.canvas import palette
from blueprint.ui.canvas.emphasis import PLAIN
from blueprint.ui.commands import EditTouchpoint
from blueprint.ui.overlays.search_text import TOUCHPOINT_TEXTS, normalise
from tests.ui.editing_helpers import CTRL, close_window, open_window
from tests.ui.test_overlays import edit_and_wait, scene_of, untouched

SHIFT = Qt.KeyboardModifier.ShiftModifier


def canvas_window(qtbot, document):
    """Active (for the window's keys), the panels closed, at 100%: room for a few cards, and
    most of them out of sight."""
    window = open_window(qtbot, document)
    for dock in window.findChildren(QDockWidget):
        dock.close()
    window.resize(1200, 900)
    qtbot.waitUntil(lambda: window.canvas.viewport().width() > 600)
    return window


@pytest.fixture
def window(qtbot, document):
    window = canvas_window(qtbot, document)
    yield window
    close_window(window)


@pytest.fixture
def small_window(qtbot, small):
    window = canvas_window(qtbot, small)
    yield window
    close_window(window)


def find_bar(window):
    return window.overlays.find_bar


def search_for(qtbot, window, words: str) -> None:
    qtbot.keyClick(window.canvas, Qt.Key.Key_F, CTRL)
    field = find_bar(window).field
    assert find_bar(window).isVisible() and field.hasFocus()
    field.clear()
    qtbot.keyClicks(field, words)


def count(window) -> str:
    return find_bar(window).count.text()


def outlined(window) -> set[str]:
    return {
        tp_id
        for tp_id, card in scene_of(window).cards().items()
        if card.emphasis.outline == palette.SEARCH_HIT
    }


def holding(blueprint, word: str) -> set[str]:
    """The touchpoints with ``word`` in their own texts or their friction points' (plain
    lower-casing: the sample has no accents)."""
    found = set()
    for tp in blueprint.touchpoints:
        texts = [getattr(tp, name) for name in TOUCHPOINT_TEXTS]
        texts += [
            f.title + " " + f.description for f in blueprint.frictions if f.touchpoint_id == tp.id
        ]
        if any(word in text.lower() for text in texts):
            found.add(tp.id)
    return found


def in_sight(window, touchpoint_id: str) -> bool:
    view = window.canvas
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.contains(scene_of(window).card(touchpoint_id).sceneBoundingRect())


def test_ctrl_f_opens_the_find_bar_ready_for_typing(qtbot, window):
    assert not find_bar(window).isVisible()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F, CTRL)
    assert find_bar(window).isVisible()
    assert find_bar(window).field.hasFocus()


def test_typing_finds_the_cards_and_counts_them(qtbot, window, broadband):
    search_for(qtbot, window, "router")
    expected = holding(broadband, "router")
    assert len(expected) > 2
    assert set(window.overlays.search.results()) == expected
    assert count(window) == f"{len(expected)} matches"
    assert outlined(window) == expected
    assert untouched(window)


def test_titles_lanes_notes_and_friction_points_are_searched_whatever_case_and_accents(
    qtbot, small_window
):
    document = small_window.document
    edit_and_wait(
        qtbot, small_window, EditTouchpoint(document, "t1", "backstage", "Réconciliation nightly")
    )
    edit_and_wait(qtbot, small_window, EditTouchpoint(document, "t3", "notes", "Ask Zoë"))
    search_for(qtbot, small_window, "RECONCILIATION")
    assert small_window.overlays.search.results() == ["t1"]
    search_for(qtbot, small_window, "zoe")
    assert small_window.overlays.search.results() == ["t3"]
    search_for(qtbot, small_window, "hold LONG")  # friction x2 on t2, words in any order
    assert small_window.overlays.search.results() == ["t2"]
    assert count(small_window) == "1 match"
    search_for(qtbot, small_window, "checkout")  # a title
    assert small_window.overlays.search.results() == ["t1"]


def test_enter_goes_from_result_to_result_selecting_and_scrolling(qtbot, window, broadband):
    search_for(qtbot, window, "agent")
    results = window.overlays.search.results()
    assert len(results) >= 4
    # Journey order: stage by stage.
    stage_index = {s.id: i for i, s in enumerate(broadband.stages)}
    stages = [stage_index[window.document.touchpoint(r).stage_id] for r in results]
    assert stages == sorted(stages)
    field = find_bar(window).field
    for i, expected in enumerate(results):
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert count(window) == f"{i + 1} of {len(results)}"
        assert scene_of(window).selected_touchpoint_ids() == [expected]
        assert in_sight(window, expected), expected
        assert field.hasFocus()  # keep pressing Enter
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert count(window) == f"1 of {len(results)}"  # round again
    qtbot.keyClick(field, Qt.Key.Key_Return, SHIFT)
    assert count(window) == f"{len(results)} of {len(results)}"
    assert scene_of(window).selected_touchpoint_ids() == [results[-1]]
    assert in_sight(window, results[-1])
    assert untouched(window)


def test_the_last_result_is_brought_into_sight_from_far_away(qtbot, window):
    search_for(qtbot, window, "complaint")
    results = window.overlays.search.results()
    assert not in_sight(window, results[-1])
    qtbot.keyClick(find_bar(window).field, Qt.Key.Key_Return, SHIFT)
    assert scene_of(window).selected_touchpoint_ids() == [results[-1]]
    assert in_sight(window, results[-1])


def test_f3_and_shift_f3_work_from_the_canvas(qtbot, window):
    search_for(qtbot, window, "agent")
    results = window.overlays.search.results()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F3)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F3)
    assert scene_of(window).selected_touchpoint_ids() == [results[1]]
    qtbot.keyClick(window.canvas, Qt.Key.Key_F3, SHIFT)
    assert scene_of(window).selected_touchpoint_ids() == [results[0]]
    assert count(window) == f"1 of {len(results)}"


def test_escape_closes_the_find_bar_and_its_marks(qtbot, window):
    search_for(qtbot, window, "router")
    assert outlined(window)
    qtbot.keyClick(find_bar(window).field, Qt.Key.Key_Escape)
    assert not find_bar(window).isVisible()
    assert outlined(window) == set()
    assert all(card.emphasis == PLAIN for card in scene_of(window).cards().values())
    assert window.canvas.hasFocus()


def test_nothing_found_says_so_and_enter_stays_put(qtbot, window):
    search_for(qtbot, window, "zebra crossing")
    assert count(window) == "No match"
    assert outlined(window) == set()
    qtbot.keyClick(find_bar(window).field, Qt.Key.Key_Return)
    assert scene_of(window).selected_touchpoint_ids() == []
    find_bar(window).field.clear()
    assert count(window) == ""


def test_the_results_follow_an_edit(qtbot, window, document):
    search_for(qtbot, window, "zebra")
    assert count(window) == "No match"
    edit_and_wait(
        qtbot, window, EditTouchpoint(document, "tp-fibre-street-ad", "title", "Sees a zebra ad")
    )
    assert window.overlays.search.results() == ["tp-fibre-street-ad"]
    assert count(window) == "1 match"
    assert outlined(window) == {"tp-fibre-street-ad"}


def test_search_text_is_compared_without_case_or_accents():
    assert normalise("Café CRÈME Straße") == normalise("cafe creme STRASSE")
    assert normalise("Ｆｉｂｒｅ") == "fibre"  # full-width letters


def test_a_screen_reader_hears_the_results_as_the_keys_stay_in_the_field(
    qtbot, window, monkeypatch
):
    """'7 matches', '1 of 7' and the card reached were shown and never said: Enter selects
    the next card while the keys stay in the find field, so a blind user heard nothing."""
    from PySide6.QtGui import QAccessible

    said = []

    def update(event):
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    search_for(qtbot, window, "agent")
    results = window.overlays.search.results()
    assert said[-1] == f"{len(results)} matches"
    qtbot.keyClick(find_bar(window).field, Qt.Key.Key_Return)
    title = window.document.touchpoint(results[0]).title
    assert said[-1] == f"1 of {len(results)}: {title}"
    assert find_bar(window).count.accessibleDescription() == said[-1]
    search_for(qtbot, window, "zzzz")
    assert said[-1] == "No match"
