"""Saving never destroys the previous file: failures leave it byte-identical."""

import errno
import os
import stat

import pytest

from blueprint.storage import SaveError, atomic_write_bytes, load_blueprint, save_blueprint
from blueprint.storage import atomic as atomic_module
from tests.factories import small_blueprint

OLD = b"old contents\n"


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "plan.blueprint"
    path.write_bytes(OLD)
    return path


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_save_replaces_the_file_and_leaves_no_temporary(target):
    save_blueprint(small_blueprint(), target)
    assert load_blueprint(target) == small_blueprint()
    assert leftovers(target.parent) == []


def test_save_keeps_the_original_permissions(target):
    target.chmod(0o640)
    save_blueprint(small_blueprint(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_ordinary_permissions(tmp_path):
    path = tmp_path / "new.blueprint"
    save_blueprint(small_blueprint(), path)
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & 0o600 == 0o600 and not mode & 0o111


def test_file_and_folder_are_fsynced(target, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def spy(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(atomic_module.os, "fsync", spy)
    save_blueprint(small_blueprint(), target)
    assert synced == [False, True], "the data, then the folder holding the rename"


def failing(error_number):
    def fail(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))

    return fail


def test_full_disk_leaves_the_old_file_untouched(target, monkeypatch):
    monkeypatch.setattr(atomic_module.os, "fsync", failing(errno.ENOSPC))
    with pytest.raises(SaveError) as caught:
        save_blueprint(small_blueprint(), target)
    assert target.read_bytes() == OLD
    assert str(target) in str(caught.value) and "the disk is full" in str(caught.value)
    assert leftovers(target.parent) == []


def test_read_only_folder_leaves_the_old_file_untouched(target, monkeypatch):
    # Simulated: the tests may run as root, for whom no folder is read-only.
    monkeypatch.setattr(atomic_module.tempfile, "mkstemp", failing(errno.EACCES))
    with pytest.raises(SaveError, match="permission denied"):
        save_blueprint(small_blueprint(), target)
    assert target.read_bytes() == OLD


def test_a_read_only_file_in_a_writable_folder_is_not_replaced(target):
    # chmod 444: for root, who may write it all the same, the mode says it is to be kept.
    target.chmod(0o444)
    with pytest.raises(SaveError) as caught:
        save_blueprint(small_blueprint(), target)
    reason = "cannot save: permission denied (the file is read-only for you)"
    assert str(caught.value) == f"{target}: {reason}"
    assert target.read_bytes() == OLD and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert leftovers(target.parent) == []


def test_another_users_file_without_write_permission_is_not_replaced(target, monkeypatch):
    # Simulated for a user who is not root: the file is someone else's, 0644; the folder
    # is shared and writable, so only the check of the file stops the rename.
    monkeypatch.setattr(atomic_module.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(atomic_module.os, "access", lambda path, mode, **kw: mode != os.W_OK)
    with pytest.raises(SaveError, match="the file is read-only for you"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == OLD


def test_a_file_the_user_may_write_is_replaced_whoever_owns_it(target, monkeypatch):
    monkeypatch.setattr(atomic_module.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(atomic_module.os, "access", lambda path, mode, **kw: True)
    # An access list may let a user write a file whose mode says otherwise: for a user who
    # is not root, the system's own answer (os.access) has the last word.
    target.chmod(0o444)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"


def test_a_read_only_symlinked_file_is_not_replaced_through_its_link(tmp_path):
    real = tmp_path / "real.blueprint"
    real.write_bytes(OLD)
    real.chmod(0o444)
    link = tmp_path / "mine.blueprint"
    link.symlink_to(real)
    with pytest.raises(SaveError, match="read-only"):
        save_blueprint(small_blueprint(), link)
    assert real.read_bytes() == OLD and link.is_symlink()


def test_failed_rename_leaves_the_old_file_and_no_temporary(target, monkeypatch):
    monkeypatch.setattr(atomic_module.os, "replace", failing(errno.EROFS))
    with pytest.raises(SaveError, match="read-only"):
        save_blueprint(small_blueprint(), target)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SaveError, match="folder does not exist"):
        save_blueprint(small_blueprint(), tmp_path / "no" / "such" / "x.blueprint")


def test_saving_under_a_file_is_a_clear_error(target):
    with pytest.raises(SaveError, match="not a folder"):
        atomic_write_bytes(target / "inside.blueprint", b"x")


def test_saving_over_a_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SaveError, match="is a folder"):
        atomic_write_bytes(tmp_path, b"x")


def test_saving_through_a_symlink_updates_the_file_it_points_to(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "real.blueprint"
    real.write_bytes(OLD)
    link = tmp_path / "mine.blueprint"
    link.symlink_to(real)
    save_blueprint(small_blueprint(), link)
    assert link.is_symlink()
    assert load_blueprint(real) == small_blueprint()


def test_text_with_half_a_character_is_saved_not_refused(tmp_path):
    bp = small_blueprint()
    bp.title = "Broken \ud800 paste 😀"
    path = tmp_path / "x.blueprint"
    save_blueprint(bp, path)
    assert load_blueprint(path).title == "Broken \ufffd paste 😀"


def test_a_folder_that_takes_no_file_is_not_said_to_be_missing(tmp_path, monkeypatch):
    """/proc answers "no such file" when a file is made in it: saving a blueprint there said
    the folder does not exist (it is there)."""

    def refuses(*args, **kwargs):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(atomic_module.tempfile, "mkstemp", refuses)
    with pytest.raises(SaveError) as raised:
        save_blueprint(small_blueprint(), tmp_path / "plan.blueprint")
    assert str(raised.value).endswith(
        "cannot save: the folder exists but cannot be written to (no file can be made in it)"
    )
    with pytest.raises(SaveError, match="the folder does not exist"):
        save_blueprint(small_blueprint(), tmp_path / "missing" / "plan.blueprint")
