"""Putting the structure editor into the main window: header menus, drag to reorder,
rename in place, properties, the Structure menu, all on the workbench's canvas and document."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ..inspector.selection import CanvasSelection
from ..workbench import Workbench
from .header_drag import HeaderDrag
from .header_menu import HeaderMenu
from .operations import StructureOperations
from .structure_menu import StructureMenu


class StructureTools(QObject):
    """Everything ``install_structure_editing`` adds to a window, for the window and tests."""

    def __init__(self, bench: Workbench, selection: CanvasSelection) -> None:
        window = bench.frame
        super().__init__(window)
        self._bench = bench
        self._selection = selection
        document, view = bench.document, bench.canvas
        self.operations = StructureOperations(view, document, window)
        self.rename = self.operations.rename
        self.drag = HeaderDrag(view, document, self.operations.move_to)
        self.header_menu = HeaderMenu(view, document, self.operations, window)
        self.menu = StructureMenu(window, self.operations, self.current_cell, bench.menus.help)
        self.operations.message.connect(self._status)

    def current_cell(self) -> tuple[str, str] | None:
        """The cell of the selected card (or clicked last), as the Edit actions see it."""
        return self._selection.current_cell()

    def _status(self, message: str) -> None:
        self._bench.show_status(message)


def install_structure_editing(bench: Workbench, selection: CanvasSelection) -> StructureTools:
    """Add the structure editor to the workbench's canvas and menus; the stage or channel
    acted on is that of the current cell of ``selection`` (the editing tools')."""
    return StructureTools(bench, selection)
