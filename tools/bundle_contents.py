"""What the app bundle leaves out, and why: the one list the PyInstaller spec and its Qt
hooks read.

PyInstaller's hooks for PySide6 collect every plugin of each Qt module the app imports, and
the libraries those plugins link to. blueprint draws its widgets with the raster engine and
does not touch the network, so most of that is dead weight; it is dropped here, in the hooks,
before PyInstaller follows the plugins' own dependencies (the GTK theme plugin alone pulls in
GTK, cairo and pango). QtNetwork is kept for its local sockets only: its TLS and network
information plugins are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

#: Python modules the app never imports, but that a dependency may name (pydantic.v1's
#: hypothesis plugin, PySide6's link-time imports, PyInstaller's own setuptools hook).
EXCLUDED_MODULES: tuple[str, ...] = (
    # Qt modules blueprint does not use (it uses QtCore, QtGui, QtWidgets, QtSvg, and
    # QtNetwork for the local socket on which a second start finds the window of its file).
    *(
        f"PySide6.{name}"
        for name in (
            "QtDBus",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtPrintSupport",
            "QtQml",
            "QtQuick",
            "QtQuickControls2",
            "QtQuickWidgets",
            "QtQuickTest",
            "QtSql",
            "QtTest",
            "QtXml",
            "QtConcurrent",
            "QtDesigner",
            "QtHelp",
            "QtUiTools",
            "QtSvgWidgets",
        )
    ),
    # Pillow is needed by reportlab, but not its codecs for formats the plan never holds.
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    # Development tools some library mentions in passing.
    "hypothesis",
    "pytest",
    "_pytest",
    "setuptools",
    "pkg_resources",
    "distutils",
    "tkinter",
)

#: Qt plugin folders dropped whole: why each is not needed.
DROPPED_PLUGIN_FOLDERS: dict[str, str] = {
    "egldeviceintegrations": "embedded displays without a window system",
    "generic": "evdev and TUIO input for kiosks",
    "networkinformation": "no network use",
    "tls": "no network use",
    "xcbglintegrations": "OpenGL on X11: the widgets are drawn without OpenGL",
    "qmltooling": "no QML",
    "sqldrivers": "no SQL",
    "printsupport": "no printing dialog",
}

#: Single plugins dropped (by name, without the platform's 'lib'/'q' prefix and suffix).
DROPPED_PLUGINS: dict[str, tuple[str, ...]] = {
    # Embedded and remote platforms; the desktop ones (xcb, wayland, windows, cocoa) and
    # offscreen (for headless use and the smoke test) stay.
    "platforms": ("eglfs", "linuxfb", "minimalegl", "vkkhrdisplay", "vnc"),
    # The GTK theme pulls in GTK 3 and its stack; the desktop portal theme stays.
    "platformthemes": ("gtk3",),
    # The app reads no pictures; SVG stays for icon themes.
    "imageformats": ("gif", "icns", "jpeg", "tga", "tiff", "wbmp", "webp", "pdf"),
}


def plugin_name(path: str) -> str:
    """'libqgtk3.so' -> 'gtk3', 'qwindows.dll' -> 'windows', 'libqsvg.dylib' -> 'svg'."""
    stem = PurePath(path).name.split(".")[0]
    stem = stem.removeprefix("lib")
    return stem.removeprefix("q")


def keeps_plugin(folder: str, path: str) -> bool:
    if folder in DROPPED_PLUGIN_FOLDERS:
        return False
    return plugin_name(path) not in DROPPED_PLUGINS.get(folder, ())


def keeps_file(destination: str, source: str) -> bool:
    """Whether a file a Qt hook collected goes into the bundle.

    ``destination`` is the folder it goes to, e.g. ``PySide6/Qt/plugins/platforms``.
    """
    parts = PurePath(destination).parts
    if "translations" in parts:
        return False  # the app is in English and loads no translator
    if "plugins" in parts:
        below = parts[parts.index("plugins") + 1 :]
        return not below or keeps_plugin(below[0], source)
    return True


def filtered(entries: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A hook's (source, destination folder) list, less what the app does not use."""
    return [(source, dest) for source, dest in entries if keeps_file(dest, source)]


def qt_hook(hook_file: str) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """PyInstaller's own collection for the Qt module a hook file is named after, filtered."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    excluded = set(EXCLUDED_MODULES)
    return (
        [name for name in hiddenimports if name not in excluded],
        filtered(binaries),
        filtered(datas),
    )
