"""The widgets a feature puts beside the status bar's message (the overlay legends, the
journey state, an export's progress), as the start page and the legends see them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QWidget


def shown_parts(bar: QStatusBar) -> list[QWidget]:
    """The status bar's own widgets in sight (its size grip aside)."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    return [
        w
        for w in bar.findChildren(QWidget, options=direct)
        if w.isVisibleTo(bar) and not isinstance(w, QSizeGrip)
    ]
