"""Editing the blueprint: the inspector and personas docks, Edit actions on the canvas
selection (add, copy, paste, duplicate, connect), and rename in place.

``install_editing(bench)`` puts all of it into the main window (see ``ui/workbench.py``).
"""

from .install import EditingTools, install_editing

__all__ = ["EditingTools", "install_editing"]
