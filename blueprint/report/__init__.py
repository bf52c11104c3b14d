"""The PDF improvement plan: layout from the model, reportlab rendering, fonts. No Qt.

``render_plan_pdf(bp, plan, output)`` is the one entry point; see its docstring.
"""

from .errors import ReportError
from .render import RenderResult, render_plan_pdf

__all__ = ["RenderResult", "ReportError", "render_plan_pdf"]
