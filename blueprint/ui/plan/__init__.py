"""The plan inside the editor: the live plan and the views that show it."""

from .live import LivePlan

__all__ = ["LivePlan"]
