"""File › Compare With…: another version of the blueprint on the same grid, its cards marked
NEW, GONE and CHANGED (in their titles, not by colour alone), every difference in words with
a click to its card, the biggest changes in numbers; neither file is changed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from blueprint.model import Presence
from blueprint.storage import dumps_blueprint, load_blueprint
from blueprint.ui.compare.union import compare_on_one_grid
from tests.ui.conftest import BROADBAND
from tests.ui.talk_helpers import click_row
from tests.ui.window_helpers import broadband_and_bens_copy, close_quietly, shown_window


@pytest.fixture
def files(qapp, tmp_path):
    """The broadband sample, and Ben's version of it, changed with the editor's commands."""
    return broadband_and_bens_copy(tmp_path, "broadband-ben.blueprint")


@pytest.fixture
def window(qtbot, files):
    window = shown_window(qtbot)
    assert window.open_path(files[0])
    yield window
    close_quietly(window)


def compare_from_the_menu(qtbot, window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    action = next(a for a in window.menus.file.actions() if a.text() == "Compare Wi&th…")
    action.trigger()
    compare = window.compare_with.window
    qtbot.waitExposed(compare)
    return compare


def test_the_other_versions_differences_are_marked_on_the_grid(qtbot, window, files, monkeypatch):
    this, other = files
    before = this.read_bytes(), other.read_bytes()
    mine = dumps_blueprint(window.document.blueprint)
    compare = compare_from_the_menu(qtbot, window, monkeypatch, other)
    assert compare.windowTitle() == "broadband.blueprint compared with broadband-ben.blueprint"
    faces = {i: card.face for i, card in compare.scene.cards().items()}
    assert faces["tp-live-status"].title == "NEW · Live status page"
    assert faces["tp-ivr-status"].title.startswith("GONE · ")
    assert faces["tp-status-chat"].title.startswith("CHANGED · ")
    assert faces["tp-online-checkout"].title.startswith("CHANGED · ")  # its notes only
    assert faces["tp-coverage-check"].change == ""
    rows = [compare.list.item(i).text() for i in range(compare.list.count())]
    assert "Added touchpoint 'Live status page' in Fulfilment / Website / account" in rows
    assert (
        "Touchpoint 'Asks the chat when the technician comes': title 'Asks live chat for the "
        "install date' -> 'Asks the chat when the technician comes'"
    ) in rows
    assert (
        "Touchpoint 'Orders online and picks an install date': notes empty -> 'Seen in two "
        "more interviews.'"
    ) in rows
    assert any(
        r.startswith("Removed touchpoint 'Navigates the phone menu for orders'") for r in rows
    )
    assert compare.figures.text().startswith("• ")
    click_row(qtbot, compare.list, "Live status page")
    assert compare.scene.selected_touchpoint_ids() == ["tp-live-status"]
    # Nothing was edited: neither file, nor the blueprint in the editor.
    assert (this.read_bytes(), other.read_bytes()) == before
    assert dumps_blueprint(window.document.blueprint) == mine
    assert not window.document.is_modified()
    compare.activateWindow()  # as a window manager does with a window just opened
    qtbot.waitUntil(compare.isActiveWindow)
    qtbot.keyClick(compare.canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.compare_with.window is None)


def test_a_version_that_changes_only_the_future_state_lists_its_changes(
    qtbot, window, monkeypatch, tmp_path
):
    """A colleague's version that changed only tomorrow's journey read 'holds the same
    journey', its list empty; the removed future flows were named by their ids."""
    other = load_blueprint(BROADBAND)
    both = next(t for t in other.touchpoints if t.future is not None)
    both.future = both.future.model_copy(update={"title": "Watches the live status page"})
    future_only = next(t for t in other.touchpoints if t.state == Presence.FUTURE)
    future_only.title = "Gets the install date by text, unasked"
    path = tmp_path / "tomorrow.blueprint"
    path.write_bytes(dumps_blueprint(other))
    compare = compare_from_the_menu(qtbot, window, monkeypatch, path)
    rows = [compare.list.item(i).text() for i in range(compare.list.count())]
    assert (
        f"Touchpoint '{both.title}': future title 'Follows the install on the live status "
        "page' -> 'Watches the live status page'"
    ) in rows
    assert (
        "Touchpoint 'Gets the install date by text, unasked': title 'Gets the install date by "
        "SMS, unasked' -> 'Gets the install date by text, unasked' (future state)"
    ) in rows
    assert not any("holds the same" in label.text() for label in compare.panel.findChildren(QLabel))
    assert compare.figures.text() == "• In numbers, today's journey does not change."
    compare.close()


def test_a_file_that_cannot_be_read_is_explained(qtbot, window, monkeypatch, tmp_path):
    bad = tmp_path / "bad.blueprint"
    bad.write_text("not json")
    errors = []
    monkeypatch.setattr(
        window, "show_error", lambda title, message: errors.append((title, message))
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.compare_with.action.trigger()
    assert errors[0][0] == "Cannot compare"
    assert "cannot be read" in errors[0][1]
    assert window.compare_with.window is None


def test_the_same_version_has_no_differences():
    bp = load_blueprint(BROADBAND)
    found = compare_on_one_grid(bp, load_blueprint(BROADBAND))
    assert found.differences == ()
