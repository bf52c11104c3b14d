"""The Linux archive and its install scripts, on a stand-in bundle: a user's home gets the
app, the command, the menu entry, the icons and the file type, and loses them again."""

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tools.linux_package import archive_name, make_archive

pytestmark = pytest.mark.skipif(not shutil.which("sh"), reason="needs a POSIX shell")


@pytest.fixture
def unpacked(tmp_path):
    bundle = tmp_path / "dist" / "blueprint"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "blueprint"
    program.write_text("#!/bin/sh\necho 'blueprint 9.9'\n")
    program.chmod(0o755)
    archive = make_archive(bundle, tmp_path / "dist", "9.9")
    assert archive.name == f"{archive_name('9.9')}.tar.gz"
    with tarfile.open(archive) as packed:
        packed.extractall(tmp_path / "out", filter="tar")
    return tmp_path / "out" / archive_name("9.9")


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home with space"
    folder.mkdir()
    return folder


def script(unpacked, name, home, **more):
    return subprocess.run(
        ["sh", str(unpacked / name)],
        env=script_env(home, **more),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_archive_holds_the_bundle_the_scripts_and_what_the_desktop_needs(unpacked):
    names = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    assert {
        "blueprint/blueprint",
        "install.sh",
        "uninstall.sh",
        "README.txt",
        "share/blueprint.desktop",
        "share/blueprint-mime.xml",
        "share/icons/hicolor/48x48/apps/blueprint.png",
        "share/icons/hicolor/scalable/apps/blueprint.svg",
    } <= names
    assert os.access(unpacked / "install.sh", os.X_OK)


def test_install_puts_everything_in_place_for_the_user_and_uninstall_removes_it(unpacked, home):
    result = script(unpacked, "install.sh", home)
    assert result.returncode == 0, result.stderr
    data = home / ".local" / "share"
    app = home / ".local" / "opt" / "blueprint" / "blueprint"
    entry = (data / "applications" / "blueprint.desktop").read_text()
    assert f'Exec="{app}" %f' in entry
    assert "MimeType=application/x-blueprint;" in entry
    assert (data / "mime" / "packages" / "blueprint.xml").is_file()
    assert (data / "icons/hicolor/128x128/apps/blueprint.png").is_file()
    assert (data / "icons/hicolor/128x128/mimetypes/application-x-blueprint.png").is_file()
    command = home / ".local" / "bin" / "blueprint"
    assert subprocess.run([command], capture_output=True, text=True).stdout == "blueprint 9.9\n"

    result = script(unpacked, "uninstall.sh", home)
    assert result.returncode == 0, result.stderr
    assert [p for p in home.rglob("*") if "blueprint" in p.name.casefold()] == []


def test_uninstall_takes_back_the_default_program_and_only_it(unpacked, home):
    """The file type's default (xdg-mime's line in mimeapps.list) stayed, naming a program
    that was gone; another program's choice, even for the same type, stays."""
    assert script(unpacked, "install.sh", home).returncode == 0
    choices = home / ".config" / "mimeapps.list"
    choices.parent.mkdir(exist_ok=True)
    choices.write_text(
        "[Default Applications]\napplication/x-blueprint=blueprint.desktop\n"
        "text/plain=gedit.desktop\n[Added Associations]\n"
        "application/x-blueprint=blueprint.desktop;other.desktop;\n"
    )
    assert script(unpacked, "uninstall.sh", home).returncode == 0
    assert choices.read_text() == (
        "[Default Applications]\ntext/plain=gedit.desktop\n[Added Associations]\n"
        "application/x-blueprint=other.desktop;\n"
    )
    assert not (home / ".local" / "opt").exists()  # made for Blueprint alone


def test_install_refuses_to_run_outside_the_unpacked_archive(unpacked, home):
    shutil.rmtree(unpacked / "blueprint")
    result = script(unpacked, "install.sh", home)
    assert result.returncode == 1
    assert "run me from the unpacked archive" in result.stderr


def test_the_menu_entry_quotes_the_program_only_where_it_must(unpacked, tmp_path):
    """xdg-open without a desktop took the quotes for part of the program's name: it could
    open no .blueprint file ('Permission denied')."""
    plain = tmp_path / "plainhome"
    plain.mkdir()
    assert script(unpacked, "install.sh", plain).returncode == 0
    entry = (plain / ".local/share/applications/blueprint.desktop").read_text()
    assert f"Exec={plain}/.local/opt/blueprint/blueprint %f" in entry


def test_install_never_empties_a_folder_of_something_else(unpacked, home):
    """BLUEPRINT_INSTALL_DIR=~/Apps took everything in ~/Apps away before copying."""
    apps = home / "Apps"
    (apps / "otherapp").mkdir(parents=True)
    (apps / "otherapp" / "data.txt").write_text("important")
    result = script(unpacked, "install.sh", home, BLUEPRINT_INSTALL_DIR=str(apps))
    assert result.returncode == 1
    assert "holds something else than Blueprint" in result.stderr
    assert (apps / "otherapp" / "data.txt").read_text() == "important"


def test_uninstall_finds_the_folder_install_was_given(unpacked, home):
    """Run without the variable, uninstall left the app and its command behind."""
    target = home / "Apps" / "Blueprint"
    result = script(unpacked, "install.sh", home, BLUEPRINT_INSTALL_DIR=str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "blueprint").is_file()
    result = script(unpacked, "uninstall.sh", home)
    assert result.returncode == 0, result.stderr
    assert not target.exists()
    assert not (home / ".local" / "bin" / "blueprint").exists()


def test_the_uninstaller_stays_with_the_app_once_the_download_is_gone(unpacked, home):
    """After the downloaded folder was cleaned up, nothing could take Blueprint away."""
    assert script(unpacked, "install.sh", home).returncode == 0
    app = home / ".local" / "opt" / "blueprint"
    kept = app / "uninstall.sh"
    assert kept.is_file()
    shutil.rmtree(unpacked)
    result = subprocess.run(["sh", str(kept)], env=script_env(home), capture_output=True)
    assert result.returncode == 0, result.stderr
    assert [p for p in home.rglob("*") if "blueprint" in p.name.casefold()] == []


def test_an_update_under_a_running_blueprint_is_refused(unpacked, home, tmp_path):
    """Replaced under the running app, its next plan failed ("Error -3 while decompressing
    data"): the program reads itself as it runs."""
    sleep = shutil.which("sleep")
    if sleep is None or not os.path.isdir("/proc/self"):
        pytest.skip("needs /proc and a sleep program")
    assert script(unpacked, "install.sh", home).returncode == 0
    program = home / ".local" / "opt" / "blueprint" / "blueprint"
    shutil.copy(sleep, program)  # a program that runs from the installed folder
    running = subprocess.Popen([program, "30"])
    try:
        result = script(unpacked, "install.sh", home)
        assert result.returncode == 1
        assert "Blueprint is running from" in result.stderr
        assert program.read_bytes() == Path(sleep).read_bytes()  # left as it was
    finally:
        running.kill()
        running.wait()
    assert script(unpacked, "install.sh", home).returncode == 0


def test_an_update_keeps_the_users_choice_and_uninstall_gives_back_the_old_default(unpacked, home):
    """Install took .blueprint files from the program that had them and uninstall never
    gave them back; each update took them again from a program chosen since."""
    choices = home / ".config" / "mimeapps.list"
    choices.parent.mkdir()
    choices.write_text("[Default Applications]\napplication/x-blueprint=vim.desktop\n")
    fake_xdg_mime(home)
    assert script(unpacked, "install.sh", home, PATH=path_with(home)).returncode == 0
    assert "application/x-blueprint=blueprint.desktop" in choices.read_text()
    choices.write_text("[Default Applications]\napplication/x-blueprint=gedit.desktop\n")
    assert script(unpacked, "install.sh", home, PATH=path_with(home)).returncode == 0
    assert "application/x-blueprint=gedit.desktop" in choices.read_text()  # chosen since
    choices.write_text("[Default Applications]\napplication/x-blueprint=blueprint.desktop\n")
    assert script(unpacked, "uninstall.sh", home, PATH=path_with(home)).returncode == 0
    assert choices.read_text() == "[Default Applications]\napplication/x-blueprint=vim.desktop\n"


def test_install_works_without_the_command_folder(unpacked, home):
    """A ~/.local/bin that could not be written stopped the install half-way: the app
    copied, no menu entry, no file type."""
    (home / ".local").mkdir()
    (home / ".local" / "bin").write_text("not a folder")
    result = script(unpacked, "install.sh", home)
    assert result.returncode == 0, result.stderr
    assert "could not put the 'blueprint' command" in result.stdout
    assert (home / ".local/share/applications/blueprint.desktop").is_file()


def test_a_read_only_download_installs_an_app_that_can_be_updated(unpacked, home):
    """Copied with the download's permissions, the app could be neither updated nor
    removed (587 files left)."""
    for path in [unpacked / "blueprint", *(unpacked / "blueprint").rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    try:
        assert script(unpacked, "install.sh", home).returncode == 0
    finally:
        for path in [unpacked / "blueprint", *(unpacked / "blueprint").rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    app = home / ".local" / "opt" / "blueprint"
    assert all(p.stat().st_mode & 0o200 for p in [app, *app.rglob("*")])


def test_another_programs_folder_is_never_emptied_for_its_internal_folder(unpacked, home):
    other = home / "Apps" / "Other"
    (other / "_internal").mkdir(parents=True)
    (other / "other").write_text("#!/bin/sh\n")
    result = script(unpacked, "install.sh", home, BLUEPRINT_INSTALL_DIR=str(other))
    assert result.returncode == 1 and (other / "other").is_file()


def test_a_percent_sign_in_the_path_is_written_as_the_menu_entry_wants(unpacked, tmp_path):
    folder = tmp_path / "pct100%"
    folder.mkdir()
    assert script(unpacked, "install.sh", folder).returncode == 0
    entry = (folder / ".local/share/applications/blueprint.desktop").read_text()
    assert f'Exec="{folder}/.local/opt/blueprint/blueprint"'.replace("%", "%%") + " %f" in entry


def script_env(home, **more):
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")} | {"HOME": str(home)}
    return {k: v for k, v in env.items() if k != "BLUEPRINT_INSTALL_DIR"} | more


def fake_xdg_mime(home):
    """An xdg-mime that writes the default as the real one does, for machines without it."""
    tools = home / "tools"
    tools.mkdir()
    fake = tools / "xdg-mime"
    fake.write_text(
        "#!/bin/sh\n"
        '[ "$1" = default ] || exit 0\n'
        'list="${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list"\n'
        'sed -i "/^$3=/d" "$list" 2>/dev/null\n'
        'grep -q "^\\[Default Applications\\]" "$list" 2>/dev/null'
        ' || echo "[Default Applications]" >> "$list"\n'
        'sed -i "/^\\[Default Applications\\]/a $3=$2" "$list"\n'
    )
    fake.chmod(0o755)


def path_with(home) -> str:
    return f"{home / 'tools'}:{os.environ.get('PATH', '')}"


def test_a_folder_named_with_a_slash_at_its_end_is_the_same_folder(unpacked, home):
    """`~/Apps/blueprint/` (a completed name) staged the copy inside the old install and
    deleted both: the menu entry pointed at nothing."""
    target = home / "Apps" / "blueprint"
    assert script(unpacked, "install.sh", home, BLUEPRINT_INSTALL_DIR=str(target)).returncode == 0
    result = script(unpacked, "install.sh", home, BLUEPRINT_INSTALL_DIR=f"{target}/")
    assert result.returncode == 0, result.stderr
    assert (target / "blueprint").is_file() and (target / "uninstall.sh").is_file()
    assert [p.name for p in target.parent.iterdir()] == ["blueprint"]  # nothing staged left


def test_a_running_blueprint_is_found_behind_a_linked_home(unpacked, tmp_path):
    """With the home folder behind a link, the running program's real path differed from
    the one typed, and the update went ahead under it."""
    sleep = shutil.which("sleep")
    if sleep is None or not os.path.isdir("/proc/self"):
        pytest.skip("needs /proc and a sleep program")
    real = tmp_path / "realhome"
    real.mkdir()
    linked = tmp_path / "linkhome"
    linked.symlink_to(real)
    assert script(unpacked, "install.sh", linked).returncode == 0
    program = linked / ".local" / "opt" / "blueprint" / "blueprint"
    shutil.copy(sleep, program)
    running = subprocess.Popen([program, "30"])
    try:
        result = script(unpacked, "install.sh", linked)
        assert result.returncode == 1 and "Blueprint is running from" in result.stderr
    finally:
        running.kill()
        running.wait()
