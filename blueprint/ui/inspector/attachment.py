"""A file attached to a piece of evidence: kept as a path relative to the blueprint file,
shown as a thumbnail when it is an image, and as missing (never an error) when it is not
where the path says.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..document import Document
from ..outside import open_outside
from ..tips import set_plain_tip
from .bindings import Binding, EntityForm
from .warnings import set_warning, warning_label

THUMBNAIL = QSize(220, 150)
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"})
SAVE_FIRST = (
    "Save the blueprint first: an attached file is kept as a path relative to the "
    "blueprint file, so the two can move together."
)

#: Why a file kept beside the blueprint cannot be found while the blueprint has no file.
UNSAVED = " (the blueprint is not saved yet: its folder is not known)"


class AttachmentError(ValueError):
    """A file that cannot be attached; the message says why, for a person."""


def relative_attachment(blueprint_file: Path | None, chosen: Path) -> str:
    """The path the file keeps for ``chosen``: relative to the blueprint's folder, with
    forward slashes on every system."""
    if blueprint_file is None:
        raise AttachmentError(SAVE_FIRST)
    try:
        relative = os.path.relpath(chosen, blueprint_file.parent)
    except ValueError:  # another drive, on Windows
        raise AttachmentError(
            "The file must be on the same drive as the blueprint to be attached."
        ) from None
    return PurePosixPath(*Path(relative).parts).as_posix()


def resolve_attachment(blueprint_file: Path | None, attachment: str) -> Path | None:
    """Where an attachment is on this machine, or None when it cannot be there (the
    blueprint has no file yet, or the path is empty)."""
    if blueprint_file is None or not attachment.strip():
        return None
    return blueprint_file.parent / Path(PurePosixPath(attachment))


def is_file(path: Path) -> bool:
    """Whether a file is there; a path no system could have (a NUL in a hand-edited file)
    or a folder that cannot be read is simply not there."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def thumbnail(path: Path) -> QPixmap | None:
    """A small picture of an image file, read at that size (a photo of 40 megapixels is
    never decoded whole); None when it is not an image that can be read."""
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and (size.width() > THUMBNAIL.width() or size.height() > THUMBNAIL.height()):
        reader.setScaledSize(size.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(image)


class AttachmentField(QWidget):
    """The attached file's path, Choose file…, Open and Detach, and what the file is."""

    #: the path to keep ("" to detach)
    chosen = Signal(str)
    #: a file could not be attached; the message is for the user
    problem = Signal(str)

    def __init__(self, document: Document, choose_label: str = "Choose file…", parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._attachment = ""
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText("No file attached")
        self.path.setAccessibleName("Attached file")
        self.choose = QPushButton(choose_label)
        self.choose.setToolTip("Attach a file kept beside the blueprint: a photo, a recording")
        self.choose.clicked.connect(self.choose_file)
        self.open = QPushButton("Open")
        self.open.setToolTip("Open the attached file")
        self.open.clicked.connect(self.open_file)
        self.detach = QPushButton("Detach")
        self.detach.setToolTip("Keep the evidence, without the file")
        self.detach.clicked.connect(lambda: self.chosen.emit(""))
        self.picture = QLabel()
        self.picture.setAccessibleName("Attached picture")
        self.picture.hide()
        self.missing = warning_label()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.choose)
        buttons.addWidget(self.open)
        buttons.addWidget(self.detach)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(self.path)
        column.addLayout(buttons)
        column.addWidget(self.picture)
        column.addWidget(self.missing)

    def attachment(self) -> str:
        return self._attachment

    def file(self) -> Path | None:
        return resolve_attachment(self._document.path, self._attachment)

    def show_attachment(self, attachment: str) -> None:
        """Show the path kept, and the file where it says (or that it is missing)."""
        self._attachment = attachment or ""
        if self.path.text() != self._attachment:
            self.path.setText(self._attachment)
            self.path.setCursorPosition(0)
        found = self.file()
        exists = found is not None and is_file(found)
        picture = thumbnail(found) if exists and found is not None else None
        self.picture.setVisible(picture is not None)
        if picture is not None:
            self.picture.setPixmap(picture)
            set_plain_tip(self.picture, self._attachment)
        else:
            self.picture.clear()
        gone = bool(self._attachment) and not exists
        why = UNSAVED if self._document.path is None else ""
        set_warning(self.missing, f"missing: {self._attachment}{why}" if gone else "")
        self.open.setEnabled(exists)
        self.detach.setEnabled(bool(self._attachment))

    def choose_file(self) -> None:
        where = self._document.path
        if where is None:
            self.problem.emit(SAVE_FIRST)
            return
        start = self.file() or where.parent
        name, _filter = QFileDialog.getOpenFileName(
            self, "Attach a file", str(start), "All files (*)"
        )
        if not name:
            return
        try:
            self.chosen.emit(relative_attachment(where, Path(name)))
        except AttachmentError as error:
            self.problem.emit(str(error))

    def open_file(self) -> None:
        found = self.file()
        if found is not None and is_file(found):
            open_outside(QUrl.fromLocalFile(str(found)))


class AttachmentBinding(Binding):
    widget: AttachmentField

    def __init__(self, form: EntityForm, widget: AttachmentField, path: str) -> None:
        super().__init__(form, widget, path)
        widget.chosen.connect(lambda value: self.user_set(value, False))
        widget.problem.connect(form.problem)

    def show(self, value: Any) -> None:
        self.widget.show_attachment(value or "")
