"""The fields of one piece of evidence, bound to ``EditEvidence``: quote or observation, the
words, how it was gathered, when, a web link to open, a file kept beside the blueprint."""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ..commands import EditEvidence
from ..document import Document
from ..outside import open_outside
from ..tips import set_plain_tip
from .attachment import AttachmentBinding, AttachmentField
from .bindings import EntityForm
from .entry_bindings import DateBinding
from .evidence_text import DATE_HELP, EVIDENCE_KINDS, EVIDENCE_SOURCES
from .forms import add_row, compact_combo, form_layout, text_area
from .warnings import warning_label

#: Field -> label with the Alt+letter each takes on the inspector's Evidence tab.
INSPECTOR_LABELS: Mapping[str, str] = {
    "add_quote": "Add &quote",
    "add_observation": "Add o&bservation",
    "remove": "Remove",
    "kind": "Kind:",
    "text": "Te&xt:",
    "source": "Gathered b&y:",
    "date": "&When:",
    "link": "Lin&k:",
    "attachment": "File:",
}
#: On the Friction tab, whose fields take nearly every letter: only the words get one.
FRICTION_LABELS: Mapping[str, str] = {
    "add_quote": "Add quote",
    "add_observation": "Add observation",
    "remove": "Remove",
    "kind": "Kind:",
    "text": "Te&xt:",
    "source": "Gathered by:",
    "date": "When:",
    "link": "Link:",
    "attachment": "File:",
}
#: Web addresses a click may open; anything else is shown, not opened.
OPENABLE = ("http://", "https://", "mailto:")


def openable_link(link: str) -> str | None:
    """The address a click opens: a web or mail address ('www.' gets https), else None."""
    link = link.strip()
    if link.lower().startswith(OPENABLE):
        return link
    if link.lower().startswith("www."):
        return f"https://{link}"
    return None


class LinkLabel(QLabel):
    """'Open link ↗' under the link field, reachable by Tab and opened by Enter or a click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setOpenExternalLinks(False)
        self.linkActivated.connect(self._open)
        self._url: str | None = None

    def show_link(self, link: str) -> None:
        self._url = openable_link(link)
        if self._url is None:
            self.setText("")
            set_plain_tip(self, "")
            self.setVisible(bool(link.strip()))
            if link.strip():
                self.setText(html.escape("Not a web address: it is kept, not opened"))
            return
        self.setText(f'<a href="{html.escape(self._url, quote=True)}">Open link ↗</a>')
        set_plain_tip(self, self._url)
        self.setAccessibleName(f"Open link {self._url}")
        self.show()

    @property
    def url(self) -> str | None:
        return self._url

    def _open(self, _href: str) -> None:
        if self._url is not None:
            open_outside(QUrl(self._url))


class EvidenceForm(QWidget):
    def __init__(
        self,
        document: Document,
        labels: Mapping[str, str] = INSPECTOR_LABELS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = EntityForm(document, EditEvidence, self)
        form = form_layout()
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = compact_combo(12)
        add_row(form, labels["kind"], self.kind, "A quote is the customer's own words")
        self.form.bind(self.kind, "kind", EVIDENCE_KINDS)
        self.text = text_area(4, "Text", "The customer's words, or what was seen")
        add_row(form, labels["text"], self.text)
        self.text.setAccessibleName("Evidence text")
        self.form.bind(self.text, "text")
        self.source = compact_combo(12)
        add_row(form, labels["source"], self.source, "How it was gathered")
        self.form.bind(self.source, "source", EVIDENCE_SOURCES)
        self.date = QLineEdit()
        add_row(form, labels["date"], self.date, DATE_HELP)
        self.date.setAccessibleName("Evidence date")
        self.date_note = warning_label()
        form.addRow(self.date_note)
        self.form.add_binding(DateBinding(self.form, self.date, "date", self.date_note))
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://… where it can be found")
        add_row(form, labels["link"], self.link, "A web address where it can be found")
        self.form.bind(self.link, "link")
        self.link.textChanged.connect(lambda text: self.open_link.show_link(text))
        self.open_link = LinkLabel()
        form.addRow("", self.open_link)
        self.attachment = AttachmentField(document)
        add_row(
            form,
            labels["attachment"],
            self.attachment,
            "A file kept beside the blueprint: a photo, a recording",
        )
        self.attachment.setAccessibleName("Attached file")
        self.form.add_binding(AttachmentBinding(self.form, self.attachment, "attachment"))
        self.setLayout(form)

    def show_evidence(self, evidence_id: str | None) -> None:
        self.form.show(evidence_id)
        self.open_link.show_link(self.link.text())

    def refresh(self) -> None:
        self.form.refresh()
        self.open_link.show_link(self.link.text())
