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
