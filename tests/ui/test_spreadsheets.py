"""File > Export to Excel…, Import from Excel… and Import Metrics…, driven as a user does:
the menu by its keys, the file dialogs answered, the import dialog's combo boxes, fields and
buttons clicked and typed in."""

import openpyxl
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTextEdit

from blueprint.storage import BlueprintFileError, load_blueprint
from blueprint.storage.tables import export_xlsx
from blueprint.ui.document import Document
from blueprint.ui.spreadsheets.metrics_dialog import MetricsImportDialog
from tests.factories import future_blueprint
from tests.ui.conftest import snapshot
from tests.ui.editing_helpers import pick_from_popup, pick_with_keys
from tests.ui.mnemonic_helpers import clashes, menu_clashes
from tests.ui.window_helpers import close_quietly, shown_window

ALT = Qt.KeyboardModifier.AltModifier
CONTACTS = (
    "Where,KPI,Volume,Day\n"
    "Call for the date,Calls,420,2026-10-31\n"
    "Status form,Visits,9000,2026-10-31\n"
    "Nowhere,Calls,1,2026-10-31\n"
    "Status form,Visits,many,2026-11-30\n"
)


@pytest.fixture
def window(qtbot, tmp_path):
    window = shown_window(qtbot, Document(future_blueprint(), tmp_path / "broadband.blueprint"))
    yield window
    close_quietly(window)


@pytest.fixture
def errors(window, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append((title, message)))
    return shown


def answer_file_dialogs(monkeypatch, path):
    """The system's file dialogs answer ``path``; what they were asked is kept."""
    asked = []

    def answer(parent, title, start, filters):
        asked.append((title, start, filters))
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def from_file_menu(qtbot, window, key):
    """Alt+F, then the action's letter, as a user picks it from the menu."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, ALT)
    menu = window.menus.file
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    qtbot.keyClick(menu, key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def drive_dialog(monkeypatch, qtbot, act):
    """Show the import dialog when it opens and let ``act`` use it, then close it. What the
    dialog said last (its summary, the rows it listed) is kept: the dialog goes once closed."""
    seen = []

    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        act(dialog)
        seen.append((dialog.summary.text(), listed(dialog)))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Close), LEFT)
        return 0

    monkeypatch.setattr(MetricsImportDialog, "exec", exec_)
    return seen


LEFT = Qt.MouseButton.LeftButton


def listed(dialog) -> list[str]:
    return [dialog.unplaced.item(i).text() for i in range(dialog.unplaced.count())]


def measures_of(window, touchpoint_id):
    return [
        (m.name, m.value)
        for m in window.document.blueprint.measures
        if m.touchpoint_id == touchpoint_id
    ]


# --- the menu ---------------------------------------------------------------------------


def test_the_actions_sit_after_the_exports_each_with_its_own_letter(window):
    texts = [a.text() for a in window.menus.file.actions()]
    at = texts.index("Export to E&xcel…")
    assert texts[at - 1] == "Export &Plan…"
    assert texts[at + 1 : at + 3] == ["&Import from Excel…", "Import &Metrics…"]
    assert menu_clashes(window.menus.file) == []


def test_the_import_dialog_gives_each_letter_once(qtbot, window):
    dialog = MetricsImportDialog(window.document, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [f"{a} and {b}" for a, b in clashes(dialog)] == []
    dialog.close()


# --- the workbook ----------------------------------------------------------------------------


def test_export_to_excel_writes_the_whole_blueprint(qtbot, window, monkeypatch, tmp_path):
    path = tmp_path / "broadband.xlsx"
    asked = answer_file_dialogs(monkeypatch, path)
    from_file_menu(qtbot, window, Qt.Key.Key_X)
    assert asked[0][1].endswith("broadband.xlsx")  # offered beside the blueprint
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[0] == "Touchpoints" and len(workbook.sheetnames) == 14
    assert window.statusBar().currentMessage().startswith("Exported broadband.xlsx")


def test_import_from_excel_opens_the_workbook_as_a_new_blueprint(
    qtbot, window, monkeypatch, tmp_path
):
    path = tmp_path / "edited.xlsx"
    original = load_blueprint("samples/grocery-delivery.blueprint")
    export_xlsx(original, path)
    answer_file_dialogs(monkeypatch, path)
    from_file_menu(qtbot, window, Qt.Key.Key_I)
    assert window.document.blueprint == original
    assert window.document.path is None  # saved where the user says, not over the workbook
    assert "Imported edited.xlsx" in window.statusBar().currentMessage()


def test_a_workbook_just_imported_is_unsaved_work_closing_asks_first(
    qtbot, window, monkeypatch, tmp_path
):
    """Ctrl+W right after an import closed the new blueprint without a word: it is saved
    nowhere yet."""
    path = tmp_path / "edited.xlsx"
    export_xlsx(load_blueprint("samples/grocery-delivery.blueprint"), path)
    answer_file_dialogs(monkeypatch, path)
    from_file_menu(qtbot, window, Qt.Key.Key_I)
    imported = window.document.blueprint
    assert window.isWindowModified()
    asked = []
    cancel = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or cancel)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert asked == [
        "'Online grocery order and delivery' has changes that are not saved. Save them?"
    ]
    assert window.document.blueprint is imported


def test_a_workbook_imported_is_saved_beside_it_under_its_name(
    qtbot, window, monkeypatch, tmp_path
):
    """Save went to the home folder under the blueprint's title: on a shared drive, a
    second copy elsewhere, the shared file unchanged."""
    shared = tmp_path / "shared"
    shared.mkdir()
    path = shared / "bb2.xlsx"
    export_xlsx(load_blueprint("samples/grocery-delivery.blueprint"), path)
    answer_file_dialogs(monkeypatch, path)
    from_file_menu(qtbot, window, Qt.Key.Key_I)
    asked = answer_file_dialogs(monkeypatch, shared / "bb2.blueprint")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked[0][1] == str(shared / "bb2.blueprint")
    assert window.document.path == shared / "bb2.blueprint"
    assert load_blueprint(shared / "bb2.blueprint") == window.document.blueprint


def test_a_broken_workbook_is_explained_and_the_blueprint_stays(
    qtbot, window, monkeypatch, tmp_path, errors
):
    path = tmp_path / "broken.xlsx"
    export_xlsx(window.document.blueprint, path)
    workbook = openpyxl.load_workbook(path)
    workbook["Touchpoints"]["B3"] = "=B2"
    workbook.save(path)
    before = snapshot(window.document)
    answer_file_dialogs(monkeypatch, path)
    from_file_menu(qtbot, window, Qt.Key.Key_I)
    ((title, message),) = errors
    assert title == "Cannot import the workbook"
    assert "• Touchpoints row 3, column 'title': holds a formula (=B2)" in message
    assert message.endswith("Nothing was changed.")
    assert snapshot(window.document) == before


def test_every_problem_of_a_workbook_can_be_read_and_the_cursor_comes_back(
    qtbot, window, monkeypatch, tmp_path
):
    """Twenty problems: the dialog listed 15 and "… and 5 more", with no way to see them;
    Show Details… now lists every one."""
    from tests.ui.talk_helpers import answer_next_dialog, button_of

    path = tmp_path / "many.xlsx"
    export_xlsx(window.document.blueprint, path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Touchpoints"]
    rows = sheet.max_row
    for row in range(2, rows + 1):
        for column in "ABCDEF":
            sheet[f"{column}{row}"] = f"={column}1"
    workbook.save(path)
    answer_file_dialogs(monkeypatch, path)
    seen = {}

    def read_details(box):
        qtbot.mouseClick(button_of(box, "Show Details..."), LEFT)
        edit = box.findChild(QTextEdit)
        qtbot.waitUntil(edit.isVisible)
        seen["message"], seen["details"] = box.text(), edit.toPlainText()
        qtbot.mouseClick(button_of(box, "OK"), LEFT)

    answered = answer_next_dialog(qtbot, read_details)
    from_file_menu(qtbot, window, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: bool(answered))
    problems = seen["details"].count("• ")
    assert seen["details"].count("holds a formula") == 6 * (rows - 1) > 15
    listed = BlueprintFileError.LISTED
    assert seen["message"].count("• ") == listed
    assert f"… and {problems - listed} more (Show Details… lists them all)" in seen["message"]
    assert f"Touchpoints row {rows}, column 'title'" in seen["details"]
    assert QApplication.overrideCursor() is None


def test_a_renamed_channel_is_explained_in_a_dialog_that_fits_a_projectors_screen(
    qtbot, window, monkeypatch, tmp_path
):
    """A channel renamed in its sheet alone: each card on it said so with every channel's
    name, and the dialog stood 1,094 pixels tall, its buttons below the screen's edge."""
    from tests.ui.talk_helpers import answer_next_dialog, button_of

    bp = window.document.blueprint
    first = bp.channels[0]
    many = [
        first.model_copy(update={"id": f"ch{i}", "name": f"A channel with a long name, number {i}"})
        for i in range(12)
    ]
    path = tmp_path / "renamed.xlsx"
    export_xlsx(bp.model_copy(update={"channels": [*bp.channels, *many]}), path)
    workbook = openpyxl.load_workbook(path)
    renamed = bp.channels[0].name
    for row in workbook["Channels"].iter_rows(min_row=2):
        if row[1].value == renamed:
            row[1].value = "Renamed"
    workbook.save(path)
    answer_file_dialogs(monkeypatch, path)
    seen = {}

    def read(box):
        seen["height"] = box.sizeHint().height()
        seen["message"] = box.text()
        qtbot.mouseClick(button_of(box, "Show Details..."), LEFT)
        edit = box.findChild(QTextEdit)
        qtbot.waitUntil(edit.isVisible)
        seen["details"] = edit.toPlainText()
        qtbot.mouseClick(button_of(box, "OK"), LEFT)

    answered = answer_next_dialog(qtbot, read)
    from_file_menu(qtbot, window, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: bool(answered))
    assert f"no channel is named '{renamed}'" in seen["message"]
    assert seen["height"] <= 600
    assert "number 11" in seen["details"]  # each problem whole behind Show Details…


def test_a_workbook_with_a_designers_own_column_is_imported_and_the_column_named(
    qtbot, window, monkeypatch, tmp_path
):
    from tests.ui.talk_helpers import answer_next_dialog, button_of

    path = tmp_path / "notes.xlsx"
    export_xlsx(window.document.blueprint, path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Frictions"]
    sheet.cell(1, sheet.max_column + 1, "Workshop comments")
    sheet.cell(2, sheet.max_column, "ask Ben")
    workbook.save(path)
    answer_file_dialogs(monkeypatch, path)
    seen = {}

    def read(box):
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        qtbot.mouseClick(button_of(box, "OK"), LEFT)

    answered = answer_next_dialog(qtbot, read)
    from_file_menu(qtbot, window, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: bool(answered))
    assert seen["title"] == "Imported, but not all of it"
    assert "Frictions column 'Workshop comments' (1 filled cell)" in seen["text"]
    assert len(window.document.blueprint.frictions) == len(future_blueprint().frictions)


def test_a_deck_picked_as_a_workbook_is_named_and_the_cursor_comes_back(
    qtbot, window, monkeypatch, tmp_path, errors
):
    """A zip that is not a workbook (the plan's deck, renamed) was "Something went wrong"
    and left the wait cursor on for the rest of the session."""
    from blueprint.analysis import build_plan
    from blueprint.report import render_plan_pptx

    path = tmp_path / "plan.xlsx"
    bp = window.document.blueprint
    render_plan_pptx(bp, build_plan(bp), path)
    answer_file_dialogs(monkeypatch, path)
    from_file_menu(qtbot, window, Qt.Key.Key_I)
    ((title, message),) = errors
    assert title == "Cannot import the workbook"
    assert "is not an Excel workbook (.xlsx): it is a PowerPoint deck (a plan?)" in message
    assert QApplication.overrideCursor() is None


# --- metrics --------------------------------------------------------------------------------


def test_metrics_mapped_in_the_dialog_appear_on_their_touchpoints_and_undo_in_one_step(
    qtbot, window, monkeypatch, tmp_path
):
    path = tmp_path / "contacts.csv"
    path.write_text(CONTACTS)
    asked = answer_file_dialogs(monkeypatch, path)
    before, steps = snapshot(window.document), window.document.undo_stack.count()

    def act(dialog):
        # The headers are not ones it can guess the touchpoint from: the user says.
        assert dialog.columns["touchpoint"].currentText() == "(choose a column)"
        assert not dialog.import_button.isEnabled()
        assert dialog.table.horizontalHeaderItem(1).text() == "KPI"
        assert dialog.table.item(0, 0).text() == "Call for the date"
        assert dialog.table.verticalHeaderItem(0).text() == "2"  # as the report numbers it
        pick_from_popup(qtbot, dialog.columns["touchpoint"], "Where")
        pick_with_keys(qtbot, dialog.match, "its title")
        assert dialog.columns["measure"].currentText() == "KPI"  # guessed
        assert dialog.columns["value"].currentText() == "Volume"
        qtbot.mouseClick(dialog.import_button, LEFT)

    seen = drive_dialog(monkeypatch, qtbot, act)
    from_file_menu(qtbot, window, Qt.Key.Key_M)
    # The file dialog started beside the blueprint (it started in the working folder).
    assert asked[0][1] == str(tmp_path)
    ((summary, rows),) = seen
    assert summary == (
        "Imported 2 of 4 rows of contacts.csv: 2 measures added, 0 measures updated; "
        "2 rows not placed."
    )
    assert rows == [
        "row 4: no touchpoint is titled 'Nowhere'",
        "row 5: the value (column 'Volume') must be a number (got 'many')",
    ]
    assert measures_of(window, "t3") == [("Calls", 420.0)]
    assert measures_of(window, "t2") == [("Visits", 9000.0)]
    assert window.document.undo_stack.count() == steps + 1
    assert window.menus.undo.text() == "&Undo Import metrics from contacts.csv"
    window.activateWindow()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(window.document) == before


def test_a_fixed_name_and_the_mapping_remembered_for_the_next_import(
    qtbot, window, monkeypatch, tmp_path
):
    first = tmp_path / "nps.csv"
    first.write_text("Where,Score\nt1,31\n")
    answer_file_dialogs(monkeypatch, first)

    def map_by_hand(dialog):
        pick_from_popup(qtbot, dialog.columns["touchpoint"], "Where")
        pick_from_popup(qtbot, dialog.columns["value"], "Score")
        assert not dialog.import_button.isEnabled()  # no measure name yet
        qtbot.mouseClick(dialog.fixed_name, LEFT)
        qtbot.keyClicks(dialog.fixed_name, "NPS")
        qtbot.mouseClick(dialog.import_button, LEFT)

    drive_dialog(monkeypatch, qtbot, map_by_hand)
    from_file_menu(qtbot, window, Qt.Key.Key_M)
    assert measures_of(window, "t1") == [("NPS", 31.0)]

    second = tmp_path / "nps-next-month.csv"
    second.write_text("Where,Score,Comment\nt1,35,\nt2,12,\n")
    answer_file_dialogs(monkeypatch, second)

    def just_import(dialog):
        assert dialog.columns["touchpoint"].currentText() == "Where"
        assert dialog.columns["value"].currentText() == "Score"
        assert dialog.fixed_name.text() == "NPS"
        qtbot.mouseClick(dialog.check_button, LEFT)
        assert dialog.summary.text().startswith("Would import 2 rows of nps-next-month.csv: 1")
        qtbot.mouseClick(dialog.import_button, LEFT)
        assert not dialog.import_button.isEnabled()  # once

    drive_dialog(monkeypatch, qtbot, just_import)
    from_file_menu(qtbot, window, Qt.Key.Key_M)
    assert measures_of(window, "t1") == [("NPS", 35.0)]  # the same measure, updated
    assert measures_of(window, "t2") == [("NPS", 12.0)]


def test_a_sheet_is_picked_from_the_workbook_and_its_rows_shown(
    qtbot, window, monkeypatch, tmp_path
):
    path = tmp_path / "export.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["made by", "the tool"])
    calls = workbook.create_sheet("Calls")
    for row in (["touchpoint_id", "metric", "value"], ["t3", "Calls", 77]):
        calls.append(row)
    workbook.save(path)
    answer_file_dialogs(monkeypatch, path)

    def pick_sheet(dialog):
        assert dialog.sheet.currentText() == "Notes"
        pick_with_keys(qtbot, dialog.sheet, "Calls")
        assert dialog.table.item(0, 2).text() == "77"
        assert dialog.columns["touchpoint"].currentText() == "touchpoint_id"
        qtbot.mouseClick(dialog.import_button, LEFT)

    drive_dialog(monkeypatch, qtbot, pick_sheet)
    from_file_menu(qtbot, window, Qt.Key.Key_M)
    assert measures_of(window, "t3") == [("Calls", 77.0)]


def test_a_file_with_formulas_is_refused_and_nothing_changes(qtbot, window, monkeypatch, tmp_path):
    path = tmp_path / "export.xlsx"
    workbook = openpyxl.Workbook()
    for row in (["touchpoint", "metric", "value"], ["t1", "NPS", 20], ["t2", "NPS", "=C2+1"]):
        workbook.active.append(row)
    workbook.save(path)
    answer_file_dialogs(monkeypatch, path)
    before = snapshot(window.document)

    def try_import(dialog):
        qtbot.mouseClick(dialog.import_button, LEFT)
        assert dialog.summary.text() == "Cannot import export.xlsx; nothing was changed:"
        assert listed(dialog)[0].startswith("row 3, column 'value': holds a formula (=C2+1)")

    drive_dialog(monkeypatch, qtbot, try_import)
    from_file_menu(qtbot, window, Qt.Key.Key_M)
    assert snapshot(window.document) == before


def test_the_import_dialog_fits_a_small_screen_with_its_buttons_in_sight(
    qtbot, window, monkeypatch
):
    """At 1280x720 its Check, Import and Close buttons were below the screen's edge."""

    class Projector:  # a 1280x720 screen less its panel (the test platform's is 800x800)
        @staticmethod
        def availableGeometry() -> QRect:
            return QRect(0, 0, 1280, 690)

    monkeypatch.setattr(type(window), "screen", lambda self: Projector())
    dialog = MetricsImportDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    free = Projector.availableGeometry()
    assert dialog.height() <= free.height() and dialog.width() <= free.width()
    for button in (dialog.check_button, dialog.import_button):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner), button.text()
