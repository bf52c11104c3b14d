"""Tooltips that show user text as typed."""

from __future__ import annotations

import html


def plain_tip(text: str) -> str:
    """A tooltip that shows user text as typed: Qt would render markup in a plain tooltip."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
