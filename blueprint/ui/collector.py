"""Python's garbage collector, held off while a scene makes its items."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Thousands of objects made and none freed: a garbage collection meanwhile would scan
    every object of the blueprint and find nothing to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
