"""File › Merge With…: a copy of the blueprint a colleague sent by mail, taken in. What only
one copy has is kept, where they differ the open blueprint's value stays and the other is a
conflict to decide, listed at once; one undo step; the copy itself is only read."""

import shutil

import pytest
from PySide6.QtWidgets import QFileDialog

from blueprint.storage import dumps_blueprint
from tests.ui.canvas_helpers import LEFT
from tests.ui.editing_helpers import status
from tests.ui.structure_helpers import choose
from tests.ui.window_helpers import (
    BENS_CHAT_TITLE,
    broadband_and_bens_copy,
    close_quietly,
    shown_window,
)


@pytest.fixture
def files(qapp, tmp_path):
    """The broadband sample, and the copy Ben changed and mailed back."""
    return broadband_and_bens_copy(tmp_path, "mail/broadband (Ben).blueprint")


@pytest.fixture
def window(qtbot, files):
    window = shown_window(qtbot)
    assert window.open_path(files[0])
    yield window
    close_quietly(window)


def merge_from_the_menu(qtbot, window, monkeypatch, path) -> None:
    """File › Merge With…, clicked in the menu bar and in the menu; the file dialog answers
    ``path``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    bar = window.menuBar()
    file_entry = next(a for a in bar.actions() if a.text() == "&File")
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(file_entry).center())
    qtbot.waitUntil(file_entry.menu().isVisible)
    choose(qtbot, file_entry.menu(), "Merge With…")


def test_the_file_menu_offers_merge_just_after_compare(window):
    texts = [a.text() for a in window.menus.file.actions()]
    assert texts.index("Merge &With…") == texts.index("Compare Wi&th…") + 1
    assert window.merge_with.action.isEnabled()


def test_a_copy_from_a_colleague_is_merged_in_one_undo_step(qtbot, window, files, monkeypatch):
    copy = files[1]
    mine = dumps_blueprint(window.document.blueprint)
    theirs = copy.read_bytes()
    assert not window.talk.dock.isVisible()
    merge_from_the_menu(qtbot, window, monkeypatch, copy)
    document = window.document
    # What Ben added joins; what he lacks stays (nobody knows he deleted it).
    assert document.touchpoint("tp-live-status").title == "Live status page"
    assert document.touchpoint("tp-ivr-status") is not None
    # Where the copies differ, mine stays, and Ben's is a conflict to decide, listed at once.
    assert document.touchpoint("tp-status-chat").title != BENS_CHAT_TITLE
    conflicts = document.blueprint.conflicts
    assert {(c.entity_id, c.field): c.other for c in conflicts} == {
        ("tp-status-chat", "title"): BENS_CHAT_TITLE,
        ("tp-online-checkout", "notes"): "Seen in two more interviews.",
    }
    assert window.talk.dock.isVisible()
    assert window.talk.tabs.currentWidget() is window.talk.conflicts
    assert status(window).startswith("Merged broadband (Ben).blueprint: 2 conflicts to decide")
    assert window.isWindowModified()
    assert copy.read_bytes() == theirs  # only read
    document.undo_stack.undo()
    assert dumps_blueprint(document.blueprint) == mine


def test_a_copy_that_adds_nothing_says_so(qtbot, window, files, tmp_path, monkeypatch):
    same = tmp_path / "same.blueprint"
    shutil.copyfile(files[0], same)
    merge_from_the_menu(qtbot, window, monkeypatch, same)
    assert status(window) == "Merged same.blueprint: it holds nothing you do not have."
    assert not window.talk.dock.isVisible()


def test_a_copy_that_cannot_be_read_is_refused_and_nothing_changes(
    qtbot, window, tmp_path, monkeypatch
):
    broken = tmp_path / "broken.blueprint"
    broken.write_bytes(b'{"format": 4, "title": "cut sh')
    mine = dumps_blueprint(window.document.blueprint)
    errors = []
    monkeypatch.setattr(
        window, "show_error", lambda title, message: errors.append((title, message))
    )
    merge_from_the_menu(qtbot, window, monkeypatch, broken)
    [(title, said)] = errors
    assert title == "Cannot merge"
    assert said.startswith("Nothing was merged: ")
    assert "broken.blueprint: is cut short" in said
    assert "Traceback" not in said
    assert dumps_blueprint(window.document.blueprint) == mine
    assert window.document.undo_stack.count() == 0


def test_the_open_file_itself_is_not_merged(qtbot, window, files, monkeypatch):
    merge_from_the_menu(qtbot, window, monkeypatch, files[0])
    assert status(window) == (
        "broadband.blueprint is the file open here: pick another copy of it to merge in."
    )
    assert window.document.undo_stack.count() == 0
