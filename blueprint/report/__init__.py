"""The improvement plan: what its pages say (``content``), the PDF (reportlab) and the deck
(python-pptx) that draw it, fonts. No Qt.

``render_plan_pdf(bp, plan, output)`` and ``render_plan_pptx(bp, plan, output)`` are the
entry points; see their docstrings.

The entry points are loaded on first use (PEP 562): the editor shows numbers as the plan
prints them (``report.formatting``) without paying for reportlab at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .deck import DeckResult, render_plan_pptx
    from .errors import ReportError
    from .render import RenderResult, render_plan_pdf

__all__ = ["DeckResult", "RenderResult", "ReportError", "render_plan_pdf", "render_plan_pptx"]

_HOMES = {
    "ReportError": ".errors",
    "RenderResult": ".render",
    "render_plan_pdf": ".render",
    "DeckResult": ".deck",
    "render_plan_pptx": ".deck",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value
