"""Editing the grid's structure: add, rename, reorder (drag a header) and remove stages and
channels, and their properties (a channel's kind, stairway step and cost per contact).

``install_structure_editing(bench, selection)`` puts all of it into the main window.
"""

from .install import StructureTools, install_structure_editing

__all__ = ["StructureTools", "install_structure_editing"]
