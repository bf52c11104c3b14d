"""The blueprint's own title, organisation, currency and description, set in the editor."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible

from blueprint.model.templates import new_blueprint
from blueprint.ui.document import Document
from tests.ui.editing_helpers import close_window, open_window, replace_text, status
from tests.ui.text_helpers import shown_as


@pytest.fixture
def window(qtbot, qapp):
    window = open_window(qtbot, Document(new_blueprint()))
    yield window
    close_window(window)


def click_corner(qtbot, window):
    _column, _row, corner = window.canvas.header_strips()
    qtbot.mouseClick(corner.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    dialog = window.properties.dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_a_click_on_the_grids_corner_opens_the_title_ready_for_typing(qtbot, window):
    dialog = click_corner(qtbot, window)
    assert dialog.title.text() == "New service blueprint"
    qtbot.waitUntil(dialog.title.hasFocus)
    assert dialog.title.selectedText() == "New service blueprint"
    qtbot.keyClicks(dialog.title, "Broadband installation")
    replace_text(qtbot, dialog.organisation, "Fibre & Co")
    bp = window.document.blueprint
    assert (bp.title, bp.organisation) == ("Broadband installation", "Fibre & Co")
    assert window.canvas.blueprint_scene._corner.title == "Broadband installation"
    stack = window.document.undo_stack
    assert stack.count() == 2  # each field's typing is one step
    assert (
        stack.text(0) == "Retitle the blueprint 'New service blueprint' to 'Broadband installation'"
    )
    stack.undo()
    stack.undo()
    assert dialog.title.text() == "New service blueprint"
    assert window.canvas.blueprint_scene._corner.title == "New service blueprint"


def open_properties(qtbot, window):
    """The dialog of File › Blueprint Properties… (its menu action triggered)."""
    action = next(a for a in window.menus.file.actions() if a.text() == "&Blueprint Properties…")
    action.trigger()
    dialog = window.properties.dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_menu_opens_it_and_a_bad_currency_is_refused_in_words(qtbot, window):
    dialog = open_properties(qtbot, window)
    replace_text(qtbot, dialog.currency, "gb")
    assert window.document.blueprint.currency == "EUR"
    assert "currency" in status(window).lower()
    replace_text(qtbot, dialog.currency, "GBP")
    assert window.document.blueprint.currency == "GBP"


def test_a_refused_value_says_why_to_a_screen_reader_in_words_not_markup(qtbot, window):
    dialog = open_properties(qtbot, window)
    replace_text(qtbot, dialog.currency, "<b>")
    said = QAccessible.queryAccessibleInterface(dialog.currency).text(QAccessible.Text.Description)
    assert "currency" in said.lower()
    assert said == shown_as(dialog.currency.toolTip())  # what the tooltip shows, no markup
    replace_text(qtbot, dialog.currency, "GBP")
    said = QAccessible.queryAccessibleInterface(dialog.currency).text(QAccessible.Text.Description)
    assert "currency" not in said.lower()  # the refusal is gone with it


def test_the_save_dialog_proposes_the_title_as_the_file_name(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    window.document.blueprint.title = "Broadband: install / repair"
    proposed = []

    def answer(parent, caption, start, filters):
        proposed.append(start)
        return str(tmp_path / "saved.blueprint"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    assert window.save()
    assert proposed[0].endswith("Broadband- install - repair.blueprint")
