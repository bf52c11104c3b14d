"""The lanes view: the blueprint drawn as the classic service blueprint, stage by stage."""

from .install import LanesTools, install_lanes
from .tabs import ViewTabs
from .view import LanesView

__all__ = ["LanesTools", "LanesView", "ViewTabs", "install_lanes"]
