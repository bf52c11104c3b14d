"""What the user can do to the structure, whichever menu, header or drag asked for it.

Every operation makes one command and pushes it (one undo step, named for the Edit menu);
a refusal goes to ``message`` in words. A removal first asks, showing what goes with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from ...model.defaults import channel_default_for
from ..canvas.view import CanvasView
from ..commands import AddChannel, AddStage, CommandError, push_checked
from ..commands.base import quoted
from ..document import Document
from .axes import STAGES, Axis
from .header_rename import HeaderRename
from .labels import NEW_CHANNEL_NAME, NEW_STAGE_NAME, unique_name
from .properties import ChannelProperties, PropertiesDialog, StageProperties
from .removal_dialog import RemovalDialog

REVEAL_MARGIN = 24


class StructureOperations(QObject):
    #: what an operation did, or why it was refused: for the status bar
    message = Signal(str)

    def __init__(self, view: CanvasView, document: Document, window: QWidget) -> None:
        super().__init__(window)
        self._view = view
        self._document = document
        self._window = window
        self.rename = HeaderRename(view, document)
        self.rename.problem.connect(self.message)
        self.stage_properties = StageProperties(document, window)
        self.channel_properties = ChannelProperties(document, window)
        for dialog in (self.stage_properties, self.channel_properties):
            dialog.form.problem.connect(self.message)

    # --- adding ----------------------------------------------------------------------------

    def add(self, axis: Axis, index: int | None = None) -> str | None:
        """Add a stage (channel) at ``index`` (the end when None), named ready to rename."""
        blueprint = self._document.blueprint
        taken = [e.name for e in getattr(blueprint, axis.kind)]
        name = unique_name(NEW_STAGE_NAME if axis is STAGES else NEW_CHANNEL_NAME, taken)
        if axis is STAGES:
            command = self._push(lambda: AddStage(self._document, name, index))
            new_id = command.stage_id if command is not None else None
        else:
            default = channel_default_for(name)
            command = self._push(
                lambda: AddChannel(self._document, name, default.kind, default.step, index=index)
            )
            new_id = command.channel_id if command is not None else None
        if new_id is not None:
            self.reveal(axis, new_id)
            self.rename.start(axis, new_id)
        return new_id

    def add_beside(self, axis: Axis, entity_id: str, after: bool) -> str | None:
        index = self._document.index_of(axis.kind, entity_id)
        return self.add(axis, index + 1 if after else index)

    # --- moving ----------------------------------------------------------------------------

    def move_to(self, axis: Axis, entity_id: str, index: int) -> None:
        if self._push(lambda: axis.move(self._document, entity_id, index)) is not None:
            self.reveal(axis, entity_id)

    def move_by(self, axis: Axis, entity_id: str, step: int) -> None:
        index = self._document.index_of(axis.kind, entity_id) + step
        if 0 <= index < len(getattr(self._document.blueprint, axis.kind)):
            self.move_to(axis, entity_id, index)
        else:
            edge = "first" if step < 0 else "last"
            self.message.emit(f"The {axis.noun} is already the {edge} one.")

    def can_move(self, axis: Axis, entity_id: str, step: int) -> bool:
        index = self._document.index_of(axis.kind, entity_id) + step
        return 0 <= index < len(getattr(self._document.blueprint, axis.kind))

    # --- removing ----------------------------------------------------------------------------

    def remove(self, axis: Axis, entity_id: str) -> bool:
        """Ask, showing what goes with it, then remove: True when it was removed."""
        document = self._document
        entity = document.get(axis.kind, entity_id)
        if entity is None:
            return False
        try:
            command = axis.remove(document, entity_id)
        except CommandError as error:
            self.message.emit(
                f"Cannot remove the {axis.noun} {quoted(entity.name)}: {error.reason}."
            )
            return False
        lines = axis.remove.consequences(document, entity_id).describe(document.blueprint)
        if not self.confirm_removal(axis.noun, entity.name, lines):
            return False
        document.push(command)
        self.message.emit(f"Removed the {axis.noun} {quoted(entity.name)}. Undo brings it back.")
        return True

    def confirm_removal(self, noun: str, name: str, lines: list[str]) -> bool:
        dialog = RemovalDialog(noun, name, lines, self._window)
        try:
            return dialog.ask()
        finally:
            dialog.deleteLater()

    # --- renaming and properties ---------------------------------------------------------------

    def start_rename(self, axis: Axis, entity_id: str) -> None:
        self.reveal(axis, entity_id)
        self.rename.start(axis, entity_id)

    def properties(self, axis: Axis) -> PropertiesDialog:
        return self.stage_properties if axis is STAGES else self.channel_properties

    def show_properties(self, axis: Axis, entity_id: str) -> None:
        if self._document.get(axis.kind, entity_id) is not None:
            self.properties(axis).show_entity(entity_id)

    # --- helpers -----------------------------------------------------------------------------

    def reveal(self, axis: Axis, entity_id: str) -> None:
        """Scroll the canvas so the stage's column (channel's row) is in sight."""
        band = axis.bands(self._view.blueprint_scene.grid_layout).get(entity_id)
        if band is None:
            return
        shown = self._view.mapToScene(self._view.viewport().rect()).boundingRect()
        if axis.horizontal:
            rect = QRectF(band.start, shown.center().y(), band.size, 1)
        else:
            rect = QRectF(shown.center().x(), band.start, 1, band.size)
        self._view.ensureVisible(rect, REVEAL_MARGIN, REVEAL_MARGIN)

    def _push(self, make: Callable[[], QUndoCommand]):
        return push_checked(self._document, make, self.message.emit)
