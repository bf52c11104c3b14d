"""Workshop mode: full screen, larger type, and quick capture of cards."""

from .mode import WorkshopMode, install_workshop

__all__ = ["WorkshopMode", "install_workshop"]
