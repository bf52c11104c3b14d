"""What the app bundle leaves out: the Qt pieces the app never uses, nothing it needs."""

import re
from pathlib import Path

import pytest

import blueprint
from tools.bundle_contents import EXCLUDED_MODULES, keeps_file, plugin_name

PLUGINS = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    ("path", "name"),
    [("libqgtk3.so", "gtk3"), ("qwindows.dll", "windows"), ("libqsvg.dylib", "svg")],
)
def test_plugin_names_are_read_on_every_platform(path, name):
    assert plugin_name(path) == name


@pytest.mark.parametrize(
    ("folder", "plugin"),
    [
        ("platforms", "libqxcb.so"),
        ("platforms", "libqwayland.so"),
        ("platforms", "libqoffscreen.so"),  # headless use and the smoke test
        ("platforms", "qwindows.dll"),
        ("platforms", "libqcocoa.dylib"),
        ("platformthemes", "libqxdgdesktopportal.so"),
        ("platforminputcontexts", "libibusplatforminputcontextplugin.so"),  # typing accents
        ("imageformats", "libqsvg.so"),
        ("iconengines", "libqsvgicon.so"),
        ("styles", "qmodernwindowsstyle.dll"),
        ("wayland-shell-integration", "libxdg-shell.so"),
    ],
)
def test_what_the_desktop_app_needs_is_kept(folder, plugin):
    assert keeps_file(f"{PLUGINS}/{folder}", f"/site/{PLUGINS}/{folder}/{plugin}")


@pytest.mark.parametrize(
    ("folder", "plugin"),
    [
        ("platformthemes", "libqgtk3.so"),  # pulls in GTK 3
        ("platforms", "libqeglfs.so"),
        ("platforms", "libqvnc.so"),
        ("tls", "libqopensslbackend.so"),
        ("networkinformation", "libqnetworkmanager.so"),
        ("imageformats", "libqtiff.so"),
        ("egldeviceintegrations", "libqeglfs-kms-egldevice-integration.so"),
    ],
)
def test_what_it_never_uses_is_left_out(folder, plugin):
    assert not keeps_file(f"{PLUGINS}/{folder}", f"/site/{PLUGINS}/{folder}/{plugin}")


def test_qt_translations_are_left_out_and_libraries_kept():
    assert not keeps_file("PySide6/Qt/translations", "/site/qtbase_de.qm")
    assert keeps_file("PySide6/Qt/lib", "/site/PySide6/Qt/lib/libQt6Widgets.so.6")


def test_no_qt_module_the_app_imports_is_excluded():
    """Read from the code itself: QtNetwork, first imported for the second start's local
    socket, was still on the list, and the bundle would have failed at its start."""
    sources = Path(blueprint.__file__).parent.rglob("*.py")
    used = {
        found
        for source in sources
        for found in re.findall(r"^\s*(?:from|import) (PySide6\.Qt\w+)", source.read_text(), re.M)
    }
    assert {"PySide6.QtCore", "PySide6.QtWidgets", "PySide6.QtNetwork"} <= used
    assert not used & set(EXCLUDED_MODULES)
