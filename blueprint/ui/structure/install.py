"""Putting the structure editor into the main window: header menus, drag to reorder,
rename in place, properties, the Structure menu, all on the window's canvas and document."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from ..canvas.view import CanvasView
from ..document import Document
from ..status import show_status
from .header_drag import HeaderDrag
from .header_menu import HeaderMenu
from .operations import StructureOperations
from .structure_menu import StructureMenu


class StructureTools(QObject):
    """Everything ``install_structure_editing`` adds to a window, for the window and tests."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        document: Document = window.document  # type: ignore[attr-defined]
        view: CanvasView = window.canvas  # type: ignore[attr-defined]
        self._scene = view.blueprint_scene
        self.operations = StructureOperations(view, document, window)
        self.rename = self.operations.rename
        self.drag = HeaderDrag(view, document, self.operations.move_to)
        self.header_menu = HeaderMenu(view, document, self.operations, window)
        self.menu = StructureMenu(window, self.operations, self.current_cell)
        self.operations.message.connect(self._status)

    def current_cell(self) -> tuple[str, str] | None:
        """The cell of the selected card (or clicked last), as the Edit actions see it."""
        editing = getattr(self._window, "editing", None)
        if editing is not None:
            return editing.selection.current_cell()
        chosen = self._scene.selected_touchpoint_ids()
        if len(chosen) != 1:
            return None
        tp = self._scene.document.touchpoint(chosen[0])
        return tp.stage_id, tp.channel_id

    def _status(self, message: str) -> None:
        show_status(self._window, message)


def install_structure_editing(window: QMainWindow) -> StructureTools:
    """Add the structure editor to a main window that has ``document`` and ``canvas``."""
    tools = StructureTools(window)
    window.structure = tools  # type: ignore[attr-defined]
    return tools
