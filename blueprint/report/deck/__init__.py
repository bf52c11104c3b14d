"""The plan as an editable PowerPoint deck (python-pptx); ``render_plan_pptx`` is the entry
point. What each slide says is ``report.content``'s, shared with the PDF."""

from __future__ import annotations

from .render import DeckResult, render_plan_pptx

__all__ = ["DeckResult", "render_plan_pptx"]
