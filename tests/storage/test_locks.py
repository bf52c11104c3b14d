"""Lock files: who has a blueprint open, taken, refreshed, released, and told apart from
the stale lock of an editor that crashed."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from blueprint.storage import locks
from blueprint.storage.locks import (
    STALE_AFTER,
    Lock,
    lock_path,
    read_lock,
    take_lock,
    this_machine,
    write_lock,
)


def test_the_lock_sits_beside_the_file_as_office_suites_name_it(tmp_path):
    assert lock_path(tmp_path / "plan.blueprint") == tmp_path / ".~lock.plan.blueprint#"


def test_a_lock_names_who_where_which_process_and_when(tmp_path):
    path = tmp_path / "plan.blueprint"
    held = take_lock(path, "Ana López")
    assert held is not None
    data = json.loads(lock_path(path).read_text())
    assert data["user"] == "Ana López"
    assert data["machine"] == this_machine()
    assert data["pid"] == os.getpid()
    assert datetime.fromisoformat(data["since"]).tzinfo is not None
    found = read_lock(path)
    assert found == held.lock
    assert found.is_mine() and found.stale_because() is None


def test_release_removes_only_ones_own_lock(tmp_path):
    path = tmp_path / "plan.blueprint"
    held = take_lock(path, "Ana")
    theirs = Lock("Ben", "BEN-PC", 4242, held.lock.since, held.lock.since)
    write_lock(path, theirs)  # Ben took it over meanwhile
    assert not held.release()
    assert read_lock(path) == theirs
    write_lock(path, held.lock)
    assert held.release()
    assert not lock_path(path).exists()


def test_refreshing_rewrites_the_time(tmp_path, monkeypatch):
    path = tmp_path / "plan.blueprint"
    held = take_lock(path, "Ana")
    later = datetime.now(UTC) + timedelta(minutes=30)
    monkeypatch.setattr(locks, "now", lambda: later)
    refreshed = held.refresh()
    assert read_lock(path).refreshed == later.isoformat(timespec="seconds")
    assert read_lock(path).since == held.lock.since
    assert refreshed.release()


def test_a_lock_of_a_process_gone_from_this_machine_is_stale(tmp_path):
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    pid = int(gone.stdout)
    moment = datetime.now(UTC).isoformat(timespec="seconds")
    lock = Lock("Ana", this_machine(), pid, moment, moment)
    assert "is gone" in lock.stale_because()


def test_another_machines_lock_counts_until_it_is_not_refreshed_for_long(tmp_path):
    fresh = datetime.now(UTC)
    lock = Lock("Ben", "BEN-PC", 1, fresh.isoformat(), fresh.isoformat())
    assert lock.stale_because() is None
    assert lock.stale_because(fresh + STALE_AFTER - timedelta(minutes=1)) is None
    assert "has not confirmed it for over 1 hour" in lock.stale_because(
        fresh + STALE_AFTER + timedelta(minutes=1)
    )


def test_a_lock_that_cannot_be_read_does_not_stop_anyone(tmp_path):
    path = tmp_path / "plan.blueprint"
    assert read_lock(path) is None
    lock_path(path).write_text("not json")
    assert read_lock(path) is None
    lock_path(path).write_bytes(b"{" + b" " * 10_000 + b"}")
    assert read_lock(path) is None
    lock_path(path).write_text(json.dumps({"user": "Ana"}))
    assert read_lock(path) is None


def test_a_read_only_folder_opens_unlocked(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # running as root: every folder is writable
            return
        assert take_lock(folder / "plan.blueprint", "Ana") is None
    finally:
        folder.chmod(0o700)


def test_a_stale_lock_another_user_left_is_taken_over(tmp_path):
    """Another user's lock is theirs (0644 under the usual umask): as a file the user may
    not write, a save would keep it, and 'Cleared a lock Ana left' cleared nothing."""
    path = tmp_path / "plan.blueprint"
    path.write_text("{}")
    old = datetime(2020, 1, 1, tzinfo=UTC).isoformat(timespec="seconds")
    write_lock(path, Lock("Ana", "ANA-PC", 1, old, old))
    lock_path(path).chmod(0o444)  # not writable by its owner: as if it were someone else's
    held = take_lock(path, "Ben")
    assert held is not None
    assert read_lock(path).user == "Ben"
