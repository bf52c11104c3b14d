"""The properties of a stage or a channel, in a small window beside the canvas.

Every field is bound to ``EditStage``/``EditChannel`` as the inspector's are: a change is
made as the user makes it (typing merges into one undo step), and the header on the canvas
shows it at once. The window follows the document: undo shows the old value again, and it
closes when its stage or channel goes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..canvas import palette
from ..commands import EditChannel, EditStage, FieldEdit
from ..document import Document
from ..inspector.bindings import EntityForm
from ..inspector.choices import SOURCES
from ..inspector.forms import add_row, caption, form_layout, text_area
from ..inspector.numbers import NumberBox
from .labels import KIND_LABELS, STEP_LABELS

MAX_COST = 1_000_000.0
UNKNOWN_COST = "unknown"
STEP_HELP = (
    "The stairway of service: 5 is best (no contact needed), 0 is escalation or a customer "
    "lost. Friction that pushes customers into this channel drops them to this step."
)
COST_HELP = "What one contact in this channel costs; blank when unknown (the plan says so)."
COST_SOURCE_HELP = "Is the cost your own measured figure, an estimate, or not known?"
COST_SOURCES = ((None, "not said"), *SOURCES)


class PropertiesDialog(QDialog):
    """A modeless window bound to one entity at a time of ``command``'s collection."""

    command: type[FieldEdit]

    def __init__(self, document: Document, parent: QWidget) -> None:
        super().__init__(parent)
        self._document = document
        self.form = EntityForm(document, self.command, self)
        self.fields = form_layout()
        self.summary = caption("")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addLayout(self.fields)
        column.addStretch(1)
        column.addWidget(caption("Each change is one step of Edit › Undo."))
        column.addWidget(buttons)
        self.setMinimumWidth(440)
        document.edited.connect(self._follow)
        document.documentReset.connect(self._document_reset)

    @property
    def entity_id(self) -> str | None:
        return self.form.entity_id

    def show_entity(self, entity_id: str) -> None:
        """Show this stage (channel) and bring the window forward."""
        self.form.show(entity_id)
        self._describe()
        self.show()
        self.raise_()
        self.activateWindow()
        # The keys start in the first field, the name, to type over (they were on Close).
        first = self.form.first_field()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(first, QLineEdit):
                first.selectAll()

    def _document_reset(self) -> None:
        self.close()  # another blueprint: its stage or channel is not this one

    def _follow(self) -> None:
        if not self.isVisible() or self.entity_id is None:
            return
        if self.form.entity() is None:
            self.close()  # removed, or its creation undone
            return
        self.form.refresh()
        self._describe()

    def _describe(self) -> None:
        entity = self.form.entity()
        if entity is None:
            return
        noun = self.command.noun
        self.setWindowTitle(f"{noun.capitalize()} properties — {entity.name}")
        count = sum(
            1
            for tp in self._document.blueprint.touchpoints
            if getattr(tp, f"{noun}_id") == entity.id
        )
        self.summary.setText(
            f"The {noun} '{entity.name}' holds {count} touchpoint{'' if count == 1 else 's'}."
        )


class StageProperties(PropertiesDialog):
    command = EditStage

    def __init__(self, document: Document, parent: QWidget) -> None:
        super().__init__(document, parent)
        self.setObjectName("stageProperties")
        self.name = QLineEdit()
        add_row(self.fields, "&Name:", self.name)
        self.form.bind(self.name, "name")
        self.description = text_area(4, "Description", "What happens in this stage")
        add_row(self.fields, "&Description:", self.description)
        self.form.bind(self.description, "description")


class ChannelProperties(PropertiesDialog):
    command = EditChannel

    def __init__(self, document: Document, parent: QWidget) -> None:
        super().__init__(document, parent)
        self.setObjectName("channelProperties")
        self.name = QLineEdit()
        add_row(self.fields, "&Name:", self.name)
        self.form.bind(self.name, "name")
        self.kind = QComboBox()
        add_row(self.fields, "&Kind:", self.kind, "What kind of channel this is")
        self.form.bind(self.kind, "kind", KIND_LABELS)
        self.step = QComboBox()
        add_row(self.fields, "Stairway &step:", self.step, STEP_HELP)
        self.form.bind(self.step, "step", STEP_LABELS)
        for index, (step, _label) in enumerate(STEP_LABELS):
            self.step.setItemIcon(index, _swatch(palette.STEP[step]))
        self.fields.addRow("", caption("5 is best: the customer needs no contact at all."))
        self.cost = MoneyBox(0, MAX_COST, 0.5, 2, optional=True)
        self.cost.setSpecialValueText(UNKNOWN_COST)
        add_row(self.fields, "&Cost per contact:", self.cost, COST_HELP)
        self.form.bind(self.cost, "cost_per_contact")
        self.cost_source = QComboBox()
        add_row(self.fields, "Cost &is:", self.cost_source, COST_SOURCE_HELP)
        self.form.bind(self.cost_source, "cost_source", COST_SOURCES)
        self.cost_note = QLineEdit()
        self.cost_note.setPlaceholderText("a report, a system, a benchmark")
        add_row(self.fields, "Cost s&ource:", self.cost_note, "Where the cost comes from")
        self.form.bind(self.cost_note, "cost_note")
        self.description = text_area(3, "Description", "Notes about this channel")
        add_row(self.fields, "&Description:", self.description)
        self.form.bind(self.description, "description")

    def _describe(self) -> None:
        super()._describe()
        # Costs are in the blueprint's currency, which a reset (open) may change.
        suffix = f" {self._document.blueprint.currency}"
        if self.cost.suffix() != suffix:
            self.cost.setSuffix(suffix)


class MoneyBox(NumberBox):
    """An amount of money: always two decimals (0.80, not 0.8)."""

    def number_text(self, value: float) -> str:
        locale = self.locale()
        text = locale.toString(value, "f", self.decimals())
        return text if self.isGroupSeparatorShown() else text.replace(locale.groupSeparator(), "")


def _swatch(hex_colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(hex_colour))
    return QIcon(pixmap)
