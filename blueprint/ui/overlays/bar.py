"""The overlays bar above the canvas: switch the overlays on and off, and filter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QToolButton, QWidget

from ...model import Blueprint, FrictionKind
from ..accessible_names import name_widget
from ..inspector.forms import arrows_open_the_list
from .filters import KIND_CHOICES, SEVERITY_CHOICES, FrictionFilter

ALL_CUSTOMERS = "All customers"


class OverlayBar(QToolBar):
    #: persona id, or "" for every customer
    personaChosen = Signal(str)
    frictionFilterChosen = Signal(object)  # FrictionFilter
    resetRequested = Signal()

    def __init__(self, overlay_actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__("Overlays and Filters", parent)
        self.setObjectName("overlaysToolBar")  # the window saves where it is
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in overlay_actions:
            self.addAction(action)
        self.addSeparator()
        self.persona = self._combo("Show the touchpoints of one persona; the others fade")
        self.kind = self._combo("Show the touchpoints with friction of one kind; the others fade")
        self.severity = self._combo(
            "Show the touchpoints with friction this severe; the others fade"
        )
        for value, label in KIND_CHOICES:
            self.kind.addItem(label, "" if value is None else value.value)
        for value, label in SEVERITY_CHOICES:
            self.severity.addItem(label, value)
        self.addWidget(self._label("Persona", self.persona))
        self.addWidget(self.persona)
        self.addWidget(self._label("Friction", self.kind))
        self.addWidget(self.kind)
        self.addWidget(self.severity)
        # What each is for, not its value ("All kinds"), for a screen reader.
        name_widget(self.persona, "Persona filter")
        name_widget(self.kind, "Friction kind filter")
        name_widget(self.severity, "Friction severity filter")
        self.reset = QToolButton(self)
        self.reset.setText("Show All")
        self.reset.setToolTip("Clear the filters: every persona, every friction point")
        self.addWidget(self.reset)
        self.persona.activated.connect(self._persona_chosen)
        self.kind.activated.connect(self._friction_filter_chosen)
        self.severity.activated.connect(self._friction_filter_chosen)
        self.reset.clicked.connect(self.resetRequested)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(buddy)  # what assistive technology reads as the buddy's label
        label.setContentsMargins(8, 0, 4, 0)
        return label

    def _combo(self, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tip)
        combo.setStatusTip(tip)
        # A long persona name must not push the rest of the bar out of the window.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        arrows_open_the_list(combo)
        return combo

    # --- showing the state -------------------------------------------------------------------

    def show_personas(self, blueprint: Blueprint, chosen: str | None) -> None:
        """List the blueprint's personas, ``chosen`` current (None: every customer)."""
        entries = [("", ALL_CUSTOMERS), *((p.id, p.name) for p in blueprint.personas)]
        current = [
            (self.persona.itemData(i), self.persona.itemText(i))
            for i in range(self.persona.count())
        ]
        if current != entries:
            self.persona.clear()
            for persona_id, name in entries:
                self.persona.addItem(name, persona_id)
        self.persona.setEnabled(len(entries) > 1)
        self.persona.setCurrentIndex(max(0, self.persona.findData(chosen or "")))

    def show_friction_filter(self, chosen: FrictionFilter) -> None:
        kind = "" if chosen.kind is None else chosen.kind.value
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.severity.setCurrentIndex(max(0, self.severity.findData(chosen.least_severity)))

    def friction_filter(self) -> FrictionFilter:
        kind = self.kind.currentData()
        return FrictionFilter(
            FrictionKind(kind) if kind else None, int(self.severity.currentData())
        )

    # --- the user's choices ------------------------------------------------------------------

    def _persona_chosen(self) -> None:
        self.personaChosen.emit(self.persona.currentData() or "")

    def _friction_filter_chosen(self) -> None:
        self.frictionFilterChosen.emit(self.friction_filter())
