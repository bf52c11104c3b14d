"""Overlays on the canvas: the friction heat map, EPIC colours, the emotion curve, filters
by persona and friction, search, and the highlight of what another view points at."""

from .install import Overlays, install_overlays

__all__ = ["Overlays", "install_overlays"]
