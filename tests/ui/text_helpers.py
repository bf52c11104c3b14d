"""What a user reads in a label or a tooltip: Qt shows text that looks like markup as
markup, unless the widget is told the text is plain."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel


def _as_read(text: str, rich: bool) -> str:
    page = QTextDocument()
    if rich:
        page.setHtml(text)
    else:
        page.setPlainText(text)
    return page.toPlainText()


def shown_as(tip: str) -> str:
    """What a tooltip reads as on screen: Qt renders it as rich text when it looks like it."""
    return _as_read(tip, QtGui.Qt.mightBeRichText(tip))


def label_reads(label: QLabel) -> str:
    """What a label reads as on screen, by its text format."""
    text, shape = label.text(), label.textFormat()
    rich = shape == Qt.TextFormat.RichText or (
        shape == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    return _as_read(text, rich)
