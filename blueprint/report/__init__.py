"""The PDF improvement plan: layout from the model, reportlab rendering, fonts. No Qt.

``render_plan_pdf(bp, plan, output)`` is the one entry point; see its docstring.

The entry points are loaded on first use (PEP 562): the editor shows numbers as the plan
prints them (``report.formatting``) without paying for reportlab at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import ReportError
    from .render import RenderResult, render_plan_pdf

__all__ = ["RenderResult", "ReportError", "render_plan_pdf"]

_HOMES = {"ReportError": ".errors", "RenderResult": ".render", "render_plan_pdf": ".render"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value
