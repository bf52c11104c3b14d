"""What a feature of the editor is handed to work with, instead of the whole main window.

The main window composes the editor: it makes the document's canvas and the menus, hands
them to each ``install_*`` function in one ``Workbench``, and keeps what the installers
return. A feature reads only this, and any other feature it needs, passed to it by name:
it can be read, and tested on a bare ``QMainWindow``, without the rest of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow

from .canvas.view import CanvasView
from .document import Document
from .menus import Menus


@dataclass(frozen=True)
class Workbench:
    #: Where docks, tool bars, status-bar widgets and window-wide keys go; parent of dialogs.
    frame: QMainWindow
    #: The open blueprint; changed only through commands on its ``undo_stack``.
    document: Document
    #: The grid of cards; its scene knows which are selected.
    canvas: CanvasView
    #: The menus features add their actions to.
    menus: Menus
    #: A line in the status bar: what an action did, or why it was refused.
    show_status: Callable[[str], None]
    #: A failure the user must see (title, message, and optionally the details the message
    #: shortens), in a dialog.
    show_error: Callable[..., None]
