"""A facilitator's first ten minutes, through input events only: from a new blueprint, a
journey of ten cards with flows, EPIC scores, friction and two improvements; saved,
reopened, and exported as the PDF plan a manager reads."""

import itertools
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from blueprint.model import EpicLetter
from blueprint.model.templates import new_blueprint
from blueprint.storage import load_blueprint
from blueprint.ui.document import Document
from blueprint.ui.folders import documents_folder
from blueprint.ui.plan.export_action import PlanExport
from blueprint.ui.plan.export_dialog import PlanExportDialog
from tests.ui.canvas_helpers import double_click, on_screen
from tests.ui.editing_helpers import (
    CTRL,
    click_card,
    close_window,
    open_window,
    pick_from_popup,
    replace_text,
    tools,
)

SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton

#: The broadband installation story: (stage, channel, what the customer meets).
JOURNEY = [
    ("purchase", "website-account", "Orders broadband online"),
    ("purchase", "email-web-form", "Order confirmation email"),
    ("fulfilment", "website-account", "Empty order-status form"),
    ("fulfilment", "live-chat-with-an-agent", "Asks chat for the install date"),
    ("fulfilment", "ivr-phone-menu", "IVR does not recognise the caller"),
    ("fulfilment", "phone-with-an-agent", "Agent cannot see the order"),
    ("purchase", "phone-with-an-agent", "Sales re-orders by mistake"),
    ("support", "live-chat-with-an-agent", "Chats again about the date"),
    ("activation", "sms-messaging", "SMS with the appointment"),
    ("activation", "field-visit-technician", "Technician installs"),
]


@pytest.fixture
def window(qtbot, qapp, monkeypatch):
    monkeypatch.setattr(PlanExport, "open_document", lambda self, path: True)
    window = open_window(qtbot, Document(new_blueprint()))
    yield window
    close_window(window)


def add_card(qtbot, window, stage: str, channel: str, title: str) -> str:
    """Double-click an empty place of the cell, and type the card's title."""
    view = window.canvas
    cell = view.blueprint_scene.grid_layout.cell(f"stage-{stage}", f"ch-{channel}")
    x, y = cell.right - 10, cell.bottom - 10
    view.centerOn(x, y)
    double_click(view, on_screen(view, x, y))
    editor = tools(window).rename.editor
    assert editor.hasFocus()
    qtbot.keyClicks(editor, title)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    chosen = view.blueprint_scene.selected_touchpoint_ids()
    assert len(chosen) == 1
    return chosen[0]


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, key, modifiers)


def add_friction(qtbot, window, card: str, title: str, severity: int, count: str, lands: str):
    click_card(window, card)
    panel = tools(window).inspector.frictions
    tools(window).inspector.tabs.setCurrentIndex(2)
    qtbot.mouseClick(panel.add_button, LEFT)
    form = panel.editor
    replace_text(qtbot, form.title, title)
    qtbot.mouseClick(form.severity.button(severity), LEFT)
    replace_text(qtbot, form.count, count)
    qtbot.keyClick(form.count, Qt.Key.Key_Tab)
    pick_from_popup(qtbot, form.source, "estimated")
    pick_from_popup(qtbot, form.leads_to, lands)


def new_improvement(qtbot, window, card: str, title: str) -> None:
    click_card(window, card)
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    form = window.improvements.form
    qtbot.waitUntil(form.title.hasFocus)
    qtbot.keyClick(form.title, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(form.title, title)
    qtbot.keyClick(form.title, Qt.Key.Key_Tab)


def test_a_journey_captured_saved_reopened_and_exported(qtbot, window, monkeypatch, tmp_path):
    # The title first, from the grid's corner.
    window.show_blueprint_properties()
    dialog = window.properties.dialog
    qtbot.waitUntil(dialog.title.hasFocus)
    qtbot.keyClicks(dialog.title, "Broadband installation")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closes it
    assert not dialog.isVisible()
    window.activateWindow()  # the offscreen platform does not hand the focus back by itself
    qtbot.waitUntil(window.isActiveWindow)

    cards = [add_card(qtbot, window, *step) for step in JOURNEY]
    for earlier, later in itertools.pairwise(cards):
        click_card(window, earlier)
        click_card(window, later, CTRL)
        press(qtbot, window, Qt.Key.Key_L, CTRL)

    # EPIC on the status form and the IVR.
    fields = tools(window).inspector.fields
    for card, scores in ((cards[2], {"E": 1, "I": 2}), (cards[4], {"E": 1, "P": 1})):
        click_card(window, card)
        tools(window).inspector.tabs.setCurrentIndex(0)
        for letter, score in scores.items():
            qtbot.mouseClick(fields.epic[EpicLetter(letter)].button(score), LEFT)

    add_friction(
        qtbot,
        window,
        cards[2],
        "No install date shown",
        3,
        "400",
        "Live chat with an agent (step 1)",
    )
    add_friction(
        qtbot, window, cards[4], "Caller not recognised", 4, "250", "Phone with an agent (step 1)"
    )
    new_improvement(qtbot, window, cards[2], "Show the install date on the status page")
    new_improvement(qtbot, window, cards[4], "Recognise callers by their number")

    # Save (Ctrl+S asks where: the title is proposed), reopen, export.
    path = tmp_path / "broadband.blueprint"
    proposed = []

    def save_as(parent, caption, start, filters):
        proposed.append(start)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    press(qtbot, window, Qt.Key.Key_S, CTRL)
    # Named after the title, in Documents (or home): not the program's working folder.
    assert proposed == [str(documents_folder() / "Broadband installation.blueprint")]
    assert path.exists() and not window.isWindowModified()

    started = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a: (started.append(a[2]), (str(path), ""))[1]
    )
    press(qtbot, window, Qt.Key.Key_W, CTRL)
    assert window.document.path is None
    qtbot.mouseClick(window.start_page.open_button, LEFT)  # the start page offers it
    assert window.document.path == path
    # Open starts where the last blueprint was (it started in the working folder).
    assert started == [str(path.parent)]

    def export(dialog):
        qtbot.mouseClick(dialog.export_button, LEFT)
        return dialog.result()

    monkeypatch.setattr(PlanExportDialog, "exec", export)
    export_action = next(a for a in window.menus.plan.actions() if a.text() == "Export &Plan…")
    with qtbot.waitSignal(window.plan_export.exportFinished, timeout=60_000):
        export_action.trigger()

    # The file holds the journey as drawn.
    saved = load_blueprint(path)
    assert saved.title == "Broadband installation"
    assert [t.title for t in saved.touchpoints] == [title for _s, _c, title in JOURNEY]
    assert len(saved.flows) == 9
    by_title = {t.title: t for t in saved.touchpoints}
    assert by_title["Empty order-status form"].epic.easy == 1
    assert by_title["Empty order-status form"].epic.intuitive == 2
    frictions = {f.title: f for f in saved.frictions}
    assert frictions["No install date shown"].severity == 3
    assert frictions["No install date shown"].frequency.count == 400
    assert frictions["Caller not recognised"].leads_to_channel_id == "ch-phone-with-an-agent"
    assert sorted(i.title for i in saved.improvements) == [
        "Recognise callers by their number",
        "Show the install date on the status page",
    ]
    assert all(len(i.friction_ids) == 1 for i in saved.improvements)

    # The plan a manager reads: named, ranked, with a saving that is not zero.
    pdf = tmp_path / "broadband-plan.pdf"
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(pdf).pages]
    assert "Broadband installation" in pages[0]
    summary = pages[1]
    assert "Recognise callers by their number" in summary
    assert "Show the install date on the status page" in summary
    assert "would avoid about € " in summary and "at estimated costs per contact" in summary
    assert "€ 0 a year" not in summary


def test_ctrl_z_in_a_field_with_nothing_typed_undoes_the_last_change(qtbot, window):
    """Right after Ctrl+Shift+I the new improvement's title has the focus; Ctrl+Z did
    nothing there while the Edit menu offered 'Undo Add improvement'."""
    card = add_card(qtbot, window, "fulfilment", "phone-with-an-agent", "Agent cannot see")
    add_friction(qtbot, window, card, "No order history", 3, "40", "Phone with an agent (step 1)")
    click_card(window, card)
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    form = window.improvements.form
    qtbot.waitUntil(form.title.hasFocus)
    assert len(window.document.blueprint.improvements) == 1
    qtbot.keyClick(form.title, Qt.Key.Key_Z, CTRL)
    assert window.document.blueprint.improvements == []
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)  # and back
    assert len(window.document.blueprint.improvements) == 1


def test_ctrl_z_in_a_field_with_typing_undoes_the_typing_first(qtbot, window):
    card = add_card(qtbot, window, "fulfilment", "phone-with-an-agent", "Agent cannot see")
    editor = tools(window).inspector
    click_card(window, card)
    title = editor.fields.title
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, " now")
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() == "Agent cannot see"  # the field's own typing
    assert [t.title for t in window.document.blueprint.touchpoints] == ["Agent cannot see"]
