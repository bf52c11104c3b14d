"""Pure functions over the model: scoring, stairway, waves, EPIC, heat map. No Qt, no I/O."""

from .journey import channel_switches

__all__ = ["channel_switches"]
