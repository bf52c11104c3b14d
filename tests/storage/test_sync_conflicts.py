"""The conflicted copies sync tools leave beside a blueprint, found by their names."""

import os

import pytest

from blueprint.storage.sync_conflicts import conflicted_copies, copy_tool

FILE = "broadband.blueprint"


@pytest.mark.parametrize(
    ("name", "tool"),
    [
        ("broadband (Ana's conflicted copy 2026-12-06).blueprint", "Dropbox"),
        ("broadband (LAPTOP-7's conflicted copy 2026-12-06 (1)).blueprint", "Dropbox"),
        ("broadband (conflicted copy 2026-12-06 101500).blueprint", "Nextcloud or ownCloud"),
        ("broadband (conflicted copy 2026-12-06).blueprint", "Nextcloud or ownCloud"),
        ("broadband_conflict-20261206-101500.blueprint", "Nextcloud"),
        ("broadband-DESKTOP7H3.blueprint", "OneDrive"),
        ("broadband-DESKTOP-7H3KQ2P.blueprint", "OneDrive"),
        ("broadband-LAPTOP-1.blueprint", "OneDrive"),
        ("broadband.sync-conflict-20261206-101500-ABCDEFG.blueprint", "Syncthing"),
        ("broadband (1).blueprint", "Google Drive"),
        ("broadband (12).blueprint", "Google Drive"),
        ("broadband-conflict-2026-12-06.blueprint", "a sync tool"),
        ("broadband (Ana's Conflict).blueprint", "a sync tool"),
    ],
)
def test_each_sync_tools_copy_is_recognised(name, tool):
    assert copy_tool(FILE, name) == tool


@pytest.mark.parametrize(
    "name",
    [
        "broadband.blueprint",  # the file itself
        "broadband-installation.blueprint",  # another blueprint, named alike
        "broadband-v2.blueprint",
        "broadband (1).pdf",  # not a blueprint
        "broadband (Ana's conflicted copy 2026-12-06).blueprint.merged",  # dealt with
        ".~lock.broadband.blueprint#",
        "grocery (1).blueprint",
        "broadband (Ana's conflicted copy 2026-12-06).csv",
    ],
)
def test_other_files_are_not_taken_for_copies(name):
    assert copy_tool(FILE, name) is None


def test_the_copies_in_the_folder_oldest_first(tmp_path):
    (tmp_path / FILE).write_text("{}")
    older = tmp_path / "broadband (1).blueprint"
    newer = tmp_path / "broadband (Ana's conflicted copy 2026-12-06).blueprint"
    for path, when in ((newer, 2_000_000_000), (older, 1_900_000_000)):
        path.write_text("{}")
        os.utime(path, (when, when))
    (tmp_path / "broadband-notes.blueprint").write_text("{}")
    (tmp_path / "broadband (2).blueprint").mkdir()  # a folder is no copy
    found = conflicted_copies(tmp_path / FILE)
    assert [(c.path.name, c.tool) for c in found] == [
        (older.name, "Google Drive"),
        (newer.name, "Dropbox"),
    ]
    assert found[0].modified == 1_900_000_000


def test_an_unreadable_folder_has_no_copies(tmp_path):
    assert conflicted_copies(tmp_path / "missing" / FILE) == []
