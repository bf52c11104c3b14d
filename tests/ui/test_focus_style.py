"""The focus of a button shows on a projector: a 2-pixel ring in the highlight colour, also
on a button the program gave the focus to."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from blueprint.ui.focus_style import VisibleFocus


def ring_pixels(button: QPushButton) -> int:
    """How many pixels of the button's outer two rows and columns are the highlight."""
    image = button.grab().toImage()
    highlight = button.palette().color(QPalette.ColorRole.Highlight)
    found = 0
    for x in range(image.width()):
        for y in (*range(0, 3), *range(image.height() - 3, image.height())):
            found += _close(image.pixelColor(x, y), highlight)
    return found


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60


def test_a_focused_button_has_a_ring_the_width_of_the_button(qtbot):
    panel = QWidget()
    qtbot.addWidget(panel)
    style = VisibleFocus(panel.style().name())
    layout = QVBoxLayout(panel)
    buttons = [QPushButton("&Add friction"), QPushButton("Re&move")]
    for button in buttons:
        button.setStyle(style)
        layout.addWidget(button)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)  # given by the program, not by Tab
    qtbot.waitUntil(buttons[0].hasFocus)
    focused, other = ring_pixels(buttons[0]), ring_pixels(buttons[1])
    assert focused >= buttons[0].width()  # at least the top and bottom edges, all along
    assert other < focused / 4


def _focused_by_the_program(qtbot, panel, widget) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)  # as after a dialog closes
    qtbot.waitUntil(widget.hasFocus)


def _ring_pixels_in(widget, rect) -> int:
    """Highlight pixels on the outer two rows and columns of ``rect`` of ``widget``."""
    image = widget.grab().toImage()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight)
    edge = [
        (x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in (rect.top() + 1, rect.bottom() - 1)
    ]
    edge += [
        (x, y)
        for y in range(rect.top(), rect.bottom() + 1)
        for x in (rect.left() + 1, rect.right() - 1)
    ]
    return sum(_close(image.pixelColor(x, y), highlight) for x, y in edge)


def test_a_focused_tab_has_the_ring_the_others_do_not(qtbot):
    """The inspector's tabs are a Tab stop: their focus was a tint 1.16:1 against the rest,
    and nothing at all after a dialog had closed."""
    from PySide6.QtWidgets import QTabWidget

    panel = QWidget()
    qtbot.addWidget(panel)
    style = VisibleFocus(panel.style().name())
    tabs = QTabWidget()
    for name in ("Touchpoint", "Friction"):
        tabs.addTab(QWidget(), name)
    for widget in (tabs, tabs.tabBar()):
        widget.setStyle(style)
    QVBoxLayout(panel).addWidget(tabs)
    bar = tabs.tabBar()
    _focused_by_the_program(qtbot, panel, bar)
    focused, other = _ring_pixels_in(bar, bar.tabRect(0)), _ring_pixels_in(bar, bar.tabRect(1))
    assert focused >= bar.tabRect(0).width()
    assert other < focused / 4


def test_a_focused_table_has_the_ring_round_its_frame(qtbot):
    """Tabbed into, the Improvements table looked as it does without the keys."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    panel = QWidget()
    qtbot.addWidget(panel)
    style = VisibleFocus(panel.style().name())
    tables = [QTableView(), QTableView()]
    layout = QVBoxLayout(panel)
    for table in tables:
        table.setModel(QStandardItemModel(3, 2, table))
        table.setStyle(style)
        layout.addWidget(table)
    _focused_by_the_program(qtbot, panel, tables[0])
    focused, other = (_ring_pixels_in(t, t.rect()) for t in tables)
    assert focused >= tables[0].width()
    assert other < focused / 4
