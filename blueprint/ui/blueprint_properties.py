"""The blueprint's own properties: title, organisation, currency and description, and the
measures of the whole blueprint.

File › Blueprint Properties… or a click on the grid's corner (which shows the title) opens
it. Every field is one ``EditBlueprint`` step, typing merged, as in the other property
windows; the corner, the window and the plan follow at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLineEdit, QMainWindow, QWidget

from .canvas.frozen_view import FrozenHeaderView
from .commands import BLUEPRINT, EditBlueprint
from .document import Document
from .inspector.forms import add_row, heading, text_area
from .inspector.measure_form import DIALOG_LABELS
from .inspector.measures_panel import MeasuresPanel
from .structure.properties import PropertiesDialog

TITLE_HELP = "The name of the service or journey: the PDF plan's cover and every page say it"
CORNER_HINT = "Click to set the blueprint's title, organisation and currency"


class BlueprintProperties(PropertiesDialog):
    command = EditBlueprint

    def __init__(self, document: Document, parent: QWidget) -> None:
        super().__init__(document, parent)
        self.setObjectName("blueprintProperties")
        self.title = QLineEdit()
        add_row(self.fields, "&Title:", self.title, TITLE_HELP)
        self.form.bind(self.title, "title")
        self.organisation = QLineEdit()
        add_row(self.fields, "&Organisation:", self.organisation, "Who runs the service")
        self.form.bind(self.organisation, "organisation")
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.currency.setPlaceholderText("EUR")
        add_row(
            self.fields,
            "C&urrency:",
            self.currency,
            "Three capital letters (ISO 4217): EUR, GBP, USD… Costs per contact are in it",
        )
        self.form.bind(self.currency, "currency")
        self.description = text_area(4, "Description", "What this blueprint maps, and for whom")
        add_row(self.fields, "&Description:", self.description)
        self.form.bind(self.description, "description")
        # The measures of the whole journey: a friction point's frequency may follow one.
        self.measures = MeasuresPanel(document, DIALOG_LABELS, whole_blueprint=True)
        self.measures.problem.connect(self.form.problem)
        self.fields.addRow(heading("Measures of the whole blueprint"))
        self.fields.addRow(self.measures)

    def show_properties(self) -> None:
        self.show_entity(BLUEPRINT)
        self.measures.refresh()
        self.title.setFocus()
        self.title.selectAll()

    def _document_reset(self) -> None:
        self._follow()  # another blueprint: show its properties instead

    def _follow(self) -> None:
        if self.isVisible():
            self.form.refresh()
            self.measures.refresh()
            self._describe()

    def _describe(self) -> None:
        bp = self._document.blueprint
        self.setWindowTitle(f"Blueprint properties — {bp.title}")
        self.summary.setText(
            f"{len(bp.stages)} stages, {len(bp.channels)} channels, "
            f"{len(bp.touchpoints)} touchpoints, {len(bp.frictions)} friction points."
        )


class BlueprintPropertiesOpener(QObject):
    """Opens the one properties window, made the first time it is asked for (not at
    start-up): from File › Blueprint Properties… and from a click on the grid's corner."""

    def __init__(
        self,
        document: Document,
        view: FrozenHeaderView,
        window: QMainWindow,
        show_status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._document = document
        self._window = window
        self._show_status = show_status
        self.dialog: BlueprintProperties | None = None
        _column, _row, corner = view.header_strips()
        self._corner = corner.viewport()
        self._corner.installEventFilter(self)
        self._corner.setToolTip(CORNER_HINT)
        self._corner.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_properties(self) -> None:
        if self.dialog is None:
            self.dialog = BlueprintProperties(self._document, self._window)
            self.dialog.form.problem.connect(self._refused)
        self.dialog.show_properties()

    def _refused(self, message: str) -> None:
        self._show_status(message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._corner
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.show_properties()
            return True
        return False
