"""Export the canvas as a PNG image or an SVG drawing: from the File menu, or headless.

``export_canvas`` paints a fresh scene of the blueprint (no selection, no scrolling), into
memory, then writes the file atomically: a failed export never leaves half a file, and
every failure is a ``SaveError`` with a message for the user.
"""

from __future__ import annotations

import math
from functools import partial
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from ..model import Blueprint
from ..storage import SaveError, atomic_write_bytes
from .canvas.export import picture_size, render_png, render_svg
from .canvas.layout import compute_layout
from .canvas.scene import BlueprintScene
from .document import Document
from .tips import as_typed
from .wait_cursor import wait_cursor

#: file extension -> what the file dialog calls it
FORMATS = {".png": "PNG images (*.png)", ".svg": "SVG drawings (*.svg)"}
#: An image of more pixels (512 MiB in memory) is refused; an SVG drawing has no limit.
MAX_PIXELS = 2**27
#: QPainter cannot paint beyond this many pixels along a side.
MAX_SIDE = 32_767


def export_canvas(
    source: Document | Blueprint,
    path: Path | str,
    *,
    zoom: float = 1.0,
    device_pixel_ratio: float = 1.0,
) -> tuple[int, int]:
    """Write the whole canvas, headers included, to ``path`` (.png or .svg).

    ``zoom`` 1.0 is actual size. A PNG has ``device_pixel_ratio`` times the pixels each way
    (2 for a high-density screen). Returns the picture's size in pixels; raises
    ``SaveError``.
    """
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in FORMATS:
        named = f"'{path.suffix}'" if path.suffix else "no extension"
        raise SaveError(f"cannot export a picture with {named}: name it .png or .svg", path)
    if not zoom > 0 or not device_pixel_ratio > 0:
        raise ValueError("zoom and device pixel ratio must be positive")
    blueprint = source.blueprint if isinstance(source, Document) else source
    if kind == ".png":
        _check_image_size(blueprint, zoom, device_pixel_ratio, path)
    # Python owns the document, and the scene is its child: both go when this returns.
    document = Document(blueprint)
    scene = BlueprintScene(document, parent=document)
    if kind == ".svg":
        size = picture_size(scene, zoom)
        data = render_svg(scene, zoom, title=blueprint.title)
    else:
        size = picture_size(scene, zoom, device_pixel_ratio)
        data = render_png(scene, zoom, device_pixel_ratio)
    if not data:
        raise SaveError("cannot export: the picture could not be made (out of memory?)", path)
    atomic_write_bytes(path, data)
    return size.width(), size.height()


#: The longer side of the canvas's picture in a deck, at most: sharp on a projector, and a
#: deck of a few megabytes however large the blueprint.
DECK_PICTURE_SIDE = 2400


def canvas_picture(blueprint: Blueprint, longest_side: int = DECK_PICTURE_SIDE) -> bytes:
    """The canvas as File > Export as PNG paints it, as PNG bytes no longer than
    ``longest_side`` pixels either way (for the plan's deck). Raises ``SaveError`` when
    the picture cannot be made."""
    layout = compute_layout(blueprint)
    zoom = min(1.0, longest_side / max(layout.width, layout.height, 1))
    document = Document(blueprint)
    scene = BlueprintScene(document, parent=document)
    data = render_png(scene, zoom)
    if not data:
        raise SaveError("cannot make the picture of the canvas (out of memory?)")
    return data


def fitting_zoom(blueprint: Blueprint, device_pixel_ratio: float = 1.0) -> float:
    """Actual size, or the largest zoom at which the whole canvas fits in an image."""
    return min(1.0, 0.999 * _largest_zoom(blueprint, device_pixel_ratio))


def _largest_zoom(blueprint: Blueprint, device_pixel_ratio: float) -> float:
    layout = compute_layout(blueprint)
    width, height = layout.width * device_pixel_ratio, layout.height * device_pixel_ratio
    by_area = math.sqrt(MAX_PIXELS / (width * height)) if width * height else math.inf
    by_side = MAX_SIDE / max(width, height, 1)
    return min(by_area, by_side)


def _check_image_size(
    blueprint: Blueprint, zoom: float, device_pixel_ratio: float, path: Path
) -> None:
    largest = _largest_zoom(blueprint, device_pixel_ratio)
    if zoom <= largest:
        return
    layout = compute_layout(blueprint)
    scale = zoom * device_pixel_ratio
    width, height = round(layout.width * scale), round(layout.height * scale)
    raise SaveError(
        f"cannot export: the picture would be {width} x {height} pixels, too large for an "
        f"image; use a zoom of at most {math.floor(largest * 100) / 100:g}, or export as SVG",
        path,
    )


def export_headless(
    blueprint: Blueprint, path: Path | str, *, zoom: float = 1.0
) -> tuple[int, int]:
    """``export_canvas`` for the command line: with a Qt application made for it (unless
    one runs already) and torn down straight after."""
    app = QApplication.instance()
    owns_app = app is None
    if owns_app:
        app = QApplication(["blueprint"])
    try:
        return export_canvas(blueprint, path, zoom=zoom)
    finally:
        if owns_app:
            app.shutdown()


# --- the File menu ----------------------------------------------------------------------------


def add_export_actions(window: QMainWindow) -> list[QAction]:
    """Add File > Export as PNG… and Export as SVG… to ``window`` (which has a
    ``document``); they go just before the last group of the menu (Quit)."""
    menu = _file_menu(window)
    actions = []
    for kind, text, tip in (
        (".png", "Export as PN&G…", "Save a picture of the whole canvas as a PNG image"),
        (".svg", "Export as S&VG…", "Save the whole canvas as an SVG drawing"),
    ):
        action = QAction(text, window)
        action.setStatusTip(tip)
        action.triggered.connect(partial(export_from_window, window, kind))
        actions.append(action)
    separators = [a for a in menu.actions() if a.isSeparator()]
    if separators:
        last = separators[-1]
        menu.insertSeparator(last)
        menu.insertActions(last, actions)
    else:
        menu.addSeparator()
        menu.addActions(actions)
    return actions


def _file_menu(window: QMainWindow) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == "File":
            return menu
    return window.menuBar().addMenu("&File")


def export_from_window(window: QMainWindow, kind: str, _checked: bool = False) -> Path | None:
    """Ask where, export, and report: errors in a dialog, success in the status bar."""
    document: Document = window.document  # type: ignore[attr-defined]
    path = _ask_export_path(window, document, kind)
    if path is None:
        return None
    ratio = window.devicePixelRatioF()
    try:
        with wait_cursor():
            zoom = fitting_zoom(document.blueprint, ratio)
            export_canvas(document, path, zoom=zoom, device_pixel_ratio=ratio)
    except SaveError as error:
        QMessageBox.critical(window, "Cannot export the canvas", as_typed(str(error)))
        return None
    shrunk = "" if zoom == 1.0 else f" at {zoom:.0%}, as large as an image can be"
    window.statusBar().showMessage(f"Exported {path.name}{shrunk}", 8000)
    return path


def _ask_export_path(window: QMainWindow, document: Document, kind: str) -> Path | None:
    if document.path is not None:
        start = document.path.with_suffix(kind)
    else:
        start = Path(document.folder()) / f"untitled{kind}"
    title = f"Export as {kind[1:].upper()}"
    name, _ = QFileDialog.getSaveFileName(window, title, str(start), FORMATS[kind])
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(kind)
